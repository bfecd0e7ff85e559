// "Did you mean ...?" (src/core/spelling.cpp): edit distances and the closest spellings.
#include "complaints/spelling.hpp"

#include <doctest/doctest.h>

using namespace complaints;

TEST_SUITE_BEGIN("core::spelling");

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("list", "list") == 0);
    CHECK(edit_distance("lis", "list") == 1);
    CHECK(edit_distance("lust", "list") == 1);
    CHECK(edit_distance("lsit", "list") == 1);
    CHECK(edit_distance("lsit", "init") == 2);
    CHECK(edit_distance("", "list") == 4);
    CHECK(edit_distance("list", "") == 4);
}

TEST_CASE("a swapped pair suggests the word meant, not a word two edits away") {
    CHECK(closest_spelling("lsit", {"init", "add", "list", "show"}) == "list");
    CHECK(closest_spelling("--formt", {"--from", "--format", "--to"}) == "--format");
}

TEST_CASE("a close spelling within two edits is suggested; a far one is not") {
    CHECK(closest_spelling("summry", {"name", "summary", "details"}) == "summary");
    CHECK(closest_spelling("zzzzzz", {"name", "summary"}).empty());
}

TEST_CASE("the closest spellings, in any case, closest first, ties in the order given") {
    const std::vector<std::string> stages{"local", "formal", "review"};
    CHECK(closest_spellings("FORMAL", stages, 1) == std::vector<std::string>{"formal"});
    CHECK(closest_spellings("revue", stages, 2) == std::vector<std::string>{"review", "local"});
    CHECK(closest_spellings("x", stages, 5).size() == 3);
}

TEST_SUITE_END();
