#include "cli/private_file.hpp"

#include "core/file_io.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace complaints::cli {

namespace fs = std::filesystem;

Status write_private_file(const std::string& path, std::string_view text, bool force,
                          std::string_view what) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(path, error);
    if (fs::is_symlink(status))
        return usage_error(
            fmt::format("{}: is a symbolic link; {} is never written through one", path, what));
    if (fs::exists(status) && !fs::is_regular_file(status))
        return usage_error(fmt::format("{}: exists and is not a regular file", path));
    if (fs::exists(status) && !force)
        return usage_error(fmt::format("{}: already exists; add --force to replace it", path));
    // The file layer creates every file 0600 (a temporary file renamed into place).
    return force ? write_file_atomically(path, text) : create_file_exclusively(path, text);
}

} // namespace complaints::cli
