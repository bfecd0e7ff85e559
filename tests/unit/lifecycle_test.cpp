#include "complaints/lifecycle.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A small nursery's procedure: an informal stage (acknowledge within 48 hours, resolve within
/// 5 working days, then 10 working days for the complainant to ask for a formal review) and a
/// formal stage (acknowledge within 2 working days, resolve within 20 working days with at
/// most 10 more given a reason, keep the complainant informed every 5 working days, and 6
/// months for the complainant to go to the regulator).
const char* const procedure = R"([policy]
id = "riverside"
version = "2026-01-01"
title = "Complaints procedure"
organisation = "Riverside Nursery"

[calendar]
time_zone = "Europe/London"
bank_holidays = "england-and-wales"

[intake]
severities = ["minor", "serious"]

[[stage]]
id = "informal"
title = "Informal resolution"
handler = "Room leader"
entry = ["receipt"]

  [[stage.milestone]]
  id = "acknowledge"
  within = "48 hours"
  from = "receipt"
  met_by = "acknowledged"

  [[stage.milestone]]
  id = "resolve"
  within = "5 working days"
  from = "receipt"
  met_by = "resolved"

  [[stage.milestone]]
  id = "ask-for-review"
  within = "10 working days"
  from = "outcome"
  met_by = "escalated"
  party = "complainant"

[[stage]]
id = "formal"
title = "Formal complaint"
handler = "Manager"
entry = ["escalation"]
start_if_severity = ["serious"]

  [[stage.milestone]]
  id = "acknowledge"
  within = "2 working days"
  met_by = "acknowledged"

  [[stage.milestone]]
  id = "resolve"
  within = "20 working days"
  met_by = "resolved"
  max_extension = "10 working days"
  extension_needs_reason = true

  [[stage.milestone]]
  id = "update"
  every = "5 working days"
  met_by = "update"

  [[stage.milestone]]
  id = "regulator"
  within = "6 months"
  from = "outcome"
  met_by = "referred"
  party = "complainant"
)";

const Policy& riverside() {
    static const Policy policy = parse_policy(procedure, "riverside.toml").value();
    return policy;
}

const WorkingCalendar& calendar() {
    static const WorkingCalendar cal = WorkingCalendar::make(riverside().calendar).value();
    return cal;
}

/// A complaint received at `received` (London time) with `severity`.
Complaint complaint(const char* received, const char* severity = "minor") {
    Complaint c;
    c.id = "2026-0001";
    c.policy = "riverside";
    c.policy_version = "2026-01-01";
    c.received = at(received);
    c.severity = severity;
    c.path = "complaints/2026-0001.toml";
    return c;
}

/// Records an event of `type` at `when`; its line in the file is its position plus 20.
Event& record(Complaint& c, const char* type, const char* when) {
    Event event;
    event.type = type;
    event.at = at(when);
    event.line = static_cast<int>(c.events.size()) + 20;
    event.column = 3;
    c.events.push_back(event);
    return c.events.back();
}

/// `c` with its events in time order, as the file reader gives them.
Complaint in_order(Complaint c) {
    std::stable_sort(c.events.begin(), c.events.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return c;
}

ComplaintState state_of(const Complaint& c, const char* as_of) {
    auto state = derive_state(in_order(c), riverside(), calendar(), at(as_of));
    REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
    return state.value();
}

/// The one event the fold set aside as out of order, located: the complaint still reads.
std::string anomaly_of(const Complaint& c, const char* as_of) {
    auto state = derive_state(in_order(c), riverside(), calendar(), at(as_of));
    REQUIRE(state.ok());
    REQUIRE(state.value().anomalies.size() == 1);
    return state.value().anomalies[0].to_string();
}

/// The deadlines of `milestone` in `stage`, in order.
std::vector<Deadline> deadlines(const ComplaintState& state, const char* stage,
                                const char* milestone) {
    std::vector<Deadline> out;
    for (const Deadline& d : state.deadlines)
        if (d.stage == stage && d.milestone->id == milestone) out.push_back(d);
    return out;
}

/// The only (or last) deadline of `milestone` in `stage`.
Deadline deadline(const ComplaintState& state, const char* stage, const char* milestone) {
    auto found = deadlines(state, stage, milestone);
    REQUIRE_MESSAGE(!found.empty(), "no deadline " << stage << "/" << milestone);
    return found.back();
}

std::string due(const Deadline& d) {
    return d.due.is_day ? format_day(d.due.day) : format_moment(d.due.moment, calendar().zone());
}

std::vector<std::string> ids(const ComplaintState& state) {
    std::vector<std::string> out;
    for (const Deadline& d : state.deadlines)
        out.push_back(d.stage + "/" + d.milestone->id);
    return out;
}

} // namespace

TEST_SUITE_BEGIN("core::lifecycle");

// June 2026 has no bank holidays in England; 1 June is a Monday. Times are London (BST).

