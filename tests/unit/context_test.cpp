// What every command shares (src/cli/context.cpp): the exit codes and where "now" comes from.
#include "cli/context.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace complaints;
using namespace complaints::cli;

TEST_SUITE_BEGIN("cli::context");

TEST_CASE("the exit codes are 0 to 6, in order, each with its meaning") {
    int expected = 0;
    for (const ExitCodeMeaning& exit : exit_code_meanings()) {
        CHECK(exit.code == expected++);
        CHECK_FALSE(exit.meaning.empty());
    }
    CHECK(expected == 7);
    CHECK(exit_code_for(ErrorKind::usage) == exit_usage);
    CHECK(exit_code_for(ErrorKind::busy) == exit_busy);
}

TEST_CASE("now: --as-of (or $COMPLAINTS_NOW) read in the zone given") {
    GlobalOptions options;
    options.as_of = "2026-03-27T10:00";
    Session session(options);
    CHECK(session.now_given());
    auto zone = find_zone("Europe/London");
    REQUIRE(zone.ok());
    auto now = session.now(*zone);
    REQUIRE(now.ok());
    CHECK(format_moment(*now, *zone) == "2026-03-27T10:00:00+00:00");
}

TEST_CASE("now: a bad value is a usage error naming where it came from") {
    auto zone = find_zone("Europe/London");
    REQUIRE(zone.ok());
    GlobalOptions flag;
    flag.as_of = "tomorrow";
    auto from_flag = Session(flag).now(*zone);
    REQUIRE_FALSE(from_flag.ok());
    CHECK(from_flag.error().kind == ErrorKind::usage);
    CHECK(from_flag.error().message.starts_with("--as-of: bad date/time 'tomorrow'"));
    GlobalOptions variable = flag;
    variable.as_of_from_environment = true;
    auto from_variable = Session(variable).now(*zone);
    REQUIRE_FALSE(from_variable.ok());
    CHECK(from_variable.error().message.starts_with("COMPLAINTS_NOW: bad date/time 'tomorrow'"));
}

TEST_CASE("--at and --received read relative forms against --as-of, not the clock") {
    GlobalOptions options;
    options.as_of = "2026-03-27T10:00";
    Session session(options);
    auto zone = find_zone("Europe/London");
    REQUIRE(zone.ok());
    auto yesterday = session.moment("yesterday", "--at", *zone);
    REQUIRE(yesterday.ok());
    CHECK(format_moment(*yesterday, *zone) == "2026-03-26T10:00:00+00:00");
    auto morning = session.moment("08:45", "--received", *zone);
    REQUIRE(morning.ok());
    CHECK(format_moment(*morning, *zone) == "2026-03-27T08:45:00+00:00");
    auto bad = session.moment("soonish", "--at", *zone);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.starts_with("--at: bad date/time 'soonish'"));
}

TEST_CASE("an event is never anonymous: --by, else git's user.name, else the login name") {
    GlobalOptions options;
    options.register_dir = "/nonexistent/register"; // no register: no git to ask
    Session session(options);
    CHECK(session.author("sarah") == "sarah");
    CHECK_FALSE(session.author("").empty());
}

TEST_CASE("COMPLAINTS_LOCK_WAIT: seconds from 0 to 600, anything else a usage error") {
    CHECK(parse_lock_wait("5").value() == std::chrono::milliseconds{5000});
    CHECK(parse_lock_wait("0.5").value() == std::chrono::milliseconds{500});
    CHECK(parse_lock_wait("0").value() == std::chrono::milliseconds{0});
    CHECK(parse_lock_wait("600").value() == std::chrono::milliseconds{600000});
    for (std::string_view bad :
         {"abc", "-1", "601", "1e300", "inf", "nan", "5s", " 5", "0x10", "", "."}) {
        CAPTURE(bad);
        auto parsed = parse_lock_wait(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().kind == ErrorKind::usage);
        CHECK(parsed.error().message ==
              fmt::format("COMPLAINTS_LOCK_WAIT: '{}' is not a number of seconds from 0 to 600",
                          bad));
    }
}

TEST_CASE("now: neither given is the clock, and says so") {
    GlobalOptions options;
    CHECK_FALSE(Session(options).now_given());
}

TEST_SUITE_END();
