#include "cli/walk.hpp"

#include "cli/filters.hpp"
#include "cli/present.hpp"
#include "cli/register_zone.hpp"

#include "complaints/procedure.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <string_view>

namespace complaints::cli {

namespace {

/// Complaints read at once (by one thread per core) before they are visited: enough to keep
/// the cores busy, few enough that a large register never sits in memory whole.
constexpr std::size_t complaints_per_batch = 2048;

} // namespace

namespace {

/// When `complaint` was finished, if `reading` (its state as of now) says it is and no event
/// of it comes after now: the last event. Time alone never reopens a complaint.
std::optional<Instant> finished_at(Session& session, const Reading& reading, Instant last) {
    if (reading.state.status == ComplaintStatus::open) return std::nullopt;
    auto now = session.now(reading.calendar->zone());
    if (!now || last > *now) return std::nullopt;
    return last;
}

Instant last_event(const Complaint& complaint) {
    Instant last = complaint.received;
    for (const Event& event : complaint.events)
        last = std::max(last, event.at);
    return last;
}

} // namespace

Status for_each_reading(Session& session, std::vector<Error>& problems,
                        const std::function<void(const Reading&)>& visit, bool open_only) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    std::optional<ComplaintWalk> walk;
    session.while_pinning([&] { walk.emplace((*reg)->walk()); });
    // One reading of now per command, in the register's zone; a bad --as-of is refused
    // before any complaint is read.
    auto now = session.now(nullptr);
    if (!now) return now.error();
    if (open_only) walk->skip_finished(*now);
    while (!walk->finished()) {
        std::vector<Result<Complaint>> batch = walk->next(complaints_per_batch);
        std::vector<Instant> last(batch.size());
        std::vector<char> loaded(batch.size());
        for (std::size_t k = 0; k < batch.size(); ++k) {
            loaded[k] = batch[k].ok();
            if (loaded[k]) last[k] = last_event(*batch[k]);
        }
        std::vector<Result<Reading>> readings = session.read_each(std::move(batch));
        for (std::size_t k = 0; k < readings.size(); ++k) {
            const auto& reading = readings[k];
            if (!reading) {
                if (loaded[k] && reading.error().kind == ErrorKind::usage) return reading.error();
                problems.push_back(reading.error());
                continue;
            }
            if (auto finished = finished_at(session, *reading, last[k]))
                walk->note_finished(reading->complaint.id, *finished);
            if (received_by_now(session, *reading)) visit(*reading);
        }
    }
    return done();
}

bool received_by_now(Session& session, const Reading& reading) {
    // Only a view of the past leaves complaints out: by the clock, a complaint received "in
    // the future" is a mistake in the file, to be shown, not hidden.
    if (!session.now_given()) return true;
    auto now = session.now(reading.calendar->zone());
    return !now || reading.complaint.received <= *now;
}

Result<Instant> register_now(Session& session, const date::time_zone*& zone) {
    auto policy = session.default_policy();
    if (!policy) return policy.error();
    auto calendar = session.calendar(**policy);
    if (!calendar) return calendar.error();
    zone = register_zone(session);
    return session.now(zone);
}

Result<std::optional<Period>> due_within_flag(const std::string& text) {
    if (text.empty()) return std::optional<Period>{};
    auto parsed = parse_period(text);
    if (!parsed) return usage_error("--due-within: " + parsed.error().message);
    return std::optional<Period>{*parsed};
}

namespace {

/// Whether a staff deadline (or the idle reminder) of `stage`, in `state` and due at `due`,
/// counts as due for `filter`.
bool selected(DeadlineState state, const Due& due, std::string_view stage, const Reading& r,
              const DueFilter& filter, Instant now) {
    if (r.state.status != ComplaintStatus::open) return false;
    if (!filter.handler.empty() && !handled_by(r.state, *r.policy, filter.handler)) return false;
    if (!matches_filter(stage, filter.stage)) return false;
    if (state == DeadlineState::overdue) return true;
    if (!filter.within) return filter.due_soon && state == DeadlineState::due_soon;
    if (state != DeadlineState::open && state != DeadlineState::due_soon) return false;
    return due.moment <= due_after(now, *filter.within, Counting{}, *r.calendar).moment;
}

/// A stage with no time limit that has sat with no action too long, as a due item: milestone
/// `idle`, due when staff are to be reminded.
std::optional<DueItem> idle_item(const Reading& r, const DueFilter& filter, Instant now) {
    const auto& idle = r.state.idle;
    if (!idle || !selected(idle->state, idle->due, r.state.stage, r, filter, now)) return {};
    const date::time_zone* zone = r.calendar->zone();
    const Stage* stage = r.policy->find_stage(r.state.stage);
    std::string action = stage && !stage->action.empty() ? stage->action : "act on it";
    const long over = now < idle->due.moment ? 0 : (local_day(now, zone) - idle->due.day).count();
    std::string title = idle_words(*idle, zone);
    title[0] = 'N';
    return DueItem{r.complaint.id,  r.state.stage,       "idle",      title,
                   action,          idle->due,           idle->state, over,
                   r.state.handler, r.complaint.summary, zone};
}

} // namespace

std::vector<DueItem> due_items(const Reading& r, const DueFilter& filter, Instant now) {
    std::vector<DueItem> items;
    const date::time_zone* zone = r.calendar->zone();
    for (const Deadline& d : r.state.deadlines) {
        if (d.party != Party::staff || !selected(d.state, d.due, d.stage, r, filter, now)) continue;
        const Milestone& m = *d.milestone;
        items.push_back({r.complaint.id, d.stage, m.id, m.title, deadline_action(d, *r.policy),
                         d.due, d.state, days_overdue(d, now, zone), r.state.handler,
                         r.complaint.summary, zone});
    }
    if (auto idle = idle_item(r, filter, now)) items.push_back(std::move(*idle));
    for (DueItem& item : items)
        for (const std::string& gap : r.state.gaps)
            item.gaps.push_back(gap_words(gap));
    return items;
}

void gather_due(Session& session, const Reading& reading, const DueFilter& filter,
                std::vector<DueItem>& items, Instant& now) {
    now = *session.now(reading.calendar->zone());
    for (DueItem& item : due_items(reading, filter, now))
        items.push_back(std::move(item));
}

void sort_due(std::vector<DueItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
        return a.due.moment < b.due.moment;
    });
}

Result<std::vector<DueItem>> collect_due(Session& session, const DueFilter& filter,
                                         std::vector<Error>& problems, Instant& now) {
    std::vector<DueItem> items;
    // Only open complaints have deadlines due: those the cache knows are finished are not read.
    Status walked = for_each_reading(
        session, problems, [&](const Reading& r) { gather_due(session, r, filter, items, now); },
        true);
    if (!walked) return walked.error();
    sort_due(items);
    return items;
}

void redact_due_items(std::vector<DueItem>& items) {
    for (DueItem& item : items)
        item.summary.clear(); // the only value copied from a personal field
}

} // namespace complaints::cli
