#include "complaints/letter.hpp"

#include "support.hpp"

#include <set>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A complaint under `policy` received at `received` (London time), by email, from Jo Bloggs.
Complaint complaint_under(const Policy& policy, const char* received, std::string severity) {
    Complaint c;
    c.id = "2a1m0001";
    c.policy = policy.id;
    c.policy_version = policy.version;
    c.received = at(received);
    c.channel = "email";
    c.name = "Jo Bloggs";
    c.contact = "jo@example.org";
    c.summary = "Door left open";
    c.severity = std::move(severity);
    return c;
}

Event event(const char* when, std::string_view type) {
    Event e;
    e.at = at(when);
    e.type = type;
    e.by = "sam";
    return e;
}

Event resolved(const char* when, std::string outcome, std::string finding,
               std::vector<std::string> remedies) {
    Event e = event(when, event_type::resolved);
    e.outcome = std::move(outcome);
    e.finding = std::move(finding);
    e.remedies = std::move(remedies);
    return e;
}

Event escalated(const char* when, std::string to, const char* requested = nullptr) {
    Event e = event(when, event_type::escalated);
    e.stage = std::move(to);
    if (requested) e.requested = at(requested);
    return e;
}

/// The letter of `kind` for `complaint` as of `when`; a test fails when there is none.
LetterFields letter(LetterKind kind, const Complaint& complaint, const Policy& policy,
                    const char* when) {
    const WorkingCalendar calendar = WorkingCalendar::make(policy.calendar).value();
    auto state = derive_state(complaint, policy, calendar, at(when));
    REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
    auto fields = letter_fields(kind, complaint, *state, policy, calendar, at(when));
    REQUIRE_MESSAGE(fields.ok(), (fields.ok() ? "" : fields.error().to_string()));
    return *fields;
}

/// Why the letter of `kind` is refused as of `when`; a test fails when it is not.
Error refused(LetterKind kind, const Complaint& complaint, const Policy& policy, const char* when) {
    const WorkingCalendar calendar = WorkingCalendar::make(policy.calendar).value();
    auto state = derive_state(complaint, policy, calendar, at(when));
    REQUIRE(state.ok());
    auto fields = letter_fields(kind, complaint, *state, policy, calendar, at(when));
    REQUIRE_FALSE(fields.ok());
    return fields.error();
}

/// A Twinkle's complaint taken to the Board, with the Board's outcome on Tuesday 30 June.
Complaint twinkles_after_board(const Policy& policy) {
    Complaint c = complaint_under(policy, "2026-04-02T10:00", "serious");
    c.events = {
        event("2026-04-07T09:00", event_type::acknowledged),
        resolved("2026-05-01T09:00", "We will refund the trip.", "partly-upheld",
                 {"apology-or-explanation", "compensation"}),
        escalated("2026-05-11T09:00", "board", "2026-05-09T12:00"),
        resolved("2026-06-30T15:00", "The Board agrees.", "partly-upheld", {"compensation"})};
    return c;
}

} // namespace

TEST_SUITE_BEGIN("core::letter");

TEST_CASE("letter kinds have one name each") {
    check_names(letter_kind_names, {LetterKind::acknowledgement, LetterKind::outcome,
                                    LetterKind::escalation, LetterKind::update});
}

TEST_CASE("every placeholder has a value, with no name used twice in one scope") {
    const Policy policy = shipped_policy("big-bums");
    const Complaint c = complaint_under(policy, "2026-04-02T09:30", "serious");
    const LetterFields fields = letter(LetterKind::update, c, policy, "2026-04-02T10:00");
    std::set<std::string_view> names;
    for (const Placeholder& placeholder : letter_placeholders()) {
        CHECK_MESSAGE(names.insert(placeholder.name).second, "twice: " << placeholder.name);
        const std::string name(placeholder.name);
        const bool present = fields.texts.count(name) + fields.flags.count(name) +
                                 fields.lists.count(name) + fields.records.count(name) ==
                             1;
        CHECK_MESSAGE(present, "no value for " << name);
    }
}

