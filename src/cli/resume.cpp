#include "cli/record.hpp"

namespace complaints::cli {

void add_resume_command(CommandTable& table) {
    add_text_event_command(table, "resume", event_type::resumed,
                           "Restart the clock after a pause; deadlines move out by the paused time",
                           "complaints resume k7m2 --by sarah",
                           TextFlag{"--note", "What changed", false});
}

} // namespace complaints::cli
