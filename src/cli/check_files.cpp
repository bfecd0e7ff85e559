#include "cli/check_files.hpp"
#include "cli/output.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

/// Runs git with an argv array (never a shell) in `folder`; its stdout, or nothing when git is
/// missing or fails (e.g. the register is not in a git work tree).
std::optional<std::string> git_output(const fs::path& folder, std::vector<std::string> args) {
    std::vector<std::string> full{"git", "-C", folder.string()};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : full)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) return std::nullopt;
    pid_t child = ::fork();
    if (child == 0) {
        int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(pipe_ends[1], 1);
        ::dup2(null, 2);
        ::execvp("git", argv.data());
        ::_exit(127);
    }
    ::close(pipe_ends[1]);
    std::string out;
    char buffer[4096];
    for (ssize_t count; (count = ::read(pipe_ends[0], buffer, sizeof buffer)) != 0;) {
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) break;
        out.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(pipe_ends[0]);
    int status = 0;
    if (child < 0) return std::nullopt;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return out;
}

bool is_temporary(const std::string& path) {
    auto name = fs::path(path).filename().string();
    return name.size() > 8 && name[0] == '.' && name.size() - name.rfind('.') == 7;
}

/// Register files that a .gitignore rule hides from git: they would never be committed.
void find_untracked_by_git(const Register& reg, std::vector<Error>& problems) {
    auto listed =
        git_output(reg.root(), {"ls-files", "-z", "--others", "--ignored", "--exclude-standard",
                                "--", "register.toml", ".gitattributes", "policies", "complaints"});
    if (!listed) return;
    std::string_view rest = *listed;
    while (!rest.empty()) {
        auto end = rest.find('\0');
        std::string path(rest.substr(0, end));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        if (path.empty() || is_temporary(path)) continue;
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
}

} // namespace complaints::cli
