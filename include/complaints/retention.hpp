#pragma once
/// How long a complaint's personal data is kept: the policy's `[retention]` (e.g. 3 years from
/// closure) applied to one complaint, as of a moment. Pure: no files, no clock.

#include "complaints/lifecycle.hpp"

#include <optional>
#include <string>

namespace complaints {

/// Where a complaint stands against the retention period.
enum class RetentionState {
    kept,     ///< within the period, and not due within the warning period
    due_soon, ///< the period ends within the warning period
    expired,  ///< the period has ended: due for anonymisation
};

inline constexpr NameTable<RetentionState, 3> retention_state_names{{
    {RetentionState::kept, "kept"},
    {RetentionState::due_soon, "due-soon"},
    {RetentionState::expired, "expired"},
}};

/// When one complaint's retention period ends.
struct RetentionDue {
    Instant from;         ///< the moment it counts from (closure or receipt)
    Due due;              ///< the end of the period: the last day the data is kept
    RetentionState state; ///< as of the moment asked about
};

/// The retention of `complaint` (derived `state`) under `policy` (in `calendar`) as of `now`,
/// `due_soon` when it ends within `within` of `now`; nothing when the policy states no
/// retention, or it counts from closure and the complaint is still open.
std::optional<RetentionDue> retention_due(const Complaint& complaint, const ComplaintState& state,
                                          const Policy& policy, const WorkingCalendar& calendar,
                                          Instant now, const Period& within);

/// The last moment `complaint` stopped being open (its last resolution, closure or
/// withdrawal), or nothing when it is open (`state`).
std::optional<Instant> closed_at(const Complaint& complaint, const ComplaintState& state);

} // namespace complaints
