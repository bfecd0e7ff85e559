// Reading policies: a schema over the TOML reader, with the checks only a procedure needs.

#include "complaints/policy.hpp"

#include "complaints/complaint.hpp"
#include "complaints/spelling.hpp"
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

const TableSchema top_schema{
    "the policy file",
    {"policy", "calendar", "intake", "outcome", "people", "contact", "stage", "retention"}};
const TableSchema policy_schema{"[policy]",
                                {"id", "version", "title", "organisation", "source",
                                 "last_reviewed", "review_every", "review_starts_on_adoption"}};
const TableSchema calendar_schema{
    "[calendar]",
    {"time_zone", "working_week", "bank_holidays", "closures", "working_days", "due_soon"}};
const TableSchema closure_schema{"closures", {"date", "from", "to", "name"}};
const TableSchema intake_schema{
    "[intake]",
    {"channels", "channel_aliases", "required", "severities", "categories", "time_limit"}};
const TableSchema outcome_schema{"[outcome]", {"remedies", "findings"}};
const TableSchema retention_schema{"[retention]", {"keep", "from"}};
const TableSchema people_schema{
    "[[people]]", {"role", "title", "name", "phone", "email", "address", "url", "external"}};
const TableSchema contact_schema{"[[contact]]",
                                 {"role", "name", "phone", "email", "address", "url"}};
const TableSchema stage_schema{"[[stage]]",
                               {"id", "title", "handler", "handler_by_severity",
                                "handler_by_category", "entry", "start_if_severity",
                                "start_if_category", "idle_after", "action", "remedies_when_upheld",
                                "milestone"}};
const TableSchema milestone_schema{
    "[[stage.milestone]]",
    {"id", "title", "within", "every", "from", "met_by", "party", "beginning_with", "roll_forward",
     "from_working_day", "max_extension", "extension_without_reason", "extension_needs_reason",
     "late_extension", "whichever_later", "action", "contact"}};
const TableSchema later_schema{"whichever_later", {"within", "from"}};
const TableSchema time_limit_schema{"time_limit", {"within", "from", "whichever_later"}};

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
    policy.review_starts_on_adoption = reader.flag_at(*table, "review_starts_on_adoption");
}

// --- [calendar] ---------------------------------------------------------------------------

void read_zone(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* node = reader.typed_at(table, "time_zone", toml::node_type::string);
    if (node == nullptr) return;
    spec.zone_name = std::string(node->as_string()->get());
    if (auto zone = find_zone(spec.zone_name); !zone) reader.fail(*node, zone.error().message);
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
            spec.closures.emplace_back(*day, "closure");
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
        spec.closures.emplace_back(*from, *to, name); // a range, looked up as one
    }
}

void read_closures(TomlReader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* list = reader.typed_at(table, "closures", toml::node_type::array);
    if (list == nullptr) return;
    for (const toml::node& element : *list->as_array())
        read_closure(reader, element, spec);
}

/// Closures that leave no working day for years would make a search for one endless: an
/// error at `closures`, as `WorkingCalendar::make` words it.
void check_closures_end(TomlReader& reader, const toml::table& table, const CalendarSpec& spec) {
    const toml::node* list = table.get("closures");
    if (list == nullptr || reader.failed()) return;
    if (auto calendar = WorkingCalendar::make(spec); !calendar)
        reader.fail(*list, calendar.error().message);
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
    check_closures_end(reader, *table, policy.calendar);
    if (auto due_soon = reader.period_at(*table, "due_soon")) policy.due_soon = *due_soon;
}

// --- [intake], [outcome], [[contact]] -----------------------------------------------------

/// One `key = "text"` of an inline table, with where the key is written.
struct TextPair {
    std::string key;
    toml::source_region key_at;
    TextItem value;
};

/// The text values of an inline table such as `{ phone = "verbal" }`, in file order.
std::vector<TextPair> text_pairs(TomlReader& reader, const toml::table& table,
                                 std::string_view key) {
    const toml::node* node = reader.typed_at(table, key, toml::node_type::table);
    if (node == nullptr) return {};
    std::vector<TextPair> out;
    for (auto [name, value] : keys_in_file_order(*node->as_table())) {
        if (auto text = reader.text(*value, std::string(name->str())))
            out.push_back({std::string(name->str()), name->source(), TextItem{*text, value}});
    }
    return out;
}

