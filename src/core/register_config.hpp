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
    /// `[git] autocommit = true`: every command that writes a complaint commits it.
    bool autocommit = false;
};

/// Reads register.toml (`policy = "NAME"`, and an optional `[git]` table holding
/// `autocommit = true|false`). An unknown key (the first in file order), a missing, empty or
/// non-text `policy` and an `autocommit` that is not true or false are errors at
/// path:line:col.
Result<RegisterConfig> parse_register_config(std::string_view text, std::string_view path);

} // namespace complaints
