// `complaints import`: bringing complaints in from an export of another register (JSON) or
// from a spreadsheet (CSV). Every complaint is checked before anything is written, and all of
// them are written under one hold of the register's lock, or none.

#include "cli/commands.hpp"
#include "cli/import_csv.hpp"
#include "cli/import_json.hpp"
#include "cli/present.hpp"

#include "complaints/ids.hpp"

#include <cstdint>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace complaints::cli {

namespace {

/// An export of a whole register can be far larger than one complaint file may be.
constexpr std::uintmax_t largest_import = 64u * 1024 * 1024;

struct ImportOptions {
    std::string format;
    std::string file;
    std::vector<std::string> maps;
    bool dry_run = false;
    std::string by;
};

Result<std::string> read_import(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return io_error(fmt::format("{}: {}", path, error.message()));
    if (size > largest_import) return io_error(fmt::format("{}: larger than 64 MiB", path));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return io_error(fmt::format("{}: could not be read", path));
    return text.str();
}

/// A fresh ID for a complaint received on `day`: in neither the register nor `taken`.
std::string unused_id(const Register& reg, const Day& day, std::set<std::string>& taken) {
    static std::random_device random;
    std::string id;
    do {
        id = make_complaint_id(date::sys_days{day.time_since_epoch()}, [] { return random(); });
    } while (reg.exists(id) || !taken.insert(id).second);
    return id;
}

/// The intake handler the export's complaint had, as far as it shows: the handler shown is
/// the recorded one when the policy alone would name someone else. The complaint must read
/// under its policy in this register; its zone is returned.
Result<const date::time_zone*> restore_handler(ExportedComplaint& exported, Session& session) {
    auto reading = session.read(exported.complaint);
    if (!reading) return reading.error();
    const date::time_zone* zone = reading->calendar->zone();
    if (reading->state.handler == exported.shown_handler) return zone;
    exported.complaint.handler =
        exported.shown_handler_role.empty() ? exported.shown_handler : exported.shown_handler_role;
    auto again = session.read(exported.complaint);
    if (!again) return again.error();
    return zone;
}

Result<std::vector<NewComplaint>> from_json(const std::string& text, const ImportOptions& options,
                                            Session& session) {
    auto exported = parse_export_json(text, options.file);
    if (!exported) return exported.error();
    std::vector<NewComplaint> batch;
    for (ExportedComplaint& item : *exported) {
        if (item.complaint.id.size() != 8 || !is_id_fragment(item.complaint.id))
            return data_error(options.file, 0, 0,
                              fmt::format("'{}' is not a complaint ID", item.complaint.id));
        auto zone = restore_handler(item, session);
        if (!zone)
            return data_error(
                options.file, 0, 0,
                fmt::format("complaint {}: {}", item.complaint.id, zone.error().to_string()));
        batch.push_back({std::move(item.complaint), *zone});
    }
    return batch;
}

/// The `imported` event of a complaint from row `row` of the sheet.
Event imported_event(const ImportOptions& options, Instant now, int row) {
    Event event;
    event.at = now;
    event.type = event_type::imported;
    event.by = options.by;
    event.text =
        fmt::format("{} row {}", std::filesystem::path(options.file).filename().string(), row);
    return event;
}

/// Every row as a complaint, or every bad cell of every row (printed) and a data error.
Result<std::vector<NewComplaint>> from_csv(const std::string& text, const ImportOptions& options,
                                           Session& session, const Register& reg) {
    auto policy = session.default_policy();
    if (!policy) return policy.error();
    auto calendar = session.calendar(**policy);
    if (!calendar) return calendar.error();
    const date::time_zone* zone = (*calendar)->zone();
    auto now = session.now(zone);
    if (!now) return now.error();
    auto rows = parse_csv(text, options.file);
    if (!rows) return rows.error();
    if (rows->empty()) return data_error(options.file, 1, 1, "no heading row");
    auto fields = match_headings(rows->front(), options.maps, options.file);
    if (!fields) return fields.error();
    const SheetContext context{options.file, *policy, zone, *now};
    std::vector<NewComplaint> batch;
    std::vector<Error> problems;
    std::set<std::string> taken;
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const int row = static_cast<int>(i) + 1;
        Complaint complaint;
        auto bad = check_row(*fields, (*rows)[i], row, context, complaint);
        problems.insert(problems.end(), bad.begin(), bad.end());
        if (!bad.empty()) continue;
        complaint.id = unused_id(reg, local_day(complaint.received, zone), taken);
        complaint.events.push_back(imported_event(options, *now, row));
        batch.push_back({std::move(complaint), zone});
    }
    if (problems.empty()) return batch;
    report_problems(problems);
    return data_error(options.file, 0, 0,
                      fmt::format("{} problem{} in the sheet; nothing was imported",
                                  problems.size(), problems.size() == 1 ? "" : "s"));
}

/// What an import would bring in, one line per complaint, for --dry-run.
void preview(const std::vector<NewComplaint>& batch, const Register& reg) {
    for (const NewComplaint& item : batch) {
        const Complaint& c = item.complaint;
        print_out(fmt::format("{}  {}  {}{}\n", c.id, format_moment(c.received, item.zone),
                              c.summary.empty() ? c.details : c.summary,
                              reg.exists(c.id) ? "  (already in the register)" : ""));
    }
    warn(fmt::format("dry run: {} complaint{} would be imported; nothing was written", batch.size(),
                     batch.size() == 1 ? "" : "s"));
}

Status run_import(const ImportOptions& options, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto text = read_import(options.file);
    if (!text) return text.error();
    auto batch = options.format == "json" ? from_json(*text, options, session)
                                          : from_csv(*text, options, session, **reg);
    if (!batch) return batch.error();
    if (options.dry_run) {
        preview(*batch, **reg);
        return done();
    }
    if (auto created = (*reg)->create_all(*batch); !created) return created;
    for (const NewComplaint& item : *batch)
        print_out(item.complaint.id + "\n");
    return done();
}

} // namespace

void add_import_command(CommandTable& table) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = add_command(
        table, "import",
        "Bring complaints in from an export (JSON) or a spreadsheet (CSV); all or nothing",
        "complaints import --format csv old-register.csv --map \"Date logged=received\"");
    one_of(table,
           command
               ->add_option("--format", options->format,
                            "json (what 'export --format json' wrote) or csv (a spreadsheet)")
               ->required(),
           {"json", "csv"});
    value_is(table, command->add_option("file", options->file, "The file to import")->required(),
             ValueKind::file);
    command
        ->add_option("--map", options->maps,
                     "HEADING=FIELD: the intake field a CSV column fills (HEADING= leaves it "
                     "out); repeatable")
        ->allow_extra_args(false);
    command->add_flag("--dry-run", options->dry_run,
                      "Check everything and show what would be imported; write nothing");
    command->add_option("--by", options->by, "Who imported it (CSV: the imported event)")
        ->envname("COMPLAINTS_USER");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_import(*options, session); };
    });
}

} // namespace complaints::cli
