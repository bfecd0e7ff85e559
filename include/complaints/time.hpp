#pragma once
/// Instants, days and their text forms. Nothing here reads the clock: "now" is always an
/// argument. Local times are interpreted in an explicit IANA zone, never the machine's.

#include "complaints/result.hpp"

#include <chrono>
#include <date/date.h>
#include <date/tz.h>
#include <string>
#include <string_view>

namespace complaints {

using Instant = date::sys_seconds; ///< a moment, UTC-based, second precision
using Day = date::local_days;      ///< a calendar day in some zone (no zone attached)

/// Looks up an IANA zone ("Europe/London") in the OS tz database. Only names tzdata lists
/// (zones and their links) are accepted: not `localtime`, `posixrules`, `Factory`, `right/...`,
/// `posix/...` or paths.
Result<const date::time_zone*> find_zone(std::string_view name);

/// The offset and abbreviation `zone` has at `moment`, and the span they hold for. Every
/// conversion goes through here or `zone_local_info`, never `date::time_zone` directly: the
/// date library ignores the rule a TZif file states for years after its last listed
/// transition (summer time would stop after 2037); these apply it.
date::sys_info zone_info(Instant moment, const date::time_zone* zone);

/// How a wall-clock reading in `zone` maps to instants: once, not at all (in a gap) or
/// twice (in an overlap), as `date::time_zone::get_info(local_seconds)`.
date::local_info zone_local_info(date::local_seconds local, const date::time_zone* zone);

/// The wall-clock reading of `moment` in `zone`.
date::local_seconds to_local(Instant moment, const date::time_zone* zone);

/// Parses what a person types for a moment: `2026-03-27`, `2026-03-27T10:00`,
/// `2026-03-27 10:00:00`, each optionally followed by `Z` or `+01:00`. A date alone means the
/// start of that day. Without an offset the time is local to `zone`; a local time in the
/// spring-forward gap moves forward past the gap, one in the autumn overlap takes the
/// earlier (summer-time) reading. Rejects trailing text and impossible dates (2026-02-30).
Result<Instant> parse_moment(std::string_view text, const date::time_zone* zone);

/// Parses a plain `YYYY-MM-DD` (strict: four-digit year, two-digit month and day).
Result<Day> parse_day(std::string_view text);

/// The local calendar day of `moment` in `zone`.
Day local_day(Instant moment, const date::time_zone* zone);

/// The first instant after the end of `day` in `zone` (i.e. the next local midnight), used
/// as the exclusive end of a day-based deadline.
Instant end_of_day(Day day, const date::time_zone* zone);

/// The instant local midnight begins `day` in `zone`.
Instant start_of_day(Day day, const date::time_zone* zone);

/// RFC 3339 with the zone's offset at that moment: `2026-03-27T10:00:00+00:00`. A moment
/// whose offset has seconds (local mean time, before standard time) is written in UTC:
/// `1840-01-01T12:00:00Z`.
std::string format_moment(Instant moment, const date::time_zone* zone);

/// `YYYY-MM-DD`.
std::string format_day(Day day);

/// English weekday name, e.g. "Monday".
std::string weekday_name(Day day);

/// A day as people write it in a letter: "Thursday 30 July 2026".
std::string day_in_words(Day day);

} // namespace complaints
