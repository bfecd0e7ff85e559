#include "complaints/utf8.hpp"

#include <doctest/doctest.h>
#include <initializer_list>
#include <string>
#include <vector>

using namespace complaints;

namespace {

/// Text from byte values, for sequences a string literal cannot spell safely.
std::string bytes(std::initializer_list<unsigned> values) {
    std::string out;
    for (unsigned value : values)
        out += static_cast<char>(value);
    return out;
}

// Written with escapes so that the test does not depend on how an editor shows them.
const std::string e_acute_combined = "e\u0301"; // e + COMBINING ACUTE ACCENT
const std::string flag_uk = "\U0001F1EC\U0001F1E7";
const std::string flag_fr = "\U0001F1EB\U0001F1F7";
const std::string thumbs_up_medium = "\U0001F44D\U0001F3FD"; // with a skin tone modifier
const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // joined by ZWJ
const std::string red_heart = "\u2764\uFE0F"; // a text symbol asked to show as an emoji

} // namespace

TEST_SUITE_BEGIN("core::utf8");

TEST_CASE("well-formed text is valid: ASCII, accents, CJK, emoji, nothing at all") {
    CHECK(utf8::valid(""));
    CHECK(utf8::valid("Trip cancelled at a day's notice"));
    CHECK(utf8::valid("Zoë Brontë, café"));
    CHECK(utf8::valid("中文"));
    CHECK(utf8::valid("\U0001F600 " + flag_uk));
    CHECK(utf8::valid(bytes({0xF4, 0x8F, 0xBF, 0xBF}))); // U+10FFFF, the last code point
}

TEST_CASE("overlong forms, surrogates, values past U+10FFFF and stray bytes are invalid") {
    CHECK_FALSE(utf8::valid(bytes({0xC0, 0xAF})));             // '/' in two bytes
    CHECK_FALSE(utf8::valid(bytes({0xC1, 0xBF})));             // DEL in two bytes
    CHECK_FALSE(utf8::valid(bytes({0xE0, 0x80, 0xAF})));       // '/' in three bytes
    CHECK_FALSE(utf8::valid(bytes({0xF0, 0x80, 0x80, 0xAF}))); // '/' in four bytes
    CHECK_FALSE(utf8::valid(bytes({0xED, 0xA0, 0x80})));       // U+D800, a surrogate
    CHECK_FALSE(utf8::valid(bytes({0xED, 0xBF, 0xBF})));       // U+DFFF
    CHECK_FALSE(utf8::valid(bytes({0xF4, 0x90, 0x80, 0x80}))); // U+110000
    CHECK_FALSE(utf8::valid(bytes({0xF5, 0x80, 0x80, 0x80}))); // a lead byte that never is
    CHECK_FALSE(utf8::valid(bytes({0xFF})));
    CHECK_FALSE(utf8::valid("a" + bytes({0x80}) + "b")); // a continuation byte alone
}

TEST_CASE("a sequence cut short is invalid, at the end of the text or before more text") {
    const std::string zhong = "中"; // E4 B8 AD
    REQUIRE(zhong.size() == 3);
    CHECK_FALSE(utf8::valid(zhong.substr(0, 2)));
    CHECK_FALSE(utf8::valid(zhong.substr(0, 1)));
    CHECK_FALSE(utf8::valid(zhong.substr(0, 2) + "x"));
    CHECK_FALSE(utf8::valid(bytes({0xF0, 0x9F, 0x98}))); // three bytes of a four-byte emoji
}

TEST_CASE("decode gives the code point and its length, or nothing when invalid") {
    const std::string text = "aé中\U0001F600";
    auto a = utf8::decode(text, 0);
    REQUIRE(a);
    CHECK(a->value == U'a');
    CHECK(a->length == 1);
    auto e = utf8::decode(text, 1);
    REQUIRE(e);
    CHECK(e->value == 0xE9);
    CHECK(e->length == 2);
    auto zhong = utf8::decode(text, 3);
    REQUIRE(zhong);
    CHECK(zhong->value == 0x4E2D);
    CHECK(zhong->length == 3);
    auto grin = utf8::decode(text, 6);
    REQUIRE(grin);
    CHECK(grin->value == 0x1F600);
    CHECK(grin->length == 4);
    CHECK_FALSE(utf8::decode(text, 2)); // inside é
    CHECK_FALSE(utf8::decode(text, text.size()));
    CHECK_FALSE(utf8::decode(bytes({0xC0, 0xAF}), 0));
}

