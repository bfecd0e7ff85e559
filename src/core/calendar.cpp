#include "complaints/calendar.hpp"
#include "complaints/bank_holiday_years.hpp"
#include "toml_input.hpp"
#include "toml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mutex>
#include <set>
#include <toml++/toml.h>

namespace complaints {

namespace {

using date::days;
using date::Friday;
using date::Monday;
using date::Saturday;
using date::Sunday;

/// A holiday as the rules produce it; fixed-date ones get a substitute when on a weekend.
struct RuleHoliday {
    Day day;
    std::string name;
    bool fixed_date = false;
};

bool is_weekend(Day day) {
    date::weekday wd{day};
    return wd == Saturday || wd == Sunday;
}

Day nth_weekday(int year, date::month month, date::weekday wd, unsigned n) {
    return Day{date::year{year} / month / wd[n]};
}

Day last_weekday(int year, date::month month, date::weekday wd) {
    return Day{date::year{year} / month / wd[date::last]};
}

Day fixed(int year, date::month month, unsigned day) {
    return Day{date::year{year} / month / date::day{day}};
}

/// The year each rule came into force, and the law that made it (docs/POLICY.md, "Bank
/// holidays from 1971"). Before 1971 no rule applies: bank_holidays() is empty.
struct RuleInForce {
    const char* name;
    int from;
    const char* source;
};

constexpr RuleInForce new_years_day_ew_ni{
    "New Year's Day (England and Wales, Northern Ireland)", 1974,
    "royal proclamation under the Banking and Financial Dealings Act 1971, s1(3)"};
constexpr RuleInForce early_may_ew_ni{
    "Early May bank holiday (England and Wales, Northern Ireland)", 1978,
    "royal proclamation under the Banking and Financial Dealings Act 1971, s1(3)"};
constexpr RuleInForce boxing_day_scotland{
    "Boxing Day (Scotland)", 1974,
    "royal proclamation under the Banking and Financial Dealings Act 1971, s1(3)"};
constexpr RuleInForce spring_scotland{
    "Spring bank holiday (Scotland)", 1978,
    "royal proclamation under the Banking and Financial Dealings Act 1971, s1(3); sources "
    "differ (1978 in most, 1987 in one)"};
constexpr RuleInForce st_andrews_day{"St Andrew's Day (Scotland)", 2007,
                                     "St Andrew's Day Bank Holiday (Scotland) Act 2007"};

std::vector<RuleHoliday> rule_holidays(Division division, int year) {
    using date::August, date::December, date::January, date::July, date::March, date::May,
        date::November;
    if (year < first_bank_holiday_year) return {};
    const bool scotland = division == Division::scotland;
    const bool ni = division == Division::northern_ireland;
    const Day easter = easter_sunday(year);
    std::vector<RuleHoliday> out;
    // Everything not named above is in force from 1971: Schedule 1 of the Banking and
    // Financial Dealings Act 1971, and the annual proclamations under s1(3) for the rest.
    auto add = [&](int from, RuleHoliday holiday) {
        if (year >= from) out.push_back(std::move(holiday));
    };
    add(scotland ? first_bank_holiday_year : new_years_day_ew_ni.from,
        {fixed(year, January, 1), "New Year's Day", true});
    add(first_bank_holiday_year, {easter - days{2}, "Good Friday"});
    add(scotland ? first_bank_holiday_year : early_may_ew_ni.from,
        {nth_weekday(year, May, Monday, 1), "Early May bank holiday"});
    add(scotland ? spring_scotland.from : first_bank_holiday_year,
        {last_weekday(year, May, Monday), "Spring bank holiday"});
    add(first_bank_holiday_year, {fixed(year, December, 25), "Christmas Day", true});
    add(scotland ? boxing_day_scotland.from : first_bank_holiday_year,
        {fixed(year, December, 26), "Boxing Day", true});
    if (scotland) {
        add(first_bank_holiday_year, {fixed(year, January, 2), "2nd January", true});
        add(first_bank_holiday_year, {nth_weekday(year, August, Monday, 1), "Summer bank holiday"});
        add(st_andrews_day.from, {fixed(year, November, 30), "St Andrew's Day", true});
    } else {
        add(first_bank_holiday_year, {easter + days{1}, "Easter Monday"});
        add(first_bank_holiday_year, {last_weekday(year, August, Monday), "Summer bank holiday"});
    }
    if (ni) {
        add(first_bank_holiday_year, {fixed(year, March, 17), "St Patrick's Day", true});
        add(first_bank_holiday_year,
            {fixed(year, July, 12), "Battle of the Boyne (Orangemen's Day)", true});
    }
    return out;
}

bool by_day(const RuleHoliday& a, const RuleHoliday& b) {
    return a.day < b.day;
}

/// Replaces each fixed-date holiday that falls on a weekend by the next weekday that is not
/// already a holiday, taking holidays in date order (25 Dec on a Saturday: 27 and 28 Dec).
std::vector<Holiday> with_substitutes(std::vector<RuleHoliday> list) {
    std::sort(list.begin(), list.end(), by_day);
    std::set<Day> taken;
    for (const auto& holiday : list)
        if (!is_weekend(holiday.day)) taken.insert(holiday.day);
    std::vector<Holiday> out;
    for (const auto& holiday : list) {
        if (!is_weekend(holiday.day)) {
            out.push_back({holiday.day, holiday.name});
            continue;
        }
        if (!holiday.fixed_date) continue;
        Day substitute = holiday.day + days{1};
        while (is_weekend(substitute) || taken.count(substitute))
            substitute += days{1};
        taken.insert(substitute);
        out.push_back({substitute, holiday.name + " (substitute day)"});
    }
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return out;
}

int year_of(Day day) {
    return int(date::year_month_day{day}.year());
}

/// Monday = 0 ... Sunday = 6, as in CalendarSpec::working_week.
unsigned week_index(Day day) {
    return date::weekday{day}.iso_encoding() - 1;
}

bool contains(const std::vector<Day>& days_list, Day day) {
    return std::find(days_list.begin(), days_list.end(), day) != days_list.end();
}

const Holiday* find_holiday(const std::vector<Holiday>& holidays, Day day) {
    for (const auto& holiday : holidays)
        if (holiday.day == day) return &holiday;
    return nullptr;
}

bool applies_to(const HolidayChange& change, Division division) {
    return !change.division || *change.division == division;
}

/// `list`, one year's holidays for `division`, with `changes` applied, in date order.
void apply_changes(std::vector<Holiday>& list, const HolidayChanges& changes, Division division,
                   int year) {
    for (const auto& removal : changes.removed)
        if (applies_to(removal, division))
            std::erase_if(list, [&](const Holiday& holiday) { return holiday.day == removal.day; });
    for (const auto& addition : changes.added)
        if (applies_to(addition, division) && year_of(addition.day) == year &&
            !find_holiday(list, addition.day))
            list.push_back({addition.day, addition.name});
    std::sort(list.begin(), list.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
}

} // namespace

std::optional<Division> parse_division(std::string_view text) {
    return value_named(division_names, text);
}

std::string division_name(Division division) {
    return std::string(name_of(division_names, division));
}

Day easter_sunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return Day{date::year{year} / month / day};
}

std::vector<Holiday> bank_holidays(Division division, int year) {
    if (division == Division::none) return {};
    auto list = with_substitutes(rule_holidays(division, year));
    apply_changes(list, shipped_holiday_changes(), division, year);
    return list;
}

std::string before_bank_holidays(Day day) {
    return fmt::format("{} is before {}: bank holidays are known from {} (the Banking and "
                       "Financial Dealings Act 1971), so no deadline can be worked out",
                       format_day(day), first_bank_holiday_year, first_bank_holiday_year);
}

std::vector<Holiday> weekend_bank_holidays(Division division, int year) {
    std::vector<Holiday> out;
    if (division == Division::none) return out;
    for (auto& holiday : rule_holidays(division, year))
        if (holiday.fixed_date && is_weekend(holiday.day))
            out.push_back({holiday.day, std::move(holiday.name)});
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return out;
}

namespace {

/// Where a closure starts (+) or ends (-), for the sweep that makes closed days disjoint.
struct ClosureEdge {
    Day day;
    bool starts;
    std::size_t closure;
};

/// Each day of `closures` once, named by the first closure (in the order written) that covers
/// it, as disjoint runs in date order: a sweep over the closures' edges, O(n log n).
template <class Run> std::vector<Run> disjoint_closed_days(const std::vector<Closure>& closures) {
    std::vector<ClosureEdge> edges;
    for (std::size_t i = 0; i < closures.size(); ++i) {
        if (closures[i].last < closures[i].first) continue;
        edges.push_back({closures[i].first, true, i});
        edges.push_back({closures[i].last + days{1}, false, i});
    }
    std::sort(edges.begin(), edges.end(),
              [](const ClosureEdge& a, const ClosureEdge& b) { return a.day < b.day; });
    std::vector<Run> out;
    std::set<std::size_t> open;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (edges[i].starts)
            open.insert(edges[i].closure);
        else
            open.erase(edges[i].closure);
        const bool last_at_day = i + 1 == edges.size() || edges[i + 1].day != edges[i].day;
        if (!last_at_day || open.empty()) continue;
        const Day until = edges[i + 1].day - days{1}; // an open closure always ends later
        if (!out.empty() && out.back().closure == *open.begin() &&
            out.back().last + days{1} == edges[i].day)
            out.back().last = until;
        else
            out.push_back({edges[i].day, until, *open.begin()});
    }
    return out;
}

} // namespace