TEST_CASE("a complaint starts in the stage its severity names, else the first stage") {
    auto minor = state_of(complaint("2026-06-01T09:00"), "2026-06-01T10:00");
    CHECK(minor.stage == "informal");
    CHECK(minor.status == ComplaintStatus::open);
    CHECK(minor.handler == "Room leader");
    // The review window counts from an outcome there is not yet, so it is not listed.
    CHECK(ids(minor) == std::vector<std::string>{"informal/acknowledge", "informal/resolve"});
    CHECK(due(deadline(minor, "informal", "acknowledge")) == "2026-06-03T09:00:00+01:00");
    CHECK(due(deadline(minor, "informal", "resolve")) == "2026-06-08");

    auto serious = state_of(complaint("2026-06-01T09:00", "serious"), "2026-06-01T10:00");
    CHECK(serious.stage == "formal");
    CHECK(serious.handler == "Manager");
    CHECK(ids(serious) ==
          std::vector<std::string>{"formal/acknowledge", "formal/resolve", "formal/update"});
    CHECK(due(deadline(serious, "formal", "resolve")) == "2026-06-29");
}

TEST_CASE("escalation moves the complaint on and the new stage counts from the escalation") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "acknowledged", "2026-06-01T15:00");
    record(c, "escalated", "2026-06-04T14:00");
    auto state = state_of(c, "2026-06-05T10:00");
    CHECK(state.stage == "formal");
    CHECK(state.stage_title == "Formal complaint");
    CHECK(deadline(state, "informal", "acknowledge").state == DeadlineState::met);
    // Left before its 8 June deadline: no longer needed, and never overdue.
    CHECK(deadline(state, "informal", "resolve").state == DeadlineState::superseded);
    auto acknowledge = deadline(state, "formal", "acknowledge");
    CHECK(acknowledge.anchor_at == at("2026-06-04T14:00"));
    CHECK(due(acknowledge) == "2026-06-08");
    CHECK(acknowledge.state == DeadlineState::due_soon);
    CHECK(due(deadline(state, "formal", "resolve")) == "2026-07-02");
    CHECK(next_staff_deadline(state)->milestone->id == "acknowledge");
    CHECK(next_staff_deadline(state)->stage == "formal");
}

TEST_CASE("resolving meets the resolve deadline and ends the stage's other staff deadlines") {
    Complaint c = complaint("2026-06-01T09:00", "serious");
    record(c, "resolved", "2026-06-05T16:00");
    auto state = state_of(c, "2026-06-10T09:00");
    CHECK(state.status == ComplaintStatus::resolved);
    auto resolve = deadline(state, "formal", "resolve");
    CHECK(resolve.state == DeadlineState::met);
    CHECK_FALSE(resolve.late);
    CHECK(resolve.met_at == at("2026-06-05T16:00"));
    // Acknowledgement was due by 3 June and never sent: missed, not overdue.
    CHECK(deadline(state, "formal", "acknowledge").state == DeadlineState::missed);
    // The first update was due by 8 June, after the outcome: no longer needed.
    CHECK(deadline(state, "formal", "update").state == DeadlineState::superseded);
    CHECK(next_staff_deadline(state) == nullptr);
    CHECK(deadline(state, "formal", "regulator").state == DeadlineState::open);
}

TEST_CASE("a complainant's window is open, then lapses; it is never overdue") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "resolved", "2026-06-03T12:00");
    auto inside = state_of(c, "2026-06-17T12:00");
    auto window = deadline(inside, "informal", "ask-for-review");
    CHECK(window.party == Party::complainant);
    CHECK(due(window) == "2026-06-17");
    CHECK(window.state == DeadlineState::open);
    CHECK(next_staff_deadline(inside) == nullptr);
    auto after = state_of(c, "2026-06-18T09:00");
    CHECK(deadline(after, "informal", "ask-for-review").state == DeadlineState::lapsed);

    SUBCASE("asking for the review in time meets it") {
        record(c, "escalated", "2026-06-10T11:00");
        auto asked = state_of(c, "2026-06-30T09:00");
        CHECK(deadline(asked, "informal", "ask-for-review").state == DeadlineState::met);
        CHECK(asked.stage == "formal");
    }
    SUBCASE("a request made on the last day and recorded later is in time") {
        auto& escalation = record(c, "escalated", "2026-06-19T10:00");
        escalation.requested = at("2026-06-17T16:00");
        auto asked = state_of(c, "2026-06-30T09:00");
        auto met = deadline(asked, "informal", "ask-for-review");
        CHECK(met.state == DeadlineState::met);
        REQUIRE(met.met_at.has_value());
        CHECK(*met.met_at == at("2026-06-17T16:00"));
        CHECK_FALSE(met.late);
    }
}

