#include "cli/import_csv.hpp"

#include "complaints/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <csv.h>
#include <fmt/format.h>
#include <map>

namespace complaints::cli {

namespace {

/// What libcsv's callbacks build: whole rows, and the cells of the row being read.
struct CsvRows {
    std::vector<SheetRow> rows;
    SheetRow current;
};

void end_of_cell(void* cell, std::size_t size, void* data) {
    auto* rows = static_cast<CsvRows*>(data);
    rows->current.emplace_back(cell == nullptr ? "" : std::string(static_cast<char*>(cell), size));
}

void end_of_row(int, void* data) {
    auto* rows = static_cast<CsvRows*>(data);
    rows->rows.push_back(std::move(rows->current));
    rows->current.clear();
}

/// Owns libcsv's parser state for the time of one parse.
class CsvParser {
  public:
    CsvParser() { ok_ = csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) == 0; }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    ~CsvParser() {
        if (ok_) csv_free(&parser_);
    }
    bool ok() const { return ok_; }
    csv_parser* get() { return &parser_; }

  private:
    csv_parser parser_{};
    bool ok_ = false;
};

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// A heading as a field name: trimmed, lower case, spaces and dashes as underscores.
std::string field_spelling(std::string_view heading) {
    std::string out = lowered(heading);
    out.erase(0, out.find_first_not_of(" \t"));
    out.erase(out.find_last_not_of(" \t") + 1);
    std::replace(out.begin(), out.end(), ' ', '_');
    std::replace(out.begin(), out.end(), '-', '_');
    if (out == "people") return "person"; // the complaint file's plural
    return out;
}

bool is_field(std::string_view name) {
    const auto& fields = sheet_fields();
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

/// `--map` values by heading (as field_spelling writes it).
Result<std::map<std::string, std::string>> read_maps(const std::vector<std::string>& maps) {
    std::map<std::string, std::string> by_heading;
    for (const std::string& map : maps) {
        const auto equals = map.find('=');
        if (equals == std::string::npos)
            return usage_error(fmt::format("--map '{}': write it HEADING=FIELD", map));
        std::string field = field_spelling(map.substr(equals + 1));
        if (!field.empty() && !is_field(field))
            return usage_error(fmt::format("--map '{}': '{}' is not an intake field; use one of {}",
                                           map, field, fmt::join(sheet_fields(), ", ")));
        by_heading[field_spelling(map.substr(0, equals))] = field;
    }
    return by_heading;
}

Error unknown_heading(std::string_view path, int column, const std::string& heading) {
    const auto& fields = sheet_fields();
    const std::string near = closest_spelling(
        field_spelling(heading), std::vector<std::string_view>(fields.begin(), fields.end()));
    return data_error(
        std::string(path), 1, column,
        fmt::format("heading '{}' is not an intake field{}; name its field with --map "
                    "'{}=FIELD' (or '{}=' to leave the column out); fields: {}",
                    heading, near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near),
                    heading, heading, fmt::join(fields, ", ")));
}

/// `27/03/2026` (optionally followed by a time) as ISO `2026-03-27`, or nothing when the text
/// does not start with a UK date.
std::optional<std::string> uk_as_iso(std::string_view text) {
    unsigned day = 0, month = 0, year = 0;
    int used = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%2u/%2u/%4u%n", &day, &month, &year, &used) != 3) return {};
    if (used < 8 || copy[static_cast<std::size_t>(used) - 5] != '/') return {}; // four-digit year
    return fmt::format("{:04}-{:02}-{:02}{}", year, month, day, copy.substr(used));
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find(';', start), text.size());
        if (std::string item = trimmed(text.substr(start, end - start)); !item.empty())
            items.push_back(item);
        start = end + 1;
    }
    return items;
}

/// The policy's own spelling of `severity`, matched whatever its case; empty when it has none.
std::string policy_severity(const Policy& policy, std::string_view severity) {
    if (policy.severities.empty()) return std::string(severity);
    for (const std::string& known : policy.severities)
        if (lowered(known) == lowered(severity)) return known;
    return {};
}

/// Reads one cell into `complaint`; an error message when the cell is not a valid value.
std::optional<std::string> set_field(Complaint& complaint, const std::string& field,
                                     const std::string& cell, const SheetContext& context) {
    if (field == "received") {
        auto moment = parse_sheet_moment(cell, context.zone);
        if (!moment) return moment.error().message;
        if (*moment > context.now) return "received after now (" + cell + ")";
        complaint.received = *moment;
    } else if (field == "known") {
        auto day = parse_sheet_day(cell);
        if (!day) return day.error().message;
        complaint.known_on = *day;
    } else if (field == "occurred") {
        auto day = parse_sheet_day(cell);
        if (day) {
            complaint.occurred_on = *day;
        } else if (auto range = parse_day_range(cell)) {
            complaint.occurred_on = range->from;
            if (range->until != range->from) complaint.occurred_until = range->until;
        } else {
            complaint.occurred = cell;
        }
    } else if (field == "person" || field == "evidence") {
        (field == "person" ? complaint.people : complaint.evidence) = split_list(cell);
    } else if (field == "severity") {
        complaint.severity = policy_severity(*context.policy, cell);
        if (complaint.severity.empty())
            return fmt::format("severity '{}' is not in policy {}: use one of {}", cell,
                               context.policy->id, fmt::join(context.policy->severities, ", "));
    } else if (field == "channel") {
        complaint.channel = context.policy->channel_for(cell);
    } else if (field == "category" || field == "handler") {
        (field == "category" ? complaint.category : complaint.handler) = cell;
    } else {
        *intake_text(complaint, field) = cell;
    }
    return {};
}

