#include "complaints/time.hpp"

#include <array>
#include <fmt/format.h>
#include <optional>

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
    auto info = zone->get_info(local);
    return Instant{local.time_since_epoch()} - info.first.offset;
}

Error bad_moment(std::string_view text) {
    return usage_error(fmt::format("bad date/time '{}': expected YYYY-MM-DD, optionally followed "
                                   "by THH:MM[:SS] and Z or an offset like +01:00",
                                   text));
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
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return usage_error(fmt::format("unknown time zone '{}'", name));
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

Day local_day(Instant moment, const date::time_zone* zone) {
    return date::floor<date::days>(zone->to_local(moment));
}

Instant end_of_day(Day day, const date::time_zone* zone) {
    return start_of_day(day + date::days{1}, zone);
}

Instant start_of_day(Day day, const date::time_zone* zone) {
    date::local_seconds midnight{day};
    auto info = zone->get_info(midnight);
    // Midnight skipped by a spring-forward gap: the day begins when the gap ends.
    if (info.result == date::local_info::nonexistent) return info.first.end;
    return Instant{midnight.time_since_epoch()} - info.first.offset;
}

std::string format_moment(Instant moment, const date::time_zone* zone) {
    auto offset = zone->get_info(moment).offset;
    date::local_seconds local{(moment + offset).time_since_epoch()};
    return date::format("%Y-%m-%dT%H:%M:%S", local) + format_offset(offset);
}

std::string format_day(Day day) {
    return date::format("%Y-%m-%d", day);
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
