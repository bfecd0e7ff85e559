#pragma once
/// The register's own calendar changes (REGISTER/calendar.toml), shared by every command that
/// builds a calendar. See docs/POLICY.md, "The register's calendar file".

#include "complaints/calendar.hpp"
#include "complaints/store.hpp"

namespace complaints::cli {

/// `spec` with the register's calendar changes applied (Register::with_calendar_changes).
inline Result<CalendarSpec> with_register_calendar(const Register& reg, CalendarSpec spec) {
    return reg.with_calendar_changes(std::move(spec));
}

} // namespace complaints::cli
