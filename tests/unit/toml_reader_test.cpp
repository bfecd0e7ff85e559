// The one reader of TOML tables: typed values, dates and moments, periods, names and choices,
// tables, required and unknown keys, each problem located and the first one winning.
#include "core/toml_input.hpp"
#include "core/toml_reader.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <functional>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

using Read = std::function<void(TomlReader&, const toml::table&)>;

/// "LINE:COL: message" of the first problem `read` finds in `text`, or "" when none.
std::string problem(const std::string& text, const Read& read, const Wording& wording = {}) {
    Result<toml::table> root = parse_toml_file(text, "f.toml");
    REQUIRE_MESSAGE(root.ok(), (root.ok() ? "" : root.error().to_string()));
    TomlReader reader("f.toml", wording);
    read(reader, *root);
    if (!reader.failed()) return "";
    CHECK(reader.error().file == "f.toml");
    CHECK(reader.error().kind == ErrorKind::data);
    return located(reader.error());
}

/// Reads `text` with `read` and hands back what it read; a test fails on any problem.
template <class T>
T value_of(const std::string& text, const std::function<T(TomlReader&, const toml::table&)>& read,
           const Wording& wording = {}) {
    Result<toml::table> root = parse_toml_file(text, "f.toml");
    REQUIRE(root.ok());
    TomlReader reader("f.toml", wording);
    T value = read(reader, *root);
    REQUIRE_MESSAGE(!reader.failed(), (reader.failed() ? reader.error().to_string() : ""));
    return value;
}

const TableSchema fruit{"[fruit]", {"apple", "banana", "cherry"}};

/// A file kind that words wrong values its own way and says nothing of what it found.
Wording terse() {
    Wording words;
    words.text = "'{key}' needs quotes";
    words.day = "'{key}' needs a date";
    words.missing = "no '{key}' here";
    return words;
}

enum class Colour { red, green };
constexpr NameTable<Colour, 2> colours{{{Colour::red, "red"}, {Colour::green, "green"}}};

} // namespace

TEST_SUITE_BEGIN("core::toml_reader");

TEST_CASE("a TOML date is a day and a date-time with an offset is a moment") {
    CHECK(day_of(toml::date{2026, 3, 27}) == day("2026-03-27"));
    toml::date_time summer{toml::date{2026, 3, 29}, toml::time{10, 30, 15},
                           toml::time_offset{1, 0}};
    CHECK(instant_of(summer) == utc(2026, 3, 29, 9, 30, 15));
    toml::date_time west{toml::date{2026, 1, 1}, toml::time{0, 0, 0}, toml::time_offset{-5, 0}};
    CHECK(instant_of(west) == utc(2026, 1, 1, 5));
    toml::date_time local{toml::date{2026, 3, 29}, toml::time{10, 0, 0}};
    CHECK_FALSE(instant_of(local).has_value());
}

TEST_CASE("text, true or false, and lists of text") {
    CHECK(value_of<std::string>("a = \"Jo\"\n", [](TomlReader& r, const toml::table& t) {
              return r.text_at(t, "a");
          }) == "Jo");
    CHECK(value_of<std::string>("", [](TomlReader& r, const toml::table& t) {
              return r.text_at(t, "a");
          }).empty());
    CHECK(value_of<bool>("a = true\n",
                         [](TomlReader& r, const toml::table& t) { return r.flag_at(t, "a"); }));
    CHECK_FALSE(
        value_of<bool>("", [](TomlReader& r, const toml::table& t) { return r.flag_at(t, "a"); }));

    auto texts = [](SingleText single) {
        return [single](TomlReader& r, const toml::table& t) {
            std::vector<std::string> out;
            for (const TextItem& item : r.texts_at(t, "a", single))
                out.push_back(item.text);
            return out;
        };
    };
    using Texts = std::vector<std::string>;
    CHECK(value_of<Texts>("a = [\"x\", \"y\"]\n", texts(SingleText::refused)) == Texts{"x", "y"});
    CHECK(value_of<Texts>("a = \"x\"\n", texts(SingleText::is_list)) == Texts{"x"});
    CHECK(problem("a = \"x\"\n", texts(SingleText::refused)) ==
          "1:5: 'a' must be a list in [ ], not text in quotes");
    CHECK(problem("a = [\"x\", 2]\n", texts(SingleText::is_list)) ==
          "1:11: 'a' must list text in quotes, not a whole number");
}

TEST_CASE("a value of the wrong type says what was expected, in the file kind's words") {
    Read read = [](TomlReader& r, const toml::table& t) {
        r.text_at(t, "name");
        r.flag_at(t, "urgent");
    };
    CHECK(problem("name = 5\n", read) == "1:8: 'name' must be text in quotes, not a whole number");
    CHECK(problem("urgent = \"yes\"\n", read) ==
          "1:10: 'urgent' must be true or false, not text in quotes");
    CHECK(problem("name = 5\n", read, terse()) == "1:8: 'name' needs quotes");
    CHECK(problem("name = [\"a\"]\n", [](TomlReader& r, const toml::table& t) {
              r.table_at(t, "name");
          }) == "1:8: 'name' must be a table, not a list in [ ]");
}

