#include "cli/record.hpp"

namespace complaints::cli {

namespace {

struct EscalateOptions {
    EventFlags event;
    std::string to;
    std::string requested;
    std::string reason;
};

void bind(CLI::App* command, EscalateOptions& options) {
    command->add_option("--to", options.to, "Stage to move to (default: the next stage)");
    command->add_option("--requested", options.requested,
                        "When the complainant asked for it (default: --at)");
    command->add_option("--reason", options.reason, "Why, e.g. 'not satisfied with outcome'");
}

Result<Event> make(Session& session, const EscalateOptions& options) {
    Event event;
    event.type = event_type::escalated;
    event.stage = options.to;
    event.text = options.reason;
    if (options.requested.empty()) return event;
    // In the time zone of the policy the complaint is pinned to, as --at is.
    auto reading = session.read(options.event.id);
    if (!reading) return reading.error();
    auto requested = session.moment(options.requested, "--requested", reading->calendar->zone());
    if (!requested) return requested.error();
    auto now = session.now(reading->calendar->zone());
    if (!now) return now.error();
    if (*requested > *now) return usage_error("--requested is in the future");
    event.requested = *requested;
    return event;
}

} // namespace

void add_escalate_command(CommandTable& table) {
    add_event_command<EscalateOptions>(
        table, "escalate",
        "Move the complaint to the next stage (or --to STAGE), also after a resolution",
        "complaints escalate k7m2 --to review --requested 2026-04-20T10:00 --by sarah", bind, make);
}

} // namespace complaints::cli
