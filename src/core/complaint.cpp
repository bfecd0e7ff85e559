// Reading complaint files: TOML in, a checked Complaint out, every problem at path:line:col.

#include "complaints/complaint.hpp"
#include "complaints/ids.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace complaints {

const std::vector<std::string>& all_event_types() {
    static const std::vector<std::string> types{
        std::string(event_type::acknowledged), std::string(event_type::note),
        std::string(event_type::assigned),     std::string(event_type::escalated),
        std::string(event_type::extended),     std::string(event_type::paused),
        std::string(event_type::resumed),      std::string(event_type::resolved),
        std::string(event_type::reopened),     std::string(event_type::closed),
        std::string(event_type::withdrawn),    std::string(event_type::referred),
        std::string(event_type::meeting),      std::string(event_type::update),
    };
    return types;
}

namespace {

const std::vector<std::string_view> intake_keys{
    "id",       "policy",   "policy_version", "received", "channel", "name",
    "contact",  "summary",  "details",        "occurred", "people",  "evidence",
    "severity", "category", "handler",        "events"};

const std::vector<std::string_view> event_keys{
    "at",        "type",   "by",      "stage",    "requested", "milestone", "until",
    "extend_by", "reason", "outcome", "remedies", "handler",   "body",      "text"};

const std::vector<std::string_view> required_keys{"id", "policy", "policy_version", "received"};

constexpr int max_nesting = 64; ///< deeper dotted keys or brackets are refused before parsing

/// Reads one file: carries the path so every error can be located.
struct Reader {
    std::string_view path;

    Error at(const toml::source_region& where, std::string message) const {
        return data_error(std::string(path), static_cast<int>(where.begin.line),
                          static_cast<int>(where.begin.column), std::move(message));
    }
    Error at(const toml::node& node, std::string message) const {
        return at(node.source(), std::move(message));
    }
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known) {
    std::string message = fmt::format("unknown key '{}'", key);
    std::string_view best;
    std::size_t best_distance = 3;
    for (auto candidate : known) {
        std::size_t distance = edit_distance(key, candidate);
        if (distance < best_distance) best = candidate, best_distance = distance;
    }
    if (!best.empty()) message += fmt::format("; did you mean '{}'?", best);
    return message;
}

/// Keys of a table in the order they appear in the file.
std::vector<std::pair<const toml::key*, const toml::node*>>
keys_in_file_order(const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> keys;
    for (auto&& [key, node] : table)
        keys.emplace_back(&key, &node);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        auto pa = a.first->source().begin;
        auto pb = b.first->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    return keys;
}

Status check_known_keys(const Reader& reader, const toml::table& table,
                        const std::vector<std::string_view>& known) {
    for (auto [key, node] : keys_in_file_order(table)) {
        if (std::find(known.begin(), known.end(), key->str()) == known.end())
            return reader.at(key->source(), unknown_key_message(key->str(), known));
    }
    return done();
}

Status read_string(const Reader& reader, const toml::node& node, std::string_view key,
                   std::string& out) {
    const auto* value = node.as_string();
    if (!value) return reader.at(node, fmt::format("'{}' must be a string in double quotes", key));
    out = value->get();
    return done();
}

Status read_strings(const Reader& reader, const toml::node& node, std::string_view key,
                    std::vector<std::string>& out) {
    const auto* array = node.as_array();
    auto message = fmt::format("'{}' must be a list of strings, like [\"one\", \"two\"]", key);
    if (!array) return reader.at(node, message);
    for (const auto& element : *array) {
        const auto* value = element.as_string();
        if (!value) return reader.at(element, message);
        out.push_back(value->get());
    }
    return done();
}

Instant to_instant(const toml::date_time& moment) {
    const auto& d = moment.date;
    const auto& t = moment.time;
    auto day = date::sys_days{date::year{d.year} / date::month{d.month} / date::day{d.day}};
    return day + std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} +
           std::chrono::seconds{t.second} - std::chrono::minutes{moment.offset->minutes};
}

Status read_instant(const Reader& reader, const toml::node& node, std::string_view key,
                    Instant& out) {
    const auto* value = node.as_date_time();
    if (!value || !value->get().offset)
        return reader.at(node, fmt::format("'{}' must be a date-time with offset, like "
                                           "2026-03-27T10:00:00+00:00",
                                           key));
    out = to_instant(value->get());
    return done();
}

Status read_day(const Reader& reader, const toml::node& node, std::string_view key,
                std::optional<Day>& out) {
    const auto* value = node.as_date();
    if (!value)
        return reader.at(node,
                         fmt::format("'{}' must be a date without quotes, like 2026-05-01", key));
    const auto& d = value->get();
    out = Day{date::year{d.year} / date::month{d.month} / date::day{d.day}};
    return done();
}

