#pragma once
/// Files the command line writes outside the register (`letter -o`, `report -o`): they hold
/// personal data or figures about people, so they are created mode 0600 whatever the umask.

#include "complaints/result.hpp"

#include <string>
#include <string_view>

namespace complaints::cli {

/// Writes `text` to `path`, mode 0600, never through a symbolic link, replacing a file only
/// when `force` (atomically); `what` names the output in messages ("a letter").
Status write_private_file(const std::string& path, std::string_view text, bool force,
                          std::string_view what);

} // namespace complaints::cli
