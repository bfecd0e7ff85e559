// UTF-8 over utf8proc: its decoder refuses every ill-formed sequence, and its tables give
// display widths and grapheme breaks for the Unicode version Debian ships.

#include "complaints/utf8.hpp"

#include <algorithm>
#include <utf8proc.h>

namespace complaints::utf8 {

std::optional<CodePoint> decode(std::string_view text, std::size_t at) {
    if (at >= text.size()) return std::nullopt;
    utf8proc_int32_t value = -1;
    const auto length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                         static_cast<utf8proc_ssize_t>(text.size() - at), &value);
    if (length <= 0 || value < 0) return std::nullopt;
    return CodePoint{static_cast<char32_t>(value), static_cast<std::size_t>(length)};
}

bool valid(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto point = decode(text, i);
        if (!point) return false;
        i += point->length;
    }
    return true;
}

std::size_t length_at(std::string_view text, std::size_t at) {
    const auto point = decode(text, at);
    return point ? point->length : 1;
}

std::size_t count(std::string_view text) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); i += length_at(text, i))
        ++points;
    return points;
}

std::size_t grapheme_end(std::string_view text, std::size_t at) {
    if (at >= text.size()) return text.size();
    const auto first = decode(text, at);
    if (!first) return at + 1;
    utf8proc_int32_t state = 0; // carries regional-indicator pairs and emoji sequences
    auto previous = static_cast<utf8proc_int32_t>(first->value);
    std::size_t end = at + first->length;
    while (end < text.size()) {
        const auto next = decode(text, end);
        if (!next) break;
        const auto value = static_cast<utf8proc_int32_t>(next->value);
        if (utf8proc_grapheme_break_stateful(previous, value, &state)) break;
        previous = value;
        end += next->length;
    }
    return end;
}

std::vector<std::string_view> graphemes(std::string_view text) {
    std::vector<std::string_view> clusters;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t end = grapheme_end(text, i);
        clusters.push_back(text.substr(i, end - i));
        i = end;
    }
    return clusters;
}

namespace {

bool is_regional_indicator(char32_t c) {
    return c >= 0x1F1E6 && c <= 0x1F1FF;
}

constexpr char32_t emoji_presentation = 0xFE0F; // VS16: "show the preceding as an emoji"

} // namespace

std::size_t grapheme_width(std::string_view cluster) {
    // The widest code point, not the sum: the marks, joiners and skin tones that follow a
    // base character draw on top of it. Two regional indicators make one flag, and an emoji
    // presentation selector turns a narrow symbol into a wide emoji.
    std::size_t widest = 0, indicators = 0;
    for (std::size_t i = 0; i < cluster.size();) {
        const auto point = decode(cluster, i);
        if (!point) return 1;
        if (point->value == emoji_presentation) return 2;
        if (is_regional_indicator(point->value)) ++indicators;
        const int columns = utf8proc_charwidth(static_cast<utf8proc_int32_t>(point->value));
        widest = std::max(widest, static_cast<std::size_t>(std::max(columns, 0)));
        i += point->length;
    }
    return indicators >= 2 ? 2 : widest;
}

std::size_t width(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        // Printable ASCII followed by ASCII (or the end) is a grapheme of one column: nothing
        // that joins a cluster (a mark, a joiner) is ASCII.
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7f &&
            (i + 1 == text.size() || static_cast<unsigned char>(text[i + 1]) < 0x80)) {
            ++columns, ++i;
            continue;
        }
        const std::size_t end = grapheme_end(text, i);
        columns += grapheme_width(text.substr(i, end - i));
        i = end;
    }
    return columns;
}

std::string_view cut_to_width(std::string_view text, std::size_t columns) {
    std::size_t used = 0, i = 0;
    while (i < text.size()) {
        const std::size_t end = grapheme_end(text, i);
        used += grapheme_width(text.substr(i, end - i));
        if (used > columns) break;
        i = end;
    }
    return text.substr(0, i);
}

} // namespace complaints::utf8
