#pragma once
/// iCalendar (RFC 5545) text for `export --format ics`: open staff deadlines as events.

#include "cli/context.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

/// TEXT value escaping: `\` `;` `,` and newlines escaped; control and bidi characters made
/// visible (as terminal_safe does).
std::string ics_text(std::string_view text);

/// One content line, folded so no line exceeds 75 octets (never inside a UTF-8 sequence),
/// each line ending in CRLF.
std::string ics_line(std::string_view line);

/// `BEGIN:VCALENDAR` and the calendar's properties.
std::string ics_begin();
std::string ics_end();

/// One VEVENT per open staff deadline of `reading`; `stamp` is DTSTAMP (the as-of moment).
/// With `redact`, the complaint's summary is left out.
std::string ics_events(const Reading& reading, Instant stamp, bool redact);

} // namespace complaints::cli
