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
};

/// Reads register.toml (`policy = "NAME"`, nothing else). An unknown key (the first in file
/// order) and a missing, empty or non-text `policy` are errors at path:line:col.
Result<RegisterConfig> parse_register_config(std::string_view text, std::string_view path);

} // namespace complaints
