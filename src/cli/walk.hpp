#pragma once
/// Reading the register one complaint at a time, and the staff deadlines that are due: shared
/// by list-overdue, remind, export and report, whose memory must not grow with the register.

#include "cli/context.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace complaints::cli {

/// Loads and derives every complaint in ID order, calling `visit` with each in turn (only one
/// is held at a time). Files that fail to load or make no sense go to `problems`. A complaint
/// received after the moment given with `--as-of` did not exist yet: skipped. With
/// `open_only`, complaints the register's cache knows were finished by now may be left out
/// unread (ComplaintWalk::skip_finished); every open one is visited.
Status for_each_reading(Session& session, std::vector<Error>& problems,
                        const std::function<void(const Reading&)>& visit, bool open_only = false);

/// Whether `reading`'s complaint had been received by the moment given with --as-of (or
/// $COMPLAINTS_NOW); always true when "now" is the clock.
bool received_by_now(Session& session, const Reading& reading);

/// The moment the command acts as of, read in the register's zone (`register_zone`, set in
/// `zone`), for headers written before any complaint is read.
Result<Instant> register_now(Session& session, const date::time_zone*& zone);

/// The --due-within flag, read by `parse_period` like every period ("3d", "2wd", "10 working
/// days"); none when the flag is empty, a usage error naming the flag when it does not read.
Result<std::optional<Period>> due_within_flag(const std::string& text);

/// Which staff deadlines count as due.
struct DueFilter {
    std::optional<Period> within; ///< due within this; else the policy's due-soon period
    bool due_soon = true;         ///< without `within`: false lists overdue deadlines only
    std::string handler;          ///< only this handler's complaints (empty: all)
    std::string stage;            ///< only deadlines of this stage (empty: all)
};

/// A due staff deadline, copied out of its reading so the reading can go.
struct DueItem {
    std::string id;
    std::string stage;
    std::string milestone;
    std::string title;
    std::string action; ///< what to do next: the milestone's action (else its title), offering
                        ///< the next stage when overdue
    Due due;
    DeadlineState state = DeadlineState::open;
    long days_overdue = 0;
    std::string handler;
    std::string summary;
    const date::time_zone* zone = nullptr;
    std::vector<std::string> gaps{}; ///< intake details still to chase, as tasks
};

/// The deadlines of `reading` that `filter` selects as overdue or due soon as of `now`.
std::vector<DueItem> due_items(const Reading& reading, const DueFilter& filter, Instant now);

/// Adds the due items of `reading` that `filter` selects to `items`, as of now (set in `now`).
void gather_due(Session& session, const Reading& reading, const DueFilter& filter,
                std::vector<DueItem>& items, Instant& now);
/// `items` soonest first; items due at the same moment stay in register order.
void sort_due(std::vector<DueItem>& items);

/// Every due item in the register, soonest first.
Result<std::vector<DueItem>> collect_due(Session& session, const DueFilter& filter,
                                         std::vector<Error>& problems, Instant& now);

/// `items` without the personal values they copied (the complaint's summary, personal.hpp),
/// for `--redact`: IDs, stages, dates and handlers stay.
void redact_due_items(std::vector<DueItem>& items);

} // namespace complaints::cli
