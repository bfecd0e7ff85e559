#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/git.hpp"

#include "complaints/spelling.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <optional>

#ifndef COMPLAINTS_VERSION
#error "COMPLAINTS_VERSION comes from project(VERSION) in CMakeLists.txt"
#endif

namespace complaints::cli {

namespace {

constexpr const char* description =
    "complaints: a complaints register for small organisations.\n"
    "Each complaint is a TOML file; deadlines come from the register's policy.";

constexpr const char* examples = R"(Examples:
  complaints init my-register --policy big-bums
  complaints add --name "Jo Bloggs" --contact jo@example.org --channel email \
      --summary "Door left open" --severity serious
  complaints list-overdue
Run 'complaints COMMAND --help' for a command's flags.)";

std::string footer() {
    std::string text = "Exit codes:\n";
    for (const ExitCodeMeaning& exit : exit_code_meanings())
        text += fmt::format("  {}  {}\n", exit.code, exit.meaning);
    return text + "\n" + examples;
}

void add_global_options(CommandTable& table) {
    CLI::App& app = table.app;
    GlobalOptions& options = table.options;
    value_is(table,
             app.add_option("-C,--register", options.register_dir,
                            "Register folder (default: nearest folder upward holding "
                            "register.toml)"),
             ValueKind::folder);
    // CLI11 reads the variable (an empty one counts as unset) and names it in --help.
    app.add_option(
           "--as-of", options.as_of,
           "Act as if it were this moment, e.g. 2026-03-27T10:00, yesterday, -2d (default: "
           "now); without an offset, in the register's zone (register.toml time_zone, else the "
           "default policy's)")
        ->envname("COMPLAINTS_NOW");
    app.add_flag("--no-color", options.no_colour, "Never colour the output");
    app.set_version_flag("-V,--version", program_version());
}

/// Whether --as-of came from $COMPLAINTS_NOW: CLI11 lists only the options it read from the
/// command line in parse_order().
bool as_of_from_environment(const CLI::App& app) {
    const CLI::Option* as_of = app.get_option("--as-of");
    const auto& parsed = app.parse_order();
    return as_of->count() > 0 && std::find(parsed.begin(), parsed.end(), as_of) == parsed.end();
}

/// Flushes stdout and reports a failed write (a full disk must not exit 0).
int finish_output(int code) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fprintf(stderr, "complaints: error: could not write output\n");
        return code == exit_ok ? exit_io : code;
    }
    return code;
}

/// The innermost command the user picked (`policy show`), or null when none was recognised.
const CLI::App* picked_command(const CLI::App& app) {
    const CLI::App* picked = nullptr;
    for (auto commands = app.get_subcommands(); !commands.empty();
         commands = picked->get_subcommands())
        picked = commands.front();
    return picked;
}

/// "policy show": a command's words after the program name.
std::string command_words(const CLI::App& command) {
    std::string words = command.get_name();
    for (const CLI::App* parent = command.get_parent(); parent && parent->get_parent();
         parent = parent->get_parent())
        words = parent->get_name() + " " + words;
    return words;
}

/// Every flag `command` takes, with the global ones: "--format", "-C", ...
std::vector<std::string> flag_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::App* app = &command; app; app = app->get_parent())
        for (const CLI::Option* option : app->get_options()) {
            if (option->get_group().empty()) continue; // an older, hidden name
            for (const std::string& name : option->get_lnames())
                names.push_back("--" + name);
            for (const std::string& name : option->get_snames())
                names.push_back("-" + name);
        }
    return names;
}

/// The first argument CLI11 left over that looks like a flag, without any "=value".
std::optional<std::string> unknown_flag(const CLI::App& app) {
    for (const std::string& arg : app.remaining(true))
        if (arg.starts_with("-") && arg.size() > 1) return arg.substr(0, arg.find('='));
    return std::nullopt;
}

/// "; did you mean 'Y'?" when one of `names` is close to `word`, else nothing.
std::string suggestion(const std::string& word, const std::vector<std::string>& names) {
    const std::string best =
        closest_spelling(word, std::vector<std::string_view>(names.begin(), names.end()));
    return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

/// "unknown command 'X'; did you mean 'Y'?" when no command was recognised.
std::string unknown_command_message(const CLI::App& app, const CLI::ParseError& error) {
    const std::vector<std::string> extras = app.remaining();
    auto word = std::find_if(extras.begin(), extras.end(),
                             [](const std::string& arg) { return !arg.starts_with("-"); });
    if (word == extras.end()) return error.what();
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({}))
        if (!command->get_group().empty()) names.push_back(command->get_name()); // not hidden
    return fmt::format("unknown command '{}'{}\nRun 'complaints --help' for the commands.", *word,
                       suggestion(*word, names));
}

