#include "complaints/policy.hpp"
#include "complaints/spelling.hpp"

#include "complaints/complaint.hpp"
#include "toml_input.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

namespace complaints {

namespace {

using Keys = std::initializer_list<std::string_view>;
using Names = std::vector<std::string_view>;

constexpr std::size_t max_policy_bytes = 1024 * 1024;

const Names anchor_names{"receipt", "stage-start", "escalation-request", "acknowledgement",
                         "outcome"};
const Names entry_names{"receipt", "escalation", "request"};
const Names party_names{"staff", "complainant"};
const Names weekday_names{"monday", "tuesday",  "wednesday", "thursday",
                          "friday", "saturday", "sunday"};
const Names division_names{"england-and-wales", "scotland", "northern-ireland", "none"};
const Names intake_field_names{"name",   "contact",  "channel",  "summary",  "details", "occurred",
                               "people", "evidence", "severity", "category", "handler"};

const Keys top_keys{"policy", "calendar", "intake", "outcome", "contact", "stage"};
const Keys policy_keys{"id",     "version",       "title",       "organisation",
                       "source", "last_reviewed", "review_every"};
const Keys calendar_keys{"time_zone", "working_week", "bank_holidays",
                         "closures",  "working_days", "due_soon"};
const Keys closure_keys{"date", "from", "to", "name"};
const Keys intake_keys{"channels", "required", "severities", "categories"};
const Keys outcome_keys{"remedies"};
const Keys contact_keys{"role", "name", "phone", "email", "address", "url"};
const Keys stage_keys{
    "id", "title", "handler", "entry", "start_if_severity", "start_if_category", "milestone"};
const Keys milestone_keys{"id",
                          "title",
                          "within",
                          "every",
                          "from",
                          "met_by",
                          "party",
                          "beginning_with",
                          "roll_forward",
                          "from_working_day",
                          "max_extension",
                          "extension_needs_reason",
                          "action"};

/// The closest of `options` to `word` within two edits, or empty.
template <class Range> std::string closest(std::string_view word, const Range& options) {
    return closest_spelling(word,
                            std::vector<std::string_view>(std::begin(options), std::end(options)));
}

template <class Range> std::string joined(const Range& options) {
    std::string out;
    for (const auto& option : options)
        out += (out.empty() ? "" : ", ") + std::string(option);
    return out;
}

/// "; did you mean 'x'?" or "; use one of: a, b, c".
template <class Range> std::string hint(std::string_view word, const Range& options) {
    std::string best = closest(word, options);
    if (!best.empty()) return fmt::format("; did you mean '{}'?", best);
    return fmt::format("; use one of: {}", joined(options));
}

std::string describe_type(toml::node_type type) {
    switch (type) {
    case toml::node_type::string:
        return "text in quotes";
    case toml::node_type::integer:
        return "a whole number";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "true or false";
    case toml::node_type::date:
        return "a date such as 2024-03-05";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date and time";
    case toml::node_type::array:
        return "a list in [ ]";
    case toml::node_type::table:
        return "a table";
    default:
        return "nothing";
    }
}

bool is_name(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-') return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

/// "Staff Conduct" -> "staff-conduct", to suggest a valid name.
std::string to_name(std::string_view text) {
    std::string out;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Collects the first problem found; later reads become no-ops in effect.
class Reader {
  public:
    explicit Reader(std::string_view path) : path_(path) {}
    bool failed() const { return error_.has_value(); }
    const Error& error() const { return *error_; }
    const std::string& path() const { return path_; }

    void fail(const toml::source_region& where, std::string message) {
        fail_at(static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                std::move(message));
    }
    void fail_at(int line, int column, std::string message) {
        if (!error_) error_ = data_error(path_, line, column, std::move(message));
    }

  private:
    std::string path_;
    std::optional<Error> error_;
};

/// A text value with where it was written.
struct Item {
    std::string text;
    const toml::node* node;
};

bool before(const toml::source_region& a, const toml::source_region& b) {
    return std::pair(a.begin.line, a.begin.column) < std::pair(b.begin.line, b.begin.column);
}

/// Reports the first key (in file order) that `allowed` does not list.
void check_keys(Reader& reader, const toml::table& table, Keys allowed, std::string_view where) {
    const toml::key* unknown = nullptr;
    for (auto&& [key, value] : table) {
        if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
        if (unknown == nullptr || before(key.source(), unknown->source())) unknown = &key;
    }
    if (unknown == nullptr) return;
    std::string_view name = unknown->str();
    std::string best = closest(name, allowed);
    std::string help = best.empty() ? fmt::format("; valid keys: {}", joined(allowed))
                                    : fmt::format("; did you mean '{}'?", best);
    reader.fail(unknown->source(), fmt::format("unknown key '{}' in {}{}", name, where, help));
}

/// The node at `key` if it is there and of `type`; a wrong type is an error.
const toml::node* typed(Reader& reader, const toml::table& table, std::string_view key,
                        toml::node_type type) {
    const toml::node* node = table.get(key);
    if (node == nullptr || node->type() == type) return node;
    reader.fail(node->source(), fmt::format("'{}' must be {}, not {}", key, describe_type(type),
                                            describe_type(node->type())));
    return nullptr;
}

const toml::table* sub_table(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = typed(reader, table, key, toml::node_type::table);
    return node ? node->as_table() : nullptr;
}

bool require(Reader& reader, const toml::table& table, std::string_view key,
             std::string_view where) {
    if (table.contains(key)) return true;
    reader.fail(table.source(), fmt::format("missing '{}' in {}", key, where));
    return false;
}

std::string text(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = typed(reader, table, key, toml::node_type::string);
    return node ? std::string(node->as_string()->get()) : std::string{};
}

bool flag(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = typed(reader, table, key, toml::node_type::boolean);
    return node ? node->as_boolean()->get() : false;
}

/// A name (lowercase letters, digits, '-') such as an id; `key` must be present.
std::string name_at(Reader& reader, const toml::table& table, std::string_view key,
                    std::string_view where) {
    if (!require(reader, table, key, where)) return {};
    std::string value = text(reader, table, key);
    if (!reader.failed() && !is_name(value)) {
        reader.fail(table.get(key)->source(),
                    fmt::format("'{}' = \"{}\" is not a valid name: use lowercase letters, "
                                "digits and '-', e.g. \"{}\"",
                                key, value, to_name(value).empty() ? "local" : to_name(value)));
    }
    return value;
}

std::optional<Period> period_of(Reader& reader, const toml::node& node, std::string_view key) {
    std::string_view value = node.as_string()->get();
    Result<Period> period = parse_period(value);
    if (period) return *period;
    reader.fail(node.source(), fmt::format("'{}': {}", key, period.error().message));
    return std::nullopt;
}

std::optional<Period> period_at(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = typed(reader, table, key, toml::node_type::string);
    return node ? period_of(reader, *node, key) : std::nullopt;
}

std::optional<Day> day_of(Reader& reader, const toml::node& node, std::string_view key) {
    if (const auto* value = node.as_date()) {
        toml::date d = value->get();
        return Day{date::year{d.year} / date::month{d.month} / date::day{d.day}};
    }
    if (const auto* value = node.as_string()) {
        Result<Day> day = parse_day(value->get());
        if (day) return *day;
    }
    reader.fail(node.source(), fmt::format("'{}' must be a date such as 2024-03-05, not {}", key,
                                           describe_type(node.type())));
    return std::nullopt;
}

std::optional<Day> day_at(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node ? day_of(reader, *node, key) : std::nullopt;
}

/// Text items of a list (a single text is a list of one).
std::vector<Item> items(Reader& reader, const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return {};
    if (const auto* single = node->as_string()) return {{std::string(single->get()), node}};
    const toml::node* list = typed(reader, table, key, toml::node_type::array);
    if (list == nullptr) return {};
    std::vector<Item> out;
    for (const toml::node& element : *list->as_array()) {
        if (const auto* value = element.as_string()) {
            out.push_back({std::string(value->get()), &element});
            continue;
        }
        reader.fail(element.source(), fmt::format("'{}' must list text in quotes, not {}", key,
                                                  describe_type(element.type())));
    }
    return out;
}

/// A list of distinct names (lowercase letters, digits, '-').
std::vector<std::string> names(Reader& reader, const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    for (const Item& item : items(reader, table, key)) {
        if (!is_name(item.text)) {
            reader.fail(item.node->source(),
                        fmt::format("'{}': \"{}\" is not a valid name: use lowercase letters, "
                                    "digits and '-', e.g. \"{}\"",
                                    key, item.text, to_name(item.text)));
        } else if (std::find(out.begin(), out.end(), item.text) != out.end()) {
            reader.fail(item.node->source(),
                        fmt::format("'{}': \"{}\" is listed twice", key, item.text));
        }
        out.push_back(item.text);
    }
    return out;
}

/// The index of `item` among `options`, or -1 after reporting it.
template <class Range>
int choose(Reader& reader, const Item& item, const Range& options, std::string_view what) {
    auto found = std::find(options.begin(), options.end(), item.text);
    if (found != options.end()) return static_cast<int>(found - options.begin());
    reader.fail(item.node->source(),
                fmt::format("unknown {} '{}'{}", what, item.text, hint(item.text, options)));
    return -1;
}

/// A single-choice text value, e.g. `from = "stage-start"`; -1 when absent or wrong.
template <class Range>
int choice_at(Reader& reader, const toml::table& table, std::string_view key, const Range& options,
              std::string_view what) {
    const toml::node* node = typed(reader, table, key, toml::node_type::string);
    if (node == nullptr) return -1;
    return choose(reader, Item{std::string(node->as_string()->get()), node}, options, what);
}

// --- [policy] -----------------------------------------------------------------------------

std::string version_at(Reader& reader, const toml::table& table) {
    if (!require(reader, table, "version", "[policy]")) return {};
    const toml::node* node = table.get("version");
    if (node->is_date()) return format_day(*day_of(reader, *node, "version"));
    std::string version = text(reader, table, "version");
    if (!reader.failed() && version.empty()) reader.fail(node->source(), "'version' is empty");
    return version;
}

void read_about(Reader& reader, const toml::table& root, Policy& policy) {
    if (!root.contains("policy")) {
        reader.fail_at(1, 1, "missing [policy] table (it holds the policy's id and version)");
        return;
    }
    const toml::table* table = sub_table(reader, root, "policy");
    if (table == nullptr) return;
    check_keys(reader, *table, policy_keys, "[policy]");
    policy.id = name_at(reader, *table, "id", "[policy]");
    policy.version = version_at(reader, *table);
    policy.title = text(reader, *table, "title");
    policy.organisation = text(reader, *table, "organisation");
    policy.source = text(reader, *table, "source");
    policy.last_reviewed = day_at(reader, *table, "last_reviewed");
    policy.review_every = period_at(reader, *table, "review_every");
}

// --- [calendar] ---------------------------------------------------------------------------

void read_zone(Reader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* node = typed(reader, table, "time_zone", toml::node_type::string);
    if (node == nullptr) return;
    spec.zone_name = std::string(node->as_string()->get());
    if (!find_zone(spec.zone_name)) {
        reader.fail(node->source(), fmt::format("unknown time zone '{}'; use an IANA name such as "
                                                "'Europe/London'",
                                                spec.zone_name));
    }
}

void read_working_week(Reader& reader, const toml::table& table, CalendarSpec& spec) {
    if (!table.contains("working_week")) return;
    std::vector<Item> days = items(reader, table, "working_week");
    spec.working_week.fill(false);
    for (Item& day : days) {
        day.text = lowercase(day.text);
        auto abbreviated = std::find_if(weekday_names.begin(), weekday_names.end(),
                                        [&](auto name) { return name.substr(0, 3) == day.text; });
        if (abbreviated != weekday_names.end()) day.text = std::string(*abbreviated);
        int index = choose(reader, day, weekday_names, "day");
        if (index >= 0) spec.working_week[static_cast<std::size_t>(index)] = true;
    }
    if (days.empty() && !reader.failed()) {
        reader.fail(table.get("working_week")->source(),
                    "'working_week' must list at least one day");
    }
}

void read_division(Reader& reader, const toml::table& table, CalendarSpec& spec) {
    int index = choice_at(reader, table, "bank_holidays", division_names, "bank_holidays");
    if (index >= 0) spec.division = *parse_division(division_names[index]);
}

/// `{ date = ..., name = ... }` or `{ from = ..., to = ..., name = ... }` or a bare date.
void read_closure(Reader& reader, const toml::node& node, CalendarSpec& spec) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
        const auto* text = node.as_string();
        if (text && !parse_day(text->get())) {
            reader.fail(node.source(),
                        "each closure is a date, { date = 2026-08-03, name = \"...\" } or "
                        "{ from = 2026-12-24, to = 2026-12-31, name = \"...\" }, not text in "
                        "quotes");
            return;
        }
        if (auto day = day_of(reader, node, "closures")) spec.closures.push_back({*day, "closure"});
        return;
    }
    check_keys(reader, *table, closure_keys, "closures");
    std::string name = text(reader, *table, "name");
    if (name.empty()) name = "closure";
    std::optional<Day> from = day_at(reader, *table, table->contains("date") ? "date" : "from");
    std::optional<Day> to = table->contains("to") ? day_at(reader, *table, "to") : from;
    if (reader.failed()) return;
    if (!from || !to) {
        reader.fail(table->source(), "a closure needs 'date' (one day) or 'from' and 'to'");
    } else if (*to < *from) {
        reader.fail(table->get("to")->source(), "a closure's 'to' is before its 'from'");
    } else if (*to - *from > date::days{366}) {
        reader.fail(table->get("to")->source(), "a closure may last a year at most: give each "
                                                "year's closures separately");
    } else {
        for (Day day = *from; day <= *to; day += date::days{1})
            spec.closures.push_back({day, name});
    }
}

void read_closures(Reader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* list = typed(reader, table, "closures", toml::node_type::array);
    if (list == nullptr) return;
    for (const toml::node& element : *list->as_array())
        read_closure(reader, element, spec);
}

void read_working_days(Reader& reader, const toml::table& table, CalendarSpec& spec) {
    const toml::node* list = typed(reader, table, "working_days", toml::node_type::array);
    if (list == nullptr) return;
    for (const toml::node& element : *list->as_array()) {
        if (auto day = day_of(reader, element, "working_days")) spec.extra_working.push_back(*day);
    }
}

void read_calendar(Reader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = sub_table(reader, root, "calendar");
    if (table == nullptr) return;
    check_keys(reader, *table, calendar_keys, "[calendar]");
    read_zone(reader, *table, policy.calendar);
    read_working_week(reader, *table, policy.calendar);
    read_division(reader, *table, policy.calendar);
    read_closures(reader, *table, policy.calendar);
    read_working_days(reader, *table, policy.calendar);
    if (auto due_soon = period_at(reader, *table, "due_soon")) policy.due_soon = *due_soon;
}

// --- [intake], [outcome], [[contact]] -----------------------------------------------------

void read_intake(Reader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = sub_table(reader, root, "intake");
    if (table == nullptr) return;
    check_keys(reader, *table, intake_keys, "[intake]");
    policy.channels = names(reader, *table, "channels");
    for (const Item& field : items(reader, *table, "required")) {
        if (choose(reader, field, intake_field_names, "intake field") >= 0) {
            policy.required_fields.push_back(field.text);
        }
    }
    policy.severities = names(reader, *table, "severities");
    policy.categories = names(reader, *table, "categories");
}

void read_outcome(Reader& reader, const toml::table& root, Policy& policy) {
    const toml::table* table = sub_table(reader, root, "outcome");
    if (table == nullptr) return;
    check_keys(reader, *table, outcome_keys, "[outcome]");
    policy.remedies = names(reader, *table, "remedies");
}

/// The tables of an array of tables such as `[[stage]]`.
std::vector<const toml::table*> table_list(Reader& reader, const toml::table& table,
                                           std::string_view key, std::string_view where) {
    const toml::node* single = table.get(key);
    if (single != nullptr && single->is_table()) {
        reader.fail(single->source(), fmt::format("write {} with double brackets: a policy may "
                                                  "have several",
                                                  where));
        return {};
    }
    const toml::node* node = typed(reader, table, key, toml::node_type::array);
    if (node == nullptr) return {};
    std::vector<const toml::table*> out;
    for (const toml::node& element : *node->as_array()) {
        if (element.is_table())
            out.push_back(element.as_table());
        else
            reader.fail(element.source(), fmt::format("each {} must be a table", where));
    }
    return out;
}

void read_contacts(Reader& reader, const toml::table& root, Policy& policy) {
    for (const toml::table* table : table_list(reader, root, "contact", "[[contact]]")) {
        check_keys(reader, *table, contact_keys, "[[contact]]");
        Contact contact{text(reader, *table, "role"),    text(reader, *table, "name"),
                        text(reader, *table, "phone"),   text(reader, *table, "email"),
                        text(reader, *table, "address"), text(reader, *table, "url")};
        policy.contacts.push_back(std::move(contact));
    }
}

// --- [[stage]] and [[stage.milestone]] ----------------------------------------------------

void read_counting(Reader& reader, const toml::table& table, Milestone& milestone) {
    milestone.counting.beginning_with = flag(reader, table, "beginning_with");
    milestone.counting.roll_forward = flag(reader, table, "roll_forward");
    milestone.counting.from_working_day = flag(reader, table, "from_working_day");
    bool hours = milestone.period.unit == Unit::hours;
    for (std::string_view key : {"beginning_with", "roll_forward", "from_working_day"}) {
        if (hours && flag(reader, table, key)) {
            reader.fail(table.get(key)->source(),
                        fmt::format("'{}' applies only to day, week and month periods, not "
                                    "to \"{}\"",
                                    key, describe(milestone.period)));
        }
    }
}

/// `from`: a named anchor, or any event type ("within 5 working days of the meeting").
void read_anchor(Reader& reader, const toml::table& table, Milestone& milestone) {
    const toml::node* node = typed(reader, table, "from", toml::node_type::string);
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
    Names options(anchor_names);
    options.insert(options.end(), types.begin(), types.end());
    std::string best = closest(name, options);
    reader.fail(node->source(),
                best.empty() ? fmt::format("unknown anchor '{}'; use one of: {}, or an event "
                                           "type such as 'meeting'",
                                           name, joined(anchor_names))
                             : fmt::format("unknown anchor '{}'; did you mean '{}'?", name, best));
}

void read_met_by(Reader& reader, const toml::table& table, Milestone& milestone) {
    const toml::node* node = typed(reader, table, "met_by", toml::node_type::string);
    if (node == nullptr) return;
    milestone.met_by = std::string(node->as_string()->get());
    const auto& types = event_type_names();
    if (std::find(types.begin(), types.end(), milestone.met_by) != types.end()) return;
    reader.fail(node->source(), fmt::format("'met_by' = \"{}\" is not an event type{}",
                                            milestone.met_by, hint(milestone.met_by, types)));
}

/// `every = "20 working days"`: a milestone that comes round again after each meeting event.
void read_repeat(Reader& reader, const toml::table& table, Milestone& milestone) {
    milestone.every = period_at(reader, table, "every");
    if (milestone.every && milestone.every->count <= 0) {
        reader.fail(table.get("every")->source(),
                    fmt::format("'every' must be longer than nothing, not \"{}\"",
                                describe(*milestone.every)));
    }
}

Milestone read_milestone(Reader& reader, const toml::table& table) {
    constexpr std::string_view where = "[[stage.milestone]]";
    check_keys(reader, table, milestone_keys, where);
    Milestone milestone;
    milestone.line = static_cast<int>(table.source().begin.line);
    milestone.id = name_at(reader, table, "id", where);
    milestone.title = table.contains("title") ? text(reader, table, "title") : milestone.id;
    read_repeat(reader, table, milestone);
    if (milestone.every && !table.contains("within")) {
        milestone.period = *milestone.every;
    } else if (require(reader, table, "within", where)) {
        if (auto period = period_at(reader, table, "within")) milestone.period = *period;
    }
    read_anchor(reader, table, milestone);
    if (require(reader, table, "met_by", where)) read_met_by(reader, table, milestone);
    if (choice_at(reader, table, "party", party_names, "party") == 1) {
        milestone.party = Party::complainant;
    }
    read_counting(reader, table, milestone);
    milestone.max_extension = period_at(reader, table, "max_extension");
    milestone.extension_needs_reason = flag(reader, table, "extension_needs_reason");
    milestone.action = text(reader, table, "action");
    return milestone;
}

void read_entry(Reader& reader, const toml::table& table, bool first, Stage& stage) {
    if (!table.contains("entry")) {
        stage.entry = {first ? Entry::receipt : Entry::escalation};
        return;
    }
    for (const Item& item : items(reader, table, "entry")) {
        int index = choose(reader, item, entry_names, "entry");
        if (index >= 0) stage.entry.push_back(static_cast<Entry>(index));
    }
    if (stage.entry.empty() && !reader.failed()) {
        reader.fail(table.get("entry")->source(),
                    fmt::format("'entry' must list at least one of: {}", joined(entry_names)));
    }
    bool on_receipt =
        std::find(stage.entry.begin(), stage.entry.end(), Entry::receipt) != stage.entry.end();
    if (first && !on_receipt && !reader.failed()) {
        reader.fail(table.get("entry")->source(),
                    fmt::format("the first stage '{}' must be entered on receipt: add "
                                "\"receipt\" to its 'entry'",
                                stage.id));
    }
}

/// `start_if_severity` or `start_if_category`: names that must be in the `[intake]` list of
/// that kind when the policy gives one.
std::vector<std::string> start_if(Reader& reader, const toml::table& table, std::string_view kind,
                                  const std::vector<std::string>& known) {
    std::vector<std::string> out;
    for (const Item& item : items(reader, table, fmt::format("start_if_{}", kind))) {
        if (!known.empty() && std::find(known.begin(), known.end(), item.text) == known.end()) {
            reader.fail(item.node->source(),
                        fmt::format("{} '{}' is not in [intake] {}{}", kind, item.text,
                                    kind == "category" ? "categories" : "severities",
                                    hint(item.text, known)));
        }
        out.push_back(item.text);
    }
    return out;
}

void read_start_if(Reader& reader, const toml::table& table, const Policy& policy, Stage& stage) {
    stage.start_if_severity = start_if(reader, table, "severity", policy.severities);
    stage.start_if_category = start_if(reader, table, "category", policy.categories);
}

void read_milestones(Reader& reader, const toml::table& table, Stage& stage) {
    for (const toml::table* entry : table_list(reader, table, "milestone", "[[stage.milestone]]")) {
        Milestone milestone = read_milestone(reader, *entry);
        if (reader.failed()) return;
        if (std::any_of(stage.milestones.begin(), stage.milestones.end(),
                        [&](const Milestone& m) { return m.id == milestone.id; })) {
            reader.fail(
                entry->get("id")->source(),
                fmt::format("stage '{}' already has a milestone '{}'", stage.id, milestone.id));
        }
        stage.milestones.push_back(std::move(milestone));
    }
}

Stage read_stage(Reader& reader, const toml::table& table, const Policy& policy) {
    check_keys(reader, table, stage_keys, "[[stage]]");
    Stage stage;
    stage.id = name_at(reader, table, "id", "[[stage]]");
    stage.title = table.contains("title") ? text(reader, table, "title") : stage.id;
    stage.handler = text(reader, table, "handler");
    read_entry(reader, table, policy.stages.empty(), stage);
    read_start_if(reader, table, policy, stage);
    read_milestones(reader, table, stage);
    return stage;
}

void read_stages(Reader& reader, const toml::table& root, Policy& policy) {
    for (const toml::table* table : table_list(reader, root, "stage", "[[stage]]")) {
        Stage stage = read_stage(reader, *table, policy);
        if (reader.failed()) return;
        if (policy.find_stage(stage.id) != nullptr) {
            reader.fail(table->get("id")->source(),
                        fmt::format("there is already a stage '{}'", stage.id));
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
    auto found = std::find(anchor_names.begin(), anchor_names.end(), text);
    if (found == anchor_names.end()) return std::nullopt;
    return static_cast<Anchor>(found - anchor_names.begin());
}

std::string anchor_name(Anchor anchor) {
    if (anchor == Anchor::event) return "event";
    return std::string(anchor_names.at(static_cast<std::size_t>(anchor)));
}

std::string anchor_name(const Milestone& milestone) {
    return milestone.from == Anchor::event ? milestone.from_event : anchor_name(milestone.from);
}

const Stage* Policy::find_stage(std::string_view id) const {
    int index = stage_index(id);
    return index < 0 ? nullptr : &stages[static_cast<std::size_t>(index)];
}

int Policy::stage_index(std::string_view id) const {
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].id == id) return static_cast<int>(i);
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
    Reader reader(path);
    check_keys(reader, *root, top_keys, "the policy file");
    Policy policy;
    read_about(reader, *root, policy);
    read_calendar(reader, *root, policy);
    read_intake(reader, *root, policy);
    read_outcome(reader, *root, policy);
    read_contacts(reader, *root, policy);
    read_stages(reader, *root, policy);
    if (reader.failed()) return reader.error();
    return policy;
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
