#include "cli/import_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace complaints::cli {

namespace {

using Json = nlohmann::json;

/// A problem with one complaint of the export; `what` says which field and why.
struct BadField {
    std::string what;
};

/// Line and column of byte `offset` in `text` (both 1-based), for a JSON syntax error.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line, column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string text_of(const Json& object, const char* key) {
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return {};
    if (!found->is_string()) throw BadField{fmt::format("'{}' is not text", key)};
    return found->get<std::string>();
}

std::vector<std::string> list_of(const Json& object, const char* key) {
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return {};
    if (!found->is_array()) throw BadField{fmt::format("'{}' is not a list", key)};
    std::vector<std::string> items;
    for (const Json& item : *found) {
        if (!item.is_string()) throw BadField{fmt::format("'{}' holds something not text", key)};
        items.push_back(item.get<std::string>());
    }
    return items;
}

// Moments in an export carry their UTC offset, so the zone given to the parser never decides.
Instant moment_of(const std::string& text, const char* key) {
    auto moment = parse_moment(text, date::locate_zone("UTC"));
    if (!moment) throw BadField{fmt::format("'{}': {}", key, moment.error().message)};
    return *moment;
}

Day day_of(const std::string& text, const char* key) {
    auto day = parse_day(text);
    if (!day) throw BadField{fmt::format("'{}': {}", key, day.error().message)};
    return *day;
}

/// The keys an event of an export may have (present.cpp's event_json writes them).
const std::set<std::string>& event_keys() {
    static const std::set<std::string> keys{
        "at",        "type",     "by",        "stage",  "from",        "requested",
        "milestone", "until",    "extend_by", "reason", "good_reason", "outcome",
        "finding",   "remedies", "handler",   "body",   "text"};
    return keys;
}

Event event_of(const Json& object) {
    if (!object.is_object()) throw BadField{"an event is not an object"};
    for (auto item = object.begin(); item != object.end(); ++item)
        if (!event_keys().contains(item.key()))
            throw BadField{fmt::format("unknown event key '{}'", item.key())};
    Event event;
    event.at = moment_of(text_of(object, "at"), "at");
    event.type = text_of(object, "type");
    event.by = text_of(object, "by");
    event.stage = text_of(object, "stage");
    event.from = text_of(object, "from");
    if (auto requested = text_of(object, "requested"); !requested.empty())
        event.requested = moment_of(requested, "requested");
    event.milestone = text_of(object, "milestone");
    if (auto until = text_of(object, "until"); !until.empty()) event.until = day_of(until, "until");
    if (auto by = text_of(object, "extend_by"); !by.empty()) {
        auto period = parse_period(by);
        if (!period) throw BadField{fmt::format("'extend_by': {}", period.error().message)};
        event.extend_by = *period;
    }
    event.reason = text_of(object, "reason");
    event.good_reason = text_of(object, "good_reason");
    event.outcome = text_of(object, "outcome");
    event.finding = text_of(object, "finding");
    event.remedies = list_of(object, "remedies");
    event.handler = text_of(object, "handler");
    event.body = text_of(object, "body");
    event.text = text_of(object, "text");
    return event;
}

ExportedComplaint complaint_of(const Json& object) {
    if (!object.is_object()) throw BadField{"not an object"};
    ExportedComplaint exported;
    Complaint& c = exported.complaint;
    c.id = text_of(object, "id");
    c.policy = text_of(object, "policy");
    c.policy_version = text_of(object, "policy_version");
    c.received = moment_of(text_of(object, "received"), "received");
    c.channel = text_of(object, "channel");
    c.name = text_of(object, "name");
    c.contact = text_of(object, "contact");
    c.summary = text_of(object, "summary");
    c.details = text_of(object, "details");
    set_occurred_from_words(c, text_of(object, "occurred"));
    c.people = list_of(object, "people");
    c.evidence = list_of(object, "evidence");
    c.severity = text_of(object, "severity");
    c.category = text_of(object, "category");
    exported.shown_handler = text_of(object, "handler");
    exported.shown_handler_role = text_of(object, "handler_role");
    auto events = object.find("events");
    if (events != object.end()) {
        if (!events->is_array()) throw BadField{"'events' is not a list"};
        for (const Json& event : *events)
            c.events.push_back(event_of(event));
    }
    return exported;
}

/// Why `document` is not a whole export of complaints, if it is not.
std::string not_an_export(const Json& document) {
    if (!document.is_object() || !document.contains("complaints")) {
        if (document.is_object() && document.contains("events"))
            return "an export of events (--events) cannot be imported: export without --events";
        return "not an export of complaints ('complaints export --format json')";
    }
    if (document.value("redacted", false))
        return "a redacted export (--redact) lacks names and text: export without --redact";
    if (!document["complaints"].is_array()) return "'complaints' is not a list";
    return {};
}

/// " (ID)" for a complaint whose ID reads, for messages.
std::string id_of(const Json& object) {
    if (!object.is_object()) return "";
    auto id = object.find("id");
    return id != object.end() && id->is_string() ? " (" + id->get<std::string>() + ")" : "";
}

} // namespace

void set_occurred_from_words(Complaint& complaint, std::string_view words) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= words.size();) {
        std::size_t end = words.find("; ", start);
        if (end == std::string_view::npos) end = words.size();
        parts.emplace_back(words.substr(start, end - start));
        start = end + 2;
    }
    if (!parts.empty() && parts.back().starts_with("became known ")) {
        if (auto day = parse_day(std::string_view(parts.back()).substr(13))) {
            complaint.known_on = *day;
            parts.pop_back();
        }
    }
    if (!parts.empty())
        if (auto range = parse_day_range(parts.back())) {
            complaint.occurred_on = range->from;
            if (range->until != range->from) complaint.occurred_until = range->until;
            parts.pop_back();
        }
    complaint.occurred = fmt::format("{}", fmt::join(parts, "; "));
}

Result<std::vector<ExportedComplaint>> parse_export_json(std::string_view text,
                                                         std::string_view path) {
    Json document;
    try {
        document = Json::parse(text);
    } catch (const Json::parse_error& e) {
        auto [line, column] = line_and_column(text, e.byte == 0 ? 0 : e.byte - 1);
        return data_error(std::string(path), line, column, "not valid JSON");
    }
    std::vector<ExportedComplaint> complaints;
    int number = 0;
    try {
        if (auto why = not_an_export(document); !why.empty())
            return data_error(std::string(path), 0, 0, why);
        for (const Json& object : document["complaints"]) {
            ++number;
            complaints.push_back(complaint_of(object));
        }
    } catch (const BadField& bad) {
        return data_error(
            std::string(path), 0, 0,
            fmt::format("complaint {}{}: {}", number,
                        id_of(document["complaints"][static_cast<std::size_t>(number - 1)]),
                        bad.what));
    } catch (const Json::exception& e) {
        return data_error(std::string(path), 0, 0,
                          fmt::format("complaint {}: {}", number, e.what()));
    }
    return complaints;
}

} // namespace complaints::cli
