#pragma once
/// The register as a git repository: running git (an argv array, never a shell), and the
/// semantic merge driver each clone needs in its own git configuration (docs/FORMAT.md
/// "Merges").

#include "complaints/result.hpp"
#include "complaints/store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace complaints::cli {

/// Runs git in `folder`; its stdout, or nothing when git is missing or fails (e.g. `folder` is
/// not in a git work tree).
std::optional<std::string> git_output(const std::filesystem::path& folder,
                                      std::vector<std::string> args);

/// How a git command ended, with everything it printed (stdout and stderr).
struct GitRun {
    bool ok = false;
    std::string output;
    /// Its first line, for a message: "fatal: could not read from remote repository."
    std::string first_line() const;
};

/// Runs git in `folder`, keeping its messages.
GitRun git_run(const std::filesystem::path& folder, std::vector<std::string> args);

/// Whether `folder` is inside a git work tree.
bool in_git_work_tree(const std::filesystem::path& folder);

/// Whether the repository holding the register at `root` uses `complaints merge-file` for its
/// complaint files: the driver in its configuration and the attribute line in
/// `.git/info/attributes`.
bool has_merge_driver(const std::filesystem::path& root);

/// Sets up this clone to merge complaint files with `complaints merge-file`: the driver
/// (`merge.complaints.driver`, this program's own path) in the repository's configuration, and
/// `PREFIX/complaints/*.toml merge=complaints` in `.git/info/attributes`, which outranks the
/// committed `.gitattributes` (whose `merge=union` stays as the fallback for clones not set up).
Status install_merge_driver(const std::filesystem::path& root);

/// `[git] autocommit = true` in register.toml: commits the complaint files `reg` wrote in this
/// run (and only those), with the message "complaints COMMAND ID...". The write has happened
/// already, so a commit that cannot be made (not a git repository, no git identity) is a
/// warning on stderr, never an error. Does nothing when the setting is off or nothing was
/// written.
void autocommit(const Register& reg, std::string_view command);

} // namespace complaints::cli
