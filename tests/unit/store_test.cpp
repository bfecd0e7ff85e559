#include "complaints/store.hpp"
#include "core/file_io.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace complaints;
using support::TempFolder;

namespace {

/// Only what parse_policy needs; see docs/POLICY.md for the full language.
const char* tiny_policy = R"(# a tiny policy for tests
[policy]
id = "tiny"
version = "2026-01-01"
title = "Tiny procedure"

[calendar]
time_zone = "Europe/London"

[[stage]]
id = "formal"
title = "Formal complaint"
entry = ["receipt"]

[[stage.milestone]]
id = "acknowledge"
within = "48 hours"
from = "receipt"
met_by = "acknowledged"
)";

const date::time_zone* london() {
    return date::locate_zone("Europe/London");
}

Instant utc(int y, unsigned m, unsigned d, int hh = 0) {
    return date::sys_days{date::year{y} / m / d} + std::chrono::hours{hh};
}

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

Complaint new_complaint(std::string id) {
    Complaint c;
    c.id = std::move(id);
    c.policy = "tiny";
    c.policy_version = "2026-01-01";
    c.received = utc(2026, 3, 27, 10);
    c.name = "Jo Bloggs";
    c.summary = "Child left unsupervised";
    return c;
}

Event note_at(Instant at, std::string text) {
    Event e;
    e.at = at;
    e.type = "note";
    e.by = "sarah";
    e.text = std::move(text);
    return e;
}

Status accept(const Complaint&) {
    return done();
}

/// Runs git with an argv array (no shell), quietly; true when it exits 0.
bool git(const fs::path& folder, std::vector<std::string> args) {
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
    return ran && ran->status == 0;
}

struct Fixture {
    TempFolder temp;
    fs::path root = temp.path() / "register";
    Register reg = [&] {
        auto made = Register::init(root, tiny_policy, "tiny.toml");
        if (!made) FAIL(made.error().to_string());
        return *made;
    }();
};

} // namespace

TEST_SUITE_BEGIN("core::store");

TEST_CASE("init lays out the register with private permissions") {
    Fixture f;
    CHECK(f.reg.default_policy_id() == "tiny");
    CHECK(slurp(f.root / "register.toml") == "# complaints register\npolicy = \"tiny\"\n");
    CHECK(slurp(f.root / "policies/tiny.toml") == tiny_policy);
    CHECK(slurp(f.root / ".gitattributes").find("\ncomplaints/*.toml merge=union\n") !=
          std::string::npos);
    CHECK(slurp(f.root / ".gitignore").find("\n.lock\n") != std::string::npos);
    CHECK(mode_of(f.root) == 0700);
    CHECK(mode_of(f.root / "complaints") == 0700);
    CHECK(mode_of(f.root / "policies") == 0700);
    CHECK(mode_of(f.root / "register.toml") == 0600);
    CHECK(mode_of(f.root / "policies/tiny.toml") == 0600);
}

TEST_CASE("init refuses an existing register and a bad policy, creating nothing") {
    Fixture f;
    auto again = Register::init(f.root, tiny_policy, "tiny.toml");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already a register") != std::string::npos);

    fs::path other = f.temp.path() / "other";
    auto bad = Register::init(other, "[policy]\nid = 3\n", "bad.toml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == ErrorKind::data);
    CHECK(bad.error().file == "bad.toml");
    CHECK_FALSE(fs::exists(other));
}

TEST_CASE("find walks up from a subfolder; outside a register it says what to do") {
    Fixture f;
    fs::create_directories(f.root / "complaints/sub/deeper");
    auto found = Register::find(f.root / "complaints/sub/deeper");
    REQUIRE(found.ok());
    CHECK(fs::equivalent(found->root(), f.root));
    CHECK(found->default_policy_id() == "tiny");

    auto missing = Register::find(f.temp.path());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::not_found);
    CHECK(missing.error().message == "no complaints register here or in any parent folder (run "
                                     "'complaints init' or pass -C DIR)");
}

