#pragma once
/// Derived state: the stage a complaint is in, whether it is open, and every deadline, computed
/// from its events and its policy as of a given moment. Pure: no files, no clock.

#include "complaints/calendar.hpp"
#include "complaints/complaint.hpp"
#include "complaints/names.hpp"
#include "complaints/policy.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

enum class ComplaintStatus { open, resolved, closed, withdrawn };
/// What reports, listings and JSON call each status.
inline constexpr NameTable<ComplaintStatus, 4> status_names{{
    {ComplaintStatus::open, "open"},
    {ComplaintStatus::resolved, "resolved"},
    {ComplaintStatus::closed, "closed"},
    {ComplaintStatus::withdrawn, "withdrawn"},
}};
std::string status_name(ComplaintStatus status);

enum class DeadlineState {
    met,        ///< the meeting event happened (on time or late: see `late`)
    open,       ///< not yet due, not yet in the due-soon period
    due_soon,   ///< within the policy's due-soon period
    overdue,    ///< past due and still not met
    lapsed,     ///< a complainant window that has passed
    missed,     ///< the stage ended unmet after the deadline had passed
    superseded, ///< the stage ended unmet before the deadline (e.g. escalated early)
};
/// What listings, calendars and JSON call each deadline state.
inline constexpr NameTable<DeadlineState, 7> state_names{{
    {DeadlineState::met, "met"},
    {DeadlineState::open, "open"},
    {DeadlineState::due_soon, "due-soon"},
    {DeadlineState::overdue, "overdue"},
    {DeadlineState::lapsed, "lapsed"},
    {DeadlineState::missed, "missed"},
    {DeadlineState::superseded, "superseded"},
}};
std::string state_name(DeadlineState state);

/// A change to a deadline's date, kept so it can be explained.
struct Adjustment {
    std::string what; ///< e.g. "extended to 2026-05-01 (waiting for CCTV) by sarah"
    Due due_after;    ///< the due date after this adjustment
};

/// One milestone of one visit to a stage, worked out.
struct Deadline {
    std::string stage;
    std::string stage_title;
    const Milestone* milestone = nullptr; ///< points into the policy
    Party party = Party::staff;
    Instant anchor_at{}; ///< the moment the period counts from
    Due base_due;        ///< before extensions and pauses
    Due due;             ///< after extensions and pauses
    std::vector<Adjustment> adjustments;
    DeadlineState state = DeadlineState::open;
    std::optional<Instant> met_at;
    bool late = false; ///< met, but after it was due
    /// A repeating milestone (`every`): 0 for the first one, counted from the milestone's
    /// anchor; 1, 2, ... for each later one, counted from when the one before was met.
    int occurrence = 0;
};

/// A stage the procedure gives no time limit, sitting with no event for longer than its
/// `idle_after`: "no action for 61 working days".
struct Idle {
    Instant last_action{}; ///< the latest event in the stage, else when it was entered
    Due due;               ///< when staff are to be reminded
    Period idle_for;       ///< how long since the last action, as of now, in idle_after's unit
    DeadlineState state = DeadlineState::open; ///< open, due-soon or overdue
};

struct ComplaintState {
    std::string stage; ///< current stage id
    std::string stage_title;
    ComplaintStatus status = ComplaintStatus::open;
    /// Who holds the complaint now, as shown: the person's name, or the role's title, or the
    /// words recorded. Entering a stage hands it to that stage's handler in the policy (by
    /// severity or category where the policy routes them); `assigned` changes it within the
    /// stage; the intake handler holds the first stage.
    std::string handler;
    std::string handler_role; ///< the policy role of the handler, when it is one
    bool paused = false;
    std::vector<Deadline> deadlines; ///< in order of stage visits, then policy order
    /// Intake fields the policy asks for that the complaint does not have yet.
    std::vector<std::string> gaps;
    std::optional<Idle> idle; ///< for an open, unpaused complaint in a stage with idle_after
    /// Events that a merge (or a hand edit) left out of order: a second resolution, an event
    /// after closure or withdrawal, a pause while paused, a resume while running, a reopening
    /// of an open complaint, an escalation to an unknown, the current or an earlier stage, an
    /// event dated before receipt. By rule each is kept in the file and not counted, so the
    /// complaint always reads; each is an error at its event's line, for `check` to warn about
    /// (docs/FORMAT.md, "Events out of order").
    std::vector<Error> anomalies;
};

/// The anomalies of `after` that `before` lacks, compared by message (an edit may move lines):
/// what a change would add. A command refuses to record an event that adds one.
std::vector<Error> new_anomalies(const ComplaintState& before, const ComplaintState& after);

/// Whether `filter` names the handler of `state`: its role, the role's title, or who it is,
/// ignoring case.
bool handled_by(const ComplaintState& state, const Policy& policy, std::string_view filter);

/// The intake fields of `complaint` that `policy` asks for and that are empty.
std::vector<std::string> intake_gaps(const Complaint& complaint, const Policy& policy);

/// Where `escalate` takes a complaint in `state`: `to` (a stage after the current one), or the
/// next stage when `to` is empty. A usage error for an unknown stage, the current or an earlier
/// one, or escalating from the last stage.
Result<const Stage*> escalation_target(const ComplaintState& state, const Policy& policy,
                                       std::string_view to);

/// Works out the state of `complaint` under `policy` as of `as_of`. Events naming unknown
/// stages or milestones, and events that make no sense in the current status (acknowledging a
/// withdrawn complaint), are errors at the event's `file:line:col`.
Result<ComplaintState> derive_state(const Complaint& complaint, const Policy& policy,
                                    const WorkingCalendar& calendar, Instant as_of);

/// The day a time limit counts from for `anchor` (`Anchor::occurred` or `Anchor::known`): the
/// day the matter became known (for `known`), else the last day it happened; none when the
/// complaint records no such date, or for any other anchor.
std::optional<Day> matter_day(const Complaint& complaint, Anchor anchor);

/// A warning when `complaint` was received after `policy`'s time limit for making a complaint
/// (`[intake] time_limit`, counted from `matter_day(known)`), e.g. "received 2027-03-01, after
/// policy housing-ombudsman's time limit of 12 months from when the matter happened
/// (2026-01-05), which ended 2027-01-05: recorded all the same; decide whether to consider it".
std::optional<std::string> time_limit_warning(const Complaint& complaint, const Policy& policy,
                                              const WorkingCalendar& calendar);

/// The next deadline staff must meet (soonest open/due-soon/overdue staff deadline), if any.
const Deadline* next_staff_deadline(const ComplaintState& state);

} // namespace complaints
