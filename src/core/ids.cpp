// Complaint IDs: three characters of day plus five random ones, Crockford base 32.

#include "complaints/ids.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints {

namespace {

constexpr std::string_view alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr std::size_t id_length = 8;
constexpr std::size_t max_listed = 10;
constexpr date::sys_days id_epoch = date::sys_days{date::year{2020} / 1 / 1};

/// Lowercases and reads the look-alike letters as Crockford does (i, l as 1; o as 0).
std::string normalised(std::string_view text) {
    std::string out;
    for (char c : text) {
        char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        out += (lower == 'i' || lower == 'l') ? '1' : lower == 'o' ? '0' : lower;
    }
    return out;
}

std::string candidates_text(const std::vector<std::string>& candidates) {
    std::string out;
    for (std::size_t i = 0; i < candidates.size() && i < max_listed; ++i)
        out += (i ? ", " : "") + candidates[i];
    if (candidates.size() > max_listed)
        out += fmt::format(" and {} more", candidates.size() - max_listed);
    return out;
}

bool has_prefix_or_suffix(std::string_view id, std::string_view part) {
    return id.size() >= part.size() &&
           (id.substr(0, part.size()) == part || id.substr(id.size() - part.size()) == part);
}

} // namespace

std::string make_complaint_id(date::sys_days day, const std::function<std::uint32_t()>& random) {
    auto days = std::clamp<long>((day - id_epoch).count(), 0, 32767);
    std::string id;
    for (int shift = 10; shift >= 0; shift -= 5)
        id += alphabet[(days >> shift) & 31];
    while (id.size() < id_length)
        id += alphabet[random() % 32];
    return id;
}

bool is_id_fragment(std::string_view text) {
    return !text.empty() && text.size() <= id_length &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return alphabet.find(c) != std::string_view::npos; });
}

std::optional<std::string> whole_id(std::string_view text) {
    auto id = normalised(text);
    if (id.size() != id_length || !is_id_fragment(id)) return std::nullopt;
    return id;
}

Result<std::string> match_id(std::string_view fragment, const std::vector<std::string>& ids) {
    auto part = normalised(fragment);
    if (!is_id_fragment(part))
        return usage_error(fmt::format("'{}' is not a complaint ID", fragment));
    if (std::find(ids.begin(), ids.end(), part) != ids.end()) return part;
    std::vector<std::string> candidates;
    for (const auto& id : ids)
        if (has_prefix_or_suffix(id, part)) candidates.push_back(id);
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() == 1) return candidates.front();
    if (candidates.empty()) return not_found_error(fmt::format("no complaint '{}'", fragment));
    return not_found_error(
        fmt::format("ambiguous ID '{}': {}", fragment, candidates_text(candidates)));
}

} // namespace complaints
