#include "complaints/time.hpp"

#include "zone_rule.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

namespace complaints {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

/// A cursor over typed text that reads fixed-width fields; strict on purpose
/// (date::parse accepts `2024-3-1`, two-digit years and trailing text).
class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    bool skip(char expected) {
        if (peek() != expected) return false;
        ++pos_;
        return true;
    }

    /// Exactly `width` ASCII digits.
    std::optional<int> digits(std::size_t width) {
        if (text_.size() - pos_ < width) return std::nullopt;
        int value = 0;
        for (std::size_t i = 0; i < width; ++i) {
            char c = text_[pos_ + i];
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        pos_ += width;
        return value;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<Day> read_day(Reader& in) {
    auto year = in.digits(4);
    if (!year || !in.skip('-')) return std::nullopt;
    auto month = in.digits(2);
    if (!month || !in.skip('-')) return std::nullopt;
    auto day = in.digits(2);
    if (!day) return std::nullopt;
    date::year_month_day ymd{date::year{*year}, date::month(static_cast<unsigned>(*month)),
                             date::day(static_cast<unsigned>(*day))};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

/// `HH:MM` or `HH:MM:SS`, as time since midnight.
std::optional<seconds> read_time_of_day(Reader& in) {
    auto hh = in.digits(2);
    if (!hh || *hh > 23 || !in.skip(':')) return std::nullopt;
    auto mm = in.digits(2);
    if (!mm || *mm > 59) return std::nullopt;
    int ss = 0;
    if (in.skip(':')) {
        auto s = in.digits(2);
        if (!s || *s > 59) return std::nullopt;
        ss = *s;
    }
    return hours{*hh} + minutes{*mm} + seconds{ss};
}

/// `Z` or `±HH:MM`, as the offset from UTC; nullopt inside when absent.
std::optional<std::optional<seconds>> read_offset(Reader& in) {
    if (in.at_end()) return std::optional<seconds>{};
    if (in.skip('Z')) return std::optional<seconds>{seconds{0}};
    int sign = in.skip('+') ? 1 : in.skip('-') ? -1 : 0;
    if (sign == 0) return std::nullopt;
    auto hh = in.digits(2);
    if (!hh || *hh > 23 || !in.skip(':')) return std::nullopt;
    auto mm = in.digits(2);
    if (!mm || *mm > 59) return std::nullopt;
    return std::optional<seconds>{sign * (hours{*hh} + minutes{*mm})};
}

/// A wall-clock reading in `zone`: in a spring-forward gap it is read with the offset from
/// before the gap (01:30 in a 01:00-02:00 gap becomes 02:30 summer time); in an autumn
/// overlap it takes the earlier instant (the summer-time reading).
Instant local_to_instant(date::local_seconds local, const date::time_zone* zone) {
    auto info = zone_local_info(local, zone);
    return Instant{local.time_since_epoch()} - info.first.offset;
}

Error bad_moment(std::string_view text) {
    return usage_error(fmt::format("bad date/time '{}': expected YYYY-MM-DD, optionally followed "
                                   "by THH:MM[:SS] and Z or an offset like +01:00",
                                   text));
}

/// The folder the date library reads zones from (Debian's build of it does not consult $TZDIR).
constexpr const char* zone_folder = "/usr/share/zoneinfo";

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return in ? text.str() : std::string();
}

/// The footer rule of each zone's TZif file, read once.
const std::optional<ZoneFooter>& footer_of(const date::time_zone* zone) {
    static std::mutex mutex;
    static std::map<const date::time_zone*, std::optional<ZoneFooter>> footers;
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = footers.find(zone);
    if (found == footers.end()) {
        auto path = fmt::format("{}/{}", zone_folder, zone->name());
        found = footers.emplace(zone, read_tzif_footer(file_text(path))).first;
    }
    return found->second;
}

/// Names of zones and links in tzdata (`Z NAME ...` and `L TARGET NAME` in tzdata.zi).
const std::set<std::string, std::less<>>& tzdata_names() {
    static const std::set<std::string, std::less<>> names = [] {
        std::set<std::string, std::less<>> out;
        std::istringstream lines(file_text(fmt::format("{}/tzdata.zi", zone_folder)));
        for (std::string line; std::getline(lines, line);) {
            std::istringstream words(line);
            std::string kind, first, second;
            words >> kind >> first >> second;
            if (kind == "Z") out.insert(first);
            if (kind == "L") out.insert(second);
        }
        return out;
    }();
    return names;
}

/// Why `name` is not an IANA zone name we accept, or nothing when it is one.
std::optional<std::string> not_a_zone_name(std::string_view name) {
    constexpr std::string_view advice = "; use an IANA name such as 'Europe/London'";
    if (name.find('/') == 0 || name.find("..") != std::string_view::npos)
        return fmt::format("time zone '{}' is a path{}", name, advice);
    if (name == "localtime" || name == "posixrules" || name == "Factory" ||
        name.substr(0, 6) == "right/" || name.substr(0, 6) == "posix/")
        return fmt::format("time zone '{}' is not an IANA zone name{}", name, advice);
    const auto& names = tzdata_names();
    if (name.empty() || (!names.empty() && names.find(name) == names.end()))
        return fmt::format("unknown time zone '{}'{}", name, advice);
    return std::nullopt;
}

/// Whether `day` falls in a year written with four digits and no sign (0000 to 9999).
bool four_digit_year(Day day) {
    const int year = static_cast<int>(date::year_month_day{day}.year());
    return year >= 0 && year <= 9999;
}

std::string format_offset(seconds offset) {
    char sign = offset < seconds{0} ? '-' : '+';
    auto total = std::chrono::abs(offset);
    auto hh = std::chrono::duration_cast<hours>(total);
    auto mm = std::chrono::duration_cast<minutes>(total - hh);
    return fmt::format("{}{:02}:{:02}", sign, hh.count(), mm.count());
}

} // namespace

Result<const date::time_zone*> find_zone(std::string_view name) {
    if (auto why = not_a_zone_name(name)) return usage_error(*why);
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return usage_error(fmt::format("unknown time zone '{}'; use an IANA name such as "
                                       "'Europe/London'",
                                       name));
    }
}

Result<Instant> parse_moment(std::string_view text, const date::time_zone* zone) {
    Reader in{text};
    auto day = read_day(in);
    if (!day) return bad_moment(text);
    if (in.at_end()) return start_of_day(*day, zone);
    if (!in.skip('T') && !in.skip(' ')) return bad_moment(text);
    auto time = read_time_of_day(in);
    if (!time) return bad_moment(text);
    auto offset = read_offset(in);
    if (!offset || !in.at_end()) return bad_moment(text);
    date::local_seconds local{*day + *time};
    if (*offset) return Instant{local.time_since_epoch()} - **offset;
    return local_to_instant(local, zone);
}

Result<Day> parse_day(std::string_view text) {
    Reader in{text};
    auto day = read_day(in);
    if (!day || !in.at_end())
        return usage_error(fmt::format("bad date '{}': expected YYYY-MM-DD", text));
    return *day;
}

date::sys_info zone_info(Instant moment, const date::time_zone* zone) {
    const auto& footer = footer_of(zone);
    if (!footer || !footer->rule.has_dst || moment < footer->last_transition)
        return zone->get_info(moment);
    auto info = rule_info(footer->rule, moment);
    info.begin = std::max(info.begin, footer->last_transition);
    return info;
}

date::local_info zone_local_info(date::local_seconds local, const date::time_zone* zone) {
    auto library = zone->get_info(local);
    const auto& footer = footer_of(zone);
    // Two days of margin: no offset is that large, so earlier readings are all listed ones.
    if (!footer || !footer->rule.has_dst ||
        Instant{local.time_since_epoch()} < footer->last_transition - date::days{2})
        return library;
    // Each offset the zone might have then; a reading is one whose instant has that offset.
    std::vector<seconds> offsets{library.first.offset, library.second.offset,
                                 footer->rule.std_offset, footer->rule.dst_offset};
    std::vector<date::sys_info> readings;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (i == 1 && library.result == date::local_info::unique) continue;
        auto info = zone_info(Instant{local.time_since_epoch()} - offsets[i], zone);
        bool seen = std::any_of(readings.begin(), readings.end(),
                                [&](const date::sys_info& r) { return r.begin == info.begin; });
        if (info.offset == offsets[i] && !seen) readings.push_back(info);
    }
    std::sort(readings.begin(), readings.end(),
              [](const date::sys_info& a, const date::sys_info& b) { return a.begin < b.begin; });
    date::local_info out;
    if (readings.size() == 1) {
        out.result = date::local_info::unique;
        out.first = readings[0];
    } else if (readings.size() >= 2) {
        out.result = date::local_info::ambiguous;
        out.first = readings[0];
        out.second = readings[1];
    } else {
        // In a gap: the span before it (read with the largest offset, so before the change)
        // and the one after.
        out.result = date::local_info::nonexistent;
        auto largest = *std::max_element(offsets.begin(), offsets.end());
        out.first = zone_info(Instant{local.time_since_epoch()} - largest, zone);
        out.second = zone_info(out.first.end, zone);
    }
    return out;
}