TEST_CASE("a register found from the working folder shows paths relative to it") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path saved = fs::current_path();
    fs::current_path(f.root);
    auto found = Register::find(fs::current_path());
    auto loaded = found ? found->load("275abcde") : Result<Complaint>(found.error());
    fs::current_path(saved);
    REQUIRE(loaded.ok());
    CHECK(found->root() == ".");
    CHECK(loaded->path == "complaints/275abcde.toml");
}

TEST_CASE("register.toml with an unknown key is a located data error") {
    Fixture f;
    spill(f.root / "register.toml", "policy = \"tiny\"\npolicyy = \"x\"\n");
    auto opened = Register::open(f.root);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().line == 2);
    CHECK(opened.error().message.find("unknown key 'policyy'") == 0);
}

TEST_CASE("policies: the latest version by default, a named version on request") {
    Fixture f;
    std::string newer = tiny_policy;
    newer.replace(newer.find("2026-01-01"), 10, "2026-06-01");
    spill(f.reg.policies_dir() / "tiny-2026-06-01.toml", newer);
    CHECK(f.reg.policy("tiny")->version == "2026-06-01");
    CHECK(f.reg.policy("tiny", "2026-01-01")->version == "2026-01-01");
    auto missing = f.reg.policy("tiny", "1999-01-01");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message ==
          "no policy 'tiny' version '1999-01-01' here (have: tiny 2026-01-01, tiny 2026-06-01)");
    CHECK(f.reg.policies()->size() == 2);
}

TEST_CASE("create, resolve, load and append") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(f.reg.create(new_complaint("275abxyz"), london()).ok());
    CHECK(mode_of(f.reg.complaint_path("275abcde")) == 0600);
    CHECK(f.reg.complaint_ids() == std::vector<std::string>{"275abcde", "275abxyz"});
    CHECK(*f.reg.resolve_id("cde") == "275abcde");
    CHECK(f.reg.resolve_id("275ab").error().message == "ambiguous ID '275ab': 275abcde, 275abxyz");

    auto again = f.reg.create(new_complaint("275abcde"), london());
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already exists") != std::string::npos);

    REQUIRE(
        f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "Called Jo"), london(), accept).ok());
    auto loaded = f.reg.load("275abcde");
    REQUIRE(loaded.ok());
    REQUIRE(loaded->events.size() == 1);
    CHECK(loaded->events[0].text == "Called Jo");
    CHECK(loaded->name == "Jo Bloggs");
    CHECK(loaded->path == (f.root / "complaints/275abcde.toml").lexically_normal().string());
}

TEST_CASE("a whole ID in any case resolves to its file; one without a file is not found") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    CHECK(*f.reg.resolve_id("275ABCDE") == "275abcde");
    CHECK(*f.reg.resolve_id("275abcde") == "275abcde");
    CHECK(f.reg.resolve_id("275abcdf").error().message == "no complaint '275abcdf'");
}

TEST_CASE("load_all reads a large register on every core to the answer one at a time gives") {
    Fixture f;
    // Enough files for several readers; some do not read, and must be reported in order too.
    std::vector<std::string> ids;
    for (int i = 0; i < 1200; ++i) {
        std::string id = fmt::format("27{:06}", i);
        Complaint c = new_complaint(id);
        c.summary = fmt::format("complaint number {}", i);
        REQUIRE(f.reg.create(c, london()).ok());
        ids.push_back(id);
    }
    for (int i : {7, 500, 1199})
        spill(f.reg.complaint_path(ids[static_cast<std::size_t>(i)]), "id = broken\n");
    LoadedComplaints all = f.reg.load_all();
    std::vector<Complaint> one_by_one;
    std::vector<std::string> errors_one_by_one;
    for (const std::string& id : f.reg.complaint_ids()) {
        auto loaded = f.reg.load(id);
        if (loaded)
            one_by_one.push_back(*loaded);
        else
            errors_one_by_one.push_back(loaded.error().to_string());
    }
    CHECK(all.complaints.size() == 1197);
    CHECK(all.complaints == one_by_one);
    std::vector<std::string> errors;
    for (const Error& error : all.errors)
        errors.push_back(error.to_string());
    CHECK(errors == errors_one_by_one);
}

