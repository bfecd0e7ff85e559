// Reading TOML that people write: refuse what toml++ 3.3.0 cannot parse safely, then parse.

#include "toml_input.hpp"

#include "complaints/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <string>

namespace complaints {

namespace {

Error located(std::string_view path, const toml::parse_error& error, std::string message) {
    return data_error(std::string(path), static_cast<int>(error.source().begin.line),
                      static_cast<int>(error.source().begin.column), std::move(message));
}

/// Where a backslash in a multi-line basic string at `text[pos]` leads toml++ 3.3.0 to test
/// a non-ASCII character for being whitespace (undefined behaviour): right after the
/// backslash, or as the first character after a line-ending backslash. npos when it does not.
std::size_t unsafe_escape(std::string_view text, std::size_t pos) {
    auto is_space = [&](std::size_t k) {
        return k < text.size() &&
               (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n');
    };
    std::size_t next = pos + 1;
    if (next < text.size() && static_cast<unsigned char>(text[next]) >= 0x80) return next;
    if (!is_space(next)) return std::string_view::npos;
    while (is_space(next))
        ++next;
    if (next < text.size() && static_cast<unsigned char>(text[next]) >= 0x80) return next;
    return std::string_view::npos;
}

/// A TOML string literal that starts at `text[i]`: where it ends (index after it), and where
/// it holds an escape toml++ cannot read safely (npos when none).
struct StringExtent {
    std::size_t end;
    std::size_t unsafe = std::string_view::npos;
};

StringExtent skip_string(std::string_view text, std::size_t i) {
    char quote = text[i];
    bool multi = text.substr(i, 3) == std::string(3, quote);
    std::size_t pos = i + (multi ? 3 : 1);
    while (pos < text.size()) {
        if (quote == '"' && text[pos] == '\\') {
            if (multi && unsafe_escape(text, pos) != std::string_view::npos)
                return {text.size(), unsafe_escape(text, pos)};
            pos += 2;
            continue;
        }
        if (!multi && text[pos] == '\n') return {pos};
        if (multi ? text.substr(pos, 3) == std::string(3, quote) : text[pos] == quote)
            return {pos + (multi ? 3 : 1)};
        ++pos;
    }
    return {text.size()}; // unterminated (or an escape at the very end)
}

/// Whether a quote after `before` (the last character that is not a space or tab on the line,
/// 0 at the start of a line) opens a string: only where a key or a value may start.
bool opens_string(char before) {
    return before == 0 || before == '=' || before == '[' || before == '{' || before == ',' ||
           before == '.';
}

/// True when the ten characters before `i` are a date, `YYYY-MM-DD`.
bool follows_date(std::string_view text, std::size_t i) {
    if (i < 10) return false;
    auto digit = [&](std::size_t k) { return text[k] >= '0' && text[k] <= '9'; };
    for (std::size_t k = i - 10; k < i; ++k)
        if (k == i - 6 || k == i - 3 ? text[k] != '-' : !digit(k)) return false;
    return true;
}

/// toml++ 3.3 asserts (undefined behaviour without assertions) on a date value followed by `T`
/// and no time, e.g. `2026-01-02T=10:00`: such text is refused before it reaches the parser.
/// (A date followed by a space and no time is safe: toml++ then reads the date alone.)
bool is_broken_date_time(std::string_view text, std::size_t i) {
    const char c = text[i];
    if ((c != 'T' && c != 't') || !follows_date(text, i)) return false;
    const char next = i + 1 < text.size() ? text[i + 1] : '\n';
    return next < '0' || next > '9';
}

/// 3 when `text` starts with a UTF-8 byte-order mark, else 0.
std::size_t byte_order_mark_length(std::string_view text) {
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

/// Whether toml++ ends a value at `c`: whitespace, a line break, `]`, `}`, `,` or `#`.
bool ends_value(char c) {
    return c == ' ' || c == '\t' || (c >= '\n' && c <= '\r') || c == ']' || c == '}' || c == ',' ||
           c == '#';
}

/// toml++ 3.3.0 asserts on a date-like value, a space and a lone digit (`2026-01-04 3,`): it
/// takes the space for the one between a date and a time and then finds no time. Its test for
/// "date-like" is loose: ten characters (underscores aside) starting with a digit, with `-` as
/// the fifth and eighth. True when the space at `text[i]` starts such a case.
bool is_date_then_lone_digit(std::string_view text, std::size_t i) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text[i] != ' ' || i + 2 >= text.size() || !is_digit(text[i + 1]) ||
        !ends_value(text[i + 2]))
        return false;
    auto date_like = [&](const std::string& value) {
        return value.size() == 10 && is_digit(value[0]) && value[4] == '-' && value[7] == '-';
    };
    // Where the value starts is not known here (`=` may be inside it): try each start.
    std::string value;
    for (std::size_t k = i; k > 0 && !ends_value(text[k - 1]) && value.size() <= 10; --k) {
        if (text[k - 1] != '_') value.insert(value.begin(), text[k - 1]);
        const char start = k >= 2 ? text[k - 2] : ' ';
        if ((ends_value(start) || start == '=' || start == '[' || start == '{') && date_like(value))
            return true;
    }
    return false;
}

/// toml++ 3.3.0 asserts (undefined behaviour where assertions are compiled out with clang) when
/// a table heading's `[` or `[[` is followed by anything but a key or `]`: `[`, `[{`, a
/// backtick. True when the heading at `text[i]` (a `[` that starts a line) is such a one. Inside
/// a multi-line array (`depth` > 0) a `[` starting a line opens an inner array instead, where
/// `[`, `{`, signs, dots, comments and line breaks may follow.
bool is_broken_heading(std::string_view text, std::size_t i, std::size_t depth) {
    std::size_t k = i + 1;
    if (k < text.size() && text[k] == '[') ++k;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t'))
        ++k;
    if (k == text.size()) return false; // toml++ reports the end of the file itself
    const char next = text[k];
    auto key_start = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '"' ||
               c == '\'' || c == ']';
    };
    if (key_start(next)) return false;
    return depth == 0 || std::string_view("[{+.#\r\n").find(next) == std::string_view::npos;
}

/// One pass over the text, tracking lines, strings, comments and nesting.
class PreParseScan {
  public:
    PreParseScan(std::string_view text, std::string_view path) : text_(text), path_(path) {}

