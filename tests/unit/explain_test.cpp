#include "complaints/explain.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::support;

namespace {

std::vector<std::string> shown(const std::vector<SkippedDay>& days) {
    std::vector<std::string> out;
    for (const auto& d : days)
        out.push_back(format_day(d.day) + " " + d.why);
    return out;
}

/// A deadline as derive_state makes it, for `milestone` counted from `anchor`.
Deadline deadline_for(const Milestone& milestone, const char* anchor) {
    Deadline d;
    d.stage = "investigation";
    d.stage_title = "Investigation";
    d.milestone = &milestone;
    d.party = milestone.party;
    d.anchor_at = at(anchor);
    d.base_due = due_after(d.anchor_at, milestone.period, milestone.counting, london_calendar());
    d.due = d.base_due;
    return d;
}

Milestone milestone(Period period, Anchor from = Anchor::receipt) {
    Milestone m;
    m.id = "acknowledge";
    m.title = "Acknowledge receipt";
    m.period = period;
    m.from = from;
    m.met_by = "acknowledged";
    return m;
}

} // namespace

TEST_SUITE_BEGIN("core::explain");

TEST_CASE("days_skipped names each day off after the anchor, up to the due day") {
    // Received Thursday 2 April 2026, before Easter.
    CHECK(shown(days_skipped(day("2026-04-02"), day("2026-04-20"), london_calendar())) ==
          std::vector<std::string>{"2026-04-03 Good Friday (bank holiday)", "2026-04-04 Saturday",
                                   "2026-04-05 Sunday", "2026-04-06 Easter Monday (bank holiday)",
                                   "2026-04-11 Saturday", "2026-04-12 Sunday",
                                   "2026-04-18 Saturday", "2026-04-19 Sunday"});
    CHECK(days_skipped(day("2026-04-07"), day("2026-04-10"), london_calendar()).empty());
    CHECK(days_skipped(day("2026-04-04"), day("2026-04-04"), london_calendar()).empty());
    CalendarSpec spec;
    spec.closures = {{day("2026-04-08"), "Training day"}};
    auto with_closure = WorkingCalendar::make(spec).value();
    CHECK(shown(days_skipped(day("2026-04-07"), day("2026-04-09"), with_closure)) ==
          std::vector<std::string>{"2026-04-08 closure: Training day"});
}

TEST_CASE("long_day and moment_words read like a letter") {
    CHECK(long_day(day("2026-04-02")) == "Thursday 2 April 2026");
    CHECK(moment_words(at("2026-04-02T10:00"), london_calendar().zone()) ==
          "Thursday 2 April 2026 at 10:00 BST");
    CHECK(moment_words(at("2026-01-05T09:30"), london_calendar().zone()) ==
          "Monday 5 January 2026 at 09:30 GMT");
}

TEST_CASE("anchor_words: what a milestone counts from, as a complainant would say it") {
    CHECK(anchor_words(milestone({5, Unit::days}, Anchor::receipt)) == "receipt of the complaint");
    CHECK(anchor_words(milestone({5, Unit::days}, Anchor::stage_start)) ==
          "the start of this stage");
    CHECK(anchor_words(milestone({5, Unit::days}, Anchor::escalation_request)) ==
          "the complainant's request for this stage");
    Milestone after = milestone({5, Unit::working_days}, Anchor::event);
    after.from_event = "meeting";
    CHECK(anchor_words(after) == "the meeting");
    after.from_event = "update";
    CHECK(anchor_words(after) == "the last update to the complainant");
}

TEST_CASE("dated matters: counted from when it happened or became known, whichever is later") {
    CHECK(anchor_words(milestone({12, Unit::months}, Anchor::occurred)) ==
          "when the matter happened");
    CHECK(anchor_words(milestone({12, Unit::months}, Anchor::known)) ==
          "when the complainant became aware of the matter (else when it happened)");
    Milestone stage_2 = milestone({2, Unit::months}, Anchor::outcome);
    stage_2.title = "Ask for stage 2";
    stage_2.whichever_later = LaterLimit{{6, Unit::months}, Anchor::occurred};
    CHECK(rule_words(stage_2) == "Ask for stage 2 within 2 months of the outcome being sent, or "
                                 "within 6 months of when the matter happened, whichever is later");
}

TEST_CASE("working days: the rule, day 1 and every day not counted") {
    Milestone m = milestone({10, Unit::working_days});
    Deadline d = deadline_for(m, "2026-04-02T10:00");
    auto e = explain_deadline(d, london_calendar());
    CHECK(e.rule == "Investigation: Acknowledge receipt within 10 working days of receipt of the "
                    "complaint");
    CHECK(e.anchor_day == day("2026-04-02"));
    REQUIRE(e.first_day.has_value());
    CHECK(*e.first_day == day("2026-04-07"));
    CHECK(e.counting.find("The day of receipt of the complaint (Thursday 2 April 2026) is not "
                          "counted. Day 1 is Tuesday 7 April 2026.") == 0);
    CHECK(shown(e.skipped).size() == 8);
    CHECK(shown(e.skipped).front() == "2026-04-03 Good Friday (bank holiday)");
    CHECK(e.result == "Due by the end of Monday 20 April 2026.");
    CHECK(e.unit.find("Monday to Friday only, not counting bank holidays in England and Wales") !=
          std::string::npos);
    CHECK(e.state == "Not yet due.");
}