TEST_CASE("docs/LETTERS.md lists every placeholder") {
    const std::string docs = read_text(COMPLAINTS_SOURCE_DIR "/docs/LETTERS.md");
    for (const Placeholder& placeholder : letter_placeholders()) {
        CHECK_MESSAGE(docs.find("`{{" + std::string(placeholder.name) + "}}`") != std::string::npos,
                      "not in docs/LETTERS.md: " << placeholder.name);
        for (const Placeholder& field : placeholder.fields)
            CHECK_MESSAGE(docs.find("`{{" + std::string(field.name) + "}}`") != std::string::npos,
                          "not in docs/LETTERS.md: " << field.name);
    }
}

TEST_CASE("Big Bums, serious complaint: the Complaints Officer acknowledges, 28 days to resolve") {
    const Policy policy = shipped_policy("big-bums");
    Complaint c = complaint_under(policy, "2026-04-02T09:30", "serious");
    c.events = {event("2026-04-03T09:00", event_type::acknowledged)};
    const LetterFields fields = letter(LetterKind::acknowledgement, c, policy, "2026-04-03T10:00");
    CHECK(fields.text("organisation") == "Big Bums and Little Bums Ltd");
    CHECK(fields.text("reference") == "2a1m0001");
    CHECK(fields.text("date") == "Friday 3 April 2026");
    CHECK(fields.text("complainant") == "Jo Bloggs");
    CHECK(fields.text("received") == "Thursday 2 April 2026");
    CHECK(fields.text("received_by") == "by email");
    CHECK(fields.text("stage") == "Formal complaint");
    CHECK(fields.text("handler") == "our Complaints Officer");
    CHECK(fields.text("contact") == "Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com");
    // "We aim to resolve your complaint within 28 days": Thursday 2 April + 28 days.
    CHECK(fields.text("hear_by") == "Thursday 30 April 2026");
    CHECK(fields.flags.at("open"));
    CHECK_FALSE(fields.flags.at("late"));
}

TEST_CASE("an acknowledgement looks past the acknowledgement it is; an update does not") {
    const Policy policy = shipped_policy("big-bums");
    const Complaint c = complaint_under(policy, "2026-04-02T09:30", "serious");
    CHECK(letter(LetterKind::acknowledgement, c, policy, "2026-04-02T10:00").text("hear_by") ==
          "Thursday 30 April 2026");
    // "within 48 hours to acknowledge your complaint": a deadline in hours keeps its time.
    CHECK(letter(LetterKind::update, c, policy, "2026-04-02T10:00").text("hear_by") ==
          "09:30 on Saturday 4 April 2026");
}

TEST_CASE("Big Bums, minor complaint: Sarah Robb resolves it locally within 5 days") {
    const Policy policy = shipped_policy("big-bums");
    const Complaint c = complaint_under(policy, "2026-04-02T09:30", "minor");
    const LetterFields fields = letter(LetterKind::acknowledgement, c, policy, "2026-04-02T10:00");
    CHECK(fields.text("stage") == "Local resolution");
    CHECK(fields.text("handler") == "Sarah Robb (Complaints contact)");
    CHECK(fields.text("hear_by") == "Tuesday 7 April 2026");
}

TEST_CASE("a deadline of ours that has passed: the letter says it is late, and promises no "
          "past date") {
    const Policy policy = shipped_policy("big-bums");
    const Complaint c = complaint_under(policy, "2026-04-02T09:30", "minor");
    const LetterFields fields = letter(LetterKind::update, c, policy, "2026-04-09T10:00");
    CHECK(fields.flags.at("late"));
    CHECK(fields.text("hear_by").empty());
    CHECK(fields.text("status") == "still open");
}

TEST_CASE("Big Bums internal review: Sarah Hall and the representative, a meeting in 28 days "
          "from the request") {
    const Policy policy = shipped_policy("big-bums");
    Complaint c = complaint_under(policy, "2026-04-02T09:30", "serious");
    c.events = {event("2026-04-03T09:00", event_type::acknowledged),
                resolved("2026-04-20T09:00", "Explained the rota.", "not-upheld", {}),
                escalated("2026-04-24T09:00", "review", "2026-04-23T16:00")};
    const LetterFields fields = letter(LetterKind::escalation, c, policy, "2026-04-24T10:00");
    CHECK(fields.text("stage") == "Internal review");
    CHECK(fields.text("previous_stage") == "Formal complaint");
    CHECK(fields.text("escalated_on") == "Friday 24 April 2026");
    CHECK(fields.text("requested_on") == "Thursday 23 April 2026");
    CHECK(fields.text("handler") ==
          "Sarah Hall and an independent representative (Internal review panel)");
    CHECK(fields.text("hear_by") == "Thursday 21 May 2026");
    // The outcome of the stage left is not this stage's.
    CHECK(fields.text("finding").empty());
}

