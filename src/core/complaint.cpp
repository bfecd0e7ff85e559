// Reading complaint files: TOML in, a checked Complaint out, every problem at path:line:col.

#include "complaints/complaint.hpp"
#include "complaints/ids.hpp"
#include "git_conflict.hpp"
#include "toml_input.hpp"
#include "toml_reader.hpp"
#include "written_form.hpp"

#include <algorithm>
#include <array>
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
        std::string(event_type::amended),      std::string(event_type::delay_response),
        std::string(event_type::imported),     std::string(event_type::anonymised),
    };
    return types;
}

namespace {

const TableSchema intake_schema{"",
                                {"id",       "policy",   "policy_version", "received",
                                 "channel",  "name",     "contact",        "summary",
                                 "details",  "occurred", "occurred_on",    "occurred_until",
                                 "known_on", "people",   "evidence",       "severity",
                                 "category", "handler",  "conflicts",      "events"},
                                KeyHelp::suggest};

const TableSchema event_schema{"",
                               {"at", "type", "by", "stage", "from", "requested", "milestone",
                                "until", "extend_by", "reason", "good_reason", "outcome", "finding",
                                "remedies", "handler", "body", "text"},
                               KeyHelp::suggest};

const TableSchema conflict_schema{"", {"key", "theirs"}, KeyHelp::suggest};

const std::vector<std::string_view> required_keys{"id", "policy", "policy_version", "received"};

/// A key that holds one text, and the field of `Record` it fills.
template <class Record> using TextField = std::pair<std::string_view, std::string Record::*>;

const std::array<TextField<Complaint>, 11> intake_texts{{
    {"policy", &Complaint::policy},
    {"policy_version", &Complaint::policy_version},
    {"channel", &Complaint::channel},
    {"name", &Complaint::name},
    {"contact", &Complaint::contact},
    {"summary", &Complaint::summary},
    {"details", &Complaint::details},
    {"occurred", &Complaint::occurred},
    {"severity", &Complaint::severity},
    {"category", &Complaint::category},
    {"handler", &Complaint::handler},
}};

const std::array<TextField<Event>, 11> event_texts{{
    {"by", &Event::by},
    {"stage", &Event::stage},
    {"from", &Event::from},
    {"milestone", &Event::milestone},
    {"reason", &Event::reason},
    {"good_reason", &Event::good_reason},
    {"outcome", &Event::outcome},
    {"finding", &Event::finding},
    {"handler", &Event::handler},
    {"body", &Event::body},
    {"text", &Event::text},
}};

/// A complaint file's words where they differ from a policy's (docs/FORMAT.md).
Wording complaint_wording() {
    Wording words;
    words.text = "'{key}' must be a string in double quotes";
    words.day = "'{key}' must be a date without quotes, like 2026-05-01";
    words.moment = "'{key}' must be a date-time with offset, like 2026-03-27T10:00:00+00:00";
    words.list = "'{key}' must be a list of strings, like [\"one\", \"two\"]";
    words.list_item = words.list;
    words.missing = "missing required key '{key}'";
    return words;
}

/// Reads the text at `node` into the field `fields` names for `key`, if any.
template <class Record, std::size_t N>
void read_text_field(TomlReader& reader, const std::array<TextField<Record>, N>& fields,
                     std::string_view key, const toml::node& node, Record& record) {
    for (const auto& [name, field] : fields) {
        if (name != key) continue;
        if (auto value = reader.text(node, key)) record.*field = std::move(*value);
        return;
    }
}

std::vector<std::string> read_texts(TomlReader& reader, const toml::node& node,
                                    std::string_view key) {
    std::vector<std::string> out;
    for (TextItem& item : reader.texts(node, key, SingleText::refused))
        out.push_back(std::move(item.text));
    return out;
}

void read_event_type(TomlReader& reader, const toml::node& node, std::string& out) {
    out = reader.text(node, "type").value_or("");
    const auto& types = all_event_types();
    if (reader.failed() || std::find(types.begin(), types.end(), out) != types.end()) return;
    reader.fail(node, fmt::format("unknown event type '{}' (valid types: {})", out,
                                  fmt::join(types, ", ")));
}

void read_event_key(TomlReader& reader, std::string_view key, const toml::node& node,
                    Event& event) {
    if (key == "at") {
        if (auto at = reader.moment(node, key)) event.at = *at;
    } else if (key == "type") {
        read_event_type(reader, node, event.type);
    } else if (key == "requested") {
        event.requested = reader.moment(node, key);
    } else if (key == "until") {
        event.until = reader.day(node, key, QuotedDate::refused);
    } else if (key == "extend_by") {
        event.extend_by = reader.period(node, key);
    } else if (key == "remedies") {
        event.remedies = read_texts(reader, node, key);
    } else {
        read_text_field(reader, event_texts, key, node, event);
    }
}

std::optional<Event> read_event(TomlReader& reader, const toml::node& node) {
    const auto* table = node.as_table();
    if (!table) {
        reader.fail(node, "each event must be a table, like { at = 2026-03-27T11:00:00+00:00, "
                          "type = \"note\", by = \"sarah\", text = \"...\" }");
        return std::nullopt;
    }
    reader.check_keys(*table, event_schema);
    Event event;
    for (auto [key, value] : keys_in_file_order(*table))
        read_event_key(reader, key->str(), *value, event);
    for (std::string_view required : {"at", "type"})
        if (!table->contains(required))
            reader.fail(node, fmt::format("event has no '{}'", required));
    event.line = static_cast<int>(node.source().begin.line);
    event.column = static_cast<int>(node.source().begin.column);
    return event;
}

void read_events(TomlReader& reader, const toml::node& node, std::vector<Event>& out) {
    const auto* array = node.as_array();
    if (!array) {
        reader.fail(node, "'events' must be a list of events: events = [ ... ]");
        return;
    }
    for (const auto& element : *array)
        if (auto event = read_event(reader, element)) out.push_back(std::move(*event));
    std::stable_sort(out.begin(), out.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
}

/// `conflicts = [ { key = "summary", theirs = "..." }, ]`: what a merge could not settle.
void read_conflicts(TomlReader& reader, const toml::node& node, std::vector<MergeConflict>& out) {
    const auto* array = node.as_array();
    if (!array) {
        reader.fail(node, "'conflicts' must be a list: conflicts = [ { key = \"...\", theirs = "
                          "\"...\" }, ]");
        return;
    }
    for (const auto& element : *array) {
        const auto* table = element.as_table();
        if (!table) {
            reader.fail(element, "each conflict must be a table: { key = \"...\", theirs = "
                                 "\"...\" }");
            continue;
        }
        reader.check_keys(*table, conflict_schema);
        MergeConflict conflict;
        for (auto [key, value] : keys_in_file_order(*table)) {
            auto text = reader.text(*value, key->str());
            if (!text) continue;
            (key->str() == "key" ? conflict.key : conflict.theirs) = std::move(*text);
        }
        conflict.line = static_cast<int>(element.source().begin.line);
        conflict.column = static_cast<int>(element.source().begin.column);
        out.push_back(std::move(conflict));
    }
}

void read_id(TomlReader& reader, const toml::node& node, std::string& out) {
    out = reader.text(node, "id").value_or("");
    if (reader.failed() || (out.size() == 8 && is_id_fragment(out))) return;
    reader.fail(node, fmt::format("'{}' is not a complaint ID (eight characters from "
                                  "0-9 and a-z without i, l, o, u)",
                                  out));
}

void read_intake_key(TomlReader& reader, std::string_view key, const toml::node& node,
                     Complaint& complaint) {
    const auto& at = node.source().begin;
    if (key == "policy") {
        complaint.policy_line = static_cast<int>(at.line);
        complaint.policy_column = static_cast<int>(at.column);
    } else if (key == "policy_version") {
        complaint.version_line = static_cast<int>(at.line);
        complaint.version_column = static_cast<int>(at.column);
    } else if (key == "severity") {
        complaint.severity_line = static_cast<int>(at.line);
        complaint.severity_column = static_cast<int>(at.column);
    } else if (key == "channel") {
        complaint.channel_line = static_cast<int>(at.line);
        complaint.channel_column = static_cast<int>(at.column);
    }
    if (key == "id") {
        read_id(reader, node, complaint.id);
    } else if (key == "received") {
        if (auto received = reader.moment(node, key)) complaint.received = *received;
    } else if (key == "occurred_on") {
        complaint.occurred_on = reader.day(node, key, QuotedDate::refused);
    } else if (key == "occurred_until") {
        complaint.occurred_until = reader.day(node, key, QuotedDate::refused);
    } else if (key == "known_on") {
        complaint.known_on = reader.day(node, key, QuotedDate::refused);
    } else if (key == "people") {
        complaint.people = read_texts(reader, node, key);
    } else if (key == "evidence") {
        complaint.evidence = read_texts(reader, node, key);
    } else if (key == "events") {
        read_events(reader, node, complaint.events);
    } else if (key == "conflicts") {
        read_conflicts(reader, node, complaint.conflicts);
    } else {
        read_text_field(reader, intake_texts, key, node, complaint);
    }
}

} // namespace

Result<Complaint> parse_complaint(std::string_view text, std::string_view path) {
    if (auto status = no_conflict_markers(text, path); !status) return status.error();
    if (auto complaint = read_written_form(text, path)) return std::move(*complaint);
    return parse_complaint_as_toml(text, path);
}

Result<Complaint> parse_complaint_as_toml(std::string_view text, std::string_view path) {
    if (auto status = no_conflict_markers(text, path); !status) return status.error();
    auto table = parse_toml_file(text, path);
    if (!table) return table.error();
    TomlReader reader(path, complaint_wording());
    reader.check_keys(*table, intake_schema);
    Complaint complaint;
    for (auto [key, node] : keys_in_file_order(*table))
        read_intake_key(reader, key->str(), *node, complaint);
    for (std::string_view required : required_keys)
        reader.require(*table, required, "");
    complaint.path = std::string(path);
    return reader.result(std::move(complaint));
}

std::optional<DayRange> parse_day_range(std::string_view text) {
    const auto dots = text.find("..");
    auto from = parse_day(text.substr(0, dots));
    if (!from) return std::nullopt;
    if (dots == std::string_view::npos) return DayRange{*from, *from};
    auto until = parse_day(text.substr(dots + 2));
    if (!until || *until < *from) return std::nullopt;
    return DayRange{*from, *until};
}

std::string occurred_words(const Complaint& complaint) {
    std::string out = complaint.occurred;
    if (complaint.occurred_on) {
        if (!out.empty()) out += "; ";
        out += format_day(*complaint.occurred_on);
        if (complaint.occurred_until && *complaint.occurred_until != *complaint.occurred_on)
            out += ".." + format_day(*complaint.occurred_until);
    }
    if (complaint.known_on) {
        if (!out.empty()) out += "; ";
        out += "became known " + format_day(*complaint.known_on);
    }
    return out;
}

const std::string* intake_text(const Complaint& complaint, std::string_view key) {
    for (const auto& [name, field] : intake_texts)
        if (name == key) return &(complaint.*field);
    return nullptr;
}

std::string* event_text(Event& event, std::string_view key) {
    for (const auto& [name, field] : event_texts)
        if (name == key) return &(event.*field);
    return nullptr;
}

std::string* intake_text(Complaint& complaint, std::string_view key) {
    for (const auto& [name, field] : intake_texts)
        if (name == key) return &(complaint.*field);
    return nullptr;
}

} // namespace complaints
