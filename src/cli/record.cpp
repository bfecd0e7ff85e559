// Recording an event from an event command's flags: the part every event command shares.

#include "cli/event_commands.hpp"
#include "cli/output.hpp"

#include <fmt/format.h>

namespace complaints::cli {

std::string EventInput::text(std::string_view flag) const {
    auto found = values.find(flag);
    if (found == values.end()) return "";
    return fmt::format("{}", fmt::join(found->second, " "));
}

const EventCommand* find_event_command(std::string_view name) {
    for (const EventCommand& command : event_commands())
        if (command.name == name) return &command;
    return nullptr;
}

namespace {

/// The string field of `event` that `field` names, or null for the typed ones.
std::string* text_field(Event& event, EventField field) {
    switch (field) {
    case EventField::text:
        return &event.text;
    case EventField::stage:
        return &event.stage;
    case EventField::milestone:
        return &event.milestone;
    case EventField::reason:
        return &event.reason;
    case EventField::good_reason:
        return &event.good_reason;
    case EventField::outcome:
        return &event.outcome;
    case EventField::finding:
        return &event.finding;
    case EventField::handler:
        return &event.handler;
    case EventField::body:
        return &event.body;
    case EventField::requested:
    case EventField::until:
    case EventField::extend_by:
    case EventField::remedies:
        break;
    }
    return nullptr;
}

/// Reads one flag's value into `event` (moments excepted: they need the complaint's zone).
Status read_flag(const EventFlag& flag, const EventInput& input, Event& event) {
    const std::string value = input.text(flag.name);
    if (std::string* field = text_field(event, flag.field)) {
        *field = value;
        return done();
    }
    if (flag.field == EventField::remedies) {
        if (auto found = input.values.find(flag.name); found != input.values.end())
            event.remedies = found->second;
    } else if (flag.field == EventField::until && !value.empty()) {
        auto day = parse_day(value);
        if (!day) return usage_error(fmt::format("{}: {}", flag.name, day.error().message));
        event.until = *day;
    } else if (flag.field == EventField::extend_by && !value.empty()) {
        auto period = parse_period(value);
        if (!period) return usage_error(fmt::format("{}: {}", flag.name, period.error().message));
        event.extend_by = *period;
    }
    return done();
}

/// Reads the moment flags (e.g. escalate --requested) in the zone of the complaint's policy,
/// as --at is read.
Status read_moment_flags(const EventCommand& command, const EventInput& input, Session& session,
                         const Reading& reading, Event& event) {
    for (const EventFlag& flag : command.flags) {
        const std::string value = input.text(flag.name);
        if (flag.field != EventField::requested || value.empty()) continue;
        auto moment = session.moment(value, std::string(flag.name), reading.calendar->zone());
        if (!moment) return moment.error();
        event.requested = *moment;
    }
    return done();
}

Instant latest_moment(const Complaint& complaint, Instant at) {
    Instant latest = std::max(at, complaint.received);
    for (const Event& event : complaint.events)
        latest = std::max(latest, event.at);
    return latest;
}

std::string confirmation(const Reading& before, const Event& event, const ComplaintState& after) {
    std::string line = fmt::format("{}: {} at {}", before.complaint.id, event.type,
                                   format_moment(event.at, before.calendar->zone()));
    if (after.stage != before.state.stage) line += fmt::format("; now in stage {}", after.stage);
    if (after.handler != before.state.handler && !after.handler.empty())
        line += fmt::format("; handled by {}", terminal_safe(after.handler));
    if (after.status != before.state.status)
        line += fmt::format("; now {}", status_name(after.status));
    return line + "\n";
}

/// Refuses an event that would make no sense where it stands (a second resolution, a pause
/// while paused): one the fold would keep out of the state (docs/FORMAT.md).
Status check_in_order(const Complaint& updated, const Event& event, const ComplaintState& state,
                      const Reading& before, Instant moment) {
    Complaint without = updated;
    auto added = std::find_if(without.events.rbegin(), without.events.rend(), [&](const Event& e) {
        return e.type == event.type && e.at == event.at;
    });
    if (added != without.events.rend()) without.events.erase(std::next(added).base());
    auto earlier = derive_state(without, *before.policy, *before.calendar, moment);
    if (!earlier) return done(); // the file's own problem, reported where it is read
    const std::vector<Error> problems = new_anomalies(*earlier, state);
    if (!problems.empty()) return usage_error(problems.front().message);
    return done();
}

/// Appends `event` at --at (default: now) by --by, after the lifecycle has checked it makes
/// sense under the complaint's policy, and prints the confirmation.
Status append_event(Session& session, const Reading& before, const EventInput& input, Event event) {
    const date::time_zone* zone = before.calendar->zone();
    auto now = session.now(zone);
    if (!now) return now.error();
    auto at = session.event_moment(input.at, zone);
    if (!at) return at.error();
    event.at = *at;
    event.by = session.author(input.by);
    auto reg = session.open_register();
    if (!reg) return reg.error();
    ComplaintState after;
    auto validate = [&](const Complaint& updated) -> Status {
        const Instant moment = latest_moment(updated, event.at);
        auto state = derive_state(updated, *before.policy, *before.calendar, moment);
        if (!state) return usage_error(state.error().message);
        if (auto in_order = check_in_order(updated, event, *state, before, moment); !in_order)
            return in_order;
        auto current = derive_state(updated, *before.policy, *before.calendar, *now);
        if (current) after = current.value();
        return done();
    };
    auto appended = (*reg)->append(before.complaint.id, event, zone, validate);
    if (!appended) return appended;
    print_out(confirmation(before, event, after));
    session.say_recorded_as_of(zone);
    return done();
}

} // namespace

Result<Event> event_from_flags(const EventCommand& command, const EventInput& input) {
    Event event;
    event.type = command.type;
    for (const EventFlag& flag : command.flags)
        if (auto read = read_flag(flag, input, event); !read) return read.error();
    return event;
}

Status record_event(const EventCommand& command, const EventInput& input, Session& session) {
    if (command.check_flags)
        if (auto checked = command.check_flags(input); !checked) return checked;
    auto event = event_from_flags(command, input);
    if (!event) return event.error();
    auto reading = session.read(input.id);
    if (!reading) return reading.error();
    if (auto read = read_moment_flags(command, input, session, *reading, *event); !read)
        return read;
    if (command.check)
        if (auto checked = command.check(session, *reading, *event); !checked) return checked;
    return append_event(session, *reading, input, std::move(event.value()));
}

} // namespace complaints::cli
