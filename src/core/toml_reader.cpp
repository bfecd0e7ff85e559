#include "toml_reader.hpp"

#include "complaints/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace complaints {

namespace {

bool lists(const std::vector<std::string_view>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool before(const toml::source_region& a, const toml::source_region& b) {
    return std::pair(a.begin.line, a.begin.column) < std::pair(b.begin.line, b.begin.column);
}

/// "unknown key 'k' in [table]; did you mean 'key'?" and the like, as `schema` asks.
std::string unknown_key_message(std::string_view key, const TableSchema& schema) {
    std::string message = fmt::format("unknown key '{}'", key);
    if (!schema.where.empty()) message += fmt::format(" in {}", schema.where);
    switch (schema.help) {
    case KeyHelp::suggest_or_list:
        return message +
               did_you_mean(key, schema.keys, fmt::format("; valid keys: {}", joined(schema.keys)));
    case KeyHelp::suggest:
        return message + did_you_mean(key, schema.keys);
    case KeyHelp::only:
        break;
    }
    std::vector<std::string> quoted;
    for (std::string_view allowed : schema.keys)
        quoted.push_back(fmt::format("'{}'", allowed));
    return message + fmt::format(" (only {} {} allowed)", fmt::join(quoted, ", "),
                                 quoted.size() == 1 ? "is" : "are");
}

} // namespace

Day day_of(const toml::date& date) {
    return Day{date::year{date.year} / date::month{date.month} / date::day{date.day}};
}

std::optional<Instant> instant_of(const toml::date_time& moment) {
    if (!moment.offset) return std::nullopt;
    const toml::time& time = moment.time;
    return Instant{day_of(moment.date).time_since_epoch()} + std::chrono::hours{time.hour} +
           std::chrono::minutes{time.minute} + std::chrono::seconds{time.second} -
           std::chrono::minutes{moment.offset->minutes};
}

std::string_view describe_type(toml::node_type type) {
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

std::string joined(const std::vector<std::string_view>& words) {
    return fmt::format("{}", fmt::join(words, ", "));
}

std::vector<std::string_view> views_of(const std::vector<std::string>& words) {
    return {words.begin(), words.end()};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& options,
                         std::string_view otherwise) {
    std::string best = closest_spelling(word, options);
    if (!best.empty()) return fmt::format("; did you mean '{}'?", best);
    return std::string(otherwise);
}

std::string use_one_of(std::string_view word, const std::vector<std::string_view>& options) {
    return did_you_mean(word, options, fmt::format("; use one of: {}", joined(options)));
}

bool is_name(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-') return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

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

std::vector<std::pair<const toml::key*, const toml::node*>>
keys_in_file_order(const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> keys;
    for (auto&& [key, node] : table)
        keys.emplace_back(&key, &node);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return before(a.first->source(), b.first->source());
    });
    return keys;
}

// --- problems -----------------------------------------------------------------------------

TomlReader::TomlReader(std::string_view path, Wording wording) : path_(path), wording_(wording) {}

void TomlReader::fail(const toml::node& node, std::string message) {
    fail(node.source(), std::move(message));
}

void TomlReader::fail(const toml::source_region& where, std::string message) {
    fail_at(static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
            std::move(message));
}

void TomlReader::fail_at(int line, int column, std::string message) {
    if (!error_) error_ = data_error(path_, line, column, std::move(message));
}

std::string TomlReader::worded(std::string_view form, std::string_view key, std::string_view where,
                               std::string_view found) const {
    return fmt::format(fmt::runtime(form), fmt::arg("key", key), fmt::arg("where", where),
                       fmt::arg("found", found));
}

void TomlReader::wrong_type(const toml::node& node, std::string_view key, std::string_view form) {
    fail(node, worded(form, key, "", describe_type(node.type())));
}

// --- keys ---------------------------------------------------------------------------------

void TomlReader::check_keys(const toml::table& table, const TableSchema& schema) {
    // The earliest unknown key, found without sorting: most tables have none.
    const toml::key* unknown = nullptr;
    for (auto&& [key, value] : table) {
        if (lists(schema.keys, key.str())) continue;
        if (unknown == nullptr || before(key.source(), unknown->source())) unknown = &key;
    }
    if (unknown != nullptr) fail(unknown->source(), unknown_key_message(unknown->str(), schema));
}

bool TomlReader::require(const toml::table& table, std::string_view key, std::string_view where) {
    if (table.contains(key)) return true;
    fail(table.source(), worded(wording_.missing, key, where, ""));
    return false;
}

// --- values at a node ---------------------------------------------------------------------

std::string_view TomlReader::form_for(toml::node_type type) const {
    switch (type) {
    case toml::node_type::boolean:
        return wording_.flag;
    case toml::node_type::date:
        return wording_.day;
    case toml::node_type::date_time:
        return wording_.moment;
    case toml::node_type::array:
        return wording_.list;
    case toml::node_type::table:
        return wording_.table;
    default:
        return wording_.text;
    }
}

const toml::node* TomlReader::typed(const toml::node& node, std::string_view key,
                                    toml::node_type type) {
    if (node.type() == type) return &node;
    wrong_type(node, key, form_for(type));
    return nullptr;
}

std::optional<std::string> TomlReader::text(const toml::node& node, std::string_view key) {
    if (const auto* value = node.as_string()) return std::string(value->get());
    wrong_type(node, key, wording_.text);
    return std::nullopt;
}

std::optional<bool> TomlReader::flag(const toml::node& node, std::string_view key) {
    if (const auto* value = node.as_boolean()) return value->get();
    wrong_type(node, key, wording_.flag);
    return std::nullopt;
}

std::optional<Day> TomlReader::day(const toml::node& node, std::string_view key,
                                   QuotedDate quoted) {
    if (const auto* value = node.as_date()) return day_of(value->get());
    if (const auto* value = node.as_string(); value && quoted == QuotedDate::allowed)
        if (Result<Day> parsed = parse_day(value->get())) return *parsed;
    wrong_type(node, key, wording_.day);
    return std::nullopt;
}

std::optional<Instant> TomlReader::moment(const toml::node& node, std::string_view key) {
    if (const auto* value = node.as_date_time())
        if (auto instant = instant_of(value->get())) return instant;
    wrong_type(node, key, wording_.moment);
    return std::nullopt;
}

std::optional<Period> TomlReader::period(const toml::node& node, std::string_view key) {
    std::optional<std::string> value = text(node, key);
    if (!value) return std::nullopt;
    Result<Period> parsed = parse_period(*value);
    if (parsed) return *parsed;
    fail(node, fmt::format("'{}': {}", key, parsed.error().message));
    return std::nullopt;
}

std::vector<TextItem> TomlReader::texts(const toml::node& node, std::string_view key,
                                        SingleText single) {
    if (const auto* value = node.as_string(); value && single == SingleText::is_list)
        return {{std::string(value->get()), &node}};
    const toml::node* list = typed(node, key, toml::node_type::array);
    if (list == nullptr) return {};
    std::vector<TextItem> out;
    for (const toml::node& element : *list->as_array()) {
        if (const auto* value = element.as_string())
            out.push_back({std::string(value->get()), &element});
        else
            wrong_type(element, key, wording_.list_item);
    }
    return out;
}

// --- values at a key ----------------------------------------------------------------------

const toml::node* TomlReader::typed_at(const toml::table& table, std::string_view key,
                                       toml::node_type type) {
    const toml::node* node = table.get(key);
    return node == nullptr ? nullptr : typed(*node, key, type);
}

std::string TomlReader::text_at(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::string{} : text(*node, key).value_or("");
}

bool TomlReader::flag_at(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node != nullptr && flag(*node, key).value_or(false);
}

std::optional<Day> TomlReader::day_at(const toml::table& table, std::string_view key,
                                      QuotedDate quoted) {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::nullopt : day(*node, key, quoted);
}

std::optional<Period> TomlReader::period_at(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::nullopt : period(*node, key);
}

std::vector<TextItem> TomlReader::texts_at(const toml::table& table, std::string_view key,
                                           SingleText single) {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::vector<TextItem>{} : texts(*node, key, single);
}

std::string TomlReader::name_at(const toml::table& table, std::string_view key,
                                std::string_view where) {
    if (!require(table, key, where)) return {};
    std::string value = text_at(table, key);
    if (!failed() && !is_name(value)) {
        std::string suggestion = to_name(value);
        fail(*table.get(key), fmt::format("'{}' = \"{}\" is not a valid name: use lowercase "
                                          "letters, digits and '-', e.g. \"{}\"",
                                          key, value, suggestion.empty() ? "local" : suggestion));
    }
    return value;
}

std::vector<std::string> TomlReader::names_at(const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    for (const TextItem& item : texts_at(table, key, SingleText::is_list)) {
        if (!is_name(item.text)) {
            fail(*item.node, fmt::format("'{}': \"{}\" is not a valid name: use lowercase "
                                         "letters, digits and '-', e.g. \"{}\"",
                                         key, item.text, to_name(item.text)));
        } else if (std::find(out.begin(), out.end(), item.text) != out.end()) {
            fail(*item.node, fmt::format("'{}': \"{}\" is listed twice", key, item.text));
        }
        out.push_back(item.text);
    }
    return out;
}

std::optional<std::size_t> TomlReader::choice(const TextItem& item,
                                              const std::vector<std::string_view>& options,
                                              std::string_view what) {
    auto found = std::find(options.begin(), options.end(), item.text);
    if (found != options.end()) return static_cast<std::size_t>(found - options.begin());
    fail(*item.node,
         fmt::format("unknown {} '{}'{}", what, item.text, use_one_of(item.text, options)));
    return std::nullopt;
}

// --- tables -------------------------------------------------------------------------------

const toml::table* TomlReader::table_at(const toml::table& parent, std::string_view key) {
    const toml::node* node = typed_at(parent, key, toml::node_type::table);
    return node == nullptr ? nullptr : node->as_table();
}

std::vector<const toml::table*>
TomlReader::tables_at(const toml::table& parent, std::string_view key, std::string_view where) {
    const toml::node* single = parent.get(key);
    if (single != nullptr && single->is_table()) {
        fail(*single, worded(wording_.single_table, key, where, ""));
        return {};
    }
    const toml::node* list = typed_at(parent, key, toml::node_type::array);
    if (list == nullptr) return {};
    std::vector<const toml::table*> out;
    for (const toml::node& element : *list->as_array()) {
        if (element.is_table())
            out.push_back(element.as_table());
        else
            fail(element, worded(wording_.not_table, key, where, describe_type(element.type())));
    }
    return out;
}

} // namespace complaints
