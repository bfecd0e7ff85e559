#include "cli/check_files.hpp"
#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/present.hpp"

#include "complaints/conformance.hpp"

#include <fmt/format.h>
#include <map>
#include <memory>

namespace complaints::cli {

namespace {

/// Warns when a policy is past the review date it sets itself.
void warn_about_reviews(Session& session, const std::vector<Policy>& policies) {
    auto policy = session.default_policy();
    if (!policy) return;
    auto zone = find_zone((*policy)->calendar.zone_name);
    if (!zone) return;
    auto now = session.now(*zone);
    if (!now) return;
    for (const auto& warning : review_warnings(policies, local_day(*now, *zone))) {
        warn(warning);
    }
}

/// Events a merge or a hand edit left out of order, kept out of the state by rule: warnings at
/// their lines.
void warn_about_anomalies(const std::vector<Reading>& readings) {
    for (const Reading& reading : readings)
        for (const Error& anomaly : reading.state.anomalies)
            warn(terminal_safe(anomaly.to_string() + " (kept in the file, not counted)"));
}

/// Events dated after now (a clock set wrong on another machine, a typo in a hand edit): not
/// counted until their time comes, so a deadline they meet still shows as open. Read from the
/// files themselves: a reading as of a moment given on purpose leaves later events out.
void warn_about_future_events(Session& session, const Register& reg,
                              const std::vector<Reading>& readings) {
    for (const Reading& reading : readings) {
        const date::time_zone* zone = reading.calendar->zone();
        auto now = session.now(zone);
        // The reading holds every event unless a moment was given on purpose; only then is
        // the file read again.
        auto complaint = session.now_given() ? reg.load(reading.complaint.id)
                                             : Result<Complaint>(reading.complaint);
        if (!now || !complaint) continue;
        for (const Event& event : complaint->events) {
            if (event.at <= *now) continue;
            const Error future =
                data_error(complaint->path, event.line, event.column,
                           fmt::format("'{}' is dated in the future ({}): not counted until then",
                                       event.type, format_moment(event.at, zone)));
            warn(terminal_safe(future.to_string()));
        }
    }
}

/// Values a merge could not settle (both clones changed them differently): warnings at their
/// lines until someone keeps one and deletes the entry.
void warn_about_conflicts(const std::vector<Reading>& readings) {
    for (const Reading& reading : readings)
        for (const MergeConflict& conflict : reading.complaint.conflicts) {
            const Error found = data_error(
                reading.complaint.path, conflict.line, conflict.column,
                fmt::format("merge conflict: both clones changed {}; this file keeps this "
                            "clone's, the other had {}: keep the right one ('complaints edit') "
                            "and delete this line",
                            conflict.key, conflict.theirs));
            warn(terminal_safe(found.to_string()));
        }
}

/// Values outside the pinned policy's lists that the commands would refuse (a severity, a
/// finding, a remedy): errors at their lines. An unusual channel is not reported: it is
/// recorded as given, a complaint is never turned away for how it arrived.
void check_policy_fit(const std::vector<Reading>& readings, std::vector<Error>& problems) {
    for (const Reading& reading : readings) {
        PolicyFit fit = fit_to_policy(reading.complaint, *reading.policy);
        problems.insert(problems.end(), fit.errors.begin(), fit.errors.end());
    }
}

/// Intake details the policy asks for and complaints still lack: counted, for staff to chase
/// (tasks, not faults in the files: the exit status does not change).
void count_gaps(const std::vector<Reading>& readings) {
    std::map<std::string, long> by_field;
    long complaints = 0;
    for (const Reading& reading : readings) {
        if (reading.state.gaps.empty() || reading.state.status != ComplaintStatus::open) continue;
        ++complaints;
        for (const std::string& gap : reading.state.gaps)
            ++by_field[gap_words(gap)];
    }
    if (complaints == 0) return;
    std::vector<std::string> counts;
    for (const auto& [words, count] : by_field)
        counts.push_back(fmt::format("{}: {}", words, count));
    fmt::print(stderr,
               "complaints: note: {} open complaint{} with details to chase ({}); "
               "'complaints show ID' lists them, 'complaints amend ID --FIELD VALUE' fills "
               "them in ('complaints edit ID' for severity, category and handler)\n",
               complaints, complaints == 1 ? "" : "s", fmt::join(counts, ", "));
}

/// Warnings go to stderr and leave the exit status at 0, so `complaints check && git commit`
/// works on a register whose policy is due for review; --strict makes any warning exit 1.
Status run_check(Session& session, bool strict) {
    const std::size_t warnings_before = warnings_given();
    session.read_files_only();
    auto reg = session.open_register();
    if (!reg) return reg.error();
    std::vector<Error> problems;
    auto policies = (*reg)->policies();
    if (!policies) problems.push_back(policies.error());
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
    if (policies) warn_about_reviews(session, *policies);
    warn_about_anomalies(*readings);
    warn_about_future_events(session, **reg, *readings);
    warn_about_conflicts(*readings);
    check_policy_fit(*readings, problems);
    count_gaps(*readings);
    check_register_files(session, problems); // links, permissions, temp files, git (check_files)
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    if (strict && warnings_given() > warnings_before) session.report_exit(exit_found);
    return done();
}

} // namespace

void add_check_command(CommandTable& table) {
    CLI::App* command = add_command(
        table, "check",
        "Validate every complaint and policy file; silent when all is well, else FILE:LINE:COL "
        "lines",
        "complaints check && git commit -am 'complaints'");
    auto strict = std::make_shared<bool>(false);
    command->add_flag("--strict", *strict,
                      "Exit 1 when there are warnings (without it, warnings alone exit 0)");
    command->callback([&chosen = table.chosen, strict] {
        chosen = [strict](Session& session) { return run_check(session, *strict); };
    });
}

} // namespace complaints::cli
