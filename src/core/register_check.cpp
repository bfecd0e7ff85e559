// What `check` finds about the register's files themselves, beyond whether each one reads:
// permissions, leftover temporary files, links and stray files (docs/RELIABILITY.md).

#include "register_files.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

namespace complaints {

namespace {

/// A file or folder other users of the machine may read or change.
std::optional<Error> open_to_others(const fs::path& path, const struct stat& info) {
    if ((info.st_mode & 0077) == 0) return std::nullopt;
    return data_error(shown(path), 1, 1,
                      fmt::format("other users of this machine can read it (mode {:04o}); it "
                                  "holds personal data: run 'chmod -R go-rwx' on the register",
                                  info.st_mode & 07777));
}

/// What `check` says about one entry of the register's folders.
void inspect_entry(const fs::path& path, bool complaints_folder, FileFindings& found) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return;
    auto name = path.filename().string();
    if (is_temporary_file_name(name)) {
        found.warnings.push_back(data_error(shown(path), 1, 1,
                                            "temporary file left by an interrupted write; it is "
                                            "ignored and safe to delete"));
        return;
    }
    if (S_ISLNK(info.st_mode) && path.extension() == ".toml") return; // reported when read
    if (auto warning = open_to_others(path, info)) found.warnings.push_back(*warning);
    if (complaints_folder && path.extension() != ".toml" && name != ".gitkeep")
        found.warnings.push_back(
            data_error(shown(path), 1, 1,
                       "not a complaint file (only ID.toml files are read); it is ignored"));
}

} // namespace

void Register::inspect_folder(const fs::path& folder, bool complaints_folder,
                              FileFindings& found) const {
    struct stat info {};
    if (::lstat(folder.c_str(), &info) != 0) return;
    if (auto warning = open_to_others(folder, info)) found.warnings.push_back(*warning);
    if (!S_ISDIR(info.st_mode)) return;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_directory() && !entry.is_symlink() && folder == root_) continue;
        if (folder == root_ && is_edit_copy_name(entry.path().filename().string()))
            continue; // an edit in progress, removed when it ends
        inspect_entry(entry.path(), complaints_folder, found);
    }
}

FileFindings Register::inspect_files() const {
    FileFindings found;
    for (const auto& folder : {root_, policies_dir(), complaints_dir()})
        inspect_folder(folder, folder == complaints_dir(), found);
    for (const auto& folder : {policies_dir(), complaints_dir()})
        if (auto status = check_real_folder(folder); !status)
            found.problems.push_back(status.error());
    auto attributes = read_text_file(root_ / gitattributes_file_name);
    if (!attributes || attributes->find("complaints/*.toml merge=union") == std::string::npos)
        found.warnings.push_back(data_error(
            shown(root_ / gitattributes_file_name), 1, 1,
            fmt::format("has no 'complaints/*.toml merge=union' line: git merges of complaint "
                        "files may conflict (add it: echo 'complaints/*.toml merge=union' >> "
                        "{})",
                        shown(root_ / gitattributes_file_name))));
    return found;
}

std::vector<std::string> Register::shared_paths() const {
    return {register_config_name, std::string(gitattributes_file_name), "policies", "complaints"};
}

} // namespace complaints
