#include "complaints/period.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

WorkingCalendar calendar(CalendarSpec spec = {}) {
    return WorkingCalendar::make(spec).value();
}

Period period(const char* text) {
    return parse_period(text).value();
}

Due due(const char* received, const char* text, Counting counting = {}) {
    return due_after(at(received), period(text), counting, london_calendar());
}

/// The due moment as the register shows it, in London time.
std::string shown(const Due& d) {
    return format_moment(d.moment, london_calendar().zone());
}

} // namespace

TEST_SUITE_BEGIN("core::period");

TEST_CASE("periods are read from policy text") {
    CHECK(period("48 hours") == Period{48, Unit::hours});
    CHECK(period("1 hour") == Period{1, Unit::hours});
    CHECK(period("5 days") == Period{5, Unit::days});
    CHECK(period("10 working days") == Period{10, Unit::working_days});
    CHECK(period("1 working day") == Period{1, Unit::working_days});
    CHECK(period("15 business days") == Period{15, Unit::working_days});
    CHECK(period("8 weeks") == Period{8, Unit::weeks});
    CHECK(period("1 month") == Period{1, Unit::months});
    CHECK(period("6 Months") == Period{6, Unit::months});
    CHECK(period("  3   working   days ") == Period{3, Unit::working_days});
    CHECK(period("0 days") == Period{0, Unit::days});
    CHECK(period("10000 days") == Period{10000, Unit::days});
    // A school's procedure says "school days": the policy's working days.
    CHECK(period("5 school days") == Period{5, Unit::working_days});
    // A year is twelve calendar months ("reviewed every two years").
    CHECK(period("2 years") == Period{24, Unit::months});
    CHECK(period("1 year") == Period{12, Unit::months});
    CHECK(parse_period("834 years").error().message ==
          "bad period '834 years': the count must be between 0 and 833");
}

TEST_CASE("the short forms staff type read as the same periods as the words") {
    auto period = [](const char* text) {
        auto parsed = parse_period(text);
        REQUIRE(parsed.ok());
        return *parsed;
    };
    CHECK(period("48h") == Period{48, Unit::hours});
    CHECK(period("2d") == Period{2, Unit::days});
    CHECK(period("2wd") == Period{2, Unit::working_days});
    CHECK(period("2WD") == Period{2, Unit::working_days});
    CHECK(period("2 wd") == Period{2, Unit::working_days});
    CHECK(period("3w") == Period{3, Unit::weeks});
    CHECK(period("1m") == Period{1, Unit::months});
    CHECK(period("2y") == Period{24, Unit::months});
    for (const char* text : {"wd", "2x", "2 d s", "-2d", "2.5d", "d2", "2dd"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_period(text).ok());
    }
    CHECK(parse_period("10001d").error().message ==
          "bad period '10001d': the count must be between 0 and 10000");
}

TEST_CASE("bad periods say what was expected") {
    auto typo = parse_period("5 dayz");
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().kind == ErrorKind::usage);
    CHECK(typo.error().message ==
          "bad period '5 dayz': expected a number and a unit: 48h, 5d, 10wd, 2w, 1m, 1y, or spelt "
          "out (48 hours, 5 days, 10 working days, 2 weeks, 1 month, 1 year)");
    for (const char* text :
         {"", "days", "5", "-5 days", "+5 days", "5.5 days", "five days", "5days", "5 working",
          "5 days later", "0x10 days", "5 working weeks"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_period(text).ok());
    }
    CHECK(parse_period("10001 days").error().message ==
          "bad period '10001 days': the count must be between 0 and 10000");
    CHECK_FALSE(parse_period("99999999999999999999 days").ok());
}

TEST_CASE("unit names round-trip: every unit is read back from the name it is given") {
    const std::vector<Unit> every{Unit::hours, Unit::days, Unit::working_days, Unit::weeks,
                                  Unit::months};
    REQUIRE(unit_names.size() == every.size());
    std::set<std::string> names;
    for (Unit unit : every) {
        CAPTURE(unit_name(unit, 2));
        CHECK(parse_period("1 " + unit_name(unit, 1)).value() == Period{1, unit});
        CHECK(parse_period("2 " + unit_name(unit, 2)).value() == Period{2, unit});
        CHECK(names.insert(unit_name(unit, 1)).second);
        CHECK(names.insert(unit_name(unit, 2)).second);
    }
    CHECK(unit_name(Unit::working_days, 1) == "working day");
    CHECK(unit_name(Unit::months, 3) == "months");
}

TEST_CASE("periods are described in plain words") {
    CHECK(describe({48, Unit::hours}) == "48 hours");
    CHECK(describe({1, Unit::working_days}) == "1 working day");
    CHECK(describe({1, Unit::months}) == "1 month");
    CHECK(describe({8, Unit::weeks}) == "8 weeks");
    CHECK(describe({0, Unit::days}) == "0 days");
    CHECK(unit_name(Unit::days, 1) == "day");
    for (const char* text : {"48 hours", "1 working day", "3 months", "1 week", "28 days"})
        CHECK(describe(period(text)) == text);
}

