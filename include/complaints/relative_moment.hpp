#pragma once
/// Moments as staff type them at a desk, relative to a "now" they are handed (never the
/// clock): `today`, `yesterday`, `14:30`, `-2d`, `-3h`, in an explicit IANA zone.

#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <string_view>

namespace complaints {

/// A moment relative to `now` in `zone`: `today` (now), `yesterday` (this time of day, the
/// day before), `HH:MM` (today at that time), `-2d` (this time of day, two days before) or
/// `-3h` (three hours before); anything else is read by `parse_moment`. An error lists every
/// form.
Result<Instant> parse_moment_near(std::string_view text, Instant now, const date::time_zone* zone);

} // namespace complaints
