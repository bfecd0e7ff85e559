#include "cli/check_files.hpp"
#include "cli/git.hpp"
#include "cli/output.hpp"

#include "core/file_io.hpp"

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

} // namespace

void check_register_files(Session& session, std::vector<Error>& problems) {
    auto reg = session.open_register();
    if (!reg) return;
    FileFindings found = (*reg)->inspect_files();
    for (const Error& warning : found.warnings)
        warn(terminal_safe(warning.to_string()));
    problems.insert(problems.end(), found.problems.begin(), found.problems.end());
    find_untracked_by_git(**reg, problems);
    const bool in_git = in_git_work_tree((*reg)->root());
    if ((*reg)->autocommits() && !in_git) {
        warn(fmt::format("{}: '[git] autocommit = true', but the register is not in a git "
                         "repository, so nothing is committed: run 'git init' there, or remove "
                         "the setting",
                         shown((*reg)->root() / register_config_name)));
        session.report_exit(exit_found);
    }
    if (in_git && !has_merge_driver((*reg)->root()))
        warn("this clone does not merge complaint files with 'complaints merge-file', so git "
             "falls back to keeping both sides' lines: run 'complaints merge-file --install' "
             "(docs/FORMAT.md \"Merges\")");
}

} // namespace complaints::cli
