#pragma once
/// The register's zone: where a local --as-of is read, once for the whole command.

#include "cli/context.hpp"

namespace complaints::cli {

/// `time_zone` in register.toml, else the time zone of the register's default policy, else
/// UTC (when the default policy does not read; the command reports that itself).
const date::time_zone* register_zone(Session& session);

} // namespace complaints::cli
