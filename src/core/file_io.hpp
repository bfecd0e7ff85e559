#pragma once
/// The file layer: every POSIX call the core makes on files and processes, and nothing about
/// complaints. Reads with guards, atomic replace, exclusive creation, private scratch files,
/// folders, a lock file, and running a program. Errors are values located at the file: kind
/// `io` when the system refuses, `data` for a file that is refused (a link, too large), `busy`
/// for a lock held too long. A fault seam (`set_fault_plan`) lets tests make the system fail.

#include "complaints/result.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

namespace fs = std::filesystem;

inline constexpr std::uintmax_t max_file_size = 1024 * 1024; ///< larger files are rejected

/// How a path is shown in messages: without `./` and `a/../` noise.
std::string shown(const fs::path& path);

/// An `io` error at `path`: "WHAT: the system's reason for `error_number`".
Error io_failure(const fs::path& path, std::string_view what, int error_number);

/// A file descriptor closed on scope exit.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    ~FileDescriptor();
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

/// Reads a whole file, refusing symlinks (never followed), anything but a regular file, and
/// files over `max_file_size`.
Result<std::string> read_text_file(const fs::path& path);

/// Replaces `path` with `text` atomically: a temporary file `.NAME.XXXXXX` in the same folder
/// (mode 0600), every write checked, fsync, read back and compared, close checked, rename,
/// fsync of the folder. On any error before the rename the original is untouched and the
/// temporary file removed; text over `max_file_size` is refused before anything is written,
/// and so is a file its owner made read-only (mode without u+w): an `io` error saying
/// "read-only; chmod u+w PATH to allow changes".
Status write_file_atomically(const fs::path& path, std::string_view text);

/// Creates `path` holding `text` as `write_file_atomically` does, but only if nothing has that
/// name (renameat2 RENAME_NOREPLACE, or link where unsupported): "already exists" otherwise.
Status create_file_exclusively(const fs::path& path, std::string_view text);

/// Whether `name` is a temporary file of the two writes above (`.NAME.XXXXXX`): one that is
/// still there was left by an interrupted write.
bool is_temporary_file_name(std::string_view name);

/// Creates a new file `FOLDER/PREFIX??????SUFFIX` (six random characters), mode 0600, holding
/// `text`; a scratch file nobody else reads, so it is neither synced nor read back.
Result<fs::path> create_unique_file(const fs::path& folder, std::string_view prefix,
                                    std::string_view suffix, std::string_view text);

/// Creates the folder `path` with mode 0700; one that exists already is fine.
Status make_folder(const fs::path& path);
/// Creates `path` and every missing parent, each with mode 0700.
Status make_folders(const fs::path& path);
/// Makes the names created, renamed or removed in `folder` durable (fsync of the folder).
Status sync_folder(const fs::path& folder);

/// An exclusive `flock` on a separate lock file (a lock on a data file would be lost when a
/// rename replaces it) and on the folder that holds it, held until destroyed. The folder's
/// lock is what counts when someone deletes the lock file while it is held: a second writer
/// creates a new lock file, but the folder is still locked.
class FileLock {
  public:
    /// Locks `path` (created with mode 0600 if missing, never followed if a link) and its
    /// folder, retrying every 10 ms; once `wait` has passed, a `busy` error at `path`. A lock
    /// file deleted or replaced while being locked is opened again, so the lock is always on
    /// the file `path` names.
    static Result<FileLock> take(const fs::path& path, std::chrono::milliseconds wait);

  private:
    FileLock(FileDescriptor file, FileDescriptor folder)
        : file_(std::move(file)), folder_(std::move(folder)) {}
    FileDescriptor file_;
    FileDescriptor folder_;
};

