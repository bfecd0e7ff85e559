// The event commands, one table entry each. Adding an event type: an entry here and its rules
// in src/core/lifecycle.cpp; --help, the man page and the completions follow.

#include "cli/event_commands.hpp"
#include "cli/commands.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

/// extend: --until or --for (CLI11 refuses both), and a reason that says something.
Status check_extension_flags(const EventInput& input) {
    if (input.text("--until").empty() == input.text("--for").empty())
        return usage_error("extend needs --until DATE or --for PERIOD");
    if (input.text("--reason").find_first_not_of(" \t\r\n") == std::string::npos)
        return usage_error("--reason: say why more time is needed");
    return done();
}

/// extend: without --milestone, the complaint's next staff deadline.
Status default_milestone(Session&, const Reading& reading, Event& event) {
    if (!event.milestone.empty()) return done();
    const Deadline* next = next_staff_deadline(reading.state);
    if (!next) return usage_error("no open staff deadline to extend: pass --milestone");
    event.milestone = next->milestone->id;
    return done();
}

/// resolve: the finding is one of the policy's, and an upheld finding brings the remedies the
/// stage requires ("if the complaint is found to be valid, resolution will involve ...").
Status check_finding(const Reading& reading, const Event& event) {
    const Policy& policy = *reading.policy;
    if (event.finding.empty()) return done();
    const auto& findings = policy.findings;
    if (std::find(findings.begin(), findings.end(), event.finding) == findings.end())
        return usage_error(fmt::format("--finding '{}' is not in policy {}: use one of {}",
                                       event.finding, policy.id, fmt::join(findings, ", ")));
    const Stage* stage = policy.find_stage(reading.state.stage);
    if (event.finding != "upheld" || stage == nullptr) return done();
    std::vector<std::string> missing;
    for (const std::string& remedy : stage->remedies_when_upheld)
        if (std::find(event.remedies.begin(), event.remedies.end(), remedy) == event.remedies.end())
            missing.push_back("--remedy " + remedy);
    if (missing.empty()) return done();
    return usage_error(fmt::format("an upheld complaint at stage {} needs {} (policy {})",
                                   stage->id, fmt::join(missing, " "), policy.id));
}

/// resolve: remedies and finding from the policy's lists.
Status check_resolution(Session&, const Reading& reading, Event& event) {
    const auto& allowed = reading.policy->remedies;
    for (const std::string& remedy : event.remedies)
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), remedy) == allowed.end())
            return usage_error(fmt::format("--remedy '{}' is not in policy {}: use one of {}",
                                           remedy, reading.policy->id, fmt::join(allowed, ", ")));
    return check_finding(reading, event);
}

/// escalate: the complainant cannot have asked later than now; stages go forward only, and the
/// event records where from and where to, so that two records of one move count once and a
/// skipped stage shows.
Status check_escalation(Session& session, const Reading& reading, Event& event) {
    if (event.requested) {
        auto now = session.now(reading.calendar->zone());
        if (!now) return now.error();
        if (*event.requested > *now) return usage_error("--requested is in the future");
    }
    auto target = escalation_target(reading.state, *reading.policy, event.stage);
    if (!target) return target.error();
    event.from = reading.state.stage;
    event.stage = (*target)->id;
    return done();
}

