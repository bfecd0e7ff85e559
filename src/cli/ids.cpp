#include "cli/commands.hpp"

namespace complaints::cli {

namespace {

Status run_ids(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    for (const std::string& id : (*reg)->complaint_ids())
        print_out(id + "\n");
    return done();
}

} // namespace

void add_ids_command(CommandTable& table) {
    CLI::App* command = add_command(table, "ids",
                                    "Print every complaint ID, one a line (for "
                                    "shell completion)",
                                    "complaints ids");
    command->group(""); // hidden from --help: it is for the completion scripts
    command->callback([&chosen = table.chosen] { chosen = run_ids; });
}

} // namespace complaints::cli