TEST_CASE("a reopened complaint counts again from the reopening; its acknowledgement stands") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "acknowledged", "2026-06-01T15:00");
    record(c, "resolved", "2026-06-03T12:00");
    record(c, "closed", "2026-06-04T09:00");
    record(c, "reopened", "2026-06-15T10:00");
    auto state = state_of(c, "2026-06-16T10:00");
    CHECK(state.stage == "informal");
    CHECK(state.status == ComplaintStatus::open);
    auto resolves = deadlines(state, "informal", "resolve");
    REQUIRE(resolves.size() == 2);
    CHECK(resolves[0].state == DeadlineState::met);
    CHECK(resolves[1].anchor_at == at("2026-06-15T10:00"));
    CHECK(due(resolves[1]) == "2026-06-22");
    CHECK(resolves[1].state == DeadlineState::open);
    auto acknowledges = deadlines(state, "informal", "acknowledge");
    REQUIRE(acknowledges.size() == 2);
    CHECK(acknowledges[1].state == DeadlineState::met);
    CHECK(acknowledges[1].met_at == at("2026-06-01T15:00"));

    SUBCASE("reopening an open complaint is set aside: the visit does not restart") {
        record(c, "reopened", "2026-06-16T09:00");
        CHECK(anomaly_of(c, "2026-06-17T09:00") ==
              "complaints/2026-0001.toml:24:3: 'reopened' but the complaint is already open");
        CHECK(deadlines(state_of(c, "2026-06-17T09:00"), "informal", "resolve").size() == 2);
    }
}

TEST_CASE("a pause pushes hour and working-day deadlines out by the time paused") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "paused", "2026-06-01T12:00").by = "dawn";
    record(c, "resumed", "2026-06-02T12:00");
    auto state = state_of(c, "2026-06-02T13:00");
    CHECK_FALSE(state.paused);
    auto acknowledge = deadline(state, "informal", "acknowledge");
    CHECK(due(acknowledge) == "2026-06-04T09:00:00+01:00");
    REQUIRE(acknowledge.adjustments.size() == 1);
    CHECK(acknowledge.adjustments[0].what ==
          "paused from 2026-06-01T12:00:00+01:00 to 2026-06-02T12:00:00+01:00: 24 hours added");
    auto resolve = deadline(state, "informal", "resolve");
    CHECK(due(resolve) == "2026-06-09");
    REQUIRE(resolve.adjustments.size() == 1);
    CHECK(resolve.adjustments[0].what.find(": 1 working day added") != std::string::npos);

    SUBCASE("a pause not yet resumed says so, and counts up to the as-of moment") {
        c.events.pop_back();
        auto paused = state_of(c, "2026-06-03T12:00");
        CHECK(paused.paused);
        auto still = deadline(paused, "informal", "acknowledge");
        CHECK(due(still) == "2026-06-05T09:00:00+01:00");
        CHECK(still.state == DeadlineState::due_soon); // not overdue: the clock stands still
        REQUIRE(still.adjustments.size() == 1);
        CHECK(still.adjustments[0].what ==
              "paused from 2026-06-01T12:00:00+01:00, still paused: 48 hours added so far");
    }
}

TEST_CASE("a pause with no working day in it is listed and moves nothing") {
    // Paused Saturday 6 June 10:00 to Sunday 7 June 18:00: the weekend only.
    Complaint c = complaint("2026-06-04T09:00");
    record(c, "paused", "2026-06-06T10:00");
    record(c, "resumed", "2026-06-07T18:00");
    auto resolve = deadline(state_of(c, "2026-06-08T09:00"), "informal", "resolve");
    CHECK(due(resolve) == "2026-06-11");
    REQUIRE(resolve.adjustments.size() == 1);
    CHECK(resolve.adjustments[0].what ==
          "paused from 2026-06-06T10:00:00+01:00 to 2026-06-07T18:00:00+01:00: 0 working days "
          "added");
}