date::local_seconds to_local(Instant moment, const date::time_zone* zone) {
    return date::local_seconds{(moment + zone_info(moment, zone).offset).time_since_epoch()};
}

Day local_day(Instant moment, const date::time_zone* zone) {
    return date::floor<date::days>(to_local(moment, zone));
}

Instant end_of_day(Day day, const date::time_zone* zone) {
    return start_of_day(day + date::days{1}, zone);
}

Instant start_of_day(Day day, const date::time_zone* zone) {
    date::local_seconds midnight{day};
    auto info = zone_local_info(midnight, zone);
    // Midnight skipped by a spring-forward gap: the day begins when the gap ends.
    if (info.result == date::local_info::nonexistent) return info.first.end;
    return Instant{midnight.time_since_epoch()} - info.first.offset;
}

std::string format_moment(Instant moment, const date::time_zone* zone) {
    auto offset = zone_info(moment, zone).offset;
    // Local mean time (London before December 1847) has seconds in its offset, which
    // RFC 3339 and TOML cannot write: such moments are written in UTC.
    if (offset % std::chrono::minutes{1} != seconds{0})
        return date::format("%Y-%m-%dT%H:%M:%SZ", moment);
    date::local_seconds local{(moment + offset).time_since_epoch()};
    const auto midnight = date::floor<date::days>(local);
    const Day day{midnight.time_since_epoch()};
    if (!four_digit_year(day))
        return date::format("%Y-%m-%dT%H:%M:%S", local) + format_offset(offset);
    const date::hh_mm_ss time{local - midnight};
    return fmt::format("{}T{:02}:{:02}:{:02}{}", format_day(day), time.hours().count(),
                       time.minutes().count(), time.seconds().count(), format_offset(offset));
}

std::string format_day(Day day) {
    // As date::format("%Y-%m-%d") writes it, without a stream: lists print thousands.
    if (!four_digit_year(day)) return date::format("%Y-%m-%d", day);
    const date::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string weekday_name(Day day) {
    static const std::array<const char*, 7> names{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
    return names[date::weekday{day}.c_encoding()];
}

std::string day_in_words(Day day) {
    static const std::array<const char*, 12> months{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    const date::year_month_day ymd{day};
    return fmt::format("{} {} {} {}", weekday_name(day), static_cast<unsigned>(ymd.day()),
                       months[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()));
}

} // namespace complaints