/// `channel_aliases = { phone = "verbal" }`: each channel must be one of `channels`.
void read_channel_aliases(TomlReader& reader, const toml::table& table, Policy& policy) {
    for (const TextPair& alias : text_pairs(reader, table, "channel_aliases")) {
        if (!policy.channels.empty())
            reader.choice(alias.value, views_of(policy.channels), "channel");
        policy.channel_aliases.emplace_back(lowercase(alias.key), alias.value.text);
    }
}

/// The anchor named at `key` of `table`, one of `allowed` (what a policy writes in `from`).
std::optional<Anchor> read_named_anchor(TomlReader& reader, const toml::table& table,
                                        std::string_view where,
                                        std::initializer_list<Anchor> allowed) {
    const toml::node* from = reader.typed_at(table, "from", toml::node_type::string);
    if (from == nullptr) return std::nullopt;
    const std::string name(from->as_string()->get());
    const auto anchor = parse_anchor(name);
    const bool fits = anchor && (allowed.size() == 0 || std::find(allowed.begin(), allowed.end(),
                                                                  *anchor) != allowed.end());
    if (fits) return anchor;
    std::vector<std::string_view> names;
    for (Anchor each : allowed)
        names.push_back(name_of(anchor_names, each));
    reader.fail(*from, fmt::format("unknown anchor '{}' in {}; use one of: {}", name, where,
                                   joined(allowed.size() == 0 ? names_in(anchor_names) : names)));
    return std::nullopt;
}

/// `whichever_later = { within = "6 months", from = "known" }`: a second limit from a named
/// anchor, which applies when it ends later.
std::optional<LaterLimit> read_later_limit(TomlReader& reader, const toml::table& table,
                                           std::initializer_list<Anchor> allowed) {
    const toml::node* node = reader.typed_at(table, "whichever_later", toml::node_type::table);
    if (node == nullptr) return std::nullopt;
    const toml::table& later = *node->as_table();
    reader.check_keys(later, later_schema);
    LaterLimit limit;
    if (reader.require(later, "within", later_schema.where))
        if (auto period = reader.period_at(later, "within")) limit.period = *period;
    if (auto anchor = read_named_anchor(reader, later, "whichever_later", allowed))
        limit.from = *anchor;
    return limit;
}

/// `time_limit = "12 months"` (from when the matter became known, else happened), or
/// `time_limit = { within = "6 years", from = "occurred",
///                 whichever_later = { within = "3 years", from = "known" } }`.
void read_time_limit(TomlReader& reader, const toml::table& intake, Policy& policy) {
    const toml::node* node = intake.get("time_limit");
    if (node == nullptr) return;
    if (!node->is_table()) {
        if (auto period = reader.period_at(intake, "time_limit"))
            policy.time_limit = TimeLimit{*period, Anchor::known, std::nullopt};
        return;
    }
    const toml::table& table = *node->as_table();
    reader.check_keys(table, time_limit_schema);
    TimeLimit limit;
    if (reader.require(table, "within", time_limit_schema.where))
        if (auto period = reader.period_at(table, "within")) limit.period = *period;
    const std::initializer_list<Anchor> matter{Anchor::occurred, Anchor::known};
    if (auto anchor = read_named_anchor(reader, table, "time_limit", matter)) limit.from = *anchor;
    limit.whichever_later = read_later_limit(reader, table, matter);
    policy.time_limit = limit;
}

void read_intake(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "intake");
    if (table == nullptr) return;
    reader.check_keys(*table, intake_schema);
    policy.channels = reader.names_at(*table, "channels");
    read_channel_aliases(reader, *table, policy);
    for (const TextItem& field : reader.texts_at(*table, "required", SingleText::is_list)) {
        if (reader.choice(field, intake_field_names, "intake field")) {
            policy.required_fields.push_back(field.text);
        }
    }
    policy.severities = reader.names_at(*table, "severities");
    policy.categories = reader.names_at(*table, "categories");
    read_time_limit(reader, *table, policy);
}

void read_outcome(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "outcome");
    if (table == nullptr) return;
    reader.check_keys(*table, outcome_schema);
    policy.remedies = reader.names_at(*table, "remedies");
    if (table->contains("findings")) policy.findings = reader.names_at(*table, "findings");
}

/// `[retention] keep = "3 years"`, `from = "closed"` (the default) or "received".
void read_retention(TomlReader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = reader.table_at(root, "retention");
    if (table == nullptr) return;
    reader.check_keys(*table, retention_schema);
    if (!reader.require(*table, "keep", "[retention]")) return;
    Retention retention;
    if (auto keep = reader.period_at(*table, "keep")) retention.keep = *keep;
    if (auto from = reader.choice_at(*table, "from", retention_from_names, "[retention] from"))
        retention.from = *from;
    policy.retention = retention;
}

