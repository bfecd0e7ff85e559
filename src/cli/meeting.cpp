#include "cli/record.hpp"

namespace complaints::cli {

void add_meeting_command(CommandTable& table) {
    add_text_event_command(
        table, "meeting", event_type::meeting,
        "Record a meeting held with the complainant (e.g. the review meeting)",
        "complaints meeting k7m2 --note \"met Jo, Sarah Robb and the independent representative\"",
        TextFlag{"--note", "Who attended and what was agreed", false});
}

} // namespace complaints::cli
