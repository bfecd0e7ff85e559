#pragma once
/// Writing for people and for machines: terminal-safe text, JSON, CSV, aligned tables.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// `text` made safe for a terminal: control characters, bidi overrides and invalid UTF-8 are
/// shown as visible escapes (`\x1b`, `\u202e`). With `keep_newlines`, `\n` stays a newline.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

/// A JSON string literal, quotes included.
std::string json_string(std::string_view text);

/// One CSV cell per RFC 4180; text a spreadsheet would run as a formula (leading `=`, `+`,
/// `-`, `@`, tab, CR, LF) gets a leading `'`.
std::string csv_text(std::string_view text);
/// A CSV line (CRLF-terminated, as RFC 4180 says) from already-quoted cells.
std::string csv_line(const std::vector<std::string>& cells);

/// A table with a header row; columns padded to their widest cell (by code points).
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

/// `text` cut to at most `width` code points, ending in "…" when cut.
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
