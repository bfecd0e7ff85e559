#pragma once
/// "Did you mean ...?" for misspelt keys, values and command names.

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// Levenshtein distance between two words.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The option closest to `word` within two edits (and fewer edits than its length), or an
/// empty string when none is that close.
std::string closest_spelling(std::string_view word, const std::vector<std::string_view>& options);

} // namespace complaints
