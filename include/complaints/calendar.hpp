#pragma once
/// Working calendars: a time zone, a working week, UK bank holidays by rule plus one-off
/// changes, and an organisation's own closure days.

#include "complaints/names.hpp"
#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

/// The three UK bank-holiday divisions, or none at all.
enum class Division { none, england_and_wales, scotland, northern_ireland };
/// What policies (`bank_holidays`) and calendar files (`division`) call each division, in the
/// order messages list them.
inline constexpr NameTable<Division, 4> division_names{{
    {Division::england_and_wales, "england-and-wales"},
    {Division::scotland, "scotland"},
    {Division::northern_ireland, "northern-ireland"},
    {Division::none, "none"},
}};

/// Parses "england-and-wales", "scotland", "northern-ireland" or "none".
std::optional<Division> parse_division(std::string_view text);
std::string division_name(Division division);

/// A named non-working day, e.g. {2026-04-03, "Good Friday"}.
struct Holiday {
    Day day;
    std::string name;
};

/// One entry of a calendar file (docs/POLICY.md, "Calendars"): a bank holiday added, with its
/// name, or removed; in one division, or in all three when `division` is empty.
struct HolidayChange {
    Day day;
    std::string name; ///< empty for a removal
    std::optional<Division> division;
    int line = 0; ///< where its date is written, for messages
    int column = 0;
};

/// A calendar file's `[[add]]` and `[[remove]]` entries, in file order.
struct HolidayChanges {
    std::vector<HolidayChange> added;
    std::vector<HolidayChange> removed;
};

/// Reads a calendar file: the shipped data/uk-bank-holiday-changes.toml or a register's
/// calendar.toml. Unknown keys and bad dates, names or divisions are errors at path:line:col.
Result<HolidayChanges> parse_holiday_changes(std::string_view text, std::string_view path);

/// The one-off and moved bank holidays (1971 onwards, each with its source) this release
/// knows of, read from data/uk-bank-holiday-changes.toml, which is compiled in.
const HolidayChanges& shipped_holiday_changes();
std::string_view shipped_holiday_changes_text();
std::string_view shipped_holiday_changes_path(); ///< "data/uk-bank-holiday-changes.toml"

/// The bank holidays of `division` in `year`, in date order: computed by rule (Easter,
/// first/last Mondays, substitute days), then with the shipped changes applied.
std::vector<Holiday> bank_holidays(Division division, int year);

/// Easter Sunday of `year` (Gregorian).
Day easter_sunday(int year);

/// An organisation's own closure: every day from `first` to `last`, both included.
struct Closure {
    Day first{};
    Day last{};
    std::string name;
    Closure() = default;
    /// A closure of one day.
    Closure(Day day, std::string closure_name)
        : first(day), last(day), name(std::move(closure_name)) {}
    Closure(Day from, Day to, std::string closure_name)
        : first(from), last(to), name(std::move(closure_name)) {}
};

/// The longest a calendar may go without a working day: a search for one gives up after it.
inline constexpr date::days max_days_without_working_day{3652}; // 10 years

/// Everything that decides whether a day is a working day.
struct CalendarSpec {
    std::string zone_name = "Europe/London";
    /// Monday = 0 ... Sunday = 6; true where it is a working day.
    std::array<bool, 7> working_week{true, true, true, true, true, false, false};
    Division division = Division::england_and_wales;
    /// Extra non-working days (organisation closures), as written; where two overlap, the
    /// first names the day.
    std::vector<Closure> closures;
    std::vector<Day> extra_working;      ///< days that are working days despite the rules
    std::vector<Holiday> added_holidays; ///< bank holidays proclaimed after this release
    std::vector<Day> removed_holidays;   ///< bank holidays cancelled (the day stays a weekday)
};

/// `spec` with the register's own calendar changes applied (REGISTER/calendar.toml):
/// `[[add]] date = 2027-06-07, name = "...", division = "scotland"` (division optional) for a
/// new proclamation, `[[remove]] date = ...` for a cancelled holiday. Unknown keys, bad dates
/// and removing a day that is no bank holiday are errors at `path:line:col`.
Result<CalendarSpec> apply_register_calendar(CalendarSpec spec, std::string_view text,
                                             std::string_view path);

/// A calendar ready to answer questions; cheap to copy.
class WorkingCalendar {
  public:
    /// Fails when the zone is not in the OS tz database, and when closures leave more than
    /// `max_days_without_working_day` in a row without a working day (no working-day deadline
    /// could be found): the message names the days and the closure. Every search for a working
    /// day in a calendar made here therefore ends within 10 years.
    static Result<WorkingCalendar> make(const CalendarSpec& spec);

    const date::time_zone* zone() const { return zone_; }
    const CalendarSpec& spec() const { return spec_; }

    bool is_working_day(Day day) const;
    /// Why `day` is not a working day ("Saturday", "Good Friday", "closure: Christmas
    /// closure"), or an empty string when it is one.
    std::string why_not_working(Day day) const;

    /// The day that is `count` working days after `start`; `start` itself is not counted.
    Day add_working_days(Day start, int count) const;
    /// The first working day on or after `day`.
    Day next_working_day_on_or_after(Day day) const;
    /// Working days in the half-open range [from, to).
    int working_days_between(Day from, Day to) const;

    /// Every non-working day that falls on a weekday of the working week in `year`, with its
    /// reason (bank holidays and closures), in date order.
    std::vector<Holiday> holidays_in(int year) const;

  private:
    /// Days in a row closed by one closure (the first written, where closures overlap).
    struct ClosedDays {
        Day first;
        Day last;
        std::size_t closure; ///< index into spec_.closures
    };

    const date::time_zone* zone_ = nullptr;
    CalendarSpec spec_;
    std::vector<ClosedDays> closed_; ///< disjoint, in date order: looked up in O(log n)
    std::vector<Day> extra_working_; ///< spec_.extra_working, sorted
    const std::string* holiday_name(Day day) const;
    const ClosedDays* closed_on(Day day) const;
    bool is_extra_working(Day day) const;
    /// The day after the closed days `day` is in, or the first extra working day among them.
    Day after_closed(const ClosedDays& closed, Day day) const;
    Status check_closures_leave_working_days() const;
    /// The bank holidays in `year` under spec_, worked out when first asked for. Safe to call
    /// from several threads at once: a register's complaints are worked out on every core.
    const std::vector<Holiday>& bank_holidays_of(int year) const;
    struct BankHolidayYears {
        std::mutex mutex;
        std::map<int, std::vector<Holiday>> years; ///< a year once in is never changed
    };
    /// Shared by copies, which have the same spec_.
    std::shared_ptr<BankHolidayYears> bank_holiday_years_ = std::make_shared<BankHolidayYears>();
};

} // namespace complaints