    Status run() {
        // A byte-order mark (some Windows editors write one) is skipped, as toml++ skips it.
        line_start_ = byte_order_mark_length(text_);
        for (i_ = line_start_; i_ < text_.size(); ++i_) {
            if (auto status = step(); !status) return status;
        }
        return done();
    }

  private:
    std::string_view text_;
    std::string_view path_;
    std::size_t i_ = 0;
    /// The brackets open here, innermost last: '[' a list, '{' an inline table, 'h' a table
    /// heading's bracket.
    std::string open_;
    int depth_ = 0, dots_ = 0, line_ = 1;
    std::size_t line_start_ = 0;
    char before_ = 0; ///< the last character on this line that is not a space or tab
    /// Inside a bare value (a number, date, boolean or a bad token): toml++ reads on to the
    /// next space, `,`, `]`, `}` or `#`, and quotes or brackets there open nothing.
    bool bare_ = false;

    Error fail(std::size_t at, std::string message) const {
        // Columns count characters, as toml++ counts them, not bytes.
        int column = 1;
        for (std::size_t k = line_start_; k < at; ++k)
            if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) ++column;
        return data_error(std::string(path_), line_, column, std::move(message));
    }

    /// Where toml++ expects a value: after `=`, or in a list after `[`, `,` or a line break.
    bool at_value_start() const {
        if (before_ == '=') return true;
        const bool in_list = !open_.empty() && open_.back() == '[';
        return in_list && (before_ == '[' || before_ == ',' || before_ == 0);
    }

    Status step() {
        const char c = text_[i_];
        if (!bare_ && (c == '"' || c == '\'') && opens_string(before_)) return skip_string_at(c);
        // Outside strings toml++ reads `#` as a comment or stops with an error right there, so
        // the rest of the line is never parsed as anything else.
        if (c == '#') {
            bare_ = false;
            while (i_ + 1 < text_.size() && text_[i_ + 1] != '\n')
                ++i_;
            return done();
        }
        if (c == '\n') {
            ++line_, dots_ = 0, line_start_ = i_ + 1, before_ = 0, bare_ = false;
            return done();
        }
        if (bare_ && ends_value(c)) bare_ = false;
        if (!bare_ && at_value_start() && !ends_value(c) &&
            std::string_view("[{\"'").find(c) == std::string_view::npos)
            bare_ = true;
        if (auto status = check_character(c); !status) return status;
        if (!bare_) track_brackets(c);
        // The nesting limit counts every bracket and dot, in bare values too: a scan that
        // misjudged a value must not let deep nesting through.
        if (c == '[' || c == '{') ++depth_;
        if ((c == ']' || c == '}') && depth_ > 0) --depth_;
        if (c == '.') ++dots_;
        if (depth_ + dots_ > max_toml_nesting)
            return fail(i_, "keys or brackets nested too deeply");
        if (c != ' ' && c != '\t') before_ = c;
        return done();
    }

