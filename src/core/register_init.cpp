// Creating a register: its folders (0700), the policy, register.toml, and the git files that
// make merges safe and keep the lock, temporary files and edit copies out of commits.

#include "register_files.hpp"

#include <fmt/format.h>

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

} // namespace

Result<Register> Register::init(const fs::path& root, std::string_view policy_text,
                                std::string_view policy_source_name) {
    if (fs::exists(fs::symlink_status(root / register_config_name)))
        return usage_error(fmt::format("'{}' is already a register", shown(root)));
    auto policy = parse_policy(policy_text, policy_source_name);
    if (!policy) return policy.error();
    for (const auto& folder : {root, root / "policies", root / "complaints"})
        if (auto status = make_folders(folder); !status) return status.error();
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
