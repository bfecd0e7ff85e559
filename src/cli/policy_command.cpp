#include "cli/commands.hpp"
#include "cli/output.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct PolicyOptions {
    std::string id;
    std::string file;
};

Status run_policy_list(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto policies = (*reg)->policies();
    if (!policies) return policies.error();
    Table table({"ID", "VERSION", "DEFAULT", "TITLE"});
    for (const Policy& p : *policies)
        table.add({terminal_safe(p.id), terminal_safe(p.version),
                   p.id == (*reg)->default_policy_id() ? "yes" : "",
                   terminal_safe(p.title)});
    print_out(table.render());
    return done();
}

std::string stage_summary(const Stage& stage) {
    std::string out = fmt::format("  {} ({})\n", stage.id, stage.title);
    for (const Milestone& m : stage.milestones)
        out += fmt::format("    {:<14} within {} of {}, met by '{}'{}\n", m.id, describe(m.period),
                           anchor_name(m.from), m.met_by,
                           m.party == Party::complainant ? " [complainant's window]" : "");
    return out;
}

Status run_policy_show(const PolicyOptions& options, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto policy = (*reg)->policy(options.id.empty() ? (*reg)->default_policy_id() : options.id);
    if (!policy) return policy.error();
    std::string out = fmt::format("{} {}: {}\n", policy->id, policy->version, policy->title);
    out += fmt::format("Time zone {}, bank holidays: {}\nStages:\n", policy->calendar.zone_name,
                       division_name(policy->calendar.division));
    for (const Stage& stage : policy->stages) out += stage_summary(stage);
    print_out(terminal_safe(out, true));
    return done();
}

Status run_policy_check(const PolicyOptions& options) {
    auto text = read_text_file(options.file);
    if (!text) return text.error();
    auto policy = parse_policy(*text, options.file);
    if (!policy) return policy.error();
    return done();
}

} // namespace

void add_policy_command(CommandTable& table) {
    auto options = std::make_shared<PolicyOptions>();
    CLI::App* policy = add_command(table, "policy", "List, show or check policies",
                                   "complaints policy check my-policy.toml");
    policy->require_subcommand(1);
    CLI::App* list = policy->add_subcommand("list", "List the register's policies and versions");
    list->callback([&chosen = table.chosen] { chosen = run_policy_list; });
    CLI::App* show = policy->add_subcommand("show", "Summarise a policy's stages and milestones");
    show->add_option("id", options->id, "Policy id (default: the register's)");
    show->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_policy_show(*options, session); };
    });
    CLI::App* check = policy->add_subcommand("check", "Validate a policy file");
    check->add_option("file", options->file, "Policy file")->required();
    check->callback([&chosen = table.chosen, options] {
        chosen = [options](Session&) { return run_policy_check(*options); };
    });
}

} // namespace complaints::cli
