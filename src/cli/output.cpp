#include "cli/output.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

/// Decodes one UTF-8 code point at `i`; returns its length, or 0 when the bytes are invalid.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return 0;
    out = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        out = (out << 6) | (byte(i + k) & 0x3F);
    }
    const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (out < minimum[length] || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return length;
}

bool is_hidden(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
           c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

std::string terminal_safe(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        if (length == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (c == U'\n' && keep_newlines)
            out += '\n';
        else if (is_hidden(c))
            out += c < 0x100 ? fmt::format("\\x{:02x}", static_cast<unsigned>(c))
                             : fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const auto c = static_cast<unsigned char>(ch);
        char32_t point = 0;
        const std::size_t length = c >= 0x80 ? decode_utf8(text, i, point) : 0;
        if (length > 1 && (is_hidden(point) || point == 0x2028 || point == 0x2029)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(point)); // bidi, separators
            i += length - 1;
            continue;
        }
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += fmt::format("\\u{:04x}", c);
            else
                out += ch;
        }
    }
    return out + "\"";
}

std::string csv_text(std::string_view text) {
    std::string cell(text);
    if (!cell.empty() && std::string_view("=+-@\t\r\n").find(cell[0]) != std::string_view::npos)
        cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i)
        line += (i ? "," : "") + cells[i];
    return line + "\r\n";
}

std::string truncate_text(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return "";
    std::size_t kept = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (kept == width - 1) break;
        ++kept;
    }
    return std::string(text.substr(0, i)) + "\u2026";
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

/// Shrinks the widest column, one character at a time, until the columns and the two spaces
/// between each fit in `room`, or every column is down to its floor.
void fit_widths(std::vector<std::size_t>& widths, const std::vector<std::size_t>& floors,
                std::size_t room) {
    auto total = [&] {
        std::size_t sum = 0;
        for (std::size_t w : widths)
            sum += w;
        return sum + 2 * (widths.empty() ? 0 : widths.size() - 1);
    };
    while (total() > room) {
        std::size_t widest = widths.size();
        for (std::size_t i = 0; i < widths.size(); ++i)
            if (widths[i] > floors[i] && (widest == widths.size() || widths[i] > widths[widest]))
                widest = i;
        if (widest == widths.size()) return;
        --widths[widest];
    }
}

} // namespace

std::string Table::render() const {
    std::vector<std::size_t> widths, floors;
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    for (std::size_t i = 0; i < widths.size(); ++i)
        floors.push_back(
            std::min(widths[i], std::max<std::size_t>(display_width(rows_[0][i]), 12)));
    if (width_) fit_widths(widths, floors, width_);
    std::string out;
    for (const auto& row : rows_) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string cell = truncate_text(row[i], widths[i]);
            line += cell;
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(cell) + 2, ' ');
        }
        out += line + "\n";
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
