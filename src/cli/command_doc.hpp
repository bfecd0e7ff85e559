#pragma once
/// The command line as the man page and the shell completions describe it. No CLI11.

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// What an option's value names, where that matters to completion.
enum class ValueKind {
    text,         ///< anything: nothing to offer
    complaint_id, ///< a complaint in the register: `complaints ids` lists them
    file,         ///< a file path
    folder,       ///< a folder path
};

/// What completion offers for a value.
struct ValueHint {
    ValueKind kind = ValueKind::text;
    std::vector<std::string> values{}; ///< the allowed values, or suggestions
};

} // namespace complaints::cli