Status read_period(const Reader& reader, const toml::node& node, std::string_view key,
                   std::optional<Period>& out) {
    std::string text;
    if (auto status = read_string(reader, node, key, text); !status) return status;
    auto period = parse_period(text);
    if (!period) return reader.at(node, fmt::format("'{}': {}", key, period.error().message));
    out = *period;
    return done();
}

Status read_event_type(const Reader& reader, const toml::node& node, std::string& out) {
    if (auto status = read_string(reader, node, "type", out); !status) return status;
    const auto& types = all_event_types();
    if (std::find(types.begin(), types.end(), out) != types.end()) return done();
    return reader.at(node, fmt::format("unknown event type '{}' (valid types: {})", out,
                                       fmt::join(types, ", ")));
}

Status read_event_key(const Reader& reader, std::string_view key, const toml::node& node,
                      Event& event) {
    if (key == "at") return read_instant(reader, node, key, event.at);
    if (key == "type") return read_event_type(reader, node, event.type);
    if (key == "requested") {
        event.requested.emplace();
        return read_instant(reader, node, key, *event.requested);
    }
    if (key == "until") return read_day(reader, node, key, event.until);
    if (key == "extend_by") return read_period(reader, node, key, event.extend_by);
    if (key == "remedies") return read_strings(reader, node, key, event.remedies);
    std::string* field = key == "by"          ? &event.by
                         : key == "stage"     ? &event.stage
                         : key == "milestone" ? &event.milestone
                         : key == "reason"    ? &event.reason
                         : key == "outcome"   ? &event.outcome
                         : key == "handler"   ? &event.handler
                         : key == "body"      ? &event.body
                                              : &event.text;
    return read_string(reader, node, key, *field);
}

Result<Event> read_event(const Reader& reader, const toml::node& node) {
    const auto* table = node.as_table();
    if (!table)
        return reader.at(node, "each event must be a table, like { at = 2026-03-27T11:00:00+00:00, "
                               "type = \"note\", by = \"sarah\", text = \"...\" }");
    if (auto status = check_known_keys(reader, *table, event_keys); !status) return status.error();
    Event event;
    for (auto [key, value] : keys_in_file_order(*table))
        if (auto status = read_event_key(reader, key->str(), *value, event); !status)
            return status.error();
    for (std::string_view required : {"at", "type"})
        if (!table->contains(required))
            return reader.at(node, fmt::format("event has no '{}'", required));
    event.line = static_cast<int>(node.source().begin.line);
    event.column = static_cast<int>(node.source().begin.column);
    return event;
}