TEST_CASE("dates: TOML dates, and text in quotes where the file kind allows it") {
    auto read = [](QuotedDate quoted) {
        return [quoted](TomlReader& r, const toml::table& t) {
            return r.day_at(t, "on", quoted).value_or(Day{});
        };
    };
    CHECK(value_of<Day>("on = 2026-05-01\n", read(QuotedDate::refused)) == day("2026-05-01"));
    CHECK(value_of<Day>("on = \"2026-05-01\"\n", read(QuotedDate::allowed)) == day("2026-05-01"));
    CHECK(problem("on = \"2026-05-01\"\n", read(QuotedDate::refused)) ==
          "1:6: 'on' must be a date such as 2024-03-05, not text in quotes");
    CHECK(problem("on = \"2026-02-30\"\n", read(QuotedDate::allowed)) ==
          "1:6: 'on' must be a date such as 2024-03-05, not text in quotes");
    CHECK(problem("on = 2026-05-01T10:00:00Z\n", read(QuotedDate::allowed), terse()) ==
          "1:6: 'on' needs a date");
}

TEST_CASE("moments need an offset") {
    auto read = [](TomlReader& r, const toml::table& t) {
        return r.moment(*t.get("at"), "at").value_or(Instant{});
    };
    CHECK(value_of<Instant>("at = 2026-03-27T10:00:00+00:00\n", read) == utc(2026, 3, 27, 10));
    CHECK(problem("at = 2026-03-27T10:00:00\n", read) ==
          "1:6: 'at' must be a date and time with an offset such as 2026-03-27T10:00:00+00:00, "
          "not a date and time");
    Wording words;
    words.moment = "'{key}' must be a date-time with offset";
    CHECK(problem("at = 2026-03-27\n", read, words) == "1:6: 'at' must be a date-time with offset");
}

TEST_CASE("periods are text such as \"10 working days\"") {
    auto read = [](TomlReader& r, const toml::table& t) {
        return r.period_at(t, "within").value_or(Period{});
    };
    CHECK(value_of<Period>("within = \"10 working days\"\n", read) ==
          Period{10, Unit::working_days});
    CHECK(problem("within = \"soon\"\n", read) ==
          "1:10: 'within': bad period 'soon': expected a number and a unit: 48h, 5d, 10wd, "
          "2w, 1m, 1y, or spelt out (48 hours, 5 days, 10 working days, 2 weeks, 1 month, 1 "
          "year)");
    CHECK(problem("within = 10\n", read) ==
          "1:10: 'within' must be text in quotes, not a whole number");
}

TEST_CASE("names: lowercase letters, digits and '-', listed once") {
    CHECK(is_name("stage-2"));
    CHECK_FALSE(is_name("-stage"));
    CHECK_FALSE(is_name("Stage"));
    CHECK_FALSE(is_name(""));
    CHECK(to_name("Staff  Conduct!") == "staff-conduct");

    Read id = [](TomlReader& r, const toml::table& t) { r.name_at(t, "id", "[stage]"); };
    CHECK(problem("id = \"Local Resolution\"\n", id) ==
          "1:6: 'id' = \"Local Resolution\" is not a valid name: use lowercase letters, digits "
          "and '-', e.g. \"local-resolution\"");
    CHECK(problem("id = \"!!\"\n", id).find("e.g. \"local\"") != std::string::npos);
    CHECK(problem("title = \"x\"\n", id) == "1:1: missing 'id' in [stage]");

    Read list = [](TomlReader& r, const toml::table& t) { r.names_at(t, "channels"); };
    CHECK(problem("channels = [\"email\", \"In Person\"]\n", list) ==
          "1:22: 'channels': \"In Person\" is not a valid name: use lowercase letters, digits "
          "and '-', e.g. \"in-person\"");
    CHECK(problem("channels = [\"email\", \"email\"]\n", list) ==
          "1:22: 'channels': \"email\" is listed twice");
    CHECK(value_of<std::vector<std::string>>("channels = \"email\"\n",
                                             [](TomlReader& r, const toml::table& t) {
                                                 return r.names_at(t, "channels");
                                             }) == std::vector<std::string>{"email"});
}

