#include "cli/import_json.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

namespace {

const char* one_complaint =
    R"json({"schema": 1, "as_of": "2026-04-01T09:00:00+01:00", "redacted": false, "complaints": [
{"schema": 1, "id": "k7m2qxh9", "policy": "twinkles", "policy_version": "2024-03-05", "stage": "informal",
 "stage_title": "Informal", "status": "open", "handler": "Sam", "handler_role": "", "paused": false,
 "received": "2026-03-02T10:00:00+00:00", "channel": "email", "name": "Jo \"JB\" Bloggs",
 "contact": "+44 7700 900000", "summary": "=SUM(A1)", "details": "line one\nline two",
 "occurred": "last Tuesday; 2026-02-20..2026-02-24; became known 2026-02-26", "people": ["Ann"],
 "evidence": [], "severity": "minor", "category": "", "gaps": [], "idle": null, "next_steps": [],
 "deadlines": [], "events": [
  {"at": "2026-03-03T09:30:00+00:00", "type": "acknowledged", "by": "sam"},
  {"at": "2026-03-04T09:30:00+00:00", "type": "extended", "by": "sam", "milestone": "resolve",
   "extend_by": "10 working days", "reason": "witness away"},
  {"at": "2026-03-05T09:30:00+00:00", "type": "resolved", "by": "sam", "outcome": "Sorry",
   "finding": "upheld", "remedies": ["apology"]}]}
]}
)json";

} // namespace

TEST_SUITE_BEGIN("cli::import_json");

TEST_CASE("an export's complaint reads back with its ID, intake and events") {
    auto read = parse_export_json(one_complaint, "old.json");
    REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().to_string()));
    REQUIRE(read->size() == 1);
    const Complaint& c = read->front().complaint;
    CHECK(c.id == "k7m2qxh9");
    CHECK(c.policy_version == "2024-03-05");
    CHECK(format_moment(c.received, support::london()) == "2026-03-02T10:00:00+00:00");
    CHECK(c.name == "Jo \"JB\" Bloggs");
    CHECK(c.summary == "=SUM(A1)");
    CHECK(c.details == "line one\nline two");
    CHECK(c.occurred == "last Tuesday");
    CHECK(c.occurred_on == support::day("2026-02-20"));
    CHECK(c.occurred_until == support::day("2026-02-24"));
    CHECK(c.known_on == support::day("2026-02-26"));
    CHECK(c.people == std::vector<std::string>{"Ann"});
    REQUIRE(c.events.size() == 3);
    CHECK(c.events[1].extend_by == Period{10, Unit::working_days});
    CHECK(c.events[1].reason == "witness away");
    CHECK(c.events[2].remedies == std::vector<std::string>{"apology"});
    CHECK(read->front().shown_handler == "Sam");
}

TEST_CASE("occurred words: a day alone, words alone, nothing") {
    Complaint day_only;
    set_occurred_from_words(day_only, "2026-01-05");
    CHECK(day_only.occurred.empty());
    CHECK(day_only.occurred_on == support::day("2026-01-05"));
    CHECK_FALSE(day_only.occurred_until);
    Complaint words;
    set_occurred_from_words(words, "in the spring; or so");
    CHECK(words.occurred == "in the spring; or so");
    CHECK_FALSE(words.occurred_on);
    Complaint nothing;
    set_occurred_from_words(nothing, "");
    CHECK(nothing.occurred.empty());
}

TEST_CASE("what is not a whole export is refused, saying why") {
    auto broken = parse_export_json("{\"complaints\": [\n  {\"id\": }", "x.json");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().to_string() == "x.json:2:10: not valid JSON");
    auto events = parse_export_json(R"({"schema": 1, "events": []})", "x.json");
    REQUIRE_FALSE(events.ok());
    CHECK(events.error().message.find("--events") != std::string::npos);
    auto redacted =
        parse_export_json(R"({"schema": 1, "redacted": true, "complaints": []})", "x.json");
    REQUIRE_FALSE(redacted.ok());
    CHECK(redacted.error().message.find("--redact") != std::string::npos);
    auto bad = parse_export_json(R"({"complaints": [{"id": "k7m2qxh9", "received": "yesterday"}]})",
                                 "x.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("complaint 1 (k7m2qxh9): 'received'") == 0);
}

TEST_SUITE_END();