TEST_CASE("after the formal outcome, Big Bums' complainant may request an internal review") {
    const Policy policy = shipped_policy("big-bums");
    Complaint c = complaint_under(policy, "2026-04-02T09:30", "serious");
    c.events = {resolved("2026-04-20T09:00", "Apologised; latch fixed.", "upheld",
                         {"apology", "explanation", "correction-of-error"})};
    const LetterFields fields = letter(LetterKind::outcome, c, policy, "2026-04-20T10:00");
    CHECK(fields.text("outcome_on") == "Monday 20 April 2026");
    CHECK(fields.text("finding") == "upheld");
    CHECK(fields.text("outcome") == "Apologised; latch fixed.");
    CHECK(fields.lists.at("remedies") ==
          std::vector<std::string>{"apology", "explanation", "correction of error"});
    CHECK(fields.text("remedies_in_words") == "apology, explanation and correction of error");
    CHECK(fields.text("next_stage") == "Internal review");
    CHECK(fields.text("next_stage_contact") ==
          "Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com");
    CHECK(fields.text("hear_by").empty());
}

TEST_CASE("a stage only staff start is not offered to the complainant") {
    // Big Bums: "If we're unable to resolve your complaint locally, we will initiate our formal
    // complaint process" (entry = escalation).
    const Policy policy = shipped_policy("big-bums");
    Complaint c = complaint_under(policy, "2026-04-02T09:30", "minor");
    c.events = {resolved("2026-04-03T09:00", "Sorted.", "upheld", {"apology"})};
    CHECK(letter(LetterKind::outcome, c, policy, "2026-04-03T10:00").text("next_stage").empty());
}

TEST_CASE("Twinkle's after the Board's outcome: the CIC Regulator within one month") {
    const Policy policy = shipped_policy("twinkles");
    const Complaint c = twinkles_after_board(policy);
    const LetterFields fields = letter(LetterKind::outcome, c, policy, "2026-07-01T10:00");
    CHECK(fields.text("stage") == "Board of Directors review");
    CHECK(fields.text("outcome") == "The Board agrees.");
    CHECK(fields.text("finding") == "partly upheld");
    CHECK(fields.text("next_stage").empty()); // the Board is the last stage
    const auto& routes = fields.records.at("routes");
    REQUIRE(routes.size() == 1);
    CHECK(routes[0].text("route") == "complain to the CIC Regulator");
    // "within one month of receiving the outcome from the appeal": Tuesday 30 June + 1 month.
    CHECK(routes[0].text("route_by") == "Thursday 30 July 2026");
    CHECK(routes[0].text("body") ==
          "the Office of the Regulator of Community Interest Companies (CIC Regulator)");
    CHECK(routes[0].text("body_url").starts_with("https://assets.publishing.service.gov.uk/"));
}

TEST_CASE("Twinkle's investigation outcome: the complainant may ask for the Board's review") {
    const Policy policy = shipped_policy("twinkles");
    const Complaint c = twinkles_after_board(policy);
    const LetterFields fields = letter(LetterKind::outcome, c, policy, "2026-05-02T10:00");
    CHECK(fields.text("stage") == "Investigation and resolution");
    CHECK(fields.text("handler") == "our complaints committee"); // serious, in our reading
    CHECK(fields.text("remedies_in_words") == "apology or explanation and compensation");
    CHECK(fields.text("next_stage") == "Board of Directors review");
    CHECK(fields.text("next_stage_contact") ==
          "Twinkle's SEN Activity Days CIC, twinklessen@yahoo.com, our office or events");
    CHECK(fields.records.at("routes").empty());
}

