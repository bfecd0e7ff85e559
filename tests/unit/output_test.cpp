#include "cli/output.hpp"

#include "complaints/utf8.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::cli;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

const std::string e_acute_combined = "e\u0301";
const std::string flag_uk = "\U0001F1EC\U0001F1E7";

} // namespace

TEST_SUITE_BEGIN("cli::output");

TEST_CASE("truncate_text: ASCII cut to the width, ending in an ellipsis") {
    CHECK(truncate_text("Trip cancelled at a day's notice", 10) == "Trip canc…");
    CHECK(truncate_text("Trip", 4) == "Trip");
    CHECK(truncate_text("Trips", 0) == "");
    CHECK(truncate_text("Trips", 1) == "…");
}

TEST_CASE("truncate_text counts columns: a wide character takes two, an accent none") {
    CHECK(truncate_text("中文字幕", 8) == "中文字幕");
    CHECK(truncate_text("中文字幕", 5) == "中文…");
    CHECK(truncate_text("中文字幕", 4) == "中…"); // a column short, not half a character
    CHECK(truncate_text("Zoe\u0301 Bronte\u0308", 10) == "Zoe\u0301 Bronte\u0308");
}

TEST_CASE("truncate_text never splits a letter from its accent, or a flag") {
    const std::string accents = e_acute_combined + e_acute_combined + e_acute_combined;
    CHECK(truncate_text(accents, 2) == e_acute_combined + "…");
    CHECK(truncate_text(flag_uk + flag_uk + flag_uk, 5) == flag_uk + flag_uk + "…");
    CHECK(truncate_text(flag_uk + flag_uk + flag_uk, 4) == flag_uk + "…");
}

TEST_CASE("a table pads ASCII columns to their widest cell, two spaces between") {
    Table table({"ID", "STATE", "SUMMARY"});
    table.add({"k7m2qxh9", "overdue", "Trip cancelled"});
    table.add({"0009zzzz", "open", "Fees"});
    CHECK(table.render() == "ID        STATE    SUMMARY\n"
                            "k7m2qxh9  overdue  Trip cancelled\n"
                            "0009zzzz  open     Fees\n");
}

TEST_CASE("a table pads by terminal columns: CJK and emoji take two, accents none") {
    Table table({"WHO", "ID"});
    table.add({"中文", "a1"});
    table.add({"Zoë", "b2"});
    table.add({"Zoe\u0301", "c3"});
    table.add({"\U0001F600", "d4"});
    CHECK(table.render() == "WHO   ID\n"
                            "中文  a1\n"
                            "Zoë   b2\n"
                            "Zoe\u0301   c3\n"
                            "\U0001F600    d4\n");
}

TEST_CASE("a fitted table with wide text stays within the width, cutting whole characters") {
    Table table({"ID", "SUMMARY"});
    table.add({"k7m2qxh9", "料金が二重に請求されました、三月分"});
    table.add({"0009zzzz", flag_uk + " trip cancelled at a day's notice"});
    table.fit(24);
    const auto lines = lines_of(table.render());
    REQUIRE(lines.size() == 3);
    for (const std::string& line : lines) {
        CHECK(utf8::width(line) <= 24);
        CHECK(utf8::valid(line));
    }
    CHECK(lines[1] == "k7m2qxh9  料金が二重に…"); // 13 columns: six wide characters and "…"
    CHECK(lines[2] == "0009zzzz  " + flag_uk + " trip cance…");
}

TEST_CASE("a fitted table never cuts a column below its heading or 12 columns") {
    Table table({"ID", "SUMMARY"});
    table.add({"k7m2qxh9", "中文中文中文中文中文"});
    table.fit(10);
    const auto lines = lines_of(table.render());
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] == "k7m2qxh9  中文中文中…");
}

namespace {

/// A list-overdue table with a 48-hour deadline, a handler in CJK, summaries with emoji,
/// combining accents and wide characters, fitted to `width` columns.
std::vector<std::string> overdue_table(std::size_t width) {
    Table table({"ID", "STAGE", "MILESTONE", "DUE", "STATE", "DAYS OVER", "HANDLER", "SUMMARY"});
    table.add({"k7m2qxh9", "formal", "resolve", "2026-11-22T15:00:00+00:00", "overdue", "1",
               "佐藤 花子", "料金が二重に請求されました、三月分も四月分も"});
    table.add({"0009zzzz", "review", "meeting", "2026-11-30", "due-soon", "0",
               "Zoe\u0301 Ba\u0308r",
               "\U0001F600 trip cancelled at a day's notice, again, and nobody said why"});
    table.fit(width);
    return lines_of(table.render());
}

} // namespace

TEST_CASE("at 100 columns only the summary gives way; IDs, due times and states stay whole") {
    const auto lines = overdue_table(100);
    REQUIRE(lines.size() == 3);
    for (const std::string& line : lines)
        CHECK(utf8::width(line) <= 100);
    CHECK(lines[1].find("k7m2qxh9") == 0);
    CHECK(lines[1].find("2026-11-22T15:00:00+00:00  overdue") != std::string::npos);
    CHECK(lines[1].find("佐藤 花子") != std::string::npos);
    CHECK(lines[2].find("2026-11-30                 due-soon") != std::string::npos);
    CHECK(lines[2].find("Zoe\u0301 Ba\u0308r") != std::string::npos); // accents kept whole
    CHECK(lines[1].ends_with("…"));
    CHECK(lines[2].ends_with("…"));
    CHECK(lines[2].find("\U0001F600 trip") != std::string::npos);
}

TEST_CASE("at 60 columns free text goes to its floor and what must be read stays whole") {
    const auto lines = overdue_table(60);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].find("k7m2qxh9") == 0);
    CHECK(lines[1].find("2026-11-22T15:00:00+00:00") != std::string::npos);
    CHECK(lines[1].find("overdue") != std::string::npos);
    CHECK(lines[2].find("due-soon") != std::string::npos);
    for (const std::string& line : lines)
        CHECK(utf8::valid(line)); // no grapheme split, even when the line wraps
    // Then other words, to their floor: a handler's name, never inside a character.
    CHECK(lines[1].find("佐藤 花…") != std::string::npos);
    CHECK(lines[2].find("Zoe\u0301 Ba\u0308r") != std::string::npos); // 7 columns: fits
}

TEST_CASE("column_fit: IDs, dates, states and counts whole, summaries first, words after") {
    CHECK(column_fit("ID") == ColumnFit::whole);
    CHECK(column_fit("DUE") == ColumnFit::whole);
    CHECK(column_fit("next_due") == ColumnFit::whole);
    CHECK(column_fit("STATE") == ColumnFit::whole);
    CHECK(column_fit("DAYS OVER") == ColumnFit::whole);
    CHECK(column_fit("SUMMARY") == ColumnFit::text);
    CHECK(column_fit("TITLE") == ColumnFit::text);
    CHECK(column_fit("HANDLER") == ColumnFit::words);
    CHECK(column_fit("STAGE") == ColumnFit::words);
}

TEST_SUITE_END();
