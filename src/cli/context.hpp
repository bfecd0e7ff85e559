#pragma once
/// What every command shares once its flags are read: the global options, the register,
/// policies, "now", readings, exit codes and output. No CLI11: files that only work with
/// readings and output include this, not cli/commands.hpp.

#include "complaints/lifecycle.hpp"
#include "complaints/store.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// Documented exit codes (docs/EXIT-CODES in README): one place.
enum ExitCode {
    exit_ok = 0,
    exit_found = 1, ///< list-overdue --exit-status found something; check --strict found warnings
    exit_usage = 2,
    exit_data = 3,
    exit_not_found = 4,
    exit_io = 5,
    exit_busy = 6,
};
int exit_code_for(ErrorKind kind);

/// What an exit code means, as --help and the man page say it.
struct ExitCodeMeaning {
    int code;
    std::string_view meaning;
};
/// Every exit code, in order.
const std::vector<ExitCodeMeaning>& exit_code_meanings();

/// How long a writer waits for a busy register, from `COMPLAINTS_LOCK_WAIT`: seconds from 0
/// to 600 ("5", "0.5"). Anything else (words, a negative or absurd number) is a usage error
/// naming the variable, rather than a wait nobody asked for.
Result<std::chrono::milliseconds> parse_lock_wait(std::string_view seconds);

struct GlobalOptions {
    std::string register_dir;            ///< -C / --register
    std::string as_of;                   ///< --as-of or $COMPLAINTS_NOW; empty: the clock
    bool as_of_from_environment = false; ///< `as_of` came from $COMPLAINTS_NOW (for messages)
    bool no_colour = false;
};

/// A complaint with the policy it is pinned to and its derived state.
struct Reading {
    Complaint complaint;
    const Policy* policy = nullptr;
    const WorkingCalendar* calendar = nullptr;
    ComplaintState state;
};

/// Opened lazily by commands that need a register.
class Session {
  public:
    explicit Session(const GlobalOptions& options) : options_(options) {}

    /// The register named by -C, or found upward from the working directory.
    Result<const Register*> open_register();
    /// The register if this run has opened it, else null (asking opens nothing).
    const Register* opened_register() const { return register_ ? &*register_ : nullptr; }
    /// The register's default policy (the one new complaints start under).
    Result<const Policy*> default_policy();
    /// Policy `id` at `version` (latest when empty), parsed once.
    Result<const Policy*> policy(const std::string& id, const std::string& version);
    /// The calendar of `policy`, built once.
    Result<const WorkingCalendar*> calendar(const Policy& policy);
    /// The moment commands act "as of": --as-of, $COMPLAINTS_NOW, or the clock.
    Result<Instant> now(const date::time_zone* zone);
    /// Whether "now" was given (--as-of or $COMPLAINTS_NOW) rather than read from the clock.
    bool now_given() const { return !options_.as_of.empty(); }
    /// Parses a DATETIME flag value (for --at, --received, --requested) in `zone`: a date and
    /// time, or today, yesterday, HH:MM, -2d, -3h relative to `now`.
    Result<Instant> moment(const std::string& text, const std::string& flag,
                           const date::time_zone* zone);
    /// When an event happened: `at` (--at) read as `moment` does, else now; never after now
    /// (a usage error: pass --as-of to act later).
    Result<Instant> event_moment(const std::string& at, const date::time_zone* zone);
    /// Who records an event: `given` (--by or $COMPLAINTS_USER), else git's user.name in the
    /// register, else the login name; never empty, so no event is anonymous.
    std::string author(const std::string& given);
    /// After a write: when "now" was given (--as-of or $COMPLAINTS_NOW) rather than read from
    /// the clock, says on stderr that the write is recorded as of that moment.
    void say_recorded_as_of(const date::time_zone* zone);

    /// Loads complaint `fragment` (ID, prefix or suffix) and works out its state.
    Result<Reading> read(const std::string& fragment);
    /// Works out the state of an already loaded complaint.
    Result<Reading> read(Complaint complaint);
    /// `read` for each of `loaded`, in order, worked out on every core; a complaint that did
    /// not load stays its error.
    std::vector<Result<Reading>> read_each(std::vector<Result<Complaint>> loaded);
    /// Every complaint in the register that loads and makes sense; one error per file that
    /// does not (so commands can show the rest and still exit non-zero).
    Result<std::vector<Reading>> read_all(std::vector<Error>& problems);
    /// Runs `work`, which may use the opened register but not this session, while another
    /// thread reads what complaints are read under: the register's policies, their calendars
    /// and now (see pin_ahead). Errors are left to be found again, and reported, when needed.
    void while_pinning(const std::function<void()>& work);
    /// From now on the register is read from its files alone, never from the cache (`check`,
    /// whose answer must be the files' own).
    void read_files_only();

    const GlobalOptions& options() const { return options_; }

    /// A command that succeeded but must exit non-zero (problems found and already printed)
    /// says so here; the worst code wins.
    void report_exit(int code) { exit_code_ = std::max(exit_code_, code); }
    int exit_code() const { return exit_code_; }

  private:
    /// What a complaint is read under: its pinned policy, that policy's calendar, and now.
    struct Pinned {
        const Policy* policy = nullptr;
        const WorkingCalendar* calendar = nullptr;
        Instant as_of;
    };
    /// Finds (and keeps) what `complaint` is read under; one thread at a time.
    Result<Pinned> pin(const Complaint& complaint);
    /// Keeps every policy in the register (each version, and the latest of each), its
    /// calendar and now, ready for `pin`; what fails is left for `pin` to report.
    void pin_ahead();
    /// The reading of `complaint` under `pinned`; safe on several threads at once.
    Result<Reading> reading_under(Complaint complaint, const Pinned& pinned) const;

    const GlobalOptions& options_;
    std::optional<Register> register_;
    bool files_only_ = false;
    std::map<std::string, std::unique_ptr<Policy>> policies_;
    std::map<std::string, std::unique_ptr<WorkingCalendar>> calendars_;
    std::optional<Instant> now_;
    int exit_code_ = 0;
};

/// Prints `text` to stdout.
void print_out(std::string_view text);
/// Prints a warning line to stderr: "complaints: warning: ...".
void warn(std::string_view text);
/// How many warnings `warn` has printed in this process (for `check --strict`).
std::size_t warnings_given();

} // namespace complaints::cli
