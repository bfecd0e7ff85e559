#include "cli/init.hpp"
#include "cli/commands.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

struct InitOptions {
    std::string folder = ".";
    std::string policy;
};

/// Folders that hold shipped policies: $COMPLAINTS_POLICY_DIR, beside the installed binary,
/// the install prefix, and the source tree (for a binary run from its build folder).
std::vector<fs::path> shipped_policy_folders() {
    std::vector<fs::path> folders;
    if (const char* env = std::getenv("COMPLAINTS_POLICY_DIR"); env && *env) folders.push_back(env);
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) folders.push_back(self.parent_path().parent_path() / "share/complaints/policies");
    folders.push_back(fs::path(COMPLAINTS_DATA_DIR) / "policies");
    folders.push_back(fs::path(COMPLAINTS_SOURCE_DIR) / "examples/policies");
    return folders;
}

std::string shipped_names_text() {
    return fmt::format("{}", fmt::join(shipped_policy_names(), ", "));
}

/// A policy named on the command line: a file path, or the name of a shipped policy.
Result<fs::path> find_policy_file(const std::string& name) {
    if (name.find('/') != std::string::npos || name.ends_with(".toml")) {
        if (fs::is_regular_file(name)) return fs::path(name);
        return not_found_error(fmt::format("--policy: no policy file '{}'", name));
    }
    for (const fs::path& folder : shipped_policy_folders()) {
        const fs::path candidate = folder / (name + ".toml");
        if (fs::is_regular_file(candidate)) return candidate;
    }
    return not_found_error(fmt::format("--policy: no shipped policy '{}' (shipped: {}; or give a "
                                       "file path)",
                                       name, shipped_names_text()));
}

Status run_init(InitOptions options, const GlobalOptions& global) {
    if (options.folder == "." && !global.register_dir.empty()) options.folder = global.register_dir;
    auto file = find_policy_file(options.policy);
    if (!file) return file.error();
    auto text = read_text_file(*file);
    if (!text) return text.error();
    auto made = Register::init(options.folder, *text, file->string());
    if (!made) return made.error();
    auto policy = made->policy(made->default_policy_id());
    print_out(fmt::format("Initialised a complaints register in {} using policy {}{}\n",
                          fs::absolute(options.folder).lexically_normal().string(),
                          made->default_policy_id(),
                          policy ? " (version " + policy->version + ")" : ""));
    return done();
}

} // namespace

const std::vector<std::string>& shipped_policy_names() {
    static const std::vector<std::string> names{"big-bums", "twinkles",    "housing-ombudsman",
                                                "spso",     "nhs-england", "fca-disp",
                                                "eyfs",     "lgsco"};
    return names;
}

void add_init_command(CommandTable& table) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* command = add_command(table, "init", "Create a register in FOLDER",
                                    "complaints init ./complaints --policy twinkles");
    value_is(table,
             command->add_option("folder", options->folder,
                                 "Folder to create the register in (default: .)"),
             ValueKind::folder);
    CLI::Option* policy = command->add_option(
        "--policy", options->policy,
        fmt::format("Shipped policy name ({}) or a policy file path", shipped_names_text()));
    suggest(table, value_is(table, policy->required(), ValueKind::file), shipped_policy_names());
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_init(*options, session.options()); };
    });
}

} // namespace complaints::cli
