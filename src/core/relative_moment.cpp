#include "complaints/relative_moment.hpp"

#include <optional>
#include <string>

namespace complaints {

namespace {

/// A wall-clock reading in `zone`, read as `parse_moment` reads one: in a gap, with the offset
/// from before it; in an overlap, the earlier instant.
Instant at_local(date::local_seconds local, const date::time_zone* zone) {
    return Instant{local.time_since_epoch()} - zone_local_info(local, zone).first.offset;
}

/// `now` moved back by whole local days, keeping the time of day on the wall clock.
Instant days_before(Instant now, long count, const date::time_zone* zone) {
    return at_local(to_local(now, zone) - date::days{count}, zone);
}

/// Up to five digits as a number, or nothing.
std::optional<long> count_of(std::string_view digits) {
    if (digits.empty() || digits.size() > 5 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return std::stol(std::string(digits));
}

/// `-2d` or `-3h`: that far back, or nothing when `text` is not of that form.
std::optional<Instant> back_from(std::string_view text, Instant now, const date::time_zone* zone) {
    if (text.size() < 3 || text.front() != '-') return std::nullopt;
    auto count = count_of(text.substr(1, text.size() - 2));
    if (!count) return std::nullopt;
    if (text.back() == 'd') return days_before(now, *count, zone);
    if (text.back() == 'h') return now - std::chrono::hours{*count};
    return std::nullopt;
}

/// `HH:MM` today in `zone`.
std::optional<Instant> time_today(std::string_view text, Instant now, const date::time_zone* zone) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    auto hh = count_of(text.substr(0, 2));
    auto mm = count_of(text.substr(3, 2));
    if (!hh || !mm || *hh > 23 || *mm > 59) return std::nullopt;
    const auto time = std::chrono::hours{*hh} + std::chrono::minutes{*mm};
    return at_local(date::local_seconds{local_day(now, zone) + time}, zone);
}

} // namespace

Result<Instant> parse_moment_near(std::string_view text, Instant now, const date::time_zone* zone) {
    if (text == "today") return now;
    if (text == "yesterday") return days_before(now, 1, zone);
    if (auto back = back_from(text, now, zone)) return *back;
    if (auto today = time_today(text, now, zone)) return *today;
    auto parsed = parse_moment(text, zone);
    if (parsed) return parsed;
    return usage_error(parsed.error().message + "; or today, yesterday, HH:MM (today), -2d, -3h");
}

} // namespace complaints
