#include "cli/record.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ExtendOptions {
    EventFlags event;
    std::string milestone;
    std::string until;
    std::string period;
    std::string reason;
};

void bind(CLI::App* command, ExtendOptions& options) {
    command->add_option("--milestone", options.milestone,
                        "Milestone to extend (default: the next staff deadline)");
    auto* until = command->add_option("--until", options.until, "New due date, YYYY-MM-DD");
    auto* period =
        command->add_option("--for", options.period, "Extra time, e.g. '10 working days'");
    until->excludes(period);
    command->add_option("--reason", options.reason, "Why more time is needed")->required();
}

Result<std::string> default_milestone(Session& session, const std::string& id) {
    auto reading = session.read(id);
    if (!reading) return reading.error();
    const Deadline* next = next_staff_deadline(reading->state);
    if (!next) return usage_error("no open staff deadline to extend: pass --milestone");
    return next->milestone->id;
}

Result<Event> make(Session& session, const ExtendOptions& options) {
    if (options.until.empty() == options.period.empty())
        return usage_error("extend needs --until DATE or --for PERIOD");
    if (options.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return usage_error("--reason: say why more time is needed");
    Event event;
    event.type = event_type::extended;
    event.reason = options.reason;
    auto milestone = options.milestone.empty() ? default_milestone(session, options.event.id)
                                               : Result<std::string>(options.milestone);
    if (!milestone) return milestone.error();
    event.milestone = *milestone;
    if (!options.until.empty()) {
        auto day = parse_day(options.until);
        if (!day) return usage_error("--until: " + day.error().message);
        event.until = *day;
    } else {
        auto period = parse_period(options.period);
        if (!period) return usage_error("--for: " + period.error().message);
        event.extend_by = *period;
    }
    return event;
}

} // namespace

void add_extend_command(CommandTable& table) {
    add_event_command<ExtendOptions>(
        table, "extend", "Extend a deadline, with a reason (capped where the policy caps it)",
        "complaints extend k7m2 --milestone resolve --for \"10 working days\" \\\n"
        "      --reason \"waiting for witness statements\" --by sarah",
        bind, make);
}

} // namespace complaints::cli
