#include "cli/record.hpp"

namespace complaints::cli {

namespace {

struct AckOptions {
    EventFlags event;
    std::string note;
};

void bind(CLI::App* command, AckOptions& options) {
    command->add_option("--note", options.note, "How it was acknowledged, e.g. 'phoned Jo'");
}

Result<Event> make(Session&, const AckOptions& options) {
    Event event;
    event.type = event_type::acknowledged;
    event.text = options.note;
    return event;
}

} // namespace

void add_ack_command(CommandTable& table) {
    add_event_command<AckOptions>(table, "ack", "Record that the complaint was acknowledged",
                                  "complaints ack k7m2 --by sarah --at 2026-03-28T09:30", bind,
                                  make);
}

} // namespace complaints::cli