Result<WorkingCalendar> WorkingCalendar::make(const CalendarSpec& spec) {
    auto zone = find_zone(spec.zone_name);
    if (!zone) return zone.error();
    if (std::none_of(spec.working_week.begin(), spec.working_week.end(),
                     [](bool working) { return working; }))
        return usage_error("the working week has no working days");
    WorkingCalendar calendar;
    calendar.zone_ = *zone;
    calendar.spec_ = spec;
    calendar.closed_ = disjoint_closed_days<ClosedDays>(spec.closures);
    calendar.extra_working_ = spec.extra_working;
    std::sort(calendar.extra_working_.begin(), calendar.extra_working_.end());
    if (auto checked = calendar.check_closures_leave_working_days(); !checked)
        return checked.error();
    return calendar;
}

Status WorkingCalendar::check_closures_leave_working_days() const {
    Day checked_until = Day::min();
    for (const ClosedDays& closed : closed_) {
        if (closed.first <= checked_until) continue;
        Day first = closed.first;
        while (closed.first - first < max_days_without_working_day &&
               !is_working_day(first - days{1}))
            first -= days{1};
        checked_until = next_working_day_on_or_after(closed.first);
        if (checked_until - first <= max_days_without_working_day) continue;
        return data_error(
            "", 0, 0,
            fmt::format(
                "the calendar has no working day from {} to {} ('{}' and the closures after it): "
                "deadlines in working days could never be found; leave a working day in every "
                "10 years",
                format_day(first), format_day(checked_until - days{1}),
                spec_.closures[closed.closure].name));
    }
    return done();
}

