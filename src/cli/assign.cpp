#include "cli/record.hpp"

namespace complaints::cli {

namespace {

struct AssignOptions {
    EventFlags event;
    std::string handler;
};

void bind(CLI::App* command, AssignOptions& options) {
    command->add_option("handler", options.handler, "Who handles the complaint from now on")
        ->required();
}

Result<Event> make(Session&, const AssignOptions& options) {
    Event event;
    event.type = event_type::assigned;
    event.handler = options.handler;
    return event;
}

} // namespace

void add_assign_command(CommandTable& table) {
    add_event_command<AssignOptions>(table, "assign", "Hand the complaint to someone",
                                     "complaints assign k7m2 \"Sarah Hall\" --by sarah", bind,
                                     make);
}

} // namespace complaints::cli
