#pragma once
/// Periods such as "48 hours", "10 working days", "1 month" and how a deadline is counted
/// from an anchor moment (UK practice: the anchor day is not counted and a day-based
/// deadline ends at the end of its last day in the calendar's zone).

#include "complaints/calendar.hpp"
#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <array>
#include <string>
#include <string_view>

namespace complaints {

enum class Unit { hours, days, working_days, weeks, months };

/// What a unit is called for a count of one and for any other count. `parse_period` reads
/// these (and a few other words, e.g. "business days" and "years"); `unit_name` writes them.
struct UnitName {
    Unit unit;
    std::string_view one;
    std::string_view many;
};
inline constexpr std::array<UnitName, 5> unit_names{{
    {Unit::hours, "hour", "hours"},
    {Unit::days, "day", "days"},
    {Unit::working_days, "working day", "working days"},
    {Unit::weeks, "week", "weeks"},
    {Unit::months, "month", "months"},
}};

struct Period {
    long count = 0;
    Unit unit = Unit::days;
    bool operator==(const Period&) const = default;
};

/// Parses "48 hours", "5 days", "10 working days", "8 weeks", "1 month", "6 months".
/// Singular and plural both work; "working day(s)" and "business day(s)" are the same unit.
/// Counts must be between 0 and 10000.
Result<Period> parse_period(std::string_view text);

/// "48 hours", "1 working day", "1 month".
std::string describe(const Period& period);
/// The unit's name in `unit_names` for `count`: "hour" for 1, "hours" otherwise.
std::string unit_name(Unit unit, long count);

/// How a milestone counts its period.
struct Counting {
    bool beginning_with = false; ///< the anchor day is day 1 (day-based units only)
    bool roll_forward = false;   ///< a due day that is not a working day moves to the next
    /// An anchor on a non-working day counts as on the next working day ("complaints received
    /// in the school holidays are treated as received on the first school day").
    bool from_working_day = false;
};

/// When something is due. Hour-based deadlines are exact moments; day-based ones are a
/// local day whose end (next local midnight) is the moment they become overdue.
struct Due {
    bool is_day = true;
    Day day{};        ///< the last day (day-based), or the local day of `moment`
    Instant moment{}; ///< exact due moment (hours) or end of `day` (days)
};

/// The deadline `period` after `anchor`, counted in `calendar`.
Due due_after(Instant anchor, const Period& period, const Counting& counting,
              const WorkingCalendar& calendar);

/// Moves `due` later by `period` (used for extensions expressed as a period).
Due extend_due(const Due& due, const Period& period, const WorkingCalendar& calendar);

/// A due day set explicitly (e.g. an extension "until 2026-05-01").
Due due_on(Day day, const WorkingCalendar& calendar);

/// How long from `from` to `to`, counted as a deadline counts `unit`: whole hours for hours;
/// for working days, the working days after the day of `from` up to and including the day of
/// `to`; for any other unit, calendar days between the two local days (in Unit::days).
Period elapsed(Instant from, Instant to, Unit unit, const WorkingCalendar& calendar);

} // namespace complaints
