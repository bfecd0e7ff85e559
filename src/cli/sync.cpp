// `complaints sync`: commit the register's changes, pull with the merge driver, check, push
// (docs/FORMAT.md "Working as a team").

#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/git.hpp"
#include "cli/present.hpp"

#include <fmt/format.h>
#include <set>

namespace complaints::cli {

namespace {

struct SyncOptions {
    bool no_push = false;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// Folders 0700 and files 0600, as the register keeps them: git checks files out with the
/// user's umask, which may let other users of the machine read them.
void restore_permissions(const Register& reg) {
    std::error_code error;
    std::vector<fs::path> folders{reg.root()};
    for (const fs::path& folder : {reg.complaints_dir(), reg.policies_dir()})
        if (!fs::is_symlink(folder, error)) folders.push_back(folder); // never through a link
    for (const fs::path& folder : folders)
        fs::permissions(folder, fs::perms::owner_all, error);
    for (const fs::path& folder : folders)
        for (const auto& entry : fs::directory_iterator(folder, error))
            if (entry.is_regular_file() && !entry.is_symlink())
                fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write,
                                error);
}

/// The commit message: the complaints that changed, by ID, and any other file.
std::string commit_message(const std::vector<std::string>& paths) {
    std::set<std::string> ids, others;
    for (const std::string& path : paths) {
        const fs::path file(path);
        if (file.parent_path().filename() == "complaints" && file.extension() == ".toml")
            ids.insert(file.stem().string());
        else
            others.insert(file.filename().string());
    }
    std::vector<std::string> parts;
    if (!ids.empty())
        parts.push_back(fmt::format("{} complaint{} ({})", ids.size(), ids.size() == 1 ? "" : "s",
                                    fmt::join(ids, ", ")));
    if (!others.empty()) parts.push_back(fmt::format("{}", fmt::join(others, ", ")));
    return fmt::format("complaints: {}", fmt::join(parts, "; "));
}

/// Commits what changed in the register's shared files; what it committed, or nothing.
Result<std::string> commit_changes(const Register& reg) {
    std::vector<std::string> add{"add", "-A", "--"};
    for (std::string& path : reg.shared_paths()) // git keeps no empty folder: some may be missing
        if (fs::exists(fs::symlink_status(reg.root() / path))) add.push_back(std::move(path));
    if (GitRun added = git_run(reg.root(), add); !added.ok)
        return io_error(fmt::format("git add failed: {}", added.first_line()));
    GitRun staged = git_run(reg.root(), {"diff", "--cached", "--name-only", "--relative"});
    const std::vector<std::string> paths = lines_of(staged.output);
    if (paths.empty()) return std::string();
    const std::string message = commit_message(paths);
    if (GitRun committed = git_run(reg.root(), {"commit", "-q", "-m", message}); !committed.ok)
        return io_error(fmt::format("git commit failed: {} (git needs your name and email: git "
                                    "config --global user.name ...; user.email ...)",
                                    committed.first_line()));
    return message;
}

std::string remote_of(const Register& reg) {
    auto remotes = lines_of(git_output(reg.root(), {"remote"}).value_or(""));
    if (remotes.empty()) return "";
    return std::find(remotes.begin(), remotes.end(), "origin") != remotes.end() ? "origin"
                                                                                : remotes.front();
}

std::string current_branch(const Register& reg) {
    auto branch =
        lines_of(git_output(reg.root(), {"rev-parse", "--abbrev-ref", "HEAD"}).value_or(""));
    return branch.empty() ? "HEAD" : branch.front();
}

/// Pulls the remote's work into this clone, merged by the driver. False when the remote has
/// no such branch yet (a first push will create it).
Result<bool> pull(const Register& reg, const std::string& remote, const std::string& branch) {
    GitRun heads = git_run(reg.root(), {"ls-remote", "--heads", remote, branch});
    if (!heads.ok)
        return io_error(fmt::format("cannot reach the remote '{}': {}", remote,
                                    terminal_safe(heads.first_line())));
    if (heads.output.empty()) return false;
    GitRun pulled = git_run(reg.root(), {"pull", "-q", "--no-rebase", "--no-edit", remote, branch});
    if (pulled.ok) return true;
    auto unmerged =
        lines_of(git_output(reg.root(), {"diff", "--name-only", "--diff-filter=U", "--relative"})
                     .value_or(""));
    if (!unmerged.empty())
        return data_error("", 0, 0,
                          fmt::format("git could not merge {}: settle them (complaints check "
                                      "shows where), git add them, git commit, then sync again",
                                      terminal_safe(fmt::format("{}", fmt::join(unmerged, ", ")))));
    return io_error(
        fmt::format("git pull from '{}' failed: {}", remote, terminal_safe(pulled.first_line())));
}

/// After the pull: every complaint must read; what needs a person is counted.
Status check_after_pull(Session& session) {
    std::vector<Error> problems;
    auto readings = session.read_all(problems);
    if (!readings) return readings.error();
    long attention = 0;
    for (const Reading& reading : *readings)
        if (!reading.state.anomalies.empty() || !reading.complaint.conflicts.empty()) ++attention;
    if (attention > 0)
        warn(fmt::format("{} complaint{} need{} attention after the merge: run 'complaints check'",
                         attention, attention == 1 ? "" : "s", attention == 1 ? "s" : ""));
    if (!problems.empty()) {
        report_problems(problems);
        return data_error("", 0, 0, "not pushed: fix the files above, commit, then sync again");
    }
    return done();
}

Status run_sync(const SyncOptions& options, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    const Register& r = **reg;
    if (!in_git_work_tree(r.root()))
        return usage_error(fmt::format(
            "{} is not in a git repository: 'complaints init FOLDER --git' makes a register "
            "that is one, or run 'git init' there",
            r.root().string()));
    if (!has_merge_driver(r.root()))
        if (auto installed = install_merge_driver(r.root()); !installed) return installed;
    restore_permissions(r);
    auto committed = commit_changes(r);
    if (!committed) return committed.error();
    if (!committed->empty()) // names of files git found, which anyone could have made
        print_out(fmt::format("Committed: {}\n", terminal_safe(*committed)));
    const std::string remote = remote_of(r);
    if (remote.empty()) {
        print_out("No remote to share with (git remote add origin URL, then sync again).\n");
        return done();
    }
    const std::string branch = current_branch(r);
    auto pulled = pull(r, remote, branch);
    if (!pulled) return pulled.error();
    restore_permissions(r);
    if (auto checked = check_after_pull(session); !checked) return checked;
    if (*pulled) print_out(fmt::format("Pulled from {}.\n", remote));
    if (options.no_push) return done();
    GitRun pushed = git_run(r.root(), {"push", "-q", "-u", remote, "HEAD:" + branch});
    if (!pushed.ok)
        return io_error(
            fmt::format("git push to '{}' failed: {}", remote, terminal_safe(pushed.first_line())));
    print_out(fmt::format("Pushed to {}.\n", remote));
    return done();
}

} // namespace

void add_sync_command(CommandTable& table) {
    auto options = std::make_shared<SyncOptions>();
    CLI::App* command =
        add_command(table, "sync",
                    "Share the register through git: commit its changes, pull with the merge "
                    "driver, check, push",
                    "complaints sync");
    command->add_flag("--no-push", options->no_push, "Commit and pull, but do not push");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_sync(*options, session); };
    });
}

} // namespace complaints::cli
