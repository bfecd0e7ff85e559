// Running the procedure: whose hands a complaint is in at each stage, what is missing, what
// staff and the complainant do next. A small playgroup's procedure, written as its text says.
#include "complaints/procedure.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::support;

namespace {

/// Stage 1 "local": minor complaints with the session leader, serious ones with the manager,
/// resolved within 5 days; no time limit for the trustees' review (stage 2, on request), so
/// staff are reminded after 10 working days with no action; after the trustees' outcome the
/// complainant has one month to go to the regulator.
const char* const procedure = R"([policy]
id = "acorns"
version = "2026-01-01"
organisation = "Acorns Playgroup"

[intake]
channels = ["phone", "email", "writing"]
channel_aliases = { letter = "writing", Telephone = "phone" }
required = ["name", "contact", "details"]
severities = ["minor", "serious"]

[outcome]
remedies = ["apology", "explanation", "refund"]

[[people]]
role = "leader"
title = "Session leader"
name = "Pat Jones"
phone = "01632 960001"

[[people]]
role = "manager"
title = "Manager"
name = "Sam Lee"
email = "sam@acorns.example"

[[people]]
role = "trustees"
title = "Board of Trustees"

[[people]]
role = "regulator"
name = "the Playgroup Regulator"
url = "https://regulator.example/complaints"
external = true

[[stage]]
id = "local"
title = "Local resolution"
handler = "leader"
handler_by_severity = { serious = "manager" }
remedies_when_upheld = ["apology"]

  [[stage.milestone]]
  id = "resolve"
  within = "5 days"
  from = "receipt"
  met_by = "resolved"
  action = "resolve it with the people involved"

[[stage]]
id = "review"
title = "Trustees' review"
handler = "trustees"
entry = ["request"]
idle_after = "10 working days"
action = "review the complaint and send the trustees' outcome"

  [[stage.milestone]]
  id = "regulator"
  within = "1 month"
  from = "outcome"
  met_by = "referred"
  party = "complainant"
  contact = "regulator"
)";

const Policy& acorns() {
    static const Policy policy = parse_policy(procedure, "acorns.toml").value();
    return policy;
}

Complaint complaint(const char* received, const char* severity = "minor") {
    Complaint c;
    c.id = "2a1m0001";
    c.policy = "acorns";
    c.policy_version = "2026-01-01";
    c.received = at(received);
    c.severity = severity;
    c.name = "Jo";
    c.contact = "jo@example.org";
    c.details = "Left alone at the gate";
    c.path = "complaints/2a1m0001.toml";
    return c;
}

Event& record(Complaint& c, const char* type, const char* when) {
    Event event;
    event.type = type;
    event.at = at(when);
    event.line = static_cast<int>(c.events.size()) + 20;
    event.column = 3;
    c.events.push_back(event);
    return c.events.back();
}

ComplaintState state_of(const Complaint& c, const char* as_of) {
    auto state = derive_state(c, acorns(), london_calendar(), at(as_of));
    REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
    return state.value();
}