TEST_CASE("an extension moves the deadline to a date or by a period, up to the cap") {
    Complaint c = complaint("2026-06-01T09:00", "serious");
    Event& more = record(c, "extended", "2026-06-20T10:00");
    more.milestone = "resolve";
    more.reason = "waiting for witness statements";
    more.by = "sam";

    SUBCASE("by a period") {
        more.extend_by = Period{5, Unit::working_days};
        auto resolve = deadline(state_of(c, "2026-06-22T09:00"), "formal", "resolve");
        CHECK(format_day(resolve.base_due.day) == "2026-06-29");
        CHECK(due(resolve) == "2026-07-06");
        REQUIRE(resolve.adjustments.size() == 1);
        CHECK(resolve.adjustments[0].what ==
              "extended by 5 working days (waiting for witness statements) by sam");
    }
    SUBCASE("to a date, within the cap") {
        more.until = parse_day("2026-07-13").value();
        CHECK(due(deadline(state_of(c, "2026-06-22T09:00"), "formal", "resolve")) == "2026-07-13");
    }
    SUBCASE("beyond the cap of 10 working days (13 July) is set aside: the due day stays") {
        more.until = parse_day("2026-07-14").value();
        CHECK(due(deadline(state_of(c, "2026-06-22T09:00"), "formal", "resolve")) == "2026-06-29");
        CHECK(anomaly_of(c, "2026-06-22T09:00") ==
              "complaints/2026-0001.toml:20:3: extension beyond the policy's cap of 10 working "
              "days for 'resolve' (max_extension in policy riverside)");
    }
    SUBCASE("without a reason, where the procedure needs one, is set aside") {
        more.extend_by = Period{5, Unit::working_days};
        more.reason = " ";
        CHECK(anomaly_of(c, "2026-06-22T09:00") ==
              "complaints/2026-0001.toml:20:3: an extension of 'resolve' needs a reason: add "
              "--reason (extension_needs_reason in policy riverside)");
    }
    SUBCASE("without a reason, where the procedure does not ask for one, is accepted") {
        more.milestone = "acknowledge";
        more.at = at("2026-06-02T10:00");
        more.reason.clear();
        more.extend_by = Period{1, Unit::working_days};
        CHECK(due(deadline(state_of(c, "2026-06-22T09:00"), "formal", "acknowledge")) ==
              "2026-06-04");
    }
}

TEST_CASE("an 'every' milestone comes round again, counted from each time it is met") {
    Complaint c = complaint("2026-06-01T09:00", "serious");
    record(c, "acknowledged", "2026-06-01T15:00");
    record(c, "update", "2026-06-05T10:00"); // first, due by 8 June
    record(c, "update", "2026-06-11T16:00"); // second, due by 12 June
    record(c, "update", "2026-06-17T11:00"); // third, due by 18 June
    auto state = state_of(c, "2026-06-25T10:00");
    auto updates = deadlines(state, "formal", "update");
    REQUIRE(updates.size() == 4);
    const std::vector<std::string> dues{"2026-06-08", "2026-06-12", "2026-06-18", "2026-06-24"};
    const std::vector<const char*> counted_from{"2026-06-01T09:00", "2026-06-05T10:00",
                                                "2026-06-11T16:00", "2026-06-17T11:00"};
    for (int i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(updates[i].occurrence == i);
        CHECK(updates[i].anchor_at == at(counted_from[i]));
        CHECK(due(updates[i]) == dues[i]);
    }
    for (int i = 0; i < 3; ++i) {
        CHECK(updates[i].state == DeadlineState::met);
        CHECK_FALSE(updates[i].late);
    }
    CHECK(updates[1].met_at == at("2026-06-11T16:00"));
    CHECK(updates[3].state == DeadlineState::overdue);
    CHECK(next_staff_deadline(state)->occurrence == 3);
    CHECK(deadline(state_of(c, "2026-06-19T10:00"), "formal", "update").state ==
          DeadlineState::open);

    SUBCASE("an extension moves only the one that was running") {
        Event& more = record(c, "extended", "2026-06-12T09:00");
        more.milestone = "update";
        more.extend_by = Period{2, Unit::working_days};
        auto extended = deadlines(state_of(c, "2026-06-25T10:00"), "formal", "update");
        REQUIRE(extended.size() == 4);
        CHECK(due(extended[1]) == "2026-06-12");
        CHECK(due(extended[2]) == "2026-06-22");
        REQUIRE(extended[2].adjustments.size() == 1);
        CHECK(due(extended[3]) == "2026-06-24");
    }
    SUBCASE("the outcome ends the round: the one running is no longer needed") {
        record(c, "update", "2026-06-22T10:00");
        record(c, "resolved", "2026-06-23T15:00");
        auto ended = deadlines(state_of(c, "2026-07-30T10:00"), "formal", "update");
        REQUIRE(ended.size() == 5);
        CHECK(ended[3].state == DeadlineState::met);
        CHECK(ended[4].state == DeadlineState::superseded);
    }
    SUBCASE("an update at the outcome starts no new one") {
        record(c, "update", "2026-06-23T15:00");
        record(c, "resolved", "2026-06-23T15:00");
        CHECK(deadlines(state_of(c, "2026-07-30T10:00"), "formal", "update").size() == 4);
    }
}

TEST_CASE("after closing, only notes, updates, assignments, referrals, escalation and reopening") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "resolved", "2026-06-03T12:00");
    record(c, "closed", "2026-06-04T09:00");
    record(c, "note", "2026-06-05T09:00").text = "complainant phoned to say thanks";
    auto closed = state_of(c, "2026-06-10T09:00");
    CHECK(closed.status == ComplaintStatus::closed);
    CHECK(next_staff_deadline(closed) == nullptr);

    record(c, "acknowledged", "2026-06-06T09:00");
    CHECK(anomaly_of(c, "2026-06-10T09:00") ==
          "complaints/2026-0001.toml:23:3: 'acknowledged' after the complaint was closed: "
          "reopen it first");
    CHECK(state_of(c, "2026-06-10T09:00").status == ComplaintStatus::closed);
    c.events.back().type = "reopened";
    CHECK(state_of(c, "2026-06-10T09:00").status == ComplaintStatus::open);
}