/// The table. Help texts and examples are what `COMMAND --help` and the man page show.
std::vector<EventCommand> make_event_commands() {
    using enum EventField;
    return {
        {.name = "ack",
         .type = event_type::acknowledged,
         .summary = "Record that the complaint was acknowledged",
         .example = "complaints ack k7m2 --by sarah --at 2026-03-28T09:30",
         .flags = {{"--note", "How it was acknowledged, e.g. 'phoned Jo'", text}}},
        {.name = "note",
         .type = event_type::note,
         .summary = "Add a note to the complaint's record",
         .example = "complaints note k7m2 Called Jo, she will send photos --by sarah",
         .flags = {{"text", "The note (the rest of the line)", text, true,
                    FlagValues::rest_of_line}}},
        {.name = "assign",
         .type = event_type::assigned,
         .summary = "Hand the complaint to someone",
         .example = "complaints assign k7m2 \"Sarah Hall\" --by sarah",
         .flags = {{"handler", "Who handles the complaint from now on", handler, true}}},
        {.name = "escalate",
         .type = event_type::escalated,
         .summary = "Move the complaint on to the next stage (or --to a later STAGE, skipping "
                    "those between), also after a resolution",
         .example = "complaints escalate k7m2 --to review --requested 2026-04-20T10:00 --by sarah",
         .flags = {{"--to", "A later stage to move to (default: the next stage)", stage},
                   {"--requested", "When the complainant asked for it (default: --at)", requested},
                   {"--note",
                    "Why, e.g. 'not satisfied with outcome'",
                    text,
                    false,
                    FlagValues::one,
                    {},
                    "--reason"}},
         .check = check_escalation},
        {.name = "extend",
         .type = event_type::extended,
         .summary = "Extend a deadline, with a reason (capped where the policy caps it)",
         .example = "complaints extend k7m2 --milestone resolve --for \"10 working days\" \\\n"
                    "      --reason \"waiting for witness statements\" --by sarah",
         .flags = {{"--milestone", "Milestone to extend (default: the next staff deadline)",
                    milestone},
                   {"--until", "New due date, YYYY-MM-DD", until, false, FlagValues::one, "--for"},
                   {"--for", "Extra time: 2wd, 48h, 1m, '10 working days'", extend_by},
                   {"--reason", "Why more time is needed", reason, true},
                   {"--good-reason",
                    "The good reason for going beyond what the policy allows without one "
                    "(extension_without_reason)",
                    good_reason}},
         .check_flags = check_extension_flags,
         .check = default_milestone},
        {.name = "pause",
         .type = event_type::paused,
         .summary = "Stop the clock on staff deadlines, e.g. while waiting for the complainant",
         .example = "complaints pause k7m2 --note \"waiting for photos from Jo\" --by sarah",
         .flags = {{"--note", "Why the clock stops", text, true, FlagValues::one, {}, "--reason"}}},
        {.name = "resume",
         .type = event_type::resumed,
         .summary = "Restart the clock after a pause; deadlines move out by the paused time",
         .example = "complaints resume k7m2 --by sarah",
         .flags = {{"--note", "What changed", text}}},
        {.name = "resolve",
         .type = event_type::resolved,
         .summary = "Record the outcome sent to the complainant",
         .example =
             "complaints resolve k7m2 --finding partly-upheld \\\n"
             "      --outcome \"Apologised for the late reply; the fee was right\" --by sarah",
         .flags = {{"--outcome", "What was found and told to the complainant", outcome, true},
                   {"--finding",
                    "What the investigation found, from the policy's findings "
                    "(e.g. upheld, partly-upheld, not-upheld)",
                    finding},
                   {"--remedy", "Remedy category from the policy (repeatable)", remedies, false,
                    FlagValues::repeatable}},
         .check = check_resolution},
        {.name = "reopen",
         .type = event_type::reopened,
         .summary = "Reopen a resolved, closed or withdrawn complaint",
         .example = "complaints reopen k7m2 --note \"Jo says the door is still left open\"",
         .flags = {{"--note", "Why it is reopened", text, true, FlagValues::one, {}, "--reason"}}},
        {.name = "close",
         .type = event_type::closed,
         .summary = "Close the complaint: no further action",
         .example = "complaints close k7m2 --note \"no reply to the outcome letter\"",
         .flags = {{"--note", "Why it is closed", text, false, FlagValues::one, {}, "--reason"}}},
        {.name = "withdraw",
         .type = event_type::withdrawn,
         .summary = "Record that the complainant withdrew the complaint",
         .example = "complaints withdraw k7m2 --note \"resolved informally\"",
         .flags = {{"--note",
                    "What the complainant said",
                    text,
                    false,
                    FlagValues::one,
                    {},
                    "--reason"}}},
        {.name = "refer",
         .type = event_type::referred,
         .summary = "Record that the complaint went to an outside body (regulator, ombudsman)",
         .example = "complaints refer k7m2 --to \"CIC Regulator\" --at 2026-06-01",
         .flags = {{"--to", "The outside body, e.g. \"CIC Regulator\"", body, true},
                   {"--note", "Reference number or other details", text}}},
        {.name = "meeting",
         .type = event_type::meeting,
         .summary = "Record a meeting held with the complainant (e.g. the review meeting)",
         .example = "complaints meeting k7m2 --note \"met Jo, Sarah Robb and the independent "
                    "representative\"",
         .flags = {{"--note", "Who attended and what was agreed", text}}},
        {.name = "delay-response",
         .type = event_type::delay_response,
         .summary = "Record a written response explaining why the final response is not ready "
                    "yet (it meets milestones whose met_by lists delay-response)",
         .example = "complaints delay-response k7m2 --note \"waiting for the bank's records; "
                    "we expect to reply by 30 May\" --by sarah",
         .flags = {{"--note",
                    "What the letter said: why the response is late, and when it will "
                    "come",
                    text,
                    false,
                    FlagValues::one,
                    {},
                    "--text"}}},
        {.name = "update",
         .type = event_type::update,
         .summary = "Record an update sent to the complainant",
         .example = "complaints update k7m2 --note \"emailed progress report\"",
         .flags = {{"--note", "What was said", text}}},
    };
}

