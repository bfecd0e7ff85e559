// Reading policies: a schema over the TOML reader, with the checks only a procedure needs.

#include "complaints/policy.hpp"

#include "complaints/complaint.hpp"
#include "toml_input.hpp"
#include "toml_reader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

using Keys = std::vector<std::string_view>;

constexpr std::size_t max_policy_bytes = 1024 * 1024;

const Keys intake_field_names{"name",   "contact",  "channel",  "summary",  "details", "occurred",
                              "people", "evidence", "severity", "category", "handler"};

const TableSchema top_schema{"the policy file",
                             {"policy", "calendar", "intake", "outcome", "contact", "stage"}};
const TableSchema policy_schema{
    "[policy]",
    {"id", "version", "title", "organisation", "source", "last_reviewed", "review_every"}};
const TableSchema calendar_schema{
    "[calendar]",
    {"time_zone", "working_week", "bank_holidays", "closures", "working_days", "due_soon"}};
const TableSchema closure_schema{"closures", {"date", "from", "to", "name"}};
const TableSchema intake_schema{"[intake]", {"channels", "required", "severities", "categories"}};
const TableSchema outcome_schema{"[outcome]", {"remedies"}};
const TableSchema contact_schema{"[[contact]]",
                                 {"role", "name", "phone", "email", "address", "url"}};
const TableSchema stage_schema{
    "[[stage]]",
    {"id", "title", "handler", "entry", "start_if_severity", "start_if_category", "milestone"}};
const TableSchema milestone_schema{"[[stage.milestone]]",
                                   {"id", "title", "within", "every", "from", "met_by", "party",
                                    "beginning_with", "roll_forward", "from_working_day",
                                    "max_extension", "extension_needs_reason", "action"}};

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// --- [policy] -----------------------------------------------------------------------------

std::string version_at(TomlReader& reader, const toml::table& table) {
    if (!reader.require(table, "version", "[policy]")) return {};
    const toml::node* node = table.get("version");
    if (const auto* written = node->as_date()) return format_day(day_of(written->get()));
    std::string version = reader.text_at(table, "version");
    if (!reader.failed() && version.empty()) reader.fail(*node, "'version' is empty");
    return version;
}

void read_about(TomlReader& reader, const toml::table& root, Policy& policy) {
    if (!root.contains("policy")) {
        reader.fail_at(1, 1, "missing [policy] table (it holds the policy's id and version)");
        return;
    }
    const toml::table* table = reader.table_at(root, "policy");
    if (table == nullptr) return;
    reader.check_keys(*table, policy_schema);
    policy.id = reader.name_at(*table, "id", "[policy]");
    policy.version = version_at(reader, *table);
    policy.title = reader.text_at(*table, "title");
    policy.organisation = reader.text_at(*table, "organisation");
    policy.source = reader.text_at(*table, "source");
    policy.last_reviewed = reader.day_at(*table, "last_reviewed", QuotedDate::allowed);
    policy.review_every = reader.period_at(*table, "review_every");
}

// --- [calendar] ---------------------------------------------------------------------------

void read_zone(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* node = reader.typed_at(table, "time_zone", toml::node_type::string);
    if (node == nullptr) return;
    spec.zone_name = std::string(node->as_string()->get());
    if (!find_zone(spec.zone_name)) {
        reader.fail(*node, fmt::format("unknown time zone '{}'; use an IANA name such as "
                                       "'Europe/London'",
                                       spec.zone_name));
    }
}

/// A day of the week as a policy writes it: "monday" or "Mon", any capitalisation.
TextItem weekday_item(TextItem day) {
    day.text = lowercase(day.text);
    for (const Named<date::weekday>& weekday : weekday_names) {
        if (weekday.name.substr(0, 3) == day.text) {
            day.text = std::string(weekday.name);
            break;
        }
    }
    return day;
}