TEST_CASE("a withdrawn complaint cannot be escalated: the escalation is set aside") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "withdrawn", "2026-06-02T09:00");
    record(c, "escalated", "2026-06-03T09:00");
    CHECK(anomaly_of(c, "2026-06-10T09:00") ==
          "complaints/2026-0001.toml:21:3: 'escalated' after the complaint was withdrawn: "
          "reopen it first");
    auto state = state_of(c, "2026-06-10T09:00");
    CHECK(state.status == ComplaintStatus::withdrawn);
    CHECK(state.stage == "informal");
}

TEST_CASE("the fold is total: whatever a merge leaves, the complaint reads, first event counts") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "resolved", "2026-06-03T12:00").outcome = "apology";
    record(c, "withdrawn", "2026-06-03T13:00");
    record(c, "resolved", "2026-06-03T14:00").outcome = "refund";
    record(c, "paused", "2026-06-04T09:00");
    auto state = state_of(c, "2026-06-10T09:00");
    CHECK(state.status == ComplaintStatus::withdrawn);
    REQUIRE(state.anomalies.size() == 2);
    CHECK(state.anomalies[0].message ==
          "'resolved' after the complaint was withdrawn: reopen it first");
    CHECK(state.anomalies[1].message ==
          "'paused' after the complaint was withdrawn: reopen it first");
    SUBCASE("a second resolution counts once: the first one's moment stands") {
        c.events.erase(c.events.begin() + 1);
        auto twice = state_of(c, "2026-06-10T09:00");
        CHECK(twice.status == ComplaintStatus::resolved);
        CHECK(twice.anomalies.front().message ==
              "'resolved' but the complaint is already resolved: reopen or escalate it first");
        CHECK(deadline(twice, "informal", "resolve").met_at == at("2026-06-03T12:00"));
    }
    SUBCASE("a change that adds an anomaly is found, one already there is not") {
        Complaint earlier = c;
        earlier.events.pop_back();
        auto added = new_anomalies(state_of(earlier, "2026-06-10T09:00"), state);
        REQUIRE(added.size() == 1);
        CHECK(added[0].message == "'paused' after the complaint was withdrawn: reopen it first");
        CHECK(new_anomalies(state, state).empty());
    }
}

TEST_CASE("a milestone counted from a recorded event: the decision within 5 working days of "
          "the panel meeting") {
    std::string text = procedure;
    text += R"(
  [[stage.milestone]]
  id = "decision"
  within = "5 working days"
  from = "meeting"
  met_by = "update"
)";
    auto panel = parse_policy(text, "riverside.toml");
    REQUIRE_MESSAGE(panel.ok(), (panel.ok() ? "" : panel.error().to_string()));
    const Milestone& decision = panel->stages.back().milestones.back();
    CHECK(decision.from == Anchor::event);
    CHECK(anchor_name(decision) == "meeting");
    Complaint c = complaint("2026-06-01T09:00", "serious");
    auto derive = [&](const char* as_of) {
        auto state = derive_state(in_order(c), *panel, calendar(), at(as_of));
        REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
        return state.value();
    };
    // An update before the meeting does not meet what is counted from the meeting.
    record(c, "update", "2026-06-05T12:00");
    auto before = derive("2026-06-08T09:00");
    CHECK(deadlines(before, "formal", "decision").empty()); // no meeting yet, nothing due
    record(c, "meeting", "2026-06-10T14:00");
    auto met_before = deadline(derive("2026-06-11T09:00"), "formal", "decision");
    CHECK(due(met_before) == "2026-06-17");
    CHECK(met_before.state != DeadlineState::met);
    // The panel reconvenes: the decision counts from the latest meeting.
    record(c, "meeting", "2026-06-15T10:00");
    auto after = derive("2026-06-16T09:00");
    CHECK(due(deadline(after, "formal", "decision")) == "2026-06-22");
    record(c, "update", "2026-06-19T12:00");
    CHECK(deadline(derive("2026-06-30T09:00"), "formal", "decision").state == DeadlineState::met);
}

TEST_CASE("a staff milestone met by escalating counts when staff escalated, not when asked") {
    // Only the complainant's own window is met when they asked (--requested).
    std::string text = procedure;
    const std::string informal_end = "  met_by = \"resolved\"\n";
    text.insert(text.find(informal_end) + informal_end.size(),
                "\n  [[stage.milestone]]\n  id = \"pass-on\"\n  within = \"1 working day\"\n"
                "  from = \"receipt\"\n  met_by = \"escalated\"\n");
    auto policy = parse_policy(text, "riverside.toml");
    REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    Complaint c = complaint("2026-06-01T09:00");
    auto& escalation = record(c, "escalated", "2026-06-04T10:00");
    escalation.requested = at("2026-06-02T10:00");
    auto state = derive_state(in_order(c), *policy, calendar(), at("2026-06-05T09:00"));
    REQUIRE(state.ok());
    auto pass_on = deadline(*state, "informal", "pass-on");
    REQUIRE(pass_on.met_at.has_value());
    CHECK(*pass_on.met_at == at("2026-06-04T10:00"));
    CHECK(pass_on.late);
}