TEST_CASE("append keeps every earlier byte, including a person's comment") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string edited = slurp(path);
    edited.insert(edited.find("name ="), "# Jo prefers a phone call\n");
    spill(path, edited);
    REQUIRE(f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "one"), london(), accept).ok());
    REQUIRE(f.reg.append("275abcde", note_at(utc(2026, 3, 29, 9), "two"), london(), accept).ok());
    std::string after = slurp(path);
    std::string before_bracket = edited.substr(0, edited.rfind("]\n"));
    CHECK(after.substr(0, before_bracket.size()) == before_bracket);
    CHECK(after.substr(before_bracket.size()) ==
          "  { at = 2026-03-28T09:00:00+00:00, type = \"note\", by = \"sarah\", text = \"one\" },\n"
          "  { at = 2026-03-29T10:00:00+01:00, type = \"note\", by = \"sarah\", text = \"two\" },\n"
          "]\n");
}

TEST_CASE("append: a rejecting validator or an unparsable file changes nothing") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string before = slurp(path);
    auto reject = [](const Complaint& c) -> Status {
        CHECK(c.events.size() == 1);
        return usage_error("cannot acknowledge twice");
    };
    auto rejected = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), reject);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().message == "cannot acknowledge twice");
    CHECK(slurp(path) == before);

    Event bad_text = note_at(utc(2026, 3, 28, 9), "bad \xff byte");
    auto invalid = f.reg.append("275abcde", bad_text, london(), accept);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().message == "'text' is not valid UTF-8 text");
    CHECK(slurp(path) == before);

    REQUIRE(f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept).ok());
    std::string no_comma = slurp(path);
    no_comma.erase(no_comma.rfind("},") + 1, 1);
    spill(path, no_comma);
    auto missing_comma =
        f.reg.append("275abcde", note_at(utc(2026, 3, 29, 9), "y"), london(), accept);
    REQUIRE_FALSE(missing_comma.ok());
    CHECK(missing_comma.error().message.find("must end with a comma") != std::string::npos);
    CHECK(slurp(path) == no_comma);

    spill(path, before + "# stray\nname = \"x\"\n");
    auto broken = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().kind == ErrorKind::data);
    CHECK(slurp(path) == before + "# stray\nname = \"x\"\n");
}

TEST_CASE("append while another command holds the lock reports busy") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    int held = ::open((f.root / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);
    std::string before = slurp(f.reg.complaint_path("275abcde"));
    f.reg.set_lock_wait(std::chrono::milliseconds{200});
    auto started = std::chrono::steady_clock::now();
    auto busy = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept);
    auto waited = std::chrono::steady_clock::now() - started;
    ::close(held);
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().kind == ErrorKind::busy);
    CHECK(busy.error().message.find("register is busy: another complaints command has held ") == 0);
    CHECK(busy.error().message.find(".lock for 200 ms; nothing was changed, try again") !=
          std::string::npos);
    CHECK(waited >= std::chrono::milliseconds{200});
    CHECK(slurp(f.reg.complaint_path("275abcde")) == before);
    CHECK(f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept).ok());
}

