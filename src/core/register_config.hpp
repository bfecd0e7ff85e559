#pragma once
/// register.toml: what a register says about itself. Core-internal: the store reads the file
/// and hands its text here.

#include "complaints/result.hpp"

#include <string>
#include <string_view>

namespace complaints {

/// What register.toml holds.
struct RegisterConfig {
    std::string policy; ///< the policy new complaints follow, e.g. "big-bums"
    /// `time_zone = "Europe/London"`: the zone a local --as-of is read in; empty when
    /// register.toml names none (then the default policy's zone is used).
    std::string time_zone;
    /// `[git] autocommit = true`: every command that writes a complaint commits it.
    bool autocommit = false;
};

/// Reads register.toml (`policy = "NAME"`, an optional `time_zone = "Area/City"` and an
/// optional `[git]` table holding `autocommit = true|false`). An unknown key (the first in file
/// order), a missing, empty or non-text `policy`, a `time_zone` that is not an IANA zone and an
/// `autocommit` that is not true or false are errors at path:line:col.
Result<RegisterConfig> parse_register_config(std::string_view text, std::string_view path);

} // namespace complaints
