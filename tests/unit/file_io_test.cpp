#include "core/file_io.hpp"
#include "support.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace complaints;
using support::TempFolder;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spill(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

/// Injects `plan` for the lifetime of the guard, and removes it even when a check fails.
class Faults {
  public:
    explicit Faults(const FaultPlan& plan) { set_fault_plan(plan); }
    Faults(const Faults&) = delete;
    Faults& operator=(const Faults&) = delete;
    ~Faults() { set_fault_plan({}); }
};

FaultPlan write_fails_after(std::size_t bytes) {
    FaultPlan plan;
    plan.write_fails_after = bytes;
    return plan;
}

/// Runs `body` in a child process whose files may grow to at most `limit` bytes, as on a
/// full disk: write() fails with EFBIG. Returns the child's exit status.
int with_file_size_limit(rlim_t limit, const std::function<int()>& body) {
    pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small {
            limit, limit
        };
        ::setrlimit(RLIMIT_FSIZE, &small);
        ::_exit(body());
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

const std::string original = "original\n";
const std::string replacement = std::string(10000, 'x') + "\n";

} // namespace

TEST_SUITE_BEGIN("core::file_io");

TEST_CASE("read_text_file refuses symlinks, non-files and files over 1 MiB") {
    TempFolder temp;
    fs::path real = temp.path() / "real.toml";
    spill(real, "x = 1\n");
    CHECK(*read_text_file(real) == "x = 1\n");

    fs::create_symlink(real, temp.path() / "link.toml");
    auto link = read_text_file(temp.path() / "link.toml");
    REQUIRE_FALSE(link.ok());
    CHECK(link.error().message.find("symbolic link") != std::string::npos);

    CHECK_FALSE(read_text_file(temp.path()).ok());

    spill(temp.path() / "big.toml", std::string(max_file_size + 1, '#'));
    auto big = read_text_file(temp.path() / "big.toml");
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().message == "file is larger than 1 MiB");

    auto missing = read_text_file(temp.path() / "missing.toml");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::io);
    CHECK(missing.error().to_string().find("missing.toml: cannot open: No such file") !=
          std::string::npos);
}

TEST_CASE("atomic and exclusive writes") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(create_file_exclusively(path, "first\n").ok());
    auto again = create_file_exclusively(path, "second\n");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().to_string() == shown(path) + ":1:1: already exists");
    CHECK(slurp(path) == "first\n");
    REQUIRE(write_file_atomically(path, "third\n").ok());
    CHECK(slurp(path) == "third\n");
    CHECK(mode_of(path) == 0600);
    CHECK(temp.names() == std::vector<std::string>{"file.toml"});

    if (::geteuid() != 0) { // root ignores folder permissions
        fs::permissions(temp.path(), fs::perms::owner_read | fs::perms::owner_exec);
        auto denied = write_file_atomically(path, "fourth\n");
        fs::permissions(temp.path(), fs::perms::owner_all);
        REQUIRE_FALSE(denied.ok());
        CHECK(denied.error().kind == ErrorKind::io);
        CHECK(slurp(path) == "third\n");
    }
}

TEST_CASE("a write that fails part way (full disk) keeps the original and leaves no temp file") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(write_file_atomically(path, original).ok());
    std::string big(8192, 'x');
    int code = with_file_size_limit(4096, [&] {
        auto replaced = write_file_atomically(path, big);
        if (replaced.ok()) return 1;
        if (replaced.error().kind != ErrorKind::io) return 2;
        if (replaced.error().message != "cannot write: File too large") return 3;
        auto created = create_file_exclusively(temp.path() / "new.toml", big);
        return created.ok() ? 4 : 0;
    });
    CHECK(code == 0);
    CHECK(slurp(path) == original);
    CHECK(temp.names() == std::vector<std::string>{"file.toml"});
}

TEST_CASE("a file its owner made read-only is not replaced") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(write_file_atomically(path, original).ok());
    fs::permissions(path, fs::perms::owner_read);
    auto refused = write_file_atomically(path, "x = 2\n");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::io);
    CHECK(refused.error().to_string() ==
          shown(path) + ": read-only; chmod u+w " + shown(path) + " to allow changes");
    CHECK(slurp(path) == original);
    CHECK(mode_of(path) == 0400);
    CHECK(temp.names() == std::vector<std::string>{"file.toml"});
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    CHECK(write_file_atomically(path, "x = 2\n").ok());
}

TEST_CASE("nothing larger than the readers accept is written") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(write_file_atomically(path, original).ok());
    auto refused = write_file_atomically(path, std::string(max_file_size + 1, 'x'));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("larger than 1 MiB") != std::string::npos);
    CHECK(slurp(path) == original);
    CHECK(temp.names() == std::vector<std::string>{"file.toml"});
    CHECK(write_file_atomically(path, std::string(max_file_size, 'x')).ok());
    CHECK(read_text_file(path).ok());
}

