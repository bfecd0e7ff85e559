#include "git_conflict.hpp"

#include <array>
#include <fmt/format.h>

namespace complaints {

int conflict_marker_line(std::string_view text) {
    // `=======` alone is left out: a line of equals signs can be someone's own text, and git
    // never writes it without a `<<<<<<<` line before it.
    constexpr std::array<std::string_view, 3> markers{"<<<<<<<", "|||||||", ">>>>>>>"};
    int line = 1;
    for (std::size_t start = 0; start < text.size(); ++line) {
        const std::string_view rest = text.substr(start);
        for (std::string_view marker : markers)
            if (rest.starts_with(marker)) return line;
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return 0;
}

Status no_conflict_markers(std::string_view text, std::string_view path) {
    const int line = conflict_marker_line(text);
    if (line == 0) return done();
    return data_error(
        std::string(path), line, 1,
        fmt::format("unresolved git conflict (a conflict marker): {}", resolve_conflict_advice));
}

} // namespace complaints
