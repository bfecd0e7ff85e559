// Reading the whole register through the cache of what each file says (complaint_cache.hpp).
//
// The walk stamps every complaint file before it reads any, and an entry is written with the
// stamp taken before its file was read: a file changed after the stamp differs from its entry
// next time. A file changed less than a second before the register was opened is not recorded:
// file times advance in steps of a few milliseconds, and a file changed twice in one step, to
// the same size, keeps its stamp; a second later, any change moves its times. The same holds
// for the policies, calendar and register.toml that "finished" marks are worked out under.
#include "complaint_cache.hpp"
#include "file_io.hpp"
#include "register_files.hpp"

#include "complaints/store.hpp"

#include <algorithm>
#include <atomic>
#include <unistd.h>

namespace complaints {

namespace {

constexpr std::string_view cache_folder_name = ".cache";
constexpr std::string_view cache_file_name = "readings";
constexpr std::int64_t settled_ns = 1'000'000'000; ///< how old a file must be to be recorded

constexpr std::string_view cache_gitignore = "# the cache of what each complaint file says, "
                                             "rebuilt when missing (docs/PERFORMANCE.md)\n*\n";
// https://bford.info/cachedir/: backup tools that honour it leave the folder out.
constexpr std::string_view cache_dir_tag = "Signature: 8a477f597d28d172789f06886806bc55\n"
                                           "# the complaints register's cache; safe to delete\n";

/// The cache folder, made (0700, ignored by git, tagged for backups) when missing; none when
/// something else is there or it is open to others: then the register reads every file.
std::optional<fs::path> cache_folder(const fs::path& root) {
    fs::path folder = root / cache_folder_name;
    if (!fs::exists(fs::symlink_status(folder))) {
        if (!make_folder(folder)) return std::nullopt;
        (void)create_file_exclusively(folder / ".gitignore", cache_gitignore);
        (void)create_file_exclusively(folder / "CACHEDIR.TAG", cache_dir_tag);
    }
    if (!is_private_folder(folder)) return std::nullopt;
    return folder;
}

/// The stamp of everything besides a complaint's own file that decides whether it is finished:
/// each policy file, the calendar changes and register.toml. None while any of them changed
/// too recently to be trusted (see above), or when a policy cannot be examined.
std::optional<std::uint64_t> policies_fingerprint(const Register& reg,
                                                  std::int64_t settled_before) {
    std::vector<std::pair<fs::path, std::string>> files{{reg.root(), register_config_name},
                                                        {reg.root(), "calendar.toml"}};
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(reg.policies_dir(), error))
        files.emplace_back(reg.policies_dir(), entry.path().filename().string());
    if (error) return std::nullopt;
    std::sort(files.begin(), files.end());
    std::string stamps;
    for (const auto& [folder, name] : files) {
        stamps += name + '\0';
        const FileDescriptor fd = open_folder(folder);
        auto stamp = stamp_file(fd, name);
        if (!stamp) {
            if (fs::exists(fs::symlink_status(folder / name))) return std::nullopt;
            continue; // no calendar.toml
        }
        if (stamp->changed_ns >= settled_before || stamp->modified_ns >= settled_before)
            return std::nullopt;
        stamps += encode_stamp(*stamp);
    }
    return check_value(stamps) | 1; // never 0, which means "none"
}

} // namespace

struct ComplaintWalk::Cache {
    FileStamp program;
    fs::path path;
    std::uint64_t fingerprint = 0; ///< of the policies now; 0 when they cannot be trusted
    bool marks_hold = false;       ///< the cache found was marked under these very policies
    std::vector<std::optional<FileStamp>> stamps; ///< of each ID's file, before any was read
    std::vector<const CacheEntry*> entries; ///< each ID's entry in `found` if its stamp matches
    std::int64_t settled_before_ns = 0;
    std::optional<CacheFile> found;     ///< the cache as the walk found it
    std::optional<CacheBuilder> making; ///< the cache to replace it, when anything differs
    std::atomic<bool> damaged = false;  ///< a record failed its check value

    /// The cache's entry for file `i`, if its stamp still matches.
    const CacheEntry* entry_for(std::size_t i) const { return entries[i]; }

    /// Whether file `i` is known to hold a complaint finished by `now`.
    bool finished_by(std::size_t i, Instant now) const {
        const CacheEntry* entry = marks_hold ? entry_for(i) : nullptr;
        return entry && entry->length > 0 && entry->finished_at != 0 &&
               entry->finished_at <= now.time_since_epoch().count();
    }

    /// What the cache says of file `i` (`id`), if its stamp still matches: the complaint and
    /// its record. Called by several threads at once.
    std::optional<std::pair<Complaint, std::string_view>> answer(std::size_t i,
                                                                 const std::string& id) {
        const CacheEntry* entry = entry_for(i);
        if (!entry || entry->length == 0) return std::nullopt; // not there, or "read the file"
        std::string_view record = found->record(*entry);
        auto complaint = record.empty() ? std::nullopt : decode_complaint(record);
        if (!complaint || complaint->id != id) {
            damaged = true;
            return std::nullopt;
        }
        return std::pair{std::move(*complaint), record};
    }

    /// Adds file `i`'s entry to the cache being made: `record`, or a mark to read the file
    /// when it did not load; none when it changed too recently to be trusted.
    void keep(std::size_t i, const std::string& id, std::string_view record,
              const Result<Complaint>* read) {
        if (!making || !stamps[i]) return;
        const FileStamp& stamp = *stamps[i];
        if (read) {
            const bool settled =
                stamp.changed_ns < settled_before_ns && stamp.modified_ns < settled_before_ns;
            if (!*read)
                making->add(id, stamp, {}); // read it again (and report it) while unchanged
            else if (settled)
                making->add(id, stamp, encode_complaint(**read));
            // else no entry: the cache is made again next time, when the file has settled
        } else {
            // Copied as it was, with its check value: a record damaged on disk stays damaged
            // (and found so when read) rather than being blessed by a new check value.
            const CacheEntry* entry = entry_for(i);
            making->add(id, stamp, record, marks_hold ? entry->finished_at : 0, entry->check);
        }
    }

