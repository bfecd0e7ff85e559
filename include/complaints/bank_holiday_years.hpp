#pragma once
/// The years whose UK bank holidays are known, and the fixed-date holidays that fall on a
/// weekend (days off in six- and seven-day weeks). See docs/POLICY.md, "Bank holidays from
/// 1971" and "Six- and seven-day weeks".

#include "complaints/calendar.hpp"

#include <string>
#include <vector>

namespace complaints {

/// The first year whose bank holidays are known: the Banking and Financial Dealings Act 1971.
/// bank_holidays() is empty before it, and users asking for an earlier year are refused. Years
/// after the last entry of data/uk-bank-holiday-changes.toml get the standing rules.
inline constexpr int first_bank_holiday_year = 1971;

/// Whether `day` is in a year whose bank holidays are known (1971 onwards).
inline bool bank_holidays_known(Day day) {
    return date::year_month_day{day}.year() >= date::year{first_bank_holiday_year};
}

/// Why no deadline can be worked out from `day`, a day before 1971, for an error message.
std::string before_bank_holidays(Day day);

/// The fixed-date holidays of `division` in force in `year` that fall on a Saturday or Sunday
/// (Christmas Day on a Saturday, St Andrew's Day on a Sunday...), under their own names. They
/// are days off in a working week that includes their weekday, as well as their substitute
/// days, which bank_holidays() lists (it lists Monday to Friday only, as published).
std::vector<Holiday> weekend_bank_holidays(Division division, int year);

} // namespace complaints
