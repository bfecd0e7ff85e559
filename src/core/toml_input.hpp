#pragma once
/// Reading TOML that people write: every file the register reads (complaints, policies,
/// calendar files) goes through `parse_toml_file`, which refuses what toml++ 3.3.0 cannot parse
/// safely before the parser sees it. Core-internal: it exposes toml++ types.

#include "complaints/result.hpp"

#include <string_view>
#include <toml++/toml.h>

namespace complaints {

/// Brackets plus dotted-key parts on one line deeper than this are refused before parsing.
inline constexpr int max_toml_nesting = 64;

/// Refuses text toml++ 3.3.0 would overflow its stack on, reach undefined behaviour on, or fail
/// an internal assertion on (docs/RELIABILITY.md lists each), at path:line:col:
/// - brackets and dotted keys nested deeper than `max_toml_nesting`;
/// - non-ASCII text outside strings and comments, and unsafe escapes in multi-line strings;
/// - a date followed by `T` and no time (`2026-01-02T=10:00`), or by a space and a lone digit;
/// - a table heading that is not a key (`[` followed by a backtick, a line break or `{`);
/// - a `}` inside a list (`events = [` then `}`).
Status check_toml_before_parsing(std::string_view text, std::string_view path);

/// `check_toml_before_parsing`, then toml++; its errors at path:line:col with a hint for the
/// mistakes people make most (a key written twice, text without quotes).
Result<toml::table> parse_toml_file(std::string_view text, std::string_view path);

} // namespace complaints
