#pragma once
/// The event commands (ack, note, assign, escalate, extend, ...), each described once in the
/// table in event_commands.cpp: its name, the event type it records, help, example, flags and
/// what it checks beyond the lifecycle. The command line, --help, the man page and the
/// completions come from that table; recording is shared (record.cpp). No CLI11 here.

#include "cli/context.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// The field of an Event a flag fills.
enum class EventField {
    text,      ///< a note, or the reason for a pause, reopening, closure or withdrawal
    stage,     ///< escalated: the stage entered
    requested, ///< escalated: when the complainant asked (a moment, in the complaint's zone)
    milestone, ///< extended: which milestone
    until,     ///< extended: the new due day (YYYY-MM-DD)
    extend_by, ///< extended: a period added to the due date ("10 working days")
    reason,    ///< extended: why
    outcome,   ///< resolved: what was decided and told
    finding,   ///< resolved: upheld, partly-upheld, not-upheld (the policy's findings)
    remedies,  ///< resolved: remedy categories
    handler,   ///< assigned: the new handler
    body,      ///< referred: the outside body
    /// extended: the good reason for going beyond the policy's extension_without_reason
    good_reason,
};

/// How many values a flag takes.
enum class FlagValues {
    one,          ///< one value (given again, CLI11 keeps the last)
    repeatable,   ///< one value each time it is given (`--remedy a --remedy b`)
    rest_of_line, ///< a positional that takes every remaining word, joined by spaces
};

/// One flag of an event command, beyond the complaint ID, --at and --by that all share.
struct EventFlag {
    std::string_view name; ///< "--reason"; a name without dashes is positional ("handler")
    std::string_view help;
    EventField field;
    bool required = false;
    FlagValues values = FlagValues::one;
    std::string_view excludes = {}; ///< a flag that may not be given with this one
    /// An older name of the flag, still read so old scripts work, not shown in --help, the
    /// man page or completions (`--reason` and `--text` for what is now `--note`).
    std::string_view alias = {};
};

/// What an event command was given on the command line.
struct EventInput {
    std::string id; ///< the complaint: an ID, or an unambiguous prefix or suffix
    std::string at; ///< --at: when it happened (empty: now)
    std::string by; ///< --by (or $COMPLAINTS_USER): who did it
    /// Each flag's values by flag name; a flag not given has none.
    std::map<std::string, std::vector<std::string>, std::less<>> values;

    /// The flag's value: its words joined by spaces; empty when it was not given.
    std::string text(std::string_view flag) const;
};

/// One event command.
struct EventCommand {
    std::string_view name;
    std::string_view type; ///< the event type it records (event_type::...)
    std::string_view summary;
    std::string_view example;
    std::vector<EventFlag> flags;
    /// Checks of the flags alone, before the register is read (null: none).
    Status (*check_flags)(const EventInput& input) = nullptr;
    /// Checks against the complaint and its policy, and fields worked out from them (null:
    /// none); runs after the flags are read into `event`, before the lifecycle's own checks.
    Status (*check)(Session& session, const Reading& reading, Event& event) = nullptr;
};

/// Every event command, in the order --help lists them.
const std::vector<EventCommand>& event_commands();

/// The event command called `name`, or null.
const EventCommand* find_event_command(std::string_view name);

/// The event `input` describes: its type and every field its flags fill, except moments
/// (which are read in the complaint's time zone). A value that does not read is a usage error
/// naming its flag ("--for: bad period ...").
Result<Event> event_from_flags(const EventCommand& command, const EventInput& input);

/// Runs an event command: checks its flags, reads the complaint, runs its checks, appends the
/// event (if the lifecycle allows it at that moment) and prints a one-line confirmation.
Status record_event(const EventCommand& command, const EventInput& input, Session& session);

} // namespace complaints::cli
