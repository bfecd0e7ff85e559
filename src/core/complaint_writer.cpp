// Writing complaint files: our own small writer (fixed key order, always-escaped basic
// strings, one event per line) because toml++'s writer does not round-trip. docs/FORMAT.md.

#include "complaints/complaint.hpp"
#include "complaints/utf8.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace complaints {

namespace {

/// One ASCII character inside a TOML basic string: quotes, backslashes, control characters
/// and DEL escaped.
std::string escaped(char c) {
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\t':
        return "\\t";
    case '\n':
        return "\\n";
    case '\f':
        return "\\f";
    case '\r':
        return "\\r";
    default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) return fmt::format("\\u{:04X}", byte);
        return std::string(1, c);
    }
    }
}

/// A TOML basic string, walked by code point (complaints/utf8.hpp): ASCII escaped where TOML
/// needs it, every other character copied whole. The store refuses text that is not UTF-8
/// before it writes; a byte that is not is copied as it is, for the read-back check to catch.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8::length_at(text, i);
        if (length == 1)
            out += escaped(text[i]);
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out + "\"";
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + quoted(items[i]);
    return out + "]";
}

/// `key = value` pairs joined for one line or one per line.
class Fields {
  public:
    void raw(std::string_view key, std::string value) {
        fields_.emplace_back(std::string(key), std::move(value));
    }
    void text(std::string_view key, std::string_view value) {
        if (!value.empty()) raw(key, quoted(value));
    }
    void list(std::string_view key, const std::vector<std::string>& items) {
        if (!items.empty()) raw(key, quoted_list(items));
    }
    std::string join(std::string_view separator) const {
        std::string out;
        for (std::size_t i = 0; i < fields_.size(); ++i)
            out +=
                fmt::format("{}{} = {}", i ? separator : "", fields_[i].first, fields_[i].second);
        return out;
    }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

Fields intake_fields(const Complaint& complaint, const date::time_zone* zone) {
    Fields fields;
    fields.raw("id", quoted(complaint.id));
    fields.raw("policy", quoted(complaint.policy));
    fields.raw("policy_version", quoted(complaint.policy_version));
    fields.raw("received", format_moment(complaint.received, zone));
    fields.text("channel", complaint.channel);
    fields.text("name", complaint.name);
    fields.text("contact", complaint.contact);
    fields.text("summary", complaint.summary);
    fields.text("details", complaint.details);
    fields.text("occurred", complaint.occurred);
    if (complaint.occurred_on) fields.raw("occurred_on", format_day(*complaint.occurred_on));
    if (complaint.occurred_until)
        fields.raw("occurred_until", format_day(*complaint.occurred_until));
    if (complaint.known_on) fields.raw("known_on", format_day(*complaint.known_on));
    fields.list("people", complaint.people);
    fields.list("evidence", complaint.evidence);
    fields.text("severity", complaint.severity);
    fields.text("category", complaint.category);
    fields.text("handler", complaint.handler);
    return fields;
}

Fields event_fields(const Event& event, const date::time_zone* zone) {
    Fields fields;
    fields.raw("at", format_moment(event.at, zone));
    fields.raw("type", quoted(event.type));
    fields.text("by", event.by);
    fields.text("stage", event.stage);
    fields.text("from", event.from);
    if (event.requested) fields.raw("requested", format_moment(*event.requested, zone));
    fields.text("milestone", event.milestone);
    if (event.until) fields.raw("until", format_day(*event.until));
    if (event.extend_by) fields.raw("extend_by", quoted(describe(*event.extend_by)));
    fields.text("reason", event.reason);
    fields.text("good_reason", event.good_reason);
    fields.text("outcome", event.outcome);
    fields.text("finding", event.finding);
    fields.list("remedies", event.remedies);
    fields.text("handler", event.handler);
    fields.text("body", event.body);
    fields.text("text", event.text);
    return fields;
}

std::string_view trimmed(std::string_view line) {
    auto first = line.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r\n") - first + 1);
}

/// Start offset of each line of `text`.
std::vector<std::size_t> line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
    return starts;
}

