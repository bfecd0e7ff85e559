#include "cli/record.hpp"

namespace complaints::cli {

void add_pause_command(CommandTable& table) {
    add_text_event_command(
        table, "pause", event_type::paused,
        "Stop the clock on staff deadlines, e.g. while waiting for the complainant",
        "complaints pause k7m2 --reason \"waiting for photos from Jo\" --by sarah",
        TextFlag{"--reason", "Why the clock stops", true});
}

} // namespace complaints::cli
