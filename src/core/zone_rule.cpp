#include "zone_rule.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace complaints {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

/// A cursor over a POSIX TZ string.
class RuleReader {
  public:
    explicit RuleReader(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    bool skip(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }

    /// `ABC` (three or more letters) or `<+0330>` (quoted: letters, digits, + and -).
    std::optional<std::string> abbrev() {
        std::size_t start = pos_;
        if (skip('<')) {
            while (!at_end() && peek() != '>')
                ++pos_;
            if (!skip('>') || pos_ - start < 5) return std::nullopt;
            return std::string(text_.substr(start + 1, pos_ - start - 2));
        }
        while (is_alpha(peek()))
            ++pos_;
        if (pos_ - start < 3) return std::nullopt;
        return std::string(text_.substr(start, pos_ - start));
    }

    /// A number of up to `max_digits` digits.
    std::optional<int> number(std::size_t max_digits) {
        std::size_t start = pos_;
        int value = 0;
        while (pos_ - start < max_digits && peek() >= '0' && peek() <= '9')
            value = value * 10 + (text_[pos_++] - '0');
        if (pos_ == start) return std::nullopt;
        return value;
    }

    /// `[+-]hh[:mm[:ss]]`, hours up to 167 (the extension RFC 8536 allows for rule times).
    std::optional<seconds> signed_time() {
        int sign = skip('-') ? -1 : 1;
        if (sign == 1) skip('+');
        auto hh = number(3);
        if (!hh || *hh > 167) return std::nullopt;
        seconds total = hours{*hh};
        for (auto unit : {seconds{60}, seconds{1}}) {
            if (!skip(':')) break;
            auto part = number(2);
            if (!part || *part > 59) return std::nullopt;
            total += *part * unit;
        }
        return sign * total;
    }

  private:
    static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<RuleDay> read_rule_day(RuleReader& in) {
    RuleDay day;
    if (in.skip('M')) {
        day.form = RuleDay::Form::month_week_day;
        auto month = in.number(2);
        auto week = month && in.skip('.') ? in.number(1) : std::nullopt;
        auto weekday = week && in.skip('.') ? in.number(1) : std::nullopt;
        if (!weekday || *month < 1 || *month > 12 || *week < 1 || *week > 5 || *weekday > 6)
            return std::nullopt;
        day.number = *month;
        day.week = *week;
        day.weekday = *weekday;
    } else {
        bool julian = in.skip('J');
        auto n = in.number(3);
        if (!n || (julian && (*n < 1 || *n > 365)) || *n > 365) return std::nullopt;
        day.form = julian ? RuleDay::Form::julian_no_leap : RuleDay::Form::zero_based;
        day.number = *n;
    }
    if (in.skip('/')) {
        auto time = in.signed_time();
        if (!time) return std::nullopt;
        day.time = *time;
    }
    return day;
}

Day rule_date(const RuleDay& rule, date::year year) {
    using date::days;
    switch (rule.form) {
    case RuleDay::Form::julian_no_leap: {
        Day day = Day{year / date::January / 1} + days{rule.number - 1};
        return year.is_leap() && rule.number >= 60 ? day + days{1} : day;
    }
    case RuleDay::Form::zero_based:
        return Day{year / date::January / 1} + days{rule.number};
    case RuleDay::Form::month_week_day:
        break;
    }
    const date::month month{static_cast<unsigned>(rule.number)};
    const date::weekday weekday{static_cast<unsigned>(rule.weekday)};
    if (rule.week == 5) return Day{year / month / weekday[date::last]};
    return Day{year / month / weekday[static_cast<unsigned>(rule.week)]};
}

/// The instant the clocks change on `rule`'s day in `year`, read with offset `before`.
Instant change_at(const RuleDay& rule, date::year year, seconds before) {
    return Instant{(rule_date(rule, year) + rule.time).time_since_epoch()} - before;
}

struct Change {
    Instant at;
    bool to_dst;
};

std::uint32_t be32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

std::int64_t be64(std::string_view bytes, std::size_t at) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return static_cast<std::int64_t>(value);
}

/// The six counts of a TZif header at `at` (isut, isstd, leap, time, type, char).
std::optional<std::array<std::uint64_t, 6>> header_counts(std::string_view bytes, std::size_t at) {
    if (bytes.size() < at + 44 || bytes.substr(at, 4) != "TZif") return std::nullopt;
    std::array<std::uint64_t, 6> counts{};
    for (std::size_t i = 0; i < counts.size(); ++i)
        counts[i] = be32(bytes, at + 20 + 4 * i);
    return counts;
}

/// Size of a data block after its header, with `time_size`-byte transition times.
std::uint64_t block_size(const std::array<std::uint64_t, 6>& c, std::uint64_t time_size) {
    return c[3] * time_size + c[3] + c[4] * 6 + c[5] + c[2] * (time_size + 4) + c[1] + c[0];
}

} // namespace

