#include "cli/escape.hpp"

#include "complaints/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

/// Characters that change a terminal or reorder what is read: C0 and C1 controls, DEL, and
/// the bidi marks, embeddings, overrides and isolates.
bool is_hidden(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
           c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_line_separator(char32_t c) {
    return c == 0x2028 || c == 0x2029;
}

std::string byte_escape(unsigned char byte) {
    return fmt::format("\\x{:02x}", byte);
}

/// `\x1b` for a code point below 256, `\u202e` above.
std::string visible_escape(char32_t c) {
    return c < 0x100 ? byte_escape(static_cast<unsigned char>(c))
                     : fmt::format("\\u{:04x}", static_cast<unsigned>(c));
}

/// One ASCII character inside a JSON string.
std::string json_ascii(char c) {
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return fmt::format("\\u{:04x}", byte);
        return std::string(1, c);
    }
    }
}

/// One character inside HTML text or an attribute value.
std::string html_char(char c) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return std::string(1, c);
    }
}

} // namespace

std::string terminal_safe(std::string_view text, bool keep_newlines) {
    if (std::all_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
        }))
        return std::string(text); // printable ASCII, as most text is: nothing to escape
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto point = utf8::decode(text, i);
        if (!point) {
            out += byte_escape(static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (point->value == U'\n' && keep_newlines)
            out += '\n';
        else if (is_hidden(point->value))
            out += visible_escape(point->value);
        else
            out.append(text.substr(i, point->length));
        i += point->length;
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto point = utf8::decode(text, i);
        if (!point) { // not UTF-8: copied as it is (files are checked to be UTF-8 when read)
            out += text[i++];
            continue;
        }
        if (point->length == 1)
            out += json_ascii(text[i]);
        else if (is_hidden(point->value) || is_line_separator(point->value))
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(point->value));
        else
            out.append(text.substr(i, point->length));
        i += point->length;
    }
    return out + "\"";
}

std::string csv_text(std::string_view text, bool guard) {
    std::string cell(text);
    if (guard && !cell.empty() &&
        std::string_view("=+-@\t\r\n").find(cell[0]) != std::string_view::npos)
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

std::string html_text(std::string_view text) {
    std::string out;
    for (char c : terminal_safe(text))
        out += html_char(c);
    return out;
}

std::string ics_text(std::string_view text) {
    std::string out;
    for (char c : terminal_safe(text, true)) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string ics_line(std::string_view line) {
    constexpr std::size_t max_octets = 75; // RFC 5545 3.1, CRLF not counted
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t length = utf8::length_at(line, i);
        if (used + length > max_octets) {
            out += "\r\n "; // the space that starts a continuation line is one of its octets
            used = 1;
        }
        out.append(line.substr(i, length));
        used += length;
        i += length;
    }
    return out + "\r\n";
}

} // namespace complaints::cli
