#include "complaints/merge.hpp"
#include "complaints/personal.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::support;

namespace {

Complaint base_complaint() {
    Complaint c;
    c.id = "k7m2qxh9";
    c.policy = "big-bums";
    c.policy_version = "2024-03-05";
    c.received = at("2026-03-02T10:00");
    c.name = "Jo Bloggs";
    c.summary = "Door left open";
    return c;
}

Event& add(Complaint& c, const char* type, const char* when, const char* by,
           const char* text = "") {
    Event e;
    e.type = type;
    e.at = at(when);
    e.by = by;
    e.text = text;
    c.events.push_back(e);
    return c.events.back();
}

std::vector<std::string> texts(const Complaint& c) {
    std::vector<std::string> out;
    for (const Event& e : c.events)
        out.push_back(e.type + " " + e.by + (e.text.empty() ? "" : " " + e.text));
    return out;
}

} // namespace

TEST_CASE("a merge keeps every event either clone added, each once, in time order") {
    Complaint base = base_complaint();
    add(base, "acknowledged", "2026-03-03T09:00", "sarah");
    Complaint ours = base, theirs = base;
    add(ours, "note", "2026-03-04T09:00", "alice", "called Jo");
    add(theirs, "note", "2026-03-03T15:00", "bob", "wrote to Jo");
    add(ours, "resolved", "2026-03-05T09:00", "alice");
    add(theirs, "resolved", "2026-03-05T09:00", "alice"); // the same event, both sides
    const Complaint merged = merge_complaints(base, ours, theirs);
    CHECK(texts(merged) == std::vector<std::string>{"acknowledged sarah", "note bob wrote to Jo",
                                                    "note alice called Jo", "resolved alice"});
    CHECK(merged.conflicts.empty());
    CHECK(merge_complaints(base, theirs, ours).events == merged.events);
}

TEST_CASE("two new events that share a moment, type and author are both kept, unflagged") {
    Complaint base = base_complaint();
    Complaint ours = base, theirs = base;
    add(ours, "note", "2026-03-04T09:00", "sarah", "from the office");
    add(theirs, "note", "2026-03-04T09:00", "sarah", "from home");
    const Complaint merged = merge_complaints(base, ours, theirs);
    CHECK(merged.events.size() == 2);
    CHECK(merged.conflicts.empty());
}

TEST_CASE("an event edited on one side replaces its old version; one deleted on one side goes") {
    Complaint base = base_complaint();
    add(base, "note", "2026-03-04T09:00", "alice", "caled Jo");
    add(base, "note", "2026-03-04T10:00", "alice", "a note to delete");
    Complaint ours = base, theirs = base;
    ours.events[0].text = "called Jo";
    theirs.events.pop_back();
    const Complaint merged = merge_complaints(base, ours, theirs);
    CHECK(texts(merged) == std::vector<std::string>{"note alice called Jo"});
    CHECK(merged.conflicts.empty());
}

TEST_CASE("intake fields merge three-way; different changes on both sides are a conflict") {
    Complaint base = base_complaint();
    Complaint ours = base, theirs = base;
    ours.contact = "jo@example.org";
    theirs.name = "Jo Bloggs-Smith";
    SUBCASE("changes to different fields both land") {
        const Complaint merged = merge_complaints(base, ours, theirs);
        CHECK(merged.contact == "jo@example.org");
        CHECK(merged.name == "Jo Bloggs-Smith");
        CHECK(merged.conflicts.empty());
    }
    SUBCASE("the same field changed differently keeps ours and records theirs") {
        ours.summary = "Door left open twice";
        theirs.summary = "Door open";
        const Complaint merged = merge_complaints(base, ours, theirs);
        CHECK(merged.summary == "Door left open twice");
        REQUIRE(merged.conflicts.size() == 1);
        CHECK(merged.conflicts[0].key == "summary");
        CHECK(merged.conflicts[0].theirs == "Door open");
    }
    SUBCASE("an event both sides edited differently keeps ours and records theirs") {
        add(base, "note", "2026-03-04T09:00", "alice", "caled");
        ours = base;
        theirs = base;
        ours.events[0].text = "called";
        theirs.events[0].text = "phoned";
        const Complaint merged = merge_complaints(base, ours, theirs);
        CHECK(texts(merged) == std::vector<std::string>{"note alice called"});
        REQUIRE(merged.conflicts.size() == 1);
        CHECK(merged.conflicts[0].key == "event 'note' at 2026-03-04T09:00:00+00:00");
        CHECK(merged.conflicts[0].theirs.find("text = \"phoned\"") != std::string::npos);
    }
}

TEST_CASE("a merged file with a conflict is written and read back whole") {
    Complaint base = base_complaint();
    Complaint ours = base, theirs = base;
    ours.summary = "Ours";
    theirs.summary = "Theirs, \"quoted\"";
    add(ours, "note", "2026-03-04T09:00", "alice", "x");
    const Complaint merged = merge_complaints(base, ours, theirs);
    const std::string text = write_complaint(merged, london());
    CHECK(text.find(
              "conflicts = [\n  { key = \"summary\", theirs = \"Theirs, \\\"quoted\\\"\" },\n]") !=
          std::string::npos);
    auto read = parse_complaint(text, "complaints/k7m2qxh9.toml");
    REQUIRE(read.ok());
    CHECK(read.value() == merged);
    CHECK(read.value().conflicts[0].line == 10);
    SUBCASE("a conflict settled in one clone (deleted) is not brought back by the other") {
        Complaint settled = merged;
        settled.conflicts.clear();
        Complaint other = merged;
        add(other, "note", "2026-03-05T09:00", "bob", "y");
        CHECK(merge_complaints(merged, settled, other).conflicts.empty());
        CHECK(merge_complaints(merged, other, settled).conflicts.empty());
        CHECK(merge_complaints(merged, other, merged).conflicts.size() == 1); // not settled yet
    }
}

TEST_CASE("an anonymisation in one clone wins over an edit of the same field in the other") {
    Complaint base = base_complaint();
    add(base, "note", "2026-03-04T09:00", "alice", "Jo rang about the door");
    Complaint anonymised_side = anonymised(base);
    add(anonymised_side, "anonymised", "2026-03-20T09:00", "sarah");
    Complaint edited = base;
    edited.name = "Joanna Bloggs";
    edited.events[0].text = "Joanna rang about the door";
    add(edited, "note", "2026-03-21T09:00", "alice", "Joanna rang again");
    for (bool anonymised_is_ours : {true, false}) {
        CAPTURE(anonymised_is_ours);
        const Complaint merged = anonymised_is_ours
                                     ? merge_complaints(base, anonymised_side, edited)
                                     : merge_complaints(base, edited, anonymised_side);
        CHECK(merged.name == "[anonymised]");
        CHECK(merged.summary == "[anonymised]");
        CHECK(merged.conflicts.empty());
        CHECK(texts(merged) == std::vector<std::string>{"note alice [anonymised]",
                                                        "anonymised sarah",
                                                        "note alice [anonymised]"});
        CHECK(write_complaint(merged, london()).find("Jo") == std::string::npos);
    }
}

TEST_CASE("an anonymised complaint still merges its other fields three-way") {
    Complaint base = base_complaint();
    Complaint anonymised_side = anonymised(base);
    add(anonymised_side, "anonymised", "2026-03-20T09:00", "sarah");
    Complaint edited = base;
    edited.category = "premises";
    const Complaint merged = merge_complaints(base, edited, anonymised_side);
    CHECK(merged.category == "premises");
    CHECK(merged.name == "[anonymised]");
}