TEST_CASE("received on a Saturday: counting starts on the next working day") {
    Milestone m = milestone({3, Unit::working_days});
    auto e = explain_deadline(deadline_for(m, "2026-01-10T12:00"), london_calendar());
    CHECK(*e.first_day == day("2026-01-12"));
    CHECK(shown(e.skipped) == std::vector<std::string>{"2026-01-11 Sunday"});
    CHECK(e.base_due.day == day("2026-01-14"));
}

TEST_CASE("from_working_day: received in a closure counts as received on the next working day") {
    // A school's procedure: "complaints received in the school holidays are treated as received
    // on the first school day". Easter holidays 29 March to 9 April 2027; Wednesday 31 March.
    CalendarSpec spec;
    for (Day d = day("2027-03-29"); d <= day("2027-04-09"); d += date::days{1})
        spec.closures.push_back({d, "Easter holidays"});
    auto school = WorkingCalendar::make(spec).value();
    Milestone m = milestone({5, Unit::working_days});
    m.counting.from_working_day = true;
    Deadline d = deadline_for(m, "2027-03-31T10:00");
    d.base_due = due_after(d.anchor_at, m.period, m.counting, school);
    d.due = d.base_due;
    CHECK(d.base_due.day == day("2027-04-19")); // 12 April is day 0; without the option, 16 April
    auto e = explain_deadline(d, school);
    CHECK(e.counting.find("Receipt of the complaint was on Wednesday 31 March 2027, not a "
                          "working day (closure: Easter holidays), so it counts as on Monday "
                          "12 April 2027. The day of receipt of the complaint (Monday 12 April "
                          "2027) is not counted. Day 1 is Tuesday 13 April 2027.") == 0);
    CHECK(shown(e.skipped) == std::vector<std::string>{"2027-04-17 Saturday", "2027-04-18 Sunday"});
    CHECK(e.rule.find("(on a day off, counted from the next working day)") != std::string::npos);
    m.counting.from_working_day = false;
    CHECK(due_after(d.anchor_at, m.period, m.counting, school).day == day("2027-04-16"));
}

TEST_CASE("beginning with: the anchor day is day 1") {
    Milestone m = milestone({6, Unit::months});
    m.counting.beginning_with = true;
    auto e = explain_deadline(deadline_for(m, "2025-11-02T10:00"), london_calendar());
    CHECK(e.counting.find("The period begins with the day of receipt of the complaint: Sunday 2 "
                          "November 2025 counts as day 1.") == 0);
    CHECK(e.base_due.day == day("2026-05-01"));
    CHECK(e.note == "Beginning with Sunday 2 November 2025, 6 months end the day before the "
                    "corresponding date, Saturday 2 May 2026.");
    CHECK(e.rule.find("(beginning with that day)") != std::string::npos);
}

TEST_CASE("beginning with Good Friday: not a working day, so day 1 is the next working day") {
    Milestone m = milestone({10, Unit::working_days});
    m.counting.beginning_with = true;
    auto e = explain_deadline(deadline_for(m, "2026-04-03T10:00"), london_calendar());
    CHECK(e.counting.find("The period begins with the day of receipt of the complaint, but Friday "
                          "3 April 2026 is not a working day (Good Friday (bank holiday)), so it "
                          "is not counted. Day 1 is Tuesday 7 April 2026.") == 0);
    CHECK(e.counting.find("counts as day 1") == std::string::npos);
    REQUIRE(e.first_day.has_value());
    CHECK(*e.first_day == day("2026-04-07"));
    // Days 1-4 are 7-10 April, 5-9 are 13-17 April, day 10 is Monday 20 April.
    CHECK(e.base_due.day == day("2026-04-20"));
    CHECK(shown(e.skipped).front() == "2026-04-03 Good Friday (bank holiday)");
    // On a working day, the anchor day is day 1: Thursday 2 April is day 1, days 2-5 are 7-10
    // April, day 10 is Friday 17 April.
    auto thursday = explain_deadline(deadline_for(m, "2026-04-02T10:00"), london_calendar());
    CHECK(thursday.counting.find("Thursday 2 April 2026 counts as day 1.") != std::string::npos);
    CHECK(thursday.base_due.day == day("2026-04-17"));
}

TEST_CASE("beginning with, months: a missing corresponding date is explained too") {
    Milestone m = milestone({3, Unit::months});
    m.counting.beginning_with = true;
    auto e = explain_deadline(deadline_for(m, "2026-08-31T10:00"), london_calendar());
    CHECK(e.base_due.day == day("2026-11-30"));
    CHECK(e.note == "November 2026 has no day 31, so the period ends on its last day.");
}

