#pragma once
/// The part of `check` that looks at the register's files rather than their contents.

#include "cli/context.hpp"

namespace complaints::cli {

/// Adds to `problems` stray links and files git would not track (when the register is in a git
/// work tree); prints warnings for files other users can read and leftover temporary files.
void check_register_files(Session& session, std::vector<Error>& problems);

} // namespace complaints::cli
