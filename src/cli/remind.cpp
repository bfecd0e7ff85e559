#include "cli/commands.hpp"
#include "cli/filters.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/retention_due.hpp"
#include "cli/walk.hpp"

#include <fmt/format.h>
#include <map>

namespace complaints::cli {

namespace {

struct RemindOptions {
    std::string due_within;
    std::string handler;
    bool redact = false;
};

/// A due date as people write it in a mail: "Tuesday 17 March" for a day, "Sunday 15 March,
/// 08:00" for an hour-based deadline (local time); the year only when it is not this year.
std::string digest_date(const Due& due, const date::time_zone* zone, Instant now) {
    std::string words = day_in_words(due.day);
    if (date::year_month_day{due.day}.year() == date::year_month_day{local_day(now, zone)}.year())
        words.erase(words.rfind(' '));
    if (due.is_day) return words;
    return fmt::format("{}, {}", words, date::format("%H:%M", to_local(due.moment, zone)));
}

std::string when_text(const DueItem& item, Instant now) {
    const std::string due = digest_date(item.due, item.zone, now);
    if (item.state != DeadlineState::overdue) return fmt::format("due {}", due);
    if (item.days_overdue == 0) return fmt::format("was due {} (overdue today)", due);
    return fmt::format("was due {} ({} day{} overdue)", due, item.days_overdue,
                       item.days_overdue == 1 ? "" : "s");
}

std::string item_text(const DueItem& item, Instant now) {
    std::string out = item.summary.empty()
                          ? fmt::format("  {}\n", item.id)
                          : fmt::format("  {}  {}\n", item.id, terminal_safe(item.summary));
    out += fmt::format("      {}: {}, {}\n", terminal_safe(item.stage + "/" + item.milestone),
                       terminal_safe(item.title), when_text(item, now));
    out += fmt::format("      Next: {}\n", terminal_safe(item.action));
    if (!item.gaps.empty())
        out += fmt::format("      Also: {}\n",
                           terminal_safe(fmt::format("{}", fmt::join(item.gaps, "; "))));
    return out;
}

std::string section(const std::vector<const DueItem*>& items, bool overdue, Instant now) {
    std::string out;
    for (const DueItem* item : items)
        if ((item->state == DeadlineState::overdue) == overdue) out += item_text(*item, now);
    if (out.empty()) return "";
    return (overdue ? "Overdue:\n" : "Due soon:\n") + out;
}

std::string digest(const std::vector<DueItem>& items, Instant now,
                   const std::vector<std::string>& reviews) {
    std::map<std::string, std::vector<const DueItem*>> by_handler;
    long overdue = 0;
    for (const DueItem& item : items) {
        by_handler[item.handler].push_back(&item);
        if (item.state == DeadlineState::overdue) ++overdue;
    }
    const date::time_zone* zone = items.front().zone;
    const Due as_of{false, local_day(now, zone), now};
    std::string out = fmt::format("Complaints to act on as of {}\n", due_in_words(as_of, zone));
    out += fmt::format("{} overdue, {} due soon.\n", overdue,
                       static_cast<long>(items.size()) - overdue);
    for (const std::string& review : reviews)
        out += fmt::format("Note: {}.\n", review);
    for (const auto& [handler, list] : by_handler) {
        out +=
            fmt::format("\n== {} ==\n", handler.empty() ? "(no handler)" : terminal_safe(handler));
        out += section(list, true, now) + section(list, false, now);
    }
    return out;
}

/// The complaints past retention, for staff to anonymise; empty when none.
std::string anonymisation_note(const std::vector<RetentionItem>& past_retention) {
    std::vector<std::string> ids;
    for (const RetentionItem& item : expired_only(past_retention))
        ids.push_back(item.id);
    if (ids.empty()) return "";
    return fmt::format("Due for anonymisation (past the policy's retention): {}\n"
                       "  complaints anonymise --expired --dry-run shows what would change.\n",
                       fmt::join(ids, ", "));
}

Status run_remind(const RemindOptions& options, Session& session) {
    auto within = due_within_flag(options.due_within);
    if (!within) return within.error();
    DueFilter filter{*within, true, options.handler, ""};
    std::vector<Error> problems;
    Instant now{};
    // One walk for both: the deadlines of open complaints, and the retention of every one.
    std::vector<DueItem> due;
    std::vector<RetentionItem> past_retention;
    Status walked = for_each_reading(session, problems, [&](const Reading& r) {
        gather_due(session, r, filter, due, now);
        gather_retention(session, r, Period{0, Unit::days}, past_retention);
    });
    if (!walked) return walked.error();
    sort_due(due);
    sort_retention(past_retention);
    if (due.empty()) {
        // A crontab's misspelt --handler must not mean no reminders, ever, in silence.
        Status known = check_filter_values(session, "", options.handler, "");
        if (!known) return known;
    }
    if (options.redact) redact_due_items(due);
    if (!due.empty()) print_out(digest(due, now, review_warnings_now(session)));
    const std::string note = anonymisation_note(past_retention);
    if (!note.empty()) print_out((due.empty() ? "" : "\n") + note);
    say_if_nothing_matches(due.empty() && note.empty());
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_remind_command(CommandTable& table) {
    auto options = std::make_shared<RemindOptions>();
    CLI::App* command = add_command(
        table, "remind",
        "Daily digest for cron: overdue and due-soon deadlines by handler; silent when none",
        "complaints -C /srv/complaints remind | mail -E -s 'Complaints due' office@example.org");
    command->add_option("--due-within", options->due_within,
                        "Due-soon period instead of the policy's: 3d, 2wd, 48h, 2w, 1m");
    command->add_option("--handler", options->handler,
                        "Only this handler's complaints: a role, its title or a name (any case)");
    command->add_flag("--redact", options->redact,
                      "Leave out personal data (summaries): IDs, stages, dates and handlers only");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_remind(*options, session); };
    });
}

} // namespace complaints::cli