TEST_CASE("length_at steps over a character whole and over an invalid byte alone") {
    CHECK(utf8::length_at("中", 0) == 3);
    CHECK(utf8::length_at(bytes({0xE0, 0x80, 0xAF}), 0) == 1);
    CHECK(utf8::length_at(bytes({0xED, 0xA0, 0x80}), 0) == 1);
    CHECK(utf8::length_at("x", 5) == 1);
}

TEST_CASE("count: code points, each invalid byte one") {
    CHECK(utf8::count("") == 0);
    CHECK(utf8::count("aé中\U0001F600") == 4);
    CHECK(utf8::count(e_acute_combined) == 2);
    CHECK(utf8::count("a" + bytes({0xFF, 0xC0, 0xAF}) + "b") == 5);
}

TEST_CASE("graphemes: a letter with its accents, a flag, an emoji sequence, CR LF") {
    using Clusters = std::vector<std::string_view>;
    CHECK(utf8::graphemes("abc") == Clusters{"a", "b", "c"});
    CHECK(utf8::graphemes(e_acute_combined + "x") == Clusters{e_acute_combined, "x"});
    CHECK(utf8::graphemes(flag_uk + flag_fr) == Clusters{flag_uk, flag_fr});
    CHECK(utf8::graphemes(family + "!") == Clusters{family, "!"});
    CHECK(utf8::graphemes(thumbs_up_medium) == Clusters{thumbs_up_medium});
    CHECK(utf8::graphemes("a\r\nb") == Clusters{"a", "\r\n", "b"});
    CHECK(utf8::graphemes("") == Clusters{});
}

TEST_CASE("graphemes: an invalid byte stands alone, and never swallows a following accent") {
    const std::string text = "a" + bytes({0xFF}) + "\u0301b";
    const auto clusters = utf8::graphemes(text);
    REQUIRE(clusters.size() == 4);
    CHECK(clusters[0] == "a");
    CHECK(clusters[1] == bytes({0xFF}));
    CHECK(clusters[2] == "\u0301");
    CHECK(clusters[3] == "b");
    CHECK(utf8::grapheme_end(text, text.size()) == text.size());
}

TEST_CASE("width: terminal columns") {
    CHECK(utf8::width("") == 0);
    CHECK(utf8::width("Jo Bloggs") == 9);
    CHECK(utf8::width("é") == 1);              // precomposed
    CHECK(utf8::width(e_acute_combined) == 1); // e + combining accent
    CHECK(utf8::width("中") == 2);
    CHECK(utf8::width("中文 ok") == 7);
    CHECK(utf8::width("\uFF21") == 2); // FULLWIDTH LATIN CAPITAL LETTER A
    CHECK(utf8::width("\U0001F600") == 2);
    CHECK(utf8::width(flag_uk) == 2);
    CHECK(utf8::width(thumbs_up_medium) == 2);
    CHECK(utf8::width(family) == 2);
    CHECK(utf8::width(red_heart) == 2);
    CHECK(utf8::width("\u200B") == 0); // ZERO WIDTH SPACE
    CHECK(utf8::width("a" + bytes({0xFF}) + "b") == 3);
}

TEST_CASE("cut_to_width keeps whole clusters within the columns") {
    CHECK(utf8::cut_to_width("Trip cancelled", 4) == "Trip");
    CHECK(utf8::cut_to_width("Trip", 10) == "Trip");
    CHECK(utf8::cut_to_width("中文字", 4) == "中文");
    CHECK(utf8::cut_to_width("中文字", 3) == "中"); // half a wide character is not shown
    CHECK(utf8::cut_to_width("中文字", 1) == "");
    CHECK(utf8::cut_to_width(e_acute_combined + e_acute_combined, 1) == e_acute_combined);
    CHECK(utf8::cut_to_width(flag_uk + flag_fr, 3) == flag_uk);
    CHECK(utf8::cut_to_width(family + "x", 2) == family);
    CHECK(utf8::cut_to_width("abc", 0) == "");
}

TEST_SUITE_END();