/// Offset of the line holding the events array's closing `]`, skipping trailing blank and
/// comment lines; npos when the last meaningful line is something else.
std::size_t closing_bracket_offset(std::string_view text, std::size_t& line_number) {
    auto starts = line_starts(text);
    for (std::size_t i = starts.size(); i-- > 0;) {
        auto end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        auto line = trimmed(text.substr(starts[i], end - starts[i]));
        if (line.empty() || line.front() == '#') continue;
        line_number = i + 1;
        return line == "]" ? starts[i] : std::string_view::npos;
    }
    line_number = 1;
    return std::string_view::npos;
}

/// "\r\n" when the first line of `text` ends so (a file saved on Windows), else "\n": a
/// line added keeps the file's own line endings, so a diff shows only that line.
std::string_view line_ending(std::string_view text) {
    const auto newline = text.find('\n');
    return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n"
                                                                                         : "\n";
}

} // namespace

std::string write_event_line(const Event& event, const date::time_zone* zone) {
    return "  { " + event_fields(event, zone).join(", ") + " },";
}

std::string write_complaint(const Complaint& complaint, const date::time_zone* zone) {
    std::string out = fmt::format("# Complaint {} — intake facts first, then the event log. "
                                  "See docs/FORMAT.md.\n",
                                  complaint.id);
    out += intake_fields(complaint, zone).join("\n") + "\n\n";
    if (!complaint.conflicts.empty()) {
        out += "conflicts = [\n";
        for (const MergeConflict& conflict : complaint.conflicts)
            out += fmt::format("  {{ key = {}, theirs = {} }},\n", quoted(conflict.key),
                               quoted(conflict.theirs));
        out += "]\n\n";
    }
    out += "events = [\n";
    for (const auto& event : complaint.events)
        out += write_event_line(event, zone) + "\n";
    return out + "]\n";
}

Result<std::string> append_event(std::string_view file_text, const Event& event,
                                 const date::time_zone* zone, std::string_view path) {
    std::size_t line_number = 0;
    auto offset = closing_bracket_offset(file_text, line_number);
    if (offset == std::string_view::npos)
        return data_error(std::string(path), static_cast<int>(line_number), 1,
                          "cannot add an event: the file must end with the events list, its "
                          "closing ']' alone on the last line");
    std::string out(file_text.substr(0, offset));
    out += write_event_line(event, zone) + std::string(line_ending(file_text));
    out += file_text.substr(offset);
    return out;
}

const std::vector<std::string_view>& amendable_keys() {
    static const std::vector<std::string_view> keys{
        "name",        "contact",        "channel",  "summary", "details", "occurred",
        "occurred_on", "occurred_until", "known_on", "people",  "evidence"};
    return keys;
}

namespace {

/// The intake fields that hold a day, by key (`Complaint` or `const Complaint`).
template <typename AnyComplaint>
auto intake_day(AnyComplaint& complaint, std::string_view key) -> decltype(&complaint.known_on) {
    if (key == "occurred_on") return &complaint.occurred_on;
    if (key == "occurred_until") return &complaint.occurred_until;
    if (key == "known_on") return &complaint.known_on;
    return nullptr;
}

} // namespace

void copy_intake_value(Complaint& to, const Complaint& from, std::string_view key) {
    if (key == "people") {
        to.people = from.people;
    } else if (key == "evidence") {
        to.evidence = from.evidence;
    } else if (std::optional<Day>* day = intake_day(to, key)) {
        *day = *intake_day(from, key);
    } else if (std::string* text = intake_text(to, key)) {
        *text = *intake_text(from, key);
    }
}

namespace {

/// The lines of `text` with where each starts and ends (without its '\n').
struct Line {
    std::size_t start, end;
};
std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out.push_back({start, end});
        start = end + 1;
    }
    return out;
}

