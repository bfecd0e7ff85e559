#include "complaints/complaint.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::support;
using namespace std::chrono_literals;

namespace {

const char* example_file =
    R"(# Complaint k7m2qxh9 — intake facts first, then the event log. See docs/FORMAT.md.
id = "k7m2qxh9"
policy = "big-bums"
policy_version = "2024-03-05"
received = 2026-03-27T10:00:00+00:00
channel = "email"
name = "Jo Bloggs"
contact = "jo@example.org"
summary = "Child left unsupervised"
details = "Line one\nLine two"
occurred = "Tuesday 24 March, around 10:30"
people = ["Sarah Robb"]
evidence = ["photos/door.jpg"]
severity = "serious"
category = "safeguarding"
handler = "Sarah Robb"

events = [
  { at = 2026-03-27T11:00:00+00:00, type = "acknowledged", by = "sarah" },
  { at = 2026-03-28T09:00:00+00:00, type = "note", by = "sarah", text = "Called Jo" },
]
)";

Complaint example() {
    Complaint c;
    c.id = "k7m2qxh9";
    c.policy = "big-bums";
    c.policy_version = "2024-03-05";
    c.received = utc(2026, 3, 27, 10);
    c.channel = "email";
    c.name = "Jo Bloggs";
    c.contact = "jo@example.org";
    c.summary = "Child left unsupervised";
    c.details = "Line one\nLine two";
    c.occurred = "Tuesday 24 March, around 10:30";
    c.people = {"Sarah Robb"};
    c.evidence = {"photos/door.jpg"};
    c.severity = "serious";
    c.category = "safeguarding";
    c.handler = "Sarah Robb";
    Event ack;
    ack.at = utc(2026, 3, 27, 11);
    ack.type = "acknowledged";
    ack.by = "sarah";
    Event note;
    note.at = utc(2026, 3, 28, 9);
    note.type = "note";
    note.by = "sarah";
    note.text = "Called Jo";
    c.events = {ack, note};
    return c;
}

/// The minimal valid file with `extra` lines before the events and `events` inside them.
std::string minimal(std::string_view extra = "", std::string_view events = "") {
    return "id = \"k7m2qxh9\"\npolicy = \"big-bums\"\npolicy_version = \"2024-03-05\"\n"
           "received = 2026-03-27T10:00:00+00:00\n" +
           std::string(extra) + "events = [\n" + std::string(events) + "]\n";
}

std::string error_of(std::string_view text) {
    auto parsed = parse_complaint(text, "complaints/k7m2qxh9.toml");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().kind == ErrorKind::data);
    return parsed.error().to_string();
}

} // namespace

TEST_SUITE_BEGIN("core::complaint");

TEST_CASE("the writer produces the documented format byte for byte") {
    CHECK(write_complaint(example(), london()) == example_file);
}

TEST_CASE("the documented example parses to the intake facts and events") {
    auto parsed = parse_complaint(example_file, "complaints/k7m2qxh9.toml");
    REQUIRE(parsed.ok());
    const Complaint& c = *parsed;
    CHECK(c.id == "k7m2qxh9");
    CHECK(c.received == utc(2026, 3, 27, 10));
    CHECK(c.details == "Line one\nLine two");
    CHECK(c.people == std::vector<std::string>{"Sarah Robb"});
    REQUIRE(c.events.size() == 2);
    CHECK(c.events[0].type == "acknowledged");
    CHECK(c.events[0].line == 19);
    CHECK(c.events[0].column == 3);
    CHECK(c.events[1].text == "Called Jo");
    CHECK(c.path == "complaints/k7m2qxh9.toml");
}