std::optional<ZoneRule> parse_posix_tz(std::string_view text) {
    RuleReader in{text};
    ZoneRule rule;
    auto std_abbrev = in.abbrev();
    auto std_west = std_abbrev ? in.signed_time() : std::nullopt;
    if (!std_west) return std::nullopt;
    rule.std_abbrev = *std_abbrev;
    rule.std_offset = -*std_west;
    if (in.at_end()) return rule;
    auto dst_abbrev = in.abbrev();
    if (!dst_abbrev) return std::nullopt;
    rule.has_dst = true;
    rule.dst_abbrev = *dst_abbrev;
    rule.dst_offset = rule.std_offset + hours{1};
    if (in.peek() != ',') {
        auto dst_west = in.signed_time();
        if (!dst_west) return std::nullopt;
        rule.dst_offset = -*dst_west;
    }
    if (!in.skip(',')) return std::nullopt; // the implied US rule: tzdata never relies on it
    auto start = read_rule_day(in);
    auto end = start && in.skip(',') ? read_rule_day(in) : std::nullopt;
    if (!end || !in.at_end()) return std::nullopt;
    rule.dst_start = *start;
    rule.dst_end = *end;
    return rule;
}

std::optional<ZoneFooter> read_tzif_footer(std::string_view bytes) {
    auto v1 = header_counts(bytes, 0);
    if (!v1 || bytes[4] < '2') return std::nullopt;
    const std::uint64_t second_header = 44 + block_size(*v1, 4);
    auto v2 = header_counts(bytes, second_header);
    if (!v2) return std::nullopt;
    const std::uint64_t times = second_header + 44;
    const std::uint64_t footer = times + block_size(*v2, 8);
    if (footer + 1 > bytes.size() || bytes[footer] != '\n') return std::nullopt;
    const std::size_t close = bytes.find('\n', footer + 1);
    if (close == std::string_view::npos) return std::nullopt;
    auto rule = parse_posix_tz(bytes.substr(footer + 1, close - footer - 1));
    if (!rule) return std::nullopt;
    ZoneFooter out{Instant::min(), *rule};
    if ((*v2)[3] > 0)
        out.last_transition = Instant{seconds{be64(bytes, times + 8 * ((*v2)[3] - 1))}};
    return out;
}

date::sys_info rule_info(const ZoneRule& rule, Instant moment) {
    date::sys_info info;
    info.offset = rule.std_offset;
    info.abbrev = rule.std_abbrev;
    info.save = minutes{0};
    info.begin = Instant::min();
    info.end = Instant::max();
    if (!rule.has_dst) return info;
    // Changes of the years around `moment`: the one before it is the latest change that
    // happened, the one after it ends the span.
    const date::year year = date::year_month_day{date::floor<date::days>(moment)}.year();
    std::vector<Change> changes;
    for (int delta = -1; delta <= 1; ++delta) {
        const date::year y = year + date::years{delta};
        changes.push_back({change_at(rule.dst_start, y, rule.std_offset), true});
        changes.push_back({change_at(rule.dst_end, y, rule.dst_offset), false});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.at < b.at; });
    auto next = std::upper_bound(changes.begin(), changes.end(), moment,
                                 [](Instant t, const Change& c) { return t < c.at; });
    if (next != changes.begin()) {
        const Change& last = *std::prev(next);
        info.begin = last.at;
        if (last.to_dst) {
            info.offset = rule.dst_offset;
            info.abbrev = rule.dst_abbrev;
            info.save = date::floor<minutes>(rule.dst_offset - rule.std_offset);
        }
    }
    if (next != changes.end()) info.end = next->at;
    return info;
}

} // namespace complaints
