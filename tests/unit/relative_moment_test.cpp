// Moments typed at a desk (src/core/relative_moment.cpp): relative to a "now" handed in.
#include "complaints/relative_moment.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::support;

TEST_SUITE_BEGIN("core::relative_moment");

TEST_CASE("moments typed at a desk, relative to now, in the policy's zone") {
    // Now: Monday 30 March 2026, 10:15 BST (the clocks went forward on Sunday 29 March).
    const Instant now = at("2026-03-30T10:15");
    auto near = [&](const char* text) {
        auto moment = parse_moment_near(text, now, london());
        REQUIRE_MESSAGE(moment.ok(), text);
        return format_moment(*moment, london());
    };
    CHECK(near("today") == "2026-03-30T10:15:00+01:00");
    CHECK(near("09:30") == "2026-03-30T09:30:00+01:00");
    // The day before, at the same time on the wall clock: across the change, 25 hours back.
    CHECK(near("yesterday") == "2026-03-29T10:15:00+01:00");
    CHECK(near("-2d") == "2026-03-28T10:15:00+00:00");
    CHECK(near("-3h") == "2026-03-30T07:15:00+01:00");
    CHECK(near("2026-03-27T10:00") == "2026-03-27T10:00:00+00:00");
    for (const char* text : {"tomorrow", "25:00", "-2x", "-d", "2d", "Today ", "-123456d"}) {
        CAPTURE(text);
        auto refused = parse_moment_near(text, now, london());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::usage);
    }
    CHECK(parse_moment_near("soon", now, london()).error().message ==
          "bad date/time 'soon': expected YYYY-MM-DD, optionally followed by THH:MM[:SS] and Z or "
          "an offset like +01:00; or today, yesterday, HH:MM (today), -2d, -3h");
}

TEST_SUITE_END();