TEST_CASE("a choice from a list: a likely typo is suggested, else the choices are listed") {
    auto read = [](TomlReader& r, const toml::table& t) {
        return r.choice_at(t, "colour", colours, "colour").value_or(Colour::red);
    };
    CHECK(value_of<Colour>("colour = \"green\"\n", read) == Colour::green);
    CHECK(problem("colour = \"gren\"\n", read) ==
          "1:10: unknown colour 'gren'; did you mean 'green'?");
    CHECK(problem("colour = \"blue\"\n", read) ==
          "1:10: unknown colour 'blue'; use one of: red, green");
    CHECK(problem("colour = 1\n", read) == "1:10: 'colour' must be text in quotes, not a whole "
                                           "number");
    CHECK(did_you_mean("gren", {"red", "green"}) == "; did you mean 'green'?");
    CHECK(did_you_mean("blue", {"red", "green"}, "; no") == "; no");
    CHECK(use_one_of("blue", views_of({"red", "green"})) == "; use one of: red, green");
}

TEST_CASE("unknown keys: the first in file order, with a did-you-mean or the valid keys") {
    Read check = [](TomlReader& r, const toml::table& t) {
        const toml::table* table = r.table_at(t, "fruit");
        if (table != nullptr) r.check_keys(*table, fruit);
    };
    CHECK(problem("[fruit]\napple = 1\n", check).empty());
    // toml++ keeps keys sorted; the message names the one written first.
    CHECK(problem("[fruit]\nzucchini = 1\nbananna = 2\n", check) ==
          "2:1: unknown key 'zucchini' in [fruit]; valid keys: apple, banana, cherry");
    CHECK(problem("[fruit]\napple = 1\n  bananna = 2\nzucchini = 3\n", check) ==
          "3:3: unknown key 'bananna' in [fruit]; did you mean 'banana'?");
    CHECK(problem("fruit = { cherry = 1, chery = 2 }\n", check) ==
          "1:23: unknown key 'chery' in [fruit]; did you mean 'cherry'?");

    auto with_help = [](KeyHelp help) {
        return [help](TomlReader& r, const toml::table& t) {
            r.check_keys(t, TableSchema{"", {"policy"}, help});
        };
    };
    CHECK(problem("policy = \"x\"\npolicyy = 1\n", with_help(KeyHelp::suggest)) ==
          "2:1: unknown key 'policyy'; did you mean 'policy'?");
    CHECK(problem("colour = 1\n", with_help(KeyHelp::suggest)) == "1:1: unknown key 'colour'");
    CHECK(problem("colour = 1\n", with_help(KeyHelp::only)) ==
          "1:1: unknown key 'colour' (only 'policy' is allowed)");
}

TEST_CASE("keys in file order") {
    Result<toml::table> root = parse_toml_file("b = 1\nc = 2\na = 3\n", "f.toml");
    REQUIRE(root.ok());
    std::string order;
    for (auto [key, node] : keys_in_file_order(*root))
        order += key->str();
    CHECK(order == "bca");
}

TEST_CASE("required keys are missing at their table") {
    Read read = [](TomlReader& r, const toml::table& t) {
        for (const toml::table* stage : r.tables_at(t, "stage", "[[stage]]"))
            r.require(*stage, "id", "[[stage]]");
    };
    CHECK(problem("[[stage]]\nid = \"a\"\n\n[[stage]]\ntitle = \"b\"\n", read) ==
          "4:1: missing 'id' in [[stage]]");
    CHECK(problem("[[stage]]\ntitle = \"b\"\n", read, terse()) == "1:1: no 'id' here");
}

TEST_CASE("lists of tables: double brackets, and every item a table") {
    Read read = [](TomlReader& r, const toml::table& t) { r.tables_at(t, "stage", "[[stage]]"); };
    CHECK(problem("[stage]\nid = \"a\"\n", read) ==
          "1:1: write [[stage]] with double brackets: a policy may have several");
    CHECK(problem("stage = 5\n", read) == "1:9: 'stage' must be a list in [ ], not a whole number");
    CHECK(problem("stage = [{ id = \"a\" }, 5]\n", read) == "1:24: each [[stage]] must be a table");
    CHECK(value_of<std::size_t>("[[stage]]\n[[stage]]\n", [](TomlReader& r, const toml::table& t) {
              return r.tables_at(t, "stage", "[[stage]]").size();
          }) == 2);
}

TEST_CASE("the first problem wins; later ones are dropped") {
    Read read = [](TomlReader& r, const toml::table& t) {
        r.text_at(t, "b");
        r.text_at(t, "a");
        r.fail_at(9, 9, "later");
    };
    CHECK(problem("a = 1\nb = 2\n", read) == "2:5: 'b' must be text in quotes, not a whole number");

    Result<toml::table> root = parse_toml_file("a = \"x\"\n", "f.toml");
    REQUIRE(root.ok());
    TomlReader reader("f.toml");
    CHECK(reader.result(reader.text_at(*root, "a")).value() == "x");
    reader.fail_at(3, 4, "wrong");
    Result<int> failed = reader.result(1);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().to_string() == "f.toml:3:4: wrong");
}

TEST_SUITE_END();