/// An event command's flags as parsed: single values are bound to strings (so CLI11 refuses a
/// second one, as for any single-value flag) and copied into the input before it runs.
struct BoundInput {
    EventInput input;
    std::map<std::string, std::string, std::less<>> single;
    std::map<std::string, std::string> aliases; ///< older name -> the flag's name
    std::vector<std::string> required;          ///< flags with an alias that must be given

    const EventInput& collected() {
        for (const auto& [flag, value] : single) {
            auto alias = aliases.find(flag);
            const std::string& name = alias == aliases.end() ? flag : alias->second;
            if (!value.empty()) input.values[name] = {value};
        }
        return input;
    }

    /// CLI11 cannot require one of two names, so a required flag with an alias is checked here.
    Status check_required() const {
        for (const std::string& flag : required)
            if (!input.values.contains(flag)) return usage_error(flag + " is required");
        return done();
    }
};

CLI::Option* add_event_flag(CLI::App* command, const EventFlag& flag, BoundInput& bound) {
    const std::string name(flag.name);
    const std::string help(flag.help);
    CLI::Option* option = flag.values == FlagValues::one
                              ? command->add_option(name, bound.single[name], help)
                              : command->add_option(name, bound.input.values[name], help);
    if (flag.values == FlagValues::repeatable) option->allow_extra_args(false);
    if (flag.required) option->required();
    if (!flag.alias.empty()) {
        const std::string alias(flag.alias);
        bound.aliases[alias] = name;
        // Hidden; a value given under the older name counts for the flag, so a required
        // flag is satisfied by either.
        command->add_option(alias, bound.single[alias], help)
            ->group("")
            ->each([option](const std::string& value) { option->add_result(value); });
    }
    return option;
}

void add_event_command(CommandTable& table, const EventCommand& event) {
    auto bound = std::make_shared<BoundInput>();
    CLI::App* command = add_command(table, std::string(event.name), std::string(event.summary),
                                    std::string(event.example));
    add_complaint_id(table, command, bound->input.id);
    command->add_option(
        "--at", bound->input.at,
        "When it happened (default: now), e.g. 2026-03-28T09:30, yesterday, 14:30, -2d");
    command
        ->add_option("--by", bound->input.by,
                     "Who did it (default: git's user.name, the login name)")
        ->envname("COMPLAINTS_USER");
    std::map<std::string_view, CLI::Option*> added;
    for (const EventFlag& flag : event.flags)
        added[flag.name] = add_event_flag(command, flag, *bound);
    for (const EventFlag& flag : event.flags)
        if (!flag.excludes.empty()) added[flag.name]->excludes(added.at(flag.excludes));
    command->callback([&chosen = table.chosen, bound, &event] {
        chosen = [bound, &event](Session& session) {
            const EventInput& input = bound->collected();
            if (auto given = bound->check_required(); !given) return given;
            return record_event(event, input, session);
        };
    });
}

} // namespace

const std::vector<EventCommand>& event_commands() {
    static const std::vector<EventCommand> commands = make_event_commands();
    return commands;
}

void add_event_commands(CommandTable& table) {
    for (const EventCommand& event : event_commands())
        add_event_command(table, event);
}

} // namespace complaints::cli
