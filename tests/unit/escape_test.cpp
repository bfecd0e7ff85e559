#include "cli/escape.hpp"

#include "complaints/utf8.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::cli;

namespace {

/// The physical lines of folded iCalendar text, without their CRLF.
std::vector<std::string> physical_lines(const std::string& folded) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(folded.substr(start, end - start));
    CHECK(start == folded.size()); // every line ends in CRLF
    return lines;
}

/// Folded lines joined back as a calendar reader does: CRLF and the space after it removed.
std::string unfolded(const std::string& folded) {
    std::string out;
    for (const std::string& line : physical_lines(folded))
        out += out.empty() ? line : line.substr(1);
    return out;
}

} // namespace

TEST_SUITE_BEGIN("cli::escape");

TEST_CASE("terminal: an escape sequence from a complaint file is shown, not sent") {
    CHECK(terminal_safe("\x1b[31mred") == "\\x1b[31mred");
    CHECK(terminal_safe("bell\a") == "bell\\x07");
    CHECK(terminal_safe("del\x7f") == "del\\x7f");
    CHECK(terminal_safe("next\u0085line") == "next\\x85line"); // a C1 control
}

TEST_CASE("terminal: bidi overrides and isolates cannot reorder what staff read") {
    CHECK(terminal_safe("invoice \u202Efdp.exe") == "invoice \\u202efdp.exe");
    CHECK(terminal_safe("\u2066x\u2069") == "\\u2066x\\u2069");
    CHECK(terminal_safe("\u200F") == "\\u200f");
}

TEST_CASE("terminal: invalid UTF-8 is shown byte by byte; good text passes unchanged") {
    CHECK(terminal_safe("a\xff"
                        "b") == "a\\xffb");
    CHECK(terminal_safe("\xc0\xaf") == "\\xc0\\xaf"); // an overlong '/'
    CHECK(terminal_safe("\xe4\xb8") == "\\xe4\\xb8"); // 中 cut short
    CHECK(terminal_safe("Zoë, 中文, \U0001F600") == "Zoë, 中文, \U0001F600");
}

TEST_CASE("terminal: newlines are escaped unless kept") {
    CHECK(terminal_safe("one\ntwo") == "one\\x0atwo");
    CHECK(terminal_safe("one\ntwo", true) == "one\ntwo");
    CHECK(terminal_safe("one\r\ntwo", true) == "one\\x0d\ntwo");
}

TEST_CASE("JSON: quotes, backslashes and control characters escaped") {
    CHECK(json_string("plain") == "\"plain\"");
    CHECK(json_string("say \"hi\" \\ bye") == "\"say \\\"hi\\\" \\\\ bye\"");
    CHECK(json_string("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
    CHECK(json_string("\x01\x1b\x7f") == "\"\\u0001\\u001b\\u007f\"");
}

TEST_CASE("JSON: line separators, bidi and C1 controls are \\u escapes, other text UTF-8") {
    CHECK(json_string("a\u2028b\u2029c") == "\"a\\u2028b\\u2029c\"");
    CHECK(json_string("\u202Eevil") == "\"\\u202eevil\"");
    CHECK(json_string("\u0085") == "\"\\u0085\"");
    CHECK(json_string("Zoë 中 \U0001F600") == "\"Zoë 中 \U0001F600\"");
}

TEST_CASE("CSV: cells quoted only when needed, quotes doubled") {
    CHECK(csv_text("plain text") == "plain text");
    CHECK(csv_text("fees, twice") == "\"fees, twice\"");
    CHECK(csv_text("the \"trip\"") == "\"the \"\"trip\"\"\"");
    CHECK(csv_text("two\nlines") == "\"two\nlines\"");
    CHECK(csv_text("Zoë") == "Zoë");
    CHECK(csv_line({"a", "\"b,c\"", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("CSV: text a spreadsheet would run as a formula gets a leading quote") {
    CHECK(csv_text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text("=1+1") == "'=1+1");
    CHECK(csv_text("+44 20") == "'+44 20");
    CHECK(csv_text("-5") == "'-5");
    CHECK(csv_text("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text("\tx") == "'\tx");
    CHECK(csv_text("\nx") == "\"'\nx\"");
    CHECK(csv_text("a=b") == "a=b"); // only a leading sign counts
    CHECK(csv_text("") == "");
}

TEST_CASE("CSV for scripts: without the guard a phone number stays as recorded, still quoted") {
    CHECK(csv_text("+44 7700 900000", false) == "+44 7700 900000");
    CHECK(csv_text("=1+1", false) == "=1+1");
    CHECK(csv_text("-5, or so", false) == "\"-5, or so\"");
}

TEST_CASE("HTML: markup characters become entities; escapes shown as in a terminal") {
    CHECK(html_text("<b>Tom & \"Jerry's\"</b>") ==
          "&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;");
    CHECK(html_text("\x1b[2J\u202E") == "\\x1b[2J\\u202e");
    CHECK(html_text("Zoë") == "Zoë");
}

TEST_CASE("iCalendar TEXT: backslash, semicolon, comma and newlines escaped") {
    CHECK(ics_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(ics_text("line one\nline two") == "line one\\nline two");
    CHECK(ics_text("\x1b[31m") == "\\\\x1b[31m"); // shown, and its backslash escaped
}

TEST_CASE("iCalendar lines: short ones end in CRLF, long ones fold at 75 octets") {
    CHECK(ics_line("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n");
    const std::string long_line = "DESCRIPTION:" + std::string(100, 'x');
    const std::string folded = ics_line(long_line);
    const auto lines = physical_lines(folded);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1] == " " + std::string(112 - 75, 'x'));
    CHECK(unfolded(folded) == long_line);
}

TEST_CASE("iCalendar lines: a fold never splits a UTF-8 character") {
    // 74 octets, then é (2 octets) would end at 76: it moves whole to the next line.
    const std::string line = std::string(74, 'a') + "é" + std::string(10, 'b');
    const auto lines = physical_lines(ics_line(line));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == std::string(74, 'a'));
    CHECK(lines[1] == " é" + std::string(10, 'b'));
    // Many wide characters: every physical line is at most 75 octets and valid UTF-8.
    std::string text = "SUMMARY:";
    for (int i = 0; i < 60; ++i)
        text += i % 2 ? "中" : "\U0001F600";
    const std::string folded = ics_line(text);
    for (const std::string& physical : physical_lines(folded)) {
        CHECK(physical.size() <= 75);
        CHECK(utf8::valid(physical));
    }
    CHECK(unfolded(folded) == text);
}

TEST_SUITE_END();