namespace {

/// The bank holidays of `spec`'s division in `year` with the register's additions and
/// removals applied, in date order.
std::vector<Holiday> effective_bank_holidays(const CalendarSpec& spec, int year) {
    std::vector<Holiday> out;
    for (auto& holiday : bank_holidays(spec.division, year))
        if (!contains(spec.removed_holidays, holiday.day)) out.push_back(std::move(holiday));
    // Christmas on a Saturday is a day off for an office open on Saturdays, as well as the
    // substitute Monday (docs/POLICY.md, "Six- and seven-day weeks").
    for (auto& holiday : weekend_bank_holidays(spec.division, year))
        if (!contains(spec.removed_holidays, holiday.day)) out.push_back(std::move(holiday));
    for (const auto& added : spec.added_holidays)
        if (year_of(added.day) == year && !find_holiday(out, added.day)) out.push_back(added);
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return out;
}

} // namespace

const std::vector<Holiday>& WorkingCalendar::bank_holidays_of(int year) const {
    const std::lock_guard lock(bank_holiday_years_->mutex);
    auto& years = bank_holiday_years_->years;
    auto it = years.find(year);
    if (it == years.end()) it = years.emplace(year, effective_bank_holidays(spec_, year)).first;
    return it->second; // a map's elements stay where they are as others are added
}

const std::string* WorkingCalendar::holiday_name(Day day) const {
    for (const auto& holiday : bank_holidays_of(year_of(day)))
        if (holiday.day == day) return &holiday.name;
    return nullptr;
}

const WorkingCalendar::ClosedDays* WorkingCalendar::closed_on(Day day) const {
    auto after = std::upper_bound(closed_.begin(), closed_.end(), day,
                                  [](Day d, const ClosedDays& closed) { return d < closed.first; });
    if (after == closed_.begin()) return nullptr;
    const ClosedDays& closed = *std::prev(after);
    return day <= closed.last ? &closed : nullptr;
}

bool WorkingCalendar::is_extra_working(Day day) const {
    return std::binary_search(extra_working_.begin(), extra_working_.end(), day);
}

Day WorkingCalendar::after_closed(const ClosedDays& closed, Day day) const {
    auto extra = std::upper_bound(extra_working_.begin(), extra_working_.end(), day);
    if (extra != extra_working_.end() && *extra <= closed.last) return *extra;
    return closed.last + days{1};
}

