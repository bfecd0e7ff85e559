// The guarded TOML reader: what toml++ 3.3.0 cannot parse safely is refused at its place, and
// valid TOML that looks similar is not.
#include "core/toml_input.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

/// "LINE:COL: message" of the refusal, or "" when the text reads.
std::string refusal(const std::string& text) {
    auto parsed = parse_toml_file(text, "f.toml");
    return parsed ? "" : located(parsed.error());
}

bool reads(const std::string& text) {
    return parse_toml_file(text, "f.toml").ok();
}

const std::string heading_message =
    ": a table heading is a name in brackets, like [calendar] or [[stage]]";

} // namespace

TEST_SUITE_BEGIN("core::toml_input");

TEST_CASE("a table heading that does not start with a key is refused before parsing") {
    // Each of these fails an assertion inside toml++ 3.3.0's parse_key.
    CHECK(refusal("a = 1\n[`b]\n") == "2:1" + heading_message);
    CHECK(refusal("a = 1\n[[ `b]]\n") == "2:1" + heading_message);
    CHECK(refusal("a = 1\n  [\nb = 2\n") == "2:3" + heading_message);
    CHECK(refusal("[{b}]\n") == "1:1" + heading_message);
    // An empty heading is toml++'s own error, and so is one at the end of the file.
    CHECK(refusal("[]\n").find("blank bare keys") != std::string::npos);
    CHECK_FALSE(reads("["));
    // Real headings read.
    CHECK(reads("[a]\nx = 1\n[[b]]\ny = 2\n[ \"quoted key\" ]\n[c.d-e_f]\n"));
}

TEST_CASE("a line starting with [ inside a multi-line list is an inner list, not a heading") {
    CHECK(reads("x = [\n  [\n    1, 2 ],\n  [{a = 1}],\n  [+3],\n]\n"));
    CHECK(reads("x = [ # comment\n[\n# comment\n1 ]]\n"));
}

TEST_CASE("a '}' where a list needs a value is refused before parsing") {
    CHECK(refusal("events = [\n}\n") == "2:1: '}' where a list needs a value or ']'");
    CHECK(refusal("x = [1, }\n") == "1:9: '}' where a list needs a value or ']'");
    CHECK(reads("x = [{a = 1}, {b = [2, {c = 3}]}]\ny = {z = [1]}\n"));
}

TEST_CASE("a date, a space and a lone digit are refused before parsing") {
    const std::string message = ": a date and time are written like 2026-03-27T10:00:00+00:00";
    CHECK(refusal("at = 2026-01-04 3,\n") == "1:16" + message);
    CHECK(refusal("x = [2026-01-04 3]\n") == "1:16" + message);
    CHECK(refusal("x=2026-01-04 3 \n") == "1:13" + message);
    // toml++'s test for "looks like a date" is loose: ten characters, `-` fifth and eighth.
    CHECK(refusal("x = 2026-0\x11-\x01= 2#\n") == "1:15" + message);
    CHECK(refusal("x = 2_026-01-0x 5\n") == "1:16" + message);
    // Dates and date-times written with a space read.
    CHECK(reads(
        "a = 2026-01-04\nb = 2026-01-04 10:00:00Z\nc = [2026-01-04, 3]\nd = 2026-01-04 # c\n"));
    CHECK(reads("e = 2026-01-04 10:00:00\n"));
}

TEST_CASE("quotes and brackets inside a bare value open nothing, as in toml++") {
    // Found in review: toml++ reads `2026-["-04` as one value, date-like enough to look for a
    // time after the space; the scan must not take the quote for the start of a string.
    const std::string message = ": a date and time are written like 2026-03-27T10:00:00+00:00";
    CHECK(refusal("a = 2026-[\"-04 3\n") == "1:15" + message);
    CHECK(refusal("a = 2026-{'-04 3\n") == "1:15" + message);
    CHECK(refusal("a = 2026-=\"-04 3\n") == "1:15" + message);
}

TEST_CASE("keys that look like dates are keys") {
    CHECK(reads("2026-01-02 = \"New Year\"\n"));
    CHECK(reads("[h]\nholidays.2026-01-02 = \"x\"\n"));
    CHECK(reads("a = { 2026-01-02 = 1 }\n"));
    CHECK(reads("2026-01-02T = 1\n"));
    CHECK(reads("[2026-01-02T]\n"));
}

TEST_CASE("columns count characters, not bytes, as toml++ does") {
    CHECK(refusal("a = \"\xC3\xA9\xC3\xA9\xC3\xA9\", [\n").rfind("1:10: ", 0) == 0);
    CHECK(refusal("a = \"\xC3\xA9\" b\n").rfind("1:9: ", 0) == 0);
    CHECK(refusal("a = \"\xC3\xA9\" \xC3\x89\n") ==
          "1:9: text must be in double quotes, like name = \"\xC3\x89mile\"");
}

TEST_CASE("a comment directly after a value hides what follows from the scan, as from toml++") {
    CHECK(reads("x = 1#[`\n[a]\n"));
    CHECK(reads("x = [1,#{\n2]\n"));
    CHECK(refusal("x = [1,#{\n}\n") == "2:1: '}' where a list needs a value or ']'");
}

TEST_CASE("a byte-order mark at the start, as some Windows editors write, is skipped") {
    CHECK(reads("\xEF\xBB\xBFname = \"\xC3\x89mile\"\n"));
    CHECK(refusal("\xEF\xBB\xBFname = \xC3\x89mile\n") ==
          "1:8: text must be in double quotes, like name = \"\xC3\x89mile\"");
    // Only at the very start: elsewhere it is text outside quotes. ("\xBF" "b" keeps the
    // escape from swallowing the b.)
    CHECK(reads("a = 1\nb = 2\n"));
    CHECK(refusal("a = 1\n\xEF\xBB\xBF"
                  "b = 2\n") == "2:1: text must be in double quotes, like name = \"\xC3\x89mile\"");
}

TEST_SUITE_END();
