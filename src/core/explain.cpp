#include "complaints/explain.hpp"

#include <array>
#include <fmt/format.h>
#include <map>

namespace complaints {

namespace {

const std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};

std::string clock_time(Instant moment, const date::time_zone* zone) {
    auto info = zone_info(moment, zone);
    date::local_seconds local{(moment + info.offset).time_since_epoch()};
    return date::format("%H:%M", local) + " " + info.abbrev;
}

/// "Monday to Friday", or the working days listed.
std::string working_week_words(const CalendarSpec& spec) {
    static const std::array<const char*, 7> names{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
    const std::array<bool, 7> standard{true, true, true, true, true, false, false};
    if (spec.working_week == standard) return "Monday to Friday";
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (spec.working_week[i]) out += (out.empty() ? "" : ", ") + std::string(names[i]);
    return out;
}

std::string holidays_words(const CalendarSpec& spec) {
    switch (spec.division) {
    case Division::england_and_wales:
        return "bank holidays in England and Wales";
    case Division::scotland:
        return "bank holidays in Scotland";
    case Division::northern_ireland:
        return "bank holidays in Northern Ireland";
    case Division::none:
        break;
    }
    return "";
}

std::string unit_words(const Period& period, const WorkingCalendar& calendar) {
    const std::string amount = describe(period);
    switch (period.unit) {
    case Unit::hours:
        return amount + " of elapsed clock time, counted from the exact moment, whatever the "
                        "day";
    case Unit::days:
        return amount + ": calendar days, so weekends and bank holidays count";
    case Unit::weeks:
        return fmt::format("{}, that is {} calendar days: weekends and bank holidays count", amount,
                           7 * period.count);
    case Unit::working_days: {
        std::string holidays = holidays_words(calendar.spec());
        return fmt::format("{}: {} only, not counting {}closure days", amount,
                           working_week_words(calendar.spec()),
                           holidays.empty() ? "" : holidays + " or ");
    }
    case Unit::months:
        return amount + ": calendar months, ending on the same date in the later month, or on "
                        "that month's last day when it has no such date";
    }
    return amount;
}

/// Day 1 of a day-based period, as the engine counts it (src/core/period.cpp); none for a
/// period of no days, which ends on the day it is counted from.
std::optional<Day> first_counted_day(Day anchor, const Period& period, const Counting& counting,
                                     const WorkingCalendar& calendar) {
    if (period.count == 0) return std::nullopt;
    Day first = counting.beginning_with ? anchor : anchor + date::days{1};
    if (period.unit == Unit::working_days) first = calendar.next_working_day_on_or_after(first);
    return first;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

/// Which day is day 1, in the engine's own terms: the anchor day when the period begins with
/// it (for working days, only when it is one), else the first (working) day after it.
std::string begins_words(const DeadlineExplanation& e, const Counting& counting,
                         const WorkingCalendar& calendar) {
    const std::string from = long_day(e.counted_from);
    if (!e.first_day)
        return fmt::format("The period is {}, so it ends on the day of {} itself ({}).",
                           describe(e.period), e.anchor_event, from);
    if (!counting.beginning_with)
        return fmt::format("The day of {} ({}) is not counted. Day 1 is {}.", e.anchor_event, from,
                           long_day(*e.first_day));
    if (*e.first_day == e.counted_from)
        return fmt::format("The period begins with the day of {}: {} counts as day 1.",
                           e.anchor_event, from);
    return fmt::format("The period begins with the day of {}, but {} is not a working day ({}), "
                       "so it is not counted. Day 1 is {}.",
                       e.anchor_event, from, calendar.why_not_working(e.counted_from),
                       long_day(*e.first_day));
}

std::string counting_words(const DeadlineExplanation& e, const Counting& counting,
                           const WorkingCalendar& calendar) {
    if (e.period.unit == Unit::hours)
        return fmt::format("The period starts at the moment of {}: {}.", e.anchor_event,
                           moment_words(e.anchor_at, calendar.zone()));
    std::string out;
    if (e.counted_from != e.anchor_day)
        out = fmt::format("{} was on {}, not a working day ({}), so it counts as on {}. ",
                          capitalised(e.anchor_event), long_day(e.anchor_day),
                          calendar.why_not_working(e.anchor_day), long_day(e.counted_from));
    out += begins_words(e, counting, calendar);
    return out + " A day-based deadline ends at midnight at the end of its last day.";
}

/// Which period produced `deadline.base_due`: the milestone's own for the first occurrence,
/// its `every` for each repeat.
Period counted_period(const Deadline& deadline) {
    const Milestone& m = *deadline.milestone;
    return deadline.occurrence > 0 && m.every ? *m.every : m.period;
}

/// For months: the month the count lands in may lack the anchor's day ("February 2026 has no
/// day 31"), and a period beginning with the anchor day ends the day before the corresponding
/// date; as months_after in src/core/period.cpp counts.
std::string month_note(Day from, const Period& period, const Counting& counting) {
    const date::year_month_day start{from};
    const auto target = date::year_month{start.year(), start.month()} + date::months{period.count};
    const date::day last = (target / date::last).day();
    if (start.day() > last)
        return fmt::format("{} {} has no day {}, so the period ends on its last day.",
                           month_names[unsigned(target.month()) - 1], int(target.year()),
                           unsigned(start.day()));
    if (!counting.beginning_with || period.count == 0) return "";
    return fmt::format("Beginning with {}, {} {} the day before the corresponding date, {}.",
                       long_day(from), describe(period), period.count == 1 ? "ends" : "end",
                       long_day(Day{target / start.day()}));
}

std::string clock_note(Instant from, Instant to, const date::time_zone* zone) {
    auto before = zone_info(from, zone);
    auto after = zone_info(to, zone);
    if (before.offset == after.offset) return "";
    return fmt::format("The clocks changed in between ({} to {}): the time allowed is still "
                       "exactly the same number of hours, so the due time on the clock moves "
                       "by the change.",
                       before.abbrev, after.abbrev);
}

void explain_roll_forward(DeadlineExplanation& e, const Deadline& deadline,
                          const WorkingCalendar& calendar) {
    Counting plain = deadline.milestone->counting;
    plain.roll_forward = false;
    Due unrolled = due_after(deadline.anchor_at, e.period, plain, calendar);
    if (unrolled.day == e.base_due.day) return;
    e.rolled_from = unrolled.day;
    e.rolled_over =
        days_skipped(unrolled.day - date::days{1}, e.base_due.day - date::days{1}, calendar);
}

void explain_days(DeadlineExplanation& e, const Deadline& deadline,
                  const WorkingCalendar& calendar) {
    const Counting& counting = deadline.milestone->counting;
    e.first_day = first_counted_day(e.counted_from, e.period, counting, calendar);
    if (e.period.unit == Unit::working_days) {
        Day before = counting.beginning_with ? e.counted_from - date::days{1} : e.counted_from;
        e.skipped = days_skipped(before, e.base_due.day, calendar);
        if (e.due.is_day && e.due.day > e.base_due.day)
            e.skipped_after = days_skipped(e.base_due.day, e.due.day, calendar);
    }
    if (e.period.unit == Unit::months) e.note = month_note(e.counted_from, e.period, counting);
    if (counting.roll_forward) explain_roll_forward(e, deadline, calendar);
}

std::string state_words(const Deadline& d, const WorkingCalendar& calendar) {
    const bool staff = d.party == Party::staff;
    switch (d.state) {
    case DeadlineState::met:
        return fmt::format("Met on {}{}.", moment_words(*d.met_at, calendar.zone()),
                           d.late ? ", late" : ", in time");
    case DeadlineState::open:
        return staff ? "Not yet due." : "Open: the complainant may still do this.";
    case DeadlineState::due_soon:
        return "Due soon.";
    case DeadlineState::overdue:
        return "Overdue: the deadline has passed and it has not been done.";
    case DeadlineState::lapsed:
        return "This window for the complainant has closed.";
    case DeadlineState::missed:
        return "Missed: the stage ended after the deadline without it being done.";
    case DeadlineState::superseded:
        return "No longer needed: the stage ended before the deadline.";
    }
    return "";
}

} // namespace

std::vector<SkippedDay> days_skipped(Day anchor, Day due, const WorkingCalendar& calendar) {
    std::vector<SkippedDay> out;
    for (Day day = anchor + date::days{1}; day <= due; day += date::days{1}) {
        std::string why = calendar.why_not_working(day);
        if (!why.empty()) out.push_back({day, std::move(why)});
    }
    return out;
}

std::string long_day(Day day) {
    date::year_month_day ymd{day};
    return fmt::format("{} {} {} {}", weekday_name(day), unsigned(ymd.day()),
                       month_names[unsigned(ymd.month()) - 1], int(ymd.year()));
}

std::string moment_words(Instant moment, const date::time_zone* zone) {
    return fmt::format("{} at {}", long_day(local_day(moment, zone)), clock_time(moment, zone));
}

namespace {

/// "the meeting", "the last update": what an event anchor counts from, in plain words.
std::string event_words(std::string_view type) {
    static const std::map<std::string_view, const char*> words{
        {"acknowledged", "the acknowledgement"},
        {"note", "the last note"},
        {"assigned", "the assignment to a handler"},
        {"escalated", "the escalation"},
        {"extended", "the extension"},
        {"paused", "the pause"},
        {"resumed", "the clock restarting"},
        {"resolved", "the outcome being sent"},
        {"reopened", "the reopening"},
        {"closed", "the closure"},
        {"withdrawn", "the withdrawal"},
        {"referred", "the referral"},
        {"meeting", "the meeting"},
        {"update", "the last update to the complainant"}};
    auto found = words.find(type);
    return found == words.end() ? fmt::format("the '{}' event", type) : found->second;
}

} // namespace

std::string anchor_words(const Milestone& milestone) {
    switch (milestone.from) {
    case Anchor::receipt:
        return "receipt of the complaint";
    case Anchor::stage_start:
        return "the start of this stage";
    case Anchor::escalation_request:
        return "the complainant's request for this stage";
    case Anchor::acknowledgement:
        return "the acknowledgement";
    case Anchor::outcome:
        return "the outcome being sent";
    case Anchor::event:
        return event_words(milestone.from_event);
    case Anchor::occurred:
        return "when the matter happened";
    case Anchor::known:
        return "when the complainant became aware of the matter (else when it happened)";
    }
    return "the start of this stage";
}

std::string rule_words(const Milestone& milestone) {
    std::string out = fmt::format("{} within {} of {}", milestone.title, describe(milestone.period),
                                  anchor_words(milestone));
    if (milestone.counting.beginning_with) out += " (beginning with that day)";
    if (const auto& later = milestone.whichever_later) {
        Milestone other = milestone;
        other.from = later->from;
        out += fmt::format(", or within {} of {}, whichever is later", describe(later->period),
                           anchor_words(other));
    }
    if (milestone.every)
        out += fmt::format(", then again every {} after each time it is done",
                           describe(*milestone.every));
    if (milestone.counting.from_working_day)
        out += " (on a day off, counted from the next working day)";
    if (milestone.counting.roll_forward)
        out += ", moved to the next working day if it falls on a day off";
    if (milestone.party == Party::complainant) out += " (a time limit for the complainant)";
    return out;
}

std::string due_words(const Due& due, const WorkingCalendar& calendar) {
    if (due.is_day) return "by the end of " + long_day(due.day);
    return fmt::format("by {} on {}", clock_time(due.moment, calendar.zone()), long_day(due.day));
}

DeadlineExplanation explain_deadline(const Deadline& deadline, const WorkingCalendar& calendar) {
    DeadlineExplanation e;
    e.rule = fmt::format("{}: {}", deadline.stage_title, rule_words(*deadline.milestone));
    e.anchor_event = deadline.occurrence > 0 ? fmt::format("the last time it was done ({})",
                                                           met_by_words(*deadline.milestone))
                                             : anchor_words(*deadline.milestone);
    e.anchor_at = deadline.anchor_at;
    e.anchor_day = local_day(deadline.anchor_at, calendar.zone());
    e.counted_from = e.anchor_day;
    if (deadline.milestone->counting.from_working_day)
        e.counted_from = calendar.next_working_day_on_or_after(e.anchor_day);
    e.period = counted_period(deadline);
    e.unit = unit_words(e.period, calendar);
    e.base_due = deadline.base_due;
    e.adjustments = deadline.adjustments;
    e.due = deadline.due;
    if (e.period.unit == Unit::hours)
        e.note = clock_note(e.anchor_at, e.base_due.moment, calendar.zone());
    else
        explain_days(e, deadline, calendar);
    e.counting = counting_words(e, deadline.milestone->counting, calendar);
    e.result = "Due " + due_words(e.due, calendar) + ".";
    e.state = state_words(deadline, calendar);
    return e;
}

} // namespace complaints
