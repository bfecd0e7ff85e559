// The register on disk: finding and opening it, its policies and calendar, reading
// complaints and adding events. Files are read and written through the file layer
// (file_io.cpp); register_init.cpp creates a register, register_check.cpp inspects its
// files, register_edit.cpp rewrites whole complaint files.

#include "complaints/store.hpp"
#include "complaints/ids.hpp"
#include "complaints/register_zone.hpp"
#include "complaints/utf8.hpp"
#include "register_config.hpp"
#include "toml_input.hpp"

#include "register_files.hpp" // what the Register's parts share

#include <algorithm>
#include <exception>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <toml++/toml.h>
#include <unistd.h>

namespace complaints {

namespace {

constexpr auto longest_lock_wait = std::chrono::milliseconds{600'000};
/// A register's own letter templates: `REGISTER/templates/KIND.md`.
constexpr std::string_view letter_templates_folder_name = "templates";

Result<RegisterConfig> read_register_config(const fs::path& config) {
    auto text = read_text_file(config);
    if (!text) return text.error();
    return parse_register_config(*text, shown(config));
}

/// Where a found register is shown: relative to the working folder when under it.
fs::path shown_root(const fs::path& found) {
    std::error_code error;
    auto here = fs::canonical(fs::current_path(), error);
    if (error) return found;
    auto relative = found.lexically_relative(here);
    if (relative.empty() || *relative.begin() == "..") return found;
    return relative;
}

/// `path` relative to the working directory when it is below it, as other messages show it.
std::string shown_from_here(const fs::path& path) {
    std::error_code error;
    auto here = fs::current_path(error);
    if (error) return path.string();
    auto relative = path.lexically_relative(here);
    if (relative.empty() || *relative.begin() == "..") return path.string();
    return relative.string();
}

/// How many events of `complaint` are the same as `event`.
long copies_of(const Complaint& complaint, const Event& event) {
    return std::count(complaint.events.begin(), complaint.events.end(), event);
}

bool valid_utf8(std::string_view text) {
    return utf8::valid(text);
}

Status check_utf8(std::string_view field, std::string_view text) {
    if (valid_utf8(text)) return done();
    return usage_error(fmt::format("'{}' is not valid UTF-8 text", field));
}

Status check_event_text(const Event& event) {
    for (auto [field, text] : {std::pair<std::string_view, std::string_view>{"type", event.type},
                               {"by", event.by},
                               {"text", event.text},
                               {"stage", event.stage},
                               {"milestone", event.milestone},
                               {"reason", event.reason},
                               {"outcome", event.outcome},
                               {"finding", event.finding},
                               {"from", event.from},
                               {"handler", event.handler},
                               {"body", event.body}})
        if (auto status = check_utf8(field, text); !status) return status;
    for (const auto& remedy : event.remedies)
        if (auto status = check_utf8("remedies", remedy); !status) return status;
    return done();
}

Status check_intake_text(const Complaint& c) {
    for (auto [field, text] : {std::pair<std::string_view, std::string_view>{"id", c.id},
                               {"policy", c.policy},
                               {"policy_version", c.policy_version},
                               {"channel", c.channel},
                               {"name", c.name},
                               {"contact", c.contact},
                               {"summary", c.summary},
                               {"details", c.details},
                               {"occurred", c.occurred},
                               {"severity", c.severity},
                               {"category", c.category},
                               {"handler", c.handler}})
        if (auto status = check_utf8(field, text); !status) return status;
    for (const auto& list : {c.people, c.evidence})
        for (const auto& item : list)
            if (auto status = check_utf8("people/evidence", item); !status) return status;
    for (const auto& event : c.events)
        if (auto status = check_event_text(event); !status) return status;
    return done();
}

Error not_read_back(const Error& error) {
    return Error{ErrorKind::data,
                 "internal error: the file as written does not read back: " + error.to_string(),
                 {}};
}

/// The complaint and file text with `event` appended, checked by parsing it back.
Result<std::pair<Complaint, std::string>> with_event(std::string_view text, const Event& event,
                                                     const date::time_zone* zone,
                                                     const std::string& path) {
    auto before = parse_complaint(text, path);
    if (!before) return before.error();
    auto appended = append_event(text, event, zone, path);
    if (!appended) return appended.error();
    auto after = parse_complaint(*appended, path);
    if (after && after->events.size() == before->events.size() + 1 &&
        copies_of(*after, event) != copies_of(*before, event) + 1)
        return not_read_back(data_error(path, 0, 0, "the new event reads back differently"));
    if (!after || after->events.size() != before->events.size() + 1)
        return data_error(path, 0, 0,
                          "cannot add an event: the events list must end with a line that is "
                          "just ']', and every event line before it must end with a comma");
    return std::pair{std::move(*after), std::move(*appended)};
}

} // namespace

bool is_edit_copy_name(std::string_view name) {
    return name.starts_with(edit_copy_prefix) && name.ends_with(".toml");
}

Status check_real_folder(const fs::path& path) {
    std::error_code error;
    auto status = fs::symlink_status(path, error);
    if (status.type() == fs::file_type::directory || status.type() == fs::file_type::not_found)
        return done();
    return data_error(shown(path), 1, 1, "must be a folder, not a link or a file");
}

Result<FileLock> lock_register(const fs::path& root, std::chrono::milliseconds wait) {
    fs::path path = root / lock_file_name;
    auto lock = FileLock::take(path, wait);
    if (lock || lock.error().kind != ErrorKind::busy) return lock;
    return Error{ErrorKind::busy,
                 fmt::format("register is busy: another complaints command has held {} for "
                             "{} ms; nothing was changed, try again",
                             shown(path), wait.count()),
                 {}};
}

Status unchanged_since(const fs::path& path, std::string_view text, std::string_view message) {
    auto now = read_text_file(path);
    if (!now) return now.error();
    if (*now == text) return done();
    return Error{ErrorKind::busy, std::string(message), shown(path)};
}

Result<std::string> stated_time_zone(const Register& reg) {
    auto settings = read_register_config(reg.root() / register_config_name);
    if (!settings) return settings.error();
    return settings->time_zone;
}

Result<Register> Register::open(const fs::path& root) {
    const std::int64_t opened_ns = file_clock_ns(); // before any of its files is read
    fs::path config = root / register_config_name;
    if (!fs::exists(fs::symlink_status(config)))
        return not_found_error(fmt::format("'{}' is not a complaints register (no {})", shown(root),
                                           register_config_name));
    auto settings = read_register_config(config);
    if (!settings) return settings.error();
    Register result;
    result.root_ = root;
    result.default_policy_ = settings->policy;
    result.autocommit_ = settings->autocommit;
    result.opened_ns_ = opened_ns;
    return result;
}

namespace {

/// The user owning `path` (not followed if it is a link), or -1 when it cannot be asked.
long owner_of(const fs::path& path) {
    struct stat about {};
    if (::lstat(path.c_str(), &about) != 0) return -1;
    return static_cast<long>(about.st_uid);
}

/// A register found by walking up must be the user's own, folder and register.toml, as git
/// asks of a repository (safe.directory): a `register.toml` another user planted in a shared
/// folder such as /tmp would otherwise receive our complaints and impose its policy.
Status check_owned(const fs::path& folder) {
    const long me = static_cast<long>(::geteuid());
    for (const fs::path& path : {folder, folder / register_config_name}) {
        const long owner = owner_of(path);
        if (owner == me) continue;
        return usage_error(fmt::format(
            "{} belongs to another user (uid {}), so the register there was not used: pass "
            "-C {} to use it on purpose",
            path.string(), owner, folder.string()));
    }
    return done();
}

} // namespace

Result<Register> Register::find(const fs::path& start) {
    std::error_code error;
    fs::path folder = fs::canonical(start, error);
    if (error) return io_failure(start, "cannot open folder", error.value());
    for (;;) {
        if (fs::exists(fs::symlink_status(folder / register_config_name))) {
            if (auto owned = check_owned(folder); !owned) return owned.error();
            return open(shown_root(folder));
        }
        if (!folder.has_parent_path() || folder.parent_path() == folder) break;
        folder = folder.parent_path();
    }
    return not_found_error("no complaints register here or in any parent folder (run "
                           "'complaints init' or pass -C DIR)");
}

fs::path Register::complaint_path(std::string_view id) const {
    return complaints_dir() / (std::string(id) + ".toml");
}

bool Register::exists(std::string_view id) const {
    return fs::exists(fs::symlink_status(complaint_path(id)));
}

Result<std::string> Register::file_text(std::string_view id) const {
    if (auto status = check_real_folder(complaints_dir()); !status) return status.error();
    return read_text_file(complaint_path(id));
}

namespace {

/// parse_policy, remembered: a command asks for policies several times (its default policy,
/// then each complaint's), and the same text at the same path always reads the same.
Result<Policy> parse_policy_once(const std::string& text, const std::string& path) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, Result<Policy>> parsed;
    std::lock_guard lock(mutex);
    auto key = std::pair{path, text};
    auto found = parsed.find(key);
    if (found == parsed.end()) found = parsed.emplace(key, parse_policy(text, path)).first;
    return found->second;
}

} // namespace

Result<std::vector<Policy>> Register::policies() const {
    if (auto real = check_real_folder(policies_dir()); !real) return real.error();
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(policies_dir(), error))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    if (error) return io_failure(policies_dir(), "cannot list", error.value());
    std::sort(files.begin(), files.end());
    std::vector<Policy> result;
    for (const auto& file : files) {
        auto text = read_text_file(file);
        if (!text) return text.error();
        auto policy = parse_policy_once(*text, shown(file));
        if (!policy) return policy.error();
        result.push_back(std::move(*policy));
    }
    return result;
}

