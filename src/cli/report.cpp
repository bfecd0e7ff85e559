#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/private_file.hpp"
#include "cli/report_html.hpp"
#include "cli/walk.hpp"

#include "complaints/report.hpp"

#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

/// The report's JSON schema: 2 since findings, milestone times in their own units and counts
/// instead of names replaced the days from receipt and the list of people (docs/OUTPUT.md).
constexpr int report_schema_version = 2;

struct ReportOptions {
    std::string from, to;
    std::string format = "text";
    bool names = false;
    std::string output; ///< -o: a file (mode 0600) instead of stdout
    bool force = false;
};

std::string percent(const std::optional<double>& rate) {
    return rate ? fmt::format("{:.0f}%", *rate * 100) : "n/a";
}

std::string range_text(const Report& r) {
    if (!r.from && !r.to) return "all complaints";
    return fmt::format("complaints received {} to {}", r.from ? format_day(*r.from) : "the start",
                       r.to ? format_day(*r.to) : "now");
}

std::string upper(std::string text) {
    for (char& ch : text)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return text;
}

std::string text_header(const Report& r, const std::string& as_of) {
    std::string out = r.organisation.empty()
                          ? std::string("Complaints report\n")
                          : fmt::format("Complaints report: {}\n", terminal_safe(r.organisation));
    auto covered = [&](const PolicyCovered& p) {
        return fmt::format("{}, {} complaint{}{}", terminal_safe(policy_text(p)), p.complaints,
                           p.complaints == 1 ? "" : "s",
                           p.current && r.policies.size() > 1 ? " (the register's policy)" : "");
    };
    if (r.policies.size() == 1)
        out += "Policy: " + covered(r.policies.front()) + "\n";
    else {
        out += "Policies:\n";
        for (const PolicyCovered& p : r.policies)
            out += "  " + covered(p) + "\n";
    }
    for (const std::string& warning : r.review_warnings)
        out += fmt::format("Warning: {}\n", terminal_safe(warning));
    return out + fmt::format("Covers {} (as of {})\n\n", range_text(r), as_of);
}

std::string findings_text(const Report& r) {
    std::vector<std::string> header{"Findings per stage", "RESOLUTIONS"};
    for (const std::string& finding : r.findings)
        header.push_back(upper(terminal_safe(finding)));
    Table findings(header);
    for (const StageFindings& s : r.findings_by_stage) {
        std::vector<std::string> row{"  " + terminal_safe(s.stage), std::to_string(s.resolutions)};
        for (const Tally& t : s.findings)
            row.push_back(std::to_string(t.count));
        findings.add(row);
    }
    Table remedies({"Remedies per finding", "RESOLUTIONS", "REMEDY", "COUNT"});
    for (const FindingRemedies& f : r.remedies_by_finding) {
        if (f.resolutions == 0) continue;
        for (std::size_t i = 0; i < f.remedies.size(); ++i)
            remedies.add({i == 0 ? "  " + terminal_safe(f.finding) : "",
                          i == 0 ? std::to_string(f.resolutions) : "",
                          terminal_safe(f.remedies[i].key), std::to_string(f.remedies[i].count)});
    }
    return "\n" + findings.render() + (remedies.empty() ? "" : "\n" + remedies.render());
}

std::string milestones_text(const Report& r) {
    std::string out = "\nOn time, per milestone\n";
    Table table({"  MILESTONE", "ON TIME", "LATE", "MISSED", "RATE", "TITLE"});
    for (const MilestoneFigures& m : r.milestones)
        table.add({"  " + terminal_safe(m.milestone), std::to_string(m.on_time),
                   std::to_string(m.late), std::to_string(m.missed), percent(m.rate()),
                   terminal_safe(m.title) + terminal_safe(versions_note(r, m))});
    out += table.render();
    out += "\nTime to meet each milestone, from its own start, in its own unit\n";
    for (const MilestoneFigures& m : r.milestones)
        out += fmt::format("  {} ({}): {}{}\n", terminal_safe(m.title), terminal_safe(m.milestone),
                           terminal_safe(taken_text(m)), terminal_safe(versions_note(r, m)));
    return out;
}

