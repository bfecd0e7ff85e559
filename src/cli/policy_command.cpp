#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "core/file_io.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace complaints::cli {

namespace {

struct PolicyOptions {
    std::string id;
    std::string file;
    std::string to;   ///< repin: the version to pin to
    bool yes = false; ///< repin: make the change, not just show it
};

Status run_policy_list(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto policies = (*reg)->policies();
    if (!policies) return policies.error();
    Table table({"ID", "VERSION", "DEFAULT", "TITLE"});
    for (const Policy& p : *policies)
        table.add({terminal_safe(p.id), terminal_safe(p.version),
                   p.id == (*reg)->default_policy_id() ? "yes" : "", terminal_safe(p.title)});
    print_out(table.render());
    return done();
}

std::string stage_summary(const Stage& stage) {
    std::string out = fmt::format("  {} ({})\n", stage.id, stage.title);
    std::size_t width = 14;
    for (const Milestone& m : stage.milestones)
        width = std::max(width, m.id.size());
    for (const Milestone& m : stage.milestones)
        out += fmt::format("    {:<{}} within {} of {}, met by '{}'{}\n", m.id, width,
                           describe(m.period), anchor_name(m), met_by_words(m),
                           m.party == Party::complainant ? " [complainant's window]" : "");
    return out;
}

std::string review_line(const Policy& policy, Session& session) {
    auto due = review_due(policy);
    if (!due) return "";
    std::string out = fmt::format("Review: last reviewed {}, every {}, next due by {}\n",
                                  format_day(*policy.last_reviewed), describe(*policy.review_every),
                                  format_day(*due));
    auto zone = find_zone(policy.calendar.zone_name);
    auto now = zone ? session.now(*zone) : Result<Instant>(zone.error());
    if (!now) return out;
    if (auto overdue = review_overdue(policy, local_day(*now, *zone))) warn(*overdue);
    return out;
}

Status run_policy_show(const PolicyOptions& options, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto policy = (*reg)->policy(options.id.empty() ? (*reg)->default_policy_id() : options.id);
    if (!policy) return policy.error();
    std::string out = fmt::format("{} {}: {}\n", policy->id, policy->version, policy->title);
    out += fmt::format("Time zone {}, bank holidays: {}\n", policy->calendar.zone_name,
                       division_name(policy->calendar.division));
    out += review_line(*policy, session) + "Stages:\n";
    for (const Stage& stage : policy->stages)
        out += stage_summary(stage);
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

// --- repin --------------------------------------------------------------------------------

/// One deadline's due date before and after a repin, matched by stage/milestone and visit.
struct Change {
    std::string name;
    std::string before; ///< empty: the deadline is new
    std::string after;  ///< empty: it no longer applies
};

std::vector<std::pair<std::string, std::string>> named_dues(const ComplaintState& state,
                                                            const date::time_zone* zone) {
    std::vector<std::pair<std::string, std::string>> out;
    std::map<std::string, int> seen;
    for (const Deadline& d : state.deadlines) {
        std::string name = deadline_name(d);
        if (int n = ++seen[name]; n > 1) name += fmt::format(" ({})", n);
        out.emplace_back(name, due_text(d.due, zone) + " " + state_name(d.state));
    }
    return out;
}

std::vector<Change> changes_between(const ComplaintState& before, const date::time_zone* from,
                                    const ComplaintState& after, const date::time_zone* to) {
    auto old_dues = named_dues(before, from);
    auto new_dues = named_dues(after, to);
    std::vector<Change> out;
    for (const auto& [name, due] : old_dues) {
        auto found =
            std::find_if(new_dues.begin(), new_dues.end(),
                         [&name = name](const auto& entry) { return entry.first == name; });
        out.push_back({name, due, found == new_dues.end() ? "" : found->second});
    }
    for (const auto& [name, due] : new_dues)
        if (std::none_of(old_dues.begin(), old_dues.end(),
                         [&name = name](const auto& entry) { return entry.first == name; }))
            out.push_back({name, "", due});
    return out;
}

std::string changes_text(const std::vector<Change>& changes) {
    Table table({"DEADLINE", "BEFORE", "AFTER", "CHANGE"});
    for (const Change& c : changes) {
        std::string what = c.before.empty()      ? "new"
                           : c.after.empty()     ? "no longer applies"
                           : c.before == c.after ? "unchanged"
                                                 : "moved";
        table.add({terminal_safe(c.name), c.before.empty() ? "-" : c.before,
                   c.after.empty() ? "-" : c.after, what});
    }
    return table.render();
}

Result<ComplaintState> state_under(const Complaint& complaint, const Policy& policy,
                                   Session& session) {
    auto calendar = session.calendar(policy);
    if (!calendar) return calendar.error();
    auto now = session.now((*calendar)->zone());
    if (!now) return now.error();
    return derive_state(complaint, policy, **calendar, *now);
}

/// Pins the complaint to the target version if its file still holds `based_on`, the text the
/// preview was computed from.
Status save_repin(const Complaint& moved, const Policy& target, std::string_view based_on,
                  Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto validate = [&](const Complaint& written) -> Status {
        if (auto state = state_under(written, target, session); !state) return state.error();
        return done();
    };
    return (*reg)->repin(moved.id, moved.policy_version, based_on, validate);
}

Status run_policy_repin(const PolicyOptions& options, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto id = (*reg)->resolve_id(options.id);
    if (!id) return id.error();
    // Read before the complaint is loaded for the preview, so that a change made after either
    // is found when saving.
    auto based_on = (*reg)->file_text(*id);
    if (!based_on) return based_on.error();
    auto reading = session.read(*id);
    if (!reading) return reading.error();
    const Complaint& complaint = reading->complaint;
    if (complaint.policy_version == options.to) {
        fmt::print(stderr, "complaints: {} is already pinned to {} {}; nothing to change\n",
                   complaint.id, terminal_safe(complaint.policy), terminal_safe(options.to));
        return done();
    }
    auto target = session.policy(complaint.policy, options.to);
    if (!target) return target.error();
    Complaint moved = complaint;
    moved.policy_version = options.to;
    auto after = state_under(moved, **target, session);
    if (!after)
        return data_error(after.error().file, after.error().line, after.error().column,
                          fmt::format("cannot repin to {} {}: {}", complaint.policy, options.to,
                                      after.error().message));
    auto calendar = session.calendar(**target);
    if (!calendar) return calendar.error();
    print_out(fmt::format("{}: policy {} {} -> {}\n", complaint.id, terminal_safe(complaint.policy),
                          terminal_safe(complaint.policy_version), terminal_safe(options.to)));
    print_out(changes_text(
        changes_between(reading->state, reading->calendar->zone(), *after, (*calendar)->zone())));
    if (!options.yes) {
        fmt::print(stderr, "complaints: nothing changed; run again with --yes to repin\n");
        return done();
    }
    if (auto saved = save_repin(moved, **target, *based_on, session); !saved) return saved;
    fmt::print(stderr, "complaints: {} is now pinned to {} {}\n", complaint.id,
               terminal_safe(complaint.policy), terminal_safe(options.to));
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
    value_is(table, check->add_option("file", options->file, "Policy file")->required(),
             ValueKind::file);
    check->callback([&chosen = table.chosen, options] {
        chosen = [options](Session&) { return run_policy_check(*options); };
    });
    CLI::App* repin = policy->add_subcommand(
        "repin", "Show how a complaint's deadlines would change under another version of its "
                 "policy; with --yes, pin it to that version");
    add_complaint_id(table, repin, options->id);
    repin->add_option("--to", options->to, "Policy version to pin the complaint to")->required();
    repin->add_flag("--yes", options->yes, "Make the change (without it, only show it)");
    repin->footer("Example:\n  complaints policy repin k7m2 --to 2025-03-01 --yes");
    repin->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_policy_repin(*options, session); };
    });
}

} // namespace complaints::cli
