#pragma once
/// The rule a TZif file gives for moments after its last listed transition: the footer
/// (RFC 8536 section 3.3), a POSIX TZ string such as "GMT0BST,M3.5.0/1,M10.5.0". The date
/// library reads the transitions but not the footer, so without this summer time stops
/// after the last listed year (2037 in Debian's files).

#include "complaints/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace complaints {

/// A day of the year as a POSIX TZ rule names it, with the local time of the change.
struct RuleDay {
    enum class Form { julian_no_leap, zero_based, month_week_day } form = Form::month_week_day;
    int number = 0;                  ///< Jn: 1-365; n: 0-365; Mm.w.d: the month m
    int week = 0;                    ///< Mm.w.d: 1-5, 5 meaning the last
    int weekday = 0;                 ///< Mm.w.d: 0 = Sunday
    std::chrono::seconds time{7200}; ///< local time of day of the change, may be < 0 or > 24h
};

/// A parsed POSIX TZ string. Offsets are east of UTC (the string writes them west).
struct ZoneRule {
    std::string std_abbrev;
    std::chrono::seconds std_offset{0};
    bool has_dst = false;
    std::string dst_abbrev;
    std::chrono::seconds dst_offset{0};
    RuleDay dst_start; ///< read in standard time
    RuleDay dst_end;   ///< read in summer time
};

/// What a TZif file says beyond its transitions.
struct ZoneFooter {
    Instant last_transition; ///< the footer rule holds from here on
    ZoneRule rule;
};

/// Parses a POSIX TZ string; nothing when it is not one (or uses the implied US default rule).
std::optional<ZoneRule> parse_posix_tz(std::string_view text);

/// The last transition and footer rule of TZif (version 2 or later) file contents; nothing
/// for version 1 files, malformed data or an empty footer.
std::optional<ZoneFooter> read_tzif_footer(std::string_view bytes);

/// The offset, abbreviation and the span they hold for at `moment`, by `rule` alone.
date::sys_info rule_info(const ZoneRule& rule, Instant moment);

} // namespace complaints
