#pragma once
/// Why a deadline falls when it does, in words a complainant can follow: the rule, the anchor
/// event and its time, the unit and how it is counted, each day not counted and why, any
/// roll-forward, extensions and pauses, and the result. Pure: the CLI lays it out.

#include "complaints/lifecycle.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

/// A day that a period did not count, and why ("Saturday", "Good Friday (bank holiday)",
/// "closure: Christmas closure").
struct SkippedDay {
    Day day;
    std::string why;
};

/// The non-working days after `anchor` up to and including `due`, in date order.
std::vector<SkippedDay> days_skipped(Day anchor, Day due, const WorkingCalendar& calendar);

/// "Thursday 2 April 2026".
std::string long_day(Day day);

/// What a milestone counts from, as a noun phrase: "receipt of the complaint", "the start of
/// this stage", "the acknowledgement", or for an event anchor the event ("the meeting").
std::string anchor_words(const Milestone& milestone);

/// "Acknowledge the complaint within 48 hours of the start of this stage".
std::string rule_words(const Milestone& milestone);

struct DeadlineExplanation {
    std::string rule;         ///< "Formal complaint: Acknowledge ... of the start of this stage"
    std::string anchor_event; ///< anchor_words of the milestone
    Instant anchor_at{};      ///< when the anchor event happened
    Day anchor_day{};         ///< its local day
    Day counted_from{};       ///< the day counting starts from: `anchor_day`, or with
                              ///< from_working_day the next working day when it is not one
    Period period;            ///< the period counted (the milestone's, or its `every`)
    std::string unit;         ///< what the unit means, in words
    std::string counting;     ///< the anchor-day rule as applied here
    std::optional<Day> first_day;        ///< day 1 of a day-based period
    std::vector<SkippedDay> skipped;     ///< working-day periods: days not counted
    std::optional<Day> rolled_from;      ///< roll_forward: the day the count ended on
    std::vector<SkippedDay> rolled_over; ///< roll_forward: the days rolled over
    std::string note;                    ///< month clamped to its last day, or clocks changed
    Due base_due;                        ///< before extensions and pauses
    std::vector<Adjustment> adjustments;
    std::vector<SkippedDay> skipped_after; ///< working days: days not counted in adjustments
    Due due;
    std::string result; ///< "Due by the end of Monday 20 April 2026."
    std::string state;  ///< "Met on ..., on time.", "Overdue: ...", ...
};

/// Explains `deadline` (from derive_state) in `calendar`, the calendar it was worked out in.
DeadlineExplanation explain_deadline(const Deadline& deadline, const WorkingCalendar& calendar);

/// "by the end of Monday 20 April 2026" or "by 10:00 BST on Sunday 29 March 2026".
std::string due_words(const Due& due, const WorkingCalendar& calendar);

/// "Thursday 2 April 2026 at 10:00 BST".
std::string moment_words(Instant moment, const date::time_zone* zone);

} // namespace complaints