/// "complaints-officer" -> "Complaints officer": how a role without a title is said.
std::string title_of(std::string_view role) {
    std::string out(role);
    std::replace(out.begin(), out.end(), '-', ' ');
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

Person read_person(TomlReader& reader, const toml::table& table) {
    reader.check_keys(table, people_schema);
    Person person;
    person.role = reader.name_at(table, "role", people_schema.where);
    person.title = reader.text_at(table, "title");
    if (person.title.empty()) person.title = title_of(person.role);
    person.name = reader.text_at(table, "name");
    person.phone = reader.text_at(table, "phone");
    person.email = reader.text_at(table, "email");
    person.address = reader.text_at(table, "address");
    person.url = reader.text_at(table, "url");
    person.external = reader.flag_at(table, "external");
    return person;
}

/// `[[contact]]`, as older policy files name people: the role is words ("Complaints
/// contact"), which become the title; the role is made from them ("complaints-contact").
Person read_contact(TomlReader& reader, const toml::table& table) {
    reader.check_keys(table, contact_schema);
    Person person;
    person.title = reader.text_at(table, "role");
    person.role = to_name(person.title);
    person.name = reader.text_at(table, "name");
    person.phone = reader.text_at(table, "phone");
    person.email = reader.text_at(table, "email");
    person.address = reader.text_at(table, "address");
    person.url = reader.text_at(table, "url");
    return person;
}

void add_person(TomlReader& reader, const toml::table& table, Person person, Policy& policy) {
    if (!person.role.empty() && policy.person(person.role) != nullptr) {
        const toml::node* role = table.get("role");
        reader.fail(role ? role->source() : table.source(),
                    fmt::format("there is already a person with role '{}'", person.role));
    }
    policy.people.push_back(std::move(person));
}

void read_people(TomlReader& reader, const toml::table& root, Policy& policy) {
    for (const toml::table* table : reader.tables_at(root, "people", people_schema.where))
        add_person(reader, *table, read_person(reader, *table), policy);
    for (const toml::table* table : reader.tables_at(root, "contact", "[[contact]]"))
        add_person(reader, *table, read_contact(reader, *table), policy);
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

/// `met_by`: an event type, or a list of them, any of which meets the milestone.
void read_met_by(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    const auto& types = event_type_names();
    for (const TextItem& item : reader.texts_at(table, "met_by", SingleText::is_list)) {
        if (std::find(types.begin(), types.end(), item.text) == types.end()) {
            reader.fail(*item.node, fmt::format("'met_by' = \"{}\" is not an event type{}",
                                                item.text, use_one_of(item.text, views_of(types))));
        } else if (milestone.met_by.empty()) {
            milestone.met_by = item.text;
        } else {
            milestone.also_met_by.push_back(item.text);
        }
    }
    if (milestone.met_by.empty() && !reader.failed())
        reader.fail(*table.get("met_by"), "'met_by' must name at least one event type");
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

/// The caps on extensions, whether they need reasons, and what a late one does.
void read_extension_rules(TomlReader& reader, const toml::table& table, Milestone& milestone) {
    milestone.max_extension = reader.period_at(table, "max_extension");
    milestone.extension_without_reason = reader.period_at(table, "extension_without_reason");
    milestone.extension_needs_reason = reader.flag_at(table, "extension_needs_reason");
    if (auto late =
            reader.choice_at(table, "late_extension", late_extension_names, "late_extension"))
        milestone.late_extension = *late;
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
    read_extension_rules(reader, table, milestone);
    milestone.whichever_later = read_later_limit(reader, table, {});
    milestone.action = reader.text_at(table, "action");
    milestone.contact = reader.text_at(table, "contact");
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

/// A milestone's `contact`: the role of someone in `[[people]]`.
void check_contact(TomlReader& reader, const toml::table& table, const Milestone& milestone,
                   const Policy& policy) {
    if (milestone.contact.empty() || policy.person(milestone.contact) != nullptr) return;
    std::vector<std::string_view> roles;
    for (const Person& person : policy.people)
        roles.push_back(person.role);
    reader.fail(*table.get("contact"),
                fmt::format("'contact' = \"{}\" is not a role in [[people]]{}", milestone.contact,
                            use_one_of(milestone.contact, roles)));
}

void read_milestones(TomlReader& reader, const toml::table& table, const Policy& policy,
                     Stage& stage) {
    for (const toml::table* entry : reader.tables_at(table, "milestone", milestone_schema.where)) {
        Milestone milestone = read_milestone(reader, *entry);
        check_contact(reader, *entry, milestone, policy);
        if (reader.failed()) return;
        if (std::any_of(stage.milestones.begin(), stage.milestones.end(),
                        [&](const Milestone& m) { return m.id == milestone.id; })) {
            reader.fail(*entry->get("id"), fmt::format("stage '{}' already has a milestone '{}'",
                                                       stage.id, milestone.id));
        }
        stage.milestones.push_back(std::move(milestone));
    }
}

/// A handler as a stage names it: a role of `[[people]]` who is not an outside body, or, when
/// it is not written as a role, words ("Sarah Hall and an independent representative").
void check_handler(TomlReader& reader, const toml::node& node, const std::string& handler,
                   const Policy& policy) {
    if (const Person* person = policy.person(handler)) {
        if (person->external)
            reader.fail(node, fmt::format("'{}' is an outside body (external = true), not a "
                                          "handler",
                                          handler));
        return;
    }
    if (policy.people.empty() || !is_name(handler)) return;
    std::vector<std::string_view> roles;
    for (const Person& person : policy.people)
        if (!person.external) roles.push_back(person.role);
    reader.fail(node, fmt::format("handler '{}' is not a role in [[people]]{}", handler,
                                  use_one_of(handler, roles)));
}

/// `handler_by_severity = { serious = "committee" }`: the severities (or categories) must be
/// the policy's, the handlers roles or words as for `handler`.
std::vector<Route> read_routes(TomlReader& reader, const toml::table& table, std::string_view kind,
                               const std::vector<std::string>& known, const Policy& policy) {
    std::vector<Route> out;
    for (const TextPair& route : text_pairs(reader, table, fmt::format("handler_by_{}", kind))) {
        if (!known.empty() && std::find(known.begin(), known.end(), route.key) == known.end())
            reader.fail(route.key_at,
                        fmt::format("{} '{}' is not in [intake] {}{}", kind, route.key,
                                    kind == "category" ? "categories" : "severities",
                                    use_one_of(route.key, views_of(known))));
        check_handler(reader, *route.value.node, route.value.text, policy);
        out.push_back({route.key, route.value.text});
    }
    return out;
}

void read_handlers(TomlReader& reader, const toml::table& table, const Policy& policy,
                   Stage& stage) {
    stage.handler = reader.text_at(table, "handler");
    if (const toml::node* node = table.get("handler"); node && !reader.failed())
        check_handler(reader, *node, stage.handler, policy);
    stage.handler_by_severity = read_routes(reader, table, "severity", policy.severities, policy);
    stage.handler_by_category = read_routes(reader, table, "category", policy.categories, policy);
}

/// `remedies_when_upheld`: remedies of `[outcome]`, for a policy that can find "upheld".
void read_upheld_remedies(TomlReader& reader, const toml::table& table, const Policy& policy,
                          Stage& stage) {
    for (const TextItem& item :
         reader.texts_at(table, "remedies_when_upheld", SingleText::is_list)) {
        if (!policy.remedies.empty()) reader.choice(item, views_of(policy.remedies), "remedy");
        stage.remedies_when_upheld.push_back(item.text);
    }
    const auto& findings = policy.findings;
    if (!stage.remedies_when_upheld.empty() && !reader.failed() &&
        std::find(findings.begin(), findings.end(), "upheld") == findings.end())
        reader.fail(*table.get("remedies_when_upheld"),
                    "'remedies_when_upheld' needs \"upheld\" among [outcome] findings");
}

Stage read_stage(TomlReader& reader, const toml::table& table, const Policy& policy) {
    reader.check_keys(table, stage_schema);
    Stage stage;
    stage.id = reader.name_at(table, "id", stage_schema.where);
    stage.title = table.contains("title") ? reader.text_at(table, "title") : stage.id;
    read_handlers(reader, table, policy, stage);
    read_entry(reader, table, policy.stages.empty(), stage);
    read_start_if(reader, table, policy, stage);
    stage.idle_after = reader.period_at(table, "idle_after");
    stage.action = reader.text_at(table, "action");
    read_upheld_remedies(reader, table, policy, stage);
    read_milestones(reader, table, policy, stage);
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
    read_retention(reader, *root, policy);
    read_people(reader, *root, policy);
    read_stages(reader, *root, policy);
    return reader.result(std::move(policy));
}

} // namespace complaints