TEST_CASE("a period of 0 days has no day 1: it ends on the anchor day") {
    for (Unit unit : {Unit::days, Unit::working_days, Unit::weeks, Unit::months}) {
        for (bool beginning_with : {false, true}) {
            Milestone m = milestone({0, unit});
            m.counting.beginning_with = beginning_with;
            auto e = explain_deadline(deadline_for(m, "2026-04-03T10:00"), london_calendar());
            CAPTURE(e.counting);
            CHECK_FALSE(e.first_day.has_value());
            CHECK(e.counting.find("Day 1") == std::string::npos);
            CHECK(e.counting.find("day 1") == std::string::npos);
            CHECK(e.counting.find("so it ends on the day of receipt of the complaint itself "
                                  "(Friday 3 April 2026).") != std::string::npos);
            CHECK(e.base_due.day == day("2026-04-03"));
        }
    }
}

TEST_CASE("months: a missing corresponding date is explained") {
    Milestone m = milestone({1, Unit::months});
    auto e = explain_deadline(deadline_for(m, "2026-01-31T10:00"), london_calendar());
    CHECK(e.base_due.day == day("2026-02-28"));
    CHECK(e.note == "February 2026 has no day 31, so the period ends on its last day.");
    CHECK(e.skipped.empty());
}

TEST_CASE("calendar days with roll_forward: the days rolled over are listed") {
    Milestone m = milestone({28, Unit::days});
    m.counting.roll_forward = true;
    // 28 days from Thursday 5 March 2026 ends on Thursday 2 April; from 6 March, on Good Friday.
    auto e = explain_deadline(deadline_for(m, "2026-03-06T10:00"), london_calendar());
    REQUIRE(e.rolled_from.has_value());
    CHECK(*e.rolled_from == day("2026-04-03"));
    CHECK(shown(e.rolled_over) ==
          std::vector<std::string>{"2026-04-03 Good Friday (bank holiday)", "2026-04-04 Saturday",
                                   "2026-04-05 Sunday", "2026-04-06 Easter Monday (bank holiday)"});
    CHECK(e.base_due.day == day("2026-04-07"));
    CHECK(e.unit.find("weekends and bank holidays count") != std::string::npos);
    auto no_roll = explain_deadline(deadline_for(milestone({28, Unit::days}), "2026-03-05T10:00"),
                                    london_calendar());
    CHECK_FALSE(no_roll.rolled_from.has_value());
    CHECK(no_roll.skipped.empty());
}

TEST_CASE("hours: the moment, and a note when the clocks change") {
    Milestone m = milestone({48, Unit::hours}, Anchor::stage_start);
    auto e = explain_deadline(deadline_for(m, "2026-03-27T10:00"), london_calendar());
    CHECK(e.counting == "The period starts at the moment of the start of this stage: Friday 27 "
                        "March 2026 at 10:00 GMT.");
    CHECK(e.result == "Due by 11:00 BST on Sunday 29 March 2026.");
    CHECK(e.note.find("GMT to BST") != std::string::npos);
    CHECK_FALSE(e.first_day.has_value());
    auto calm = explain_deadline(deadline_for(m, "2026-03-20T10:00"), london_calendar());
    CHECK(calm.note.empty());
    CHECK(calm.result == "Due by 10:00 GMT on Sunday 22 March 2026.");
}

TEST_CASE("extensions and pauses are listed, with the working days they skip") {
    Milestone m = milestone({10, Unit::working_days});
    Deadline d = deadline_for(m, "2026-04-02T10:00");
    d.due = extend_due(d.base_due, {5, Unit::working_days}, london_calendar());
    d.adjustments.push_back({"extended by 5 working days (waiting for CCTV) by sarah", d.due});
    auto e = explain_deadline(d, london_calendar());
    REQUIRE(e.adjustments.size() == 1);
    CHECK(e.due.day == day("2026-04-27"));
    CHECK(shown(e.skipped_after) ==
          std::vector<std::string>{"2026-04-25 Saturday", "2026-04-26 Sunday"});
    CHECK(e.result == "Due by the end of Monday 27 April 2026.");
}

TEST_CASE("states in plain words") {
    Milestone m = milestone({10, Unit::working_days});
    Deadline d = deadline_for(m, "2026-04-02T10:00");
    d.state = DeadlineState::met;
    d.met_at = at("2026-04-08T15:30");
    CHECK(explain_deadline(d, london_calendar()).state ==
          "Met on Wednesday 8 April 2026 at 15:30 BST, in "
          "time.");
    d.late = true;
    CHECK(explain_deadline(d, london_calendar()).state.find(", late.") != std::string::npos);
    d.state = DeadlineState::overdue;
    CHECK(explain_deadline(d, london_calendar()).state.find("Overdue") == 0);
    Milestone window = milestone({1, Unit::months}, Anchor::outcome);
    window.party = Party::complainant;
    Deadline w = deadline_for(window, "2026-04-02T10:00");
    auto e = explain_deadline(w, london_calendar());
    CHECK(e.state == "Open: the complainant may still do this.");
    CHECK(e.rule.find("of the outcome being sent (a time limit for the complainant)") !=
          std::string::npos);
}

TEST_SUITE_END();