    void track_brackets(char c) {
        const bool heading =
            c == '[' && ((before_ == 0 && open_.empty()) || (before_ == '[' && open_ == "h"));
        if (c == '[' || c == '{') open_ += heading ? 'h' : c;
        if ((c == ']' || c == '}') && !open_.empty()) open_.pop_back();
    }

    Status check_character(char c) const {
        if (static_cast<unsigned char>(c) >= 0x80)
            return fail(i_, "text must be in double quotes, like name = \"Émile\"");
        if ((bare_ && is_broken_date_time(text_, i_)) || is_date_then_lone_digit(text_, i_))
            return fail(i_, "a date and time are written like 2026-03-27T10:00:00+00:00");
        if (c == '[' && before_ == 0 && is_broken_heading(text_, i_, open_.size()))
            return fail(i_, "a table heading is a name in brackets, like [calendar] or [[stage]]");
        if (c == '}' && !open_.empty() && open_.back() == '[')
            return fail(i_, "'}' where a list needs a value or ']'");
        return done();
    }

    Status skip_string_at(char quote) {
        auto [end, unsafe] = skip_string(text_, i_);
        for (std::size_t k = i_; k < std::min(end, unsafe); ++k)
            if (text_[k] == '\n') ++line_, line_start_ = k + 1;
        if (unsafe != std::string_view::npos)
            return fail(unsafe, "a backslash in a \"\"\"string\"\"\" must be followed by an "
                                "escape like \\n or by the end of the line and plain text");
        i_ = end - 1, before_ = quote;
        return done();
    }
};

/// toml++'s message, plus what to do about the two mistakes people make most.
std::string with_hint(std::string_view description) {
    std::string message(description);
    if (message.find("cannot redefine") != std::string::npos)
        message += " (a key may appear only once; a git merge can keep both sides' versions of "
                   "a line: keep the right one)";
    else if (message.find("could not determine value type") != std::string::npos)
        message += " (text must be in double quotes)";
    return message;
}

/// Non-ASCII text is safe for toml++ 3.3.0 only inside strings and comments, where its parser
/// never asks whether a character is whitespace (backslashes aside, see unsafe_escape). Proof
/// that it is only there: the text with every non-ASCII byte replaced by '~' (valid inside
/// strings and comments, invalid everywhere else) parses.
/// `text` with each non-ASCII character (after a byte-order mark of `kept` bytes) replaced by
/// one '~', so that toml++'s lines and columns, which count characters, stay the same.
std::string masked_non_ascii(std::string_view text, std::size_t kept) {
    std::string out(text.substr(0, kept));
    for (std::size_t i = kept; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            out += text[i++];
            continue;
        }
        out += '~';
        i += utf8::length_at(text, i); // an invalid byte is masked on its own
    }
    return out;
}

Status check_non_ascii_placement(std::string_view text, std::string_view path) {
    auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
    const auto bom = static_cast<std::ptrdiff_t>(byte_order_mark_length(text));
    if (std::all_of(text.begin() + bom, text.end(), is_ascii)) return done();
    const std::string masked = masked_non_ascii(text, static_cast<std::size_t>(bom));
    try {
        (void)toml::parse(masked, path);
        return done();
    } catch (const toml::parse_error& error) {
        // The same problem as in the text itself, with '~' where the non-ASCII text was.
        std::string message(error.description());
        if (message.find('~') != std::string::npos)
            message += " (text other than plain ASCII must be inside double quotes)";
        return located(path, error, with_hint(message));
    }
}

} // namespace

Status check_toml_before_parsing(std::string_view text, std::string_view path) {
    if (auto status = PreParseScan(text, path).run(); !status) return status;
    return check_non_ascii_placement(text, path);
}

Result<toml::table> parse_toml_file(std::string_view text, std::string_view path) {
    if (auto status = check_toml_before_parsing(text, path); !status) return status.error();
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        return located(path, error, with_hint(error.description()));
    }
}

} // namespace complaints
