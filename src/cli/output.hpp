#pragma once
/// Writing for people: tables fitted to the terminal, its width, colour. The escapers for each
/// format come with it (cli/escape.hpp), since every writer of output needs both.

#include "cli/escape.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// How a column of a table gives way when the table is wider than the terminal.
enum class ColumnFit {
    whole, ///< never cut: IDs, dates and times, states, numbers
    words, ///< short words (stage, milestone, handler): cut only when free text is not enough
    text,  ///< free text (summary, title): cut first
};

/// How the column headed `heading` gives way (the tables' own headings: "ID", "DUE",
/// "STATE", "SUMMARY", ...): IDs, dates, times, states and counts whole, summaries, titles,
/// names and reasons first, anything else after them.
ColumnFit column_fit(std::string_view heading);

/// A table with a header row; columns padded to their widest cell, in terminal columns (a
/// CJK character or an emoji takes two, a combining accent none).
class Table {
  public:
    /// Each column gives way as its heading says (`column_fit`).
    explicit Table(std::vector<std::string> header);
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    /// Lines no wider than `width` (0: no limit): free-text columns are shortened first
    /// (widest first), then other words; IDs, dates, times, states and numbers never. Each cut
    /// cell ends in "…" and no column is cut below its heading, nor free text below 12
    /// columns and other words below 8 (a line may then still be wider: a very narrow
    /// terminal wraps it).
    void fit(std::size_t width) { width_ = width; }
    std::string render() const;
    bool empty() const { return rows_.size() == 1; }

  private:
    std::vector<std::vector<std::string>> rows_;
    std::vector<ColumnFit> fits_;
    std::size_t width_ = 0;
};

/// `text` cut to at most `width` terminal columns, ending in "…" when cut; a cut never
/// splits a character from its accents, a flag or an emoji sequence.
std::string truncate_text(std::string_view text, std::size_t width);

/// The width of the terminal `stream` is on ($COLUMNS, else the terminal's own size), or 0
/// when `stream` is not a terminal (output for pipes and files is never cut).
std::size_t terminal_width(std::FILE* stream);

/// Whether to colour output: only on a terminal, never with NO_COLOR (set and not empty),
/// TERM=dumb or --no-color.
bool use_colour(std::FILE* stream, bool no_colour_flag);

/// Wraps `text` in an ANSI colour when `on`.
std::string paint(std::string_view text, std::string_view ansi, bool on);

} // namespace complaints::cli
