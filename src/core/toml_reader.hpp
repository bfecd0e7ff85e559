#pragma once
/// One reader of TOML tables against a schema, for every file the register reads: policies,
/// calendar files, complaints and register.toml. It reads typed values (text, true or false,
/// lists of text, names, dates, moments, periods, a choice from a list) and tables; it reports
/// missing keys, values of the wrong type and unknown keys (the first in file order, with a
/// did-you-mean), each at path:line:col, and the first problem found wins. Each kind of file
/// keeps its own words for a wrong value (`Wording`), so its messages stay as its users and
/// its docs know them. Core-internal: it exposes toml++ types. `parse_toml_file`
/// (toml_input.hpp) parses the text; this reads what it parsed.

#include "complaints/names.hpp"
#include "complaints/period.hpp"
#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <utility>
#include <vector>

namespace complaints {

/// The calendar day a TOML date names.
Day day_of(const toml::date& date);

/// The moment a TOML date-time names; none when it has no offset (a local date-time names no
/// moment until a zone is chosen).
std::optional<Instant> instant_of(const toml::date_time& moment);

/// "text in quotes", "a whole number", "a list in [ ]", ...: a TOML type in plain words.
std::string_view describe_type(toml::node_type type);

/// "a, b, c".
std::string joined(const std::vector<std::string_view>& words);

/// `words` as views, to pass to `did_you_mean` and `use_one_of`.
std::vector<std::string_view> views_of(const std::vector<std::string>& words);

/// "; did you mean 'x'?" when `word` looks like a typo of one of `options`, else `otherwise`.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& options,
                         std::string_view otherwise = {});

/// "; did you mean 'x'?", else "; use one of: a, b, c".
std::string use_one_of(std::string_view word, const std::vector<std::string_view>& options);

/// Whether `text` is a name: lowercase letters, digits and '-', neither first nor last.
bool is_name(std::string_view text);

/// The name to suggest for `text`: "Staff Conduct" -> "staff-conduct" (empty when `text` has
/// no letters or digits).
std::string to_name(std::string_view text);

/// The keys of `table` in the order they are written in the file (toml++ sorts them).
std::vector<std::pair<const toml::key*, const toml::node*>>
keys_in_file_order(const toml::table& table);

/// What follows "unknown key 'k'" (and " in WHERE" when the schema names its table).
enum class KeyHelp {
    suggest_or_list, ///< "; did you mean 'x'?", else "; valid keys: a, b"
    suggest,         ///< "; did you mean 'x'?", else nothing
    only,            ///< " (only 'a' is allowed)": for a table of one key
};

/// The keys a table may hold, and how messages name the table.
struct TableSchema {
    std::string_view where;             ///< e.g. "[calendar]"; empty: messages do not name it
    std::vector<std::string_view> keys; ///< in the order docs list them (and hints try them)
    KeyHelp help = KeyHelp::suggest_or_list;
};

/// How one kind of file words a value of the wrong type, a missing key and a list of tables
/// written wrongly. Each is a message in which `{key}` stands for the key, `{where}` for the
/// table as the caller names it and `{found}` for what was written instead ("a whole
/// number"). The defaults are a policy's words.
struct Wording {
    std::string_view text = "'{key}' must be text in quotes, not {found}";
    std::string_view flag = "'{key}' must be true or false, not {found}";
    std::string_view day = "'{key}' must be a date such as 2024-03-05, not {found}";
    std::string_view moment =
        "'{key}' must be a date and time with an offset such as 2026-03-27T10:00:00+00:00, not "
        "{found}";
    std::string_view list = "'{key}' must be a list in [ ], not {found}";
    std::string_view list_item = "'{key}' must list text in quotes, not {found}";
    std::string_view table = "'{key}' must be a table, not {found}";
    /// A single `[table]` where a list of tables `[[table]]` belongs.
    std::string_view single_table = "write {where} with double brackets: a policy may have several";
    /// An item of a list of tables that is not a table.
    std::string_view not_table = "each {where} must be a table";
    std::string_view missing = "missing '{key}' in {where}";
};

/// Whether a date may also be written as text in quotes, "2024-03-05".
enum class QuotedDate { allowed, refused };

/// Whether one text in quotes stands for a list of one.
enum class SingleText { is_list, refused };

/// A text value and where it is written.
struct TextItem {
    std::string text;
    const toml::node* node = nullptr;
};