TEST_CASE("inspect_files: open permissions, leftover temp files, stray files, linked folders") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(f.reg.inspect_files().problems.empty());
    auto clean = f.reg.inspect_files().warnings;
    CHECK(clean.empty());
    for (const auto& warning : clean)
        MESSAGE(warning.to_string());

    ::chmod(f.reg.complaint_path("275abcde").c_str(), 0644);
    spill(f.reg.complaints_dir() / ".275abcde.toml.Ab12Cd", "half");
    spill(f.reg.complaints_dir() / "275abcde.toml.orig", "x");
    ::chmod((f.reg.complaints_dir() / "275abcde.toml.orig").c_str(), 0600);
    ::chmod((f.reg.complaints_dir() / ".275abcde.toml.Ab12Cd").c_str(), 0600);
    std::vector<std::string> warnings;
    for (const auto& warning : f.reg.inspect_files().warnings)
        warnings.push_back(warning.to_string());
    std::sort(warnings.begin(), warnings.end());
    std::string dir = f.reg.complaints_dir().lexically_normal().string();
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] == dir + "/.275abcde.toml.Ab12Cd:1:1: temporary file left by an "
                               "interrupted write; it is ignored and safe to delete");
    CHECK(warnings[2] == dir + "/275abcde.toml:1:1: other users of this machine can read it "
                               "(mode 0644); it holds personal data: run 'chmod -R go-rwx' on "
                               "the register");
    CHECK(warnings[1] == dir + "/275abcde.toml.orig:1:1: not a complaint file (only ID.toml files "
                               "are read); it is ignored");
    CHECK(f.reg.load_all().complaints.size() == 1); // readers ignore the temp file

    fs::rename(f.reg.complaints_dir(), f.temp.path() / "elsewhere");
    fs::create_directory_symlink(f.temp.path() / "elsewhere", f.reg.complaints_dir());
    auto found = f.reg.inspect_files();
    REQUIRE(found.problems.size() == 1);
    CHECK(found.problems[0].to_string() == dir + ":1:1: must be a folder, not a link or a file");
    CHECK(f.reg.resolve_id("275abcde").error().message == "must be a folder, not a link or a file");
}

TEST_CASE("a complaint file named after one ID but holding another is called a duplicate") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(f.reg.create(new_complaint("275abxyz"), london()).ok());
    std::string text = slurp(f.reg.complaint_path("275abcde"));
    text.replace(text.find("id = \"275abcde\""), 15, "id = \"275abxyz\"");
    spill(f.reg.complaint_path("275abcde"), text);
    auto loaded = f.reg.load("275abcde");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find(
              "(duplicate ID: " + f.reg.complaint_path("275abxyz").lexically_normal().string() +
              " has it too)") != std::string::npos);
}

TEST_CASE("an append that would not read back as the same event changes nothing") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    // The last ']' closes a multi-line string, not the events list.
    std::string broken = "id = \"275abcde\"\npolicy = \"tiny\"\npolicy_version = \"2026-01-01\"\n"
                         "received = 2026-03-27T10:00:00+00:00\nevents = []\n"
                         "details = \"\"\"\n]\n#\"\"\"\n";
    spill(path, broken);
    REQUIRE(f.reg.load("275abcde").ok());
    auto appended = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept);
    REQUIRE_FALSE(appended.ok());
    CHECK(slurp(path) == broken);
}

TEST_CASE("replace validates and keeps the id") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string text = slurp(path);
    std::string fixed = text;
    fixed.replace(fixed.find("Jo Bloggs"), 9, "Joanna Bloggs");
    REQUIRE(f.reg.replace("275abcde", fixed, text, accept).ok());
    CHECK(f.reg.load("275abcde")->name == "Joanna Bloggs");

    std::string other_id = fixed;
    other_id.replace(other_id.find("id = \"275abcde\""), 15, "id = \"275abxyz\"");
    CHECK_FALSE(f.reg.replace("275abcde", other_id, fixed, accept).ok());
    auto invalid = f.reg.replace("275abcde", fixed + "nmae = \"x\"\n", fixed, accept);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().file == path.lexically_normal().string());
    CHECK(slurp(path) == fixed);
    auto rejected = f.reg.replace("275abcde", text, fixed, [](const Complaint&) -> Status {
        return usage_error("no, thank you");
    });
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.error().message == "no, thank you");
    CHECK(slurp(path) == fixed);
}

TEST_CASE("a write guard is asked under the lock before any change, and can stop it") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    const std::string before = slurp(path);
    std::vector<fs::path> asked;
    f.reg.set_write_guard([&](const fs::path& file) -> Status {
        asked.push_back(file);
        return data_error(file.string(), 1, 1, "in conflict");
    });
    auto appended = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept);
    REQUIRE_FALSE(appended.ok());
    CHECK(appended.error().message == "in conflict");
    std::string fixed = before;
    fixed.replace(fixed.find("Jo Bloggs"), 9, "Joanna Bloggs");
    auto replaced = f.reg.replace("275abcde", fixed, before, accept);
    REQUIRE_FALSE(replaced.ok());
    CHECK(replaced.error().message == "in conflict");
    CHECK(asked == std::vector<fs::path>{path, path});
    CHECK(slurp(path) == before);
    f.reg.set_write_guard([](const fs::path&) -> Status { return done(); });
    CHECK(f.reg.replace("275abcde", fixed, before, accept).ok());
}

