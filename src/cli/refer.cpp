#include "cli/record.hpp"

namespace complaints::cli {

namespace {

struct ReferOptions {
    EventFlags event;
    std::string body;
    std::string note;
};

void bind(CLI::App* command, ReferOptions& options) {
    command->add_option("--to", options.body, "The outside body, e.g. \"CIC Regulator\"")
        ->required();
    command->add_option("--note", options.note, "Reference number or other details");
}

Result<Event> make(Session&, const ReferOptions& options) {
    Event event;
    event.type = event_type::referred;
    event.body = options.body;
    event.text = options.note;
    return event;
}

} // namespace

void add_refer_command(CommandTable& table) {
    add_event_command<ReferOptions>(
        table, "refer", "Record that the complaint went to an outside body (regulator, ombudsman)",
        "complaints refer k7m2 --to \"CIC Regulator\" --at 2026-06-01", bind, make);
}

} // namespace complaints::cli
