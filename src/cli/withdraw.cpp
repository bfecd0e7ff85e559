#include "cli/record.hpp"

namespace complaints::cli {

void add_withdraw_command(CommandTable& table) {
    add_text_event_command(table, "withdraw", event_type::withdrawn,
                           "Record that the complainant withdrew the complaint",
                           "complaints withdraw k7m2 --reason \"resolved informally\"",
                           TextFlag{"--reason", "What the complainant said", false});
}

} // namespace complaints::cli