TEST_CASE("replace refuses a file that changed since it was read, keeping what was added") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string as_read = slurp(path);
    std::string edited = as_read;
    edited.replace(edited.find("Jo Bloggs"), 9, "Joanna Bloggs");
    // Meanwhile another command adds a note.
    REQUIRE(
        f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "Called Jo"), london(), accept).ok());
    std::string with_note = slurp(path);
    auto stale = f.reg.replace("275abcde", edited, as_read, accept);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().kind == ErrorKind::busy);
    CHECK(stale.error().to_string() ==
          path.lexically_normal().string() +
              ": the file changed since it was read; nothing was saved, run the command again");
    CHECK(slurp(path) == with_note);
    CHECK(f.reg.load("275abcde")->events.size() == 1);
}

TEST_CASE("repin changes only the policy_version line, escaped as a TOML string") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string before = slurp(path);
    std::string seen;
    auto look = [&](const Complaint& c) -> Status {
        seen = c.policy_version;
        return done();
    };
    REQUIRE(f.reg.repin("275abcde", "2026-06-01 \"b\"", before, look).ok());
    CHECK(seen == "2026-06-01 \"b\"");
    std::string expected = before;
    expected.replace(expected.find("policy_version = \"2026-01-01\""), 29,
                     "policy_version = \"2026-06-01 \\\"b\\\"\"");
    CHECK(slurp(path) == expected);

    auto stale = f.reg.repin("275abcde", "2026-01-01", before, accept);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().kind == ErrorKind::busy);
    CHECK(slurp(path) == expected);
}

TEST_CASE("repin refuses a file a note was added to since it was read; the note survives") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string as_read = slurp(path);
    REQUIRE(
        f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "Called Jo"), london(), accept).ok());
    std::string with_note = slurp(path);
    auto stale = f.reg.repin("275abcde", "2026-06-01", as_read, accept);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().message ==
          "the file changed since it was read; nothing was saved, run the command again");
    CHECK(slurp(path) == with_note);
}

TEST_CASE("repin will not change a policy_version line inside a multi-line string") {
    Fixture f;
    Complaint c = new_complaint("275abcde");
    REQUIRE(f.reg.create(c, london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string text = slurp(path);
    // A person moved the details, holding a line that looks like the key, above the key.
    text.insert(0, "details = \"\"\"\npolicy_version = \"x\"\n\"\"\"\n");
    spill(path, text);
    REQUIRE(f.reg.load("275abcde").ok());
    auto refused = f.reg.repin("275abcde", "2026-06-01", text, accept);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("cannot find the intake line 'policy_version = ...'") == 0);
    CHECK(slurp(path) == text);
}

TEST_CASE("edit copy: a private file inside the register, ignored by check, removed after") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path copy_path;
    {
        auto copy = f.reg.edit_copy("275abcde");
        REQUIRE(copy.ok());
        copy_path = copy->path();
        auto name = copy_path.filename().string();
        CHECK(copy_path.parent_path() == f.root);
        CHECK(name.starts_with(".edit-275abcde-"));
        CHECK(name.ends_with(".toml"));
        CHECK(name.size() == std::string(".edit-275abcde-XXXXXX.toml").size());
        CHECK(mode_of(copy_path) == 0600);
        CHECK(copy->original() == slurp(f.reg.complaint_path("275abcde")));
        CHECK(*copy->edited() == copy->original());
        spill(copy_path, "edited\n");
        CHECK(*copy->edited() == "edited\n");
        ::chmod(copy_path.c_str(), 0644); // even so: an edit in progress is not a finding
        CHECK(f.reg.inspect_files().warnings.empty());
        CHECK(f.reg.load_all().errors.empty());
    }
    CHECK_FALSE(fs::exists(copy_path));
    CHECK_FALSE(f.reg.edit_copy("275abxyz").ok());
}

