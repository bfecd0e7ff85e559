// A file git left in conflict (src/core/git_conflict.cpp): found by its markers, never read as
// a complaint.
#include "complaints/complaint.hpp"
#include "core/git_conflict.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace complaints;

TEST_SUITE_BEGIN("core::git_conflict");

namespace {

const std::string merged_without_the_driver = "id = \"275abcde\"\n"
                                              "events = [\n"
                                              "<<<<<<< HEAD\n"
                                              "  { type = \"note\", text = \"ours\" },\n"
                                              "=======\n"
                                              "  { type = \"note\", text = \"theirs\" },\n"
                                              ">>>>>>> other\n"
                                              "]\n";

} // namespace

TEST_CASE("conflict markers: the line of the first one, or 0") {
    CHECK(conflict_marker_line(merged_without_the_driver) == 3);
    CHECK(conflict_marker_line("a = 1\n>>>>>>> theirs\n") == 2);
    CHECK(conflict_marker_line("||||||| base\n") == 1);
    CHECK(conflict_marker_line("a = 1\r\n<<<<<<< HEAD\r\n") == 2);
    SUBCASE("none: a clean file, markers not at the start of a line, a line of equals signs") {
        CHECK(conflict_marker_line("") == 0);
        CHECK(conflict_marker_line("a = 1\nb = 2\n") == 0);
        CHECK(conflict_marker_line("text = \"<<<<<<< quoted\"\n") == 0);
        CHECK(conflict_marker_line("=======\n") == 0);
        CHECK(conflict_marker_line("<<<<<< six only\n") == 0);
    }
}

TEST_CASE("conflict markers: a data error at the marker's line saying what to do") {
    auto found = no_conflict_markers(merged_without_the_driver, "complaints/275abcde.toml");
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().kind == ErrorKind::data);
    CHECK(found.error().to_string() ==
          "complaints/275abcde.toml:3:1: unresolved git conflict (a conflict marker): resolve the "
          "conflict (keep the right lines, delete the marker lines), then 'git add' the file");
    CHECK(no_conflict_markers("a = 1\n", "x.toml").ok());
}

TEST_CASE("conflict markers: a complaint file holding them does not read, whatever else it holds") {
    auto complaint = parse_complaint(merged_without_the_driver, "x.toml");
    REQUIRE_FALSE(complaint.ok());
    CHECK(complaint.error().line == 3);
    CHECK(complaint.error().message.starts_with("unresolved git conflict"));
}

TEST_SUITE_END();