TEST_CASE("an injected fault before the rename keeps the original and leaves no temp file") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(write_file_atomically(path, original).ok());

    // The error names the file being written: the temporary one until the rename.
    auto names_temp = [&](const Error& error) {
        auto name = fs::path(error.file).filename().string();
        CHECK(fs::path(error.file).parent_path() == fs::path(shown(temp.path())));
        CHECK(name.starts_with(".file.toml."));
        CHECK(is_temporary_file_name(name));
    };
    struct Case {
        const char* what;
        FaultPlan plan;
        std::string message;
        bool at_temp;
    };
    FaultPlan fsync_fails, rename_fails;
    fsync_fails.fsync_fails = true;
    rename_fails.rename_fails = true;
    for (const Case& c : {
             Case{"full disk before the first byte", write_fails_after(0),
                  "cannot write: No space left on device", true},
             Case{"full disk after 4096 bytes", write_fails_after(4096),
                  "cannot write: No space left on device", true},
             Case{"full disk one byte short", write_fails_after(replacement.size() - 1),
                  "cannot write: No space left on device", true},
             Case{"fsync fails", fsync_fails, "cannot sync: Input/output error", true},
             Case{"rename fails", rename_fails, "cannot replace: Input/output error", false},
         }) {
        CAPTURE(c.what);
        Faults faults(c.plan);
        auto replaced = write_file_atomically(path, replacement);
        REQUIRE_FALSE(replaced.ok());
        CHECK(replaced.error().kind == ErrorKind::io);
        CHECK(replaced.error().message == c.message);
        if (c.at_temp)
            names_temp(replaced.error());
        else
            CHECK(replaced.error().file == shown(path));
        CHECK(slurp(path) == original);
        CHECK(temp.names() == std::vector<std::string>{"file.toml"});
    }
}

TEST_CASE("an injected fault creating a file creates nothing and leaves no temp file") {
    TempFolder temp;
    fs::path path = temp.path() / "new.toml";
    FaultPlan fsync_fails, rename_fails;
    fsync_fails.fsync_fails = true;
    rename_fails.rename_fails = true;
    for (const auto& fault : {
             std::pair{write_fails_after(100), "cannot write: No space left on device"},
             std::pair{fsync_fails, "cannot sync: Input/output error"},
             std::pair{rename_fails, "cannot create: Input/output error"},
         }) {
        // Named references, not a structured binding: clang 14 cannot capture one in CAPTURE.
        const auto& plan = fault.first;
        const auto& message = fault.second;
        CAPTURE(message);
        Faults faults(plan);
        auto created = create_file_exclusively(path, replacement);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::io);
        CHECK(created.error().message == message);
        CHECK(temp.names().empty());
    }
    CHECK(create_file_exclusively(path, replacement).ok()); // no fault left behind
}

TEST_CASE("a folder that cannot be synced after the rename: the new text is in place") {
    TempFolder temp;
    fs::path path = temp.path() / "file.toml";
    REQUIRE(write_file_atomically(path, original).ok());
    FaultPlan plan;
    plan.folder_sync_fails = true;
    Faults faults(plan);
    auto replaced = write_file_atomically(path, replacement);
    REQUIRE_FALSE(replaced.ok());
    CHECK(replaced.error().to_string() ==
          shown(temp.path()) + ": cannot sync folder: Input/output error");
    CHECK(slurp(path) == replacement); // renamed, but perhaps not yet durable
    CHECK(temp.names() == std::vector<std::string>{"file.toml"});
}

TEST_CASE("temporary file names") {
    CHECK(is_temporary_file_name(".275abcde.toml.Ab12Cd"));
    CHECK(is_temporary_file_name(".register.toml.000000"));
    CHECK_FALSE(is_temporary_file_name("275abcde.toml"));
    CHECK_FALSE(is_temporary_file_name(".gitkeep"));
    CHECK_FALSE(is_temporary_file_name("275abcde.toml.orig"));
    CHECK_FALSE(is_temporary_file_name(".Ab12Cd"));
    CHECK_FALSE(is_temporary_file_name(".edit-275abcde-Ab12Cd.toml"));
}

TEST_CASE("create_unique_file: a new private file with a random middle") {
    TempFolder temp;
    auto first = create_unique_file(temp.path(), ".edit-a-", ".toml", "text\n");
    auto second = create_unique_file(temp.path(), ".edit-a-", ".toml", "text\n");
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first != *second);
    auto name = first->filename().string();
    CHECK(name.size() == std::string(".edit-a-XXXXXX.toml").size());
    CHECK(name.starts_with(".edit-a-"));
    CHECK(name.ends_with(".toml"));
    CHECK(slurp(*first) == "text\n");
    CHECK(mode_of(*first) == 0600);

    Faults faults(write_fails_after(2));
    auto full = create_unique_file(temp.path(), ".edit-b-", ".toml", "text\n");
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().message == "cannot write: No space left on device");
    CHECK(temp.names().size() == 2); // the half-written one is gone
}

