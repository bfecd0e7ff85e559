// Creating many complaints at once (`complaints import`): all of them or none.

#include "register_files.hpp"

#include <fmt/format.h>
#include <set>

namespace complaints {

namespace {

/// Every ID of `batch` that the register holds already or that comes twice, in batch order.
std::vector<std::string> taken_ids(const Register& reg, const std::vector<NewComplaint>& batch) {
    std::set<std::string> seen;
    std::vector<std::string> taken;
    for (const NewComplaint& item : batch) {
        const std::string& id = item.complaint.id;
        if (!seen.insert(id).second || reg.exists(id)) taken.push_back(id);
    }
    return taken;
}

} // namespace

Status Register::create_all(const std::vector<NewComplaint>& batch) const {
    auto lock = lock_register(root_, lock_wait_);
    if (!lock) return lock.error();
    if (auto taken = taken_ids(*this, batch); !taken.empty())
        return Error{ErrorKind::data,
                     fmt::format("already in the register (or twice in the import): {}; "
                                 "nothing was imported",
                                 fmt::join(taken, ", ")),
                     {}};
    std::vector<fs::path> made;
    for (const NewComplaint& item : batch) {
        if (auto created = create(item.complaint, item.zone); !created) {
            // Undo: an import is all or nothing. A file we just created exclusively is ours.
            std::error_code ignored;
            for (const fs::path& path : made)
                fs::remove(path, ignored);
            return created;
        }
        made.push_back(complaint_path(item.complaint.id));
    }
    return done();
}

} // namespace complaints