bool WorkingCalendar::is_working_day(Day day) const {
    if (is_extra_working(day)) return true;
    if (!spec_.working_week[week_index(day)]) return false;
    return holiday_name(day) == nullptr && closed_on(day) == nullptr;
}

std::string WorkingCalendar::why_not_working(Day day) const {
    if (is_extra_working(day)) return "";
    if (!spec_.working_week[week_index(day)]) return weekday_name(day);
    if (const auto* name = holiday_name(day)) return *name + " (bank holiday)";
    if (const auto* closed = closed_on(day))
        return "closure: " + spec_.closures[closed->closure].name;
    return "";
}

Day WorkingCalendar::add_working_days(Day start, int count) const {
    Day day = start;
    if (count >= 0) {
        for (int left = count; left > 0; --left)
            day = next_working_day_on_or_after(day + days{1});
        return day;
    }
    for (int left = -count; left > 0;) {
        day -= days{1};
        if (is_working_day(day)) --left;
    }
    return day;
}

Day WorkingCalendar::next_working_day_on_or_after(Day day) const {
    // Closed days are skipped a run at a time, so a year-long closure costs one step.
    while (!is_working_day(day)) {
        const ClosedDays* closed = closed_on(day);
        day = closed ? after_closed(*closed, day) : day + days{1};
    }
    return day;
}

int WorkingCalendar::working_days_between(Day from, Day to) const {
    int count = 0;
    for (Day day = from; day < to;) {
        const ClosedDays* closed = closed_on(day);
        if (closed == nullptr) {
            // A run of open days, up to the next closure or the year's end, against the year's
            // bank holidays fetched once: is_working_day for each day, without its lookups.
            auto next_closure =
                std::upper_bound(closed_.begin(), closed_.end(), day,
                                 [](Day d, const ClosedDays& c) { return d < c.first; });
            const int year = year_of(day);
            Day end = std::min(to, Day{date::year{year + 1} / date::January / 1});
            if (next_closure != closed_.end()) end = std::min(end, next_closure->first);
            const std::vector<Holiday>& holidays = bank_holidays_of(year);
            for (; day < end; day += days{1}) {
                if (is_extra_working(day)) {
                    ++count;
                    continue;
                }
                if (!spec_.working_week[week_index(day)]) continue;
                count += std::none_of(holidays.begin(), holidays.end(),
                                      [&](const Holiday& h) { return h.day == day; });
            }
            continue;
        }
        // Only extra working days count among closed days.
        const Day end = std::min(closed->last + days{1}, to);
        count +=
            static_cast<int>(std::lower_bound(extra_working_.begin(), extra_working_.end(), end) -
                             std::lower_bound(extra_working_.begin(), extra_working_.end(), day));
        day = end;
    }
    return count;
}

std::vector<Holiday> WorkingCalendar::holidays_in(int year) const {
    std::map<Day, std::string> found;
    auto keep = [&](const Holiday& holiday, std::string reason) {
        if (year_of(holiday.day) != year || is_extra_working(holiday.day)) return;
        if (!spec_.working_week[week_index(holiday.day)]) return;
        found.emplace(holiday.day, std::move(reason));
    };
    for (const auto& holiday : effective_bank_holidays(spec_, year))
        keep(holiday, holiday.name + " (bank holiday)");
    const Day first{date::year{year} / 1 / 1};
    const Day last{date::year{year} / 12 / 31};
    for (const ClosedDays& closed : closed_) {
        if (closed.last < first || closed.first > last) continue;
        const std::string& name = spec_.closures[closed.closure].name;
        for (Day day = std::max(first, closed.first); day <= std::min(last, closed.last);
             day += days{1})
            keep({day, name}, "closure: " + name);
    }
    std::vector<Holiday> out;
    for (auto& [day, name] : found)
        out.push_back({day, std::move(name)});
    return out;
}

// --- the register's own calendar changes (REGISTER/calendar.toml) --------------------------