namespace {

/// Riverside's procedure with the formal resolution's hard cap replaced by `rules`.
Policy riverside_with(const std::string& rules) {
    std::string text = procedure;
    const std::string cap = "  max_extension = \"10 working days\"\n";
    text.replace(text.find(cap), cap.size(), rules);
    return parse_policy(text, "riverside.toml").value();
}

Result<ComplaintState> state_under(const Policy& policy, const Complaint& c, const char* as_of) {
    return derive_state(in_order(c), policy, calendar(), at(as_of));
}

} // namespace

TEST_CASE("no more than 10 working days without good reason: beyond it, the reason is recorded") {
    const Policy policy = riverside_with("  extension_without_reason = \"10 working days\"\n");
    // Received Monday 1 June 2026, formal: resolve within 20 working days -> Monday 29 June.
    Complaint c = complaint("2026-06-01T09:00", "serious");
    Event& more = record(c, "extended", "2026-06-20T10:00");
    more.milestone = "resolve";
    more.reason = "contractor survey booked";
    more.extend_by = Period{15, Unit::working_days};

    SUBCASE("15 working days without a good reason are set aside, naming the rule") {
        auto state = state_under(policy, c, "2026-06-22T09:00");
        REQUIRE(state.ok());
        REQUIRE(state->anomalies.size() == 1);
        CHECK(state->anomalies[0].to_string() ==
              "complaints/2026-0001.toml:20:3: an extension of 'resolve' beyond 10 working days "
              "needs a good reason: pass --good-reason (extension_without_reason in policy "
              "riverside)");
        CHECK(due(deadline(*state, "formal", "resolve")) == "2026-06-29"); // not moved
    }
    SUBCASE("with a good reason they move it to Monday 20 July, and say why") {
        more.good_reason = "the surveyor is booked until July";
        auto state = state_under(policy, c, "2026-06-22T09:00");
        REQUIRE(state.ok());
        auto resolve = deadline(*state, "formal", "resolve");
        CHECK(due(resolve) == "2026-07-20");
        REQUIRE(resolve.adjustments.size() == 1);
        CHECK(resolve.adjustments[0].what ==
              "extended by 15 working days (contractor survey booked); beyond 10 working days "
              "for good reason: the surveyor is booked until July");
    }
    SUBCASE("10 working days need no good reason") {
        more.extend_by = Period{10, Unit::working_days};
        auto state = state_under(policy, c, "2026-06-22T09:00");
        REQUIRE(state.ok());
        CHECK(due(deadline(*state, "formal", "resolve")) == "2026-07-13");
    }
}

TEST_CASE("an extension recorded after the deadline: refused, recorded, or allowed") {
    // Resolve due Monday 29 June 2026; extended by 5 working days on Tuesday 30 June.
    Complaint c = complaint("2026-06-01T09:00", "serious");
    Event& late = record(c, "extended", "2026-06-30T10:00");
    late.milestone = "resolve";
    late.reason = "waiting for witness statements";
    late.extend_by = Period{5, Unit::working_days};

    SUBCASE("refused where the procedure says extensions are agreed before the deadline") {
        const Policy refusing = riverside_with("  late_extension = \"refused\"\n");
        auto state = state_under(refusing, c, "2026-07-01T09:00"); // points into `refusing`
        REQUIRE(state.ok());
        CHECK(deadline(*state, "formal", "resolve").state == DeadlineState::overdue);
        REQUIRE(state->anomalies.size() == 1);
        CHECK(state->anomalies[0].to_string() ==
              "complaints/2026-0001.toml:20:3: an extension of 'resolve' recorded after it was "
              "due on 2026-06-29: policy riverside requires extensions to be agreed before the "
              "deadline (late_extension = \"refused\")");
    }
    SUBCASE("by default recorded, and the missed deadline stays overdue") {
        auto resolve = deadline(state_of(c, "2026-07-01T09:00"), "formal", "resolve");
        CHECK(due(resolve) == "2026-06-29");
        CHECK(resolve.state == DeadlineState::overdue);
        REQUIRE(resolve.adjustments.size() == 1);
        CHECK(resolve.adjustments[0].what ==
              "extended by 5 working days (waiting for witness statements), recorded after it "
              "was due on 2026-06-29: the missed deadline stays");
    }
    SUBCASE("allowed: the deadline moves to Monday 6 July and is open again") {
        const Policy allowing = riverside_with("  late_extension = \"allowed\"\n");
        auto state = state_under(allowing, c, "2026-07-01T09:00");
        REQUIRE(state.ok());
        auto resolve = deadline(*state, "formal", "resolve");
        CHECK(due(resolve) == "2026-07-06");
        CHECK(resolve.state == DeadlineState::open);
    }
    SUBCASE("an extension recorded before the deadline is in time, whatever the rule") {
        late.at = at("2026-06-29T16:00");
        const Policy refusing = riverside_with("  late_extension = \"refused\"\n");
        auto state = state_under(refusing, c, "2026-07-01T09:00");
        REQUIRE(state.ok());
        CHECK(due(deadline(*state, "formal", "resolve")) == "2026-07-06");
    }
}

