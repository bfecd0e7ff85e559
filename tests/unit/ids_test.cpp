#include "complaints/ids.hpp"

#include <doctest/doctest.h>

using namespace complaints;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) {
    return date::year{y} / m / d;
}

/// Randomness that counts up from `start`, so tests know every character.
std::function<std::uint32_t()> counting_from(std::uint32_t start) {
    return [next = start]() mutable { return next++; };
}

Error match_error(std::string_view fragment, const std::vector<std::string>& ids) {
    auto matched = match_id(fragment, ids);
    REQUIRE_FALSE(matched.ok());
    return matched.error();
}

const std::vector<std::string> ids{"k7m2qxh9", "k7m3abcd", "0009zzzz", "x0000abc"};

} // namespace

TEST_SUITE_BEGIN("core::ids");

TEST_CASE("an ID is three characters of day since 2020-01-01 and five random ones") {
    CHECK(make_complaint_id(day(2020, 1, 1), counting_from(0)) == "00001234");
    CHECK(make_complaint_id(day(2020, 1, 2), counting_from(31)) == "001z0123");
    // 2026-03-27 is day 2277 = 2*1024 + 7*32 + 5.
    CHECK(make_complaint_id(day(2026, 3, 27), counting_from(10)).substr(0, 3) == "275");
    CHECK(make_complaint_id(day(2026, 3, 27), counting_from(10)).substr(3) == "abcde");
}

TEST_CASE("days outside the range are clamped, the ID stays eight characters") {
    CHECK(make_complaint_id(day(2019, 12, 31), counting_from(0)).substr(0, 3) == "000");
    CHECK(make_complaint_id(day(2200, 1, 1), counting_from(0)).substr(0, 3) == "zzz");
}

TEST_CASE("made IDs are well-formed and sort by day") {
    std::uint32_t state = 12345;
    auto random = [&] { return state = state * 1103515245u + 12345u; };
    std::string earlier = make_complaint_id(day(2026, 3, 27), random);
    std::string later = make_complaint_id(day(2026, 3, 28), random);
    CHECK(earlier.size() == 8);
    CHECK(is_id_fragment(earlier));
    CHECK(earlier < later);
}

TEST_CASE("ID fragments use only the Crockford alphabet") {
    CHECK(is_id_fragment("k7m2qxh9"));
    CHECK(is_id_fragment("k"));
    CHECK_FALSE(is_id_fragment(""));
    CHECK_FALSE(is_id_fragment("k7m2qxh90"));
    for (const char* bad : {"i", "l", "o", "u", "K7", "../x", "a/b", "a b", "k-7"})
        CHECK_FALSE(is_id_fragment(bad));
}

TEST_CASE("match_id: exact, unique prefix, unique suffix") {
    CHECK(*match_id("k7m2qxh9", ids) == "k7m2qxh9");
    CHECK(*match_id("k7m2", ids) == "k7m2qxh9");
    CHECK(*match_id("xh9", ids) == "k7m2qxh9");
    CHECK(*match_id("abcd", ids) == "k7m3abcd");
    CHECK(*match_id("K7M2", ids) == "k7m2qxh9");
    CHECK(*match_id("K7M2QXH9", ids) == "k7m2qxh9");
}

TEST_CASE("match_id reads the look-alike letters i, l and o as Crockford digits") {
    CHECK(*match_id("xOOOO", ids) == "x0000abc");
    CHECK(*match_id("OOO9", ids) == "0009zzzz");
}

TEST_CASE("match_id: an ambiguous fragment lists the candidates") {
    Error error = match_error("k7", ids);
    CHECK(error.kind == ErrorKind::not_found);
    CHECK(error.message == "ambiguous ID 'k7': k7m2qxh9, k7m3abcd");
    // "abc" is a suffix of one and inside another: only prefix and suffix count.
    CHECK(*match_id("abc", ids) == "x0000abc");
}

TEST_CASE("match_id lists at most ten candidates") {
    std::vector<std::string> many;
    for (char c : std::string_view("0123456789abcdef"))
        many.push_back(std::string("aaaaaaa") + c);
    CHECK(match_error("aaa", many).message ==
          "ambiguous ID 'aaa': aaaaaaa0, aaaaaaa1, aaaaaaa2, aaaaaaa3, aaaaaaa4, aaaaaaa5, "
          "aaaaaaa6, aaaaaaa7, aaaaaaa8, aaaaaaa9 and 6 more");
}

TEST_CASE("match_id: an unknown fragment is not found") {
    Error error = match_error("zz9", ids);
    CHECK(error.kind == ErrorKind::not_found);
    CHECK(error.message == "no complaint 'zz9'");
    CHECK(match_error("k7", {}).message == "no complaint 'k7'");
}

TEST_CASE("match_id: a path or other text is a usage error, not a file lookup") {
    for (const char* bad : {"../x", "k7/..", "/etc/passwd", "", "k7m2qxh9x", "k u"}) {
        CAPTURE(bad);
        Error error = match_error(bad, ids);
        CHECK(error.kind == ErrorKind::usage);
        CHECK(error.message == "'" + std::string(bad) + "' is not a complaint ID");
    }
}

TEST_SUITE_END();
