// Creating a register: its folders (0700), the policy, register.toml, and the git files that
// make merges safe and keep the lock, temporary files and edit copies out of commits.

#include "register_files.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace complaints {

namespace {

constexpr std::string_view gitattributes_text =
    "# Complaint files merge by keeping both sides' lines: each event is one unique line\n"
    "# inside the events array, so two clones' new events both survive. See docs/FORMAT.md.\n"
    "complaints/*.toml merge=union\n";
constexpr std::string_view gitignore_text =
    "# the register's lock file\n.lock\n"
    "# temporary files left by an interrupted write (safe to delete)\n.*.toml.??????\n"
    "# copies being changed with 'complaints edit', and the editor's own files beside them\n"
    "/*.edit-*\n";

/// Writes `text` to `path`, or adds it to what is there when it is not already included.
Status ensure_text(const fs::path& path, std::string_view text) {
    if (!fs::exists(fs::symlink_status(path))) return create_file_exclusively(path, text);
    auto existing = read_text_file(path);
    if (!existing) return existing.error();
    if (existing->find(text) != std::string::npos) return done();
    std::string joined = *existing;
    if (!joined.empty() && joined.back() != '\n') joined += '\n';
    return write_file_atomically(path, joined + std::string(text));
}

/// Whether `folder` holds nothing at all.
bool is_empty_folder(const fs::path& folder) {
    std::error_code error;
    return fs::is_empty(folder, error) && !error;
}

/// The folder a register is created in must be the user's own and closed to other users'
/// writes: whoever can write to it can swap its complaints/ or policies/ for their own. A
/// folder that does not exist yet is created 0700; the user's own empty folder is made 0700;
/// any other folder that others can write is refused.
Status check_safe_root(const fs::path& root) {
    struct stat info {};
    if (::stat(root.c_str(), &info) != 0) return done(); // created 0700 below
    if (!S_ISDIR(info.st_mode))
        return usage_error(fmt::format("'{}' is not a folder", shown(root)));
    const bool own = info.st_uid == ::geteuid();
    if (own && (info.st_mode & 022) == 0) return done();
    if (own && is_empty_folder(root) && ::chmod(root.c_str(), 0700) == 0) return done();
    if (!own)
        return usage_error(fmt::format("'{}' belongs to another user (uid {}): create the register "
                                       "in a folder of your own",
                                       shown(root), static_cast<long>(info.st_uid)));
    return usage_error(fmt::format(
        "'{}' can be written by other users (mode {:04o}), who could replace the register's "
        "complaints/ or policies/: run 'chmod go-w {}' first, or create the register in a new "
        "folder",
        shown(root), info.st_mode & 07777, shown(root)));
}

/// A folder of the register that exists already must be a real folder (not a link, which
/// `init` would write through) that only the user can write.
Status check_safe_folder(const fs::path& folder) {
    if (auto real = check_real_folder(folder); !real) return real;
    struct stat info {};
    if (::lstat(folder.c_str(), &info) != 0) return done(); // created 0700 below
    if (info.st_uid == ::geteuid() && (info.st_mode & 022) == 0) return done();
    return usage_error(fmt::format("'{}' can be written by other users (mode {:04o}): run "
                                   "'chmod go-w {}' first",
                                   shown(folder), info.st_mode & 07777, shown(folder)));
}

} // namespace

Result<Register> Register::init(const fs::path& root, std::string_view policy_text,
                                std::string_view policy_source_name) {
    if (fs::exists(fs::symlink_status(root / register_config_name)))
        return usage_error(fmt::format("'{}' is already a register", shown(root)));
    auto policy = parse_policy(policy_text, policy_source_name);
    if (!policy) return policy.error();
    if (auto safe = check_safe_root(root); !safe) return safe.error();
    for (const auto& folder : {root / "policies", root / "complaints"})
        if (auto safe = check_safe_folder(folder); !safe) return safe.error();
    for (const auto& folder : {root, root / "policies", root / "complaints"})
        if (auto status = make_folders(folder); !status) return status.error();
    // Checked again once made: a link put in place meanwhile is not written through.
    for (const auto& folder : {root / "policies", root / "complaints"})
        if (auto safe = check_safe_folder(folder); !safe) return safe.error();
    auto policy_file = root / "policies" / (policy->id + ".toml");
    if (auto status = write_file_atomically(policy_file, policy_text); !status)
        return status.error();
    if (auto status = ensure_text(root / gitattributes_file_name, gitattributes_text); !status)
        return status.error();
    if (auto status = ensure_text(root / ".gitignore", gitignore_text); !status)
        return status.error();
    auto config = fmt::format("# complaints register\npolicy = \"{}\"\n", policy->id);
    if (auto status = create_file_exclusively(root / register_config_name, config); !status)
        return status.error();
    return open(root);
}

} // namespace complaints
