// The part of `check` that asks git about the register's files (src/cli/check_files.cpp): here,
// whether a file is in an unresolved conflict, which every write asks.
#include "cli/check_files.hpp"
#include "core/file_io.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <string>
#include <vector>

using namespace complaints;
using namespace complaints::cli;
using support::TempFolder;

namespace {

/// Runs git in `folder` as a test user, without anyone's configuration; its exit status.
int git(const fs::path& folder, std::vector<std::string> args) {
    std::vector<std::string> argv{"git",
                                  "-C",
                                  folder.string(),
                                  "-c",
                                  "user.name=Test",
                                  "-c",
                                  "user.email=test@example.org",
                                  "-c",
                                  "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto ran = run_program(argv, ChildOutput::capture);
    REQUIRE(ran.ok());
    return ran->status;
}

void spill(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_SUITE_BEGIN("cli::check_files");

TEST_CASE("refuse_unmerged: a file changed on one side and deleted on the other, until added") {
    TempFolder temp;
    const fs::path file = temp.path() / "275abcde.toml";
    spill(file, "id = \"275abcde\"\n");
    CHECK(refuse_unmerged(file).ok()); // in no git work tree: git is not even asked
    REQUIRE(git(temp.path(), {"init", "-q", "-b", "main"}) == 0);
    REQUIRE(git(temp.path(), {"add", "."}) == 0);
    REQUIRE(git(temp.path(), {"commit", "-qm", "first"}) == 0);
    CHECK(refuse_unmerged(file).ok());
    REQUIRE(git(temp.path(), {"checkout", "-qb", "deleted"}) == 0);
    REQUIRE(git(temp.path(), {"rm", "-q", "275abcde.toml"}) == 0);
    REQUIRE(git(temp.path(), {"commit", "-qm", "delete"}) == 0);
    REQUIRE(git(temp.path(), {"checkout", "-q", "main"}) == 0);
    spill(file, "id = \"275abcde\"\nname = \"Jo\"\n");
    REQUIRE(git(temp.path(), {"commit", "-qam", "change"}) == 0);
    REQUIRE(git(temp.path(), {"merge", "-q", "deleted"}) != 0);

    auto refused = refuse_unmerged(file);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::data);
    CHECK(refused.error().to_string() ==
          file.lexically_normal().string() +
              ":1:1: unresolved git conflict (git lists the file as unmerged): resolve the "
              "conflict (keep the right lines, delete the marker lines), then 'git add' the file");
    REQUIRE(git(temp.path(), {"add", "275abcde.toml"}) == 0);
    CHECK(refuse_unmerged(file).ok());
}

TEST_SUITE_END();
