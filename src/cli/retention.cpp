// `complaints retention`: the complaints whose personal data is past the policy's retention
// period, or soon will be (docs/PRIVACY.md).

#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/retention_due.hpp"
#include "cli/walk.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct RetentionOptions {
    std::string within;
    std::string format = "table";
};

std::string item_json(const RetentionItem& item) {
    return fmt::format(
        "{{\"schema\": {}, \"id\": {}, \"status\": {}, \"retention\": {}, "
        "\"ends\": {}, \"keep\": {}, \"from\": {}, \"from_at\": {}, \"policy\": {}}}",
        json_schema_version, json_string(item.id), json_string(item.status),
        json_string(name_of(retention_state_names, item.due.state)),
        json_string(format_day(item.due.due.day)), json_string(describe(item.retention.keep)),
        json_string(name_of(retention_from_names, item.retention.from)),
        json_string(format_moment(item.due.from, item.zone)), json_string(item.policy));
}

std::string render(const std::vector<RetentionItem>& items, const std::string& format) {
    if (format == "json") {
        std::vector<std::string> objects;
        for (const RetentionItem& item : items)
            objects.push_back(item_json(item));
        return fmt::format("[{}]\n", fmt::join(objects, ",\n"));
    }
    if (items.empty()) return "";
    Table table({"ID", "STATUS", "RETENTION", "ENDS", "COUNTED FROM", "POLICY"});
    for (const RetentionItem& item : items)
        table.add({item.id, item.status,
                   std::string(name_of(retention_state_names, item.due.state)),
                   format_day(item.due.due.day),
                   fmt::format("{} {}", name_of(retention_from_names, item.retention.from),
                               format_day(local_day(item.due.from, item.zone))),
                   terminal_safe(item.policy)});
    return table.render();
}

Status run_retention(const RetentionOptions& options, Session& session) {
    auto within = due_within_flag(options.within);
    if (!within) return within.error();
    std::vector<Error> problems;
    auto items = collect_retention(session, within->value_or(Period{1, Unit::months}), problems);
    if (!items) return items.error();
    print_out(render(*items, options.format));
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_retention_command(CommandTable& table) {
    auto options = std::make_shared<RetentionOptions>();
    CLI::App* command = add_command(
        table, "retention",
        "Complaints past the policy's retention period, due for anonymisation, and those due "
        "within --within (default 1 month); silent when none",
        "complaints retention --within 3m");
    command->add_option("--within", options->within,
                        "Also list those whose retention ends within this period: 2w, 1m, 3m");
    one_of(table, command->add_option("--format", options->format, "table or json"),
           {"table", "json"});
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_retention(*options, session); };
    });
}

} // namespace complaints::cli
