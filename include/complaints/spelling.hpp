#pragma once
/// "Did you mean ...?" for misspelt keys, values and command names.

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// Edits between two words: insertions, deletions, substitutions and swaps of two neighbouring
/// letters ("lsit" is one edit from "list"), each counting one.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// `text` lowercased (ASCII only: names in policies and flags are ASCII).
std::string lowercase(std::string_view text);

/// `text` lowercased (ASCII), without spaces or tabs at either end: how names typed by staff
/// are compared with a policy's ("Board " finds "board").
std::string folded(std::string_view text);

/// The option closest to `word` within two edits (and fewer edits than its length), or an
/// empty string when none is that close.
std::string closest_spelling(std::string_view word, const std::vector<std::string_view>& options);

/// Up to `count` of `options`, closest to `word` first (ignoring ASCII case; ties keep the
/// order of `options`), however far they are: for naming what a value could have been.
std::vector<std::string> closest_spellings(std::string_view word,
                                           const std::vector<std::string>& options,
                                           std::size_t count);

} // namespace complaints
