#include "cli/record.hpp"

namespace complaints::cli {

void add_reopen_command(CommandTable& table) {
    add_text_event_command(
        table, "reopen", event_type::reopened, "Reopen a resolved, closed or withdrawn complaint",
        "complaints reopen k7m2 --reason \"Jo says the door is still left open\"",
        TextFlag{"--reason", "Why it is reopened", true});
}

} // namespace complaints::cli
