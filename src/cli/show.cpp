#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace complaints::cli {

namespace {

struct ShowOptions {
    std::string id;
    std::string format = "text";
};

void line(std::string& out, std::string_view label, const std::string& value) {
    if (!value.empty()) out += fmt::format("{:<13}{}\n", label, terminal_safe(value));
}

std::string deadline_line(const Deadline& d, const date::time_zone* zone, bool colour) {
    std::string state = state_name(d.state);
    if (d.met_at)
        state += fmt::format(" {}{}", format_moment(*d.met_at, zone), d.late ? " (late)" : "");
    if (d.state == DeadlineState::overdue) state = paint(state, "31", colour);
    if (d.state == DeadlineState::due_soon) state = paint(state, "33", colour);
    const char* party = d.party == Party::complainant ? "  [complainant's window]" : "";
    return fmt::format("  {:<24} due {:<26} {}{}\n", deadline_name(d), due_text(d.due, zone), state,
                       party);
}

/// What the states that are not plain dates mean, for those `deadlines` show: a deadline that
/// is no longer open is not obviously met, failed or forgiven.
std::string legend(const std::vector<Deadline>& deadlines) {
    static const std::vector<std::pair<DeadlineState, std::string_view>> meanings{
        {DeadlineState::missed, "missed: the stage ended after this was due, without it being "
                                "met; never listed as overdue"},
        {DeadlineState::superseded, "superseded: the stage ended before this was due (e.g. "
                                    "escalated early), so it no longer applies"},
        {DeadlineState::lapsed, "lapsed: the complainant's window has passed"},
    };
    std::string out;
    for (const auto& [state, meaning] : meanings)
        if (std::any_of(deadlines.begin(), deadlines.end(),
                        [state = state](const Deadline& d) { return d.state == state; }))
            out += fmt::format("  ({})\n", meaning);
    return out;
}

/// "formal", or "local -> review (skipping formal)" for an escalation that skipped a stage.
std::string stages_moved(const Event& e, const Policy& policy) {
    if (e.from.empty()) return e.stage;
    const int from = policy.stage_index(e.from);
    const int to = policy.stage_index(e.stage);
    std::vector<std::string> skipped;
    for (int i = from + 1; from >= 0 && i < to; ++i)
        skipped.push_back(policy.stages[static_cast<std::size_t>(i)].id);
    if (skipped.empty()) return fmt::format("{} -> {}", e.from, e.stage);
    return fmt::format("{} -> {} (skipping {})", e.from, e.stage, fmt::join(skipped, ", "));
}

std::string event_line(const Event& e, const Policy& policy, const date::time_zone* zone) {
    std::string detail = stages_moved(e, policy);
    const std::string finding = e.finding.empty() ? "" : "finding: " + e.finding;
    for (const std::string* part :
         {&e.milestone, &e.handler, &e.body, &finding, &e.outcome, &e.reason, &e.text})
        if (!part->empty()) detail += (detail.empty() ? "" : "; ") + *part;
    if (e.until) detail += (detail.empty() ? "until " : "; until ") + format_day(*e.until);
    if (e.extend_by) detail += (detail.empty() ? "by " : "; by ") + describe(*e.extend_by);
    if (!e.remedies.empty()) detail += fmt::format(" [{}]", fmt::join(e.remedies, ", "));
    return fmt::format("  {}  {:<12} {}{}\n", format_moment(e.at, zone), e.type,
                       terminal_safe(detail),
                       e.by.empty() ? "" : " (by " + terminal_safe(e.by) + ")");
}

/// What staff and the complainant do next, in the procedure's own terms.
std::string next_text(const Reading& r) {
    const date::time_zone* zone = r.calendar->zone();
    std::string out;
    for (const NextStep& step : next_steps(r.state, *r.policy))
        out += fmt::format("  {:<13}{}\n", step.party == Party::staff ? "Staff:" : "Complainant:",
                           terminal_safe(step_words(step, zone)));
    return out.empty() ? "" : "\nNext:\n" + out;
}

std::string show_text(const Reading& r, bool colour) {
    const Complaint& c = r.complaint;
    const date::time_zone* zone = r.calendar->zone();
    std::string out = fmt::format("{}  {}\n", paint(c.id, "1", colour), terminal_safe(c.summary));
    line(out, "Status:",
         fmt::format("{}{}, stage {} ({})", status_name(r.state.status),
                     r.state.paused ? " (paused)" : "", r.state.stage, r.state.stage_title));
    line(out, "Policy:", c.policy + " " + c.policy_version);
    line(out, "Received:",
         format_moment(c.received, zone) + (c.channel.empty() ? "" : " by " + c.channel));
    line(out, "Complainant:", c.name + (c.contact.empty() ? "" : " <" + c.contact + ">"));
    const Person* role = r.policy->person(r.state.handler_role);
    line(out, "Handler:",
         r.state.handler + (role && role->shown() != role->title ? " (" + role->title + ")" : ""));
    line(out, "Severity:", c.severity);
    line(out, "Category:", c.category);
    line(out, "Occurred:", occurred_words(c));
    line(out, "People:", fmt::format("{}", fmt::join(c.people, ", ")));
    line(out, "Evidence:", fmt::format("{}", fmt::join(c.evidence, ", ")));
    out += next_text(r);
    if (!c.details.empty()) out += "\nDetails:\n" + terminal_safe(c.details, true) + "\n";
    out += "\nDeadlines:\n";
    for (const Deadline& d : r.state.deadlines)
        out += deadline_line(d, zone, colour);
    out += legend(r.state.deadlines);
    out += "\nEvents:\n";
    out += fmt::format("  {}  {:<12} {}\n", format_moment(c.received, zone), "received",
                       terminal_safe(c.channel));
    for (const Event& e : c.events)
        out += event_line(e, *r.policy, zone);
    return out;
}

Status run_show(const ShowOptions& options, Session& session) {
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    if (options.format == "json")
        print_out(complaint_json(*reading) + "\n");
    else
        print_out(show_text(*reading, use_colour(stdout, session.options().no_colour)));
    return done();
}

} // namespace

void add_show_command(CommandTable& table) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = add_command(table, "show", "Show a complaint, its deadlines and events",
                                    "complaints show k7m2 --format json");
    add_complaint_id(table, command, options->id);
    one_of(table, command->add_option("--format", options->format, "text or json"),
           {"text", "json"});
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_show(*options, session); };
    });
}

} // namespace complaints::cli
