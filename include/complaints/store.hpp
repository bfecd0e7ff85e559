#pragma once
/// The register on disk: a folder with `register.toml`, `policies/`, `complaints/`. The
/// Register owns its layout: no caller builds a path inside it or knows a file's name. Its
/// files are read and written through the file layer (src/core/file_io.hpp).

#include "complaints/complaint.hpp"
#include "complaints/policy.hpp"
#include "complaints/result.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

namespace fs = std::filesystem;

inline constexpr const char* register_config_name = "register.toml";

/// A complaint file that failed to load, for commands that read the whole register.
struct LoadedComplaints {
    std::vector<Complaint> complaints;
    std::vector<Error> errors;
};

/// What `check` finds about the register's files themselves, beyond whether each one reads.
struct FileFindings {
    std::vector<Error> problems; ///< e.g. a symlink or stray file where complaints live
    std::vector<Error> warnings; ///< e.g. files other users can read, leftover temporary files
};

/// A letter template a register keeps for itself (`REGISTER/templates/KIND.md`).
struct TemplateFile {
    std::string path; ///< as messages show it, e.g. "templates/outcome.md"
    std::string text;
};

/// Checks run on a complaint as it would be saved (e.g. the lifecycle checks); an error
/// stops the save.
using ComplaintCheck = std::function<Status(const Complaint&)>;

/// A complaint to create, with the zone its times are written in (its policy's).
struct NewComplaint {
    Complaint complaint;
    const date::time_zone* zone = nullptr;
};

/// A private copy of a complaint file for `edit`: `REGISTER/.edit-ID-XXXXXX.toml`, mode 0600,
/// inside the register so it never leaves the register's folder; git (`.gitignore`) and
/// `check` ignore it. Removed when destroyed, whatever happened meanwhile.
class EditCopy {
  public:
    EditCopy(EditCopy&& other) noexcept;
    EditCopy(const EditCopy&) = delete;
    EditCopy& operator=(const EditCopy&) = delete;
    ~EditCopy();

    /// Where the copy is, for the editor.
    const fs::path& path() const { return path_; }
    /// The complaint file's text when the copy was made: what a save is based on.
    const std::string& original() const { return original_; }
    /// The copy's text now (after the editor), read with the file layer's guards.
    Result<std::string> edited() const;

  private:
    friend class Register;
    EditCopy(fs::path path, std::string original);
    fs::path path_;
    std::string original_;
};

class Register;

/// Every complaint file of a register, read in ID order a batch at a time (`Register::walk`).
/// Through the cache, when the register uses one: a file whose stamp is what the cache
/// recorded is answered from it, every other file is read; when a walk that read every file
/// ends, the cache is replaced if anything differed.
class ComplaintWalk {
  public:
    ComplaintWalk(ComplaintWalk&&) noexcept;
    ComplaintWalk(const ComplaintWalk&) = delete;
    ComplaintWalk& operator=(const ComplaintWalk&) = delete;
    ~ComplaintWalk();
    /// The IDs of every complaint file, sorted: what the walk reads.
    const std::vector<std::string>& ids() const { return ids_; }
    bool finished() const { return next_ == ids_.size(); }
    /// The next `most` complaint files: a complaint, or an error for each file that does not
    /// load. Fewer when `skip_finished` leaves some out.
    std::vector<Result<Complaint>> next(std::size_t most);
    /// Leaves out, without reading them, the complaints that the cache knows were finished
    /// (closed, resolved or withdrawn, with no later event) by `now` under the register's
    /// policies, calendar and configuration as they are now: for commands that act on open
    /// complaints only. Without a cache, or with any of those changed, nothing is left out.
    void skip_finished(Instant now) { skip_before_ = now; }
    /// Tells the cache that complaint `id`, just returned by `next`, was worked out under the
    /// register's policies to be finished by its last event, at `at`.
    void note_finished(std::string_view id, Instant at);

    struct Cache; ///< what the walk knows of the cache (src/core/register_walk.cpp)