TEST_CASE("times in British Summer Time are written with +01:00 and read back exactly") {
    Complaint c = example();
    c.received = utc(2026, 6, 1, 9, 30, 15);
    std::string text = write_complaint(c, london());
    CHECK(text.find("received = 2026-06-01T10:30:15+01:00\n") != std::string::npos);
    auto parsed = parse_complaint(text, "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->received == utc(2026, 6, 1, 9, 30, 15));
}

TEST_CASE("offsets are converted to the exact instant") {
    auto parsed = parse_complaint(
        minimal("", "  { at = 2026-03-27T23:30:00-05:30, type = \"note\" },\n"), "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->events[0].at == utc(2026, 3, 28, 5, 0));
}

TEST_CASE("nasty strings survive a write and a parse unchanged") {
    const std::vector<std::string> nasty{
        "say \"hi\"",        "C:\\path\\",  "'''",       "\"\"\"",
        "\nleading newline", "tab\there",   "a\nb\r\nc", "Émile 日本",
        "\u202Eevil",        "\x1b[31mred", "del\x7f",   std::string("nul\0x", 5),
        "#not a comment",    "trailing\\",  "]",
    };
    for (const auto& text : nasty) {
        CAPTURE(text);
        Complaint c = example();
        c.name = text;
        c.details = text;
        c.people = {text, "plain"};
        c.events[1].text = text;
        c.events[1].remedies = {text};
        auto parsed = parse_complaint(write_complaint(c, london()), "x.toml");
        REQUIRE(parsed.ok());
        CHECK(parsed->name == text);
        CHECK(parsed->details == text);
        CHECK(parsed->people == c.people);
        CHECK(parsed->events[1].text == text);
        CHECK(parsed->events[1].remedies == c.events[1].remedies);
    }
}

TEST_CASE("control characters are escaped, never written raw") {
    Complaint c = example();
    c.name = std::string("a\x1b\x7f\x01\tb\0c", 8);
    std::string text = write_complaint(c, london());
    CHECK(text.find("name = \"a\\u001B\\u007F\\u0001\\tb\\u0000c\"\n") != std::string::npos);
}

TEST_CASE("every event key is written in the fixed order and read back") {
    Event e;
    e.at = utc(2026, 4, 1, 8);
    e.type = "extended";
    e.by = "sarah";
    e.stage = "formal";
    e.requested = utc(2026, 3, 31, 12);
    e.milestone = "resolve";
    e.until = Day{date::year{2026} / 5 / 1};
    e.extend_by = Period{10, Unit::working_days};
    e.reason = "waiting for CCTV";
    e.outcome = "upheld";
    e.remedies = {"apology", "explanation"};
    e.handler = "Sam";
    e.body = "CIC Regulator";
    e.text = "why";
    CHECK(write_event_line(e, london()) ==
          "  { at = 2026-04-01T09:00:00+01:00, type = \"extended\", by = \"sarah\", stage = "
          "\"formal\", requested = 2026-03-31T13:00:00+01:00, milestone = \"resolve\", until = "
          "2026-05-01, extend_by = \"10 working days\", reason = \"waiting for CCTV\", outcome = "
          "\"upheld\", remedies = [\"apology\", \"explanation\"], handler = \"Sam\", body = \"CIC "
          "Regulator\", text = \"why\" },");
    Complaint c = example();
    c.events = {e};
    auto parsed = parse_complaint(write_complaint(c, london()), "x.toml");
    REQUIRE(parsed.ok());
    const Event& back = parsed->events.at(0);
    CHECK(back.requested == e.requested);
    CHECK(back.until == e.until);
    CHECK(back.extend_by == e.extend_by);
    CHECK(back.remedies == e.remedies);
    CHECK(back.body == e.body);
}

TEST_CASE("a complaint written and read back is equal; where it was read from is not compared") {
    const Complaint written = example();
    auto back = parse_complaint(write_complaint(written, london()), "complaints/k7m2qxh9.toml");
    REQUIRE(back.ok());
    CHECK(back->path == "complaints/k7m2qxh9.toml");
    CHECK(back->version_line == 4);
    CHECK(back->events.at(1).line == 20);
    CHECK(*back == written);
    Complaint changed = *back;
    changed.summary += ".";
    CHECK(changed != *back);
    changed = *back;
    changed.events.at(1).text = "Called Jo again";
    CHECK(changed != *back);
    changed = *back;
    changed.events.pop_back();
    CHECK(changed != *back);
}

TEST_CASE("two events are equal when they record the same fact, wherever they are written") {
    Event first = example().events.at(1);
    first.line = 20;
    first.column = 3;
    Event second = first;
    second.line = 31;
    second.column = 5;
    CHECK(first == second);
    second.by = "sam";
    CHECK(first != second);
    second = first;
    second.extend_by = Period{10, Unit::working_days};
    CHECK(first != second);
}

TEST_CASE("empty optional intake keys are left out") {
    Complaint c;
    c.id = "k7m2qxh9";
    c.policy = "big-bums";
    c.policy_version = "2024-03-05";
    c.received = utc(2026, 1, 5, 9);
    CHECK(write_complaint(c, london()) ==
          "# Complaint k7m2qxh9 — intake facts first, then the event log. See docs/FORMAT.md.\n"
          "id = \"k7m2qxh9\"\npolicy = \"big-bums\"\npolicy_version = \"2024-03-05\"\n"
          "received = 2026-01-05T09:00:00+00:00\n\nevents = [\n]\n");
    auto parsed = parse_complaint(write_complaint(c, london()), "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->events.empty());
}

TEST_CASE("events are sorted by time, file order breaking ties") {
    auto parsed = parse_complaint(
        minimal("", "  { at = 2026-03-29T09:00:00+00:00, type = \"note\", text = \"c\" },\n"
                    "  { at = 2026-03-28T09:00:00+00:00, type = \"note\", text = \"a\" },\n"
                    "  { at = 2026-03-28T10:00:00+01:00, type = \"note\", text = \"b\" },\n"),
        "x.toml");
    REQUIRE(parsed.ok());
    REQUIRE(parsed->events.size() == 3);
    CHECK(parsed->events[0].text == "a");
    CHECK(parsed->events[1].text == "b");
    CHECK(parsed->events[2].text == "c");
    CHECK(parsed->events[2].line == 6);
}

TEST_CASE("parse errors are located at file:line:col") {
    SUBCASE("malformed TOML") {
        CHECK(error_of(minimal("name = Jo\n")).rfind("complaints/k7m2qxh9.toml:5:8: ", 0) == 0);
    }
    SUBCASE("unknown key with a suggestion") {
        CHECK(error_of(minimal("nmae = \"Jo\"\n")) ==
              "complaints/k7m2qxh9.toml:5:1: unknown key 'nmae'; did you mean 'name'?");
    }
    SUBCASE("unknown key far from any known one") {
        CHECK(error_of(minimal("colour = \"red\"\n")) ==
              "complaints/k7m2qxh9.toml:5:1: unknown key 'colour'");
    }
    SUBCASE("the first unknown key in file order, not in toml++'s sorted order") {
        CHECK(error_of(minimal("summry = \"x\"\nchanel = \"email\"\n")) ==
              "complaints/k7m2qxh9.toml:5:1: unknown key 'summry'; did you mean 'summary'?");
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"note\", txet = "
                                   "\"x\", by_ = \"sam\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:47: unknown key 'txet'; did you mean 'text'?");
    }
    SUBCASE("a local date-time without offset") {
        CHECK(error_of("id = \"k7m2qxh9\"\npolicy = \"p\"\npolicy_version = \"1\"\n"
                       "received = 2026-03-27T10:00:00\n") ==
              "complaints/k7m2qxh9.toml:4:12: 'received' must be a date-time with offset, like "
              "2026-03-27T10:00:00+00:00");
    }
    SUBCASE("a string where a date-time belongs") {
        CHECK(error_of("id = \"k7m2qxh9\"\npolicy = \"p\"\npolicy_version = \"1\"\n"
                       "received = \"2026-03-27\"\n")
                  .rfind("complaints/k7m2qxh9.toml:4:12: 'received' must be", 0) == 0);
    }
    SUBCASE("a missing required key") {
        CHECK(error_of("id = \"k7m2qxh9\"\npolicy = \"p\"\nreceived = 2026-03-27T10:00:00Z\n") ==
              "complaints/k7m2qxh9.toml:1:1: missing required key 'policy_version'");
    }
    SUBCASE("a number where a string belongs") {
        CHECK(error_of(minimal("name = 42\n")) ==
              "complaints/k7m2qxh9.toml:5:8: 'name' must be a string in double quotes");
    }
    SUBCASE("people must be strings") {
        CHECK(error_of(minimal("people = [\"a\", 2]\n")) ==
              "complaints/k7m2qxh9.toml:5:16: 'people' must be a list of strings, like [\"one\", "
              "\"two\"]");
    }
    SUBCASE("an invalid ID") {
        CHECK(error_of("id = \"../etc\"\npolicy = \"p\"\npolicy_version = \"1\"\n"
                       "received = 2026-03-27T10:00:00Z\n")
                  .rfind("complaints/k7m2qxh9.toml:1:6: '../etc' is not a complaint ID", 0) == 0);
    }
    SUBCASE("an event without a type") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, by = \"sam\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:3: event has no 'type'");
    }
    SUBCASE("an event without a time") {
        CHECK(error_of(minimal("", "  { type = \"note\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:3: event has no 'at'");
    }
    SUBCASE("an unknown event type lists the valid ones") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"acked\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:39: unknown event type 'acked' (valid types: "
              "acknowledged, note, assigned, escalated, extended, paused, resumed, resolved, "
              "reopened, closed, withdrawn, referred, meeting, update, amended, delay-response, "
              "imported, anonymised)");
    }
    SUBCASE("an unknown key inside an event") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"note\", txet = "
                                   "\"x\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:47: unknown key 'txet'; did you mean 'text'?");
    }
    SUBCASE("an event time without offset") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00, type = \"note\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:10: 'at' must be a date-time with offset, like "
              "2026-03-27T10:00:00+00:00");
    }
    SUBCASE("until must be a local date") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"extended\", until = "
                                   "\"2026-05-01\" },\n")) ==
              "complaints/k7m2qxh9.toml:6:59: 'until' must be a date without quotes, like "
              "2026-05-01");
    }
    SUBCASE("extend_by must be a period") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"extended\", "
                                   "extend_by = \"soon\" },\n"))
                  .rfind("complaints/k7m2qxh9.toml:6:63: 'extend_by': ", 0) == 0);
    }
    SUBCASE("remedies must be strings") {
        CHECK(error_of(minimal("", "  { at = 2026-03-28T09:00:00Z, type = \"resolved\", "
                                   "remedies = \"apology\" },\n"))
                  .rfind("complaints/k7m2qxh9.toml:6:62: 'remedies' must be a list", 0) == 0);
    }
    SUBCASE("an impossible date") {
        CHECK(error_of(minimal("", "  { at = 2026-02-30T09:00:00Z, type = \"note\" },\n"))
                  .rfind("complaints/k7m2qxh9.toml:6:", 0) == 0);
    }
    SUBCASE("a duplicated intake line, as a union merge of two edits leaves it") {
        CHECK(error_of(minimal("name = \"Jo\"\nname = \"Joanna\"\n")) ==
              "complaints/k7m2qxh9.toml:6:8: Error while parsing key-value pair: cannot redefine "
              "existing string 'name' (a key may appear only once; a git merge can keep both "
              "sides' versions of a line: keep the right one)");
    }
    SUBCASE("bare non-ASCII text never reaches toml++") {
        CHECK(error_of(minimal("# Émile's complaint\nname = Émile\n")) ==
              "complaints/k7m2qxh9.toml:6:8: text must be in double quotes, like name = "
              "\"Émile\"");
    }
    SUBCASE("absurdly deep dotted keys are refused before toml++ sees them") {
        std::string deep = "[a";
        for (int i = 0; i < 100000; ++i)
            deep += ".a";
        CHECK(error_of(minimal() + deep + "]\n") ==
              "complaints/k7m2qxh9.toml:7:129: keys or brackets nested too deeply");
    }
}

