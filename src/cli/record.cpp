#include "cli/record.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace complaints::cli {

void bind_event_flags(CLI::App* command, EventFlags& flags) {
    command->add_option("id", flags.id, "Complaint ID (or an unambiguous prefix or suffix)")
        ->required();
    command->add_option("--at", flags.at, "When it happened (default: now), e.g. 2026-03-28T09:30");
    command->add_option("--by", flags.by, "Who did it (default: $COMPLAINTS_USER)");
}

namespace {

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
    if (after.status != before.state.status)
        line += fmt::format("; now {}", status_name(after.status));
    return line + "\n";
}

} // namespace

Status record_event(Session& session, const EventFlags& flags, Event event) {
    auto reading = session.read(flags.id);
    if (!reading) return reading.error();
    const Reading& before = *reading;
    auto now = session.now(before.calendar->zone());
    if (!now) return now.error();
    auto at = flags.at.empty() ? Result<Instant>(*now)
                               : session.moment(flags.at, "--at", before.calendar->zone());
    if (!at) return at.error();
    if (*at > *now) return usage_error("--at is in the future (pass --as-of to act later)");
    event.at = *at;
    event.by = flags.by;
    if (event.by.empty())
        if (const char* user = std::getenv("COMPLAINTS_USER"); user) event.by = user;
    auto reg = session.open_register();
    if (!reg) return reg.error();
    ComplaintState after;
    auto validate = [&](const Complaint& updated) -> Status {
        auto state = derive_state(updated, *before.policy, *before.calendar,
                                  latest_moment(updated, event.at));
        if (!state) return usage_error(state.error().message);
        auto current = derive_state(updated, *before.policy, *before.calendar, *now);
        if (current) after = current.value();
        return done();
    };
    auto appended = (*reg)->append(before.complaint.id, event, before.calendar->zone(), validate);
    if (!appended) return appended;
    print_out(confirmation(before, event, after));
    return done();
}

} // namespace complaints::cli

namespace complaints::cli {

namespace {
struct TextEventOptions {
    EventFlags event;
    std::string text;
};
} // namespace

void add_text_event_command(CommandTable& table, const std::string& name, std::string_view type,
                            const std::string& summary, const std::string& example,
                            const TextFlag& text) {
    auto options = std::make_shared<TextEventOptions>();
    CLI::App* command = add_command(table, name, summary, example);
    bind_event_flags(command, options->event);
    auto* flag = command->add_option(text.flag, options->text, text.help);
    if (text.required) flag->required();
    command->callback([&chosen = table.chosen, options, type = std::string(type)] {
        chosen = [options, type](Session& session) -> Status {
            Event event;
            event.type = type;
            event.text = options->text;
            return record_event(session, options->event, std::move(event));
        };
    });
}

} // namespace complaints::cli
