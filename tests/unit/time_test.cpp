#include "complaints/time.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

const date::time_zone* zone(const char* name) {
    return find_zone(name).value();
}

/// Parses in London and shows the instant in UTC, so tests read as wall-clock facts.
std::string utc_of(const char* text) {
    auto moment = parse_moment(text, london());
    REQUIRE_MESSAGE(moment.ok(), text);
    return format_moment(*moment, zone("UTC"));
}

} // namespace

TEST_SUITE_BEGIN("core::time");

TEST_CASE("time zones come from the tz database by name") {
    CHECK(find_zone("Europe/London").ok());
    auto unknown = find_zone("Europe/Atlantis");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::usage);
    CHECK(unknown.error().message ==
          "unknown time zone 'Europe/Atlantis'; use an IANA name such as 'Europe/London'");
    CHECK_FALSE(find_zone("").ok());
}

TEST_CASE("only IANA zone names are accepted, not files of this machine") {
    CHECK(find_zone("GB").ok()); // a link tzdata lists
    CHECK(find_zone("UTC").ok());
    CHECK(find_zone("Etc/GMT+5").ok());
    for (const char* name :
         {"localtime", "posixrules", "Factory", "right/Europe/London", "posix/Europe/London"}) {
        auto refused = find_zone(name);
        REQUIRE_FALSE_MESSAGE(refused.ok(), name);
        CHECK(refused.error().kind == ErrorKind::usage);
        CHECK(refused.error().message ==
              fmt::format("time zone '{}' is not an IANA zone name; use an IANA name such as "
                          "'Europe/London'",
                          name));
    }
    for (const char* path :
         {"/usr/share/zoneinfo/Europe/London", "/etc/localtime", "Europe/../Europe/London"}) {
        auto refused = find_zone(path);
        REQUIRE_FALSE_MESSAGE(refused.ok(), path);
        CHECK(refused.error().message ==
              fmt::format("time zone '{}' is a path; use an IANA name such as 'Europe/London'",
                          path));
    }
    CHECK_FALSE(find_zone("europe/london").ok());
    CHECK_FALSE(find_zone("zone.tab").ok());
    CHECK_FALSE(find_zone("tzdata.zi").ok());
}

TEST_CASE("summer time continues after the last change the zone files list (2037)") {
    SUBCASE("London, 1 July 2038 and 2100: BST") {
        auto moment = *parse_moment("2038-07-01T12:00Z", london());
        CHECK(format_moment(moment, london()) == "2038-07-01T13:00:00+01:00");
        CHECK(format_moment(*parse_moment("2100-07-01T12:00Z", london()), london()) ==
              "2100-07-01T13:00:00+01:00");
        CHECK(utc_of("2038-07-01T12:00") == "2038-07-01T11:00:00+00:00");
    }
    SUBCASE("the changes on the last Sundays of March and October 2040") {
        CHECK(utc_of("2040-03-25T00:59") == "2040-03-25T00:59:00+00:00");
        CHECK(utc_of("2040-03-25T01:30") == "2040-03-25T01:30:00+00:00"); // in the gap
        CHECK(utc_of("2040-03-25T02:00") == "2040-03-25T01:00:00+00:00");
        CHECK(utc_of("2040-10-28T01:30") == "2040-10-28T00:30:00+00:00"); // overlap: earlier
        CHECK(utc_of("2040-10-28T02:00") == "2040-10-28T02:00:00+00:00");
        auto spring = day("2040-03-25");
        CHECK(end_of_day(spring, london()) - start_of_day(spring, london()) ==
              std::chrono::hours{23});
        auto autumn = day("2040-10-28");
        CHECK(end_of_day(autumn, london()) - start_of_day(autumn, london()) ==
              std::chrono::hours{25});
    }
    SUBCASE("the local day of a moment just after midnight BST") {
        CHECK(local_day(*parse_moment("2040-07-02T23:30Z", london()), london()) ==
              day("2040-07-03"));
    }
    SUBCASE("the abbreviation and span come from the rule") {
        auto info = zone_info(*parse_moment("2040-07-01T12:00Z", london()), london());
        CHECK(info.abbrev == "BST");
        CHECK(format_moment(info.begin, zone("UTC")) == "2040-03-25T01:00:00+00:00");
        CHECK(format_moment(info.end, zone("UTC")) == "2040-10-28T01:00:00+00:00");
    }
    SUBCASE("southern hemisphere and a midnight gap") {
        auto sydney = zone("Australia/Sydney");
        CHECK(format_moment(*parse_moment("2050-01-01T00:00Z", sydney), sydney) ==
              "2050-01-01T11:00:00+11:00");
        auto havana = zone("America/Havana");
        CHECK(format_moment(start_of_day(day("2050-03-13"), havana), havana) ==
              "2050-03-13T01:00:00-04:00");
    }
}