Result<Policy> Register::policy(std::string_view id, std::string_view version) const {
    auto all = policies();
    if (!all) return all.error();
    const Policy* best = nullptr;
    std::vector<std::string> have;
    for (const auto& candidate : *all) {
        have.push_back(candidate.id + " " + candidate.version);
        if (candidate.id != id || (!version.empty() && candidate.version != version)) continue;
        if (!best || candidate.version > best->version) best = &candidate;
    }
    if (best) return *best;
    std::sort(have.begin(), have.end());
    auto wanted =
        version.empty() ? fmt::format("'{}'", id) : fmt::format("'{}' version '{}'", id, version);
    return Error{ErrorKind::not_found,
                 fmt::format("no policy {} here (have: {})", wanted,
                             have.empty() ? "none" : fmt::format("{}", fmt::join(have, ", "))),
                 shown(policies_dir())};
}

Result<CalendarSpec> Register::with_calendar_changes(CalendarSpec spec) const {
    const fs::path path = root_ / calendar_file_name;
    if (!fs::exists(fs::symlink_status(path))) return spec;
    auto text = read_text_file(path);
    if (!text) return text.error();
    return apply_register_calendar(std::move(spec), *text, shown_from_here(path));
}

Result<std::optional<TemplateFile>> Register::letter_template(std::string_view kind) const {
    const bool plain_name = !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!plain_name) return usage_error(fmt::format("'{}' is not a letter template's name", kind));
    const fs::path folder = root_ / letter_templates_folder_name;
    if (auto real = check_real_folder(folder); !real) return real.error();
    const fs::path path = folder / fmt::format("{}.md", kind);
    if (!fs::exists(fs::symlink_status(path))) return std::optional<TemplateFile>();
    auto text = read_text_file(path);
    if (!text) return text.error();
    return std::optional<TemplateFile>(
        TemplateFile{shown(shown_from_here(path)), std::move(*text)});
}