TEST_CASE("exists, file_text and the paths shared through git") {
    Fixture f;
    CHECK_FALSE(f.reg.exists("275abcde"));
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    CHECK(f.reg.exists("275abcde"));
    CHECK(*f.reg.file_text("275abcde") == slurp(f.reg.complaint_path("275abcde")));
    fs::create_symlink(f.temp.path() / "nowhere", f.reg.complaint_path("275abxyz"));
    CHECK(f.reg.exists("275abxyz")); // taken, even though it does not read
    CHECK_FALSE(f.reg.file_text("275abxyz").ok());
    CHECK(f.reg.shared_paths() ==
          std::vector<std::string>{"register.toml", ".gitattributes", "policies", "complaints"});
}

TEST_CASE("the register's calendar changes apply when calendar.toml exists") {
    Fixture f;
    CalendarSpec spec = f.reg.policy("tiny")->calendar;
    Day monday = date::local_days{date::year{2026} / 6 / 8};
    auto without = f.reg.with_calendar_changes(spec);
    REQUIRE(without.ok());
    CHECK(WorkingCalendar::make(*without)->is_working_day(monday));

    spill(f.root / "calendar.toml", "[[add]]\ndate = 2026-06-08\nname = \"Closure\"\n");
    auto with = f.reg.with_calendar_changes(spec);
    REQUIRE(with.ok());
    CHECK_FALSE(WorkingCalendar::make(*with)->is_working_day(monday));

    spill(f.root / "calendar.toml", "[[add]]\ndate = 2026-06-08\nnmae = \"x\"\n");
    auto bad = f.reg.with_calendar_changes(spec);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().line == 3);
    CHECK(fs::path(bad.error().file).filename() == "calendar.toml");
}

TEST_CASE("letter templates: the register's own when it has one; links and odd names refused") {
    Fixture f;
    auto none = f.reg.letter_template("outcome");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    fs::create_directory(f.root / "templates");
    spill(f.root / "templates" / "outcome.md", "Dear {{complainant}},\n");
    auto own = f.reg.letter_template("outcome");
    REQUIRE(own.ok());
    REQUIRE(own->has_value());
    CHECK((*own)->text == "Dear {{complainant}},\n");
    CHECK(fs::path((*own)->path).filename() == "outcome.md");

    fs::create_symlink(f.root / "templates" / "outcome.md", f.root / "templates" / "update.md");
    auto linked = f.reg.letter_template("update");
    REQUIRE_FALSE(linked.ok());
    CHECK(linked.error().message == "is a symbolic link; refusing to follow it");

    fs::remove_all(f.root / "templates");
    fs::create_directory(f.temp.path() / "elsewhere");
    fs::create_directory_symlink(f.temp.path() / "elsewhere", f.root / "templates");
    auto linked_folder = f.reg.letter_template("outcome");
    REQUIRE_FALSE(linked_folder.ok());
    CHECK(linked_folder.error().message == "must be a folder, not a link or a file");

    auto odd = f.reg.letter_template("../register");
    REQUIRE_FALSE(odd.ok());
    CHECK(odd.error().kind == ErrorKind::usage);
}

TEST_CASE("a note or a new complaint that cannot be written changes nothing in the register") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string before = slurp(path);
    FaultPlan full, fsync_fails, rename_fails;
    full.write_fails_after = 64;
    fsync_fails.fsync_fails = true;
    rename_fails.rename_fails = true;
    for (const FaultPlan& plan : {full, fsync_fails, rename_fails}) {
        set_fault_plan(plan);
        auto noted = f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "x"), london(), accept);
        auto created = f.reg.create(new_complaint("275abxyz"), london());
        set_fault_plan({});
        REQUIRE_FALSE(noted.ok());
        CHECK(noted.error().kind == ErrorKind::io);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::io);
        CHECK(slurp(path) == before);
        CHECK(f.reg.complaint_ids() == std::vector<std::string>{"275abcde"});
        CHECK(f.reg.inspect_files().warnings.empty()); // no temporary file left
    }
}

