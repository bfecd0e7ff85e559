#pragma once
/// Defining commands: the CLI11 side of the command line. Only files that define commands (or
/// walk them, like `generate`) include this; the rest include cli/context.hpp.

#include "cli/command_doc.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace complaints::cli {

/// A command's body: runs after flags are parsed, returns an error value or done.
using Action = std::function<Status(Session&)>;

/// Each command file defines one `add_*_command`, registering the subcommand and its action.
struct CommandTable {
    CLI::App& app;
    GlobalOptions& options;
    Action& chosen; ///< set by the subcommand that the user picked
    /// What option values name, for the man page and completion (CLI11 options carry no data
    /// of ours, so it is kept beside them).
    std::map<const CLI::Option*, ValueHint> hints{};
};

/// Registers a subcommand whose flags are bound to fields of a heap-held options struct;
/// `example` is shown under "Example:" in its --help and in the man page.
CLI::App* add_command(CommandTable& table, const std::string& name, const std::string& summary,
                      const std::string& example);

/// Adds the positional complaint ID (an ID, or an unambiguous prefix or suffix), required;
/// completion offers the register's IDs.
CLI::Option* add_complaint_id(CommandTable& table, CLI::App* command, std::string& id);

/// Tags `option`'s value as naming a `kind` of thing (for the man page and completion).
CLI::Option* value_is(CommandTable& table, CLI::Option* option, ValueKind kind);

/// Restricts `option` to `values`: --help shows them as {a,b}, anything else is a usage error
/// naming the flag, and completion offers them.
CLI::Option* one_of(CommandTable& table, CLI::Option* option, std::vector<std::string> values);

/// Completion offers `values` for an option whose command checks the value itself (with a
/// message of its own, e.g. `calendar --division`).
CLI::Option* suggest(CommandTable& table, CLI::Option* option, std::vector<std::string> values);

void add_init_command(CommandTable& table);
void add_add_command(CommandTable& table);
void add_amend_command(CommandTable& table);
void add_show_command(CommandTable& table);
void add_list_command(CommandTable& table);
void add_list_overdue_command(CommandTable& table);
void add_event_commands(CommandTable& table);
void add_edit_command(CommandTable& table);
void add_check_command(CommandTable& table);
void add_policy_command(CommandTable& table);
void add_explain_command(CommandTable& table);
void add_calendar_command(CommandTable& table);
void add_remind_command(CommandTable& table);
void add_export_command(CommandTable& table);
void add_ids_command(CommandTable& table);
void add_report_command(CommandTable& table);
void add_generate_command(CommandTable& table);
void add_letter_command(CommandTable& table);
void add_merge_file_command(CommandTable& table);
void add_sync_command(CommandTable& table);
void add_import_command(CommandTable& table);
void add_anonymise_command(CommandTable& table);
void add_retention_command(CommandTable& table);

/// Builds the whole command line in `table.app`: description, global flags, every command and
/// the footer. The program and the command-line fuzz target both parse what this builds.
void build_command_line(CommandTable& table);

/// "complaints 0.1.0": the version from CMake's project(VERSION).
std::string program_version();

/// The command line as the man page and the completions describe it.
CommandDoc describe_command_line(const CommandTable& table);

} // namespace complaints::cli
