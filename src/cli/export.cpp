#include "cli/commands.hpp"
#include "cli/ics.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "cli/subject_access.hpp"
#include "cli/walk.hpp"

#include "complaints/personal.hpp"

#include <fmt/format.h>
#include <optional>
#include <stdexcept>

namespace complaints::cli {

namespace {

struct ExportOptions {
    std::string format = "csv";
    bool events = false;
    bool redact = false;
    bool raw = false;        ///< CSV for scripts: no formula guard
    bool excel = false;      ///< CSV for Excel: a UTF-8 byte-order mark, guarded
    std::string complainant; ///< subject access: one person's complaints (subject_access.hpp)
};

/// What Excel needs to read a CSV file as UTF-8 rather than the machine's code page.
constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";

/// Column names of `export --format csv`; docs/OUTPUT.md documents each. Personal columns
/// are the ones `--redact` leaves out.
const std::vector<std::string> complaint_columns{"id",
                                                 "policy",
                                                 "policy_version",
                                                 "received",
                                                 "channel",
                                                 "status",
                                                 "stage",
                                                 "stage_title",
                                                 "handler",
                                                 "severity",
                                                 "category",
                                                 "paused",
                                                 "next_milestone",
                                                 "next_due",
                                                 "next_state",
                                                 "acknowledged_at",
                                                 "resolved_at",
                                                 "finding",
                                                 "remedies",
                                                 "outcome",
                                                 "name",
                                                 "contact",
                                                 "summary"};
const std::vector<std::string> event_columns{
    "id",        "at",        "type",   "by",        "stage",   "from",
    "requested", "milestone", "until",  "extend_by", "handler", "body",
    "finding",   "remedies",  "reason", "outcome",   "text"};
/// Whether a column holds personal data (personal.hpp): an intake field's, or an event's
/// (`outcome` is the resolution's).
bool personal(const std::string& column) {
    return personal_intake_key(column) || personal_event_key(column);
}

std::vector<std::string> kept(const std::vector<std::string>& columns, bool redact) {
    std::vector<std::string> out;
    for (const auto& column : columns)
        if (!redact || !personal(column)) out.push_back(column);
    return out;
}

/// Cells in `columns` order from a column -> value lookup, CSV-escaped (formulas guarded
/// unless `guard` is false).
std::string csv_row(const std::vector<std::string>& columns,
                    const std::function<std::string(const std::string&)>& value, bool guard) {
    std::vector<std::string> cells;
    for (const auto& column : columns)
        cells.push_back(csv_text(value(column), guard));
    return csv_line(cells);
}

const Event* first_event(const Complaint& c, std::string_view type) {
    for (const Event& e : c.events)
        if (e.type == type) return &e;
    return nullptr;
}

const Event* resolution(const Reading& r) {
    if (r.state.status == ComplaintStatus::open || r.state.status == ComplaintStatus::withdrawn)
        return nullptr;
    const Event* last = nullptr;
    for (const Event& e : r.complaint.events)
        if (e.type == event_type::resolved) last = &e;
    return last;
}

std::string joined(const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, "; "));
}

/// One complaint's CSV cells: what every cell needs is found once per row, not once per cell.
class ComplaintRow {
  public:
    explicit ComplaintRow(const Reading& r)
        : r_(r), c_(r.complaint), zone_(r.calendar->zone()), next_(next_staff_deadline(r.state)),
          ack_(first_event(c_, event_type::acknowledged)), resolved_(resolution(r)) {}

    std::string cell(const std::string& column) const {
        if (auto text = intake_cell(column)) return *text;
        if (auto text = state_cell(column)) return *text;
        return outcome_cell(column);
    }

  private:
    const Reading& r_;
    const Complaint& c_;
    const date::time_zone* zone_;
    const Deadline* next_;
    const Event* ack_;
    const Event* resolved_;

    std::optional<std::string> intake_cell(const std::string& column) const {
        if (column == "id") return c_.id;
        if (column == "policy") return c_.policy;
        if (column == "policy_version") return c_.policy_version;
        if (column == "received") return format_moment(c_.received, zone_);
        if (column == "channel") return c_.channel;
        if (column == "severity") return c_.severity;
        if (column == "category") return c_.category;
        if (column == "name") return c_.name;
        if (column == "contact") return c_.contact;
        if (column == "summary") return c_.summary;
        return std::nullopt;
    }

