// The three-way merge of a complaint file (include/complaints/merge.hpp).

#include "complaints/merge.hpp"

#include "complaints/personal.hpp"
#include "complaints/time.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace complaints {

namespace {

/// Which of two changed values the merge keeps, and whether the other is a conflict.
template <class T> struct Pick {
    T value;
    bool conflict = false;
};

/// The three-way rule: what changed on one side wins; the same change on both sides is one;
/// different changes on both sides keep ours and flag a conflict.
template <class T> Pick<T> three_way(const T& base, const T& ours, const T& theirs) {
    if (ours == theirs || theirs == base) return {ours};
    if (ours == base) return {theirs};
    return {ours, true};
}

std::string list_words(const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, "; "));
}

/// Events by identity: when, what and by whom, and which of several such in the file.
using EventsById = std::map<std::string, const Event*>;

EventsById by_identity(const std::vector<Event>& events) {
    EventsById out;
    std::map<std::string, int> seen;
    for (const Event& event : events) {
        const std::string identity =
            fmt::format("{}|{}|{}", event.at.time_since_epoch().count(), event.type, event.by);
        out.emplace(fmt::format("{}#{}", identity, seen[identity]++), &event);
    }
    return out;
}

const Event* find(const EventsById& events, const std::string& id) {
    auto found = events.find(id);
    return found == events.end() ? nullptr : found->second;
}

class Merge {
  public:
    Merge(const Complaint& base, const Complaint& ours, const Complaint& theirs)
        : base_(base), ours_(ours), theirs_(theirs), merged_(ours) {}

    Complaint run() {
        merge_conflicts();
        merge_texts();
        merge_received();
        merge_list("people", &Complaint::people);
        merge_list("evidence", &Complaint::evidence);
        merge_events();
        return std::move(merged_);
    }

  private:
    const Complaint& base_;
    const Complaint& ours_;
    const Complaint& theirs_;
    Complaint merged_;

    void conflict(std::string key, std::string theirs) {
        MergeConflict found;
        found.key = std::move(key);
        found.theirs = std::move(theirs);
        merged_.conflicts.push_back(std::move(found));
    }

    void merge_texts() {
        for (std::string_view key :
             {"policy", "policy_version", "channel", "name", "contact", "summary", "details",
              "occurred", "severity", "category", "handler"}) {
            auto pick = three_way(*intake_text(base_, key), *intake_text(ours_, key),
                                  *intake_text(theirs_, key));
            *intake_text(merged_, key) = pick.value;
            if (pick.conflict) conflict(std::string(key), *intake_text(theirs_, key));
        }
    }

    void merge_received() {
        auto pick = three_way(base_.received, ours_.received, theirs_.received);
        merged_.received = pick.value;
        if (pick.conflict)
            conflict("received", format_moment(theirs_.received, date::locate_zone("UTC")));
    }

    void merge_list(const char* key, std::vector<std::string> Complaint::*field) {
        auto pick = three_way(base_.*field, ours_.*field, theirs_.*field);
        merged_.*field = pick.value;
        if (pick.conflict) conflict(key, list_words(theirs_.*field));
    }

    /// One event by identity: kept, replaced by the side that edited it, or dropped by the
    /// side that deleted it while the other left it alone.
    std::optional<Event> merge_event(const Event* base, const Event* ours, const Event* theirs) {
        if (ours && theirs) {
            if (!base) {
                // Two different events that happen to share a moment, type and author (the
                // same person noting two things at once in two clones): both are kept.
                if (!(*ours == *theirs)) merged_.events.push_back(*theirs);
                return *ours;
            }
            auto pick = three_way(*base, *ours, *theirs);
            if (pick.conflict) return keep_both(*ours, *theirs);
            return pick.value;
        }
        const Event* present = ours ? ours : theirs;
        if (!base) return *present;                 // added on one side
        if (*present == *base) return std::nullopt; // deleted on the other, untouched here
        // Edited on one side, deleted on the other: the edit is kept, and flagged.
        conflict(event_key(*present), ours ? "(deleted)" : event_words(*present));
        return *present;
    }

    static std::string event_words(const Event& event) {
        std::string line = write_event_line(event, date::locate_zone("UTC"));
        line.erase(0, line.find('{'));
        if (!line.empty() && line.back() == ',') line.pop_back();
        return line;
    }

    static std::string event_key(const Event& event) {
        return fmt::format("event '{}' at {}", event.type,
                           format_moment(event.at, date::locate_zone("UTC")));
    }

    Event keep_both(const Event& ours, const Event& theirs) {
        conflict(event_key(ours), event_words(theirs));
        return ours;
    }

    void merge_events() {
        const EventsById base = by_identity(base_.events);
        const EventsById ours = by_identity(ours_.events);
        const EventsById theirs = by_identity(theirs_.events);
        std::map<std::string, bool> ids;
        for (const auto* side : {&base, &ours, &theirs})
            for (const auto& [id, event] : *side)
                ids[id] = true;
        merged_.events.clear();
        for (const auto& [id, unused] : ids)
            if (auto event = merge_event(find(base, id), find(ours, id), find(theirs, id)))
                merged_.events.push_back(std::move(*event));
        std::stable_sort(merged_.events.begin(), merged_.events.end(),
                         [](const Event& a, const Event& b) { return a.at < b.at; });
    }

    /// Conflicts recorded before stay until someone settles them by deleting the entry: one
    /// in the base that either side deleted is settled; one either side added is kept.
    void merge_conflicts() {
        auto has = [](const std::vector<MergeConflict>& list, const MergeConflict& c) {
            return std::find(list.begin(), list.end(), c) != list.end();
        };
        merged_.conflicts.clear();
        for (const MergeConflict& old : ours_.conflicts)
            if (!has(base_.conflicts, old) || has(theirs_.conflicts, old))
                merged_.conflicts.push_back(old);
        for (const MergeConflict& old : theirs_.conflicts)
            if (!has(base_.conflicts, old) && !has(ours_.conflicts, old))
                merged_.conflicts.push_back(old);
    }
};

} // namespace

Complaint merge_complaints(const Complaint& base, const Complaint& ours, const Complaint& theirs) {
    // An anonymisation on either side wins over an edit of a personal value on the other: the
    // three versions are compared anonymised, so only what anonymisation keeps (dates, stages,
    // findings, ...) can differ, and no conflict keeps the other clone's personal value.
    if (is_anonymised(ours) || is_anonymised(theirs))
        return Merge(anonymised(base), anonymised(ours), anonymised(theirs)).run();
    return Merge(base, ours, theirs).run();
}

} // namespace complaints
