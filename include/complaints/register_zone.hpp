#pragma once
/// The time zone a register states for itself in register.toml (docs/FORMAT.md, "The
/// register's zone"). The store reads register.toml; this asks it for the one setting.

#include "complaints/store.hpp"

#include <string>

namespace complaints {

/// The zone register.toml names (`time_zone = "America/New_York"`, checked against the tz
/// database when the register is opened); empty when it names none, so that the default
/// policy's zone applies.
Result<std::string> stated_time_zone(const Register& reg);

} // namespace complaints