    std::optional<std::string> state_cell(const std::string& column) const {
        if (column == "status") return status_name(r_.state.status);
        if (column == "stage") return r_.state.stage;
        if (column == "stage_title") return r_.state.stage_title;
        if (column == "handler") return r_.state.handler;
        if (column == "paused") return std::string(r_.state.paused ? "yes" : "no");
        if (column == "next_milestone") return next_ ? deadline_name(*next_) : "";
        if (column == "next_due") return next_ ? due_text(next_->due, zone_) : "";
        if (column == "next_state") return next_ ? state_name(next_->state) : "";
        if (column == "acknowledged_at") return ack_ ? format_moment(ack_->at, zone_) : "";
        return std::nullopt;
    }

    std::string outcome_cell(const std::string& column) const {
        if (column == "resolved_at") return resolved_ ? format_moment(resolved_->at, zone_) : "";
        if (column == "finding") return resolved_ ? resolved_->finding : "";
        if (column == "remedies") return resolved_ ? joined(resolved_->remedies) : "";
        if (column == "outcome") return resolved_ ? resolved_->outcome : "";
        throw std::logic_error("export: no complaint column '" + column + "'");
    }
};

std::string event_cell(const Event& e, const std::string& id, const date::time_zone* zone,
                       const std::string& column) {
    if (column == "id") return id;
    if (column == "at") return format_moment(e.at, zone);
    if (column == "requested") return e.requested ? format_moment(*e.requested, zone) : "";
    if (column == "until") return e.until ? format_day(*e.until) : "";
    if (column == "extend_by") return e.extend_by ? describe(*e.extend_by) : "";
    if (column == "remedies") return joined(e.remedies);
    const std::map<std::string, const std::string*> text{{"type", &e.type},
                                                         {"by", &e.by},
                                                         {"stage", &e.stage},
                                                         {"from", &e.from},
                                                         {"milestone", &e.milestone},
                                                         {"handler", &e.handler},
                                                         {"body", &e.body},
                                                         {"finding", &e.finding},
                                                         {"reason", &e.reason},
                                                         {"outcome", &e.outcome},
                                                         {"text", &e.text}};
    return *text.at(column);
}

/// The received moment as the first event of every complaint's log.
Event receipt(const Complaint& c) {
    Event e;
    e.at = c.received;
    e.type = "received";
    return e;
}

std::string event_json(const Event& e, const std::string& id, const date::time_zone* zone,
                       bool redact) {
    std::vector<std::string> fields;
    for (const auto& column : kept(event_columns, redact)) {
        const std::string value = event_cell(e, id, zone, column);
        if (column == "remedies") {
            std::vector<std::string> quoted;
            for (const auto& remedy : e.remedies)
                quoted.push_back(json_string(remedy));
            fields.push_back(fmt::format("\"remedies\": [{}]", fmt::join(quoted, ", ")));
        } else if (!value.empty() || column == "id" || column == "at" || column == "type") {
            fields.push_back(fmt::format("{}: {}", json_string(column), json_string(value)));
        }
    }
    return fmt::format("{{{}}}", fmt::join(fields, ", "));
}

/// Writes one complaint's part of the export.
class Writer {
  public:
    Writer(const ExportOptions& options, Instant now) : options_(options), now_(now) {}

    std::string header(const date::time_zone* zone) const {
        const auto& o = options_;
        if (o.format == "ics") return ics_begin();
        if (o.format == "csv")
            return std::string(o.excel ? utf8_byte_order_mark : "") +
                   csv_line(kept(o.events ? event_columns : complaint_columns, o.redact));
        return fmt::format("{{\"schema\": {}, \"as_of\": {}, \"redacted\": {}, \"{}\": [\n",
                           json_schema_version, json_string(format_moment(now_, zone)),
                           o.redact ? "true" : "false", o.events ? "events" : "complaints");
    }

    std::string footer() const {
        if (options_.format == "ics") return ics_end();
        if (options_.format == "csv") return "";
        return std::string(first_ ? "" : "\n") + "]}\n";
    }