void read_working_week(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    if (!table.contains("working_week")) return;
    std::vector<TextItem> days = reader.texts_at(table, "working_week", SingleText::is_list);
    spec.working_week.fill(false);
    for (const TextItem& day : days) {
        // working_week counts from Monday = 0, as ISO numbers weekdays from Monday = 1.
        if (auto weekday = reader.choice(weekday_item(day), weekday_names, "day"))
            spec.working_week[weekday->iso_encoding() - 1] = true;
    }
    if (days.empty() && !reader.failed()) {
        reader.fail(*table.get("working_week"), "'working_week' must list at least one day");
    }
}

void read_division(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    if (auto division = reader.choice_at(table, "bank_holidays", division_names, "bank_holidays"))
        spec.division = *division;
}

/// `{ date = ..., name = ... }` or `{ from = ..., to = ..., name = ... }` or a bare date.
void read_closure(TomlReader& reader, const toml::node& node, CalendarSpec& spec) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
        const auto* text = node.as_string();
        if (text && !parse_day(text->get())) {
            reader.fail(node, "each closure is a date, { date = 2026-08-03, name = \"...\" } or "
                              "{ from = 2026-12-24, to = 2026-12-31, name = \"...\" }, not text in "
                              "quotes");
            return;
        }
        if (auto day = reader.day(node, "closures", QuotedDate::allowed))
            spec.closures.push_back({*day, "closure"});
        return;
    }
    reader.check_keys(*table, closure_schema);
    std::string name = reader.text_at(*table, "name");
    if (name.empty()) name = "closure";
    std::optional<Day> from =
        reader.day_at(*table, table->contains("date") ? "date" : "from", QuotedDate::allowed);
    std::optional<Day> to =
        table->contains("to") ? reader.day_at(*table, "to", QuotedDate::allowed) : from;
    if (reader.failed()) return;
    if (!from || !to) {
        reader.fail(table->source(), "a closure needs 'date' (one day) or 'from' and 'to'");
    } else if (*to < *from) {
        reader.fail(*table->get("to"), "a closure's 'to' is before its 'from'");
    } else if (*to - *from > date::days{366}) {
        reader.fail(*table->get("to"), "a closure may last a year at most: give each "
                                       "year's closures separately");
    } else {
        for (Day day = *from; day <= *to; day += date::days{1})
            spec.closures.push_back({day, name});
    }
}

void read_closures(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* list = reader.typed_at(table, "closures", toml::node_type::array);
    if (list == nullptr) return;
    for (const toml::node& element : *list->as_array())
        read_closure(reader, element, spec);
}

void read_working_days(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* list = reader.typed_at(table, "working_days", toml::node_type::array);
    if (list == nullptr) return;
    for (const toml::node& element : *list->as_array()) {
        if (auto day = reader.day(element, "working_days", QuotedDate::allowed))
            spec.extra_working.push_back(*day);
    }
}

void read_calendar(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "calendar");
    if (table == nullptr) return;
    reader.check_keys(*table, calendar_schema);
    read_zone(reader, *table, policy.calendar);
    read_working_week(reader, *table, policy.calendar);
    read_division(reader, *table, policy.calendar);
    read_closures(reader, *table, policy.calendar);
    read_working_days(reader, *table, policy.calendar);
    if (auto due_soon = reader.period_at(*table, "due_soon")) policy.due_soon = *due_soon;
}

// --- [intake], [outcome], [[contact]] -----------------------------------------------------

void read_intake(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "intake");
    if (table == nullptr) return;
    reader.check_keys(*table, intake_schema);
    policy.channels = reader.names_at(*table, "channels");
    for (const TextItem& field : reader.texts_at(*table, "required", SingleText::is_list)) {
        if (reader.choice(field, intake_field_names, "intake field")) {
            policy.required_fields.push_back(field.text);
        }
    }
    policy.severities = reader.names_at(*table, "severities");
    policy.categories = reader.names_at(*table, "categories");
}

void read_outcome(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "outcome");
    if (table == nullptr) return;
    reader.check_keys(*table, outcome_schema);
    policy.remedies = reader.names_at(*table, "remedies");
}

