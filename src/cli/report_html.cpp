#include "cli/report_html.hpp"

#include "cli/escape.hpp"
#include "cli/output.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace complaints::cli {

// Wording every report format shares.

std::vector<ReportSection> report_sections(const Report& r) {
    std::vector<ReportSection> out{
        {"by_month", "Complaints received per month", r.by_month},
        {"by_quarter", "Complaints received per quarter", r.by_quarter},
        {"by_channel", "By channel", r.by_channel},
        {"by_category", "By category", r.by_category},
        {"by_severity", "By severity", r.by_severity},
        {"by_stage_reached", "By stage reached", r.by_stage_reached},
        {"by_status", "By status (outcome)", r.by_status},
        {"by_remedy", "By remedy", r.by_remedy},
        {"repeat_categories", "Categories of more than one complaint", r.repeat_categories}};
    // Names only when asked for (`report --names`): a report travels further than the register.
    if (!r.repeat_people_names.empty())
        out.push_back(
            {"repeat_people", "People named in more than one complaint", r.repeat_people_names});
    return out;
}

std::string amount(double value) {
    const double tenths = std::round(value * 10) / 10;
    if (tenths == std::floor(tenths)) return fmt::format("{:.0f}", tenths);
    return fmt::format("{:.1f}", tenths);
}

std::string unit_words(Unit unit, double value) {
    return unit_name(unit, amount(value) == "1" ? 1 : 2);
}

std::string policy_text(const PolicyCovered& policy) {
    return fmt::format("{} ({}, version {})", policy.title, policy.id, policy.version);
}

std::string repeat_people_text(long count) {
    if (count == 1) return "1 person is named in more than one complaint";
    return fmt::format("{} people are named in more than one complaint", count);
}

namespace {

/// "(limit 10)" when the limit is in the unit times are measured in, else "(limit 1 month)";
/// with what it counts from when `from` is set.
std::string limit_text(const MilestoneFigures& m, bool from) {
    const std::string limit =
        m.limit.unit == m.unit ? std::to_string(m.limit.count) : describe(m.limit);
    std::string anchor = m.from;
    std::replace(anchor.begin(), anchor.end(), '-', ' ');
    return from ? fmt::format("(limit {} from {})", describe(m.limit), anchor)
                : fmt::format("from {} (limit {})", anchor, limit);
}

} // namespace

std::string taken_text(const MilestoneFigures& m) {
    const Spread& s = m.taken;
    if (s.count == 0) return "not met yet " + limit_text(m, true);
    return fmt::format("met in a median of {} {} {}, 90th percentile {} {}, {} {}",
                       amount(*s.median), unit_words(m.unit, *s.median), limit_text(m, false),
                       amount(*s.p90), unit_words(m.unit, *s.p90), s.count,
                       m.repeats ? (s.count == 1 ? "time" : "times")
                                 : (s.count == 1 ? "complaint" : "complaints"));
}

std::string versions_note(const Report& report, const MilestoneFigures& m) {
    if (report.policies.size() < 2) return "";
    return fmt::format(" [{} {}]", m.policy, fmt::join(m.versions, ", "));
}

namespace {

constexpr const char* style =
    R"(body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}td,th{padding:.2rem .8rem;text-align:left}td.n{text-align:right}
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#222}.bar{fill:#3a6ea5}
.note{color:#555}.warning{border-left:4px solid #b35c00;padding:.2rem .8rem;background:#fff4e5})";

constexpr int row_height = 22;
constexpr int label_width = 180;
constexpr int bar_width = 360;

/// A horizontal bar chart: one labelled bar per tally, its count at the end.
std::string bar_chart(const std::vector<Tally>& tallies) {
    long most = 1;
    for (const Tally& t : tallies)
        most = std::max(most, t.count);
    const int height = row_height * static_cast<int>(tallies.size()) + 4;
    // The viewBox lets a narrow screen scale the chart down instead of cutting it off.
    const int chart_width = label_width + bar_width + 60;
    std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
                                  "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\">\n",
                                  chart_width, height);
    int y = 2;
    for (const Tally& t : tallies) {
        const long width = t.count * bar_width / most;
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}"
                           "</text>",
                           label_width - 6, y + 15, html_text(t.key),
                           html_text(truncate_text(t.key, 26)));
        out += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                           label_width, y + 3, width, row_height - 6);
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", label_width + width + 6, y + 15,
                           t.count);
        y += row_height;
    }
    return out + "</svg>\n";
}

/// A table row of cells already made safe; numbers (`n` of them, at the end) right-aligned.
std::string row(const std::vector<std::string>& cells, std::size_t numbers) {
    std::string out = "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i)
        out += (i + numbers >= cells.size() ? "<td class=\"n\">" : "<td>") + cells[i] + "</td>";
    return out + "</tr>\n";
}

std::string header_row(const std::vector<std::string>& cells) {
    std::string out = "<tr>";
    for (const std::string& cell : cells)
        out += "<th>" + cell + "</th>";
    return out + "</tr>\n";
}

