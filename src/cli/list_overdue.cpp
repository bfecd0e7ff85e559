#include "cli/commands.hpp"
#include "cli/filters.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/walk.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct OverdueOptions {
    std::string due_within;
    std::string handler, stage;
    std::string format = "text";
    bool exit_status = false;
    bool redact = false;
};

std::string item_json(const DueItem& item) {
    return fmt::format("{{\"schema\": {}, \"id\": {}, \"stage\": {}, \"milestone\": {}, "
                       "\"title\": {}, \"action\": {}, \"due\": {}, \"state\": {}, "
                       "\"days_overdue\": {}, \"handler\": {}, \"summary\": {}}}",
                       json_schema_version, json_string(item.id), json_string(item.stage),
                       json_string(item.milestone), json_string(item.title),
                       json_string(item.action), json_string(due_text(item.due, item.zone)),
                       json_string(state_name(item.state)), item.days_overdue,
                       json_string(item.handler), json_string(item.summary));
}

std::vector<std::string> item_row(const DueItem& item, bool for_csv) {
    auto text = [&](const std::string& s) { return for_csv ? csv_text(s) : terminal_safe(s); };
    return {text(item.id),          text(item.stage),
            text(item.milestone),   due_text(item.due, item.zone),
            state_name(item.state), std::to_string(item.days_overdue),
            text(item.handler),     text(item.summary)};
}

std::string render(const std::vector<DueItem>& items, const std::string& format) {
    if (format == "json") {
        std::vector<std::string> objects;
        for (const auto& item : items)
            objects.push_back(item_json(item));
        return fmt::format("[{}]\n", fmt::join(objects, ",\n"));
    }
    const std::vector<std::string> header{"id",    "stage",        "milestone", "due",
                                          "state", "days_overdue", "handler",   "summary"};
    if (format == "csv") {
        std::string out = csv_line(header);
        for (const auto& item : items)
            out += csv_line(item_row(item, true));
        return out;
    }
    if (items.empty()) return "";
    Table table({"ID", "STAGE", "MILESTONE", "DUE", "STATE", "DAYS OVER", "HANDLER", "SUMMARY"});
    for (const auto& item : items)
        table.add(item_row(item, false));
    table.fit(terminal_width(stdout));
    return table.render();
}

Status run_list_overdue(const OverdueOptions& options, Session& session) {
    auto within = due_within_flag(options.due_within);
    if (!within) return within.error();
    DueFilter filter{*within, false, options.handler, options.stage};
    std::vector<Error> problems;
    Instant now{};
    auto items = collect_due(session, filter, problems, now);
    if (!items) return items.error();
    if (items->empty()) {
        Status known = check_filter_values(session, options.stage, options.handler, "");
        if (!known) return known;
    }
    if (options.redact) redact_due_items(*items);
    print_out(render(*items, options.format));
    say_if_nothing_matches(items->empty());
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    const bool overdue = std::any_of(items->begin(), items->end(), [](const DueItem& i) {
        return i.state == DeadlineState::overdue;
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
    command->add_option("--handler", options->handler,
                        "Only those this handler holds: a role, its title or a name (any case)");
    command->add_option("--stage", options->stage, "Only deadlines of this stage (any case)");
    one_of(table, command->add_option("--format", options->format, "text (a table), csv or json"),
           {"text", "table", "csv", "json"});
    command->add_flag("--exit-status", options->exit_status,
                      "Exit 1 when anything is overdue (for scripts)");
    command->add_flag("--redact", options->redact,
                      "Leave out personal data (summaries): IDs, stages, dates and handlers only");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_list_overdue(*options, session); };
    });
}

} // namespace complaints::cli
