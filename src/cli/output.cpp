#include "cli/output.hpp"

#include "complaints/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace complaints::cli {

std::string truncate_text(std::string_view text, std::size_t width) {
    if (utf8::width(text) <= width) return std::string(text);
    if (width == 0) return "";
    // The kept text may end a column short when the next character is a wide one.
    return std::string(utf8::cut_to_width(text, width - 1)) + "\u2026";
}

std::size_t terminal_width(std::FILE* stream) {
    if (!isatty(fileno(stream))) return 0;
    if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
        char* end = nullptr;
        const long value = std::strtol(columns, &end, 10);
        if (*end == '\0' && value > 0 && value < 10000) return static_cast<std::size_t>(value);
    }
    winsize size{};
    if (ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

namespace {

/// Shrinks the widest column that gives way as `fit` does, one terminal column at a time,
/// until the columns and the two spaces between each fit in `room`, or every such column is
/// down to its floor. Whether it fits now.
bool shrink(std::vector<std::size_t>& widths, const std::vector<std::size_t>& floors,
            const std::vector<ColumnFit>& fits, ColumnFit fit, std::size_t room) {
    std::size_t total = 2 * (widths.empty() ? 0 : widths.size() - 1);
    for (std::size_t w : widths)
        total += w;
    for (; total > room; --total) {
        std::size_t widest = widths.size();
        for (std::size_t i = 0; i < widths.size(); ++i)
            if (fits[i] == fit && widths[i] > floors[i] &&
                (widest == widths.size() || widths[i] > widths[widest]))
                widest = i;
        if (widest == widths.size()) return false;
        --widths[widest];
    }
    return true;
}

/// Free text keeps enough to recognise a complaint by; a short word, enough to read it.
std::size_t shortest_cut(ColumnFit fit) {
    return fit == ColumnFit::text ? 12 : 8;
}

/// Free text gives way first, then other words; what must be read whole never does.
void fit_widths(std::vector<std::size_t>& widths, const std::vector<std::size_t>& floors,
                const std::vector<ColumnFit>& fits, std::size_t room) {
    if (shrink(widths, floors, fits, ColumnFit::text, room)) return;
    shrink(widths, floors, fits, ColumnFit::words, room); // may still not fit: then it wraps
}

} // namespace

ColumnFit column_fit(std::string_view heading) {
    static const std::vector<std::string_view> whole{
        "ID",   "DUE",     "NEXT_DUE", "STATE",     "STATUS",  "RECEIVED",    "DATE",
        "DAY",  "AGE",     "COUNT",    "DAYS OVER", "ON TIME", "LATE",        "MISSED",
        "RATE", "VERSION", "DEFAULT",  "BEFORE",    "AFTER",   "RESOLUTIONS", "AT"};
    static const std::vector<std::string_view> text{"SUMMARY", "TITLE",  "WHY",    "NAME",
                                                    "DETAILS", "REASON", "CHANGE", "OUTCOME"};
    std::string upper(heading);
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto in = [&](const auto& list) {
        return std::find(list.begin(), list.end(), upper) != list.end();
    };
    if (in(whole)) return ColumnFit::whole;
    return in(text) ? ColumnFit::text : ColumnFit::words;
}

Table::Table(std::vector<std::string> header) {
    for (const std::string& heading : header)
        fits_.push_back(column_fit(heading));
    rows_.push_back(std::move(header));
}

std::string Table::render() const {
    std::vector<std::size_t> widths, floors;
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], utf8::width(row[i]));
        }
    for (std::size_t i = 0; i < widths.size(); ++i)
        floors.push_back(
            std::min(widths[i], std::max(utf8::width(rows_[0][i]), shortest_cut(fits_[i]))));
    if (width_) fit_widths(widths, floors, fits_, width_);
    std::string out;
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            std::size_t width = utf8::width(row[i]);
            if (width <= widths[i]) {
                out += row[i];
            } else {
                const std::string cell = truncate_text(row[i], widths[i]);
                out += cell;
                width = utf8::width(cell);
            }
            if (i + 1 < row.size()) out.append(widths[i] - width + 2, ' ');
        }
        out += '\n';
    }
    return out;
}

bool use_colour(std::FILE* stream, bool no_colour_flag) {
    if (no_colour_flag) return false;
    if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return isatty(fileno(stream));
}

std::string paint(std::string_view text, std::string_view ansi, bool on) {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", ansi, text);
}

} // namespace complaints::cli