Status read_events(const Reader& reader, const toml::node& node, std::vector<Event>& out) {
    const auto* array = node.as_array();
    if (!array) return reader.at(node, "'events' must be a list of events: events = [ ... ]");
    for (const auto& element : *array) {
        auto event = read_event(reader, element);
        if (!event) return event.error();
        out.push_back(std::move(*event));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return done();
}

Status read_id(const Reader& reader, const toml::node& node, std::string& out) {
    if (auto status = read_string(reader, node, "id", out); !status) return status;
    if (out.size() == 8 && is_id_fragment(out)) return done();
    return reader.at(node, fmt::format("'{}' is not a complaint ID (eight characters from "
                                       "0-9 and a-z without i, l, o, u)",
                                       out));
}

Status read_intake_key(const Reader& reader, std::string_view key, const toml::node& node,
                       Complaint& complaint) {
    if (key == "id") return read_id(reader, node, complaint.id);
    if (key == "received") return read_instant(reader, node, key, complaint.received);
    if (key == "people") return read_strings(reader, node, key, complaint.people);
    if (key == "evidence") return read_strings(reader, node, key, complaint.evidence);
    if (key == "events") return read_events(reader, node, complaint.events);
    std::string* field = key == "policy"           ? &complaint.policy
                         : key == "policy_version" ? &complaint.policy_version
                         : key == "channel"        ? &complaint.channel
                         : key == "name"           ? &complaint.name
                         : key == "contact"        ? &complaint.contact
                         : key == "summary"        ? &complaint.summary
                         : key == "details"        ? &complaint.details
                         : key == "occurred"       ? &complaint.occurred
                         : key == "severity"       ? &complaint.severity
                         : key == "category"       ? &complaint.category
                                                   : &complaint.handler;
    return read_string(reader, node, key, *field);
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

/// Whether `#` after `previous` (the byte just before it) starts a comment: after a space or a
/// finished value only, as toml++ reads it; elsewhere it is part of a (bad) token.
bool opens_comment(char previous, bool after_string) {
    return after_string || previous == 0 || previous == ' ' || previous == '\t' ||
           previous == '\n' || previous == '\r' || previous == ']' || previous == '}';
}

/// toml++ 3.3.0 overflows its stack on absurdly deep nesting and reaches undefined behaviour
/// on non-ASCII text outside strings (`name = Émile`); refuse both before parsing. Where this
/// scan is unsure whether a quote opens a string, it takes what follows as bare text.
/// True when the ten characters before `i` are a date, `YYYY-MM-DD`.
bool follows_date(std::string_view text, std::size_t i) {
    if (i < 10) return false;
    auto digit = [&](std::size_t k) { return text[k] >= '0' && text[k] <= '9'; };
    for (std::size_t k = i - 10; k < i; ++k)
        if (k == i - 6 || k == i - 3 ? text[k] != '-' : !digit(k)) return false;
    return true;
}

/// toml++ 3.3 asserts (undefined behaviour without assertions) on a date followed by `T` and
/// no time, e.g. `2026-01-02T=10:00`: such text is refused before it reaches the parser.
bool is_broken_date_time(std::string_view text, std::size_t i) {
    const char c = text[i];
    if ((c != 'T' && c != 't' && c != ' ') || !follows_date(text, i)) return false;
    const char next = i + 1 < text.size() ? text[i + 1] : '\n';
    if (next >= '0' && next <= '9') return false;
    return c != ' ' || std::string_view(" \t#\r\n,]}").find(next) == std::string_view::npos;
}

Status check_before_parsing(const Reader& reader, std::string_view text) {
    int depth = 0, dots = 0, line = 1;
    std::size_t line_start = 0;
    char before = 0;
    bool after_string = false;
    auto fail = [&](std::size_t i, std::string message) {
        return data_error(std::string(reader.path), line, static_cast<int>(i - line_start + 1),
                          std::move(message));
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        char previous = i ? text[i - 1] : 0;
        if ((c == '"' || c == '\'') && opens_string(before)) {
            auto [end, unsafe] = skip_string(text, i);
            for (std::size_t k = i; k < std::min(end, unsafe); ++k)
                if (text[k] == '\n') ++line, line_start = k + 1;
            if (unsafe != std::string_view::npos)
                return fail(unsafe, "a backslash in a \"\"\"string\"\"\" must be followed by an "
                                    "escape like \\n or by the end of the line and plain text");
            i = end - 1, before = c, after_string = true;
            continue;
        }
        if (c == '#' && opens_comment(previous, after_string)) {
            while (i + 1 < text.size() && text[i + 1] != '\n')
                ++i;
            continue;
        }
        after_string = false;
        if (c == '\n') {
            ++line, dots = 0, line_start = i + 1, before = 0;
            continue;
        }
        if (c == '[' || c == '{') ++depth;
        if (c == ']' || c == '}') depth = std::max(depth - 1, 0);
        if (c == '.') ++dots;
        if (static_cast<unsigned char>(c) >= 0x80)
            return fail(i, "text must be in double quotes, like name = \"Émile\"");
        if (depth + dots > max_nesting) return fail(i, "keys or brackets nested too deeply");
        if (is_broken_date_time(text, i))
            return fail(i, "a date and time are written like 2026-03-27T10:00:00+00:00");
        if (c != ' ' && c != '\t') before = c;
    }
    return done();
}

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
Status check_non_ascii_placement(const Reader& reader, std::string_view text) {
    auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
    if (std::all_of(text.begin(), text.end(), is_ascii)) return done();
    std::string masked(text);
    std::replace_if(
        masked.begin(), masked.end(), [&](char c) { return !is_ascii(c); }, '~');
    try {
        (void)toml::parse(masked, reader.path);
        return done();
    } catch (const toml::parse_error& error) {
        // The same problem as in the text itself, with '~' where the non-ASCII text was.
        std::string message(error.description());
        if (message.find('~') != std::string::npos)
            message += " (text other than plain ASCII must be inside double quotes)";
        return reader.at(error.source(), with_hint(message));
    }
}

Result<toml::table> parse_toml(const Reader& reader, std::string_view text) {
    if (auto status = check_before_parsing(reader, text); !status) return status.error();
    if (auto status = check_non_ascii_placement(reader, text); !status) return status.error();
    try {
        return toml::parse(text, reader.path);
    } catch (const toml::parse_error& error) {
        return reader.at(error.source(), with_hint(error.description()));
    }
}

} // namespace

Status check_toml_before_parsing(std::string_view text, std::string_view path) {
    if (auto status = check_before_parsing(Reader{path}, text); !status) return status;
    return check_non_ascii_placement(Reader{path}, text);
}

Result<Complaint> parse_complaint(std::string_view text, std::string_view path) {
    Reader reader{path};
    auto table = parse_toml(reader, text);
    if (!table) return table.error();
    if (auto status = check_known_keys(reader, *table, intake_keys); !status) return status.error();
    Complaint complaint;
    for (auto [key, node] : keys_in_file_order(*table))
        if (auto status = read_intake_key(reader, key->str(), *node, complaint); !status)
            return status.error();
    for (auto required : required_keys)
        if (!table->contains(required))
            return data_error(std::string(path), 1, 1,
                              fmt::format("missing required key '{}'", required));
    complaint.path = std::string(path);
    return complaint;
}

} // namespace complaints
