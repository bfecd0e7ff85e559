#pragma once
/// One function per command, each defined in its own file in src/cli/.

#include "cli/context.hpp"

namespace complaints::cli {

void add_init_command(CommandTable& table);
void add_add_command(CommandTable& table);
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

/// Builds the whole command line: global flags and every command.
void add_all_commands(CommandTable& table);

/// Runs the program; returns the exit code. The only place errors become messages.
int run(int argc, char** argv);

} // namespace complaints::cli
