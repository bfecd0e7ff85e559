#include "complaints/lifecycle.hpp"
#include "complaints/bank_holiday_years.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints {

std::string status_name(ComplaintStatus status) {
    return std::string(name_of(status_names, status));
}

std::string state_name(DeadlineState state) {
    return std::string(name_of(state_names, state));
}

namespace {

struct Pause {
    Instant from;
    std::optional<Instant> until;
    std::string by;
    bool still = false; ///< not yet resumed: `until` is the as-of moment
};

/// One stay of a complaint in a stage, from entering it to leaving it.
struct StageVisit {
    const Stage* stage = nullptr;
    Instant start{};
    std::optional<Instant> requested;
    std::optional<Instant> acknowledged;
    std::optional<Instant> outcome;
    std::optional<Instant> end; ///< left the stage, closed or withdrawn
    bool reopened = false;      ///< entered by reopening: its clocks restart at `start`
    std::string handler;        ///< who holds it in this visit, as recorded (role or words)
    std::vector<const Event*> events;
    std::vector<Pause> pauses;
    std::vector<const Event*> extensions;
};

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Error event_error(const Complaint& complaint, const Event& event, std::string message) {
    return data_error(complaint.path, event.line, event.column, std::move(message));
}

/// Walks the events in time order, building the stage visits and the status.
class Walk {
  public:
    Walk(const Complaint& complaint, const Policy& policy)
        : complaint_(complaint), policy_(policy) {
        StageVisit first;
        first.stage = &policy.first_stage_for(complaint.severity, complaint.category);
        first.start = complaint.received;
        first.handler =
            complaint.handler.empty()
                ? policy.handler_for(*first.stage, complaint.severity, complaint.category)
                : complaint.handler;
        visits_.push_back(first);
    }

    Status apply(const Event& event);
    void finish(Instant as_of);
    /// Keeps `event` out of the state, as an anomaly saying why.
    void set_aside(const Event& event, std::string why) {
        anomalies_.push_back(event_error(complaint_, event, std::move(why)));
    }

    std::vector<StageVisit>& visits() { return visits_; }
    ComplaintStatus status() const { return status_; }
    std::vector<Error>& anomalies() { return anomalies_; }
    bool paused() const { return !current().pauses.empty() && !current().pauses.back().until; }

  private:
    const Complaint& complaint_;
    const Policy& policy_;
    std::vector<StageVisit> visits_;
    ComplaintStatus status_ = ComplaintStatus::open;
    std::vector<Error> anomalies_;

