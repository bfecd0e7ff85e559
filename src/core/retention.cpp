// How long a complaint's personal data is kept (include/complaints/retention.hpp).

#include "complaints/retention.hpp"

namespace complaints {

std::optional<Instant> closed_at(const Complaint& complaint, const ComplaintState& state) {
    if (state.status == ComplaintStatus::open) return std::nullopt;
    std::optional<Instant> last;
    for (const Event& event : complaint.events)
        if (event.type == event_type::resolved || event.type == event_type::closed ||
            event.type == event_type::withdrawn)
            last = event.at;
    return last;
}

std::optional<RetentionDue> retention_due(const Complaint& complaint, const ComplaintState& state,
                                          const Policy& policy, const WorkingCalendar& calendar,
                                          Instant now, const Period& within) {
    if (!policy.retention) return std::nullopt;
    const std::optional<Instant> from = policy.retention->from == RetentionFrom::received
                                            ? std::optional<Instant>(complaint.received)
                                            : closed_at(complaint, state);
    if (!from) return std::nullopt;
    const Due due = due_after(*from, policy.retention->keep, Counting{}, calendar);
    RetentionState when = RetentionState::kept;
    if (now > due.moment)
        when = RetentionState::expired;
    else if (due.moment <= due_after(now, within, Counting{}, calendar).moment)
        when = RetentionState::due_soon;
    return RetentionDue{*from, due, when};
}

} // namespace complaints
