#include "cli/record.hpp"

namespace complaints::cli {

void add_update_command(CommandTable& table) {
    add_text_event_command(table, "update", event_type::update,
                           "Record an update sent to the complainant",
                           "complaints update k7m2 --note \"emailed progress report\"",
                           TextFlag{"--note", "What was said", false});
}

} // namespace complaints::cli
