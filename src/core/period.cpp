#include "complaints/period.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <optional>
#include <sstream>
#include <vector>

namespace complaints {

namespace {

constexpr long kMaxCount = 10000;

std::vector<std::string> lower_words(std::string_view text) {
    std::string lowered;
    for (char c : text)
        lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::istringstream in{lowered};
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

std::optional<long> parse_count(const std::string& word) {
    if (word.empty() || word.size() > 6) return std::nullopt;
    if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stol(word);
}

/// Words `parse_period` reads besides `unit_names`: a year is 12 calendar months, and a
/// business or school day is a working day of the policy's calendar.
struct UnitSynonym {
    std::string_view one;
    std::string_view many;
    Unit unit;
    long times; ///< one of this is `times` of `unit`
};
constexpr std::array<UnitSynonym, 3> unit_synonyms{{
    {"year", "years", Unit::months, 12},
    {"business day", "business days", Unit::working_days, 1},
    {"school day", "school days", Unit::working_days, 1},
}};

/// The short forms staff type on the command line ("2wd", "48h"), written after the count
/// with or without a space: `parse_period` is the one parser for every flag and file that
/// takes a period, so `extend --for 2wd` reads as `list-overdue --due-within 2wd` does.
constexpr std::array<UnitSynonym, 6> short_units{{
    {"h", "h", Unit::hours, 1},
    {"d", "d", Unit::days, 1},
    {"wd", "wd", Unit::working_days, 1},
    {"w", "w", Unit::weeks, 1},
    {"m", "m", Unit::months, 1},
    {"y", "y", Unit::months, 12},
}};

/// "2wd" as {"2", "wd"} when the letters after the digits are a short unit; `words` as they
/// are otherwise ("5days" stays one word, and is refused).
std::vector<std::string> split_short_form(std::vector<std::string> words) {
    if (words.size() != 1) return words;
    const std::string& word = words.front();
    const std::size_t digits = word.find_first_not_of("0123456789");
    if (digits == 0 || digits == std::string::npos) return words;
    const std::string unit = word.substr(digits);
    const bool is_short = std::any_of(short_units.begin(), short_units.end(),
                                      [&](const UnitSynonym& s) { return s.one == unit; });
    if (!is_short) return words;
    return {word.substr(0, digits), unit};
}

/// The unit `words` (after the count, joined by single spaces) name, and how many of that
/// unit one of them is.
std::optional<std::pair<Unit, long>> parse_unit(const std::vector<std::string>& words) {
    std::string name;
    for (std::size_t i = 1; i < words.size(); ++i)
        name += (i == 1 ? "" : " ") + words[i];
    for (const UnitName& unit : unit_names)
        if (name == unit.one || name == unit.many) return std::pair{unit.unit, 1L};
    for (const UnitSynonym& synonym : unit_synonyms)
        if (name == synonym.one || name == synonym.many)
            return std::pair{synonym.unit, synonym.times};
    for (const UnitSynonym& synonym : short_units)
        if (name == synonym.one) return std::pair{synonym.unit, synonym.times};
    return std::nullopt;
}

constexpr std::string_view period_forms =
    "expected a number and a unit: 48h, 5d, 10wd, 2w, 1m, 1y, or spelt out (48 hours, 5 days, "
    "10 working days, 2 weeks, 1 month, 1 year)";

Error bad_period(std::string_view text, std::string_view why) {
    return usage_error(fmt::format("bad period '{}': {}", text, why));
}

/// The corresponding date `count` months after `from`, or that month's last day when it has
/// no such date. `clamped` says which.
Day add_months(Day from, long count, bool& clamped) {
    date::year_month_day ymd{from};
    auto target = date::year_month{ymd.year(), ymd.month()} + date::months{count};
    auto last = date::year_month_day_last{target.year(), date::month_day_last{target.month()}};
    clamped = ymd.day() > last.day();
    return Day{clamped ? date::year_month_day{last} : target / ymd.day()};
}

/// "Six months beginning with 2 November" ends on 1 May: the day before the corresponding
/// date. Without a corresponding date (beginning with 31 August, 3 months) the period ends on
/// the last day of the month (30 November).
Day months_after(Day from, long count, bool beginning_with) {
    bool clamped = false;
    Day day = add_months(from, count, clamped);
    if (beginning_with && count > 0 && !clamped) day -= date::days{1};
    return day;
}

/// Calendar-day units counted from `from` (not counted itself unless `beginning_with`).
Day days_after(Day from, long count, bool beginning_with) {
    long offset = beginning_with && count > 0 ? count - 1 : count;
    return from + date::days{offset};
}

Day working_days_after(Day from, long count, bool beginning_with, const WorkingCalendar& calendar) {
    int n = static_cast<int>(count);
    if (beginning_with && n > 0 && calendar.is_working_day(from)) --n;
    return calendar.add_working_days(from, n);
}

Day last_day(Day from, const Period& period, bool beginning_with, const WorkingCalendar& calendar) {
    switch (period.unit) {
    case Unit::days:
        return days_after(from, period.count, beginning_with);
    case Unit::weeks:
        return days_after(from, 7 * period.count, beginning_with);
    case Unit::working_days:
        return working_days_after(from, period.count, beginning_with, calendar);
    case Unit::months:
        return months_after(from, period.count, beginning_with);
    case Unit::hours:
        break;
    }
    return from;
}

Due moment_due(Instant moment, const WorkingCalendar& calendar) {
    return Due{false, local_day(moment, calendar.zone()), moment};
}

} // namespace

Result<Period> parse_period(std::string_view text) {
    auto words = split_short_form(lower_words(text));
    auto count = words.empty() ? std::nullopt : parse_count(words[0]);
    auto unit = parse_unit(words);
    if (!count || !unit) return bad_period(text, period_forms);
    const auto [unit_kind, times] = *unit;
    if (*count > kMaxCount / times)
        return bad_period(text,
                          fmt::format("the count must be between 0 and {}", kMaxCount / times));
    return Period{*count * times, unit_kind};
}

std::string unit_name(Unit unit, long count) {
    for (const UnitName& name : unit_names)
        if (name.unit == unit) return std::string(count == 1 ? name.one : name.many);
    return "days";
}

std::string describe(const Period& period) {
    return fmt::format("{} {}", period.count, unit_name(period.unit, period.count));
}

Due due_after(Instant anchor, const Period& period, const Counting& counting,
              const WorkingCalendar& calendar) {
    if (period.unit == Unit::hours)
        return moment_due(anchor + std::chrono::hours{period.count}, calendar);
    Day from = local_day(anchor, calendar.zone());
    if (counting.from_working_day) from = calendar.next_working_day_on_or_after(from);
    Day day = last_day(from, period, counting.beginning_with, calendar);
    if (counting.roll_forward) day = calendar.next_working_day_on_or_after(day);
    return due_on(day, calendar);
}

Due extend_due(const Due& due, const Period& period, const WorkingCalendar& calendar) {
    if (period.unit == Unit::hours)
        return moment_due(due.moment + std::chrono::hours{period.count}, calendar);
    return due_on(last_day(due.day, period, false, calendar), calendar);
}

Due due_on(Day day, const WorkingCalendar& calendar) {
    return Due{true, day, end_of_day(day, calendar.zone())};
}

Period elapsed(Instant from, Instant to, Unit unit, const WorkingCalendar& calendar) {
    if (to <= from) return Period{0, unit == Unit::working_days ? unit : Unit::days};
    if (unit == Unit::hours)
        return Period{std::chrono::duration_cast<std::chrono::hours>(to - from).count(),
                      Unit::hours};
    const Day first = local_day(from, calendar.zone());
    const Day last = local_day(to, calendar.zone());
    if (unit == Unit::working_days)
        return Period{calendar.working_days_between(first + date::days{1}, last + date::days{1}),
                      Unit::working_days};
    return Period{(last - first).count(), Unit::days};
}

} // namespace complaints
