// The fast path for complaint files in the form our writer writes; see written_form.hpp.
// Every function here answers "this is not the written form" (false or nothing) at the first
// byte it is not sure of, and the general reader takes over.

#include "written_form.hpp"

#include "complaints/ids.hpp"
#include "complaints/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace complaints {

namespace {

/// The rest of one line, consumed from the front as values are read.
using Rest = std::string_view;

bool take(Rest& rest, std::string_view literal) {
    if (!rest.starts_with(literal)) return false;
    rest.remove_prefix(literal.size());
    return true;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// `count` decimal digits from the front of `rest`.
std::optional<int> digits(Rest& rest, std::size_t count) {
    if (rest.size() < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!is_digit(rest[i])) return std::nullopt;
        value = value * 10 + (rest[i] - '0');
    }
    rest.remove_prefix(count);
    return value;
}

std::optional<std::uint32_t> hex_digits(Rest& rest, std::size_t count) {
    if (rest.size() < count) return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = rest[i];
        std::uint32_t digit = 0;
        if (is_digit(c))
            digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            return std::nullopt;
        value = value * 16 + digit;
    }
    rest.remove_prefix(count);
    return value;
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// A `\uXXXX` or `\UXXXXXXXX` escape after its backslash and letter: a Unicode scalar value
/// other than U+0000 (which the general reader is left to judge).
bool read_unicode_escape(Rest& rest, std::size_t length, std::string& out) {
    auto code = hex_digits(rest, length);
    if (!code || *code == 0 || *code > 0x10FFFF || (*code >= 0xD800 && *code <= 0xDFFF))
        return false;
    append_utf8(out, *code);
    return true;
}

bool read_escape(Rest& rest, std::string& out) {
    if (rest.empty()) return false;
    const char letter = rest.front();
    rest.remove_prefix(1);
    switch (letter) {
    case '"':
        out += '"';
        return true;
    case '\\':
        out += '\\';
        return true;
    case 'b':
        out += '\b';
        return true;
    case 't':
        out += '\t';
        return true;
    case 'n':
        out += '\n';
        return true;
    case 'f':
        out += '\f';
        return true;
    case 'r':
        out += '\r';
        return true;
    case 'u':
        return read_unicode_escape(rest, 4, out);
    case 'U':
        return read_unicode_escape(rest, 8, out);
    default:
        return false;
    }
}

/// Control characters TOML refuses raw in strings and comments (tab is allowed there, but the
/// writer never leaves one raw, so a raw tab goes the general way too).
bool is_control(unsigned char byte) {
    return byte < 0x20 || byte == 0x7F;
}

/// A well-formed UTF-8 character of two or more bytes at the front of `rest`, copied to `out`.
bool copy_non_ascii(Rest& rest, std::string& out) {
    auto code_point = utf8::decode(rest, 0);
    if (!code_point || code_point->length < 2) return false;
    out.append(rest.substr(0, code_point->length));
    rest.remove_prefix(code_point->length);
    return true;
}

/// A basic string on one line: `"..."` with the escapes TOML defines.
bool read_string(Rest& rest, std::string& out) {
    if (!take(rest, "\"")) return false;
    out.clear();
    while (!rest.empty()) {
        const auto byte = static_cast<unsigned char>(rest.front());
        if (byte == '"') {
            rest.remove_prefix(1);
            return true;
        }
        if (byte == '\\') {
            rest.remove_prefix(1);
            if (!read_escape(rest, out)) return false;
        } else if (byte >= 0x80) {
            if (!copy_non_ascii(rest, out)) return false;
        } else if (is_control(byte)) {
            return false;
        } else {
            // A run of plain ASCII at once: most text is.
            std::size_t run = 1;
            while (run < rest.size()) {
                const auto next = static_cast<unsigned char>(rest[run]);
                if (next == '"' || next == '\\' || next >= 0x80 || is_control(next)) break;
                ++run;
            }
            out.append(rest.substr(0, run));
            rest.remove_prefix(run);
        }
    }
    return false;
}

/// `["one", "two"]` or `[]`.
bool read_strings(Rest& rest, std::vector<std::string>& out) {
    if (!take(rest, "[")) return false;
    out.clear();
    if (take(rest, "]")) return true;
    do {
        std::string item;
        if (!read_string(rest, item)) return false;
        out.push_back(std::move(item));
    } while (take(rest, ", "));
    return take(rest, "]");
}

/// `YYYY-MM-DD`, a real day from year 1 on.
std::optional<Day> read_day(Rest& rest) {
    auto year = digits(rest, 4);
    if (!year || !take(rest, "-")) return std::nullopt;
    auto month = digits(rest, 2);
    if (!month || !take(rest, "-")) return std::nullopt;
    auto day = digits(rest, 2);
    if (!day) return std::nullopt;
    const date::year_month_day date{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                    date::day{static_cast<unsigned>(*day)}};
    if (*year < 1 || !date.ok()) return std::nullopt;
    return Day{date};
}

/// `HH:MM:SS` (no fraction, no leap second) as a duration since midnight.
std::optional<std::chrono::seconds> read_time(Rest& rest) {
    auto hour = digits(rest, 2);
    if (!hour || *hour > 23 || !take(rest, ":")) return std::nullopt;
    auto minute = digits(rest, 2);
    if (!minute || *minute > 59 || !take(rest, ":")) return std::nullopt;
    auto second = digits(rest, 2);
    if (!second || *second > 59) return std::nullopt;
    return std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
           std::chrono::seconds{*second};
}

/// `Z` or `+HH:MM` / `-HH:MM`, as minutes east of UTC.
std::optional<std::chrono::minutes> read_offset(Rest& rest) {
    if (take(rest, "Z")) return std::chrono::minutes{0};
    if (rest.empty() || (rest.front() != '+' && rest.front() != '-')) return std::nullopt;
    const int sign = rest.front() == '-' ? -1 : 1;
    rest.remove_prefix(1);
    auto hours = digits(rest, 2);
    if (!hours || *hours > 23 || !take(rest, ":")) return std::nullopt;
    auto minutes = digits(rest, 2);
    if (!minutes || *minutes > 59) return std::nullopt;
    return std::chrono::minutes{sign * (*hours * 60 + *minutes)};
}

/// `2026-03-27T10:00:00+00:00`, as the TOML reader turns it into an instant (instant_of).
std::optional<Instant> read_moment(Rest& rest) {
    auto day = read_day(rest);
    if (!day || !take(rest, "T")) return std::nullopt;
    auto time = read_time(rest);
    if (!time) return std::nullopt;
    auto offset = read_offset(rest);
    if (!offset) return std::nullopt;
    return Instant{day->time_since_epoch()} + *time - *offset;
}

/// A key made of lowercase letters and underscores, then ` = `.
std::optional<std::string_view> read_key(Rest& rest) {
    std::size_t length = 0;
    while (length < rest.size() &&
           ((rest[length] >= 'a' && rest[length] <= 'z') || rest[length] == '_'))
        ++length;
    if (length == 0) return std::nullopt;
    auto key = rest.substr(0, length);
    rest.remove_prefix(length);
    if (!take(rest, " = ")) return std::nullopt;
    return key;
}

/// Remembers which keys a table has had, so that a key written twice goes the general way.
class SeenKeys {
  public:
    explicit SeenKeys(const std::vector<std::string_view>& keys) : keys_(keys) {}
    /// False when `key` is not one of the table's keys or was seen before.
    bool first_time(std::string_view key) {
        auto found = std::find(keys_.begin(), keys_.end(), key);
        if (found == keys_.end()) return false;
        const auto bit = std::uint32_t{1} << (found - keys_.begin());
        if (seen_ & bit) return false;
        seen_ |= bit;
        return true;
    }
    bool has(std::string_view key) const {
        auto found = std::find(keys_.begin(), keys_.end(), key);
        return found != keys_.end() && (seen_ & (std::uint32_t{1} << (found - keys_.begin())));
    }

