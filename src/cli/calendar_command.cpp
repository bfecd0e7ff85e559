#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct CalendarOptions {
    int year = 0;
    std::string division;
    std::string format = "text";
};

Result<CalendarSpec> base_spec(const CalendarOptions& options, Session& session) {
    CalendarSpec spec;
    const Register* reg = nullptr;
    if (auto opened = session.open_register()) {
        reg = *opened;
        auto policy = session.default_policy();
        if (!policy) return policy.error();
        spec = (*policy)->calendar;
    } else if (options.division.empty()) {
        return opened.error();
    }
    if (!options.division.empty()) {
        auto division = parse_division(options.division);
        if (!division)
            return usage_error(fmt::format("--division: unknown division '{}'; use "
                                           "england-and-wales, scotland, northern-ireland or none",
                                           options.division));
        spec.division = *division;
    }
    if (reg == nullptr) return spec;
    return reg->with_calendar_changes(std::move(spec));
}

std::string days_json(const std::vector<Holiday>& days, int year, const CalendarSpec& spec) {
    std::vector<std::string> items;
    for (const Holiday& day : days)
        items.push_back(fmt::format("{{\"date\": {}, \"weekday\": {}, \"why\": {}}}",
                                    json_string(format_day(day.day)),
                                    json_string(weekday_name(day.day)), json_string(day.name)));
    return fmt::format("{{\"schema\": {}, \"year\": {}, \"division\": {}, \"time_zone\": {}, "
                       "\"days\": [{}]}}\n",
                       json_schema_version, year, json_string(division_name(spec.division)),
                       json_string(spec.zone_name), fmt::join(items, ", "));
}

std::string days_text(const std::vector<Holiday>& days) {
    Table table({"DATE", "DAY", "WHY"});
    for (const Holiday& day : days)
        table.add({format_day(day.day), weekday_name(day.day), terminal_safe(day.name)});
    return table.render();
}

Status run_calendar(const CalendarOptions& options, Session& session) {
    auto spec = base_spec(options, session);
    if (!spec) return spec.error();
    auto calendar = WorkingCalendar::make(*spec);
    if (!calendar) return calendar.error();
    int year = options.year;
    if (year == 0) {
        auto now = session.now(calendar->zone());
        if (!now) return now.error();
        year = int(date::year_month_day{local_day(*now, calendar->zone())}.year());
    }
    auto days = calendar->holidays_in(year);
    print_out(options.format == "json" ? days_json(days, year, *spec) : days_text(days));
    return done();
}

} // namespace

void add_calendar_command(CommandTable& table) {
    auto options = std::make_shared<CalendarOptions>();
    CLI::App* command = add_command(
        table, "calendar",
        "List a year's non-working weekdays: bank holidays and closures, with their names",
        "complaints calendar --year 2026 --division scotland");
    command->add_option("--year", options->year, "Year (default: the year of --as-of or now)")
        ->check(CLI::Range(1583, 9999));
    suggest(table,
            command->add_option("--division", options->division,
                                "Bank holidays of england-and-wales, scotland, northern-ireland "
                                "or none (default: the register policy's)"),
            {"england-and-wales", "scotland", "northern-ireland", "none"});
    one_of(table, command->add_option("--format", options->format, "text or json"),
           {"text", "json"});
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_calendar(*options, session); };
    });
}

} // namespace complaints::cli
