#include "cli/context.hpp"
#include "cli/check_files.hpp"
#include "cli/escape.hpp"

#include "cli/git.hpp"
#include "cli/register_zone.hpp"
#include <cerrno>

#include "complaints/register_zone.hpp"
#include "complaints/relative_moment.hpp"
#include "core/register_files.hpp" // share_among_cores

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <future>
#include <pwd.h>
#include <system_error>
#include <unistd.h>

namespace complaints::cli {

int exit_code_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage:
        return exit_usage;
    case ErrorKind::data:
        return exit_data;
    case ErrorKind::not_found:
        return exit_not_found;
    case ErrorKind::io:
        return exit_io;
    case ErrorKind::busy:
        return exit_busy;
    }
    return exit_data;
}

Result<std::chrono::milliseconds> parse_lock_wait(std::string_view seconds) {
    const std::string text(seconds);
    char* end = nullptr;
    errno = 0;
    const double value = text.empty() ? -1 : std::strtod(text.c_str(), &end);
    // strtod also reads "inf", "nan" and hex: only a plain decimal number of seconds will do.
    const bool plain = text.find_first_not_of("0123456789.") == std::string::npos;
    if (!plain || end != text.c_str() + text.size() || errno != 0 || value < 0 || value > 600)
        return usage_error(fmt::format("COMPLAINTS_LOCK_WAIT: '{}' is not a number of seconds "
                                       "from 0 to 600",
                                       text));
    return std::chrono::milliseconds{std::lround(value * 1000)};
}

namespace {

/// COMPLAINTS_CACHE: unset, empty or "on" reads through the cache; "off" reads every file.
Result<bool> cache_wanted(const char* setting) {
    const std::string_view text = setting ? setting : "";
    if (text.empty() || text == "on") return true;
    if (text == "off") return false;
    return usage_error(fmt::format("COMPLAINTS_CACHE: '{}' is not 'on' or 'off'", text));
}

} // namespace

const std::vector<ExitCodeMeaning>& exit_code_meanings() {
    static const std::vector<ExitCodeMeaning> meanings{
        {exit_ok, "success"},
        {exit_found,
         "list-overdue --exit-status found overdue items; check --strict found warnings"},
        {exit_usage, "usage error: unknown command or flag, bad date or value"},
        {exit_data, "bad data: a complaint, policy or config file is malformed or invalid"},
        {exit_not_found, "not found: no register, unknown or ambiguous complaint ID"},
        {exit_io, "I/O error: a file could not be read or written"},
        {exit_busy, "busy: another complaints command holds the register's lock"},
    };
    return meanings;
}

void Session::read_files_only() {
    files_only_ = true;
    if (register_) register_->use_cache(false);
}

Result<const Register*> Session::open_register() {
    if (register_) return &*register_;
    std::optional<std::chrono::milliseconds> lock_wait;
    if (const char* wait = std::getenv("COMPLAINTS_LOCK_WAIT"); wait && *wait) {
        auto parsed = parse_lock_wait(wait);
        if (!parsed) return parsed.error();
        lock_wait = *parsed;
    }
    auto cache = cache_wanted(std::getenv("COMPLAINTS_CACHE"));
    if (!cache) return cache.error();
    auto found = options_.register_dir.empty() ? Register::find(fs::current_path())
                                               : Register::open(options_.register_dir);
    if (!found) return found.error();
    register_ = std::move(found.value());
    if (lock_wait) register_->set_lock_wait(*lock_wait);
    register_->use_cache(*cache && !files_only_);
    register_->set_write_guard(refuse_unmerged); // git's conflicts, which the core cannot see
    return &*register_;
}

Result<const Policy*> Session::default_policy() {
    auto reg = open_register();
    if (!reg) return reg.error();
    return policy((*reg)->default_policy_id(), "");
}

Result<const Policy*> Session::policy(const std::string& id, const std::string& version) {
    const std::string key = id + "@" + version;
    if (auto cached = policies_.find(key); cached != policies_.end()) return cached->second.get();
    auto reg = open_register();
    if (!reg) return reg.error();
    auto loaded = (*reg)->policy(id, version);
    if (!loaded) return loaded.error();
    auto& slot = policies_[key];
    slot = std::make_unique<Policy>(std::move(loaded.value()));
    return slot.get();
}

Result<const WorkingCalendar*> Session::calendar(const Policy& policy) {
    const std::string key = policy.id + "@" + policy.version;
    if (auto cached = calendars_.find(key); cached != calendars_.end()) return cached->second.get();
    auto reg = open_register();
    if (!reg) return reg.error();
    auto spec = (*reg)->with_calendar_changes(policy.calendar);
    if (!spec) return spec.error();
    auto made = WorkingCalendar::make(*spec);
    if (!made) return made.error();
    auto& slot = calendars_[key];
    slot = std::make_unique<WorkingCalendar>(std::move(made.value()));
    return slot.get();
}

