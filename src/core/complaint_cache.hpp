#pragma once
/// The cache of what each complaint file says (`REGISTER/.cache/readings`), so that a command
/// reading the whole register parses only the files that changed since it last ran. Each entry
/// is the complaint as read from its file, kept with that file's stamp (file_io.hpp); an entry
/// answers only while the file's stamp is unchanged, so an edited, replaced, deleted or
/// checked-out file is always read again. The cache is private (0600 in a 0700 folder that
/// ignores itself in git), replaced whole by rename, and ignored when it is damaged or was
/// written by another build of the program. See docs/PERFORMANCE.md, "The cache".

#include "complaints/complaint.hpp"
#include "file_io.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// A complaint's facts and where each is written (lines and columns), in bytes. Not the path it
/// was read from: that depends on where the command runs, and the reader sets it.
std::string encode_complaint(const Complaint& complaint);
/// The complaint `encode_complaint` wrote, or none when `bytes` are not one exactly.
std::optional<Complaint> decode_complaint(std::string_view bytes);

/// `stamp` in bytes, as the cache keeps it.
std::string encode_stamp(const FileStamp& stamp);

/// A 64-bit check value of `bytes`, to find damage (not to resist an attacker: the file is the
/// user's own, in a folder only they can open).
std::uint64_t check_value(std::string_view bytes);

/// One file's entry: its complaint ID, the stamp its file had when it was read, and where the
/// complaint's record is.
struct CacheEntry {
    std::string id;
    FileStamp stamp;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t check = 0;
    /// When the complaint was finished (closed, resolved or withdrawn, its last event), as
    /// worked out by a command under the policies the cache's fingerprint names; 0 when not.
    std::int64_t finished_at = 0;
};

/// The cache as the command found it; read only.
class CacheFile {
  public:
    /// The cache at `path` if it is whole and was written by the program with `program`'s
    /// stamp; none otherwise (missing, damaged, written by another build, not private).
    static std::optional<CacheFile> open(const fs::path& path, const FileStamp& program);
    /// The stamp of the policies, calendar and configuration its "finished" marks were worked
    /// out under (0: none were).
    std::uint64_t fingerprint() const { return fingerprint_; }

    /// The entry for `id` if its file still has `stamp`.
    const CacheEntry* find(std::string_view id, const FileStamp& stamp) const;
    /// The record of `entry`; empty when it fails its check value.
    std::string_view record(const CacheEntry& entry) const;
    /// The bytes of `entry`'s record, unchecked: to copy them with their check value.
    std::string_view bytes_of(const CacheEntry& entry) const {
        return file_.bytes().substr(entry.offset, entry.length);
    }
    std::size_t size() const { return entries_.size(); }
    /// Brings the records of `entries` (in the order they are in the file; null ones left
    /// out) into memory at once: they are read next.
    void prepare(const std::vector<const CacheEntry*>& entries) const;
    /// Gives back the memory of the records of IDs `first` to `last`, which have been read,
    /// so that a long walk stays flat.
    void forget(std::string_view first, std::string_view last) const;

  private:
    /// The bytes holding the records of IDs `first` to `last`.
    std::pair<std::size_t, std::size_t> span(std::string_view first, std::string_view last) const;
    CacheFile(MappedFile file, std::vector<CacheEntry> entries, std::uint64_t fingerprint)
        : file_(std::move(file)), entries_(std::move(entries)), fingerprint_(fingerprint) {}
    MappedFile file_;
    std::vector<CacheEntry> entries_; ///< sorted by ID
    std::uint64_t fingerprint_ = 0;
};

/// A new cache, written in ID order and put in place whole.
class CacheBuilder {
  public:
    static std::optional<CacheBuilder> start(const fs::path& path, const FileStamp& program,
                                             std::uint64_t fingerprint);
    /// Adds the entry of `id`; `check` is the record's check value when it is copied from
    /// another cache (worked out here otherwise).
    void add(std::string_view id, const FileStamp& stamp, std::string_view record,
             std::int64_t finished_at = 0, std::optional<std::uint64_t> check = {});
    /// Marks the entry of `id` (added already) finished at `at`.
    void mark_finished(std::string_view id, std::int64_t at);
    /// Writes the index and renames the file into place; a failure leaves the old cache.
    Status finish();

  private:
    explicit CacheBuilder(PieceWriter writer) : writer_(std::move(writer)) {}
    PieceWriter writer_;
    std::vector<CacheEntry> entries_;
};

} // namespace complaints
