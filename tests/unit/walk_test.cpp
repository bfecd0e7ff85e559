// The --due-within flag of list-overdue and remind (src/cli/walk.cpp): short forms and periods
// spelt out.
#include "cli/walk.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

namespace {

Period within(const std::string& text) {
    auto read = due_within_flag(text);
    REQUIRE(read.ok());
    REQUIRE(read->has_value());
    return **read;
}

std::string error_of(const std::string& text) {
    auto read = due_within_flag(text);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().kind == ErrorKind::usage);
    return read.error().message;
}

} // namespace

TEST_SUITE_BEGIN("cli::walk");

TEST_CASE("--due-within short forms: 48h, 3d, 2wd, 2w, 1m") {
    CHECK(within("48h") == Period{48, Unit::hours});
    CHECK(within("3d") == Period{3, Unit::days});
    CHECK(within("2wd") == Period{2, Unit::working_days});
    CHECK(within("2w") == Period{2, Unit::weeks});
    CHECK(within("1m") == Period{1, Unit::months});
    CHECK(within("0d") == Period{0, Unit::days});
}

TEST_CASE("--due-within spelt out, as extend --for takes it") {
    CHECK(within("10 working days") == Period{10, Unit::working_days});
    CHECK(within("1 month") == Period{1, Unit::months});
    CHECK(within("48 hours") == Period{48, Unit::hours});
}

TEST_CASE("--due-within not given: no period (the policy's due-soon period applies)") {
    auto read = due_within_flag("");
    REQUIRE(read.ok());
    CHECK_FALSE(read->has_value());
}

TEST_CASE("--due-within that does not read is a usage error naming the flag and the value") {
    CHECK(error_of("3x").starts_with("--due-within: bad period '3x'"));
    CHECK(error_of("wd").starts_with("--due-within: bad period 'wd'"));
    CHECK(error_of("-3d").starts_with("--due-within: bad period '-3d'"));
    // One parser for every period: a space, capitals and spaces around are fine.
    CHECK(within("3 wd") == Period{3, Unit::working_days});
    CHECK(within("3D") == Period{3, Unit::days});
    CHECK(within("3d ") == Period{3, Unit::days});
    // Five digits at most in the short form; the count's own limit applies after that.
    CHECK(error_of("123456d").starts_with("--due-within: bad period '123456d'"));
    CHECK_FALSE(due_within_flag("99999d").ok());
}

TEST_CASE("--redact: a due item keeps its ID, stage, dates and handler, not the summary") {
    DueItem item;
    item.id = "k7m2qxh9";
    item.stage = "formal";
    item.milestone = "resolve";
    item.handler = "Sarah Robb";
    item.summary = "Jo's child left alone";
    item.gaps = {"ask for the complainant's contact details"};
    std::vector<DueItem> items{item};
    redact_due_items(items);
    CHECK(items[0].summary.empty());
    CHECK(items[0].id == "k7m2qxh9");
    CHECK(items[0].stage == "formal");
    CHECK(items[0].handler == "Sarah Robb");
    CHECK(items[0].gaps == item.gaps); // the policy's words, not the complainant's
}

TEST_SUITE_END();
