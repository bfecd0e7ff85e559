#include "cli/fuzz_entry.hpp"
#include "cli/commands.hpp"

namespace complaints::cli {

int parse_command_line(const std::vector<std::string>& args) {
    CLI::App app{"complaints", "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    // The global flags as in app.cpp, so that they interact with the commands' flags.
    app.add_option("-C,--register", options.register_dir);
    app.add_option("--as-of", options.as_of);
    app.add_flag("--no-color", options.no_colour);
    app.set_version_flag("--version", "complaints");
    add_all_commands(table);
    app.require_subcommand(1);
    app.fallthrough();
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) reversed.pop_back(); // the program name
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError&) {
        return exit_usage;
    }
    return chosen ? exit_ok : exit_usage;
}

} // namespace complaints::cli
