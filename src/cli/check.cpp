#include "cli/check_files.hpp"
#include "cli/commands.hpp"
#include "cli/present.hpp"

namespace complaints::cli {

namespace {

/// Warns (exit 1) when a policy is past the review date it sets itself.
void warn_about_reviews(Session& session, const std::vector<Policy>& policies) {
    auto policy = session.default_policy();
    if (!policy) return;
    auto zone = find_zone((*policy)->calendar.zone_name);
    if (!zone) return;
    auto now = session.now(*zone);
    if (!now) return;
    for (const auto& warning : review_warnings(policies, local_day(*now, *zone))) {
        warn(warning);
        session.report_exit(exit_found);
    }
}

Status run_check(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    std::vector<Error> problems;
    auto policies = (*reg)->policies();
    if (!policies) problems.push_back(policies.error());
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
    if (policies) warn_about_reviews(session, *policies);
    check_register_files(session, problems); // links, permissions, temp files, git (check_files)
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_check_command(CommandTable& table) {
    CLI::App* command = add_command(
        table, "check",
        "Validate every complaint and policy file; silent when all is well, else FILE:LINE:COL "
        "lines",
        "complaints check && git commit -am 'complaints'");
    command->callback([&chosen = table.chosen] { chosen = run_check; });
}

} // namespace complaints::cli