  private:
    const std::vector<std::string_view>& keys_;
    std::uint32_t seen_ = 0;
};

const std::vector<std::string_view>& intake_keys() {
    static const std::vector<std::string_view> keys{
        "id",          "policy",         "policy_version", "received", "channel",
        "name",        "contact",        "summary",        "details",  "occurred",
        "occurred_on", "occurred_until", "known_on",       "people",   "evidence",
        "severity",    "category",       "handler",        "events"};
    return keys;
}

const std::vector<std::string_view>& event_keys() {
    static const std::vector<std::string_view> keys{
        "at",        "type",     "by",        "stage",  "from",        "requested",
        "milestone", "until",    "extend_by", "reason", "good_reason", "outcome",
        "finding",   "remedies", "handler",   "body",   "text"};
    return keys;
}

bool read_event_type(Rest& rest, std::string& out) {
    if (!read_string(rest, out)) return false;
    const auto& types = all_event_types();
    return std::find(types.begin(), types.end(), out) != types.end();
}

bool read_extend_by(Rest& rest, std::optional<Period>& out) {
    std::string text;
    if (!read_string(rest, text)) return false;
    auto period = parse_period(text);
    if (!period) return false;
    out = *period;
    return true;
}

bool read_event_value(Rest& rest, std::string_view key, Event& event) {
    if (key == "at") {
        auto at = read_moment(rest);
        if (at) event.at = *at;
        return at.has_value();
    }
    if (key == "requested") return (event.requested = read_moment(rest)).has_value();
    if (key == "until") return (event.until = read_day(rest)).has_value();
    if (key == "type") return read_event_type(rest, event.type);
    if (key == "extend_by") return read_extend_by(rest, event.extend_by);
    if (key == "remedies") return read_strings(rest, event.remedies);
    std::string* text = event_text(event, key);
    return text != nullptr && read_string(rest, *text);
}

/// `  { at = ..., type = "note", ... },` at `line`.
std::optional<Event> read_event_line(Rest rest, int line) {
    if (!take(rest, "  { ")) return std::nullopt;
    Event event;
    event.line = line;
    event.column = 3;
    SeenKeys seen(event_keys());
    do {
        auto key = read_key(rest);
        if (!key || !seen.first_time(*key) || !read_event_value(rest, *key, event))
            return std::nullopt;
    } while (take(rest, ", "));
    if (!take(rest, " },") || !rest.empty() || !seen.has("at") || !seen.has("type"))
        return std::nullopt;
    return event;
}

/// A comment line: `#` and text without control characters, in well-formed UTF-8.
bool is_comment(std::string_view line) {
    if (!line.starts_with('#')) return false;
    for (std::size_t i = 1; i < line.size();) {
        const auto byte = static_cast<unsigned char>(line[i]);
        if (byte < 0x80) {
            if (is_control(byte)) return false;
            ++i;
            continue;
        }
        auto code_point = utf8::decode(line, i);
        if (!code_point) return false;
        i += code_point->length;
    }
    return true;
}

/// Where a value starts on a `key = value` line (1-based column; keys are ASCII).
int value_column(std::string_view key) {
    return static_cast<int>(key.size() + 4);
}

void note_position(Complaint& complaint, std::string_view key, int line) {
    const int column = value_column(key);
    if (key == "policy") complaint.policy_line = line, complaint.policy_column = column;
    if (key == "policy_version") complaint.version_line = line, complaint.version_column = column;
    if (key == "severity") complaint.severity_line = line, complaint.severity_column = column;
    if (key == "channel") complaint.channel_line = line, complaint.channel_column = column;
}

bool read_id(Rest& rest, std::string& out) {
    return read_string(rest, out) && out.size() == 8 && is_id_fragment(out);
}

bool read_optional_day(Rest& rest, std::optional<Day>& out) {
    return (out = read_day(rest)).has_value();
}

bool read_intake_value(Rest& rest, std::string_view key, Complaint& complaint) {
    if (key == "id") return read_id(rest, complaint.id);
    if (key == "received") {
        auto received = read_moment(rest);
        if (received) complaint.received = *received;
        return received.has_value();
    }
    if (key == "occurred_on") return read_optional_day(rest, complaint.occurred_on);
    if (key == "occurred_until") return read_optional_day(rest, complaint.occurred_until);
    if (key == "known_on") return read_optional_day(rest, complaint.known_on);
    if (key == "people") return read_strings(rest, complaint.people);
    if (key == "evidence") return read_strings(rest, complaint.evidence);
    std::string* text = intake_text(complaint, key);
    return text != nullptr && read_string(rest, *text);
}

/// The file, one line at a time.
class WrittenFormReader {
  public:
    explicit WrittenFormReader(std::string_view text) : text_(text) {}

