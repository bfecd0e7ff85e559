// Rewrites of a whole complaint file (`edit`, `policy repin`), each based on a text read
// earlier: under the lock the file is read again and nothing is written when it changed.

#include "register_files.hpp"

#include <algorithm>
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
    if (auto status = guard_write(path); !status) return status;
    if (auto status = unchanged_since(path, based_on, changed_since_read); !status) return status;
    auto complaint = parse_complaint(text, shown(path));
    if (!complaint) return complaint.error();
    if (complaint->id != id)
        return data_error(shown(path), 1, 1,
                          fmt::format("the id must stay '{}' (found '{}')", id, complaint->id));
    if (validate)
        if (auto status = validate(*complaint); !status) return status;
    if (auto status = write_file_atomically(path, text); !status) return status;
    wrote(id);
    return done();
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

namespace {

/// Whether `written` holds exactly what amending `before` with `keys` from `amended` and then
/// adding `event` should give: a changed line that was not the intake key (a line inside a
/// multi-line string, say) shows as a difference.
bool is_the_amendment(const Complaint& before, const Complaint& amended,
                      const std::vector<std::string>& keys, const Event& event,
                      const Complaint& written) {
    Complaint expected = before;
    for (const std::string& key : keys)
        copy_intake_value(expected, amended, key);
    expected.events.push_back(event);
    // The reader sorts events by time, keeping file order for ties.
    std::stable_sort(expected.events.begin(), expected.events.end(),
                     [](const Event& a, const Event& b) { return a.at < b.at; });
    return written == expected;
}

} // namespace

Status Register::amend(std::string_view id, const Complaint& amended,
                       const std::vector<std::string>& keys, const Event& event,
                       const date::time_zone* zone, std::string_view based_on,
                       const ComplaintCheck& validate) const {
    auto path = shown(complaint_path(id));
    auto before = parse_complaint(based_on, path);
    if (!before) return before.error();
    std::string text(based_on);
    for (const std::string& key : keys) {
        auto changed = with_intake_value(text, key, amended);
        if (!changed) return data_error(path, 0, 0, changed.error().message);
        text = std::move(*changed);
    }
    auto appended = append_event(text, event, zone, path);
    if (!appended) return appended.error();
    auto only_those = [&](const Complaint& written) -> Status {
        if (!is_the_amendment(*before, amended, keys, event, written))
            return data_error(path, 0, 0,
                              "cannot change only those intake lines here; use 'complaints edit'");
        return validate ? validate(written) : done();
    };
    return replace(id, *appended, based_on, only_those);
}

} // namespace complaints