/// Reads the tables of one file. Every read reports what is wrong with what it read; only
/// the first problem is kept, so later reads can go on without checking (their problems are
/// dropped, and the values they return after a problem are not used).
class TomlReader {
  public:
    explicit TomlReader(std::string_view path, Wording wording = {});

    bool failed() const { return error_.has_value(); }
    const Error& error() const { return *error_; }
    const std::string& path() const { return path_; }

    /// `value`, or the first problem found.
    template <class T> Result<T> result(T value) const {
        if (error_) return *error_;
        return value;
    }

    /// Records a problem at `node`, `where` or `line`:`column` unless one is recorded.
    void fail(const toml::node& node, std::string message);
    void fail(const toml::source_region& where, std::string message);
    void fail_at(int line, int column, std::string message);

    /// Reports the first key of `table`, in file order, that `schema` does not list.
    void check_keys(const toml::table& table, const TableSchema& schema);

    /// Whether `table` holds `key`; reports it missing, at the table, when not.
    bool require(const toml::table& table, std::string_view key, std::string_view where);

    /// `node` when it is of `type`, else null after reporting the wrong type.
    const toml::node* typed(const toml::node& node, std::string_view key, toml::node_type type);
    /// The value at `key` when it is of `type`; null when absent, or wrong (reported).
    const toml::node* typed_at(const toml::table& table, std::string_view key,
                               toml::node_type type);

    // Values at `node`, named `key` in messages; none after a problem.
    std::optional<std::string> text(const toml::node& node, std::string_view key);
    std::optional<bool> flag(const toml::node& node, std::string_view key);
    std::optional<Day> day(const toml::node& node, std::string_view key, QuotedDate quoted);
    /// A date-time with an offset.
    std::optional<Instant> moment(const toml::node& node, std::string_view key);
    /// Text such as "10 working days" (`parse_period`).
    std::optional<Period> period(const toml::node& node, std::string_view key);
    /// A list of text; the items that are text when some are not.
    std::vector<TextItem> texts(const toml::node& node, std::string_view key, SingleText single);

    // The same at `key` in `table`, where absent is empty text, false, none or no items.
    std::string text_at(const toml::table& table, std::string_view key);
    bool flag_at(const toml::table& table, std::string_view key);
    std::optional<Day> day_at(const toml::table& table, std::string_view key, QuotedDate quoted);
    std::optional<Period> period_at(const toml::table& table, std::string_view key);
    std::vector<TextItem> texts_at(const toml::table& table, std::string_view key,
                                   SingleText single);

    /// The name at `key`, which `table` (named `where`) must hold, such as an id.
    std::string name_at(const toml::table& table, std::string_view key, std::string_view where);
    /// A list of distinct names at `key` (a single name is a list of one).
    std::vector<std::string> names_at(const toml::table& table, std::string_view key);

    /// The index in `options` of `item`; none after "unknown WHAT 'x'" with `use_one_of`.
    std::optional<std::size_t> choice(const TextItem& item,
                                      const std::vector<std::string_view>& options,
                                      std::string_view what);
    /// The value `item` names in `table`; none after reporting it as `choice` does.
    template <class Enum, std::size_t N>
    std::optional<Enum> choice(const TextItem& item, const NameTable<Enum, N>& table,
                               std::string_view what) {
        auto index = choice(item, names_in(table), what);
        if (!index) return std::nullopt;
        return table[*index].value;
    }
    /// The value named by the text at `key`; none when absent or wrong (reported).
    template <class Enum, std::size_t N>
    std::optional<Enum> choice_at(const toml::table& table, std::string_view key,
                                  const NameTable<Enum, N>& names, std::string_view what) {
        const toml::node* node = typed_at(table, key, toml::node_type::string);
        if (node == nullptr) return std::nullopt;
        return choice(TextItem{std::string(node->as_string()->get()), node}, names, what);
    }

    /// The table at `key`; null when absent, or not a table (reported).
    const toml::table* table_at(const toml::table& parent, std::string_view key);
    /// The tables of a list of tables such as `[[stage]]` (named `where`); none when absent.
    std::vector<const toml::table*> tables_at(const toml::table& parent, std::string_view key,
                                              std::string_view where);

  private:
    std::string worded(std::string_view form, std::string_view key, std::string_view where,
                       std::string_view found) const;
    void wrong_type(const toml::node& node, std::string_view key, std::string_view form);
    std::string_view form_for(toml::node_type type) const;

    std::string path_;
    Wording wording_;
    std::optional<Error> error_;
};

} // namespace complaints
