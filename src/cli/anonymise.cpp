// `complaints anonymise`: replace a complaint's personal data with a marker, keeping what the
// statistics need, and log who did it (docs/PRIVACY.md).

#include "cli/commands.hpp"
#include "cli/git.hpp"
#include "cli/present.hpp"
#include "cli/retention_due.hpp"

#include "complaints/personal.hpp"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace complaints::cli {

namespace {

struct AnonymiseOptions {
    std::string id;
    bool expired = false;
    bool yes = false;
    bool dry_run = false;
    std::string at, by;
};

std::string fields_words(const std::vector<std::string>& fields) {
    return fmt::format("{}", fmt::join(fields, ", "));
}

/// Anonymises complaint `id` (a full ID) as `event` records, or says what it would do.
Status anonymise_one(Session& session, const Register& reg, const std::string& id,
                     const Event& event, bool dry_run) {
    auto reading = session.read(id); // for the zone its times are written in
    if (!reading) return reading.error();
    const date::time_zone* zone = reading->calendar->zone();
    auto based_on = reg.file_text(id);
    if (!based_on) return based_on.error();
    auto current = parse_complaint(*based_on, reg.complaint_path(id).string());
    if (!current) return current.error();
    const std::vector<std::string> held = personal_values_held(*current);
    if (held.empty()) {
        print_out(fmt::format("{}: holds no personal data to anonymise; nothing changed\n", id));
        return done();
    }
    if (dry_run) {
        print_out(fmt::format("{}: would replace with {}: {}\n", id, anonymised_marker,
                              fields_words(held)));
        return done();
    }
    Complaint result = anonymised(*current);
    result.events.push_back(event);
    if (Status written = reg.replace(id, write_complaint(result, zone), *based_on, {}); !written)
        return written;
    print_out(fmt::format("{}: anonymised {}; dates, stages, categories and findings kept\n", id,
                          fields_words(held)));
    return done();
}

/// Asks on the terminal whether to go on; only when stdin is one.
bool confirmed(std::size_t count) {
    if (!isatty(STDIN_FILENO)) return false;
    fmt::print(stderr, "Anonymise {} complaint{} past retention? This cannot be undone. [y/N] ",
               count, count == 1 ? "" : "s");
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

/// The complaints `anonymise` acts on: the one named, or every one past retention.
Result<std::vector<std::string>> targets(const AnonymiseOptions& options, Session& session,
                                         const Register& reg) {
    if (!options.expired) {
        auto id = reg.resolve_id(options.id);
        if (!id) return id.error();
        return std::vector<std::string>{*id};
    }
    std::vector<Error> problems;
    auto items = collect_retention(session, Period{0, Unit::days}, problems);
    if (!items) return items.error();
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    std::vector<std::string> ids;
    for (const RetentionItem& item : expired_only(*items))
        ids.push_back(item.id);
    return ids;
}

Status check_choice(const AnonymiseOptions& options) {
    if (options.expired != !options.id.empty()) return done(); // one of the two
    return usage_error(options.expired ? "give an ID or --expired, not both"
                                       : "give the ID of the complaint to anonymise, or --expired");
}

Result<Event> anonymised_event(const AnonymiseOptions& options, Session& session,
                               const date::time_zone* zone) {
    if (options.by.empty()) return usage_error("--by: say who anonymises (or set COMPLAINTS_USER)");
    auto at = session.event_moment(options.at, zone);
    if (!at) return at.error();
    Event event;
    event.type = event_type::anonymised;
    event.at = *at;
    event.by = options.by;
    return event;
}

Status run_anonymise(const AnonymiseOptions& options, Session& session) {
    if (Status choice = check_choice(options); !choice) return choice;
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto policy = session.default_policy();
    if (!policy) return policy.error();
    auto calendar = session.calendar(**policy);
    if (!calendar) return calendar.error();
    const date::time_zone* zone = (*calendar)->zone();
    auto event = anonymised_event(options, session, zone);
    if (!event && !options.dry_run) return event.error();
    auto ids = targets(options, session, **reg);
    if (!ids) return ids.error();
    if (options.expired && ids->empty()) return done();
    if (options.expired && !options.dry_run && !options.yes && !confirmed(ids->size()))
        return usage_error(fmt::format("--expired: {} complaint{} past retention; nothing "
                                       "changed (add --yes to anonymise them)",
                                       ids->size(), ids->size() == 1 ? " is" : "s are"));
    for (const std::string& id : *ids)
        if (Status one =
                anonymise_one(session, **reg, id, event ? *event : Event{}, options.dry_run);
            !one)
            return one;
    if (!options.dry_run) (*reg)->forget_cache(); // it holds copies of what was replaced
    if (!options.dry_run && in_git_work_tree((*reg)->root()))
        warn("the register is a git repository: earlier versions of the file stay in its "
             "history and in every clone; docs/PRIVACY.md says how to purge them");
    return done();
}

} // namespace

void add_anonymise_command(CommandTable& table) {
    auto options = std::make_shared<AnonymiseOptions>();
    CLI::App* command = add_command(
        table, "anonymise",
        "Replace a complaint's personal data with a marker, keeping dates, stages, categories "
        "and findings; --expired for every complaint past the policy's retention",
        "complaints anonymise k7m2 --by sarah --dry-run");
    value_is(
        table,
        command->add_option("id", options->id, "Complaint ID (or an unambiguous prefix or suffix)"),
        ValueKind::complaint_id);
    command->add_flag("--expired", options->expired,
                      "Every complaint past its policy's retention period (complaints retention)");
    command->add_flag("--yes", options->yes,
                      "With --expired: go ahead without asking (required off a terminal)");
    command->add_flag("--dry-run", options->dry_run, "Show what would change; change nothing");
    command->add_option("--at", options->at, "When it was done (default: now)");
    command->add_option("--by", options->by, "Who did it")->envname("COMPLAINTS_USER");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_anonymise(*options, session); };
    });
}

} // namespace complaints::cli
