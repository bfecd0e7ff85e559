// The file layer (file_io.hpp). Writes, fsyncs and renames go through the few wrappers at the
// top, which is where a test's FaultPlan takes effect.

#include "file_io.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace complaints {

namespace {

constexpr auto lock_retry = std::chrono::milliseconds{10};

// --- The fault seam: write, fsync and rename, failing where a test's plan says --------------

FaultPlan faults;              ///< what tests asked to fail; empty in the shipped program
bool faults_set = false;       ///< whether `faults` is anything but empty
std::size_t written_bytes = 0; ///< bytes written since the plan was set, for write_fails_after

ssize_t write_some(int fd, const char* data, std::size_t size) {
    if (faults_set && faults.write_fails_after) {
        auto limit = *faults.write_fails_after;
        if (written_bytes >= limit) {
            errno = ENOSPC;
            return -1;
        }
        size = std::min(size, limit - written_bytes);
    }
    ssize_t count = ::write(fd, data, size);
    if (faults_set && count > 0) written_bytes += static_cast<std::size_t>(count);
    return count;
}

int sync_descriptor(int fd, bool fails) {
    if (faults_set && fails) {
        errno = EIO;
        return -1;
    }
    return ::fsync(fd);
}

int rename_over(const fs::path& from, const fs::path& to) {
    if (faults_set && faults.rename_fails) {
        errno = EIO;
        return -1;
    }
    return ::rename(from.c_str(), to.c_str());
}

/// Moves `from` to `to` only if `to` does not exist (renameat2, or link where unsupported).
int rename_no_replace(const fs::path& from, const fs::path& to) {
    if (faults_set && faults.rename_fails) {
        errno = EIO;
        return -1;
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
    if (::link(from.c_str(), to.c_str()) != 0) return -1;
    ::unlink(from.c_str());
    return 0;
}

// --- Reading and writing ------------------------------------------------------------------

Status read_all(int fd, const fs::path& path, std::string& out) {
    char buffer[65536];
    for (;;) {
        ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) return io_failure(path, "cannot read", errno);
        if (count == 0) return done();
        out.append(buffer, static_cast<std::size_t>(count));
        if (out.size() > max_file_size)
            return data_error(shown(path), 1, 1, "file is larger than 1 MiB");
    }
}

Status write_all(int fd, const fs::path& path, std::string_view text) {
    while (!text.empty()) {
        ssize_t count = write_some(fd, text.data(), text.size());
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) return io_failure(path, "cannot write", errno);
        text.remove_prefix(static_cast<std::size_t>(count));
    }
    return done();
}

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

/// Fails unless the file behind `fd` now holds exactly `text` (read back from the start).
Status reads_back(int fd, const fs::path& path, std::string_view text) {
    if (::lseek(fd, 0, SEEK_SET) != 0) return io_failure(path, "cannot read back", errno);
    std::string back;
    if (auto status = read_all(fd, path, back); !status) return status;
    if (back == text) return done();
    return Error{ErrorKind::io, "what was written does not read back the same; nothing changed",
                 shown(path)};
}

/// Nothing larger than the readers accept is ever written.
Status check_size(const fs::path& path, std::string_view text) {
    if (text.size() <= max_file_size) return done();
    return data_error(shown(path), 1, 1,
                      "the file would be larger than 1 MiB, more than complaints reads; nothing "
                      "was changed");
}

/// A complete, synced temp file next to `path`; removed on destruction unless released.
class TempFile {
  public:
    static Result<TempFile> write(const fs::path& path, std::string_view text) {
        if (auto status = check_size(path, text); !status) return status.error();
        TempFile temp;
        auto name = (folder_of(path) / ("." + path.filename().string() + ".XXXXXX")).string();
        FileDescriptor fd(::mkostemp(name.data(), O_CLOEXEC));
        if (fd.get() < 0) return io_failure(path, "cannot create a temporary file", errno);
        temp.path_ = name;
        if (auto status = write_all(fd.get(), temp.path_, text); !status) return status.error();
        if (sync_descriptor(fd.get(), faults.fsync_fails) != 0)
            return io_failure(temp.path_, "cannot sync", errno);
        if (auto status = reads_back(fd.get(), temp.path_, text); !status) return status.error();
        if (::close(fd.release()) != 0) return io_failure(temp.path_, "cannot close", errno);
        return temp;
    }
    TempFile() = default;
    TempFile(TempFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}
    TempFile(const TempFile&) = delete;
    ~TempFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    const fs::path& path() const { return path_; }
    void release() { path_.clear(); }

  private:
    fs::path path_;
};

// --- Running a program --------------------------------------------------------------------