    std::string write(const Reading& r) {
        const auto& o = options_;
        if (o.format == "ics") return ics_events(r, now_, o.redact);
        if (o.events) return write_events(r);
        if (o.format == "csv")
            return csv_row(
                kept(complaint_columns, o.redact),
                [row = ComplaintRow(r)](const std::string& column) { return row.cell(column); },
                !o.raw);
        if (!o.redact) return separator() + complaint_json(r);
        Reading copy{redacted(r.complaint), r.policy, r.calendar, r.state};
        return separator() + complaint_json(copy);
    }

  private:
    const ExportOptions& options_;
    Instant now_;
    bool first_ = true;

    std::string separator() {
        const bool first = first_;
        first_ = false;
        return first ? "" : ",\n";
    }

    std::string write_events(const Reading& r) {
        const date::time_zone* zone = r.calendar->zone();
        const std::vector<std::string> columns = kept(event_columns, options_.redact);
        std::vector<Event> log{receipt(r.complaint)};
        log.insert(log.end(), r.complaint.events.begin(), r.complaint.events.end());
        std::string out;
        for (const Event& e : log) {
            if (options_.format == "csv")
                out += csv_row(
                    columns,
                    [&](const std::string& column) {
                        return options_.redact && personal(column)
                                   ? std::string()
                                   : event_cell(e, r.complaint.id, zone, column);
                    },
                    !options_.raw);
            else
                out += separator() + event_json(e, r.complaint.id, zone, options_.redact);
        }
        return out;
    }
};

Status run_export(const ExportOptions& options, Session& session) {
    if (!options.complainant.empty()) {
        if (options.events || options.redact || options.format == "csv" || options.format == "ics")
            return usage_error("--complainant: everything about one person, --format text or "
                               "json; not with --events or --redact");
        return export_subject(session, options.complainant, options.format);
    }
    if (options.format == "text") return usage_error("--format text: only with --complainant");
    if (options.events && options.format == "ics")
        return usage_error("--events: not with --format ics (the calendar holds deadlines)");
    if ((options.raw || options.excel) && options.format != "csv")
        return usage_error(
            fmt::format("{}: only with --format csv", options.raw ? "--raw" : "--excel"));
    const date::time_zone* zone = nullptr;
    auto now = register_now(session, zone);
    if (!now) return now.error();
    Writer writer(options, *now);
    print_out(writer.header(zone));
    std::vector<Error> problems;
    Status walked =
        for_each_reading(session, problems, [&](const Reading& r) { print_out(writer.write(r)); });
    if (!walked) return walked.error();
    print_out(writer.footer());
    report_problems(problems);
    if (!problems.empty()) session.report_exit(exit_data);
    return done();
}

} // namespace

void add_export_command(CommandTable& table) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = add_command(
        table, "export", "Export every complaint (or event) as CSV, JSON or an iCalendar feed",
        "complaints export --format csv --redact > complaints.csv");
    CLI::Option* format =
        one_of(table,
               command->add_option("--format", options->format,
                                   "csv (one row per complaint), json (everything), ics (open "
                                   "deadlines); text or json with --complainant (default text)"),
               {"csv", "json", "ics", "text"});
    command->add_flag("--events", options->events, "One row per event instead of per complaint");
    command->add_flag("--redact", options->redact,
                      "Leave out names, contacts and free text (personal data)");
    CLI::Option* raw = command->add_flag(
        "--raw", options->raw,
        "CSV for scripts: cells exactly as recorded, no ' before a leading = + - @");
    command
        ->add_flag("--excel", options->excel,
                   "CSV for Excel: a UTF-8 byte-order mark first; formulas guarded")
        ->excludes(raw);
    command->add_option("--complainant", options->complainant,
                        "Everything about one person, by the name or contact they gave (any "
                        "case), for a subject access request; near misses are listed on stderr");
    command->callback([&chosen = table.chosen, options, format] {
        if (!options->complainant.empty() && format->count() == 0) options->format = "text";
        chosen = [options](Session& session) { return run_export(*options, session); };
    });
}

} // namespace complaints::cli