std::string outcome_text(const Spread& s) {
    const std::string what = "Time from receipt to the last outcome (complaints no longer open)";
    if (s.count == 0) return what + ": none yet\n";
    return fmt::format("{}: median {} {}, 90th percentile {} {} ({} complaint{})\n", what,
                       amount(*s.median), unit_words(Unit::days, *s.median), amount(*s.p90),
                       unit_words(Unit::days, *s.p90), s.count, s.count == 1 ? "" : "s");
}

std::string render_text(const Report& r, const std::string& as_of) {
    std::string out = text_header(r, as_of);
    out += fmt::format("Complaints received: {} ({} still open)\n", r.total, r.open);
    for (const ReportSection& s : report_sections(r)) {
        if (s.tallies.empty()) continue;
        Table table({terminal_safe(s.title), "COUNT"});
        for (const Tally& t : s.tallies)
            table.add({"  " + terminal_safe(t.key), std::to_string(t.count)});
        out += "\n" + table.render();
    }
    out += "\n" + repeat_people_text(r.repeat_people) +
           (r.repeat_people > 0 && r.repeat_people_names.empty()
                ? " (names left out: report --names lists them)\n"
                : "\n");
    out += findings_text(r);
    out += milestones_text(r) + "\n";
    out += outcome_text(r.days_to_last_outcome);
    out += fmt::format("Complainants with more than one complaint: {}\n", r.repeat_complainants);
    return out;
}

/// A measurement for machines: rounded to 4 decimals, written as briefly as it reads back.
std::string number(const std::optional<double>& value) {
    return value ? fmt::format("{}", std::round(*value * 1e4) / 1e4) : "";
}

std::string json_number(const std::optional<double>& value) {
    return value ? number(value) : "null";
}

/// One CSV row of a report: every row has every column, empty where it does not apply.
std::string csv_row(std::vector<std::string> cells) {
    cells.resize(8);
    for (std::string& cell : cells)
        cell = csv_text(cell);
    return csv_line(cells);
}

/// The CSV rows of each milestone: on time, its limit, and the median and 90th percentile of
/// the time taken.
void milestone_csv(const Report& r, std::string& out) {
    for (const MilestoneFigures& m : r.milestones) {
        const std::string versions = fmt::format("{}", fmt::join(m.versions, "; "));
        const std::string unit = unit_name(m.unit, 2), met = std::to_string(m.taken.count);
        const std::string rate = m.rate() ? fmt::format("{:.4f}", *m.rate()) : "";
        out += csv_row({"on_time", m.milestone, std::to_string(m.on_time),
                        std::to_string(m.measured()), rate, "", m.policy, versions});
        out += csv_row({"limit", m.milestone, "", "", std::to_string(m.limit.count),
                        unit_name(m.limit.unit, 2), m.policy, versions});
        out += csv_row({"time_median", m.milestone, met, "", number(m.taken.median), unit, m.policy,
                        versions});
        out += csv_row(
            {"time_p90", m.milestone, met, "", number(m.taken.p90), unit, m.policy, versions});
    }
}

/// The CSV rows of the findings per stage and the remedies per finding.
void findings_csv(const Report& r, std::string& out) {
    for (const StageFindings& s : r.findings_by_stage)
        for (const Tally& t : s.findings)
            out += csv_row({"findings_by_stage", s.stage + "/" + t.key, std::to_string(t.count),
                            std::to_string(s.resolutions)});
    for (const FindingRemedies& f : r.remedies_by_finding)
        for (const Tally& t : f.remedies)
            out += csv_row({"remedies_by_finding", f.finding + "/" + t.key, std::to_string(t.count),
                            std::to_string(f.resolutions)});
}

