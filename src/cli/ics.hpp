#pragma once
/// iCalendar (RFC 5545) text for `export --format ics`: open staff deadlines as events. Text
/// values are escaped and lines folded by ics_text and ics_line (cli/escape.hpp).

#include "cli/context.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

/// `BEGIN:VCALENDAR` and the calendar's properties.
std::string ics_begin();
std::string ics_end();

/// One VEVENT per open staff deadline of `reading`; `stamp` is DTSTAMP (the as-of moment).
/// A day-based deadline is an all-day event; an hour-based one a half-hour event from its due
/// moment with an alarm an hour before it.
/// With `redact`, the complaint's summary is left out.
std::string ics_events(const Reading& reading, Instant stamp, bool redact);

} // namespace complaints::cli
