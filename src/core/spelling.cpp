#include "complaints/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace complaints {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows: a swap of two neighbours ("lsit") looks back two rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        before.swap(previous);
        previous.swap(row);
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min(
                {previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
    }
    return row[b.size()];
}

std::string closest_spelling(std::string_view word, const std::vector<std::string_view>& options) {
    std::string_view best;
    std::size_t best_distance = 3;
    for (std::string_view candidate : options) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance && distance < candidate.size()) {
            best = candidate;
            best_distance = distance;
        }
    }
    return std::string(best);
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string folded(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return lowercase(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::vector<std::string> closest_spellings(std::string_view word,
                                           const std::vector<std::string>& options,
                                           std::size_t count) {
    const std::string wanted = lowercase(word);
    std::vector<std::pair<std::size_t, const std::string*>> ranked;
    for (const std::string& option : options)
        ranked.emplace_back(edit_distance(wanted, lowercase(option)), &option);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> closest;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i)
        closest.push_back(*ranked[i].second);
    return closest;
}

} // namespace complaints
