#pragma once
/// UTF-8 text: validation, code points, grapheme clusters and terminal columns. Every other
/// file that looks inside text calls these; the Unicode tables come from utf8proc.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace complaints::utf8 {

/// One code point and the bytes it takes.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0; ///< 1 to 4
};

/// Whether `text` is well-formed UTF-8: no overlong forms, no surrogates, nothing past
/// U+10FFFF, no sequence cut short.
bool valid(std::string_view text);

/// The code point starting at byte `at` of `text`, or nothing when the bytes there are not a
/// well-formed sequence (or `at` is past the end).
std::optional<CodePoint> decode(std::string_view text, std::size_t at);

/// The bytes the code point at `at` takes, or 1 when they are not a well-formed sequence, so
/// that a loop stepping by it visits every byte of any text once.
std::size_t length_at(std::string_view text, std::size_t at);

/// Code points in `text`; each byte that is not part of a well-formed sequence counts as one.
std::size_t count(std::string_view text);

/// Where the grapheme cluster (what a reader sees as one character: a letter and its accents,
/// a flag, an emoji sequence) starting at byte `at` ends. An invalid byte is a cluster alone.
std::size_t grapheme_end(std::string_view text, std::size_t at);

/// The grapheme clusters of `text`, in order.
std::vector<std::string_view> graphemes(std::string_view text);

/// Terminal columns one grapheme cluster takes: 2 for East Asian wide characters, emoji and
/// flags, 0 for a cluster of combining marks or zero-width characters alone (and for control
/// characters, which terminal_safe shows as escapes first), 1 for an invalid byte, else 1.
std::size_t grapheme_width(std::string_view cluster);

/// Terminal columns `text` takes: the sum of its clusters' widths.
std::size_t width(std::string_view text);

/// The longest start of `text` that takes at most `columns` columns and ends at a cluster
/// boundary, so that no character loses its accent or half of a flag.
std::string_view cut_to_width(std::string_view text, std::size_t columns);

} // namespace complaints::utf8
