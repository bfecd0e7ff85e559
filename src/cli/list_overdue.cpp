#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>

namespace complaints::cli {

namespace {

struct OverdueOptions {
    std::string due_within;
    std::string handler, stage;
    std::string format = "table";
    bool exit_status = false;
};

struct Item {
    const Reading* reading;
    const Deadline* deadline;
};

/// "3d", "2wd", "48h", "2w", "1m", or a period spelt out ("10 working days").
Result<Period> parse_within(const std::string& text) {
    static const std::regex short_form(R"(^(\d+)(h|d|wd|w|m)$)");
    std::smatch match;
    if (!std::regex_match(text, match, short_form)) return parse_period(text);
    static const std::map<std::string, std::string> units{
        {"h", "hours"}, {"d", "days"}, {"wd", "working days"}, {"w", "weeks"}, {"m", "months"}};
    return parse_period(match[1].str() + " " + units.at(match[2].str()));
}

bool wanted(const Deadline& d, const Reading& r, const OverdueOptions& options,
            const std::optional<Period>& within, Instant now) {
    if (d.party != Party::staff) return false;
    if (!options.handler.empty() && r.state.handler != options.handler) return false;
    if (!options.stage.empty() && d.stage != options.stage) return false;
    if (d.state == DeadlineState::overdue) return true;
    if (!within || (d.state != DeadlineState::open && d.state != DeadlineState::due_soon))
        return false;
    return d.due.moment <= due_after(now, *within, Counting{}, *r.calendar).moment;
}

std::string item_json(const Item& item, Instant now) {
    const Reading& r = *item.reading;
    const date::time_zone* zone = r.calendar->zone();
    return fmt::format("{{\"id\": {}, \"stage\": {}, \"milestone\": {}, \"title\": {}, "
                       "\"due\": {}, \"state\": {}, \"days_overdue\": {}, \"handler\": {}, "
                       "\"summary\": {}}}",
                       json_string(r.complaint.id), json_string(item.deadline->stage),
                       json_string(item.deadline->milestone->id),
                       json_string(item.deadline->milestone->title),
                       json_string(due_text(item.deadline->due, zone)),
                       json_string(state_name(item.deadline->state)),
                       days_overdue(*item.deadline, now, zone), json_string(r.state.handler),
                       json_string(r.complaint.summary));
}

std::vector<std::string> item_row(const Item& item, Instant now, bool for_csv) {
    const Reading& r = *item.reading;
    const date::time_zone* zone = r.calendar->zone();
    auto text = [&](const std::string& s) { return for_csv ? csv_text(s) : terminal_safe(s); };
    return {text(r.complaint.id),
            text(item.deadline->stage),
            text(item.deadline->milestone->id),
            due_text(item.deadline->due, zone),
            state_name(item.deadline->state),
            std::to_string(days_overdue(*item.deadline, now, zone)),
            text(r.state.handler),
            text(r.complaint.summary)};
}

std::string render(const std::vector<Item>& items, const std::string& format, Instant now) {
    if (format == "json") {
        std::vector<std::string> objects;
        for (const auto& item : items) objects.push_back(item_json(item, now));
        return fmt::format("[{}]\n", fmt::join(objects, ",\n"));
    }
    const std::vector<std::string> header{"id",    "stage",        "milestone", "due",
                                          "state", "days_overdue", "handler",   "summary"};
    if (format == "csv") {
        std::string out = csv_line(header);
        for (const auto& item : items) out += csv_line(item_row(item, now, true));
        return out;
    }
    if (items.empty()) return "";
    Table table({"ID", "STAGE", "MILESTONE", "DUE", "STATE", "DAYS OVER", "HANDLER", "SUMMARY"});
    for (const auto& item : items) table.add(item_row(item, now, false));
    return table.render();
}

Status run_list_overdue(const OverdueOptions& options, Session& session) {
    std::optional<Period> within;
    if (!options.due_within.empty()) {
        auto parsed = parse_within(options.due_within);
        if (!parsed) return usage_error("--due-within: " + parsed.error().message);
        within = *parsed;
    }
    std::vector<Error> problems;
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
    std::vector<Item> items;
    Instant now{};
    for (const Reading& r : *readings) {
        now = *session.now(r.calendar->zone());
        for (const Deadline& d : r.state.deadlines)
            if (wanted(d, r, options, within, now)) items.push_back({&r, &d});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.deadline->due.moment < b.deadline->due.moment;
    });
    print_out(render(items, options.format, now));
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    const bool overdue = std::any_of(items.begin(), items.end(), [](const Item& i) {
        return i.deadline->state == DeadlineState::overdue;
    });
    if (options.exit_status && overdue) session.report_exit(exit_found);
    return done();
}

} // namespace

void add_list_overdue_command(CommandTable& table) {
    auto options = std::make_shared<OverdueOptions>();
    CLI::App* command = add_command(
        table, "list-overdue", "List overdue staff deadlines (and, with --due-within, due soon)",
        "complaints list-overdue --due-within 3wd --as-of 2026-04-01 --format json");
    command->add_option("--due-within", options->due_within,
                        "Also list deadlines due within this period: 3d, 2wd, 48h, 2w, 1m");
    command->add_option("--handler", options->handler, "Only this handler's complaints");
    command->add_option("--stage", options->stage, "Only deadlines of this stage");
    command->add_option("--format", options->format, "table, csv or json")
        ->check(CLI::IsMember({"table", "text", "csv", "json"}));
    command->add_flag("--exit-status", options->exit_status,
                      "Exit 1 when anything is overdue (for scripts)");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_list_overdue(*options, session); };
    });
}

} // namespace complaints::cli
