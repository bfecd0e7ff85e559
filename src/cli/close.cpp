#include "cli/record.hpp"

namespace complaints::cli {

void add_close_command(CommandTable& table) {
    add_text_event_command(table, "close", event_type::closed,
                           "Close the complaint: no further action",
                           "complaints close k7m2 --reason \"no reply to the outcome letter\"",
                           TextFlag{"--reason", "Why it is closed", false});
}

} // namespace complaints::cli
