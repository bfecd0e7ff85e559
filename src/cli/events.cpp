#include "cli/commands.hpp"

namespace complaints::cli {

void add_ack_command(CommandTable& table);
void add_note_command(CommandTable& table);
void add_assign_command(CommandTable& table);
void add_escalate_command(CommandTable& table);
void add_extend_command(CommandTable& table);
void add_pause_command(CommandTable& table);
void add_resume_command(CommandTable& table);
void add_resolve_command(CommandTable& table);
void add_reopen_command(CommandTable& table);
void add_close_command(CommandTable& table);
void add_withdraw_command(CommandTable& table);
void add_refer_command(CommandTable& table);
void add_meeting_command(CommandTable& table);
void add_update_command(CommandTable& table);

void add_event_commands(CommandTable& table) {
    add_ack_command(table);
    add_note_command(table);
    add_assign_command(table);
    add_escalate_command(table);
    add_extend_command(table);
    add_pause_command(table);
    add_resume_command(table);
    add_resolve_command(table);
    add_reopen_command(table);
    add_close_command(table);
    add_withdraw_command(table);
    add_refer_command(table);
    add_meeting_command(table);
    add_update_command(table);
}

} // namespace complaints::cli