/// What tells a file's content has not changed without reading it: where it is (device,
/// inode), its size, and when its content (modified) and its inode (changed: any write, rename
/// into place, chmod or link) last changed, to the nanosecond. Nobody can set the changed time
/// by hand, so a file edited and then given back its old modified time still differs.
struct FileStamp {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;
    std::int64_t changed_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

/// The names in `folder` (not "." and ".."), in the order the system lists them; none when it
/// cannot be listed.
std::vector<std::string> folder_entries(const fs::path& folder);

/// `folder` opened to look up names in it (never followed if a link); -1 when it cannot be.
FileDescriptor open_folder(const fs::path& folder);
/// The stamp of the file `name` in the open `folder` (lstat: a link is never followed); none
/// when it is not a regular file or cannot be examined.
std::optional<FileStamp> stamp_file(const FileDescriptor& folder, const std::string& name);

/// Whether `path` is a folder (not a link) that belongs to us and nobody else may open (0700).
bool is_private_folder(const fs::path& path);

/// Now, in nanoseconds on the clock file times come from.
std::int64_t file_clock_ns();

/// The running program's own file, stamped: a program built or installed again differs.
std::optional<FileStamp> program_stamp();

/// A private file mapped read-only, for reading a large file without copying it. Refuses a
/// link, anything but a regular file, a file another user owns and one others may read or
/// write (mode beyond 0600).
class MappedFile {
  public:
    static std::optional<MappedFile> open_private(const fs::path& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();
    std::string_view bytes() const { return {data_, size_}; }
    /// Gives the memory of `bytes().substr(offset, length)` back: it is read again from the
    /// page cache if touched later. Keeps a long read's memory flat.
    void forget(std::size_t offset, std::size_t length) const;
    /// Reads `bytes().substr(offset, length)` into memory in one go (it is about to be read).
    void prefetch(std::size_t offset, std::size_t length) const;

  private:
    MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

/// A private file (mode 0600) written in pieces, with no name (O_TMPFILE) until it is whole, then
/// linked at its final name in place of the old file: a reader sees the old file, the whole new
/// one, or none, and a writer killed at any moment leaves nothing else behind. Where the file
/// system has no unnamed files, a temporary name in the same folder and a rename (a kill may
/// then leave the temporary file). Not synced: for files that may be lost (a cache).
class PieceWriter {
  public:
    static Result<PieceWriter> start(const fs::path& final_path);
    PieceWriter(PieceWriter&& other) noexcept;
    PieceWriter(const PieceWriter&) = delete;
    PieceWriter& operator=(const PieceWriter&) = delete;
    ~PieceWriter();
    /// Adds `bytes` (buffered); an error is kept and returned by `finish`.
    void write(std::string_view bytes);
    std::uint64_t written() const { return written_; }
    /// Writes what is buffered and puts the file in place.
    Status finish();

  private:
    PieceWriter(fs::path final_path, fs::path temp_path, int fd);
    /// Gives the unnamed (O_TMPFILE) file its final name, in place of any file there.
    Status name_unnamed();
    void flush();
    fs::path final_path_, temp_path_;
    FileDescriptor fd_;
    std::string buffer_;
    std::uint64_t written_ = 0;
    std::optional<Error> failure_;
};

/// What a program run with `run_program` shares with us.
enum class ChildOutput {
    inherit,     ///< our stdin, stdout and stderr (an editor); Ctrl-C reaches only the program
    capture,     ///< stdout is captured; stdin and stderr are /dev/null (a query, e.g. to git)
    capture_all, ///< stdout and stderr are captured together, stdin is /dev/null (git's
                 ///< messages, to say why a pull or push failed)
};

/// How a program ended.
struct ChildExit {
    int status = 0;     ///< its exit status; 128 + N when killed by signal N; 127 if not run
    std::string output; ///< what it wrote to stdout, with `ChildOutput::capture`
};

/// Runs the program `argv[0]` (looked up in PATH) with the arguments `argv`, never through a
/// shell, and waits for it. An error only when it cannot be started at all.
Result<ChildExit> run_program(const std::vector<std::string>& argv, ChildOutput output);

/// Faults the file layer injects in place of the system's answers, so that tests can prove
/// what each failure leaves behind without filling a disk or racing a timer. Only tests set
/// one: nothing in the shipped program calls `set_fault_plan`, and an empty plan costs one
/// test of a flag beside each system call.
struct FaultPlan {
    /// Writes fail with ENOSPC once this many bytes have been written since the plan was set
    /// (the write that crosses the limit is cut short first, as on a full disk).
    std::optional<std::size_t> write_fails_after;
    bool fsync_fails = false;       ///< fsync of a file fails with EIO
    bool rename_fails = false;      ///< the final rename (or exclusive rename) fails with EIO
    bool folder_sync_fails = false; ///< fsync of a folder fails with EIO
};

/// Installs `plan` for every later call in this process; `FaultPlan{}` removes it.
void set_fault_plan(const FaultPlan& plan);

} // namespace complaints