  private:
    friend class Register;
    ComplaintWalk(const Register& reg, std::vector<std::string> ids, std::unique_ptr<Cache> cache);
    const Register* register_;
    std::vector<std::string> ids_;
    std::size_t next_ = 0;
    std::unique_ptr<Cache> cache_;
    std::optional<Instant> skip_before_;
};

class Register {
  public:
    /// The nearest folder upward from `start` that holds `register.toml`. It must belong to
    /// the user, as must its register.toml (a usage error says whose it is and that -C uses it
    /// on purpose).
    static Result<Register> find(const fs::path& start);
    /// `root` itself must hold `register.toml`.
    static Result<Register> open(const fs::path& root);

    /// Creates a register in `root` using the policy text given; see docs/FORMAT.md.
    static Result<Register> init(const fs::path& root, std::string_view policy_text,
                                 std::string_view policy_source_name);

    const fs::path& root() const { return root_; }
    fs::path complaints_dir() const { return root_ / "complaints"; }
    fs::path policies_dir() const { return root_ / "policies"; }
    fs::path complaint_path(std::string_view id) const;
    /// Whether complaint `id` has a file (even one that does not read, or a link).
    bool exists(std::string_view id) const;
    /// The text of complaint `id`'s file as it is now.
    Result<std::string> file_text(std::string_view id) const;

    /// The policy the register uses for new complaints (`policy = ` in register.toml).
    const std::string& default_policy_id() const { return default_policy_; }

    /// Whether register.toml asks for every write to be committed (`[git] autocommit = true`).
    bool autocommits() const { return autocommit_; }
    /// The complaint files written through this Register since it was opened (relative to the
    /// root, e.g. "complaints/k7m2abcd.toml", each once, in order): what an autocommit commits.
    const std::vector<std::string>& written() const { return written_; }

    /// How long a change waits for the register's lock before it fails as busy (default 5 s,
    /// at most 10 minutes).
    void set_lock_wait(std::chrono::milliseconds wait);

    /// Asked under the lock before a complaint file is changed (`append`, `replace` and what
    /// goes through it); an error stops the change. The command line sets one that refuses a
    /// file git holds in an unresolved merge conflict, which the core cannot see by itself.
    using WriteGuard = std::function<Status(const fs::path& file)>;
    void set_write_guard(WriteGuard guard) { write_guard_ = std::move(guard); }

    /// Every policy file in `policies/`, parsed; errors for those that fail.
    Result<std::vector<Policy>> policies() const;
    /// The policy with `id` and `version` (latest version when `version` is empty).
    Result<Policy> policy(std::string_view id, std::string_view version = {}) const;
    /// `spec` with the register's own calendar changes (`calendar.toml`, when there is one)
    /// applied; see docs/POLICY.md. Errors at FILE:LINE:COL.
    Result<CalendarSpec> with_calendar_changes(CalendarSpec spec) const;

    /// The register's own template for letters of `kind` (`REGISTER/templates/KIND.md`), or
    /// nothing when it has none. Read through the file layer: a symlink (the file or the
    /// `templates` folder), a file that is not regular or one over 1 MiB is refused. `kind` must
    /// be a plain name (a-z, 0-9, dashes).
    Result<std::optional<TemplateFile>> letter_template(std::string_view kind) const;

