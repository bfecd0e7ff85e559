#include "cli/ics.hpp"

#include "complaints/utf8.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::cli;

namespace {

/// Acknowledge within 48 hours and resolve within 5 working days; then 10 working days for
/// the complainant to ask for a review, which is theirs to meet and never in a staff calendar.
const char* const procedure = R"([policy]
id = "riverside"
version = "2026-01-01"
title = "Complaints procedure"
organisation = "Riverside Nursery"

[calendar]
time_zone = "Europe/London"
bank_holidays = "england-and-wales"

[[stage]]
id = "informal"
title = "Informal resolution"
handler = "Room leader"
entry = ["receipt"]

  [[stage.milestone]]
  id = "acknowledge"
  title = "Acknowledge"
  within = "48 hours"
  from = "receipt"
  met_by = "acknowledged"

  [[stage.milestone]]
  id = "resolve"
  title = "Resolve"
  within = "5 working days"
  from = "receipt"
  met_by = "resolved"

  [[stage.milestone]]
  id = "ask-for-review"
  within = "10 working days"
  from = "outcome"
  met_by = "escalated"
  party = "complainant"
)";

const Policy& riverside() {
    static const Policy policy = parse_policy(procedure, "riverside.toml").value();
    return policy;
}

const WorkingCalendar& calendar() {
    static const WorkingCalendar cal = WorkingCalendar::make(riverside().calendar).value();
    return cal;
}

Instant at(const char* text) {
    return parse_moment(text, calendar().zone()).value();
}

/// Received Monday 2 March 2026 at 10:00 in London, read on Tuesday at 09:00.
Reading reading(const std::string& summary, const std::vector<Event>& events = {}) {
    Reading r;
    r.complaint.id = "k7m2qxh9";
    r.complaint.policy = "riverside";
    r.complaint.policy_version = "2026-01-01";
    r.complaint.received = at("2026-03-02T10:00");
    r.complaint.summary = summary;
    r.complaint.events = events;
    r.policy = &riverside();
    r.calendar = &calendar();
    r.state = derive_state(r.complaint, riverside(), calendar(), at("2026-03-03T09:00")).value();
    return r;
}

/// The physical lines of folded iCalendar text, without their CRLF.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(text.substr(start, end - start));
    CHECK(start == text.size());
    return lines;
}

/// The content lines, folded lines joined again as a calendar reader does.
std::vector<std::string> content_lines(const std::string& text) {
    std::vector<std::string> lines;
    for (const std::string& line : physical_lines(text))
        if (!line.empty() && line[0] == ' ')
            lines.back() += line.substr(1);
        else
            lines.push_back(line);
    return lines;
}

long count_of(const std::vector<std::string>& lines, const std::string& line) {
    return std::count(lines.begin(), lines.end(), line);
}

} // namespace

TEST_SUITE_BEGIN("cli::ics");

TEST_CASE("the calendar's opening and closing lines, each ending in CRLF") {
    CHECK(content_lines(ics_begin()) ==
          std::vector<std::string>{
              "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//complaints//complaints register//EN",
              "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Complaint deadlines"});
    CHECK(ics_end() == "END:VCALENDAR\r\n");
}

TEST_CASE("one event per open staff deadline; the complainant's window is left out") {
    const auto lines =
        content_lines(ics_events(reading("Trip cancelled"), at("2026-03-03T09:00"), false));
    CHECK(count_of(lines, "BEGIN:VEVENT") == 2);
    CHECK(count_of(lines, "END:VEVENT") == 2);
    CHECK(count_of(lines, "UID:k7m2qxh9-informal-acknowledge-1@complaints") == 1);
    CHECK(count_of(lines, "UID:k7m2qxh9-informal-resolve-1@complaints") == 1);
    // 48 hours from 10:00 GMT on Monday: an hour-based deadline is a moment, in UTC.
    CHECK(count_of(lines, "DTSTART:20260304T100000Z") == 1);
    CHECK(count_of(lines, "DTSTAMP:20260303T090000Z") == 2);
    CHECK(count_of(lines, "SUMMARY:Acknowledge (k7m2qxh9)") == 1);
}

TEST_CASE("an hour-based deadline has an end and an alarm an hour before; a day has neither") {
    const auto lines =
        content_lines(ics_events(reading("Trip cancelled"), at("2026-03-03T09:00"), false));
    CHECK(count_of(lines, "DTEND:20260304T103000Z") == 1);
    CHECK(count_of(lines, "BEGIN:VALARM") == 1);
    CHECK(count_of(lines, "TRIGGER:-PT1H") == 1);
    CHECK(count_of(lines, "ACTION:DISPLAY") == 1);
    CHECK(count_of(lines, "DESCRIPTION:Acknowledge (k7m2qxh9) due in an hour") == 1);
    CHECK(count_of(lines, "END:VALARM") == 1);
    // The all-day event of the 5-working-day deadline keeps its day-based end only.
    CHECK(count_of(lines, "DTEND;VALUE=DATE:20260310") == 1);
}

TEST_CASE("summary text is escaped, and long descriptions fold at 75 octets whole") {
    const std::string summary = "Fees, charged twice; March\nagain — 料金が二重に請求されました \\ "
                                "\x1b[31m and more words to pass seventy-five octets";
    const std::string text = ics_events(reading(summary), at("2026-03-03T09:00"), false);
    for (const std::string& line : physical_lines(text)) {
        CHECK(line.size() <= 75);
        CHECK(utf8::valid(line));
    }
    const auto lines = content_lines(text);
    const std::string expected = "\\nComplaint: Fees\\, charged twice\\; March\\nagain — "
                                 "料金が二重に請求されました \\\\ \\\\x1b[31m and more words";
    long found = 0;
    for (const std::string& line : lines)
        if (line.rfind("DESCRIPTION:", 0) == 0 && line.find(expected) != std::string::npos) ++found;
    CHECK(found == 2);
}

TEST_CASE("redacted: the complaint's summary is left out") {
    const std::string text = ics_events(reading("Private matter"), at("2026-03-03T09:00"), true);
    CHECK(text.find("BEGIN:VEVENT") != std::string::npos);
    CHECK(text.find("Private matter") == std::string::npos);
    CHECK(text.find("Complaint:") == std::string::npos);
}

TEST_CASE("a complaint that is no longer open has no events") {
    Event withdrawn;
    withdrawn.at = at("2026-03-02T15:00");
    withdrawn.type = "withdrawn";
    withdrawn.text = "Sorted out informally";
    const Reading r = reading("Trip cancelled", {withdrawn});
    REQUIRE(r.state.status != ComplaintStatus::open);
    CHECK(ics_events(r, at("2026-03-03T09:00"), false) == "");
}

TEST_SUITE_END();
