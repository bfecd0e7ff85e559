#pragma once
/// The register's own calendar changes (REGISTER/calendar.toml), shared by every command that
/// builds a calendar. See docs/POLICY.md, "The register's calendar file".

#include "complaints/calendar.hpp"
#include "complaints/store.hpp"

namespace complaints::cli {

inline constexpr const char* register_calendar_name = "calendar.toml";

/// `spec` with `REGISTER/calendar.toml` applied when that file exists; errors at FILE:LINE:COL.
Result<CalendarSpec> with_register_calendar(const Register& reg, CalendarSpec spec);

} // namespace complaints::cli