/// While a program shares our terminal, Ctrl-C and Ctrl-\ are for it alone, as system(3) does:
/// we wait for it and clean up after it whatever it does with them.
class InterruptsIgnored {
  public:
    explicit InterruptsIgnored(bool active) : active_(active) {
        if (!active_) return;
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGINT, &ignore, &interrupt_);
        ::sigaction(SIGQUIT, &ignore, &quit_);
    }
    InterruptsIgnored(const InterruptsIgnored&) = delete;
    InterruptsIgnored& operator=(const InterruptsIgnored&) = delete;
    ~InterruptsIgnored() { restore(); }
    /// Puts back what was there before (also in the child, before it runs the program).
    void restore() const {
        if (!active_) return;
        ::sigaction(SIGINT, &interrupt_, nullptr);
        ::sigaction(SIGQUIT, &quit_, nullptr);
    }

  private:
    bool active_;
    struct sigaction interrupt_ {};
    struct sigaction quit_ {};
};

/// The child's side of run_program: the standard streams as asked, then the program.
[[noreturn]] void become_program(char* const* argv, ChildOutput output, int stdout_fd,
                                 const InterruptsIgnored& interrupts) {
    interrupts.restore();
    if (output != ChildOutput::inherit) {
        int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        ::dup2(null, STDIN_FILENO);
        ::dup2(stdout_fd, STDOUT_FILENO);
        ::dup2(output == ChildOutput::capture_all ? stdout_fd : null, STDERR_FILENO);
    }
    ::execvp(argv[0], argv);
    ::_exit(127);
}

Status read_pipe(int fd, std::string& out) {
    char buffer[4096];
    for (;;) {
        ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0)
            return io_error(
                fmt::format("cannot read a program's output: {}", std::strerror(errno)));
        if (count == 0) return done();
        out.append(buffer, static_cast<std::size_t>(count));
    }
}

int wait_for(pid_t child) {
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR) return 127;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 127;
}

// --- The lock --------------------------------------------------------------------------------

Result<FileDescriptor> open_lock_file(const fs::path& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) return io_failure(path, "cannot open the lock file", errno);
    return fd;
}

/// Whether `fd` is still the file `path` names: not deleted or replaced since it was opened.
bool still_named(int fd, const fs::path& path) {
    struct stat open_file {
    }, named{};
    return ::fstat(fd, &open_file) == 0 && ::lstat(path.c_str(), &named) == 0 &&
           open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

/// Tries once to lock `file` (then checked to be still named `path`) and then `folder`: true
/// when both are held; false, with neither held, when either is busy or the file was
/// replaced. A folder that cannot be locked at all (some network file systems) is left to the
/// lock file alone.
Result<bool> lock_both(const FileDescriptor& file, const FileDescriptor& folder,
                       const fs::path& path) {
    if (::flock(file.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK || errno == EINTR) return false;
        return io_failure(path, "cannot lock", errno);
    }
    if (!still_named(file.get(), path)) return false; // closing it lets go of the lock
    if (::flock(folder.get(), LOCK_EX | LOCK_NB) == 0) return true;
    if (errno != EWOULDBLOCK && errno != EINTR) return true;
    ::flock(file.get(), LOCK_UN);
    return false;
}

} // namespace

FileDescriptor::~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
}

std::string shown(const fs::path& path) {
    return path.lexically_normal().string();
}

Error io_failure(const fs::path& path, std::string_view what, int error_number) {
    return Error{ErrorKind::io, fmt::format("{}: {}", what, std::strerror(error_number)),
                 shown(path)};
}

void set_fault_plan(const FaultPlan& plan) {
    faults = plan;
    faults_set =
        plan.write_fails_after || plan.fsync_fails || plan.rename_fails || plan.folder_sync_fails;
    written_bytes = 0;
}

Result<std::string> read_text_file(const fs::path& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0 && errno == ELOOP)
        return data_error(shown(path), 1, 1, "is a symbolic link; refusing to follow it");
    if (fd.get() < 0) return io_failure(path, "cannot open", errno);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return io_failure(path, "cannot examine", errno);
    if (!S_ISREG(info.st_mode)) return data_error(shown(path), 1, 1, "is not a regular file");
    if (static_cast<std::uintmax_t>(info.st_size) > max_file_size)
        return data_error(shown(path), 1, 1, "file is larger than 1 MiB");
    std::string text;
    if (auto status = read_all(fd.get(), path, text); !status) return status.error();
    return text;
}

Status write_file_atomically(const fs::path& path, std::string_view text) {
    // A rename replaces a read-only file as easily as any other (and root ignores modes):
    // the owner's u-w is a choice to keep the file as it is, so it is honoured here.
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && !(info.st_mode & S_IWUSR))
        return Error{ErrorKind::io,
                     fmt::format("read-only; chmod u+w {} to allow changes", shown(path)),
                     shown(path)};
    auto temp = TempFile::write(path, text);
    if (!temp) return temp.error();
    if (rename_over(temp->path(), path) != 0) return io_failure(path, "cannot replace", errno);
    temp->release();
    return sync_folder(folder_of(path));
}

