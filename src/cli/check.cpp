#include "cli/commands.hpp"
#include "cli/present.hpp"

namespace complaints::cli {

namespace {

Status run_check(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    std::vector<Error> problems;
    auto policies = (*reg)->policies();
    if (!policies) problems.push_back(policies.error());
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
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