/// Each next step as "party: text [by DATE] [-> role]".
std::vector<std::string> steps(const ComplaintState& state) {
    std::vector<std::string> out;
    for (const NextStep& step : next_steps(state, acorns())) {
        std::string line = std::string(name_of(party_names, step.party)) + ": " + step.text;
        if (step.by) line += " by " + format_day(step.by->day);
        if (step.contact) line += " -> " + step.contact->role;
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_SUITE_BEGIN("core::procedure");

// June 2026: no bank holidays in England; Monday 1 June. London times (BST).

TEST_CASE("the stage's handler holds the complaint: routed by severity, handed on at each stage") {
    Complaint minor = complaint("2026-06-01T09:00");
    auto state = state_of(minor, "2026-06-01T10:00");
    CHECK(state.handler == "Pat Jones");
    CHECK(state.handler_role == "leader");

    Complaint serious = complaint("2026-06-01T09:00", "serious");
    state = state_of(serious, "2026-06-01T10:00");
    CHECK(state.handler == "Sam Lee");
    CHECK(state.handler_role == "manager");

    // Assigned within the stage, then the review belongs to the trustees, not to whoever had
    // stage 1.
    record(serious, "assigned", "2026-06-02T09:00").handler = "Chris";
    CHECK(state_of(serious, "2026-06-02T10:00").handler == "Chris");
    CHECK(state_of(serious, "2026-06-02T10:00").handler_role == "");
    record(serious, "resolved", "2026-06-03T09:00");
    Event& escalated = record(serious, "escalated", "2026-06-04T09:00");
    escalated.stage = "review";
    escalated.from = "local";
    state = state_of(serious, "2026-06-04T10:00");
    CHECK(state.stage == "review");
    CHECK(state.handler == "Board of Trustees"); // a role without a named person: its title
    CHECK(state.handler_role == "trustees");
}

TEST_CASE("an intake handler holds the first stage only; reopening keeps the stage's handler") {
    Complaint c = complaint("2026-06-01T09:00");
    c.handler = "manager"; // a role, by name
    CHECK(state_of(c, "2026-06-01T10:00").handler == "Sam Lee");
    record(c, "resolved", "2026-06-02T09:00");
    record(c, "reopened", "2026-06-03T09:00").text = "not sorted";
    CHECK(state_of(c, "2026-06-03T10:00").handler == "Sam Lee");
}

TEST_CASE("--handler filters match a role, its title or a name, ignoring case") {
    auto state = state_of(complaint("2026-06-01T09:00"), "2026-06-01T10:00");
    for (const char* filter :
         {"leader", "Session leader", "session LEADER", "pat jones", " Pat Jones "})
        CHECK_MESSAGE(handled_by(state, acorns(), filter), filter);
    for (const char* filter : {"manager", "Pat", "", "Sam Lee"})
        CHECK_MESSAGE(!handled_by(state, acorns(), filter), filter);
}

TEST_CASE("what the complaint should include and lacks is a gap, not a refusal") {
    Complaint c = complaint("2026-06-01T09:00");
    c.contact.clear();
    c.details = "  ";
    CHECK(state_of(c, "2026-06-01T10:00").gaps == std::vector<std::string>{"contact", "details"});
    CHECK(steps(state_of(c, "2026-06-01T10:00")).front() == "staff: no contact details yet");
    c.contact = "01632 960000";
    c.details = "x";
    CHECK(state_of(c, "2026-06-01T10:00").gaps.empty());
}

TEST_CASE("channel aliases: what staff type, in any case, becomes the policy's channel") {
    CHECK(acorns().channel_for("letter") == "writing");
    CHECK(acorns().channel_for("TELEPHONE") == "phone");
    CHECK(acorns().channel_for(" Email ") == "email");
    CHECK(acorns().channel_for("fax") == "fax");
    CHECK(acorns().usual_channel("writing"));
    CHECK_FALSE(acorns().usual_channel("fax"));
}

TEST_CASE("a stage with no time limit reminds staff after its idle_after with no action") {
    Complaint c = complaint("2026-06-01T09:00");
    record(c, "resolved", "2026-06-02T09:00");
    Event& escalated = record(c, "escalated", "2026-06-03T10:00");
    escalated.stage = "review";
    // Entered Wednesday 3 June: 10 working days later is Wednesday 17 June.
    auto state = state_of(c, "2026-06-17T10:00");
    REQUIRE(state.idle);
    CHECK(format_day(state.idle->due.day) == "2026-06-17");
    CHECK(state.idle->state == DeadlineState::due_soon);
    state = state_of(c, "2026-06-18T10:00");
    CHECK(state.idle->state == DeadlineState::overdue);
    CHECK(describe(state.idle->idle_for) == "11 working days");
    // Any event is an action: a note on 15 June starts the count again.
    record(c, "note", "2026-06-15T12:00").text = "asked the trustees for a date";
    state = state_of(c, "2026-06-18T10:00");
    CHECK(state.idle->state == DeadlineState::open);
    CHECK(format_day(state.idle->due.day) == "2026-06-29");
    // Paused or resolved complaints are not idle.
    record(c, "resolved", "2026-06-19T10:00");
    CHECK_FALSE(state_of(c, "2026-07-30T10:00").idle);
}

TEST_CASE("escalation goes forward only; a second record of the same move counts once") {
    Complaint c = complaint("2026-06-01T09:00");
    auto state = state_of(c, "2026-06-01T10:00");
    CHECK(escalation_target(state, acorns(), "").value()->id == "review");
    CHECK(escalation_target(state, acorns(), "local").error().message ==
          "the complaint is already in stage 'local'");
    CHECK(escalation_target(state, acorns(), "appeal").error().message ==
          "--to: policy acorns has no stage 'appeal' (stages: local, review)");
    for (const char* when : {"2026-06-03T10:00", "2026-06-03T11:00"}) {
        Event& escalated = record(c, "escalated", when);
        escalated.stage = "review";
        escalated.from = "local";
    }
    state = state_of(c, "2026-06-03T12:00");
    CHECK(state.stage == "review");
    REQUIRE(state.anomalies.size() == 1);
    CHECK(state.anomalies[0].line == 21);
    CHECK(state.anomalies[0].message ==
          "escalation to 'review', the stage the complaint is already in");
    CHECK(escalation_target(state, acorns(), "local").error().message ==
          "cannot escalate back from 'review' to 'local': stages go forward only (use "
          "'complaints reopen' to look at it again)");
    CHECK(escalation_target(state, acorns(), "").error().message ==
          "cannot escalate: 'review' is the last stage of policy acorns");
}

TEST_CASE("next steps, in the procedure's own terms") {
    Complaint c = complaint("2026-06-01T09:00");
    CHECK(steps(state_of(c, "2026-06-02T10:00")) ==
          std::vector<std::string>{"staff: resolve it with the people involved by 2026-06-06",
                                   "complainant: should hear from us by 2026-06-06"});
    // Overdue: the next stage is entered on request, not by staff, so it is not offered.
    CHECK(steps(state_of(c, "2026-06-08T10:00")).front() ==
          "staff: resolve it with the people involved by 2026-06-06");

    record(c, "resolved", "2026-06-05T15:00");
    CHECK(steps(state_of(c, "2026-06-05T16:00")) ==
          std::vector<std::string>{
              "staff: if the complainant asks for the next stage, Trustees' review, record it "
              "(complaints escalate --requested)",
              // The trustees cannot be reached directly: the first person who can be.
              "complainant: if not satisfied, may ask for the next stage, Trustees' review -> "
              "leader"});

    Event& escalated = record(c, "escalated", "2026-06-08T10:00");
    escalated.stage = "review";
    CHECK(steps(state_of(c, "2026-06-08T11:00")) ==
          std::vector<std::string>{"staff: review the complaint and send the trustees' outcome"});
    record(c, "resolved", "2026-06-30T10:00");
    // One month after the trustees' outcome of 30 June: 30 July.
    CHECK(steps(state_of(c, "2026-06-30T11:00")) ==
          std::vector<std::string>{"complainant: may complain to the Playgroup Regulator by "
                                   "2026-07-30 -> regulator"});
    CHECK(steps(state_of(c, "2026-07-31T11:00")).empty()); // the window has passed
}

TEST_CASE("an overdue deadline offers the next stage when staff may escalate to it") {
    Policy policy = acorns();
    policy.stages[1].entry = {Entry::escalation};
    Complaint c = complaint("2026-06-01T09:00");
    auto state = derive_state(c, policy, london_calendar(), at("2026-06-08T10:00")).value();
    CHECK(next_steps(state, policy).front().text ==
          "resolve it with the people involved, or start the next stage, Trustees' review "
          "(complaints escalate)");
}

TEST_CASE("reach and contact_for name the ways to reach someone") {
    CHECK(reach(*acorns().person("manager")) == "Sam Lee, sam@acorns.example");
    CHECK(contact_for(acorns().stages[0], acorns())->role == "leader");
    CHECK(contact_for(acorns().stages[1], acorns())->role == "leader");
}

TEST_CASE("elapsed counts as deadlines count") {
    const WorkingCalendar& calendar = london_calendar();
    // Friday 29 May 2026 to Tuesday 2 June: Mon 1 and Tue 2 are working days (the Friday is
    // not counted, as the anchor day of a deadline is not).
    CHECK(describe(elapsed(at("2026-05-29T17:00"), at("2026-06-02T09:00"), Unit::working_days,
                           calendar)) == "2 working days");
    CHECK(describe(elapsed(at("2026-05-29T17:00"), at("2026-06-02T09:00"), Unit::days, calendar)) ==
          "4 days");
    CHECK(describe(elapsed(at("2026-05-29T17:00"), at("2026-05-31T17:00"), Unit::hours,
                           calendar)) == "48 hours");
    CHECK(elapsed(at("2026-06-02T09:00"), at("2026-05-29T17:00"), Unit::days, calendar).count == 0);
}

TEST_SUITE_END();