TEST_CASE("48 hours is elapsed clock time, across either clock change") {
    SUBCASE("received Fri 27 March 2026 10:00 GMT: due Sun 29 March 11:00 BST") {
        auto d = due("2026-03-27T10:00", "48 hours");
        CHECK_FALSE(d.is_day);
        CHECK(shown(d) == "2026-03-29T11:00:00+01:00");
        CHECK(d.day == day("2026-03-29"));
    }
    SUBCASE("received Fri 23 October 2026 10:00 BST: due Sun 25 October 09:00 GMT") {
        auto d = due("2026-10-23T10:00", "48 hours");
        CHECK(shown(d) == "2026-10-25T09:00:00+00:00");
        CHECK(d.day == day("2026-10-25"));
    }
    SUBCASE("roll-forward does not move an hour deadline off a Sunday") {
        auto d = due("2026-03-27T10:00", "48 hours", {.roll_forward = true});
        CHECK(shown(d) == "2026-03-29T11:00:00+01:00");
    }
    SUBCASE("the due day is the local day of the due moment") {
        auto d = due("2026-06-30T23:30", "1 hour");
        CHECK(d.day == day("2026-07-01"));
    }
}

TEST_CASE("calendar days: the day of receipt is not counted") {
    SUBCASE("received 1 March, 28 days: due by the end of 29 March") {
        auto d = due("2026-03-01T15:00", "28 days");
        CHECK(d.is_day);
        CHECK(d.day == day("2026-03-29"));
        CHECK(shown(d) == "2026-03-30T00:00:00+01:00");
    }
    SUBCASE("received at 23:59 counts from that day") {
        CHECK(due("2026-03-01T23:59", "28 days").day == day("2026-03-29"));
    }
    SUBCASE("received at 00:00 counts from that day") {
        CHECK(due("2026-03-02T00:00", "28 days").day == day("2026-03-30"));
    }
    SUBCASE("beginning with the day of receipt: 28 days from 1 March end 28 March") {
        CHECK(due("2026-03-01T15:00", "28 days", {.beginning_with = true}).day ==
              day("2026-03-28"));
    }
    SUBCASE("a calendar-day deadline stays on a Sunday unless the policy rolls forward") {
        CHECK(due("2026-03-01T15:00", "28 days").day == day("2026-03-29"));
        CHECK(due("2026-03-01T15:00", "28 days", {.roll_forward = true}).day == day("2026-03-30"));
    }
    SUBCASE("roll forward past Good Friday and Easter Monday") {
        CHECK(due("2026-03-27T10:00", "7 days", {.roll_forward = true}).day == day("2026-04-07"));
    }
}

TEST_CASE("weeks are seven calendar days each: 8 weeks is 56 days") {
    CHECK(due("2026-03-01T09:00", "8 weeks").day == day("2026-04-26"));
    CHECK(due("2026-03-01T09:00", "1 week", {.beginning_with = true}).day == day("2026-03-07"));
}

TEST_CASE("working days: the day of receipt is not counted") {
    SUBCASE("received Friday 10:00, 10 working days, Easter in between: due Tuesday 14 April") {
        auto d = due("2026-03-27T10:00", "10 working days");
        CHECK(d.day == day("2026-04-14"));
        CHECK(shown(d) == "2026-04-15T00:00:00+01:00");
    }
    SUBCASE("received on a Saturday, 1 working day: due Monday") {
        CHECK(due("2026-03-28T11:00", "1 working day").day == day("2026-03-30"));
    }
    SUBCASE("received on Good Friday, 3 working days: due Thursday 9 April") {
        CHECK(due("2026-04-03T09:00", "3 working days").day == day("2026-04-09"));
    }
    SUBCASE("received Thursday at 23:59 counts from Thursday") {
        CHECK(due("2026-03-26T23:59", "1 working day").day == day("2026-03-27"));
    }
    SUBCASE("received Friday at 00:00 counts from Friday") {
        CHECK(due("2026-03-27T00:00", "1 working day").day == day("2026-03-30"));
    }
    SUBCASE("received 23:30Z on 30 June is 1 July in London") {
        CHECK(due("2026-06-30T23:30Z", "1 working day").day == day("2026-07-02"));
    }
    SUBCASE("beginning with a working day of receipt: that day is day 1") {
        CHECK(due("2026-03-27T10:00", "1 working day", {.beginning_with = true}).day ==
              day("2026-03-27"));
        CHECK(due("2026-03-27T10:00", "10 working days", {.beginning_with = true}).day ==
              day("2026-04-13"));
    }
    SUBCASE("beginning with a Saturday of receipt: day 1 is Monday") {
        CHECK(due("2026-03-28T10:00", "1 working day", {.beginning_with = true}).day ==
              day("2026-03-30"));
    }
    SUBCASE("Scotland has no Easter Monday") {
        CalendarSpec spec;
        spec.division = Division::scotland;
        auto scotland = calendar(spec);
        auto d = due_after(at("2026-04-02T10:00"), period("1 working day"), {}, scotland);
        CHECK(d.day == day("2026-04-06"));
    }
}

