#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/report_html.hpp"
#include "cli/walk.hpp"

#include "complaints/report.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ReportOptions {
    std::string from, to;
    std::string format = "text";
};

/// The count sections of a report, in the order every format prints them.
std::vector<ReportSection> sections(const Report& r) {
    return {{"by_month", "Complaints received per month", r.by_month},
            {"by_quarter", "Complaints received per quarter", r.by_quarter},
            {"by_channel", "By channel", r.by_channel},
            {"by_category", "By category", r.by_category},
            {"by_severity", "By severity", r.by_severity},
            {"by_stage_reached", "By stage reached", r.by_stage_reached},
            {"by_status", "By status (outcome)", r.by_status},
            {"by_remedy", "By remedy", r.by_remedy},
            {"repeat_categories", "Categories of more than one complaint", r.repeat_categories},
            {"repeat_people", "People named in more than one complaint", r.repeat_people}};
}

std::string days(const std::optional<double>& value) {
    return value ? fmt::format("{:.1f}", *value) : "";
}

std::string percent(const std::optional<double>& rate) {
    return rate ? fmt::format("{:.0f}%", *rate * 100) : "n/a";
}

std::string range_text(const Report& r) {
    if (!r.from && !r.to) return "all complaints";
    return fmt::format("complaints received {} to {}", r.from ? format_day(*r.from) : "the start",
                       r.to ? format_day(*r.to) : "now");
}

std::string spread_text(const char* what, const Spread& s) {
    if (s.count == 0) return fmt::format("{}: none yet\n", what);
    return fmt::format("{}: median {} days, 90th percentile {} days ({} complaint{})\n", what,
                       days(s.median), days(s.p90), s.count, s.count == 1 ? "" : "s");
}

std::string render_text(const Report& r, const std::string& as_of) {
    std::string out = fmt::format("Complaints report: {} (as of {})\n\n", range_text(r), as_of);
    out += fmt::format("Complaints received: {} ({} still open)\n", r.total, r.open);
    for (const ReportSection& s : sections(r)) {
        if (s.tallies.empty()) continue;
        Table table({terminal_safe(s.title), "COUNT"});
        for (const Tally& t : s.tallies)
            table.add({"  " + terminal_safe(t.key), std::to_string(t.count)});
        out += "\n" + table.render();
    }
    out += "\nOn time, per milestone\n";
    Table table({"  MILESTONE", "ON TIME", "LATE", "MISSED", "RATE", "TITLE"});
    for (const OnTime& o : r.on_time)
        table.add({"  " + terminal_safe(o.milestone), std::to_string(o.on_time),
                   std::to_string(o.late), std::to_string(o.missed), percent(o.rate()),
                   terminal_safe(o.title)});
    out += table.render() + "\n";
    out += spread_text("Time to acknowledge", r.days_to_acknowledge);
    out += spread_text("Time to resolve", r.days_to_resolve);
    out += fmt::format("Complainants with more than one complaint: {}\n", r.repeat_complainants);
    return out;
}

std::string render_csv(const Report& r) {
    std::string out = csv_line({"section", "key", "count", "of", "value"});
    auto row = [&](std::string section, std::string key, std::string count, std::string of,
                   std::string value) {
        out += csv_line({csv_text(section), csv_text(key), count, of, value});
    };
    row("total", "received", std::to_string(r.total), "", "");
    row("total", "open", std::to_string(r.open), std::to_string(r.total), "");
    for (const ReportSection& s : sections(r))
        for (const Tally& t : s.tallies)
            row(s.name, t.key, std::to_string(t.count), std::to_string(r.total), "");
    for (const OnTime& o : r.on_time)
        row("on_time", o.milestone, std::to_string(o.on_time), std::to_string(o.measured()),
            o.rate() ? fmt::format("{:.4f}", *o.rate()) : "");
    for (auto [name, spread] : {std::pair{"days_to_acknowledge", &r.days_to_acknowledge},
                                std::pair{"days_to_resolve", &r.days_to_resolve}}) {
        row(name, "median", std::to_string(spread->count), "", days(spread->median));
        row(name, "p90", std::to_string(spread->count), "", days(spread->p90));
    }
    row("repeat_complainants", "complainants", std::to_string(r.repeat_complainants), "", "");
    return out;
}

std::string json_number(const std::optional<double>& value, const char* format) {
    return value ? fmt::format(fmt::runtime(format), *value) : "null";
}

std::string render_json(const Report& r, const std::string& as_of) {
    auto day = [](const std::optional<Day>& d) { return d ? json_string(format_day(*d)) : "null"; };
    std::string out = fmt::format("{{\"schema\": {}, \"as_of\": {}, \"from\": {}, \"to\": {}, "
                                  "\"total\": {}, \"open\": {}",
                                  json_schema_version, json_string(as_of), day(r.from), day(r.to),
                                  r.total, r.open);
    for (const ReportSection& s : sections(r)) {
        std::vector<std::string> items;
        for (const Tally& t : s.tallies)
            items.push_back(
                fmt::format("{{\"key\": {}, \"count\": {}}}", json_string(t.key), t.count));
        out += fmt::format(",\n \"{}\": [{}]", s.name, fmt::join(items, ", "));
    }
    std::vector<std::string> rates;
    for (const OnTime& o : r.on_time)
        rates.push_back(fmt::format("{{\"milestone\": {}, \"title\": {}, \"on_time\": {}, "
                                    "\"late\": {}, \"missed\": {}, \"rate\": {}}}",
                                    json_string(o.milestone), json_string(o.title), o.on_time,
                                    o.late, o.missed, json_number(o.rate(), "{:.4f}")));
    out += fmt::format(",\n \"on_time\": [{}]", fmt::join(rates, ",\n  "));
    for (auto [name, spread] : {std::pair{"days_to_acknowledge", &r.days_to_acknowledge},
                                std::pair{"days_to_resolve", &r.days_to_resolve}})
        out += fmt::format(",\n \"{}\": {{\"count\": {}, \"median\": {}, \"p90\": {}}}", name,
                           spread->count, json_number(spread->median, "{:.2f}"),
                           json_number(spread->p90, "{:.2f}"));
    return out + fmt::format(",\n \"repeat_complainants\": {}}}\n", r.repeat_complainants);
}

Result<std::optional<Day>> day_flag(const std::string& text, const std::string& flag) {
    if (text.empty()) return std::optional<Day>{};
    auto day = parse_day(text);
    if (!day) return usage_error(flag + ": " + day.error().message);
    return std::optional<Day>{*day};
}

Status run_report(const ReportOptions& options, Session& session) {
    auto from = day_flag(options.from, "--from");
    if (!from) return from.error();
    auto to = day_flag(options.to, "--to");
    if (!to) return to.error();
    if (*from && *to && **to < **from) return usage_error("--to: is before --from");
    const date::time_zone* zone = nullptr;
    auto now = register_now(session, zone);
    if (!now) return now.error();
    ReportBuilder builder(*from, *to);
    std::vector<Error> problems;
    Status walked = for_each_reading(session, problems, [&](const Reading& r) {
        builder.add(r.complaint, r.state, *r.policy, r.calendar->zone());
    });
    if (!walked) return walked.error();
    const Report report = builder.finish();
    const std::string as_of = format_moment(*now, zone);
    if (options.format == "csv")
        print_out(render_csv(report));
    else if (options.format == "json")
        print_out(render_json(report, as_of));
    else if (options.format == "html")
        print_out(render_html(report, sections(report), range_text(report), as_of));
    else
        print_out(render_text(report, as_of));
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
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_report(*options, session); };
    });
}

} // namespace complaints::cli
