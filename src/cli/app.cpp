#include "cli/commands.hpp"

#include "complaints/spelling.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

constexpr const char* description =
    "complaints: a complaints register for small organisations.\n"
    "Each complaint is a TOML file; deadlines come from the register's policy.";

constexpr const char* footer = R"(Exit codes:
  0  success
  1  list-overdue --exit-status found overdue items; check found warnings only
  2  usage error: unknown command or flag, bad date or value
  3  bad data: a complaint, policy or config file is malformed or invalid
  4  not found: no register, unknown or ambiguous complaint ID
  5  I/O error: a file could not be read or written
  6  busy: another complaints command holds the register's lock

Examples:
  complaints init my-register --policy big-bums
  complaints add --name "Jo Bloggs" --contact jo@example.org --channel email \
      --summary "Door left open" --severity serious
  complaints list-overdue
Run 'complaints COMMAND --help' for a command's flags.)";

void add_global_options(CLI::App& app, GlobalOptions& options) {
    app.add_option("-C,--register", options.register_dir,
                   "Register folder (default: nearest folder upward holding register.toml)");
    app.add_option("--as-of", options.as_of,
                   "Act as if it were this moment, e.g. 2026-03-27T10:00 (default: "
                   "$COMPLAINTS_NOW, else now)");
    app.add_flag("--no-color", options.no_colour, "Never colour the output");
    app.set_version_flag("--version", "complaints 0.1.0");
}

/// Flushes stdout and reports a failed write (a full disk must not exit 0).
int finish_output(int code) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fprintf(stderr, "complaints: error: could not write output\n");
        return code == exit_ok ? exit_io : code;
    }
    return code;
}

/// CLI11's message, or "unknown command 'X'; did you mean 'Y'?" when no command was recognised.
std::string parse_error_message(CLI::App& app, const CLI::ParseError& error) {
    if (!app.get_subcommands().empty()) return error.what();
    const std::vector<std::string> extras = app.remaining();
    auto word = std::find_if(extras.begin(), extras.end(),
                             [](const std::string& arg) { return !arg.starts_with("-"); });
    if (word == extras.end()) return error.what();
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({}))
        names.push_back(command->get_name());
    const std::string best =
        closest_spelling(*word, std::vector<std::string_view>(names.begin(), names.end()));
    return fmt::format("unknown command '{}'{}", *word,
                       best.empty() ? "" : fmt::format("; did you mean '{}'?", best));
}

} // namespace

void add_all_commands(CommandTable& table) {
    add_init_command(table);
    add_add_command(table);
    add_show_command(table);
    add_list_command(table);
    add_list_overdue_command(table);
    add_event_commands(table);
    add_edit_command(table);
    add_check_command(table);
    add_policy_command(table);
    add_explain_command(table);
    add_calendar_command(table);
    add_remind_command(table);
    add_export_command(table);
    add_report_command(table);
    add_ids_command(table);
}

int run(int argc, char** argv) {
    CLI::App app{description, "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    add_global_options(app, options);
    // Before the commands are added: subcommands inherit it, so global flags such as --as-of
    // also work after the command name (`complaints list --as-of ...`).
    app.fallthrough();
    add_all_commands(table);
    app.footer(footer);
    app.require_subcommand(1);
    if (argc < 2) {
        fmt::print(stderr, "{}", app.help());
        return exit_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return finish_output(app.exit(e));
    } catch (const CLI::CallForAllHelp& e) {
        return finish_output(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        return finish_output(app.exit(e));
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "complaints: error: {}\n", parse_error_message(app, e));
        fmt::print(stderr, "Run 'complaints --help' for usage.\n");
        return exit_usage;
    }
    if (!chosen) return exit_usage;
    Session session(options);
    Status status = done();
    try {
        status = chosen(session);
    } catch (const std::exception& e) {
        status = io_error(fmt::format("unexpected failure: {}", e.what()));
    }
    if (!status) {
        std::fflush(stdout);
        fmt::print(stderr, "complaints: error: {}\n", status.error().to_string());
        return finish_output(exit_code_for(status.error().kind));
    }
    return finish_output(session.exit_code());
}

} // namespace complaints::cli
