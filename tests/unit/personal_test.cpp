#include "complaints/personal.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <toml++/toml.h>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A complaint with every field set, each personal value distinctive.
Complaint full_complaint() {
    Complaint c;
    c.id = "k7m2qxh9";
    c.policy = "big-bums";
    c.policy_version = "2024-03-05";
    c.received = at("2026-03-02T10:00");
    c.channel = "email";
    c.name = "Zelda Quorn";
    c.contact = "zelda@quorn.example";
    c.summary = "Quorn summary";
    c.details = "Quorn details";
    c.occurred = "Quorn occurred";
    c.occurred_on = day("2026-02-20");
    c.occurred_until = day("2026-02-21");
    c.known_on = day("2026-02-25");
    c.people = {"Quorn child"};
    c.evidence = {"quorn-photo.jpg"};
    c.severity = "serious";
    c.category = "safeguarding";
    c.handler = "manager";
    Event e;
    e.at = at("2026-03-10T09:00");
    e.type = "resolved";
    e.by = "sarah";
    e.text = "Quorn note";
    e.reason = "Quorn reason";
    e.good_reason = "Quorn good reason";
    e.outcome = "Quorn outcome";
    e.finding = "upheld";
    e.remedies = {"apology"};
    c.events.push_back(e);
    MergeConflict conflict;
    conflict.key = "name";
    conflict.theirs = "Quorn other";
    c.conflicts.push_back(conflict);
    return c;
}

} // namespace

TEST_SUITE_BEGIN("core::personal");

TEST_CASE("every key a complaint file is written with is classified") {
    auto classified = [](std::string_view key, const auto& fields) {
        return std::any_of(fields.begin(), fields.end(),
                           [&](const FieldPrivacy& f) { return f.key == key; });
    };
    const toml::table file = toml::parse(write_complaint(full_complaint(), london()));
    for (const auto& entry : file) {
        const std::string key(entry.first.str()); // a named copy: doctest's macros capture it
        CHECK_MESSAGE(classified(key, complaint_privacy), "intake key " << key);
    }
    for (const auto& event : *file["events"].as_array())
        for (const auto& entry : *event.as_table()) {
            const std::string key(entry.first.str());
            CHECK_MESSAGE(classified(key, event_privacy), "event key " << key);
        }
}

TEST_CASE("the personal fields are the complainant's words and the people named") {
    for (const char* key : {"name", "contact", "summary", "details", "occurred", "people",
                            "evidence", "occurred_on", "known_on", "conflicts"})
        CHECK_MESSAGE(personal_intake_key(key), key);
    for (const char* key : {"id", "received", "channel", "severity", "category", "handler"})
        CHECK_FALSE_MESSAGE(personal_intake_key(key), key);
    for (const char* key : {"text", "reason", "good_reason", "outcome"})
        CHECK_MESSAGE(personal_event_key(key), key);
    for (const char* key : {"at", "type", "by", "stage", "finding", "remedies", "handler"})
        CHECK_FALSE_MESSAGE(personal_event_key(key), key);
}

TEST_CASE("a redacted complaint holds no personal value and keeps the rest") {
    const std::string file = write_complaint(redacted(full_complaint()), london());
    CHECK(file.find("Quorn") == std::string::npos);
    CHECK(file.find("quorn") == std::string::npos);
    CHECK(file.find("2026-02-2") == std::string::npos); // when the matter happened
    CHECK(file.find("safeguarding") != std::string::npos);
    CHECK(file.find("upheld") != std::string::npos);
    CHECK(file.find("apology") != std::string::npos);
    CHECK(file.find("by = \"sarah\"") != std::string::npos);
}

TEST_CASE("an anonymised complaint says where a value was and keeps dates and findings") {
    const Complaint a = anonymised(full_complaint());
    const std::string file = write_complaint(a, london());
    CHECK(file.find("Quorn") == std::string::npos);
    CHECK(file.find("quorn") == std::string::npos);
    CHECK(a.name == "[anonymised]");
    CHECK(a.people == std::vector<std::string>{"[anonymised]"});
    CHECK(a.events.front().outcome == "[anonymised]");
    CHECK(a.conflicts.front().theirs == "[anonymised]");
    CHECK(a.occurred_on == day("2026-02-20"));
    CHECK(a.received == full_complaint().received);
    CHECK(a.events.front().finding == "upheld");
    CHECK(a.events.front().remedies == std::vector<std::string>{"apology"});
    CHECK(a.category == "safeguarding");
}

TEST_CASE("an empty personal value stays empty when anonymised: a gap is still a gap") {
    Complaint c = full_complaint();
    c.contact.clear();
    c.evidence.clear();
    const Complaint a = anonymised(c);
    CHECK(a.contact.empty());
    CHECK(a.evidence.empty());
}

TEST_CASE("what anonymising would change is said by field, without the values") {
    Complaint c = full_complaint();
    CHECK(personal_values_held(c) == std::vector<std::string>{"name", "contact", "summary",
                                                              "details", "occurred", "people",
                                                              "evidence", "conflicts", "1 event"});
    CHECK(personal_values_held(anonymised(c)).empty());
    c.contact.clear();
    c.events.front().text.clear(), c.events.front().reason.clear();
    c.events.front().good_reason.clear(), c.events.front().outcome.clear();
    CHECK(personal_values_held(c) == std::vector<std::string>{"name", "summary", "details",
                                                              "occurred", "people", "evidence",
                                                              "conflicts"});
}

TEST_CASE("an anonymised complaint is one with an anonymised event") {
    Complaint c = full_complaint();
    CHECK_FALSE(is_anonymised(c));
    Event e;
    e.type = "anonymised";
    c.events.push_back(e);
    CHECK(is_anonymised(c));
}

TEST_SUITE_END();
