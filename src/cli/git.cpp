#include "cli/git.hpp"
#include "cli/context.hpp"
#include "cli/escape.hpp"

#include "core/file_io.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

constexpr std::string_view driver_key = "merge.complaints.driver";

/// `text` without trailing newlines (git prints one after each answer).
std::string chomped(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

/// The attribute line for the register at `root`, relative to the top of its work tree.
std::optional<std::string> attribute_line(const fs::path& root) {
    auto prefix = git_output(root, {"rev-parse", "--show-prefix"});
    if (!prefix) return std::nullopt;
    return fmt::format("{}complaints/*.toml merge=complaints", chomped(*prefix));
}

std::optional<fs::path> attributes_file(const fs::path& root) {
    auto path =
        git_output(root, {"rev-parse", "--path-format=absolute", "--git-path", "info/attributes"});
    if (!path) return std::nullopt;
    return fs::path(chomped(*path));
}

/// This program, as git should run it: its own absolute path, so that the driver works
/// whatever PATH the shell that runs git has.
std::string driver_command() {
    std::error_code error;
    fs::path self = fs::read_symlink("/proc/self/exe", error);
    const std::string program = error ? std::string("complaints") : self.string();
    return fmt::format("'{}' merge-file %O %A %B %P", program);
}

} // namespace

std::optional<std::string> git_output(const fs::path& folder, std::vector<std::string> args) {
    std::vector<std::string> argv{"git", "-C", folder.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto ran = run_program(argv, ChildOutput::capture);
    if (!ran || ran->status != 0) return std::nullopt;
    return ran->output;
}

std::string GitRun::first_line() const {
    std::string line = output.substr(0, output.find('\n'));
    return line.empty() ? "git failed" : line;
}

GitRun git_run(const fs::path& folder, std::vector<std::string> args) {
    std::vector<std::string> argv{"git", "-C", folder.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto ran = run_program(argv, ChildOutput::capture_all);
    if (!ran) return GitRun{false, ran.error().message};
    return GitRun{ran->status == 0, ran->output};
}

bool in_git_work_tree(const fs::path& folder) {
    auto inside = git_output(folder, {"rev-parse", "--is-inside-work-tree"});
    return inside && chomped(*inside) == "true";
}

bool has_merge_driver(const fs::path& root) {
    auto line = attribute_line(root);
    auto file = attributes_file(root);
    if (!line || !file || !git_output(root, {"config", "--get", std::string(driver_key)}))
        return false;
    auto text = read_text_file(*file);
    return text && text->find(*line) != std::string::npos;
}

Status install_merge_driver(const fs::path& root) {
    auto line = attribute_line(root);
    auto file = attributes_file(root);
    if (!line || !file)
        return usage_error(fmt::format("{} is not in a git work tree", root.string()));
    for (auto [key, value] :
         {std::pair<std::string, std::string>{"merge.complaints.name",
                                              "complaints: events as a set, intake three-way"},
          {std::string(driver_key), driver_command()}})
        if (!git_output(root, {"config", key, value}))
            return io_error(fmt::format("git config {} failed in {}", key, root.string()));
    std::string text;
    if (fs::exists(*file)) {
        auto existing = read_text_file(*file);
        if (!existing) return existing.error();
        if (existing->find(*line) != std::string::npos) return done();
        text = *existing;
        if (!text.empty() && text.back() != '\n') text += '\n';
    }
    std::error_code error;
    fs::create_directories(file->parent_path(), error);
    return write_file_atomically(*file, text + *line + "\n");
}

namespace {

/// "complaints note k7m2abcd": the command and the complaints it wrote.
std::string autocommit_message(const std::vector<std::string>& paths, std::string_view command) {
    std::vector<std::string> ids;
    for (const std::string& path : paths)
        ids.push_back(fs::path(path).stem().string());
    return fmt::format("complaints {} {}", command, fmt::join(ids, " "));
}

} // namespace

void autocommit(const Register& reg, std::string_view command) {
    const std::vector<std::string>& paths = reg.written();
    if (!reg.autocommits() || paths.empty()) return;
    const std::string not_committed =
        fmt::format("{} recorded but not committed ([git] autocommit in register.toml)",
                    fmt::join(paths, ", "));
    if (!in_git_work_tree(reg.root())) {
        warn(fmt::format("{}: {} is not in a git repository", not_committed, reg.root().string()));
        return;
    }
    std::vector<std::string> add{"add", "--"};
    add.insert(add.end(), paths.begin(), paths.end());
    std::vector<std::string> commit{"commit", "-q", "-m", autocommit_message(paths, command), "--"};
    commit.insert(commit.end(), paths.begin(), paths.end());
    GitRun added = git_run(reg.root(), add);
    GitRun committed = added.ok ? git_run(reg.root(), commit) : added;
    if (!committed.ok)
        warn(fmt::format("{}: git says: {}", not_committed, terminal_safe(committed.first_line())));
}

} // namespace complaints::cli