void read_contacts(TomlReader& reader, const toml::table& root, Policy& policy) {
    for (const toml::table* table : reader.tables_at(root, "contact", "[[contact]]")) {
        reader.check_keys(*table, contact_schema);
        Contact contact{reader.text_at(*table, "role"),    reader.text_at(*table, "name"),
                        reader.text_at(*table, "phone"),   reader.text_at(*table, "email"),
                        reader.text_at(*table, "address"), reader.text_at(*table, "url")};
        policy.contacts.push_back(std::move(contact));
    }
}

// --- [[stage]] and [[stage.milestone]] ----------------------------------------------------

void read_counting(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    milestone.counting.beginning_with = reader.flag_at(table, "beginning_with");
    milestone.counting.roll_forward = reader.flag_at(table, "roll_forward");
    milestone.counting.from_working_day = reader.flag_at(table, "from_working_day");
    bool hours = milestone.period.unit == Unit::hours;
    for (std::string_view key : {"beginning_with", "roll_forward", "from_working_day"}) {
        if (hours && reader.flag_at(table, key)) {
            reader.fail(*table.get(key),
                        fmt::format("'{}' applies only to day, week and month periods, not "
                                    "to \"{}\"",
                                    key, describe(milestone.period)));
        }
    }
}

/// `from`: a named anchor, or any event type ("within 5 working days of the meeting").
void read_anchor(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    const toml::node* node = reader.typed_at(table, "from", toml::node_type::string);
    if (node == nullptr) return;
    const std::string name(node->as_string()->get());
    if (auto anchor = parse_anchor(name)) {
        milestone.from = *anchor;
        return;
    }
    const auto& types = event_type_names();
    if (std::find(types.begin(), types.end(), name) != types.end()) {
        milestone.from = Anchor::event;
        milestone.from_event = name;
        return;
    }
    Keys options = names_in(anchor_names);
    options.insert(options.end(), types.begin(), types.end());
    reader.fail(*node, fmt::format("unknown anchor '{}'{}", name,
                                   did_you_mean(name, options,
                                                fmt::format("; use one of: {}, or an event type "
                                                            "such as 'meeting'",
                                                            joined(names_in(anchor_names))))));
}

void read_met_by(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    const toml::node* node = reader.typed_at(table, "met_by", toml::node_type::string);
    if (node == nullptr) return;
    milestone.met_by = std::string(node->as_string()->get());
    const auto& types = event_type_names();
    if (std::find(types.begin(), types.end(), milestone.met_by) != types.end()) return;
    reader.fail(*node, fmt::format("'met_by' = \"{}\" is not an event type{}", milestone.met_by,
                                   use_one_of(milestone.met_by, views_of(types))));
}

/// `every = "20 working days"`: a milestone that comes round again after each meeting event.
void read_repeat(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    milestone.every = reader.period_at(table, "every");
    if (milestone.every && milestone.every->count <= 0) {
        reader.fail(*table.get("every"), fmt::format("'every' must be longer than nothing, not "
                                                     "\"{}\"",
                                                     describe(*milestone.every)));
    }
}

Milestone read_milestone(TomlReader& reader, const toml::table& table) {
    const std::string_view where = milestone_schema.where;
    reader.check_keys(table, milestone_schema);
    Milestone milestone;
    milestone.line = static_cast<int>(table.source().begin.line);
    milestone.id = reader.name_at(table, "id", where);
    milestone.title = table.contains("title") ? reader.text_at(table, "title") : milestone.id;
    read_repeat(reader, table, milestone);
    if (milestone.every && !table.contains("within")) {
        milestone.period = *milestone.every;
    } else if (reader.require(table, "within", where)) {
        if (auto period = reader.period_at(table, "within")) milestone.period = *period;
    }
    read_anchor(reader, table, milestone);
    if (reader.require(table, "met_by", where)) read_met_by(reader, table, milestone);
    if (auto party = reader.choice_at(table, "party", party_names, "party"))
        milestone.party = *party;
    read_counting(reader, table, milestone);
    milestone.max_extension = reader.period_at(table, "max_extension");
    milestone.extension_needs_reason = reader.flag_at(table, "extension_needs_reason");
    milestone.action = reader.text_at(table, "action");
    return milestone;
}