Status create_file_exclusively(const fs::path& path, std::string_view text) {
    auto temp = TempFile::write(path, text);
    if (!temp) return temp.error();
    if (rename_no_replace(temp->path(), path) != 0) {
        if (errno == EEXIST) return data_error(shown(path), 1, 1, "already exists");
        return io_failure(path, "cannot create", errno);
    }
    temp->release();
    return sync_folder(folder_of(path));
}

bool is_temporary_file_name(std::string_view name) {
    auto dot = name.rfind('.');
    return name.size() > 8 && name[0] == '.' && dot != 0 && name.size() - dot == 7;
}

Result<fs::path> create_unique_file(const fs::path& folder, std::string_view prefix,
                                    std::string_view suffix, std::string_view text) {
    if (auto status = check_size(folder / prefix, text); !status) return status.error();
    auto name = (folder / fmt::format("{}XXXXXX{}", prefix, suffix)).string();
    FileDescriptor fd(::mkostemps(name.data(), static_cast<int>(suffix.size()), O_CLOEXEC));
    if (fd.get() < 0) return io_failure(folder, "cannot create a temporary file", errno);
    fs::path made = name;
    Status written = write_all(fd.get(), made, text);
    if (written && ::close(fd.release()) != 0) written = io_failure(made, "cannot close", errno);
    if (written) return made;
    ::unlink(made.c_str());
    return written.error();
}

Status sync_folder(const fs::path& folder) {
    FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) return io_failure(folder, "cannot open folder", errno);
    if (sync_descriptor(fd.get(), faults.folder_sync_fails) != 0 && errno != EINVAL)
        return io_failure(folder, "cannot sync folder", errno);
    return done();
}

Status make_folder(const fs::path& path) {
    if (::mkdir(path.c_str(), 0700) == 0 || errno == EEXIST) return done();
    return io_failure(path, "cannot create folder", errno);
}

Status make_folders(const fs::path& path) {
    if (path.empty() || fs::exists(path)) return done();
    if (path.has_parent_path() && path.parent_path() != path)
        if (auto status = make_folders(path.parent_path()); !status) return status;
    return make_folder(path);
}

Result<FileLock> FileLock::take(const fs::path& path, std::chrono::milliseconds wait) {
    FileDescriptor folder(::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0) return io_failure(folder_of(path), "cannot open the folder", errno);
    for (auto waited = std::chrono::milliseconds{0};; waited += lock_retry) {
        auto file = open_lock_file(path);
        if (!file) return file.error();
        auto locked = lock_both(*file, folder, path);
        if (!locked) return locked.error();
        if (*locked) return FileLock(std::move(*file), std::move(folder));
        if (waited >= wait) break;
        std::this_thread::sleep_for(lock_retry);
    }
    return Error{ErrorKind::busy,
                 fmt::format("another process has held the lock for {} ms", wait.count()),
                 shown(path)};
}

Result<ChildExit> run_program(const std::vector<std::string>& argv, ChildOutput output) {
    if (argv.empty()) return io_error("cannot start a program: none was named");
    std::vector<std::string> words = argv;
    std::vector<char*> pointers;
    for (auto& word : words)
        pointers.push_back(word.data());
    pointers.push_back(nullptr);
    int ends[2] = {-1, -1};
    const bool capturing = output != ChildOutput::inherit;
    if (capturing && ::pipe2(ends, O_CLOEXEC) != 0)
        return io_failure(argv[0], "cannot start", errno);
    FileDescriptor from_child(ends[0]), to_parent(ends[1]);
    InterruptsIgnored interrupts(output == ChildOutput::inherit);
    pid_t child = ::fork();
    if (child < 0) return io_failure(argv[0], "cannot start", errno);
    if (child == 0) become_program(pointers.data(), output, to_parent.get(), interrupts);
    if (to_parent.get() >= 0) ::close(to_parent.release()); // reading ends with the child
    ChildExit result;
    Status captured = capturing ? read_pipe(from_child.get(), result.output) : Status(done());
    if (from_child.get() >= 0) ::close(from_child.release()); // a child still writing stops
    result.status = wait_for(child);
    if (!captured) return captured.error();
    return result;
}

// --- Stamps, mapped files and files written in pieces -------------------------------------