TEST_CASE("local mean time: offsets with seconds are written in UTC") {
    // London kept local mean time, 1 minute 15 seconds behind Greenwich, until 1847.
    auto moment = *parse_moment("1840-01-01T12:00", london());
    CHECK(format_moment(moment, zone("UTC")) == "1840-01-01T12:01:15+00:00");
    CHECK(format_moment(moment, london()) == "1840-01-01T12:01:15Z");
    CHECK(*parse_moment(format_moment(moment, london()), london()) == moment);
    CHECK(local_day(*parse_moment("1840-01-01T00:00:30Z", london()), london()) ==
          day("1839-12-31"));
    // From 1 December 1847, GMT.
    CHECK(format_moment(*parse_moment("1848-01-01T12:00", london()), london()) ==
          "1848-01-01T12:00:00+00:00");
}

TEST_CASE("moments people type are read in the register's zone") {
    SUBCASE("a date alone is the start of that day") {
        CHECK(utc_of("2026-03-27") == "2026-03-27T00:00:00+00:00");
        CHECK(utc_of("2026-07-01") == "2026-06-30T23:00:00+00:00");
    }
    SUBCASE("T or a space between date and time, seconds optional") {
        CHECK(utc_of("2026-03-27T10:00") == "2026-03-27T10:00:00+00:00");
        CHECK(utc_of("2026-03-27 10:00:30") == "2026-03-27T10:00:30+00:00");
        CHECK(utc_of("2026-07-01T10:00") == "2026-07-01T09:00:00+00:00");
    }
    SUBCASE("Z or an explicit offset overrides the zone") {
        CHECK(utc_of("2026-07-01T10:00Z") == "2026-07-01T10:00:00+00:00");
        CHECK(utc_of("2026-07-01T10:00:00+05:30") == "2026-07-01T04:30:00+00:00");
        CHECK(utc_of("2026-01-01T00:30-01:00") == "2026-01-01T01:30:00+00:00");
    }
}

TEST_CASE("spring forward: a local time in the gap moves past the gap") {
    // Europe/London, Sunday 29 March 2026: 01:00 GMT jumps to 02:00 BST.
    CHECK(utc_of("2026-03-29T00:59") == "2026-03-29T00:59:00+00:00");
    CHECK(utc_of("2026-03-29T01:30") == "2026-03-29T01:30:00+00:00");
    CHECK(format_moment(*parse_moment("2026-03-29T01:30", london()), london()) ==
          "2026-03-29T02:30:00+01:00");
    CHECK(utc_of("2026-03-29T02:00") == "2026-03-29T01:00:00+00:00");
}

TEST_CASE("fall back: a local time in the overlap takes the earlier, summer-time reading") {
    // Europe/London, Sunday 25 October 2026: 02:00 BST falls back to 01:00 GMT.
    CHECK(utc_of("2026-10-25T01:30") == "2026-10-25T00:30:00+00:00");
    CHECK(format_moment(*parse_moment("2026-10-25T01:30", london()), london()) ==
          "2026-10-25T01:30:00+01:00");
    CHECK(utc_of("2026-10-25T02:00") == "2026-10-25T02:00:00+00:00");
}

TEST_CASE("impossible or sloppy moments are rejected") {
    const char* bad[] = {
        "2026-02-30",
        "2024-3-1",
        "24-03-01",
        "2026-03-27x",
        "2026-03-27T10:00 extra",
        "2026-03-27T10",
        "2026-03-27T24:00",
        "2026-03-27T10:60",
        "2026-03-27T10:00:60",
        "2026-03-27T10:00+5",
        "2026-03-27T10:00+05:30x",
        "2026-03-27T10:00z",
        "2026-03-27Z",
        " 2026-03-27",
        "2026-03-27 ",
        "",
        "2026/03/27",
        "2026-13-01",
        "2026-00-10",
        "２026-03-27",
        "2026-03-27T1:00",
        "+2026-03-27",
        "2026-03-27t10:00",
    };
    for (const char* text : bad) {
        CAPTURE(text);
        auto moment = parse_moment(text, london());
        REQUIRE_FALSE(moment.ok());
        CHECK(moment.error().kind == ErrorKind::usage);
    }
    CHECK(parse_moment("2026-02-30", london()).error().message.find("'2026-02-30'") !=
          std::string::npos);
    CHECK(parse_moment("2024-02-29", london()).ok());
}

