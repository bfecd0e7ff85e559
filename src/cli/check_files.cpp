#include "cli/check_files.hpp"
#include "cli/git.hpp"
#include "cli/output.hpp"

#include "core/file_io.hpp"
#include "core/git_conflict.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

/// Register files that a .gitignore rule hides from git: they would never be committed.
void find_untracked_by_git(const Register& reg, std::vector<Error>& problems) {
    std::vector<std::string> args{"ls-files", "-z", "--others", "--ignored", "--exclude-standard"};
    args.push_back("--"); // only paths after it
    for (std::string& path : reg.shared_paths())
        args.push_back(std::move(path));
    auto listed = git_output(reg.root(), std::move(args));
    if (!listed) return;
    std::string_view rest = *listed;
    while (!rest.empty()) {
        auto end = rest.find('\0');
        std::string path(rest.substr(0, end));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        if (path.empty() || is_temporary_file_name(fs::path(path).filename().string())) continue;
        problems.push_back(data_error((reg.root() / path).lexically_normal().string(), 1, 1,
                                      "git ignores this file (a .gitignore rule matches it), so "
                                      "it would never be committed or shared"));
    }
}

/// Each path (relative to `folder`) that `git ls-files --unmerged` lists once, in its order.
std::vector<std::string> unmerged_paths(const fs::path& folder, std::vector<std::string> paths) {
    std::vector<std::string> args{"ls-files", "-z", "--unmerged", "--"};
    args.insert(args.end(), paths.begin(), paths.end());
    auto listed = git_output(folder, std::move(args));
    std::vector<std::string> out;
    std::string_view rest = listed ? std::string_view(*listed) : std::string_view();
    while (!rest.empty()) { // "MODE SHA STAGE\tPATH\0", one entry per stage
        auto end = rest.find('\0');
        std::string_view entry = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        auto tab = entry.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string path(entry.substr(tab + 1));
        if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(std::move(path));
    }
    return out;
}

Error unmerged_error(const fs::path& file) {
    return data_error(file.lexically_normal().string(), 1, 1,
                      fmt::format("unresolved git conflict (git lists the file as unmerged): {}",
                                  resolve_conflict_advice));
}

/// Complaint files git holds in a conflict, unless already reported (with the line of their
/// conflict marker) because they do not read.
void find_unmerged_by_git(const Register& reg, std::vector<Error>& problems) {
    for (const std::string& path : unmerged_paths(reg.root(), reg.shared_paths())) {
        const fs::path file = reg.root() / path;
        const std::string shown_file = file.lexically_normal().string();
        if (std::none_of(problems.begin(), problems.end(),
                         [&](const Error& problem) { return problem.file == shown_file; }))
            problems.push_back(unmerged_error(file));
    }
}

/// Whether `folder` or a folder above it holds `.git`: only then is git asked anything.
bool under_git(fs::path folder) {
    std::error_code error;
    for (folder = fs::absolute(folder, error); !error; folder = folder.parent_path()) {
        if (fs::exists(folder / ".git", error)) return true;
        if (folder == folder.parent_path()) break;
    }
    return false;
}

} // namespace

Status refuse_unmerged(const fs::path& file) {
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (!under_git(folder)) return done();
    if (unmerged_paths(folder, {file.filename().string()}).empty()) return done();
    return unmerged_error(file);
}

void check_register_files(Session& session, std::vector<Error>& problems) {
    auto reg = session.open_register();
    if (!reg) return;
    FileFindings found = (*reg)->inspect_files();
    for (const Error& warning : found.warnings)
        warn(terminal_safe(warning.to_string()));
    problems.insert(problems.end(), found.problems.begin(), found.problems.end());
    find_untracked_by_git(**reg, problems);
    find_unmerged_by_git(**reg, problems);
    const bool in_git = in_git_work_tree((*reg)->root());
    if ((*reg)->autocommits() && !in_git) {
        warn(fmt::format("{}: '[git] autocommit = true', but the register is not in a git "
                         "repository, so nothing is committed: run 'git init' there, or remove "
                         "the setting",
                         shown((*reg)->root() / register_config_name)));
    }
    if (in_git && !has_merge_driver((*reg)->root()))
        warn("this clone does not merge complaint files with 'complaints merge-file', so git "
             "falls back to keeping both sides' lines: run 'complaints merge-file --install' "
             "(docs/FORMAT.md \"Merges\")");
}

} // namespace complaints::cli