TEST_CASE("months follow the corresponding-date rule") {
    SUBCASE("31 January + 1 month is the last day of February") {
        CHECK(due("2026-01-31T12:00", "1 month").day == day("2026-02-28"));
        CHECK(due("2028-01-31T12:00", "1 month").day == day("2028-02-29"));
    }
    SUBCASE("4 months from 30 September ends 30 January") {
        CHECK(due("2026-09-30T12:00", "4 months").day == day("2027-01-30"));
    }
    SUBCASE("12 months from 29 February 2028 ends 28 February 2029") {
        CHECK(due("2028-02-29T12:00", "12 months").day == day("2029-02-28"));
    }
    SUBCASE("six months beginning with 2 November ends 1 May") {
        CHECK(due("2026-11-02T12:00", "6 months", {.beginning_with = true}).day ==
              day("2027-05-01"));
    }
    SUBCASE("one month beginning with 1 March ends 31 March") {
        CHECK(due("2026-03-01T12:00", "1 month", {.beginning_with = true}).day ==
              day("2026-03-31"));
    }
    SUBCASE("three months beginning with 31 August: no 31 November, so 30 November") {
        CHECK(due("2026-08-31T12:00", "3 months", {.beginning_with = true}).day ==
              day("2026-11-30"));
    }
    SUBCASE("a month-end on a Saturday rolls to Monday only when asked") {
        CHECK(due("2026-09-28T12:00", "1 month").day == day("2026-10-28"));
        CHECK(due("2026-09-30T12:00", "1 month").day == day("2026-10-30"));
        CHECK(due("2026-09-03T12:00", "1 month", {.roll_forward = true}).day == day("2026-10-05"));
    }
}

TEST_CASE("extensions add a period to the due") {
    SUBCASE("10 working days more, counted after the due day") {
        auto base = due("2026-03-27T10:00", "10 working days");
        auto extended = extend_due(base, period("10 working days"), london_calendar());
        CHECK(extended.is_day);
        CHECK(extended.day == day("2026-04-28"));
    }
    SUBCASE("24 hours more on an hour deadline") {
        auto base = due("2026-03-27T10:00", "48 hours");
        auto extended = extend_due(base, period("24 hours"), london_calendar());
        CHECK_FALSE(extended.is_day);
        CHECK(shown(extended) == "2026-03-30T11:00:00+01:00");
    }
    SUBCASE("1 month more from 31 January lands on the last day of February") {
        auto extended = extend_due(due_on(day("2026-01-31"), london_calendar()), period("1 month"),
                                   london_calendar());
        CHECK(extended.day == day("2026-02-28"));
    }
    SUBCASE("14 days more on an hour deadline counts from its local day") {
        auto base = due("2026-03-27T10:00", "48 hours");
        auto extended = extend_due(base, period("14 days"), london_calendar());
        CHECK(extended.is_day);
        CHECK(extended.day == day("2026-04-12"));
    }
}

TEST_CASE("a due day set explicitly ends at the end of that day") {
    auto d = due_on(day("2026-05-01"), london_calendar());
    CHECK(d.is_day);
    CHECK(d.day == day("2026-05-01"));
    CHECK(shown(d) == "2026-05-02T00:00:00+01:00");
    SUBCASE("the end of the autumn clock-change day is 25 hours after its start") {
        auto autumn = due_on(day("2026-10-25"), london_calendar());
        CHECK(shown(autumn) == "2026-10-26T00:00:00+00:00");
    }
}

TEST_CASE("the worked examples of docs/POLICY.md") {
    const Counting beginning{true, false};
    const Counting rolling{false, true};
    CHECK(shown(due("2026-03-27T10:00", "48 hours")) == "2026-03-29T11:00:00+01:00");
    CHECK(shown(due("2026-10-23T10:00", "48 hours")) == "2026-10-25T09:00:00+00:00");
    CHECK(due("2026-03-01T16:00", "28 days").day == day("2026-03-29"));
    CHECK(due("2026-03-01T16:00", "28 days", rolling).day == day("2026-03-30"));
    CHECK(due("2026-04-02T10:00", "10 working days").day == day("2026-04-20"));
    CHECK(due("2026-01-05T10:00", "8 weeks").day == day("2026-03-02"));
    CHECK(due("2026-01-15T10:00", "1 month").day == day("2026-02-15"));
    CHECK(due("2026-01-31T10:00", "1 month").day == day("2026-02-28"));
    CHECK(due("2028-01-31T10:00", "1 month").day == day("2028-02-29"));
    CHECK(due("2026-09-30T10:00", "4 months").day == day("2027-01-30"));
    CHECK(due("2025-11-02T10:00", "6 months", beginning).day == day("2026-05-01"));
    CHECK(due("2026-04-13T10:00", "5 days", beginning).day == day("2026-04-17"));
    CHECK(due("2026-03-06T10:00", "28 days", rolling).day == day("2026-04-07"));
    CHECK(due("2026-04-02T10:00", "10 working days", rolling).day == day("2026-04-20"));
}

TEST_SUITE_END();
