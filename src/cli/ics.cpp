#include "cli/ics.hpp"

#include "cli/escape.hpp"
#include "cli/present.hpp"

#include <fmt/format.h>

namespace complaints::cli {

std::string ics_begin() {
    return ics_line("BEGIN:VCALENDAR") + ics_line("VERSION:2.0") +
           ics_line("PRODID:-//complaints//complaints register//EN") +
           ics_line("CALSCALE:GREGORIAN") + ics_line("METHOD:PUBLISH") +
           ics_line("X-WR-CALNAME:Complaint deadlines");
}

std::string ics_end() {
    return ics_line("END:VCALENDAR");
}

namespace {

std::string utc_stamp(Instant moment) {
    return date::format("%Y%m%dT%H%M%SZ", moment);
}

std::string ics_date(Day day) {
    return date::format("%Y%m%d", day);
}

bool pending(const Deadline& d) {
    return d.party == Party::staff &&
           (d.state == DeadlineState::open || d.state == DeadlineState::due_soon ||
            d.state == DeadlineState::overdue);
}

/// 1 for the first visit to the deadline's stage, 2 for the second, ...
int visit_of(const ComplaintState& state, const Deadline& deadline) {
    int visit = 0;
    for (const Deadline& d : state.deadlines) {
        if (d.stage == deadline.stage && d.milestone->id == deadline.milestone->id) ++visit;
        if (&d == &deadline) break;
    }
    return visit;
}

std::string description(const Reading& r, const Deadline& d, bool redact) {
    const Milestone& m = *d.milestone;
    std::string text = fmt::format("Next: {}\nStage: {}\nDue: {}\nHandler: {}",
                                   m.action.empty() ? m.title : m.action, d.stage_title,
                                   due_text(d.due, r.calendar->zone()), r.state.handler);
    if (!redact && !r.complaint.summary.empty()) text += "\nComplaint: " + r.complaint.summary;
    return text;
}

/// How long the calendar entry of an hour-based deadline lasts, from its due moment: a slot
/// long enough to show in a day view.
constexpr auto hour_deadline_slot = std::chrono::minutes{30};

/// A reminder an hour before an hour-based deadline ("acknowledge within 48 hours" is easily
/// missed by a day view read in the morning).
std::string alarm(const Deadline& d, const std::string& id) {
    return ics_line("BEGIN:VALARM") + ics_line("ACTION:DISPLAY") + ics_line("TRIGGER:-PT1H") +
           ics_line("DESCRIPTION:" +
                    ics_text(d.milestone->title + " (" + id + ") due in an hour")) +
           ics_line("END:VALARM");
}

std::string vevent(const Reading& r, const Deadline& d, Instant stamp, bool redact) {
    const std::string& id = r.complaint.id;
    std::string out = ics_line("BEGIN:VEVENT");
    out += ics_line(fmt::format("UID:{}-{}-{}-{}@complaints", id, d.stage, d.milestone->id,
                                visit_of(r.state, d)));
    out += ics_line("DTSTAMP:" + utc_stamp(stamp));
    if (d.due.is_day) {
        out += ics_line("DTSTART;VALUE=DATE:" + ics_date(d.due.day));
        out += ics_line("DTEND;VALUE=DATE:" + ics_date(d.due.day + date::days{1}));
    } else {
        out += ics_line("DTSTART:" + utc_stamp(d.due.moment));
        out += ics_line("DTEND:" + utc_stamp(d.due.moment + hour_deadline_slot));
    }
    const char* prefix = d.state == DeadlineState::overdue ? "OVERDUE: " : "";
    out += ics_line(
        fmt::format("SUMMARY:{}{}", prefix, ics_text(d.milestone->title + " (" + id + ")")));
    out += ics_line("DESCRIPTION:" + ics_text(description(r, d, redact)));
    out += ics_line("CATEGORIES:" + ics_text(state_name(d.state)));
    out += ics_line("TRANSP:TRANSPARENT");
    if (!d.due.is_day) out += alarm(d, id);
    return out + ics_line("END:VEVENT");
}

} // namespace

std::string ics_events(const Reading& reading, Instant stamp, bool redact) {
    if (reading.state.status != ComplaintStatus::open) return "";
    std::string out;
    for (const Deadline& d : reading.state.deadlines)
        if (pending(d)) out += vevent(reading, d, stamp, redact);
    return out;
}

} // namespace complaints::cli
