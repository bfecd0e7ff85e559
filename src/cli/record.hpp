#pragma once
/// What every event command shares: the complaint ID, --at, --by, and appending the event.

#include "cli/context.hpp"

namespace complaints::cli {

struct EventFlags {
    std::string id;
    std::string at;
    std::string by;
};

/// Binds the positional ID and --at/--by.
void bind_event_flags(CLI::App* command, EventFlags& flags);

/// Appends `event` (its `at` and `by` taken from `flags`) to the complaint, after checking it
/// makes sense under the complaint's policy, and prints a one-line confirmation.
Status record_event(Session& session, const EventFlags& flags, Event event);

/// Registers an event command: `make` turns the parsed flags into the event to record.
template <class Options>
void add_event_command(CommandTable& table, const std::string& name, const std::string& summary,
                       const std::string& example, void (*bind)(CLI::App*, Options&),
                       Result<Event> (*make)(Session&, const Options&)) {
    auto options = std::make_shared<Options>();
    CLI::App* command = add_command(table, name, summary, example);
    bind_event_flags(command, options->event);
    if (bind) bind(command, *options);
    command->callback([&chosen = table.chosen, options, make] {
        chosen = [options, make](Session& session) -> Status {
            auto event = make(session, *options);
            if (!event) return event.error();
            return record_event(session, options->event, std::move(event.value()));
        };
    });
}

} // namespace complaints::cli

namespace complaints::cli {

/// An event command whose only extra is a free-text flag (e.g. `pause --reason`).
struct TextFlag {
    std::string flag; ///< e.g. "--reason"
    std::string help;
    bool required = false;
};
void add_text_event_command(CommandTable& table, const std::string& name, std::string_view type,
                            const std::string& summary, const std::string& example,
                            const TextFlag& text);

} // namespace complaints::cli
