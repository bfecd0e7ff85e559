#pragma once
/// Writing for people: tables fitted to the terminal, its width, colour. The escapers for each
/// format come with it (cli/escape.hpp), since every writer of output needs both.

#include "cli/escape.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// A table with a header row; columns padded to their widest cell, in terminal columns (a
/// CJK character or an emoji takes two, a combining accent none).
class Table {
  public:
    explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    /// Lines no wider than `width` (0: no limit): the widest columns are shortened first, each
    /// cut cell ending in "…", none narrower than its heading or 12, so IDs and dates stay
    /// whole (a line may then still be wider).
    void fit(std::size_t width) { width_ = width; }
    std::string render() const;
    bool empty() const { return rows_.size() == 1; }

  private:
    std::vector<std::vector<std::string>> rows_;
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