namespace {

/// A code with one stage: a final response or a delay response within 8 weeks; 2 months from
/// the outcome, or 6 months from when the matter became known if later, to go further; and 12
/// months from when the matter happened to complain.
const char* const code = R"([policy]
id = "code"
version = "1"

[calendar]
time_zone = "Europe/London"
bank_holidays = "england-and-wales"

[intake]
time_limit = "12 months"

[[stage]]
id = "complaint"

  [[stage.milestone]]
  id = "final-response"
  within = "8 weeks"
  from = "receipt"
  met_by = ["resolved", "delay-response"]

  [[stage.milestone]]
  id = "go-further"
  within = "2 months"
  from = "outcome"
  met_by = "referred"
  party = "complainant"
  whichever_later = { within = "6 months", from = "known" }

  [[stage.milestone]]
  id = "ombudsman"
  within = "12 months"
  from = "occurred"
  met_by = "referred"
  party = "complainant"
)";

Result<ComplaintState> state_under_code(const Complaint& c, const char* as_of) {
    static const Policy policy = parse_policy(code, "code.toml").value();
    return state_under(policy, c, as_of);
}

} // namespace

TEST_CASE("a milestone met by any of its events: a final response or a delay response") {
    // Received Monday 2 March 2026: 8 weeks -> Monday 27 April.
    Complaint c = complaint("2026-03-02T14:00");
    SUBCASE("a written delay response meets it") {
        record(c, "delay-response", "2026-04-24T10:00");
        auto state = state_under_code(c, "2026-05-01T09:00");
        REQUIRE(state.ok());
        auto final_response = deadline(*state, "complaint", "final-response");
        CHECK(final_response.state == DeadlineState::met);
        CHECK_FALSE(final_response.late);
        CHECK(*final_response.met_at == at("2026-04-24T10:00"));
    }
    SUBCASE("so does the final response") {
        record(c, "resolved", "2026-04-28T10:00");
        auto state = state_under_code(c, "2026-05-01T09:00");
        REQUIRE(state.ok());
        auto final_response = deadline(*state, "complaint", "final-response");
        CHECK(final_response.state == DeadlineState::met);
        CHECK(final_response.late);
    }
    SUBCASE("a note does not") {
        record(c, "note", "2026-04-24T10:00");
        auto state = state_under_code(c, "2026-04-28T09:00");
        REQUIRE(state.ok());
        CHECK(deadline(*state, "complaint", "final-response").state == DeadlineState::overdue);
    }
}

TEST_CASE("time limits count from when the matter happened or became known") {
    Complaint c = complaint("2026-03-02T14:00");
    SUBCASE("no date recorded: no window from it, and no warning") {
        auto state = state_under_code(c, "2026-03-03T09:00");
        REQUIRE(state.ok());
        CHECK(deadlines(*state, "complaint", "ombudsman").empty());
        static const Policy policy = parse_policy(code, "code.toml").value();
        CHECK_FALSE(time_limit_warning(c, policy, calendar()));
    }
    SUBCASE("12 months from the last day of the range the matter happened in") {
        c.occurred_on = parse_day("2025-06-01").value();
        c.occurred_until = parse_day("2025-06-30").value();
        auto state = state_under_code(c, "2026-03-03T09:00");
        REQUIRE(state.ok());
        CHECK(due(deadline(*state, "complaint", "ombudsman")) == "2026-06-30");
        CHECK(matter_day(c, Anchor::known) == parse_day("2025-06-30").value());
    }
    SUBCASE("received more than 12 months after it became known: a warning, never a refusal") {
        c.occurred_on = parse_day("2024-01-10").value();
        c.known_on = parse_day("2025-02-27").value();
        static const Policy policy = parse_policy(code, "code.toml").value();
        auto warning = time_limit_warning(c, policy, calendar());
        REQUIRE(warning);
        CHECK(*warning == "received 2026-03-02, after policy code's time limit of 12 months from "
                          "when the matter became known (2025-02-27), which ended 2026-02-27: "
                          "recorded all the same; decide whether to consider it");
        c.known_on = parse_day("2025-03-02").value();
        CHECK_FALSE(time_limit_warning(c, policy, calendar()));
    }
}