TEST_CASE("as of a moment, later events are not in the letter") {
    const Policy policy = shipped_policy("twinkles");
    const Complaint c = twinkles_after_board(policy);
    const LetterFields update = letter(LetterKind::update, c, policy, "2026-04-30T10:00");
    CHECK(update.text("outcome_on").empty());
    CHECK(update.text("date") == "Thursday 30 April 2026");
    CHECK(update.text("handler") == "our complaints committee");
    CHECK(refused(LetterKind::outcome, c, policy, "2026-04-30T10:00").kind == ErrorKind::usage);
    // Escalated but not yet decided by the Board: no outcome in this stage.
    const Error error = refused(LetterKind::outcome, c, policy, "2026-06-01T10:00");
    CHECK(error.message == "complaint 2a1m0001 has no outcome recorded in its current stage "
                           "(Board of Directors review); record it with 'complaints resolve' "
                           "first");
    CHECK(refused(LetterKind::update, c, policy, "2026-04-01T10:00").message ==
          "complaint 2a1m0001 was received after the moment the letter is as of");
}

TEST_CASE("an escalation letter needs an escalation; a reopened outcome no longer stands") {
    const Policy policy = shipped_policy("twinkles");
    Complaint c = complaint_under(policy, "2026-04-02T10:00", "minor");
    CHECK(refused(LetterKind::escalation, c, policy, "2026-04-03T10:00").message ==
          "complaint 2a1m0001 has not been escalated: it is in its first stage (Investigation "
          "and resolution)");
    c.events = {resolved("2026-04-10T09:00", "Explained.", "not-upheld", {}),
                event("2026-04-12T09:00", event_type::reopened)};
    CHECK(letter(LetterKind::outcome, c, policy, "2026-04-11T10:00").text("handler") ==
          "our designated member of staff");
    refused(LetterKind::outcome, c, policy, "2026-04-13T10:00");
}

TEST_CASE("a closed complaint keeps its outcome letter; a second escalation counts once") {
    const Policy policy = shipped_policy("twinkles");
    Complaint c = twinkles_after_board(policy);
    Event again = escalated("2026-05-12T09:00", "board");
    c.events.insert(c.events.begin() + 3, again);
    c.events.push_back(event("2026-07-02T09:00", event_type::closed));
    const LetterFields fields = letter(LetterKind::outcome, c, policy, "2026-07-03T10:00");
    CHECK(fields.text("status") == "closed");
    CHECK(fields.text("outcome") == "The Board agrees.");
    CHECK(letter(LetterKind::escalation, c, policy, "2026-07-03T10:00").text("escalated_on") ==
          "Monday 11 May 2026");
}

TEST_CASE("the handler in words: a person, a role, the policy's words, or who was assigned") {
    const Policy policy = shipped_policy("fca-disp");
    Complaint c = complaint_under(policy, "2026-04-02T09:30", "");
    CHECK(letter(LetterKind::update, c, policy, "2026-04-02T10:00").text("handler") ==
          "our complaints handler");
    Event assigned = event("2026-04-02T09:45", event_type::assigned);
    assigned.handler = "Priya Shah";
    c.events = {assigned};
    CHECK(letter(LetterKind::update, c, policy, "2026-04-02T10:00").text("handler") ==
          "Priya Shah");
}

TEST_CASE("an outside body listed only by its web page is never the contact for questions") {
    // eyfs lists Ofsted in [[contact]], reachable by its web page only.
    const Policy policy = shipped_policy("eyfs");
    const Complaint c = complaint_under(policy, "2026-04-02T09:30", "");
    CHECK(letter(LetterKind::update, c, policy, "2026-04-02T10:00").text("contact").empty());
}

TEST_CASE("how a complaint arrived, in words") {
    CHECK(channel_in_words("email") == "by email");
    CHECK(channel_in_words("phone") == "by phone");
    CHECK(channel_in_words("in-person") == "in person");
    CHECK(channel_in_words("writing") == "in writing");
    CHECK(channel_in_words("verbal") == "verbally");
    CHECK(channel_in_words("social-media") == "by social media");
    CHECK(channel_in_words("").empty());
}

TEST_CASE("the shipped templates are the files in templates/") {
    for (const auto& [kind, name] : letter_kind_names) {
        CHECK(shipped_letter_template_path(kind) == "templates/" + std::string(name) + ".md");
        CHECK(shipped_letter_template(kind) ==
              read_text(COMPLAINTS_SOURCE_DIR "/templates/" + std::string(name) + ".md"));
    }
}

TEST_SUITE_END();