    void end() {
        if (making)
            (void)making->finish(); // a cache that cannot be written is only slower
        else if (damaged)
            ::unlink(path.c_str()); // read again next time rather than found damaged again
    }
};

ComplaintWalk::ComplaintWalk(const Register& reg, std::vector<std::string> ids,
                             std::unique_ptr<Cache> cache)
    : register_(&reg), ids_(std::move(ids)), cache_(std::move(cache)) {}
ComplaintWalk::ComplaintWalk(ComplaintWalk&&) noexcept = default;
ComplaintWalk::~ComplaintWalk() {
    // Once every file has been read (and its reader has said which complaints are finished),
    // the cache is put in place; a walk given up part way leaves the cache as it was.
    if (cache_ && finished()) cache_->end();
}

void Register::forget_cache() const {
    ::unlink((root_ / cache_folder_name / cache_file_name).c_str());
}

ComplaintWalk Register::walk() const {
    std::vector<std::string> ids = complaint_ids();
    std::unique_ptr<ComplaintWalk::Cache> cache;
    auto program = program_stamp();
    auto folder = cache_ && program && check_real_folder(complaints_dir()) ? cache_folder(root_)
                                                                           : std::nullopt;
    if (folder) {
        cache = std::make_unique<ComplaintWalk::Cache>();
        cache->program = *program;
        cache->path = *folder / cache_file_name;
        // Every file this command read, policies included, was read after the register was
        // opened: a file changed since a second before that is not trusted.
        cache->settled_before_ns = opened_ns_ - settled_ns;
        cache->fingerprint = policies_fingerprint(*this, cache->settled_before_ns).value_or(0);
        if (auto found = CacheFile::open(cache->path, *program))
            cache->found.emplace(std::move(*found));
        const FileDescriptor folder_fd = open_folder(complaints_dir());
        cache->stamps.resize(ids.size());
        cache->entries.resize(ids.size());
        share_among_cores(ids.size(), [&](std::size_t i) {
            cache->stamps[i] = stamp_file(folder_fd, ids[i] + ".toml");
            if (cache->found && cache->stamps[i])
                cache->entries[i] = cache->found->find(ids[i], *cache->stamps[i]);
        });
        cache->marks_hold = cache->found && cache->fingerprint != 0 &&
                            cache->found->fingerprint() == cache->fingerprint;
        const auto unmatched = static_cast<std::size_t>(
            std::count(cache->entries.begin(), cache->entries.end(), nullptr));
        // Marks made under other policies are dropped, and made again this time.
        const bool marks_stale = cache->fingerprint != 0 && !cache->marks_hold;
        if (!cache->found || unmatched != 0 || cache->found->size() != ids.size() || marks_stale)
            if (auto making = CacheBuilder::start(cache->path, *program, cache->fingerprint))
                cache->making.emplace(std::move(*making));
    }
    return ComplaintWalk(*this, std::move(ids), std::move(cache));
}

std::vector<Result<Complaint>> ComplaintWalk::next(std::size_t most) {
    const std::size_t first = next_, last = std::min(ids_.size(), next_ + most);
    next_ = last;
    const auto at = [&](std::size_t i) { return ids_.begin() + static_cast<long>(i); };
    if (!cache_) return register_->load_each(std::vector<std::string>(at(first), at(last)));
    // The complaints read in this batch: all but the finished ones left out, whose records
    // are only copied, unread (see keep), when the cache is made again.
    std::vector<std::size_t> read;
    std::vector<const CacheEntry*> wanted; // the records used next, in the file's order
    for (std::size_t i = first; i < last; ++i) {
        const bool left_out = skip_before_ && cache_->finished_by(i, *skip_before_);
        if (!left_out) read.push_back(i);
        if (!left_out || cache_->making) wanted.push_back(cache_->entry_for(i));
    }
    if (cache_->found) cache_->found->prepare(wanted);
    std::vector<std::optional<Result<Complaint>>> slots(read.size());
    std::vector<std::string_view> records(read.size());
    share_among_cores(read.size(), [&](std::size_t j) {
        const std::string& id = ids_[read[j]];
        if (auto answer = cache_->answer(read[j], id)) {
            answer->first.path = shown(register_->complaint_path(id));
            slots[j].emplace(std::move(answer->first));
            records[j] = answer->second;
        } else {
            slots[j].emplace(register_->load(id));
        }
    });
    std::vector<Result<Complaint>> out;
    out.reserve(read.size());
    for (std::size_t i = first, j = 0; i < last; ++i) {
        if (j == read.size() || read[j] != i) { // left out: its record is kept as it was
            if (cache_->making)
                cache_->keep(i, ids_[i], cache_->found->bytes_of(*cache_->entry_for(i)), nullptr);
            continue;
        }
        if (!records[j].empty()) // answered from the cache: its record is kept
            cache_->keep(i, ids_[i], records[j], nullptr);
        else // read from the file
            cache_->keep(i, ids_[i], {}, &*slots[j]);
        out.push_back(std::move(*slots[j++]));
    }
    if (cache_->found && last > first) cache_->found->forget(ids_[first], ids_[last - 1]);
    return out;
}

void ComplaintWalk::note_finished(std::string_view id, Instant at) {
    if (cache_ && cache_->making && cache_->fingerprint != 0)
        cache_->making->mark_finished(id, at.time_since_epoch().count());
}

} // namespace complaints
