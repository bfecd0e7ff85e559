#include "cli/private_file.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace complaints;
using namespace complaints::support;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("cli::private_file");

TEST_CASE("a report or letter written to a file is readable by its owner only") {
    TempFolder folder;
    const mode_t old_mask = ::umask(022);
    const std::string path = (folder.path() / "report.html").string();
    const Status written =
        cli::write_private_file(path, "<p>3 complaints</p>\n", false, "a report");
    ::umask(old_mask);
    REQUIRE(written.ok());
    CHECK(read_text(path) == "<p>3 complaints</p>\n");
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("an existing file is replaced only with --force, and still 0600") {
    TempFolder folder;
    const std::string path = (folder.path() / "report.txt").string();
    REQUIRE(cli::write_private_file(path, "first\n", false, "a report").ok());
    const Status again = cli::write_private_file(path, "second\n", false, "a report");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == path + ": already exists; add --force to replace it");
    CHECK(read_text(path) == "first\n");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    REQUIRE(cli::write_private_file(path, "second\n", true, "a report").ok());
    CHECK(read_text(path) == "second\n");
    CHECK((fs::status(path).permissions() & fs::perms::others_read) == fs::perms::none);
}

TEST_CASE("a symbolic link is never written through") {
    TempFolder folder;
    const fs::path target = folder.path() / "elsewhere.txt";
    const fs::path link = folder.path() / "report.txt";
    fs::create_symlink(target, link);
    const Status written = cli::write_private_file(link.string(), "x\n", true, "a report");
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().message ==
          link.string() + ": is a symbolic link; a report is never written through one");
    CHECK_FALSE(fs::exists(target));
}

TEST_SUITE_END();
