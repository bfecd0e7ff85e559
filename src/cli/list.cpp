#include "cli/commands.hpp"
#include "cli/filters.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/walk.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ListOptions {
    bool open = false;
    bool closed = false;
    std::string stage, handler, category, search, from, to;
    std::string format = "text";
};

struct Filter {
    const ListOptions& options;
    std::optional<Day> from, to;

    bool keep(const Reading& r) const {
        const bool is_open = r.state.status == ComplaintStatus::open;
        if (options.open && !is_open) return false;
        if (options.closed && is_open) return false;
        if (!matches_filter(r.state.stage, options.stage)) return false;
        if (!options.handler.empty() && !handled_by(r.state, *r.policy, options.handler))
            return false;
        if (!matches_filter(r.complaint.category, options.category)) return false;
        if (!contains_text(r.complaint.summary + "\n" + r.complaint.details, options.search))
            return false;
        const Day received = local_day(r.complaint.received, r.calendar->zone());
        if (from && received < *from) return false;
        return !(to && received > *to);
    }
};

/// Whole days since the complaint was received, as of `now`.
long age_in_days(const Reading& r, Instant now) {
    const date::time_zone* zone = r.calendar->zone();
    return std::max<long>(0,
                          (local_day(now, zone) - local_day(r.complaint.received, zone)).count());
}

std::vector<std::string> row(const Reading& r, bool for_csv, Instant now) {
    const date::time_zone* zone = r.calendar->zone();
    const Deadline* next = next_staff_deadline(r.state);
    auto text = [&](const std::string& s) { return for_csv ? csv_text(s) : terminal_safe(s); };
    const long age = age_in_days(r, now);
    return {text(r.complaint.id),
            format_day(local_day(r.complaint.received, zone)),
            for_csv ? std::to_string(age) : fmt::format("{}d", age),
            text(status_name(r.state.status)),
            text(r.state.stage),
            text(r.state.handler),
            text(r.complaint.category),
            next ? text(deadline_name(*next)) : "",
            next ? due_text(next->due, zone) : "",
            next ? state_name(next->state) : "",
            text(r.complaint.summary)};
}

const std::vector<std::string> columns{"id",       "received",   "age_days", "status",
                                       "stage",    "handler",    "category", "next",
                                       "next_due", "next_state", "summary"};

std::string render(const std::vector<Reading>& readings, const std::string& format, Instant now) {
    if (format == "json") {
        std::vector<std::string> items;
        for (const auto& r : readings)
            items.push_back(complaint_json(r));
        return fmt::format("[{}]\n", fmt::join(items, ",\n"));
    }
    if (format == "csv") {
        std::string out = csv_line(columns);
        for (const auto& r : readings)
            out += csv_line(row(r, true, now));
        return out;
    }
    std::vector<std::string> header;
    for (const auto& c : columns)
        header.push_back(c == "next_state" ? "STATE" : c == "age_days" ? "AGE" : c);
    for (auto& h : header)
        for (auto& ch : h)
            ch = static_cast<char>(std::toupper(ch));
    Table table(header);
    table.fit(terminal_width(stdout));
    for (const auto& r : readings)
        table.add(row(r, false, now));
    return table.render();
}

Result<std::optional<Day>> day_flag(const std::string& text, const std::string& flag) {
    if (text.empty()) return std::optional<Day>{};
    auto day = parse_day(text);
    if (!day) return usage_error(flag + ": " + day.error().message);
    return std::optional<Day>{*day};
}

Status run_list(const ListOptions& options, Session& session) {
    auto from = day_flag(options.from, "--from");
    if (!from) return from.error();
    auto to = day_flag(options.to, "--to");
    if (!to) return to.error();
    std::vector<Error> problems;
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
    Filter filter{options, *from, *to};
    std::vector<Reading> kept;
    for (auto& r : *readings)
        if (received_by_now(session, r) && filter.keep(r)) kept.push_back(std::move(r));
    if (kept.empty()) {
        Status known =
            check_filter_values(session, options.stage, options.handler, options.category);
        if (!known) return known;
    }
    const date::time_zone* zone = nullptr;
    auto now = register_now(session, zone);
    if (!now) return now.error();
    print_out(render(kept, options.format, *now));
    say_if_nothing_matches(kept.empty());
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_list_command(CommandTable& table) {
    auto options = std::make_shared<ListOptions>();
    CLI::App* command = add_command(table, "list", "List complaints, with filters",
                                    "complaints list --open --handler \"Sarah Robb\" --format csv");
    auto* open = command->add_flag("--open", options->open, "Only complaints still open");
    command->add_flag("--closed", options->closed, "Only resolved, closed or withdrawn ones")
        ->excludes(open);
    command->add_option("--stage", options->stage, "Only those in this stage (any case)");
    command->add_option("--handler", options->handler,
                        "Only those this handler holds: a role, its title or a name (any case)");
    command->add_option("--category", options->category, "Only those in this category (any case)");
    command->add_option("--search", options->search,
                        "Only those whose summary or details contain this text (any case)");
    command->add_option("--from", options->from, "Received on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Received on or before this date (YYYY-MM-DD)");
    // "text" as in show and list-overdue; "table" is what older scripts say.
    one_of(table, command->add_option("--format", options->format, "text (a table), csv or json"),
           {"text", "table", "csv", "json"});
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_list(*options, session); };
    });
}

} // namespace complaints::cli