    /// IDs of every complaint file, sorted.
    std::vector<std::string> complaint_ids() const;
    /// Resolves an ID, or an unambiguous prefix or suffix of one. A whole ID whose file exists
    /// is answered without listing the folder.
    Result<std::string> resolve_id(std::string_view fragment) const;
    Result<Complaint> load(std::string_view id) const;
    /// Whether `walk` and `load_all` may answer from the cache of what each file says
    /// (`REGISTER/.cache/readings`, docs/PERFORMANCE.md): off unless turned on.
    void use_cache(bool on) { cache_ = on; }
    /// Every complaint file, to be read in ID order (see ComplaintWalk).
    ComplaintWalk walk() const;
    /// Deletes the cache, with the copies of complaints it holds (after `anonymise`, so that no
    /// copy of the personal data outlives the file's own); the next walk makes it again.
    void forget_cache() const;
    /// Every complaint that loads, plus an error for each file that does not. Large registers
    /// are read by one thread per core; the answer is the same, in the same order.
    LoadedComplaints load_all() const;
    /// An error for each `.toml` file in complaints/ whose name is not a complaint ID (such
    /// files are never read), as `load_all` gives them after the files that did not load.
    std::vector<Error> misnamed_files() const;
    /// `load` for each of `ids`, in their order (read as `load_all` reads).
    std::vector<Result<Complaint>> load_each(const std::vector<std::string>& ids) const;
    /// Permissions, leftover temporary files, links and stray files; see docs/RELIABILITY.md.
    FileFindings inspect_files() const;
    /// The files and folders, relative to the root, that must be committed to be shared.
    std::vector<std::string> shared_paths() const;

    /// Writes a new complaint file; fails if the ID exists.
    Status create(const Complaint& complaint, const date::time_zone* zone) const;
    /// Creates every complaint of `batch` under the register lock, taken once (`import`).
    /// Writes nothing when an ID is already in the register or twice in the batch (a data
    /// error naming each); when a write fails part way, the files it made are removed again.
    Status create_all(const std::vector<NewComplaint>& batch) const;
    /// Appends `event` to complaint `id` under the register lock; the result is parsed back
    /// and must still be valid, `validate` may reject it (e.g. lifecycle checks).
    Status append(std::string_view id, const Event& event, const date::time_zone* zone,
                  const std::function<Status(const Complaint&)>& validate) const;

    // Rewrites of a whole complaint file are based on a text read earlier (shown to the user,
    // or edited by them). Under the lock the file is read again, and when it no longer holds
    // that text nothing is written: a `busy` error "the file changed since it was read;
    // nothing was saved, run the command again". Nothing another command added is lost.

    /// A private copy of complaint `id` to edit; see EditCopy.
    Result<EditCopy> edit_copy(std::string_view id) const;
    /// Replaces complaint `id` with `text` if its file still holds `based_on`. `text` must
    /// parse, keep the id, and pass `validate`.
    Status replace(std::string_view id, std::string_view text, std::string_view based_on,
                   const ComplaintCheck& validate) const;
    /// Pins complaint `id` to `version` of its policy by changing its `policy_version` line
    /// only (every other byte stays), if its file still holds `based_on`; `validate` checks
    /// the complaint under the new version.
    Status repin(std::string_view id, std::string_view version, std::string_view based_on,
                 const ComplaintCheck& validate) const;
    /// Fills in or corrects intake fields of complaint `id` that the complainant gives (`keys`,
    /// each one of `amendable_keys()`, with their new values in `amended`), changing only those
    /// lines, and adds `event` (an `amended` event naming them) in the same write, if its file
    /// still holds `based_on`.
    Status amend(std::string_view id, const Complaint& amended,
                 const std::vector<std::string>& keys, const Event& event,
                 const date::time_zone* zone, std::string_view based_on,
                 const ComplaintCheck& validate) const;

  private:
    std::string duplicate_hint(std::string_view id) const;
    void inspect_folder(const fs::path& folder, bool complaints_folder, FileFindings& found) const;
    /// Notes that complaint `id`'s file was written (for `written`).
    void wrote(std::string_view id) const;

    fs::path root_;
    std::string default_policy_;
    bool autocommit_ = false;
    bool cache_ = false;
    std::int64_t opened_ns_ = 0; ///< when it was opened, on the file clock (the cache's rule)
    mutable std::vector<std::string> written_; // a note of what was written, not the register
    std::chrono::milliseconds lock_wait_{5000};
    WriteGuard write_guard_;
    Status guard_write(const fs::path& file) const;
};

} // namespace complaints
