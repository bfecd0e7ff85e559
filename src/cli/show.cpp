#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"

#include <fmt/format.h>

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

std::string event_line(const Event& e, const date::time_zone* zone) {
    std::string detail;
    for (const std::string* part :
         {&e.stage, &e.milestone, &e.handler, &e.body, &e.outcome, &e.reason, &e.text})
        if (!part->empty()) detail += (detail.empty() ? "" : "; ") + *part;
    if (e.until) detail += (detail.empty() ? "until " : "; until ") + format_day(*e.until);
    if (e.extend_by) detail += (detail.empty() ? "by " : "; by ") + describe(*e.extend_by);
    if (!e.remedies.empty()) detail += fmt::format(" [{}]", fmt::join(e.remedies, ", "));
    return fmt::format("  {}  {:<12} {}{}\n", format_moment(e.at, zone), e.type,
                       terminal_safe(detail),
                       e.by.empty() ? "" : " (by " + terminal_safe(e.by) + ")");
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
    line(out, "Handler:", r.state.handler);
    line(out, "Severity:", c.severity);
    line(out, "Category:", c.category);
    line(out, "Occurred:", c.occurred);
    line(out, "People:", fmt::format("{}", fmt::join(c.people, ", ")));
    line(out, "Evidence:", fmt::format("{}", fmt::join(c.evidence, ", ")));
    if (!c.details.empty()) out += "\nDetails:\n" + terminal_safe(c.details, true) + "\n";
    out += "\nDeadlines:\n";
    for (const Deadline& d : r.state.deadlines)
        out += deadline_line(d, zone, colour);
    out += "\nEvents:\n";
    out += fmt::format("  {}  {:<12} {}\n", format_moment(c.received, zone), "received",
                       terminal_safe(c.channel));
    for (const Event& e : c.events)
        out += event_line(e, zone);
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
