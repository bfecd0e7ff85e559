#include "cli/import_csv.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

namespace {

SheetContext context(const Policy& policy) {
    return {"old.csv", &policy, support::london(),
            parse_moment("2026-04-01T09:00", support::london()).value()};
}

} // namespace

TEST_SUITE_BEGIN("cli::import_csv");

TEST_CASE("cells as RFC 4180 reads them: quotes, commas, line breaks, Excel's byte-order mark") {
    auto rows = parse_csv(
        "\xEF\xBB\xBFReceived,Summary\r\n27/03/2026,\"Door, left \"\"open\"\"\nagain\"\r\n",
        "old.csv");
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK(rows->at(0) == SheetRow{"Received", "Summary"});
    CHECK(rows->at(1) == SheetRow{"27/03/2026", "Door, left \"open\"\nagain"});
}

TEST_CASE("a quote out of place is an error at its row and column") {
    auto rows = parse_csv("received,summary\n2026-03-27,\"open\" x\n", "old.csv");
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.error().to_string().rfind("old.csv:2:2: not valid CSV", 0) == 0);
}

TEST_CASE("headings match intake fields in any case; --map names the rest") {
    auto fields =
        match_headings({"Received", "Complainant", "SUMMARY", "Notes", "Date of incident"},
                       {"Complainant=name", "Notes=", "date of incident=occurred"}, "old.csv");
    REQUIRE(fields.ok());
    CHECK(*fields == std::vector<std::string>{"received", "name", "summary", "", "occurred"});
}

TEST_CASE("a heading that is no field is an error at row 1, with a suggestion") {
    auto fields = match_headings({"received", "sumary"}, {}, "old.csv");
    REQUIRE_FALSE(fields.ok());
    CHECK(fields.error().to_string().rfind(
              "old.csv:1:2: heading 'sumary' is not an intake field (did you mean 'summary'?)",
              0) == 0);
    auto twice = match_headings({"received", "name", "Name"}, {}, "old.csv");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().to_string() ==
          "old.csv:1:3: heading 'Name': another column already fills 'name'");
    auto no_date = match_headings({"summary"}, {}, "old.csv");
    REQUIRE_FALSE(no_date.ok());
    auto bad_map = match_headings({"received"}, {"Who=nobody"}, "old.csv");
    REQUIRE_FALSE(bad_map.ok());
    CHECK(bad_map.error().kind == ErrorKind::usage);
}

TEST_CASE("dates in ISO and UK forms, local to the policy's zone") {
    const auto* zone = support::london();
    CHECK(format_moment(parse_sheet_moment("27/03/2026", zone).value(), zone) ==
          "2026-03-27T00:00:00+00:00");
    CHECK(format_moment(parse_sheet_moment("01/07/2026 14:30", zone).value(), zone) ==
          "2026-07-01T14:30:00+01:00");
    CHECK(format_moment(parse_sheet_moment("2026-07-01T14:30", zone).value(), zone) ==
          "2026-07-01T14:30:00+01:00");
    CHECK_FALSE(parse_sheet_moment("31/02/2026", zone).ok());
    CHECK_FALSE(parse_sheet_moment("27/03/26", zone).ok());
    CHECK(parse_sheet_day("5/1/2026").value() == support::day("2026-01-05"));
    CHECK_FALSE(parse_sheet_day("next week").ok());
}

TEST_CASE("a row becomes a complaint's intake under the register's policy") {
    const Policy policy = support::shipped_policy("twinkles");
    const std::vector<std::string> fields{"received", "name",     "summary", "severity",
                                          "person",   "occurred", "channel"};
    Complaint c;
    auto errors = check_row(fields,
                            {"27/03/2026 10:00", "Jo Bloggs", "Trip cancelled",
                             policy.severities.front(), "Ann; Bob", "20/03/2026", "Email"},
                            2, context(policy), c);
    REQUIRE(errors.empty());
    CHECK(c.policy == "twinkles");
    CHECK(c.name == "Jo Bloggs");
    CHECK(c.people == std::vector<std::string>{"Ann", "Bob"});
    CHECK(c.occurred_on == support::day("2026-03-20"));
    CHECK(c.channel == "email");
}

TEST_CASE("every bad cell of a row is reported at ROW:COLUMN") {
    const Policy policy = support::shipped_policy("twinkles");
    const std::vector<std::string> fields{"received", "summary", "severity"};
    Complaint c;
    auto errors = check_row(fields, {"32/03/2026", "Trip", "catastrophic"}, 7, context(policy), c);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].to_string().rfind("old.csv:7:1: '32/03/2026' is not a date", 0) == 0);
    CHECK(errors[1].to_string().rfind("old.csv:7:3: severity 'catastrophic' is not in policy", 0) ==
          0);
    auto future = check_row(fields, {"2026-05-01", "Trip", ""}, 3, context(policy), c);
    REQUIRE(future.size() == 1);
    CHECK(future[0].to_string() == "old.csv:3:1: received after now (2026-05-01)");
    auto short_row = check_row(fields, {"2026-03-01"}, 4, context(policy), c);
    REQUIRE(short_row.size() == 1);
    CHECK(short_row[0].to_string() == "old.csv:4:2: 1 cells, but the heading row has 3");
    auto empty = check_row(fields, {"2026-03-01", "", ""}, 5, context(policy), c);
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].to_string() ==
          "old.csv:5:2: nothing to record: the row has no summary or details");
}

TEST_SUITE_END();