TEST_CASE("a time limit from the event, or from becoming aware if later (DISP 2.8.2R's shape)") {
    static const Policy policy = parse_policy(R"([policy]
id = "code"
version = "1"

[calendar]
time_zone = "Europe/London"
bank_holidays = "england-and-wales"

[intake]
time_limit = { within = "6 years", from = "occurred", whichever_later = { within = "3 years", from = "known" } }

[[stage]]
id = "complaint"
)",
                                              "code.toml")
                                     .value();
    Complaint c = complaint("2026-03-02T14:00");
    c.occurred_on = parse_day("2019-06-10").value();
    SUBCASE("more than 6 years after the event, aware from the start: late") {
        c.occurred_on = parse_day("2020-01-15").value();
        auto warning = time_limit_warning(c, policy, calendar());
        REQUIRE(warning);
        CHECK(*warning == "received 2026-03-02, after policy code's time limit of 72 months from "
                          "when the matter happened (2020-01-15), which ended 2026-01-15: "
                          "recorded all the same; decide whether to consider it");
    }
    SUBCASE("within 3 years of becoming aware: in time although the event is 6 years past") {
        c.occurred_on = parse_day("2019-06-10").value();
        c.known_on = parse_day("2024-02-01").value();
        CHECK_FALSE(time_limit_warning(c, policy, calendar()));
    }
    SUBCASE("aware long ago: the later of the two ends has passed") {
        c.occurred_on = parse_day("2019-06-10").value();
        c.known_on = parse_day("2022-09-05").value();
        auto warning = time_limit_warning(c, policy, calendar());
        REQUIRE(warning);
        CHECK(*warning == "received 2026-03-02, after policy code's time limit of 72 months from "
                          "when the matter happened (2019-06-10), or 36 months from when the "
                          "matter became known (2022-09-05) if later, which ended 2025-09-05: "
                          "recorded all the same; decide whether to consider it");
    }
    SUBCASE("within 6 years of the event: in time whenever it became known") {
        c.occurred_on = parse_day("2020-04-01").value();
        CHECK_FALSE(time_limit_warning(c, policy, calendar()));
    }
}

TEST_CASE("whichever is later: 2 months of the outcome or 6 months of the event") {
    Complaint c = complaint("2026-03-02T14:00");
    record(c, "resolved", "2026-03-20T10:00");
    SUBCASE("without an event date, the 2 months alone: 20 May") {
        auto state = state_under_code(c, "2026-03-21T09:00");
        REQUIRE(state.ok());
        auto further = deadline(*state, "complaint", "go-further");
        CHECK(due(further) == "2026-05-20");
        CHECK(further.adjustments.empty());
    }
    SUBCASE("an event known on 1 February: 6 months to 1 August is later, and says so") {
        c.known_on = parse_day("2026-02-01").value();
        auto state = state_under_code(c, "2026-03-21T09:00");
        REQUIRE(state.ok());
        auto further = deadline(*state, "complaint", "go-further");
        CHECK(due(further) == "2026-08-01");
        CHECK(format_day(further.base_due.day) == "2026-05-20");
        REQUIRE(further.adjustments.size() == 1);
        CHECK(further.adjustments[0].what ==
              "6 months from known (2026-02-01) ends later, so that applies");
    }
    SUBCASE("an event known on 1 October 2025: 6 months end 1 April, the 2 months are later") {
        c.known_on = parse_day("2025-10-01").value();
        auto state = state_under_code(c, "2026-03-21T09:00");
        REQUIRE(state.ok());
        CHECK(due(deadline(*state, "complaint", "go-further")) == "2026-05-20");
    }
}

TEST_CASE("status and deadline state names round-trip") {
    check_names(status_names, {ComplaintStatus::open, ComplaintStatus::resolved,
                               ComplaintStatus::closed, ComplaintStatus::withdrawn});
    check_names(state_names, {DeadlineState::met, DeadlineState::open, DeadlineState::due_soon,
                              DeadlineState::overdue, DeadlineState::lapsed, DeadlineState::missed,
                              DeadlineState::superseded});
    CHECK(status_name(ComplaintStatus::withdrawn) == "withdrawn");
    CHECK(state_name(DeadlineState::due_soon) == "due-soon");
    for (const auto& [status, name] : status_names)
        CHECK(status_name(status) == name);
    for (const auto& [state, name] : state_names)
        CHECK(state_name(state) == name);
}

TEST_CASE("'from' must be an anchor or an event type") {
    std::string text = procedure;
    text += "\n  [[stage.milestone]]\n  id = \"x\"\n  within = \"1 day\"\n  from = \"meetng\"\n"
            "  met_by = \"update\"\n";
    auto bad = parse_policy(text, "p.toml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "unknown anchor 'meetng'; did you mean 'meeting'?");
}

TEST_SUITE_END();
