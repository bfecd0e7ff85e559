#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"

#include "complaints/explain.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ExplainOptions {
    std::string id;
    std::string format = "text";
};

std::string skipped_lines(const std::vector<SkippedDay>& days) {
    std::string out;
    for (const SkippedDay& day : days)
        out += fmt::format("      {:<28} {}\n", long_day(day.day), terminal_safe(day.why));
    return out;
}

std::string adjustment_lines(const DeadlineExplanation& e, const WorkingCalendar& calendar) {
    if (e.adjustments.empty()) return "";
    std::string out =
        fmt::format("  Before changes: due {}.\n  Changes:\n", due_words(e.base_due, calendar));
    for (const Adjustment& a : e.adjustments)
        out += fmt::format("    - {}: now due {}\n", terminal_safe(a.what),
                           due_words(a.due_after, calendar));
    if (!e.skipped_after.empty())
        out += "    Days not counted in the added time:\n" + skipped_lines(e.skipped_after);
    return out;
}

std::string counting_lines(const DeadlineExplanation& e) {
    std::string out = fmt::format("  Counting: {}\n", e.counting);
    if (e.period.unit == Unit::working_days)
        out += e.skipped.empty() ? "  Days not counted: none.\n"
                                 : "  Days not counted:\n" + skipped_lines(e.skipped);
    if (e.rolled_from)
        out += fmt::format("  The count ends on {}, which is not a working day, so the deadline "
                           "moves to the next working day:\n{}",
                           long_day(*e.rolled_from), skipped_lines(e.rolled_over));
    if (!e.note.empty()) out += fmt::format("  Note: {}\n", e.note);
    return out;
}

std::string deadline_text(const Deadline& d, const WorkingCalendar& calendar) {
    DeadlineExplanation e = explain_deadline(d, calendar);
    std::string out = fmt::format("{}\n  {}.\n", deadline_name(d), terminal_safe(e.rule));
    out += fmt::format("  Counted from: {}, {}.\n", e.anchor_event,
                       moment_words(e.anchor_at, calendar.zone()));
    out += fmt::format("  Unit: {}.\n", e.unit);
    out += counting_lines(e);
    out += adjustment_lines(e, calendar);
    out += fmt::format("  Result: {} ({})\n  State: {}\n", e.result,
                       due_text(e.due, calendar.zone()), e.state);
    return out;
}

std::string explain_text(const Reading& r) {
    const Complaint& c = r.complaint;
    std::string out = fmt::format("Complaint {}: {}\nPolicy {} version {}; times in {}.\n", c.id,
                                  terminal_safe(c.summary), terminal_safe(c.policy),
                                  terminal_safe(c.policy_version), r.calendar->spec().zone_name);
    if (r.state.deadlines.empty()) out += "\nNo deadlines apply yet.\n";
    for (const Deadline& d : r.state.deadlines)
        out += "\n" + deadline_text(d, *r.calendar);
    return out;
}

std::string days_json(const std::vector<SkippedDay>& days) {
    std::vector<std::string> items;
    for (const SkippedDay& day : days)
        items.push_back(fmt::format("{{\"date\": {}, \"weekday\": {}, \"why\": {}}}",
                                    json_string(format_day(day.day)),
                                    json_string(weekday_name(day.day)), json_string(day.why)));
    return fmt::format("[{}]", fmt::join(items, ", "));
}

std::string optional_day_json(const std::optional<Day>& day) {
    return day ? json_string(format_day(*day)) : "null";
}

std::string explanation_json(const Deadline& d, const WorkingCalendar& calendar) {
    const date::time_zone* zone = calendar.zone();
    DeadlineExplanation e = explain_deadline(d, calendar);
    std::vector<std::string> changes;
    for (const Adjustment& a : e.adjustments)
        changes.push_back(fmt::format("{{\"what\": {}, \"due\": {}}}", json_string(a.what),
                                      json_string(due_text(a.due_after, zone))));
    std::string deadline = deadline_json(d, zone);
    deadline.pop_back(); // the closing brace: the explanation's fields follow
    return fmt::format(
        "{}, \"rule\": {}, \"anchor_event\": {}, \"unit\": {}, \"counting\": {}, "
        "\"first_day\": {}, \"skipped\": {}, \"rolled_forward_from\": {}, \"rolled_over\": {}, "
        "\"note\": {}, \"base_due\": {}, \"adjustments\": [{}], \"skipped_after\": {}, "
        "\"result\": {}, \"state_text\": {}}}",
        deadline, json_string(e.rule), json_string(e.anchor_event), json_string(e.unit),
        json_string(e.counting), optional_day_json(e.first_day), days_json(e.skipped),
        optional_day_json(e.rolled_from), days_json(e.rolled_over), json_string(e.note),
        json_string(due_text(e.base_due, zone)), fmt::join(changes, ", "),
        days_json(e.skipped_after), json_string(e.result), json_string(e.state));
}

std::string explain_json(const Reading& r) {
    std::vector<std::string> items;
    for (const Deadline& d : r.state.deadlines)
        items.push_back(explanation_json(d, *r.calendar));
    const Complaint& c = r.complaint;
    return fmt::format("{{\"schema\": {}, \"id\": {}, \"policy\": {}, \"policy_version\": {}, "
                       "\"time_zone\": {}, \"deadlines\": [{}]}}\n",
                       json_schema_version, json_string(c.id), json_string(c.policy),
                       json_string(c.policy_version), json_string(r.calendar->spec().zone_name),
                       fmt::join(items, ",\n  "));
}

Status run_explain(const ExplainOptions& options, Session& session) {
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    print_out(options.format == "json" ? explain_json(*reading) : explain_text(*reading));
    return done();
}

} // namespace

void add_explain_command(CommandTable& table) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App* command = add_command(
        table, "explain",
        "Explain each deadline of a complaint: the rule, what it counts from, the days not "
        "counted and why, extensions and pauses, and the result",
        "complaints explain k7m2 --format json");
    add_complaint_id(table, command, options->id);
    one_of(table, command->add_option("--format", options->format, "text or json"),
           {"text", "json"});
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_explain(*options, session); };
    });
}

} // namespace complaints::cli
