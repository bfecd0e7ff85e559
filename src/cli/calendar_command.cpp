#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/present.hpp"
#include "complaints/bank_holiday_years.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct CalendarOptions {
    int year = 0;
    bool year_given = false;
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
    if (!options.year_given) {
        auto now = session.now(calendar->zone());
        if (!now) return now.error();
        year = int(date::year_month_day{local_day(*now, calendar->zone())}.year());
    }
    if (year < first_bank_holiday_year || year > 9999)
        return usage_error(fmt::format(
            "{}{}: bank holidays are known from {} (the Banking and Financial Dealings Act "
            "1971) to 9999; give a year in that range",
            options.year_given ? "--year " : "the year of --as-of, ", year,
            first_bank_holiday_year));
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
    CLI::Option* year_option =
        command->add_option("--year", options->year,
                            "Year, 1971 to 9999 (default: the year of --as-of or now); years after "
                            "the last proclamation this release knows get the standing rules");
    suggest(table,
            command->add_option("--division", options->division,
                                "Bank holidays of england-and-wales, scotland, northern-ireland "
                                "or none (default: the register policy's)"),
            {"england-and-wales", "scotland", "northern-ireland", "none"});
    one_of(table, command->add_option("--format", options->format, "text or json"),
           {"text", "json"});
    command->callback([&chosen = table.chosen, options, year_option] {
        options->year_given = year_option->count() > 0;
        chosen = [options](Session& session) { return run_calendar(*options, session); };
    });
}

} // namespace complaints::cli