namespace {

std::int64_t nanoseconds(const struct timespec& time) {
    return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

FileStamp stamp_of(const struct stat& info) {
    return {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
            static_cast<std::uint64_t>(info.st_size), nanoseconds(info.st_mtim),
            nanoseconds(info.st_ctim)};
}

} // namespace

std::vector<std::string> folder_entries(const fs::path& folder) {
    std::vector<std::string> names;
    DIR* listing = ::opendir(folder.c_str());
    if (!listing) return names;
    while (const struct dirent* entry = ::readdir(listing)) {
        const std::string_view name = entry->d_name;
        if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(listing);
    return names;
}

FileDescriptor open_folder(const fs::path& folder) {
    return FileDescriptor(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

std::optional<FileStamp> stamp_file(const FileDescriptor& folder, const std::string& name) {
    struct stat info {};
    if (folder.get() < 0 ||
        ::fstatat(folder.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(info.st_mode))
        return std::nullopt;
    return stamp_of(info);
}

bool is_private_folder(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
           info.st_uid == ::geteuid() && (info.st_mode & 0077) == 0;
}

std::int64_t file_clock_ns() {
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return nanoseconds(now);
}

std::optional<FileStamp> program_stamp() {
    struct stat info {};
    if (::stat("/proc/self/exe", &info) != 0) return std::nullopt;
    return stamp_of(info);
}

std::optional<MappedFile> MappedFile::open_private(const fs::path& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) return std::nullopt;
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid() ||
        (info.st_mode & 0077) != 0 || info.st_size <= 0)
        return std::nullopt;
    const auto size = static_cast<std::size_t>(info.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (data == MAP_FAILED) return std::nullopt;
    return MappedFile(static_cast<const char*>(data), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::forget(std::size_t offset, std::size_t length) const {
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t first = (offset + page - 1) / page * page; // whole pages inside only
    const std::size_t end = std::min(offset + length, size_) / page * page;
    if (end > first) ::madvise(const_cast<char*>(data_) + first, end - first, MADV_DONTNEED);
}

void MappedFile::prefetch(std::size_t offset, std::size_t length) const {
#ifndef MADV_POPULATE_READ
    constexpr int MADV_POPULATE_READ = 22; // Linux 5.14; older kernels refuse it, harmlessly
#endif
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t first = offset / page * page;
    const std::size_t end = std::min(offset + length, size_);
    if (end > first) ::madvise(const_cast<char*>(data_) + first, end - first, MADV_POPULATE_READ);
}

Result<PieceWriter> PieceWriter::start(const fs::path& final_path) {
    // A file with no name until it is whole: a writer killed part way leaves nothing behind.
    int fd = ::open(folder_of(final_path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) return PieceWriter(final_path, {}, fd);
    auto name =
        (folder_of(final_path) / ("." + final_path.filename().string() + ".XXXXXX")).string();
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return io_failure(final_path, "cannot create a temporary file", errno);
    return PieceWriter(final_path, name, fd);
}

Status PieceWriter::name_unnamed() {
    // Linked at its final name, never at a temporary one that a kill between link and rename
    // would leave behind. A link cannot replace a file, so the old one goes first: a reader in
    // between finds none and reads what it stands for; of two writers at once, the last stays.
    const auto self = fmt::format("/proc/self/fd/{}", fd_.get());
    for (int tries = 0; tries < 100; ++tries) {
        if (::unlink(final_path_.c_str()) != 0 && errno != ENOENT)
            return io_failure(final_path_, "cannot replace", errno);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, final_path_.c_str(), AT_SYMLINK_FOLLOW) == 0)
            return ::close(fd_.release()) == 0 ? done()
                                               : io_failure(final_path_, "cannot close", errno);
        if (errno != EEXIST) return io_failure(final_path_, "cannot name the file", errno);
    }
    return io_failure(final_path_, "cannot replace", EEXIST);
}

PieceWriter::PieceWriter(fs::path final_path, fs::path temp_path, int fd)
    : final_path_(std::move(final_path)), temp_path_(std::move(temp_path)), fd_(fd) {}

PieceWriter::PieceWriter(PieceWriter&& other) noexcept
    : final_path_(std::move(other.final_path_)), temp_path_(std::exchange(other.temp_path_, {})),
      fd_(std::move(other.fd_)), buffer_(std::move(other.buffer_)), written_(other.written_),
      failure_(std::move(other.failure_)) {}

PieceWriter::~PieceWriter() {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void PieceWriter::write(std::string_view bytes) {
    buffer_.append(bytes);
    written_ += bytes.size();
    if (buffer_.size() >= (1u << 20)) flush();
}

void PieceWriter::flush() {
    if (!failure_)
        if (auto status = write_all(fd_.get(), temp_path_, buffer_); !status)
            failure_ = status.error();
    buffer_.clear();
}

Status PieceWriter::finish() {
    flush();
    if (failure_) return *failure_;
    if (temp_path_.empty()) return name_unnamed();
    if (::close(fd_.release()) != 0) return io_failure(temp_path_, "cannot close", errno);
    if (rename_over(temp_path_, final_path_) != 0)
        return io_failure(final_path_, "cannot replace", errno);
    temp_path_.clear();
    return done();
}

} // namespace complaints