std::vector<std::string> Register::complaint_ids() const {
    std::vector<std::string> ids;
    if (!check_real_folder(complaints_dir())) return ids;
    for (const std::string& name : folder_entries(complaints_dir())) {
        const std::string_view stem = std::string_view(name).substr(0, 8);
        if (name.size() == 13 && name.ends_with(".toml") && is_id_fragment(stem))
            ids.emplace_back(stem);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<std::string> Register::resolve_id(std::string_view fragment) const {
    if (auto status = check_real_folder(complaints_dir()); !status) return status.error();
    // A whole ID opens its file directly: nothing scans the folder to touch one complaint.
    if (auto id = whole_id(fragment); id && exists(*id)) return *id;
    return match_id(fragment, complaint_ids());
}

Result<Complaint> Register::load(std::string_view id) const {
    if (auto status = check_real_folder(complaints_dir()); !status) return status.error();
    auto path = complaint_path(id);
    auto text = read_text_file(path);
    if (!text) return text.error();
    auto complaint = parse_complaint(*text, shown(path));
    if (!complaint) return complaint.error();
    if (complaint->id != id)
        return data_error(shown(path), 1, 1,
                          fmt::format("the file is named '{}' but its id is '{}'; they must be "
                                      "the same{}",
                                      id, complaint->id, duplicate_hint(complaint->id)));
    return complaint;
}

Status Register::guard_write(const fs::path& file) const {
    return write_guard_ ? write_guard_(file) : Status(done());
}

void Register::set_lock_wait(std::chrono::milliseconds wait) {
    lock_wait_ = std::clamp(wait, std::chrono::milliseconds{0}, longest_lock_wait);
}

std::string Register::duplicate_hint(std::string_view id) const {
    auto other = complaint_path(id);
    if (!is_id_fragment(id) || !fs::exists(fs::symlink_status(other))) return {};
    return fmt::format(" (duplicate ID: {} has it too)", shown(other));
}

std::vector<Result<Complaint>> Register::load_each(const std::vector<std::string>& ids) const {
    // An exception in a reader (out of memory, say) is raised again here, after every reader
    // has stopped, as it would be raised by reading one file at a time.
    std::vector<std::optional<Result<Complaint>>> slots(ids.size());
    share_among_cores(ids.size(), [&](std::size_t i) { slots[i].emplace(load(ids[i])); });
    std::vector<Result<Complaint>> out;
    out.reserve(ids.size());
    for (auto& slot : slots)
        out.push_back(std::move(*slot));
    return out;
}

LoadedComplaints Register::load_all() const {
    LoadedComplaints result;
    ComplaintWalk everything = walk();
    for (auto& complaint : everything.next(everything.ids().size())) {
        if (complaint)
            result.complaints.push_back(std::move(*complaint));
        else
            result.errors.push_back(complaint.error());
    }
    for (Error& misnamed : misnamed_files())
        result.errors.push_back(std::move(misnamed));
    return result;
}

std::vector<Error> Register::misnamed_files() const {
    std::vector<Error> errors;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(complaints_dir(), error)) {
        auto stem = entry.path().stem().string();
        if (entry.path().extension() == ".toml" && !(stem.size() == 8 && is_id_fragment(stem)))
            errors.push_back(data_error(shown(entry.path()), 1, 1,
                                        "file name is not a complaint ID; it is ignored"));
    }
    return errors;
}

Status Register::create(const Complaint& complaint, const date::time_zone* zone) const {
    if (complaint.id.size() != 8 || !is_id_fragment(complaint.id))
        return usage_error(fmt::format("'{}' is not a complaint ID", complaint.id));
    if (auto status = check_intake_text(complaint); !status) return status;
    auto path = complaint_path(complaint.id);
    if (fs::exists(fs::symlink_status(path)))
        return data_error(shown(path), 1, 1,
                          fmt::format("a complaint with ID '{}' already exists", complaint.id));
    auto text = write_complaint(complaint, zone);
    auto back = parse_complaint(text, shown(path));
    if (!back) return not_read_back(back.error());
    if (*back != complaint)
        return Error{ErrorKind::data,
                     "internal error: the complaint as written reads back "
                     "differently; nothing was saved",
                     {}};
    if (auto status = check_real_folder(complaints_dir()); !status) return status;
    if (auto status = make_folder(complaints_dir()); !status) return status;
    if (auto status = create_file_exclusively(path, text); !status) return status;
    wrote(complaint.id);
    return done();
}

Status Register::append(std::string_view id, const Event& event, const date::time_zone* zone,
                        const std::function<Status(const Complaint&)>& validate) const {
    if (auto status = check_event_text(event); !status) return status;
    auto lock = lock_register(root_, lock_wait_);
    if (!lock) return lock.error();
    auto path = complaint_path(id);
    if (auto status = guard_write(path); !status) return status;
    auto text = read_text_file(path);
    if (!text) return text.error();
    auto after = with_event(*text, event, zone, shown(path));
    if (!after) return after.error();
    if (after->first.id != id)
        return data_error(
            shown(path), 1, 1,
            fmt::format("the file is named '{}' but its id is '{}'", id, after->first.id));
    if (validate)
        if (auto status = validate(after->first); !status) return status;
    if (auto status = unchanged_since(
            path, *text, "the file changed while the event was being added; try again");
        !status)
        return status;
    if (auto status = write_file_atomically(path, after->second); !status) return status;
    wrote(id);
    return done();
}

void Register::wrote(std::string_view id) const {
    const std::string path = fs::path("complaints").append(std::string(id) + ".toml").string();
    if (std::find(written_.begin(), written_.end(), path) == written_.end())
        written_.push_back(path);
}

} // namespace complaints
