#include "cli/record.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct NoteOptions {
    EventFlags event;
    std::vector<std::string> words;
};

void bind(CLI::App* command, NoteOptions& options) {
    command->add_option("text", options.words, "The note (the rest of the line)")->required();
}

Result<Event> make(Session&, const NoteOptions& options) {
    Event event;
    event.type = event_type::note;
    event.text = fmt::format("{}", fmt::join(options.words, " "));
    return event;
}

} // namespace

void add_note_command(CommandTable& table) {
    add_event_command<NoteOptions>(
        table, "note", "Add a note to the complaint's record",
        "complaints note k7m2 Called Jo, she will send photos --by sarah", bind, make);
}

} // namespace complaints::cli
