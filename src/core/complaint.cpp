// Reading complaint files: TOML in, a checked Complaint out, every problem at path:line:col.

#include "complaints/complaint.hpp"
#include "complaints/ids.hpp"
#include "complaints/spelling.hpp"
#include "toml_input.hpp"

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

std::string unknown_key_message(std::string_view key, const std::vector<std::string_view>& known) {
    std::string message = fmt::format("unknown key '{}'", key);
    if (auto best = closest_spelling(key, known); !best.empty())
        message += fmt::format("; did you mean '{}'?", best);
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
    const auto& at = node.source().begin;
    if (key == "policy")
        complaint.policy_line = static_cast<int>(at.line),
        complaint.policy_column = static_cast<int>(at.column);
    if (key == "policy_version")
        complaint.version_line = static_cast<int>(at.line),
        complaint.version_column = static_cast<int>(at.column);
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

} // namespace

Result<Complaint> parse_complaint(std::string_view text, std::string_view path) {
    Reader reader{path};
    auto table = parse_toml_file(text, path);
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