void read_entry(TomlReader& reader, const toml::table& table, bool first, Stage& stage) {
    if (!table.contains("entry")) {
        stage.entry = {first ? Entry::receipt : Entry::escalation};
        return;
    }
    for (const TextItem& item : reader.texts_at(table, "entry", SingleText::is_list)) {
        if (auto entry = reader.choice(item, entry_names, "entry")) stage.entry.push_back(*entry);
    }
    if (stage.entry.empty() && !reader.failed()) {
        reader.fail(*table.get("entry"), fmt::format("'entry' must list at least one of: {}",
                                                     joined(names_in(entry_names))));
    }
    bool on_receipt =
        std::find(stage.entry.begin(), stage.entry.end(), Entry::receipt) != stage.entry.end();
    if (first && !on_receipt && !reader.failed()) {
        reader.fail(*table.get("entry"), fmt::format("the first stage '{}' must be entered on "
                                                     "receipt: add \"receipt\" to its 'entry'",
                                                     stage.id));
    }
}

/// `start_if_severity` or `start_if_category`: names that must be in the `[intake]` list of
/// that kind when the policy gives one.
std::vector<std::string> start_if(TomlReader& reader, const toml::table& table,
                                  std::string_view kind, const std::vector<std::string>& known) {
    std::vector<std::string> out;
    const std::string key = fmt::format("start_if_{}", kind);
    for (const TextItem& item : reader.texts_at(table, key, SingleText::is_list)) {
        if (!known.empty() && std::find(known.begin(), known.end(), item.text) == known.end()) {
            reader.fail(*item.node, fmt::format("{} '{}' is not in [intake] {}{}", kind, item.text,
                                                kind == "category" ? "categories" : "severities",
                                                use_one_of(item.text, views_of(known))));
        }
        out.push_back(item.text);
    }
    return out;
}

void read_start_if(TomlReader& reader, const toml::table& table, const Policy& policy,
                   Stage& stage) {
    stage.start_if_severity = start_if(reader, table, "severity", policy.severities);
    stage.start_if_category = start_if(reader, table, "category", policy.categories);
}

void read_milestones(TomlReader& reader, const toml::table& table, Stage& stage) {
    for (const toml::table* entry : reader.tables_at(table, "milestone", milestone_schema.where)) {
        Milestone milestone = read_milestone(reader, *entry);
        if (reader.failed()) return;
        if (std::any_of(stage.milestones.begin(), stage.milestones.end(),
                        [&](const Milestone& m) { return m.id == milestone.id; })) {
            reader.fail(*entry->get("id"), fmt::format("stage '{}' already has a milestone '{}'",
                                                       stage.id, milestone.id));
        }
        stage.milestones.push_back(std::move(milestone));
    }
}

Stage read_stage(TomlReader& reader, const toml::table& table, const Policy& policy) {
    reader.check_keys(table, stage_schema);
    Stage stage;
    stage.id = reader.name_at(table, "id", stage_schema.where);
    stage.title = table.contains("title") ? reader.text_at(table, "title") : stage.id;
    stage.handler = reader.text_at(table, "handler");
    read_entry(reader, table, policy.stages.empty(), stage);
    read_start_if(reader, table, policy, stage);
    read_milestones(reader, table, stage);
    return stage;
}

