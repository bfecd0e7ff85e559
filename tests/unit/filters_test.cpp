// What list, list-overdue and remind filter by (src/cli/filters.cpp): values as staff type
// them, and a value the register does not know named as a mistake with what it could be.
#include "cli/filters.hpp"

#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

TEST_SUITE_BEGIN("cli::filters");

TEST_CASE("a filter value matches ignoring case and spaces; no value matches everything") {
    CHECK(matches_filter("Sarah Robb", "sarah robb"));
    CHECK(matches_filter("safeguarding", " SAFEGUARDING "));
    CHECK(matches_filter("formal", ""));
    CHECK_FALSE(matches_filter("formal", "form"));
    CHECK_FALSE(matches_filter("", "formal"));
}

TEST_CASE("free text is found anywhere in the summary or details, in any case") {
    CHECK(contains_text("Door left open on the trip", "LEFT OPEN"));
    CHECK(contains_text("anything", ""));
    CHECK_FALSE(contains_text("Door left open", "closed"));
}

TEST_CASE("Big Bums' names: its stages, its people by role, title and name, once each") {
    KnownNames names;
    names.add(support::shipped_policy("big-bums"));
    names.add(support::shipped_policy("big-bums")); // a second version adds nothing new
    CHECK(names.stages == std::vector<std::string>{"local", "formal", "review"});
    CHECK(std::count(names.handlers.begin(), names.handlers.end(), "Sarah Robb") == 1);
    CHECK(std::count(names.handlers.begin(), names.handlers.end(), "complaints-officer") == 1);
    CHECK(std::count(names.handlers.begin(), names.handlers.end(), "Internal review panel") == 1);
}

TEST_CASE("an unknown stage is a usage error naming the flag and the closest known stages") {
    const std::vector<std::string> stages{"local", "formal", "review"};
    auto refused = known_filter_value({"--stage", "stage", "fromal", stages});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::usage);
    CHECK(refused.error().message ==
          "--stage: no stage is 'fromal'; known stages include: formal, local, review");
    CHECK(known_filter_value({"--stage", "stage", "FORMAL", stages}).ok());
    CHECK(known_filter_value({"--stage", "stage", "", stages}).ok());
}

TEST_CASE("a misspelt handler in a crontab is named, closest first, at most three") {
    const std::vector<std::string> handlers{"complaints-contact", "Complaints contact",
                                            "Sarah Robb", "Sarah Hall", "Board of Directors"};
    auto refused = known_filter_value({"--handler", "handler", "sarah rob", handlers});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "--handler: no handler is 'sarah rob'; known handlers include: Sarah Robb, Sarah Hall, "
          "Board of Directors");
}

TEST_CASE("a register that knows no categories says so rather than suggest nothing") {
    auto refused = known_filter_value({"--category", "category", "food", {}});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "--category: no category is 'food': the register knows "
                                     "none yet");
}

TEST_CASE("nothing matched: said on a terminal, silent in a pipe or when something was shown") {
    CHECK(nothing_matches(true, true) == "No complaints match\n");
    CHECK(nothing_matches(true, false).empty());
    CHECK(nothing_matches(false, true).empty());
}

TEST_SUITE_END();