std::string findings_tables(const Report& r) {
    std::vector<std::string> header{"Stage", "Resolutions"};
    for (const std::string& finding : r.findings)
        header.push_back(html_text(finding));
    std::string out = "<h2>Findings per stage</h2>\n<p class=\"note\">Each resolution counts in "
                      "the stage where it was recorded.</p>\n<table>\n" +
                      header_row(header);
    for (const StageFindings& s : r.findings_by_stage) {
        std::vector<std::string> cells{fmt::format("{} <span class=\"note\">({})</span>",
                                                   html_text(s.title), html_text(s.stage)),
                                       std::to_string(s.resolutions)};
        for (const Tally& t : s.findings)
            cells.push_back(std::to_string(t.count));
        out += row(cells, cells.size() - 1);
    }
    out += "</table>\n<h2>Remedies per finding</h2>\n<table>\n" +
           header_row({"Finding", "Resolutions", "Remedy", "Count"});
    for (const FindingRemedies& f : r.remedies_by_finding)
        for (std::size_t i = 0; i < f.remedies.size(); ++i)
            out += row({i == 0 ? html_text(f.finding) : "",
                        i == 0 ? std::to_string(f.resolutions) : "", html_text(f.remedies[i].key),
                        std::to_string(f.remedies[i].count)},
                       1);
    return out + "</table>\n";
}

std::string measurement(const std::optional<double>& value, Unit unit) {
    return value ? fmt::format("{} {}", amount(*value), unit_words(unit, *value)) : "&ndash;";
}

std::string milestones_table(const Report& r) {
    if (r.milestones.empty()) return "<p class=\"note\">No staff deadlines yet.</p>\n";
    std::string out =
        "<p class=\"note\">Each time is measured from the milestone's own start, in its own "
        "unit, as its deadline counts (working days skip weekends and bank holidays).</p>\n"
        "<table>\n" +
        header_row({"Milestone", "Limit", "Met", "Median", "90th percentile", "On time", "Late",
                    "Missed", "Rate"});
    for (const MilestoneFigures& m : r.milestones) {
        std::string anchor = m.from;
        std::replace(anchor.begin(), anchor.end(), '-', ' ');
        out += row({fmt::format("{} <span class=\"note\">({}){}</span>", html_text(m.title),
                                html_text(m.milestone), html_text(versions_note(r, m))),
                    html_text(fmt::format("{} from {}", describe(m.limit), anchor)),
                    std::to_string(m.taken.count), measurement(m.taken.median, m.unit),
                    measurement(m.taken.p90, m.unit), std::to_string(m.on_time),
                    std::to_string(m.late), std::to_string(m.missed),
                    m.rate() ? fmt::format("{:.0f}%", *m.rate() * 100) : "n/a"},
                   7);
    }
    return out + "</table>\n";
}

std::string html_header(const Report& r, const std::string& range, const std::string& as_of) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n<title>Complaints report{0}</title>\n<style>\n{1}\n"
        "</style>\n</head>\n<body>\n<h1>Complaints report{0}</h1>\n",
        r.organisation.empty() ? "" : ": " + html_text(r.organisation), style);
    for (const PolicyCovered& p : r.policies)
        out += fmt::format("<p>{}: {} complaint{}{}</p>\n", html_text(policy_text(p)), p.complaints,
                           p.complaints == 1 ? "" : "s",
                           p.current && r.policies.size() > 1
                               ? " <span class=\"note\">(the register's policy)</span>"
                               : "");
    for (const std::string& warning : r.review_warnings)
        out += fmt::format("<p class=\"warning\"><strong>Warning:</strong> {}</p>\n",
                           html_text(warning));
    return out + fmt::format("<p>{} &middot; as of {}</p>\n", html_text(range), html_text(as_of));
}

} // namespace

std::string render_html(const Report& r, const std::string& range, const std::string& as_of) {
    std::string out = html_header(r, range, as_of);
    out += fmt::format("<p><strong>{}</strong> complaints received, {} still open.</p>\n", r.total,
                       r.open);
    for (const ReportSection& s : report_sections(r)) {
        if (s.tallies.empty()) continue;
        out += fmt::format("<h2>{}</h2>\n", html_text(s.title)) + bar_chart(s.tallies);
    }
    out += fmt::format("<p>{}.</p>\n", repeat_people_text(r.repeat_people));
    out += findings_tables(r);
    out += "<h2>Milestones</h2>\n" + milestones_table(r);
    const Spread& s = r.days_to_last_outcome;
    out += fmt::format("<h2>Time from receipt to the last outcome</h2>\n<p class=\"note\">The "
                       "complainant's whole wait, across stages, for complaints no longer open."
                       "</p>\n<table>\n{}{}</table>\n",
                       header_row({"Complaints", "Median", "90th percentile"}),
                       row({std::to_string(s.count), measurement(s.median, Unit::days),
                            measurement(s.p90, Unit::days)},
                           3));
    out += fmt::format("<p>Complainants with more than one complaint: {}</p>\n",
                       r.repeat_complainants);
    return out + "</body>\n</html>\n";
}

} // namespace complaints::cli