std::string render_csv(const Report& r) {
    std::string out =
        csv_line({"section", "key", "count", "of", "value", "unit", "policy", "versions"});
    const std::string total = std::to_string(r.total);
    out += csv_row({"organisation", r.organisation});
    for (const PolicyCovered& p : r.policies)
        out += csv_row({"policy", p.title, std::to_string(p.complaints), total,
                        p.current ? "current" : "", "", p.id, p.version});
    for (const std::string& warning : r.review_warnings)
        out += csv_row({"review_warning", warning});
    out += csv_row({"total", "received", total});
    out += csv_row({"total", "open", std::to_string(r.open), total});
    for (const ReportSection& s : report_sections(r))
        for (const Tally& t : s.tallies)
            out += csv_row({s.name, t.key, std::to_string(t.count), total});
    out += csv_row({"repeat_people_count", "people", std::to_string(r.repeat_people)});
    findings_csv(r, out);
    milestone_csv(r, out);
    const Spread& s = r.days_to_last_outcome;
    out += csv_row(
        {"days_to_last_outcome", "median", std::to_string(s.count), "", number(s.median), "days"});
    out += csv_row(
        {"days_to_last_outcome", "p90", std::to_string(s.count), "", number(s.p90), "days"});
    out += csv_row({"repeat_complainants", "complainants", std::to_string(r.repeat_complainants)});
    return out;
}

std::string tallies_json(const std::vector<Tally>& tallies) {
    std::vector<std::string> items;
    for (const Tally& t : tallies)
        items.push_back(fmt::format("{{\"key\": {}, \"count\": {}}}", json_string(t.key), t.count));
    return fmt::format("[{}]", fmt::join(items, ", "));
}

std::string strings_json(const std::vector<std::string>& texts) {
    std::vector<std::string> items;
    for (const std::string& text : texts)
        items.push_back(json_string(text));
    return fmt::format("[{}]", fmt::join(items, ", "));
}

std::string policies_json(const Report& r) {
    std::vector<std::string> items;
    for (const PolicyCovered& p : r.policies)
        items.push_back(fmt::format("{{\"id\": {}, \"version\": {}, \"title\": {}, "
                                    "\"organisation\": {}, \"complaints\": {}, \"current\": {}}}",
                                    json_string(p.id), json_string(p.version), json_string(p.title),
                                    json_string(p.organisation), p.complaints, p.current));
    return fmt::format("[{}]", fmt::join(items, ",\n  "));
}

std::string findings_json(const Report& r) {
    std::vector<std::string> stages, findings;
    for (const StageFindings& s : r.findings_by_stage)
        stages.push_back(fmt::format(
            "{{\"stage\": {}, \"title\": {}, \"resolutions\": {}, \"findings\": {}}}",
            json_string(s.stage), json_string(s.title), s.resolutions, tallies_json(s.findings)));
    for (const FindingRemedies& f : r.remedies_by_finding)
        findings.push_back(fmt::format("{{\"finding\": {}, \"resolutions\": {}, \"remedies\": {}}}",
                                       json_string(f.finding), f.resolutions,
                                       tallies_json(f.remedies)));
    return fmt::format(",\n \"findings\": {},\n \"findings_by_stage\": [{}],\n"
                       " \"remedies_by_finding\": [{}]",
                       strings_json(r.findings), fmt::join(stages, ",\n  "),
                       fmt::join(findings, ",\n  "));
}

std::string spread_json(const Spread& s, Unit unit) {
    return fmt::format("{{\"unit\": {}, \"count\": {}, \"median\": {}, \"p90\": {}}}",
                       json_string(unit_name(unit, 2)), s.count, json_number(s.median),
                       json_number(s.p90));
}

std::string milestones_json(const Report& r) {
    std::vector<std::string> items;
    for (const MilestoneFigures& m : r.milestones)
        items.push_back(fmt::format(
            "{{\"policy\": {}, \"versions\": {}, \"milestone\": {}, \"title\": {}, \"from\": {}, "
            "\"limit\": {{\"count\": {}, \"unit\": {}}}, \"on_time\": {}, \"late\": {}, "
            "\"missed\": {}, \"rate\": {}, \"time\": {}}}",
            json_string(m.policy), strings_json(m.versions), json_string(m.milestone),
            json_string(m.title), json_string(m.from), m.limit.count,
            json_string(unit_name(m.limit.unit, 2)), m.on_time, m.late, m.missed,
            m.rate() ? fmt::format("{:.4f}", *m.rate()) : "null", spread_json(m.taken, m.unit)));
    return fmt::format(",\n \"milestones\": [{}]", fmt::join(items, ",\n  "));
}