TEST_CASE("make_folders creates every missing folder with mode 0700") {
    TempFolder temp;
    REQUIRE(make_folders(temp.path() / "a/b/c").ok());
    CHECK(mode_of(temp.path() / "a") == 0700);
    CHECK(mode_of(temp.path() / "a/b/c") == 0700);
    CHECK(make_folder(temp.path() / "a").ok()); // one that exists is fine
    spill(temp.path() / "file", "");
    auto blocked = make_folders(temp.path() / "file/d");
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().kind == ErrorKind::io);
    CHECK(sync_folder(temp.path()).ok());
}

TEST_CASE("a lock held by another holder is busy after the wait, free once released") {
    TempFolder temp;
    fs::path path = temp.path() / ".lock";
    std::optional<FileLock> held;
    {
        auto first = FileLock::take(path, std::chrono::milliseconds{0});
        REQUIRE(first.ok());
        held.emplace(std::move(*first));
    }
    CHECK(mode_of(path) == 0600);
    auto started = std::chrono::steady_clock::now();
    auto busy = FileLock::take(path, std::chrono::milliseconds{50});
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds{50});
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().kind == ErrorKind::busy);
    CHECK(busy.error().to_string() ==
          shown(path) + ": another process has held the lock for 50 ms");
    held.reset();
    CHECK(FileLock::take(path, std::chrono::milliseconds{0}).ok());

    fs::create_symlink(temp.path() / "elsewhere", temp.path() / "link");
    auto link = FileLock::take(temp.path() / "link", std::chrono::milliseconds{0});
    REQUIRE_FALSE(link.ok());
    CHECK(link.error().message.find("cannot open the lock file") == 0);
    CHECK_FALSE(fs::exists(temp.path() / "elsewhere"));
}

TEST_CASE("deleting the lock file while the lock is held lets no second holder in") {
    TempFolder temp;
    fs::path path = temp.path() / ".lock";
    auto first = FileLock::take(path, std::chrono::milliseconds{0});
    REQUIRE(first.ok());
    fs::remove(path);
    auto second = FileLock::take(path, std::chrono::milliseconds{50});
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == ErrorKind::busy);
    SUBCASE("nor does a lock file put in its place") {
        spill(path, "");
        CHECK(FileLock::take(path, std::chrono::milliseconds{20}).error().kind == ErrorKind::busy);
    }
    { [[maybe_unused]] FileLock released = std::move(*first); }
    CHECK(FileLock::take(path, std::chrono::milliseconds{0}).ok());
}

TEST_CASE("run_program: an argument array, never a shell; output captured; exit status") {
    auto printed = run_program({"printf", "%s|", "a b", "$HOME", ";", "*"}, ChildOutput::capture);
    REQUIRE(printed.ok());
    CHECK(printed->status == 0);
    CHECK(printed->output == "a b|$HOME|;|*|");

    auto failed = run_program({"sh", "-c", "echo out; echo err >&2; exit 3"}, ChildOutput::capture);
    REQUIRE(failed.ok());
    CHECK(failed->status == 3);
    CHECK(failed->output == "out\n"); // stderr goes nowhere

    auto no_input = run_program({"cat"}, ChildOutput::capture); // stdin is empty, not ours
    REQUIRE(no_input.ok());
    CHECK(no_input->output.empty());

    auto missing = run_program({"no-such-program-here"}, ChildOutput::capture);
    REQUIRE(missing.ok());
    CHECK(missing->status == 127);

    auto killed = run_program({"sh", "-c", "kill -9 $$"}, ChildOutput::inherit);
    REQUIRE(killed.ok());
    CHECK(killed->status == 128 + 9);

    auto inherited = run_program({"true"}, ChildOutput::inherit);
    REQUIRE(inherited.ok());
    CHECK(inherited->status == 0);
    CHECK(inherited->output.empty());

    CHECK_FALSE(run_program({}, ChildOutput::capture).ok());
}

TEST_CASE("run_program: Ctrl-C while a program shares the terminal reaches only the program") {
    // The program interrupts its whole process group, as Ctrl-C on a terminal does. We are in
    // that group and must survive it, to clean up after the program. Run in a child with a
    // group of its own, so that the interrupt reaches nothing else.
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::setpgid(0, 0);
        ::signal(SIGINT, SIG_DFL); // as in a command run from a terminal (a test runner may differ)
        auto ran = run_program({"sh", "-c", "kill -INT 0; exit 0"}, ChildOutput::inherit);
        struct sigaction after {};
        ::sigaction(SIGINT, nullptr, &after);
        bool ok = ran && ran->status == 128 + SIGINT && after.sa_handler == SIG_DFL;
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_SUITE_END();
