#include "cli/subject_access.hpp"

#include "cli/escape.hpp"
#include "cli/present.hpp"
#include "cli/walk.hpp"

#include "complaints/subject_access.hpp"

#include <array>
#include <fmt/format.h>
#include <utility>

namespace complaints::cli {

namespace {

std::string line(std::string_view label, std::string_view value) {
    if (value.empty()) return "";
    return fmt::format("{}: {}\n", label, terminal_safe(value, true));
}

std::string list_line(std::string_view label, const std::vector<std::string>& values) {
    return line(label, fmt::format("{}", fmt::join(values, "; ")));
}

/// One event in a line, then its own words indented.
std::string event_text(const Event& e, const date::time_zone* zone) {
    std::string out = fmt::format("  {}  {}", format_moment(e.at, zone), terminal_safe(e.type));
    if (!e.by.empty()) out += " by " + terminal_safe(e.by);
    if (!e.stage.empty()) out += ", to stage " + terminal_safe(e.stage);
    if (!e.finding.empty()) out += ", finding " + terminal_safe(e.finding);
    if (!e.remedies.empty())
        out += ", remedies " + terminal_safe(fmt::format("{}", fmt::join(e.remedies, "; ")));
    out += "\n";
    const std::array<std::pair<const char*, const std::string*>, 4> words{
        {{"Outcome", &e.outcome},
         {"Reason", &e.reason},
         {"Reason beyond the usual", &e.good_reason},
         {"Note", &e.text}}};
    for (const auto& [label, text] : words)
        if (!text->empty()) out += fmt::format("      {}: {}\n", label, terminal_safe(*text, true));
    return out;
}

std::string render_json(const std::vector<Reading>& found, const std::string& who,
                        const std::string& as_of) {
    std::vector<std::string> items;
    for (const Reading& r : found)
        items.push_back(complaint_json(r));
    return fmt::format(
        "{{\"schema\": {}, \"subject\": {}, \"as_of\": {}, \"complaints\": [\n{}\n]}}\n",
        json_schema_version, json_string(who), json_string(as_of), fmt::join(items, ",\n"));
}

std::string render_text(const std::vector<Reading>& found, const std::string& who,
                        const std::string& as_of) {
    std::string out =
        fmt::format("Personal data held about: {}\nAs of {}: {} complaint{}\n", terminal_safe(who),
                    as_of, found.size(), found.size() == 1 ? "" : "s");
    for (const Reading& r : found)
        out += "\n" + subject_text(r);
    return out;
}

} // namespace

std::string subject_text(const Reading& r) {
    const Complaint& c = r.complaint;
    const date::time_zone* zone = r.calendar->zone();
    std::string out =
        fmt::format("Complaint {}, received {}\n", c.id, format_moment(c.received, zone));
    out += line("Status", status_name(r.state.status) + ", stage " + r.state.stage_title);
    out += line("Name", c.name) + line("Contact", c.contact) + line("How it came", c.channel);
    out += line("Summary", c.summary) + line("Details", c.details);
    out += line("When it happened", occurred_words(c));
    out += list_line("People involved", c.people) + list_line("Evidence", c.evidence);
    out += line("Category", c.category) + line("Severity", c.severity);
    out += line("Handled by", r.state.handler);
    out += "What happened:\n";
    for (const Event& e : c.events)
        out += event_text(e, zone);
    return out;
}

Status export_subject(Session& session, const std::string& who, const std::string& format) {
    const date::time_zone* zone = nullptr;
    auto now = register_now(session, zone);
    if (!now) return now.error();
    std::vector<Reading> found;
    std::vector<std::string> near_misses;
    std::vector<Error> problems;
    Status walked = for_each_reading(session, problems, [&](const Reading& r) {
        const SubjectFinding finding = find_subject(r.complaint, who);
        if (finding.match == SubjectMatch::match) found.push_back(r);
        if (finding.match == SubjectMatch::near_miss)
            near_misses.push_back(fmt::format("{} ({})", r.complaint.id, finding.why));
    });
    if (!walked) return walked.error();
    const std::string as_of = format_moment(*now, zone);
    print_out(format == "json" ? render_json(found, who, as_of) : render_text(found, who, as_of));
    for (const std::string& miss : near_misses)
        warn(fmt::format("left out {}: check whether it is about the same person", miss));
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace complaints::cli
