// Which facts are personal data, and a complaint with them left out or anonymised
// (include/complaints/personal.hpp).

#include "complaints/personal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace complaints {

namespace {

template <std::size_t N>
bool is_personal(const std::array<FieldPrivacy, N>& fields, std::string_view key) {
    return std::any_of(fields.begin(), fields.end(), [&](const FieldPrivacy& field) {
        return field.key == key && field.privacy != Privacy::kept;
    });
}

/// How to change one field: `empty` true leaves it out, false replaces it with the marker.
template <class Record> using FieldChange = std::function<void(Record&, bool empty)>;

void change_text(std::string& text, bool empty) {
    if (empty)
        text.clear();
    else if (!text.empty())
        text = anonymised_marker;
}

void change_list(std::vector<std::string>& list, bool empty) {
    if (empty)
        list.clear();
    else if (!list.empty())
        list = {std::string(anonymised_marker)};
}

template <class Record> FieldChange<Record> text(std::string Record::*field) {
    return [field](Record& record, bool empty) { change_text(record.*field, empty); };
}

template <class Record> FieldChange<Record> list(std::vector<std::string> Record::*field) {
    return [field](Record& record, bool empty) { change_list(record.*field, empty); };
}

FieldChange<Complaint> day(std::optional<Day> Complaint::*field) {
    return [field](Complaint& c, bool empty) {
        if (empty) (c.*field).reset();
    };
}

void change_conflicts(Complaint& c, bool empty) {
    if (empty) c.conflicts.clear();
    for (MergeConflict& conflict : c.conflicts)
        if (personal_intake_key(conflict.key) || conflict.key.starts_with("event "))
            change_text(conflict.theirs, false);
}

/// The personal fields of a complaint, by key; a unit test holds this to the table.
const std::map<std::string_view, FieldChange<Complaint>>& complaint_changes() {
    static const std::map<std::string_view, FieldChange<Complaint>> changes{
        {"name", text(&Complaint::name)},
        {"contact", text(&Complaint::contact)},
        {"summary", text(&Complaint::summary)},
        {"details", text(&Complaint::details)},
        {"occurred", text(&Complaint::occurred)},
        {"occurred_on", day(&Complaint::occurred_on)},
        {"occurred_until", day(&Complaint::occurred_until)},
        {"known_on", day(&Complaint::known_on)},
        {"people", list(&Complaint::people)},
        {"evidence", list(&Complaint::evidence)},
        {"conflicts", change_conflicts},
    };
    return changes;
}

const std::map<std::string_view, FieldChange<Event>>& event_changes() {
    static const std::map<std::string_view, FieldChange<Event>> changes{
        {"text", text(&Event::text)},
        {"reason", text(&Event::reason)},
        {"good_reason", text(&Event::good_reason)},
        {"outcome", text(&Event::outcome)},
    };
    return changes;
}

/// Applies the change of every personal field in `fields` to `record`.
template <class Record, std::size_t N>
void change_personal(Record& record, const std::array<FieldPrivacy, N>& fields,
                     const std::map<std::string_view, FieldChange<Record>>& changes, bool empty) {
    for (const FieldPrivacy& field : fields)
        if (field.privacy != Privacy::kept) changes.at(field.key)(record, empty);
}

Complaint changed(Complaint complaint, bool empty) {
    change_personal(complaint, complaint_privacy, complaint_changes(), empty);
    for (Event& event : complaint.events)
        change_personal(event, event_privacy, event_changes(), empty);
    return complaint;
}

} // namespace

bool personal_intake_key(std::string_view key) {
    return is_personal(complaint_privacy, key);
}

bool personal_event_key(std::string_view key) {
    return is_personal(event_privacy, key);
}

Complaint redacted(Complaint complaint) {
    return changed(std::move(complaint), true);
}

Complaint anonymised(Complaint complaint) {
    return changed(std::move(complaint), false);
}

std::vector<std::string> personal_values_held(const Complaint& complaint) {
    std::vector<std::string> held;
    for (const FieldPrivacy& field : complaint_privacy) {
        if (field.privacy != Privacy::personal) continue;
        Complaint copy = complaint;
        complaint_changes().at(field.key)(copy, false);
        if (!(copy == complaint)) held.emplace_back(field.key);
    }
    long events = 0;
    for (const Event& event : complaint.events) {
        Event copy = event;
        change_personal(copy, event_privacy, event_changes(), false);
        if (!(copy == event)) ++events;
    }
    if (events > 0) held.push_back(fmt::format("{} event{}", events, events == 1 ? "" : "s"));
    return held;
}

bool is_anonymised(const Complaint& complaint) {
    return std::any_of(complaint.events.begin(), complaint.events.end(),
                       [](const Event& e) { return e.type == event_type::anonymised; });
}

} // namespace complaints