/// CLI11's message, or one that names the unknown command or flag and the closest, and
/// points at the right --help.
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& error) {
    const CLI::App* command = picked_command(app);
    if (!command) return unknown_command_message(app, error);
    const std::string help = fmt::format("Run 'complaints {} --help' for its flags and an example.",
                                         command_words(*command));
    auto flag = unknown_flag(app);
    if (!flag) return fmt::format("{}\n{}", error.what(), help);
    return fmt::format("unknown flag '{}' for '{}'{}\n{}", *flag, command_words(*command),
                       suggestion(*flag, flag_names(*command)), help);
}

/// The chosen command's name as typed, e.g. "note" or "policy repin".
std::string chosen_command(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* command = &app; !command->get_subcommands().empty();) {
        command = command->get_subcommands().front();
        names.push_back(command->get_name());
    }
    return fmt::format("{}", fmt::join(names, " "));
}

/// Runs the chosen command (`command`, for autocommit messages); its error, or an escaped
/// exception, becomes one message.
int run_chosen(const Action& chosen, const GlobalOptions& options, const std::string& command) {
    Session session(options);
    Status status = done();
    try {
        status = chosen(session);
    } catch (const std::exception& e) {
        status = io_error(fmt::format("unexpected failure: {}", e.what()));
    }
    // Whatever the command went on to do, what it wrote is committed when the register asks.
    if (const Register* reg = session.opened_register()) autocommit(*reg, command);
    if (!status) {
        std::fflush(stdout);
        fmt::print(stderr, "complaints: error: {}\n",
                   terminal_safe(status.error().to_string(), true));
        return finish_output(exit_code_for(status.error().kind));
    }
    return finish_output(session.exit_code());
}

} // namespace

std::string program_version() {
    return "complaints " COMPLAINTS_VERSION;
}

CLI::App* add_command(CommandTable& table, const std::string& name, const std::string& summary,
                      const std::string& example) {
    CLI::App* command = table.app.add_subcommand(name, summary);
    command->footer("Example:\n  " + example);
    return command;
}

CLI::Option* add_complaint_id(CommandTable& table, CLI::App* command, std::string& id) {
    CLI::Option* option =
        command->add_option("id", id, "Complaint ID (or an unambiguous prefix or suffix)");
    return value_is(table, option->required(), ValueKind::complaint_id);
}

CLI::Option* value_is(CommandTable& table, CLI::Option* option, ValueKind kind) {
    table.hints[option].kind = kind;
    return option;
}

CLI::Option* one_of(CommandTable& table, CLI::Option* option, std::vector<std::string> values) {
    option->check(CLI::IsMember(values));
    return suggest(table, option, std::move(values));
}

CLI::Option* suggest(CommandTable& table, CLI::Option* option, std::vector<std::string> values) {
    table.hints[option].values = std::move(values);
    return option;
}

namespace {

void add_all_commands(CommandTable& table) {
    add_init_command(table);
    add_add_command(table);
    add_amend_command(table);
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
    add_letter_command(table);
    add_merge_file_command(table);
    add_sync_command(table);
    add_import_command(table);
    add_anonymise_command(table);
    add_retention_command(table);
    add_ids_command(table);
    add_generate_command(table);
}

} // namespace

void build_command_line(CommandTable& table) {
    table.app.description(description);
    add_global_options(table);
    // Before the commands are added: subcommands inherit it, so global flags such as --as-of
    // also work after the command name (`complaints list --as-of ...`).
    table.app.fallthrough();
    add_all_commands(table);
    table.app.footer(footer());
    table.app.require_subcommand(1);
}

int run(int argc, char** argv) {
    CLI::App app{"", "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    build_command_line(table);
    if (argc < 2) {
        fmt::print(stderr, "{}", app.help());
        return exit_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) { // --help or --version
        return finish_output(app.exit(e));
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "complaints: error: {}\n",
                   terminal_safe(parse_error_message(app, e), true));
        return exit_usage;
    }
    if (!chosen) return exit_usage;
    options.as_of_from_environment = as_of_from_environment(app);
    return run_chosen(chosen, options, chosen_command(app));
}

std::string usage_message(const std::vector<std::string>& args) {
    CLI::App app{"", "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    build_command_line(table);
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) reversed.pop_back(); // the program name
    try {
        app.parse(reversed);
    } catch (const CLI::Success&) {
        return "";
    } catch (const CLI::ParseError& e) {
        return parse_error_message(app, e);
    }
    return "";
}

int parse_command_line(const std::vector<std::string>& args) {
    CLI::App app{"", "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    build_command_line(table);
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