TEST_CASE("load_all collects errors instead of stopping") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(f.reg.create(new_complaint("275abxyz"), london()).ok());
    spill(f.reg.complaint_path("275abxyz"), "id = \"275abxyz\"\n");
    spill(f.reg.complaints_dir() / "notes.toml", "");
    auto loaded = f.reg.load_all();
    CHECK(loaded.complaints.size() == 1);
    REQUIRE(loaded.errors.size() == 2);
    CHECK(loaded.errors[0].to_string() ==
          f.reg.complaint_path("275abxyz").lexically_normal().string() +
              ":1:1: missing required key 'policy'");
}

TEST_CASE("a complaint file whose id differs from its name is refused") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::rename(f.reg.complaint_path("275abcde"), f.reg.complaint_path("275abxyz"));
    auto loaded = f.reg.load("275abxyz");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("named '275abxyz' but its id is '275abcde'") !=
          std::string::npos);
}

TEST_CASE("a complaints folder that is a symlink is refused") {
    Fixture f;
    fs::path elsewhere = f.temp.path() / "elsewhere";
    fs::create_directory(elsewhere);
    spill(elsewhere / "275abcde.toml", "");
    fs::remove(f.reg.complaints_dir());
    fs::create_directory_symlink(elsewhere, f.reg.complaints_dir());
    CHECK(f.reg.complaint_ids().empty());
    CHECK_FALSE(f.reg.load("275abcde").ok());
}

TEST_CASE("two clones that each add an event merge cleanly with git") {
    Fixture f;
    if (!git(f.root, {"--version"})) return; // no git on this machine
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(git(f.root, {"init", "-q", "-b", "main"}));
    REQUIRE(git(f.root, {"add", "-A"}));
    REQUIRE(git(f.root, {"commit", "-q", "-m", "new complaint"}));
    fs::path clone = f.temp.path() / "clone";
    REQUIRE(git(f.temp.path(), {"clone", "-q", f.root.string(), clone.string()}));
    auto other = Register::open(clone);
    REQUIRE(other.ok());

    // Both clones record an event by the same person, so the lines share a suffix.
    REQUIRE(f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "here"), london(), accept).ok());
    REQUIRE(git(f.root, {"commit", "-q", "-am", "note here"}));
    REQUIRE(
        other->append("275abcde", note_at(utc(2026, 3, 28, 10), "there"), london(), accept).ok());
    REQUIRE(git(clone, {"commit", "-q", "-am", "note there"}));
    REQUIRE(git(clone, {"pull", "-q", "--no-rebase", "--no-edit", "origin", "main"}));

    auto merged = other->load("275abcde");
    REQUIRE(merged.ok());
    REQUIRE(merged->events.size() == 2);
    CHECK(merged->events[0].text == "here");
    CHECK(merged->events[1].text == "there");
    CHECK(slurp(other->complaint_path("275abcde")).ends_with("},\n]\n"));
}

TEST_CASE("amend fills in and corrects intake lines only, and logs which, in one write") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    const std::string before = slurp(path);
    Complaint amended = f.reg.load("275abcde").value();
    amended.contact = "07700 900123";
    amended.name = "Jo \"JB\" Bloggs";
    Event event = note_at(utc(2026, 3, 28, 9), "contact, name");
    event.type = "amended";
    REQUIRE(f.reg.amend("275abcde", amended, {"name", "contact"}, event, london(), before, accept)
                .ok());
    const std::string after = slurp(path);
    // The name line is replaced where it was; the contact line, missing, comes right after it,
    // in the writer's key order; the event is the last line of the events list.
    CHECK(after.find("name = \"Jo \\\"JB\\\" Bloggs\"\ncontact = \"07700 900123\"\nsummary = ") !=
          std::string::npos);
    CHECK(after.find("type = \"amended\", by = \"sarah\", text = \"contact, name\" },\n]") !=
          std::string::npos);
    Complaint read = f.reg.load("275abcde").value();
    CHECK(read.contact == "07700 900123");
    CHECK(read.summary == "Child left unsupervised");
    REQUIRE(read.events.size() == 1);

    auto stale = f.reg.amend("275abcde", amended, {"contact"}, event, london(), before, accept);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().kind == ErrorKind::busy);
    CHECK(slurp(path) == after);
}

