#include "cli/report_html.hpp"

#include "cli/escape.hpp"
#include "cli/output.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

constexpr const char* style =
    R"(body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}td,th{padding:.2rem .8rem;text-align:left}td.n{text-align:right}
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#222}.bar{fill:#3a6ea5}
.note{color:#555})";

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

std::string on_time_table(const Report& r) {
    if (r.on_time.empty()) return "<p class=\"note\">No staff deadlines yet.</p>\n";
    std::string out = "<table>\n<tr><th>Milestone</th><th>On time</th><th>Late</th>"
                      "<th>Missed</th><th>Rate</th></tr>\n";
    for (const OnTime& o : r.on_time)
        out += fmt::format("<tr><td>{} <span class=\"note\">({})</span></td><td class=\"n\">{}"
                           "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">"
                           "{}</td></tr>\n",
                           html_text(o.title), html_text(o.milestone), o.on_time, o.late, o.missed,
                           o.rate() ? fmt::format("{:.0f}%", *o.rate() * 100) : "n/a");
    return out + "</table>\n";
}

std::string spread_row(const char* what, const Spread& s) {
    auto days = [](const std::optional<double>& v) {
        return v ? fmt::format("{:.1f}", *v) : std::string("&ndash;");
    };
    return fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td></tr>\n",
                       what, s.count, days(s.median), days(s.p90));
}

} // namespace

std::string render_html(const Report& r, const std::vector<ReportSection>& sections,
                        const std::string& range, const std::string& as_of) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n<title>Complaints report</title>\n<style>\n{}\n</style>\n"
        "</head>\n<body>\n<h1>Complaints report</h1>\n<p>{} &middot; as of {}</p>\n"
        "<p><strong>{}</strong> complaints received, {} still open.</p>\n",
        style, html_text(range), html_text(as_of), r.total, r.open);
    for (const ReportSection& s : sections) {
        if (s.tallies.empty()) continue;
        out += fmt::format("<h2>{}</h2>\n", html_text(s.title)) + bar_chart(s.tallies);
    }
    out += "<h2>On time, per milestone</h2>\n" + on_time_table(r);
    out += "<h2>Time taken (days from receipt)</h2>\n<table>\n<tr><th></th><th>Complaints</th>"
           "<th>Median</th><th>90th percentile</th></tr>\n";
    out += spread_row("To acknowledge", r.days_to_acknowledge);
    out += spread_row("To resolve", r.days_to_resolve) + "</table>\n";
    out += fmt::format("<p>Complainants with more than one complaint: {}</p>\n",
                       r.repeat_complainants);
    return out + "</body>\n</html>\n";
}

} // namespace complaints::cli
