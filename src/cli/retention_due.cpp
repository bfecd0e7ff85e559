#include "cli/retention_due.hpp"

#include "cli/walk.hpp"
#include "complaints/personal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace complaints::cli {

Result<std::vector<RetentionItem>> collect_retention(Session& session, const Period& within,
                                                     std::vector<Error>& problems) {
    std::vector<RetentionItem> items;
    Status walked = for_each_reading(
        session, problems, [&](const Reading& r) { gather_retention(session, r, within, items); });
    if (!walked) return walked.error();
    sort_retention(items);
    return items;
}

void gather_retention(Session& session, const Reading& r, const Period& within,
                      std::vector<RetentionItem>& items) {
    if (personal_values_held(r.complaint).empty()) return; // nothing left to anonymise
    const Instant now = *session.now(r.calendar->zone());
    auto due = retention_due(r.complaint, r.state, *r.policy, *r.calendar, now, within);
    if (!due || due->state == RetentionState::kept) return;
    items.push_back({r.complaint.id, status_name(r.state.status), *r.policy->retention, *due,
                     r.policy->id + " " + r.policy->version, r.calendar->zone()});
}

void sort_retention(std::vector<RetentionItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return a.due.due.moment < b.due.due.moment;
    });
}

std::vector<RetentionItem> expired_only(const std::vector<RetentionItem>& items) {
    std::vector<RetentionItem> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [](const RetentionItem& i) { return i.due.state == RetentionState::expired; });
    return out;
}

std::string retention_words(const RetentionItem& item) {
    const bool from_receipt = item.retention.from == RetentionFrom::received;
    return fmt::format("retention {} {} ({} after it was {} on {})",
                       item.due.state == RetentionState::expired ? "ended" : "ends",
                       format_day(item.due.due.day), describe(item.retention.keep),
                       from_receipt ? "received" : "closed",
                       format_day(local_day(item.due.from, item.zone)));
}

} // namespace complaints::cli