TEST_CASE("amend will not change a key whose value runs over several lines") {
    Fixture f;
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    fs::path path = f.reg.complaint_path("275abcde");
    std::string text = slurp(path);
    text.replace(text.find("summary = "), 0, "details = \"\"\"\nOne\ntwo\n\"\"\"\n");
    spill(path, text);
    Complaint amended = f.reg.load("275abcde").value();
    amended.details = "Three";
    Event event = note_at(utc(2026, 3, 28, 9), "details");
    event.type = "amended";
    auto refused = f.reg.amend("275abcde", amended, {"details"}, event, london(), text, accept);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          "'details' runs over several lines: change it with 'complaints edit'");
    CHECK(slurp(path) == text);
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("core::store");

TEST_CASE("init refuses a folder other users can write, except the user's own empty one") {
    TempFolder temp;
    const fs::path open = temp.path() / "open";
    fs::create_directory(open);
    spill(open / "notes.txt", "mine");
    REQUIRE(::chmod(open.c_str(), 0777) == 0);
    auto refused = Register::init(open, tiny_policy, "tiny.toml");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::usage);
    CHECK(refused.error().message.find("can be written by other users (mode 0777)") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(open / "policies"));
    CHECK_FALSE(fs::exists(open / "register.toml"));

    const fs::path empty = temp.path() / "empty";
    fs::create_directory(empty);
    REQUIRE(::chmod(empty.c_str(), 0777) == 0);
    REQUIRE(Register::init(empty, tiny_policy, "tiny.toml").ok());
    CHECK(mode_of(empty) == 0700);
}

TEST_CASE("init never writes through a linked policies folder") {
    TempFolder temp;
    const fs::path elsewhere = temp.path() / "elsewhere";
    const fs::path root = temp.path() / "register";
    fs::create_directories(elsewhere);
    fs::create_directories(root);
    fs::create_directory_symlink(elsewhere, root / "policies");
    auto refused = Register::init(root, tiny_policy, "tiny.toml");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "must be a folder, not a link or a file");
    CHECK(fs::is_empty(elsewhere));
}

TEST_CASE("a policies folder that is a link is not read") {
    Fixture f;
    const fs::path copy = f.temp.path() / "their-policies";
    fs::rename(f.reg.policies_dir(), copy);
    fs::create_directory_symlink(copy, f.reg.policies_dir());
    auto policies = f.reg.policies();
    REQUIRE_FALSE(policies.ok());
    CHECK(policies.error().message == "must be a folder, not a link or a file");
    CHECK_FALSE(f.reg.policy("tiny").ok());
}

TEST_CASE("written: the complaint files a Register wrote, each once, for autocommit") {
    Fixture f;
    CHECK_FALSE(f.reg.autocommits());
    CHECK(f.reg.written().empty());
    REQUIRE(f.reg.create(new_complaint("275abcde"), london()).ok());
    REQUIRE(
        f.reg.append("275abcde", note_at(utc(2026, 3, 28, 9), "Called Jo"), london(), accept).ok());
    REQUIRE(f.reg.create(new_complaint("275abxyz"), london()).ok());
    CHECK(f.reg.written() ==
          std::vector<std::string>{"complaints/275abcde.toml", "complaints/275abxyz.toml"});
    // A write that is refused is not written.
    auto refused = f.reg.append("275abxyz", note_at(utc(2026, 3, 28, 9), "No"), london(),
                                [](const Complaint&) -> Status { return usage_error("no"); });
    CHECK_FALSE(refused.ok());
    CHECK(f.reg.written().size() == 2);
}

TEST_CASE("register.toml's [git] autocommit is read when the register opens") {
    Fixture f;
    spill(f.root / "register.toml", "policy = \"tiny\"\n\n[git]\nautocommit = true\n");
    auto opened = Register::open(f.root);
    REQUIRE(opened.ok());
    CHECK(opened->autocommits());
}

TEST_SUITE_END();