namespace {

constexpr std::size_t max_calendar_bytes = 1024 * 1024;

const TableSchema calendar_file_schema{"the calendar file", {"add", "remove"}};
const TableSchema add_schema{"[[add]]", {"date", "name", "division", "source"}};
const TableSchema remove_schema{"[[remove]]", {"date", "division", "source"}};

/// A calendar file's words where they differ from a policy's.
Wording calendar_wording() {
    Wording words;
    words.day = "'{key}' must be a date such as 2027-06-07";
    words.list = "write [[{key}]] with double brackets";
    words.single_table = "write {where} with double brackets";
    return words;
}

/// The divisions a change applies to: the one named, or all of them.
std::optional<Division> read_division(TomlReader& reader, const toml::table& table) {
    const toml::node* node = table.get("division");
    if (node == nullptr) return std::nullopt;
    std::optional<Division> parsed;
    if (const auto* text = node->as_string()) parsed = parse_division(text->get());
    if (!parsed || *parsed == Division::none)
        reader.fail(*node, "'division' must be \"england-and-wales\", \"scotland\" or "
                           "\"northern-ireland\"");
    return parsed;
}

bool is_bank_holiday_anywhere(Day day, std::optional<Division> division) {
    for (Division d :
         {Division::england_and_wales, Division::scotland, Division::northern_ireland}) {
        if (division && d != *division) continue;
        for (const auto& holiday : bank_holidays(d, year_of(day)))
            if (holiday.day == day) return true;
        for (const auto& holiday : weekend_bank_holidays(d, year_of(day)))
            if (holiday.day == day) return true;
    }
    return false;
}

/// The date, division and (for an addition) name of one [[add]] or [[remove]] table.
std::optional<HolidayChange> read_change(TomlReader& reader, const toml::table& table,
                                         const TableSchema& schema, bool named) {
    reader.check_keys(table, schema);
    std::optional<Day> day;
    if (reader.require(table, "date", schema.where))
        day = reader.day(*table.get("date"), "date", QuotedDate::allowed);
    HolidayChange change{day.value_or(Day{}), "", read_division(reader, table)};
    if (named) {
        const toml::node* name = table.get("name");
        if (name == nullptr || !name->is_string() || name->as_string()->get().empty())
            reader.fail(name ? name->source() : table.source(),
                        fmt::format("{} needs 'name', the holiday's name in quotes", schema.where));
        else
            change.name = name->as_string()->get();
    }
    if (const toml::node* source = table.get("source"); source && !source->is_string())
        reader.fail(*source, "'source' must be text in quotes: the proclamation or Act");
    if (reader.failed()) return std::nullopt;
    const auto& at = table.get("date")->source().begin;
    change.line = static_cast<int>(at.line);
    change.column = static_cast<int>(at.column);
    return change;
}

void read_changes(TomlReader& reader, const toml::table& root, std::string_view key,
                  const TableSchema& schema, std::vector<HolidayChange>& out) {
    const bool named = key == "add";
    for (const toml::table* table : reader.tables_at(root, key, schema.where))
        if (auto change = read_change(reader, *table, schema, named)) out.push_back(*change);
}

} // namespace

Result<HolidayChanges> parse_holiday_changes(std::string_view text, std::string_view path) {
    if (text.size() > max_calendar_bytes)
        return data_error(std::string(path), 0, 0, "the calendar file is larger than 1 MB");
    auto root = parse_toml_file(text, path);
    if (!root) return root.error();
    TomlReader reader(path, calendar_wording());
    reader.check_keys(*root, calendar_file_schema);
    HolidayChanges changes;
    read_changes(reader, *root, "add", add_schema, changes.added);
    read_changes(reader, *root, "remove", remove_schema, changes.removed);
    return reader.result(std::move(changes));
}

Result<CalendarSpec> apply_register_calendar(CalendarSpec spec, std::string_view text,
                                             std::string_view path) {
    auto changes = parse_holiday_changes(text, path);
    if (!changes) return changes.error();
    for (const auto& removal : changes->removed) {
        if (!is_bank_holiday_anywhere(removal.day, removal.division))
            return data_error(
                std::string(path), removal.line, removal.column,
                fmt::format("{} is not a bank holiday{}, so it cannot be removed",
                            format_day(removal.day),
                            removal.division ? " in " + division_name(*removal.division) : ""));
        if (applies_to(removal, spec.division)) spec.removed_holidays.push_back(removal.day);
    }
    for (const auto& addition : changes->added)
        if (applies_to(addition, spec.division))
            spec.added_holidays.push_back({addition.day, addition.name});
    return spec;
}

const HolidayChanges& shipped_holiday_changes() {
    static const HolidayChanges changes = [] {
        auto parsed =
            parse_holiday_changes(shipped_holiday_changes_text(), shipped_holiday_changes_path());
        if (!parsed) {
            // Only a broken build gets here; the unit tests read the same file.
            fmt::print(stderr, "complaints: internal error: {}\n", parsed.error().to_string());
            std::abort();
        }
        return *parsed;
    }();
    return changes;
}

} // namespace complaints
