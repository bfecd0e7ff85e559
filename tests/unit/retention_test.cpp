#include "complaints/retention.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::support;

namespace {

Complaint resolved_complaint(const char* received, const char* resolved) {
    Complaint c;
    c.id = "k7m2qxh9";
    c.received = at(received);
    Event e;
    e.type = "resolved";
    e.at = at(resolved);
    c.events.push_back(e);
    return c;
}

ComplaintState with_status(ComplaintStatus status) {
    ComplaintState state;
    state.status = status;
    return state;
}

const Period month{1, Unit::months};

} // namespace

TEST_SUITE_BEGIN("core::retention");

TEST_CASE("EYFS: kept 3 years after closure, then due for anonymisation") {
    const Policy eyfs = shipped_policy("eyfs");
    const Complaint c = resolved_complaint("2023-02-01T10:00", "2023-03-10T15:00");
    const ComplaintState resolved = with_status(ComplaintStatus::resolved);
    auto on = [&](const char* now) {
        return retention_due(c, resolved, eyfs, london_calendar(), at(now), month);
    };
    REQUIRE(on("2026-01-05T09:00"));
    CHECK(format_day(on("2026-01-05T09:00")->due.day) == "2026-03-10");
    CHECK(on("2026-01-05T09:00")->from == at("2023-03-10T15:00"));
    CHECK(on("2026-01-05T09:00")->state == RetentionState::kept);
    CHECK(on("2026-02-20T09:00")->state == RetentionState::due_soon);
    CHECK(on("2026-03-10T23:00")->state == RetentionState::due_soon); // its last day
    CHECK(on("2026-03-11T00:30")->state == RetentionState::expired);
}

TEST_CASE("an open complaint is kept while open when retention counts from closure") {
    const Complaint c = resolved_complaint("2020-02-01T10:00", "2020-03-10T15:00");
    CHECK_FALSE(retention_due(c, with_status(ComplaintStatus::open), shipped_policy("eyfs"),
                              london_calendar(), at("2026-01-05T09:00"), month));
}

TEST_CASE("the last closure counts: a reopened and resolved again complaint starts again") {
    Complaint c = resolved_complaint("2022-01-01T10:00", "2022-02-01T10:00");
    Event reopened;
    reopened.type = "reopened";
    reopened.at = at("2022-03-01T10:00");
    Event again = c.events.front();
    again.at = at("2023-06-01T10:00");
    c.events.push_back(reopened);
    c.events.push_back(again);
    const ComplaintState resolved = with_status(ComplaintStatus::resolved);
    CHECK(closed_at(c, resolved) == at("2023-06-01T10:00"));
    CHECK(format_day(retention_due(c, resolved, shipped_policy("eyfs"), london_calendar(),
                                   at("2026-01-05T09:00"), month)
                         ->due.day) == "2026-06-01");
}

TEST_CASE("a policy that states no retention keeps records without a date") {
    const Complaint c = resolved_complaint("2010-02-01T10:00", "2010-03-10T15:00");
    CHECK_FALSE(retention_due(c, with_status(ComplaintStatus::resolved), shipped_policy("fca-disp"),
                              london_calendar(), at("2026-01-05T09:00"), month));
}

TEST_CASE("retention counted from receipt applies to open complaints too") {
    Policy policy = shipped_policy("eyfs");
    policy.retention = Retention{Period{1, Unit::months}, RetentionFrom::received};
    Complaint c = resolved_complaint("2026-01-01T10:00", "2026-01-02T10:00");
    c.events.clear();
    auto due = retention_due(c, with_status(ComplaintStatus::open), policy, london_calendar(),
                             at("2026-03-01T09:00"), month);
    REQUIRE(due);
    CHECK(due->state == RetentionState::expired);
    CHECK(format_day(due->due.day) == "2026-02-01");
}

TEST_SUITE_END();