int column_of(const std::vector<std::string>& fields, std::string_view field) {
    auto found = std::find(fields.begin(), fields.end(), field);
    return found == fields.end() ? 1 : static_cast<int>(found - fields.begin()) + 1;
}

} // namespace

Result<std::vector<SheetRow>> parse_csv(std::string_view text, std::string_view path) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    CsvParser parser;
    if (!parser.ok()) return io_error("the CSV reader could not start");
    CsvRows rows;
    const std::size_t read =
        csv_parse(parser.get(), text.data(), text.size(), end_of_cell, end_of_row, &rows);
    if (read != text.size() ||
        csv_fini(parser.get(), end_of_cell, end_of_row, &rows) != CSV_SUCCESS)
        return data_error(std::string(path), static_cast<int>(rows.rows.size()) + 1,
                          static_cast<int>(rows.current.size()) + 1,
                          fmt::format("not valid CSV ({}): a quote out of place?",
                                      csv_strerror(csv_error(parser.get()))));
    return rows.rows;
}

const std::vector<std::string>& sheet_fields() {
    static const std::vector<std::string> fields{
        "received", "name",   "contact",  "channel",  "summary",  "details", "occurred",
        "known",    "person", "evidence", "severity", "category", "handler"};
    return fields;
}

Result<std::vector<std::string>> match_headings(const SheetRow& headings,
                                                const std::vector<std::string>& maps,
                                                std::string_view path) {
    auto by_heading = read_maps(maps);
    if (!by_heading) return by_heading.error();
    std::vector<std::string> fields;
    for (const std::string& heading : headings) {
        const std::string spelt = field_spelling(heading);
        auto mapped = by_heading->find(spelt);
        const int column = static_cast<int>(fields.size()) + 1;
        if (mapped != by_heading->end()) {
            fields.push_back(mapped->second);
            by_heading->erase(mapped);
        } else if (is_field(spelt)) {
            fields.push_back(spelt);
        } else {
            return unknown_heading(path, column, heading);
        }
        const std::string& field = fields.back();
        if (!field.empty() && std::count(fields.begin(), fields.end(), field) > 1)
            return data_error(
                std::string(path), 1, column,
                fmt::format("heading '{}': another column already fills '{}'", heading, field));
    }
    if (!by_heading->empty())
        return usage_error(
            fmt::format("--map: no heading '{}' in {}", by_heading->begin()->first, path));
    if (std::find(fields.begin(), fields.end(), "received") == fields.end())
        return data_error(std::string(path), 1, 1,
                          "no column for 'received': every complaint needs the date it came in "
                          "(--map 'HEADING=received' names yours)");
    return fields;
}

Result<Instant> parse_sheet_moment(std::string_view text, const date::time_zone* zone) {
    const std::string clean = trimmed(text);
    if (auto iso = uk_as_iso(clean)) {
        auto moment = parse_moment(*iso, zone);
        if (moment) return moment;
    }
    auto moment = parse_moment(clean, zone);
    if (moment) return moment;
    return usage_error(fmt::format("'{}' is not a date: write 2026-03-27 or 27/03/2026 "
                                   "(optionally with a time, 10:00)",
                                   clean));
}

Result<Day> parse_sheet_day(std::string_view text) {
    const std::string clean = trimmed(text);
    auto iso = uk_as_iso(clean);
    auto day = parse_day(iso ? *iso : clean);
    if (day) return day;
    return usage_error(fmt::format("'{}' is not a day: write 2026-03-27 or 27/03/2026", clean));
}

std::vector<Error> check_row(const std::vector<std::string>& fields, const SheetRow& cells, int row,
                             const SheetContext& context, Complaint& complaint) {
    if (cells.size() != fields.size())
        return {data_error(
            context.path, row, static_cast<int>(std::min(cells.size(), fields.size())) + 1,
            fmt::format("{} cells, but the heading row has {}", cells.size(), fields.size()))};
    complaint = Complaint{};
    complaint.policy = context.policy->id;
    complaint.policy_version = context.policy->version;
    std::vector<Error> errors;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].empty() || trimmed(cells[i]).empty()) continue;
        if (auto bad = set_field(complaint, fields[i], cells[i], context))
            errors.push_back(data_error(context.path, row, static_cast<int>(i) + 1, *bad));
    }
    if (complaint.received == Instant{} && errors.empty())
        errors.push_back(data_error(context.path, row, column_of(fields, "received"),
                                    "no received date: every complaint needs one"));
    if (complaint.summary.empty() && complaint.details.empty() && errors.empty())
        errors.push_back(data_error(context.path, row, column_of(fields, "summary"),
                                    "nothing to record: the row has no summary or details"));
    return errors;
}

} // namespace complaints::cli
