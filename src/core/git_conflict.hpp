#pragma once
/// A file git left in an unresolved merge conflict: its markers, and what to tell the user.
/// Without the register's merge driver, git writes both sides into a complaint file between
/// `<<<<<<<` and `>>>>>>>` lines; such a file is neither read as a complaint nor changed by
/// any command until someone resolves it and tells git so (`git add`).

#include "complaints/result.hpp"

#include <string_view>

namespace complaints {

/// What to do about a file in conflict, the end of every message about one.
inline constexpr std::string_view resolve_conflict_advice =
    "resolve the conflict (keep the right lines, delete the marker lines), then 'git add' the "
    "file";

/// The line (1-based) of the first git conflict marker in `text` (a line starting with
/// `<<<<<<<`, `|||||||` or `>>>>>>>`), or 0 when there is none.
int conflict_marker_line(std::string_view text);

/// A `data` error at `path`:LINE when `text` holds git conflict markers.
Status no_conflict_markers(std::string_view text, std::string_view path);

} // namespace complaints