/// The key a top-level line sets (`name = ...` -> "name"), else empty.
std::string_view key_of(std::string_view line) {
    const std::size_t end = line.find_first_of(" =");
    if (end == std::string_view::npos || end == 0) return {};
    return line.substr(0, end);
}

/// How the intake value of `key` is written ("" when it has none).
std::string intake_value(const Complaint& source, std::string_view key) {
    if (key == "people") return source.people.empty() ? "" : quoted_list(source.people);
    if (key == "evidence") return source.evidence.empty() ? "" : quoted_list(source.evidence);
    if (key == "occurred_on" || key == "occurred_until" || key == "known_on") {
        const std::optional<Day>& day = *intake_day(source, key);
        return day ? format_day(*day) : "";
    }
    const std::string* text = intake_text(source, key);
    return text == nullptr || text->empty() ? "" : quoted(*text);
}

/// The intake keys in the order the writer writes them.
constexpr std::array<std::string_view, 18> intake_order{
    "id",       "policy",  "policy_version", "received", "channel",     "name",
    "contact",  "summary", "details",        "occurred", "occurred_on", "occurred_until",
    "known_on", "people",  "evidence",       "severity", "category",    "handler"};

/// Where to add a missing intake line for `key`: after the line of the nearest key that comes
/// before it in the writer's order, else after the last intake line before `events`.
std::size_t insertion_point(std::string_view text, const std::vector<Line>& lines,
                            std::string_view key) {
    std::size_t after_last = 0;
    std::size_t after_earlier = std::string_view::npos;
    const auto rank = [](std::string_view name) {
        return std::find(intake_order.begin(), intake_order.end(), name) - intake_order.begin();
    };
    for (const Line& line : lines) {
        const std::string_view content = text.substr(line.start, line.end - line.start);
        const std::string_view written = key_of(content);
        if (written == "events") break;
        const std::size_t next = std::min(line.end + 1, text.size());
        if (!trimmed(content).empty()) after_last = next;
        if (!written.empty() && rank(written) < rank(key)) after_earlier = next;
    }
    return after_earlier != std::string_view::npos ? after_earlier : after_last;
}

} // namespace

Result<std::string> with_intake_value(std::string_view file_text, std::string_view key,
                                      const Complaint& source) {
    const std::string value = intake_value(source, key);
    const std::string written = value.empty() ? "" : fmt::format("{} = {}\n", key, value);
    const auto lines = lines_of(file_text);
    for (const Line& line : lines) {
        const std::string_view content = file_text.substr(line.start, line.end - line.start);
        if (key_of(content) != key) continue;
        if (content.find("\"\"\"") != std::string_view::npos ||
            content.find("'''") != std::string_view::npos)
            return data_error("", 0, 0,
                              fmt::format("'{}' runs over several lines: change it with "
                                          "'complaints edit'",
                                          key));
        const std::size_t after = std::min(line.end + 1, file_text.size());
        return std::string(file_text.substr(0, line.start)) + written +
               std::string(file_text.substr(after));
    }
    if (written.empty()) return std::string(file_text);
    const std::size_t at = insertion_point(file_text, lines, key);
    return std::string(file_text.substr(0, at)) + written + std::string(file_text.substr(at));
}

Result<std::string> with_policy_version(std::string_view file_text, std::string_view version) {
    std::size_t start = 0;
    while (start < file_text.size()) {
        std::size_t end = file_text.find('\n', start);
        if (end == std::string_view::npos) end = file_text.size();
        std::string_view line = file_text.substr(start, end - start);
        std::size_t key_end = line.find_first_of(" =");
        if (line.substr(0, key_end) == "policy_version") {
            std::string replaced(file_text.substr(0, start));
            replaced += "policy_version = " + quoted(version);
            replaced += file_text.substr(end);
            return replaced;
        }
        start = end + 1;
    }
    return data_error("", 0, 0, "the complaint file has no 'policy_version = ' line");
}

} // namespace complaints