std::string render_json(const Report& r, const std::string& as_of) {
    auto day = [](const std::optional<Day>& d) { return d ? json_string(format_day(*d)) : "null"; };
    std::string out = fmt::format(
        "{{\"schema\": {}, \"as_of\": {}, \"from\": {}, \"to\": {}, \"organisation\": {},\n"
        " \"policies\": {},\n \"review_warnings\": {},\n \"total\": {}, \"open\": {}",
        report_schema_version, json_string(as_of), day(r.from), day(r.to),
        json_string(r.organisation), policies_json(r), strings_json(r.review_warnings), r.total,
        r.open);
    for (const ReportSection& s : report_sections(r))
        out += fmt::format(",\n \"{}\": {}", s.name, tallies_json(s.tallies));
    out += fmt::format(",\n \"repeat_people_count\": {}", r.repeat_people);
    out += findings_json(r) + milestones_json(r);
    out += fmt::format(",\n \"days_to_last_outcome\": {}",
                       spread_json(r.days_to_last_outcome, Unit::days));
    return out + fmt::format(",\n \"repeat_complainants\": {}}}\n", r.repeat_complainants);
}

Result<std::optional<Day>> day_flag(const std::string& text, const std::string& flag) {
    if (text.empty()) return std::optional<Day>{};
    auto day = parse_day(text);
    if (!day) return usage_error(flag + ": " + day.error().message);
    return std::optional<Day>{*day};
}

/// What the flags ask the report to cover (its moment is set once the register is open).
Result<ReportScope> scope_of(const ReportOptions& options) {
    auto from = day_flag(options.from, "--from");
    if (!from) return from.error();
    auto to = day_flag(options.to, "--to");
    if (!to) return to.error();
    if (*from && *to && **to < **from) return usage_error("--to: is before --from");
    return ReportScope{*from, *to, Instant{}, options.names};
}

std::string render_report(const Report& report, const std::string& format,
                          const std::string& as_of) {
    if (format == "csv") return render_csv(report);
    if (format == "json") return render_json(report, as_of);
    if (format == "html") return render_html(report, range_text(report), as_of);
    return render_text(report, as_of);
}

Status run_report(const ReportOptions& options, Session& session) {
    auto scope = scope_of(options);
    if (!scope) return scope.error();
    const date::time_zone* zone = nullptr;
    auto now = register_now(session, zone);
    if (!now) return now.error();
    scope->as_of = *now;
    auto policy = session.default_policy();
    if (!policy) return policy.error();
    ReportBuilder builder(*scope, **policy);
    std::vector<Error> problems;
    Status walked = for_each_reading(session, problems, [&](const Reading& r) {
        builder.add(r.complaint, r.state, *r.policy, *r.calendar);
    });
    if (!walked) return walked.error();
    const std::string text =
        render_report(builder.finish(), options.format, format_moment(*now, zone));
    if (options.output.empty())
        print_out(text);
    else if (Status written = write_private_file(options.output, text, options.force, "a report");
             !written)
        return written;
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_report_command(CommandTable& table) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = add_command(
        table, "report", "Counts and trends for the annual review (text, csv, json or html)",
        "complaints report --from 2025-04-01 --to 2026-03-31 --format html > report.html");
    command->add_option("--from", options->from, "Received on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Received on or before this date (YYYY-MM-DD)");
    one_of(table, command->add_option("--format", options->format, "text, csv, json or html"),
           {"text", "csv", "json", "html"});
    command->add_flag("--names", options->names,
                      "Name the people named in more than one complaint (by default the report "
                      "says only how many, and names no one)");
    value_is(table,
             command->add_option("-o,--output", options->output,
                                 "Write the report to this new file (mode 0600), not stdout"),
             ValueKind::file);
    command->add_flag("--force", options->force, "With -o: replace the file if it exists");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_report(*options, session); };
    });
}

} // namespace complaints::cli
