// Rewrites of a whole complaint file (`edit`, `policy repin`), each based on a text read
// earlier: under the lock the file is read again and nothing is written when it changed.

#include "register_files.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace complaints {

namespace {

constexpr std::string_view changed_since_read =
    "the file changed since it was read; nothing was saved, run the command again";

} // namespace

EditCopy::EditCopy(fs::path path, std::string original)
    : path_(std::move(path)), original_(std::move(original)) {}

EditCopy::EditCopy(EditCopy&& other) noexcept
    : path_(std::exchange(other.path_, {})), original_(std::move(other.original_)) {}

EditCopy::~EditCopy() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

Result<std::string> EditCopy::edited() const {
    return read_text_file(path_);
}

Result<EditCopy> Register::edit_copy(std::string_view id) const {
    auto original = file_text(id);
    if (!original) return original.error();
    auto copy =
        create_unique_file(root_, fmt::format("{}{}-", edit_copy_prefix, id), ".toml", *original);
    if (!copy) return copy.error();
    return EditCopy(std::move(*copy), std::move(*original));
}

Status Register::replace(std::string_view id, std::string_view text, std::string_view based_on,
                         const ComplaintCheck& validate) const {
    auto lock = lock_register(root_, lock_wait_);
    if (!lock) return lock.error();
    auto path = complaint_path(id);
    if (!fs::exists(fs::symlink_status(path)))
        return not_found_error(fmt::format("no complaint '{}'", id));
    if (auto status = unchanged_since(path, based_on, changed_since_read); !status) return status;
    auto complaint = parse_complaint(text, shown(path));
    if (!complaint) return complaint.error();
    if (complaint->id != id)
        return data_error(shown(path), 1, 1,
                          fmt::format("the id must stay '{}' (found '{}')", id, complaint->id));
    if (validate)
        if (auto status = validate(*complaint); !status) return status;
    return write_file_atomically(path, text);
}

Status Register::repin(std::string_view id, std::string_view version, std::string_view based_on,
                       const ComplaintCheck& validate) const {
    auto path = shown(complaint_path(id));
    auto before = parse_complaint(based_on, path);
    if (!before) return before.error();
    auto changed = with_policy_version(based_on, version);
    if (!changed) return changed.error();
    // The line found must be the intake key, not a line inside a multi-line string.
    auto only_the_version = [&](const Complaint& written) -> Status {
        if (written.policy_version != version || written.details != before->details ||
            written.events.size() != before->events.size())
            return data_error(path, 0, 0,
                              "cannot find the intake line 'policy_version = ...' to change; "
                              "use 'complaints edit'");
        return validate ? validate(written) : done();
    };
    return replace(id, *changed, based_on, only_the_version);
}

} // namespace complaints
