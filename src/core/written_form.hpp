#pragma once
/// The fast path for reading complaint files: the exact form our own writer writes
/// (`write_complaint`, `append_event`), read in one pass without building a TOML tree.
/// `parse_complaint` tries it first. It accepts only that form, and only values it can read
/// exactly as toml++ and the TOML reader do; anything else (a comment after a value, a
/// multi-line string, CRLF line ends, an unknown key, a problem of any kind) gives nothing and
/// the file is read the general way, which also words every error. So it never changes an
/// answer: a file reads to the same complaint, with the same positions, either way
/// (tests/unit/written_form_test.cpp and the fuzz target `complaint_reader` check that).
/// Core-internal.

#include "complaints/complaint.hpp"

#include <optional>
#include <string_view>

namespace complaints {

/// The complaint in `text`, when `text` is in the written form throughout; nothing otherwise.
std::optional<Complaint> read_written_form(std::string_view text, std::string_view path);

/// The event field that holds one text and is written as `key` ("by", "text", ...), or null
/// for any other key: the table both readers use (complaint.cpp).
std::string* event_text(Event& event, std::string_view key);

/// `parse_complaint` without the fast path: always the general TOML reader.
Result<Complaint> parse_complaint_as_toml(std::string_view text, std::string_view path);

} // namespace complaints