TEST_CASE("dots and brackets inside strings do not count as nesting") {
    std::string dots(500, '.');
    auto parsed = parse_complaint(minimal("details = \"" + dots + "[[[{{{\"\n"), "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->details == dots + "[[[{{{");
}

TEST_CASE("the pre-parse scan is not fooled by quotes, escapes or closing brackets") {
    // Found by fuzzing: a quote inside a bare value does not open a string, so non-ASCII text
    // after it is refused before toml++ reaches its undefined behaviour on it.
    CHECK(error_of(minimal("name = 0\"28\xcb\x94x9\"\n")) ==
          "complaints/k7m2qxh9.toml:5:12: text must be in double quotes, like name = \"Émile\"");
    // Found by fuzzing: an escape at the very end of an unterminated string.
    CHECK_FALSE(parse_complaint("id = \"27\\\\\\", "x.toml").ok());
    // Found by fuzzing: toml++ tests the character after a backslash in a multi-line string,
    // and the first one after a line-ending backslash, for being whitespace; non-ASCII there
    // is undefined behaviour in toml++ 3.3.0.
    CHECK(error_of(minimal("details = \"\"\"a\\\xc3\x89\"\"\"\n")).find(":5:16: a backslash in") !=
          std::string::npos);
    CHECK(error_of(minimal("details = \"\"\"a\\\n  \n \xc3\x89\"\"\"\n"))
              .find(":7:2: a backslash in") != std::string::npos);
    auto continued =
        parse_complaint(minimal("details = \"\"\"a \\\n  b \\n Émile\"\"\"\n"), "x.toml");
    REQUIRE(continued.ok());
    CHECK(continued->details == "a b \n Émile");
    // Found by fuzzing: after a bad token toml++ reads on, even through what looks like a
    // string; the scan reads the bad token as toml++ does, and refuses the non-ASCII text in it.
    CHECK(error_of(minimal("summary = +[\"a\xef\xb4\xbf\"]\n")) ==
          "complaints/k7m2qxh9.toml:5:15: text must be in double quotes, like name = \"Émile\"");
    // Lines inside a multi-line string are counted for the location of a later problem.
    CHECK(error_of(minimal("details = \"\"\"\none\ntwo\n\"\"\"\nname = \xc3\x89mile\n")) ==
          "complaints/k7m2qxh9.toml:9:8: text must be in double quotes, like name = \"Émile\"");
    // Closing brackets cannot buy room for deeper nesting.
    std::string deep = "x = " + std::string(80, '[') + std::string(80, ']') + "\n";
    CHECK(error_of(minimal(std::string(100, ']') + "\n" + deep)).find("nested too deeply") !=
          std::string::npos);
    // Quoted text and comments may hold any UTF-8; a comment may follow a value directly.
    auto parsed = parse_complaint(minimal("name = \"Émile\"#Zoë\n# Chloé called\n"), "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->name == "Émile");
}

TEST_CASE("append_event adds one line before the closing bracket and keeps every other byte") {
    std::string original = example_file;
    // A person's comment inside the list and after it must stay where they put them.
    original.insert(original.find("  { at = 2026-03-28"), "  # phoned twice, see notes\n");
    original += "# trailing remark\n\n";
    Event e;
    e.at = utc(2026, 4, 2, 14);
    e.type = "resolved";
    e.by = "sarah";
    e.outcome = "apology given";
    auto appended = append_event(original, e, london(), "x.toml");
    REQUIRE(appended.ok());
    auto closing = original.rfind("]\n# trailing");
    std::string line = "  { at = 2026-04-02T15:00:00+01:00, type = \"resolved\", by = \"sarah\", "
                       "outcome = \"apology given\" },\n";
    CHECK(*appended == original.substr(0, closing) + line + original.substr(closing));
    auto parsed = parse_complaint(*appended, "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->events.size() == 3);
    CHECK(parsed->events.back().outcome == "apology given");
}

TEST_CASE("append_event works on an empty events list, and a CRLF file keeps CRLF") {
    Event e;
    e.at = utc(2026, 4, 2, 14);
    e.type = "note";
    auto appended = append_event("x = 1\r\nevents = [\r\n]\r\n", e, london(), "x.toml");
    REQUIRE(appended.ok());
    CHECK(*appended ==
          "x = 1\r\nevents = [\r\n  { at = 2026-04-02T15:00:00+01:00, type = \"note\" },\r\n]\r\n");
    SUBCASE("a file with LF line ends gets LF") {
        auto lf = append_event("x = 1\nevents = [\n]\n", e, london(), "x.toml");
        REQUIRE(lf.ok());
        CHECK(*lf ==
              "x = 1\nevents = [\n  { at = 2026-04-02T15:00:00+01:00, type = \"note\" },\n]\n");
    }
}

TEST_CASE("append_event refuses a file whose last line is not the closing bracket") {
    Event e;
    e.at = utc(2026, 4, 2, 14);
    e.type = "note";
    auto appended = append_event(minimal() + "handler = \"x\"\n# end\n", e, london(), "x.toml");
    REQUIRE_FALSE(appended.ok());
    CHECK(appended.error().to_string().rfind("x.toml:7:1: cannot add an event", 0) == 0);
}

TEST_CASE("with_policy_version changes that line only, as an escaped string") {
    std::string original = example_file;
    original.insert(0, "# pinned by hand once\n");
    auto changed = with_policy_version(original, "2026 \"b\"\\");
    REQUIRE(changed.ok());
    auto at = original.find("policy_version = ");
    auto end = original.find('\n', at);
    CHECK(*changed == original.substr(0, at) + "policy_version = \"2026 \\\"b\\\"\\\\\"" +
                          original.substr(end));
    CHECK(parse_complaint(*changed, "x.toml")->policy_version == "2026 \"b\"\\");

    auto missing = with_policy_version("id = \"x\"\n", "2026");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "the complaint file has no 'policy_version = ' line");
}

TEST_CASE("all event types are listed once, in documented order") {
    const auto& types = all_event_types();
    CHECK(types.size() == 18);
    CHECK(types.front() == "acknowledged");
    CHECK(types.back() == "anonymised");
}

TEST_CASE("an extension's good reason is written after its reason and read back") {
    Event e;
    e.at = utc(2026, 4, 1, 8);
    e.type = "extended";
    e.milestone = "respond";
    e.extend_by = Period{15, Unit::working_days};
    e.reason = "contractor survey";
    e.good_reason = "the surveyor is booked until May";
    CHECK(write_event_line(e, london()) ==
          "  { at = 2026-04-01T09:00:00+01:00, type = \"extended\", milestone = \"respond\", "
          "extend_by = \"15 working days\", reason = \"contractor survey\", good_reason = \"the "
          "surveyor is booked until May\" },");
    Complaint c = example();
    c.events = {e};
    auto parsed = parse_complaint(write_complaint(c, london()), "x.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed->events.at(0).good_reason == e.good_reason);
}

TEST_CASE("when the matter happened and became known: dates written after 'occurred'") {
    Complaint c;
    c.id = "k7m2qxh9";
    c.policy = "housing-ombudsman";
    c.policy_version = "2024-04-01";
    c.received = utc(2026, 1, 5, 9);
    c.occurred_on = Day{date::year{2025} / 3 / 1};
    c.occurred_until = Day{date::year{2025} / 3 / 31};
    c.known_on = Day{date::year{2025} / 4 / 2};
    const std::string text = write_complaint(c, london());
    CHECK(text.find("received = 2026-01-05T09:00:00+00:00\noccurred_on = 2025-03-01\n"
                    "occurred_until = 2025-03-31\nknown_on = 2025-04-02\n") != std::string::npos);
    auto parsed = parse_complaint(text, "x.toml");
    REQUIRE(parsed.ok());
    CHECK(*parsed == c);
    CHECK(occurred_words(c) == "2025-03-01..2025-03-31; became known 2025-04-02");
    c.occurred = "a wet March";
    c.occurred_until.reset();
    c.known_on.reset();
    CHECK(occurred_words(c) == "a wet March; 2025-03-01");

    SUBCASE("a quoted date is refused, as for every date of the file") {
        auto quoted = parse_complaint("id = \"k7m2qxh9\"\npolicy = \"p\"\npolicy_version = "
                                      "\"1\"\nreceived = 2026-01-05T09:00:00Z\n"
                                      "occurred_on = \"2025-03-01\"\nevents = []\n",
                                      "x.toml");
        REQUIRE_FALSE(quoted.ok());
        CHECK(quoted.error().to_string().find("x.toml:5:15: 'occurred_on' must be a date") == 0);
    }
}

TEST_CASE("a date or a range of dates, else free text") {
    auto one = parse_day_range("2026-01-05");
    REQUIRE(one);
    CHECK(one->from == one->until);
    auto range = parse_day_range("2026-01-01..2026-01-31");
    REQUIRE(range);
    CHECK(format_day(range->from) == "2026-01-01");
    CHECK(format_day(range->until) == "2026-01-31");
    CHECK_FALSE(parse_day_range("2026-01-31..2026-01-01"));
    CHECK_FALSE(parse_day_range("last Tuesday"));
    CHECK_FALSE(parse_day_range("2026-01-05 around 10:30"));
    CHECK_FALSE(parse_day_range("2026-01-05.."));
}

TEST_SUITE_END();
