#pragma once
/// The part of `check` that looks at the register's files rather than their contents.

#include "cli/context.hpp"

namespace complaints::cli {

/// Adds to `problems` stray links, files git would not track and files git holds in an
/// unresolved merge conflict (when the register is in a git work tree); prints warnings for
/// files other users can read and leftover temporary files.
void check_register_files(Session& session, std::vector<Error>& problems);

/// A `data` error when git lists `file` as unmerged (a conflict not yet settled with
/// `git add`, such as a file changed on one side and deleted on the other); done when it does
/// not, or when `file` is in no git work tree. Every write to a complaint file asks this
/// (`Register::set_write_guard`, set by `Session::open_register`).
Status refuse_unmerged(const fs::path& file);

} // namespace complaints::cli