TEST_CASE("plain days are strict YYYY-MM-DD") {
    CHECK(format_day(day("2026-03-27")) == "2026-03-27");
    CHECK_FALSE(parse_day("2026-02-29").ok());
    CHECK_FALSE(parse_day("2026-03-27T10:00").ok());
    CHECK_FALSE(parse_day("2026-3-27").ok());
    CHECK(parse_day("26-03-27").error().message == "bad date '26-03-27': expected YYYY-MM-DD");
}

TEST_CASE("local day of a moment depends on the zone, not the machine") {
    auto moment = *parse_moment("2026-06-30T23:30Z", london());
    CHECK(local_day(moment, london()) == day("2026-07-01"));
    CHECK(local_day(moment, zone("UTC")) == day("2026-06-30"));
    CHECK(local_day(moment, zone("America/Los_Angeles")) == day("2026-06-30"));
}

TEST_CASE("days start and end at local midnight") {
    SUBCASE("a summer day in London runs 23:00Z to 23:00Z") {
        CHECK(format_moment(start_of_day(day("2026-07-01"), london()), zone("UTC")) ==
              "2026-06-30T23:00:00+00:00");
        CHECK(format_moment(end_of_day(day("2026-07-01"), london()), london()) ==
              "2026-07-02T00:00:00+01:00");
    }
    SUBCASE("the spring-forward day is 23 hours long, the autumn one 25") {
        auto spring = day("2026-03-29");
        CHECK(end_of_day(spring, london()) - start_of_day(spring, london()) ==
              std::chrono::hours{23});
        auto autumn = day("2026-10-25");
        CHECK(end_of_day(autumn, london()) - start_of_day(autumn, london()) ==
              std::chrono::hours{25});
    }
    SUBCASE("a day whose midnight is skipped starts when the gap ends") {
        // America/Havana springs forward at midnight: 2026-03-08 00:00 does not exist.
        auto havana = zone("America/Havana");
        CHECK(format_moment(start_of_day(day("2026-03-08"), havana), havana) ==
              "2026-03-08T01:00:00-04:00");
        CHECK(end_of_day(day("2026-03-07"), havana) == start_of_day(day("2026-03-08"), havana));
    }
}

TEST_CASE("moments are written as RFC 3339 with the zone's offset, not Z") {
    auto moment = *parse_moment("2026-03-27T10:00Z", london());
    CHECK(format_moment(moment, london()) == "2026-03-27T10:00:00+00:00");
    CHECK(format_moment(moment, zone("Asia/Kolkata")) == "2026-03-27T15:30:00+05:30");
    CHECK(format_moment(moment, zone("America/St_Johns")) == "2026-03-27T07:30:00-02:30");
    SUBCASE("written moments read back as the same instant") {
        auto text = format_moment(moment, zone("America/St_Johns"));
        CHECK(*parse_moment(text, london()) == moment);
    }
}

TEST_CASE("days and moments are written as the date library writes them, for any year") {
    // Lists write thousands of dates without a stream; each must read as date::format's.
    const std::vector<const date::time_zone*> zones{london(), zone("Asia/Kolkata"),
                                                    zone("America/St_Johns"), zone("UTC")};
    for (long n = -800000; n <= 3300000; n += 997) { // years -220 to 11005, a day in every season
        const Day day{date::days{n}};
        INFO(n);
        CHECK(format_day(day) == date::format("%Y-%m-%d", day));
        const Instant moment = Instant{std::chrono::seconds{n * 86400 + n % 86400}};
        for (const auto* in : zones) {
            const auto offset = zone_info(moment, in).offset;
            if (offset % std::chrono::minutes{1} != std::chrono::seconds{0}) continue; // LMT
            const date::local_seconds local{(moment + offset).time_since_epoch()};
            const auto hours = std::chrono::abs(offset) / std::chrono::hours{1};
            const auto minutes =
                std::chrono::abs(offset) % std::chrono::hours{1} / std::chrono::minutes{1};
            CHECK(format_moment(moment, in) ==
                  date::format("%Y-%m-%dT%H:%M:%S", local) +
                      fmt::format("{}{:02}:{:02}", offset < std::chrono::seconds{0} ? '-' : '+',
                                  hours, minutes));
        }
    }
}

TEST_CASE("weekday names") {
    CHECK(weekday_name(day("2026-03-27")) == "Friday");
    CHECK(weekday_name(day("2026-03-29")) == "Sunday");
    CHECK(weekday_name(day("2026-03-30")) == "Monday");
}

TEST_SUITE_END();
