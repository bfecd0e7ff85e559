#pragma once
/// Text from complaint and policy files made safe for where it goes: a terminal, JSON, CSV,
/// HTML or iCalendar. Every output format escapes through here, so a complaint cannot change
/// a terminal, break a document or run as a spreadsheet formula. Built on complaints/utf8.hpp.

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// `text` made safe for a terminal: control characters, bidi overrides and invalid UTF-8 are
/// shown as visible escapes (`\x1b`, `\u202e`). With `keep_newlines`, `\n` stays a newline.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

/// A JSON string literal, quotes included. Control characters, bidi overrides and the line
/// separators U+2028/U+2029 (which break JavaScript) are `\u` escapes.
std::string json_string(std::string_view text);

/// One CSV cell per RFC 4180; with `guard` (the default), text a spreadsheet would run as a
/// formula (leading `=`, `+`, `-`, `@`, tab, CR, LF) gets a leading `'`. Scripts that never
/// open the file in a spreadsheet ask for the text as it is (`export --raw`).
std::string csv_text(std::string_view text, bool guard = true);
/// A CSV line (CRLF-terminated, as RFC 4180 says) from already-quoted cells.
std::string csv_line(const std::vector<std::string>& cells);

/// Text made safe inside HTML/SVG elements and attributes (after terminal_safe, so that
/// control and bidi characters show as escapes there too).
std::string html_text(std::string_view text);

/// iCalendar (RFC 5545) TEXT value: `\` `;` `,` and newlines escaped; control and bidi
/// characters made visible as terminal_safe does.
std::string ics_text(std::string_view text);

/// One iCalendar content line, folded so no line exceeds 75 octets (never inside a UTF-8
/// sequence), each line ending in CRLF.
std::string ics_line(std::string_view line);

} // namespace complaints::cli