void read_stages(TomlReader& reader, const toml::table& root, Policy& policy) {
    for (const toml::table* table : reader.tables_at(root, "stage", stage_schema.where)) {
        Stage stage = read_stage(reader, *table, policy);
        if (reader.failed()) return;
        if (policy.find_stage(stage.id) != nullptr) {
            reader.fail(*table->get("id"), fmt::format("there is already a stage '{}'", stage.id));
        }
        policy.stages.push_back(std::move(stage));
    }
    if (policy.stages.empty() && !reader.failed()) {
        reader.fail_at(1, 1, "the policy has no stages: add at least one [[stage]]");
    }
}

// --- the whole file -----------------------------------------------------------------------

Result<toml::table> parse_toml(std::string_view text, std::string_view path) {
    if (text.size() > max_policy_bytes) {
        return data_error(std::string(path), 0, 0, "the policy file is larger than 1 MB");
    }
    return parse_toml_file(text, path);
}

} // namespace

std::optional<Anchor> parse_anchor(std::string_view text) {
    return value_named(anchor_names, text);
}

std::string anchor_name(Anchor anchor) {
    if (anchor == Anchor::event) return "event";
    return std::string(name_of(anchor_names, anchor));
}

std::string anchor_name(const Milestone& milestone) {
    return milestone.from == Anchor::event ? milestone.from_event : anchor_name(milestone.from);
}

const Stage* Policy::find_stage(std::string_view stage_id) const {
    int index = stage_index(stage_id);
    return index < 0 ? nullptr : &stages[static_cast<std::size_t>(index)];
}

int Policy::stage_index(std::string_view stage_id) const {
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].id == stage_id) return static_cast<int>(i);
    }
    return -1;
}

const Stage& Policy::first_stage_for(std::string_view severity, std::string_view category) const {
    static const Stage no_stage;
    auto lists = [](const std::vector<std::string>& list, std::string_view name) {
        return !name.empty() && std::find(list.begin(), list.end(), name) != list.end();
    };
    for (const Stage& stage : stages)
        if (lists(stage.start_if_severity, severity) || lists(stage.start_if_category, category))
            return stage;
    return stages.empty() ? no_stage : stages.front();
}

Result<Policy> parse_policy(std::string_view text, std::string_view path) {
    Result<toml::table> root = parse_toml(text, path);
    if (!root) return root.error();
    TomlReader reader(path);
    reader.check_keys(*root, top_schema);
    Policy policy;
    read_about(reader, *root, policy);
    read_calendar(reader, *root, policy);
    read_intake(reader, *root, policy);
    read_outcome(reader, *root, policy);
    read_contacts(reader, *root, policy);
    read_stages(reader, *root, policy);
    return reader.result(std::move(policy));
}

const std::vector<std::string>& event_type_names() {
    return all_event_types();
}

std::optional<Day> review_due(const Policy& policy) {
    if (!policy.last_reviewed || !policy.review_every) return std::nullopt;
    CalendarSpec spec = policy.calendar;
    spec.zone_name = "UTC"; // a review date is a day; the zone does not matter
    auto calendar = WorkingCalendar::make(spec);
    if (!calendar) return std::nullopt;
    Instant start = start_of_day(*policy.last_reviewed, calendar->zone());
    return due_after(start, *policy.review_every, Counting{}, *calendar).day;
}

std::optional<std::string> review_overdue(const Policy& policy, Day today) {
    auto due = review_due(policy);
    if (!due || today <= *due) return std::nullopt;
    return fmt::format("policy {} {} is overdue for review: last reviewed {}, to be reviewed "
                       "every {}, so due by {}",
                       policy.id, policy.version, format_day(*policy.last_reviewed),
                       describe(*policy.review_every), format_day(*due));
}

std::vector<std::string> review_warnings(const std::vector<Policy>& policies, Day today) {
    std::vector<std::string> out;
    for (const Policy& policy : policies) {
        bool newer = std::any_of(policies.begin(), policies.end(), [&](const Policy& other) {
            return other.id == policy.id && other.version > policy.version;
        });
        if (newer) continue;
        if (auto warning = review_overdue(policy, today)) out.push_back(*warning);
    }
    return out;
}

} // namespace complaints