    bool read(Complaint& complaint) {
        SeenKeys seen(intake_keys());
        while (next_line()) {
            if (line_.empty() || is_comment(line_)) continue;
            Rest rest = line_;
            auto key = read_key(rest);
            if (!key || !seen.first_time(*key)) return false;
            if (*key == "events") {
                if (rest != "[" || !read_events(complaint.events)) return false;
                continue;
            }
            note_position(complaint, *key, number_);
            if (!read_intake_value(rest, *key, complaint) || !rest.empty()) return false;
        }
        if (carriage_return_) return false;
        for (std::string_view required : {"id", "policy", "policy_version", "received"})
            if (!seen.has(required)) return false;
        return true;
    }

  private:
    std::string_view text_;
    std::size_t next_ = 0;
    std::string_view line_;
    int number_ = 0;
    bool carriage_return_ = false;

    /// The next line without its line end; false at the end of the text, and at a carriage
    /// return anywhere (a file saved on Windows), which goes the general way.
    bool next_line() {
        if (next_ >= text_.size()) return false;
        const auto end = std::min(text_.find('\n', next_), text_.size());
        line_ = text_.substr(next_, end - next_);
        next_ = end + 1;
        ++number_;
        carriage_return_ = line_.find('\r') != std::string_view::npos;
        return !carriage_return_;
    }

    /// Event lines up to the line that is just `]`.
    bool read_events(std::vector<Event>& events) {
        while (next_line()) {
            if (line_ == "]") {
                std::stable_sort(events.begin(), events.end(),
                                 [](const Event& a, const Event& b) { return a.at < b.at; });
                return true;
            }
            auto event = read_event_line(line_, number_);
            if (!event) return false;
            events.push_back(std::move(*event));
        }
        return false;
    }
};

} // namespace

std::optional<Complaint> read_written_form(std::string_view text, std::string_view path) {
    // A byte-order mark goes the general way, which skips it.
    if (text.starts_with("\xEF\xBB\xBF")) return std::nullopt;
    Complaint complaint;
    if (!WrittenFormReader(text).read(complaint)) return std::nullopt;
    complaint.path = std::string(path);
    return complaint;
}

} // namespace complaints