    StageVisit& current() { return visits_.back(); }
    const StageVisit& current() const { return visits_.back(); }
    bool is_finished() const {
        return status_ == ComplaintStatus::closed || status_ == ComplaintStatus::withdrawn;
    }
    /// Why `event` makes no sense after the events before it (a second resolution, a
    /// withdrawal after closure, a pause while paused, an escalation backwards), or nothing.
    std::optional<std::string> out_of_order(const Event& event) const;
    std::optional<std::string> escalation_out_of_order(const Event& event) const;
    Status escalate(const Event& event);
    Status reopen(const Event& event);
    Status extend(const Event& event);
    Status pause(const Event& event);
    Status resume(const Event& event);
    void end_visit(Instant at) {
        if (!current().end) current().end = at;
    }
};

std::optional<std::string> Walk::out_of_order(const Event& event) const {
    static const std::vector<std::string_view> always{
        event_type::note,      event_type::referred, event_type::reopened,
        event_type::escalated, event_type::update,   event_type::assigned,
        event_type::amended,   event_type::imported, event_type::anonymised};
    const std::string_view type = event.type;
    if (is_finished() && (std::find(always.begin(), always.end(), type) == always.end() ||
                          (type == event_type::escalated && status_ == ComplaintStatus::withdrawn)))
        return fmt::format("'{}' after the complaint was {}: reopen it first", event.type,
                           status_name(status_));
    if (type == event_type::resolved && status_ == ComplaintStatus::resolved)
        return "'resolved' but the complaint is already resolved: reopen or escalate it first";
    if (type == event_type::reopened && status_ == ComplaintStatus::open)
        return "'reopened' but the complaint is already open";
    if (type == event_type::paused && paused()) return "'paused' but the clock is already paused";
    if (type == event_type::resumed && !paused()) return "'resumed' but the clock is not paused";
    if (type == event_type::escalated) return escalation_out_of_order(event);
    return std::nullopt;
}

std::optional<std::string> Walk::escalation_out_of_order(const Event& event) const {
    const int from = policy_.stage_index(current().stage->id);
    const int to = event.stage.empty() ? from + 1 : policy_.stage_index(event.stage);
    if (to < 0) return fmt::format("unknown stage '{}' in policy {}", event.stage, policy_.id);
    if (to >= static_cast<int>(policy_.stages.size()))
        return fmt::format("cannot escalate: '{}' is the last stage of policy {}",
                           current().stage->id, policy_.id);
    // Two people (or two clones) recorded the same move: it counts once.
    if (to == from)
        return fmt::format("escalation to '{}', the stage the complaint is already in",
                           event.stage);
    if (to < from)
        return fmt::format("escalation back from '{}' to '{}': stages go forward only",
                           current().stage->id, event.stage);
    return std::nullopt;
}

Status Walk::escalate(const Event& event) {
    const int from = policy_.stage_index(current().stage->id);
    const int to = event.stage.empty() ? from + 1 : policy_.stage_index(event.stage);
    end_visit(event.at);
    StageVisit next;
    next.stage = &policy_.stages[static_cast<std::size_t>(to)];
    next.start = event.at;
    next.requested = event.requested;
    next.handler = policy_.handler_for(*next.stage, complaint_.severity, complaint_.category);
    visits_.push_back(next);
    status_ = ComplaintStatus::open;
    return done();
}

Status Walk::reopen(const Event& event) {
    end_visit(event.at);
    StageVisit again;
    again.stage = current().stage;
    again.start = event.at;
    again.acknowledged = current().acknowledged;
    again.reopened = true;
    again.handler = current().handler;
    visits_.push_back(again);
    status_ = ComplaintStatus::open;
    return done();
}

Status Walk::extend(const Event& event) {
    const auto& milestones = current().stage->milestones;
    auto found = std::find_if(milestones.begin(), milestones.end(),
                              [&](const Milestone& m) { return m.id == event.milestone; });
    if (found == milestones.end()) {
        set_aside(event, fmt::format("stage '{}' has no milestone '{}'", current().stage->id,
                                     event.milestone));
    } else if (!event.until && !event.extend_by) {
        set_aside(event, "'extended' needs 'until' or 'extend_by'");
    } else if (found->extension_needs_reason && is_blank(event.reason)) {
        set_aside(event, fmt::format("an extension of '{}' needs a reason: add --reason "
                                     "(extension_needs_reason in policy {})",
                                     found->id, policy_.id));
    } else {
        current().extensions.push_back(&event);
    }
    return done();
}

Status Walk::pause(const Event& event) {
    current().pauses.push_back(Pause{event.at, std::nullopt, event.by});
    return done();
}

Status Walk::resume(const Event& event) {
    current().pauses.back().until = event.at;
    return done();
}

Status Walk::apply(const Event& event) {
    // The fold is total: whatever order a merge or a hand edit leaves, the complaint still
    // reads. An event that makes no sense where it stands is kept in the file, changes
    // nothing, and is reported by `check` at its line (docs/FORMAT.md).
    if (auto why = out_of_order(event)) {
        set_aside(event, std::move(*why));
        return done();
    }
    const std::string_view type = event.type;
    current().events.push_back(&event);
    if (type == event_type::escalated) return escalate(event);
    if (type == event_type::reopened) return reopen(event);
    if (type == event_type::extended) return extend(event);
    if (type == event_type::paused) return pause(event);
    if (type == event_type::resumed) return resume(event);
    if (type == event_type::assigned) current().handler = event.handler;
    if (type == event_type::acknowledged && !current().acknowledged)
        current().acknowledged = event.at;
    if (type == event_type::resolved) {
        current().outcome = event.at;
        status_ = ComplaintStatus::resolved;
    }
    if (type == event_type::closed) status_ = ComplaintStatus::closed;
    if (type == event_type::withdrawn) status_ = ComplaintStatus::withdrawn;
    if (is_finished()) end_visit(event.at);
    return done();
}

void Walk::finish(Instant as_of) {
    for (auto& visit : visits_)
        for (auto& pause : visit.pauses)
            if (!pause.until) {
                pause.until = std::max(as_of, pause.from);
                pause.still = true;
            }
}

std::optional<Instant> anchor_time(const Milestone& milestone, const StageVisit& visit,
                                   const Complaint& complaint, const WorkingCalendar& calendar) {
    switch (milestone.from) {
    case Anchor::occurred:
    case Anchor::known:
        if (auto day = matter_day(complaint, milestone.from))
            return start_of_day(*day, calendar.zone());
        return std::nullopt;
    case Anchor::receipt:
        // A reopened complaint is received again, in effect: counting from the first receipt
        // would make it overdue the moment it is reopened.
        return visit.reopened ? visit.start : complaint.received;
    case Anchor::stage_start:
        return visit.start;
    case Anchor::escalation_request:
        return visit.requested.value_or(visit.start);
    case Anchor::acknowledgement:
        return visit.acknowledged;
    case Anchor::outcome:
        return visit.outcome;
    case Anchor::event:
        for (auto event = visit.events.rbegin(); event != visit.events.rend(); ++event)
            if ((*event)->type == milestone.from_event) return (*event)->at;
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Instant> met_time(const Milestone& milestone, const StageVisit& visit,
                                Instant anchor) {
    // A milestone counted from an event is met only by what happened after that event.
    const Instant since = milestone.from == Anchor::event ? anchor : std::min(anchor, visit.start);
    // An escalation recorded with --requested met the complainant's window when they asked,
    // not when staff wrote it down.
    const bool theirs = milestone.party == Party::complainant;
    for (const Event* event : visit.events)
        if (is_met_by(milestone, event->type) && event->at >= since)
            return theirs ? event->requested.value_or(event->at) : event->at;
    // An acknowledgement carries over a reopening: the complainant need not be acknowledged twice.
    if (is_met_by(milestone, event_type::acknowledged) && visit.acknowledged &&
        ((visit.reopened && milestone.from != Anchor::event) || *visit.acknowledged >= since))
        return visit.acknowledged;
    return std::nullopt;
}

/// How long the clock stood still between `pause.from` and `pause.until`, in the unit of
/// `period`, so the due date can be pushed out by the same amount.
Period paused_length(const Pause& pause, const Period& period, const WorkingCalendar& calendar) {
    const Instant until = pause.until.value_or(pause.from);
    if (period.unit == Unit::hours) {
        auto hours = std::chrono::duration_cast<std::chrono::hours>(until - pause.from).count();
        return Period{hours, Unit::hours};
    }
    const Day from = local_day(pause.from, calendar.zone());
    const Day to = local_day(until, calendar.zone());
    if (period.unit == Unit::working_days)
        return Period{calendar.working_days_between(from, to), Unit::working_days};
    return Period{(to - from).count(), Unit::days};
}

Due apply_pause(const Due& due, const Pause& pause, const Period& period,
                const WorkingCalendar& calendar) {
    if (period.unit == Unit::hours) {
        Due pushed = due;
        pushed.moment += pause.until.value_or(pause.from) - pause.from;
        pushed.day = local_day(pushed.moment, calendar.zone());
        return pushed;
    }
    return extend_due(due, paused_length(pause, period, calendar), calendar);
}

/// "paused from X to Y: 3 working days added", or for a pause not yet resumed "paused from X,
/// still paused: 3 working days added so far".
std::string pause_words(const Pause& pause, const Period& length, const WorkingCalendar& calendar) {
    const std::string from = format_moment(pause.from, calendar.zone());
    if (pause.still || !pause.until)
        return fmt::format("paused from {}, still paused: {} added so far", from, describe(length));
    return fmt::format("paused from {} to {}: {} added", from,
                       format_moment(*pause.until, calendar.zone()), describe(length));
}

void apply_pauses(Deadline& deadline, const StageVisit& visit, const WorkingCalendar& calendar) {
    if (deadline.party != Party::staff) return;
    for (const Pause& pause : visit.pauses) {
        if (pause.from >= deadline.due.moment || pause.from < deadline.anchor_at) continue;
        const Period length = paused_length(pause, deadline.milestone->period, calendar);
        // A pause with no working day in it still shows, so the record is complete.
        if (length.count > 0)
            deadline.due = apply_pause(deadline.due, pause, deadline.milestone->period, calendar);
        deadline.adjustments.push_back({pause_words(pause, length, calendar), deadline.due});
    }
}

/// Whether `extension` applies to this deadline. A repeating milestone's extension applies to
/// the occurrence that was running when it was recorded; any other applies to its deadline.
bool extends(const Event& extension, const Deadline& deadline) {
    if (!deadline.milestone->every) return true;
    if (deadline.occurrence > 0 && extension.at < deadline.anchor_at) return false;
    return !deadline.met_at || extension.at < *deadline.met_at;
}

/// "extended by 10 working days (reason) by sam", as the record shows it.
std::string extension_words(const Event& event) {
    std::string what = event.until ? fmt::format("extended to {}", format_day(*event.until))
                                   : fmt::format("extended by {}", describe(*event.extend_by));
    if (!event.reason.empty()) what += fmt::format(" ({})", event.reason);
    if (!event.by.empty()) what += " by " + event.by;
    return what;
}

/// Whether `extension` was recorded once `deadline` had passed, while it was still unmet.
bool is_late(const Event& extension, const Deadline& deadline) {
    if (deadline.met_at && *deadline.met_at <= extension.at) return false;
    return extension.at >= deadline.due.moment;
}

/// A late extension under the milestone's `late_extension`: an error when the policy refuses
/// it; else whether it moves the deadline (`allowed`) or is only recorded.
Result<bool> late_extension_moves(const Event& event, Deadline& deadline, const Policy& policy,
                                  const Complaint& complaint, std::string& what) {
    const Milestone& milestone = *deadline.milestone;
    const std::string due = format_day(deadline.due.day);
    switch (milestone.late_extension) {
    case LateExtension::refused:
        return event_error(complaint, event,
                           fmt::format("an extension of '{}' recorded after it was due on {}: "
                                       "policy {} requires extensions to be agreed before the "
                                       "deadline (late_extension = \"refused\")",
                                       milestone.id, due, policy.id));
    case LateExtension::recorded:
        what += fmt::format(", recorded after it was due on {}: the missed deadline stays", due);
        return false;
    case LateExtension::allowed:
        break;
    }
    return true;
}

/// The soft and hard caps of the milestone, checked once an extension has moved the deadline
/// from `before` (the due date before any extension).
Status check_caps(const Event& event, const Deadline& deadline, const Due& before,
                  const Policy& policy, const Complaint& complaint,
                  const WorkingCalendar& calendar) {
    const Milestone& milestone = *deadline.milestone;
    const auto& cap = milestone.max_extension;
    if (cap && deadline.due.moment > extend_due(before, *cap, calendar).moment)
        return event_error(complaint, event,
                           fmt::format("extension beyond the policy's cap of {} for '{}' "
                                       "(max_extension in policy {})",
                                       describe(*cap), milestone.id, policy.id));
    const auto& soft = milestone.extension_without_reason;
    if (soft && is_blank(event.good_reason) &&
        deadline.due.moment > extend_due(before, *soft, calendar).moment)
        return event_error(complaint, event,
                           fmt::format("an extension of '{}' beyond {} needs a good reason: pass "
                                       "--good-reason (extension_without_reason in policy {})",
                                       milestone.id, describe(*soft), policy.id));
    return done();
}

/// Applies the visit's extensions of `deadline`. One the policy does not allow (late where it
/// must be agreed before the deadline, beyond a cap) is set aside as an anomaly, so that the
/// state is still worked out whatever a merge brought (docs/FORMAT.md).
void apply_extensions(Deadline& deadline, const StageVisit& visit, const Complaint& complaint,
                      const Policy& policy, const WorkingCalendar& calendar,
                      std::vector<Error>& anomalies) {
    const Due before = deadline.due;
    for (const Event* event : visit.extensions) {
        if (event->milestone != deadline.milestone->id || !extends(*event, deadline)) continue;
        std::string what = extension_words(*event);
        bool moves = true;
        if (is_late(*event, deadline)) {
            auto late = late_extension_moves(*event, deadline, policy, complaint, what);
            if (!late) {
                anomalies.push_back(late.error());
                continue;
            }
            moves = *late;
        }
        const Due unextended = deadline.due;
        if (moves)
            deadline.due = event->until ? due_on(*event->until, calendar)
                                        : extend_due(deadline.due, *event->extend_by, calendar);
        if (auto capped = check_caps(*event, deadline, before, policy, complaint, calendar);
            !capped) {
            deadline.due = unextended;
            anomalies.push_back(capped.error());
            continue;
        }
        if (!is_blank(event->good_reason))
            what += fmt::format("; beyond {} for good reason: {}",
                                deadline.milestone->extension_without_reason
                                    ? describe(*deadline.milestone->extension_without_reason)
                                    : std::string("the usual time"),
                                event->good_reason);
        deadline.adjustments.push_back({what, deadline.due});
    }
}

bool is_due_soon(const Due& due, Instant as_of, const Policy& policy,
                 const WorkingCalendar& calendar) {
    return due.moment <= due_after(as_of, policy.due_soon, Counting{}, calendar).moment;
}

DeadlineState open_state(const Deadline& deadline, const StageVisit& visit, Instant as_of,
                         const Policy& policy, const WorkingCalendar& calendar) {
    if (deadline.party == Party::complainant)
        return as_of >= deadline.due.moment ? DeadlineState::lapsed : DeadlineState::open;
    std::optional<Instant> ended = visit.end;
    if (visit.outcome && (!ended || *visit.outcome < *ended)) ended = visit.outcome;
    if (ended && *ended <= as_of)
        return *ended >= deadline.due.moment ? DeadlineState::missed : DeadlineState::superseded;
    if (as_of >= deadline.due.moment) return DeadlineState::overdue;
    if (is_due_soon(deadline.due, as_of, policy, calendar)) return DeadlineState::due_soon;
    return DeadlineState::open;
}

/// "within 2 months of the outcome or 6 months of the event, whichever is later": the second
/// limit, when it ends later, moves the deadline, shown as an adjustment.
void apply_later_limit(Deadline& deadline, const StageVisit& visit, const Complaint& complaint,
                       const WorkingCalendar& calendar) {
    const auto& later = deadline.milestone->whichever_later;
    if (!later) return;
    Milestone other = *deadline.milestone;
    other.from = later->from;
    const auto anchor = anchor_time(other, visit, complaint, calendar);
    if (!anchor) return;
    const Due due = due_after(*anchor, later->period, deadline.milestone->counting, calendar);
    if (due.moment <= deadline.due.moment) return;
    deadline.due = due;
    deadline.adjustments.push_back(
        {fmt::format("{} from {} ({}) ends later, so that applies", describe(later->period),
                     anchor_name(later->from), format_day(local_day(*anchor, calendar.zone()))),
         due});
}

/// One occurrence of a milestone: what it counts from, how long, and when it was met.
struct Occurrence {
    Instant anchor;
    Period period;
    std::optional<Instant> met_at;
    int index = 0;
};

/// Works out the deadline of one occurrence of `milestone` in `visit`.
Result<Deadline> work_out(const Milestone& milestone, const StageVisit& visit,
                          const Occurrence& occurrence, const Complaint& complaint,
                          const Policy& policy, const WorkingCalendar& calendar, Instant as_of,
                          std::vector<Error>& anomalies) {
    Deadline deadline;
    deadline.stage = visit.stage->id;
    deadline.stage_title = visit.stage->title;
    deadline.milestone = &milestone;
    deadline.party = milestone.party;
    deadline.anchor_at = occurrence.anchor;
    deadline.base_due =
        due_after(occurrence.anchor, occurrence.period, milestone.counting, calendar);
    deadline.due = deadline.base_due;
    deadline.met_at = occurrence.met_at;
    deadline.occurrence = occurrence.index;
    if (occurrence.index == 0) apply_later_limit(deadline, visit, complaint, calendar);
    apply_pauses(deadline, visit, calendar);
    apply_extensions(deadline, visit, complaint, policy, calendar, anomalies);
    if (deadline.met_at) {
        deadline.state = DeadlineState::met;
        deadline.late = *deadline.met_at >= deadline.due.moment;
    } else {
        deadline.state = open_state(deadline, visit, as_of, policy, calendar);
    }
    return deadline;
}

/// The first `met_by` event of the visit strictly after `after`.
std::optional<Instant> next_met_time(const Milestone& milestone, const StageVisit& visit,
                                     Instant after) {
    for (const Event* event : visit.events)
        if (is_met_by(milestone, event->type) && event->at > after) return event->at;
    return std::nullopt;
}

/// Whether a repeat counted from `anchor` falls after the stage was over (left, or its
/// outcome sent).
bool stage_over_by(const StageVisit& visit, Instant anchor) {
    return (visit.end && anchor >= *visit.end) || (visit.outcome && anchor >= *visit.outcome);
}

constexpr int max_occurrences = 1000;

/// The deadlines of one milestone in one stage visit: one, or for a repeating milestone
/// (`every`) one per occurrence, each counted from when the one before was met, up to the
/// first one not yet met or the end of the stage.
Status add_deadlines(std::vector<Deadline>& out, const Milestone& milestone,
                     const StageVisit& visit, const Complaint& complaint, const Policy& policy,
                     const WorkingCalendar& calendar, Instant as_of,
                     std::vector<Error>& anomalies) {
    const auto anchor = anchor_time(milestone, visit, complaint, calendar);
    if (!anchor) return done();
    Instant from = *anchor;
    std::optional<Instant> met = met_time(milestone, visit, from);
    for (int occurrence = 0; occurrence < max_occurrences; ++occurrence) {
        const Period& period = occurrence == 0 ? milestone.period : *milestone.every;
        auto deadline = work_out(milestone, visit, {from, period, met, occurrence}, complaint,
                                 policy, calendar, as_of, anomalies);
        if (!deadline) return deadline.error();
        out.push_back(std::move(*deadline));
        if (!milestone.every || !met || stage_over_by(visit, *met)) break;
        from = *met;
        met = next_met_time(milestone, visit, from);
    }
    return done();
}

/// The handler as shown: a person of the policy named by role, title or name (never an outside
/// body), else the words recorded.
void set_handler(ComplaintState& state, const std::string& recorded, const Policy& policy) {
    const Person* person = policy.person_named(recorded);
    if (person == nullptr || person->external) {
        state.handler = recorded;
        return;
    }
    state.handler = person->shown();
    state.handler_role = person->role;
}

/// How long `visit` has sat with no event, when its stage says how long it may (`idle_after`).
std::optional<Idle> idle_in(const StageVisit& visit, const Policy& policy,
                            const WorkingCalendar& calendar, Instant as_of) {
    const auto& limit = visit.stage->idle_after;
    if (!limit) return std::nullopt;
    Idle idle;
    idle.last_action = visit.start;
    for (const Event* event : visit.events)
        idle.last_action = std::max(idle.last_action, event->at);
    idle.due = due_after(idle.last_action, *limit, Counting{}, calendar);
    idle.idle_for = elapsed(idle.last_action, as_of, limit->unit, calendar);
    if (as_of >= idle.due.moment)
        idle.state = DeadlineState::overdue;
    else if (is_due_soon(idle.due, as_of, policy, calendar))
        idle.state = DeadlineState::due_soon;
    return idle;
}

} // namespace

Result<ComplaintState> derive_state(const Complaint& complaint, const Policy& policy,
                                    const WorkingCalendar& calendar, Instant as_of) {
    if (policy.stages.empty()) return data_error(complaint.path, 0, 0, "policy has no stages");
    if (const Day received = local_day(complaint.received, calendar.zone());
        !bank_holidays_known(received))
        return data_error(complaint.path, 0, 0,
                          "received " + before_bank_holidays(received) + "; check the date");
    Walk walk(complaint, policy);
    for (const Event& event : complaint.events) {
        if (event.at > as_of) break;
        if (event.at < complaint.received) {
            walk.set_aside(event, "event is dated before the complaint was received");
            continue;
        }
        if (auto applied = walk.apply(event); !applied) return applied.error();
    }
    const bool paused = walk.paused();
    walk.finish(as_of);
    ComplaintState state;
    const StageVisit& last = walk.visits().back();
    state.stage = last.stage->id;
    state.stage_title = last.stage->title;
    state.status = walk.status();
    set_handler(state, last.handler, policy);
    state.paused = paused;
    state.gaps = intake_gaps(complaint, policy);
    state.anomalies = std::move(walk.anomalies());
    if (state.status == ComplaintStatus::open && !paused)
        state.idle = idle_in(last, policy, calendar, as_of);
    for (const StageVisit& visit : walk.visits())
        for (const Milestone& milestone : visit.stage->milestones)
            if (auto added = add_deadlines(state.deadlines, milestone, visit, complaint, policy,
                                           calendar, as_of, state.anomalies);
                !added)
                return added.error();
    return state;
}

std::vector<Error> new_anomalies(const ComplaintState& before, const ComplaintState& after) {
    std::vector<std::string> known;
    for (const Error& anomaly : before.anomalies)
        known.push_back(anomaly.message);
    std::vector<Error> added;
    for (const Error& anomaly : after.anomalies) {
        auto seen = std::find(known.begin(), known.end(), anomaly.message);
        if (seen == known.end())
            added.push_back(anomaly);
        else
            known.erase(seen);
    }
    return added;
}

bool handled_by(const ComplaintState& state, const Policy& policy, std::string_view filter) {
    if (const Person* person = policy.person(state.handler_role);
        person && person->answers_to(filter))
        return true;
    Person recorded;
    recorded.name = state.handler;
    return recorded.answers_to(filter);
}

std::vector<std::string> intake_gaps(const Complaint& complaint, const Policy& policy) {
    std::vector<std::string> gaps;
    for (const std::string& field : policy.required_fields) {
        const bool missing = field == "people"     ? complaint.people.empty()
                             : field == "evidence" ? complaint.evidence.empty()
                             : field == "occurred" ? is_blank(occurred_words(complaint))
                                                   : is_blank(*intake_text(complaint, field));
        if (missing) gaps.push_back(field);
    }
    return gaps;
}

Result<const Stage*> escalation_target(const ComplaintState& state, const Policy& policy,
                                       std::string_view to) {
    const int from = policy.stage_index(state.stage);
    if (to.empty()) {
        if (from + 1 >= static_cast<int>(policy.stages.size()))
            return usage_error(fmt::format("cannot escalate: '{}' is the last stage of policy {}",
                                           state.stage, policy.id));
        return &policy.stages[static_cast<std::size_t>(from + 1)];
    }
    const int target = policy.stage_index(to);
    if (target < 0) {
        std::vector<std::string> ids;
        for (const Stage& stage : policy.stages)
            ids.push_back(stage.id);
        return usage_error(fmt::format("--to: policy {} has no stage '{}' (stages: {})", policy.id,
                                       to, fmt::join(ids, ", ")));
    }
    if (target == from)
        return usage_error(fmt::format("the complaint is already in stage '{}'", to));
    if (target < from)
        return usage_error(fmt::format("cannot escalate back from '{}' to '{}': stages go forward "
                                       "only (use 'complaints reopen' to look at it again)",
                                       state.stage, to));
    return &policy.stages[static_cast<std::size_t>(target)];
}

std::optional<Day> matter_day(const Complaint& complaint, Anchor anchor) {
    if (anchor == Anchor::known && complaint.known_on) return complaint.known_on;
    if (anchor != Anchor::known && anchor != Anchor::occurred) return std::nullopt;
    if (complaint.occurred_until) return complaint.occurred_until;
    return complaint.occurred_on;
}

namespace {

/// The last day of a time limit counted from the matter's day at `anchor`, if it is known.
std::optional<Due> limit_end(const Complaint& complaint, const Period& period, Anchor anchor,
                             const WorkingCalendar& calendar) {
    const auto day = matter_day(complaint, anchor);
    if (!day) return std::nullopt;
    return due_after(start_of_day(*day, calendar.zone()), period, Counting{}, calendar);
}

/// "6 years from when the matter happened (2019-03-01)".
std::string limit_wording(const Complaint& complaint, const Period& period, Anchor anchor) {
    const bool known = anchor == Anchor::known && complaint.known_on;
    return fmt::format("{} from when the matter {} ({})", describe(period),
                       known ? "became known" : "happened",
                       format_day(*matter_day(complaint, anchor)));
}

} // namespace

std::optional<std::string> time_limit_warning(const Complaint& complaint, const Policy& policy,
                                              const WorkingCalendar& calendar) {
    if (!policy.time_limit) return std::nullopt;
    const TimeLimit& limit = *policy.time_limit;
    auto due = limit_end(complaint, limit.period, limit.from, calendar);
    if (!due) return std::nullopt;
    std::string wording = limit_wording(complaint, limit.period, limit.from);
    if (const auto& later = limit.whichever_later) {
        auto other = limit_end(complaint, later->period, later->from, calendar);
        if (other && other->moment > due->moment) {
            wording += fmt::format(", or {} if later",
                                   limit_wording(complaint, later->period, later->from));
            due = other;
        }
    }
    if (complaint.received <= due->moment) return std::nullopt;
    return fmt::format("received {}, after policy {}'s time limit of {}, which ended {}: recorded "
                       "all the same; decide whether to consider it",
                       format_day(local_day(complaint.received, calendar.zone())), policy.id,
                       wording, format_day(due->day));
}

const Deadline* next_staff_deadline(const ComplaintState& state) {
    const Deadline* next = nullptr;
    for (const Deadline& deadline : state.deadlines) {
        const bool pending = deadline.state == DeadlineState::open ||
                             deadline.state == DeadlineState::due_soon ||
                             deadline.state == DeadlineState::overdue;
        if (deadline.party != Party::staff || !pending) continue;
        if (!next || deadline.due.moment < next->due.moment) next = &deadline;
    }
    return next;
}

} // namespace complaints