namespace {

/// The clock, to the second: read only here, for a "now" nobody gave.
Instant clock_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace

const date::time_zone* register_zone(Session& session) {
    std::string name;
    if (auto reg = session.open_register(); reg)
        if (auto stated = stated_time_zone(**reg); stated) name = *stated;
    if (name.empty())
        if (auto policy = session.default_policy(); policy) name = (*policy)->calendar.zone_name;
    // register.toml's zone is checked when the register is opened, a policy's when it is read.
    auto found = find_zone(name.empty() ? "UTC" : name);
    return found ? *found : date::locate_zone("UTC");
}

Result<Instant> Session::now(const date::time_zone* zone) {
    if (now_) return *now_;
    if (options_.as_of.empty()) {
        now_ = clock_now();
        return *now_;
    }
    // One reading for the whole command: not the zone of whichever complaint came first.
    if (register_) zone = register_zone(*this);
    const char* source = options_.as_of_from_environment ? "COMPLAINTS_NOW" : "--as-of";
    auto parsed = parse_moment(options_.as_of, zone);
    // "--as-of yesterday" is yesterday by the clock: only a relative form reads it.
    if (!parsed) parsed = parse_moment_near(options_.as_of, clock_now(), zone);
    if (!parsed) return usage_error(fmt::format("{}: {}", source, parsed.error().message));
    now_ = *parsed;
    return *now_;
}

Result<Instant> Session::moment(const std::string& text, const std::string& flag,
                                const date::time_zone* zone) {
    auto anchor = now(zone);
    if (!anchor) return anchor.error();
    auto parsed = parse_moment_near(text, *anchor, zone);
    if (!parsed) return usage_error(fmt::format("{}: {}", flag, parsed.error().message));
    return parsed;
}

Result<Instant> Session::event_moment(const std::string& at, const date::time_zone* zone) {
    auto current = now(zone);
    if (!current) return current.error();
    auto moment_at = at.empty() ? Result<Instant>(*current) : moment(at, "--at", zone);
    if (!moment_at) return moment_at.error();
    if (*moment_at > *current)
        return usage_error("--at is in the future (pass --as-of to act later)");
    return moment_at;
}

std::string Session::author(const std::string& given) {
    if (!given.empty()) return given; // --by, or $COMPLAINTS_USER through CLI11's envname
    if (auto reg = open_register(); reg) {
        auto name = git_output((*reg)->root(), {"config", "user.name"});
        if (name) {
            std::string trimmed = name->substr(0, name->find('\n'));
            if (!trimmed.empty()) return trimmed;
        }
    }
    if (const passwd* user = getpwuid(getuid()); user && user->pw_name) return user->pw_name;
    return fmt::format("uid {}", getuid());
}

void Session::say_recorded_as_of(const date::time_zone* zone) {
    if (!now_given() || !now_) return;
    std::fflush(stdout); // after what the command printed, in a terminal or a shared pipe
    fmt::print(stderr, "complaints: note: recorded as of {} (set by {})\n",
               format_moment(*now_, zone),
               options_.as_of_from_environment ? "COMPLAINTS_NOW" : "--as-of");
}

Result<Reading> Session::read(const std::string& fragment) {
    auto reg = open_register();
    if (!reg) return reg.error();
    auto id = (*reg)->resolve_id(fragment);
    if (!id) return id.error();
    auto complaint = (*reg)->load(*id);
    if (!complaint) return complaint.error();
    return read(std::move(complaint.value()));
}

namespace {

/// A missing policy reported where the complaint names it: at `policy_version` when the
/// register holds the policy in other versions, at `policy` when it lacks it altogether. A
/// policy file that does not read is reported as itself.
Error at_policy_reference(const Complaint& complaint, Error error, bool policy_known) {
    if (error.kind != ErrorKind::not_found) return error;
    error.file = complaint.path;
    error.line = policy_known ? complaint.version_line : complaint.policy_line;
    error.column = policy_known ? complaint.version_column : complaint.policy_column;
    return error;
}

} // namespace

Result<Session::Pinned> Session::pin(const Complaint& complaint) {
    auto pinned = policy(complaint.policy, complaint.policy_version);
    if (!pinned)
        return at_policy_reference(complaint, pinned.error(), policy(complaint.policy, "").ok());
    auto cal = calendar(**pinned);
    if (!cal) return cal.error();
    auto as_of = now((*cal)->zone());
    if (!as_of) return as_of.error();
    return Pinned{*pinned, *cal, *as_of};
}

Result<Reading> Session::reading_under(Complaint complaint, const Pinned& pinned) const {
    auto state = derive_state(complaint, *pinned.policy, *pinned.calendar, pinned.as_of);
    if (!state) return state.error();
    // As of a moment given on purpose, later events had not happened: show, explain, letters
    // and exports leave them out, as lists leave out complaints received later. (Writes read
    // the file again, so nothing is lost by it.)
    if (now_given())
        std::erase_if(complaint.events,
                      [&](const Event& event) { return event.at > pinned.as_of; });
    return Reading{std::move(complaint), pinned.policy, pinned.calendar, std::move(state.value())};
}

Result<Reading> Session::read(Complaint complaint) {
    auto pinned = pin(complaint);
    if (!pinned) return pinned.error();
    return reading_under(std::move(complaint), *pinned);
}

std::vector<Result<Reading>> Session::read_each(std::vector<Result<Complaint>> loaded) {
    std::vector<std::optional<Result<Reading>>> slots(loaded.size());
    std::vector<Pinned> pinned(loaded.size());
    for (std::size_t k = 0; k < loaded.size(); ++k) { // the session's maps, one at a time
        auto found = loaded[k] ? pin(*loaded[k]) : Result<Pinned>(loaded[k].error());
        if (found)
            pinned[k] = *found;
        else
            slots[k].emplace(found.error());
    }
    share_among_cores(loaded.size(), [&](std::size_t k) {
        if (!slots[k]) slots[k].emplace(reading_under(std::move(*loaded[k]), pinned[k]));
    });
    std::vector<Result<Reading>> readings;
    readings.reserve(slots.size());
    for (auto& slot : slots)
        readings.push_back(std::move(*slot));
    return readings;
}

void Session::pin_ahead() {
    auto reg = open_register();
    if (!reg) return;
    (void)default_policy();
    if (auto all = (*reg)->policies(); all) {
        for (const Policy& each : *all) {
            for (const std::string& version : {each.version, std::string()})
                if (auto pinned = policy(each.id, version); pinned) (void)calendar(**pinned);
        }
    }
    (void)now(nullptr); // in the register's zone: the zone database is read here
}

void Session::while_pinning(const std::function<void()>& work) {
    // Reading the zone database and parsing policies take a few milliseconds of one core;
    // listing and stamping a large register take as long: done side by side, not in turn.
    std::future<void> pinning;
    if (cores_to_use() > 1) {
        try {
            pinning = std::async(std::launch::async, [this] { pin_ahead(); });
        } catch (const std::system_error&) { // no thread to be had (ulimit -u): in turn
        }
    }
    work(); // were it to throw, `pinning` would still be waited for, as it is destroyed
    if (pinning.valid())
        pinning.get();
    else
        pin_ahead();
}

Result<std::vector<Reading>> Session::read_all(std::vector<Error>& problems) {
    auto reg = open_register();
    if (!reg) return reg.error();
    std::optional<ComplaintWalk> walk;
    while_pinning([&] { walk.emplace((*reg)->walk()); });
    if (auto as_of = now(nullptr); !as_of) return as_of.error(); // before any file is read
    std::vector<Result<Complaint>> loaded = walk->next(walk->ids().size());
    std::vector<char> read(loaded.size());
    for (std::size_t k = 0; k < loaded.size(); ++k)
        read[k] = loaded[k].ok();
    std::vector<Result<Reading>> worked_out = read_each(std::move(loaded));
    // As load_all gives them: the files that did not load, the misnamed, then the complaints
    // that loaded but make no sense.
    std::vector<Error> unread, senseless;
    std::vector<Reading> readings;
    for (std::size_t k = 0; k < worked_out.size(); ++k) {
        auto& reading = worked_out[k];
        if (reading)
            readings.push_back(std::move(reading.value()));
        else if (!read[k])
            unread.push_back(reading.error());
        else if (reading.error().kind == ErrorKind::usage)
            return reading.error();
        else
            senseless.push_back(reading.error());
    }
    std::vector<Error> misnamed = (*reg)->misnamed_files();
    for (std::vector<Error>* errors : {&unread, &misnamed, &senseless})
        problems.insert(problems.end(), errors->begin(), errors->end());
    return readings;
}

void print_out(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

namespace {
std::size_t warning_count = 0; // one process, one command: counted for `check --strict`
} // namespace

void warn(std::string_view text) {
    // Most callers escape what they quote from files already; escaping again changes nothing.
    fmt::print(stderr, "complaints: warning: {}\n", terminal_safe(text, true));
    ++warning_count;
}

std::size_t warnings_given() {
    return warning_count;
}

} // namespace complaints::cli
