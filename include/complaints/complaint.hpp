#pragma once
/// A complaint as recorded: intake facts and an append-only log of dated events. Nothing
/// derived (stage, status, deadlines) lives here; see lifecycle.hpp. File format: docs/FORMAT.md.

#include "complaints/period.hpp"
#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// Event types, as written in the file's `type` key.
namespace event_type {
inline constexpr std::string_view acknowledged = "acknowledged";
inline constexpr std::string_view note = "note";
inline constexpr std::string_view assigned = "assigned";
inline constexpr std::string_view escalated = "escalated";
inline constexpr std::string_view extended = "extended";
inline constexpr std::string_view paused = "paused";
inline constexpr std::string_view resumed = "resumed";
inline constexpr std::string_view resolved = "resolved";
inline constexpr std::string_view reopened = "reopened";
inline constexpr std::string_view closed = "closed";
inline constexpr std::string_view withdrawn = "withdrawn";
inline constexpr std::string_view referred = "referred";
inline constexpr std::string_view meeting = "meeting";
inline constexpr std::string_view update = "update";
inline constexpr std::string_view amended = "amended";
/// A written response explaining why the final response is not ready yet (FCA DISP 1.6.2R,
/// the NHS regulations' letter explaining the delay).
inline constexpr std::string_view delay_response = "delay-response";
/// The complaint came in from another record (`complaints import --format csv`); `text` says
/// from where. It moves no deadline.
inline constexpr std::string_view imported = "imported";
/// Personal values replaced by a marker (`complaints anonymise`, docs/PRIVACY.md).
inline constexpr std::string_view anonymised = "anonymised";
} // namespace event_type

/// Every event type in the order docs list them.
const std::vector<std::string>& all_event_types();

/// Where an event is in its file (0 when new), for messages. Not part of the event: any two
/// positions compare equal, so Event's defaulted == compares only the fact it records.
struct EventPosition {
    int line = 0;
    int column = 0;
    bool operator==(const EventPosition&) const { return true; }
};

/// One dated fact. Only the keys that make sense for the type are set. Equal events record
/// the same fact, wherever they are written.
struct Event : EventPosition {
    Instant at{};
    std::string type;
    std::string by;
    std::string text;                  ///< note text, reason for pause/reopen/close/withdraw
    std::string stage;                 ///< escalated: the stage entered
    std::string from;                  ///< escalated: the stage left (a skipped one shows)
    std::optional<Instant> requested;  ///< escalated: when the complainant asked for it
    std::string milestone;             ///< extended: which milestone
    std::optional<Day> until;          ///< extended: new due day
    std::optional<Period> extend_by;   ///< extended: or a period added to the due date
    std::string reason;                ///< extended: why (many procedures require one)
    std::string good_reason;           ///< extended: why beyond extension_without_reason
    std::string outcome;               ///< resolved: what was decided and told
    std::string finding;               ///< resolved: upheld, partly-upheld, not-upheld, ...
    std::vector<std::string> remedies; ///< resolved: remedy categories from the policy
    std::string handler;               ///< assigned: the new handler
    std::string body;                  ///< referred: the outside body, e.g. "CIC Regulator"

    bool operator==(const Event&) const = default;
};

/// A value a merge could not settle: both clones changed `key` differently. The file keeps
/// this clone's value; `theirs` is the other's. `check` reports it until someone keeps one
/// and deletes the entry (docs/FORMAT.md "Merges").
struct MergeConflict : EventPosition {
    std::string key;    ///< an intake key ("summary"), or "event 'TYPE' at TIME"
    std::string theirs; ///< the other clone's value, as text; "(deleted)" when it deleted it

    bool operator==(const MergeConflict&) const = default;
};

/// Where a complaint was read from (empty and 0 when new), for messages. Not part of the
/// complaint: any two compare equal, so Complaint's defaulted == compares only facts.
struct ComplaintSource {
    std::string path; ///< file it was read from
    /// Where the `policy` and `policy_version` values are written, so that a reference to a
    /// policy the register lacks is reported at its line.
    int policy_line = 0, policy_column = 0;
    int version_line = 0, version_column = 0;
    /// Where `severity` and `channel` are written, so that a value outside the policy's lists
    /// is reported at its line.
    int severity_line = 0, severity_column = 0;
    int channel_line = 0, channel_column = 0;
    bool operator==(const ComplaintSource&) const { return true; }
};

/// Intake facts, in the file's fixed key order, and the event log. A complaint written and
/// read back is equal to itself: same facts, same events, in the same order.
struct Complaint : ComplaintSource {
    std::string id;
    std::string policy;
    std::string policy_version;
    Instant received{};
    std::string channel;
    std::string name;
    std::string contact;
    std::string summary;
    std::string details;
    std::string occurred;              ///< relevant dates and times, as the complainant gave them
    std::optional<Day> occurred_on;    ///< when the matter happened (first day of a range)
    std::optional<Day> occurred_until; ///< the last day of that range, when it is one
    std::optional<Day> known_on;       ///< when the complainant became aware of it
    std::vector<std::string> people;   ///< individuals involved
    std::vector<std::string> evidence; ///< paths or references to supporting documents
    std::string severity;
    std::string category;
    std::string handler;
    std::vector<Event> events;            ///< sorted by time (stable: file order breaks ties)
    std::vector<MergeConflict> conflicts; ///< left by a merge, until settled by hand

    bool operator==(const Complaint&) const = default;
};

/// Days from `from` to `until`, both included: when a matter happened.
struct DayRange {
    Day from;
    Day until;
};

/// "2026-01-05" (one day) or "2026-01-01..2026-01-31" (a range, in order), or nothing when
/// `text` is not written that way (free text such as "last Tuesday").
std::optional<DayRange> parse_day_range(std::string_view text);

/// When the matter happened and became known, as `show` and JSON say it: the words given, or
/// "2026-01-05", or "2026-01-01..2026-01-31", then "; became known 2026-02-01" when recorded.
std::string occurred_words(const Complaint& complaint);

/// The intake field of `complaint` that holds one text and is written as `key` ("name",
/// "contact", "channel", ...), or null for any other key.
const std::string* intake_text(const Complaint& complaint, std::string_view key);
/// The same field, to change.
std::string* intake_text(Complaint& complaint, std::string_view key);

/// Parses a complaint file. Malformed TOML, wrong types, unknown or duplicate keys, missing
/// required keys and impossible dates are errors at `path:line:col`; so is a git conflict
/// marker left by a merge (src/core/git_conflict.hpp).
Result<Complaint> parse_complaint(std::string_view text, std::string_view path);

/// The whole file for a new complaint: intake keys in fixed order, then `events = [` ... `]`.
/// Times are written as RFC 3339 in `zone`. Strings are always escaped basic strings.
std::string write_complaint(const Complaint& complaint, const date::time_zone* zone);

/// One event as the single line that goes inside the events array (with trailing comma).
std::string write_event_line(const Event& event, const date::time_zone* zone);

/// `file_text` with `event` added as the last line of the events array; every byte a person
/// wrote before it stays as it was. Fails when the file has no events array closing line.
Result<std::string> append_event(std::string_view file_text, const Event& event,
                                 const date::time_zone* zone, std::string_view path);

/// The intake fields a complainant gives, which `complaints amend` may fill in or correct later
/// (the others decide the stage and deadlines, or identify the file).
const std::vector<std::string_view>& amendable_keys();

/// Sets the intake field `key` (one of `amendable_keys`) of `to` to its value in `from`.
void copy_intake_value(Complaint& to, const Complaint& from, std::string_view key);

/// `file_text` with the intake line of `key` (one of `amendable_keys`) written from `source`:
/// replaced where it is, added before the events when missing, removed when `source` has no
/// value for it. Every other byte a person wrote stays as it was. Fails when the key's value
/// runs over several lines (a multi-line string: use `complaints edit`).
Result<std::string> with_intake_value(std::string_view file_text, std::string_view key,
                                      const Complaint& source);

/// `file_text` with its `policy_version = "..."` line set to `version`; every other byte a
/// person wrote stays as it was. Fails when no line starts with the key `policy_version`.
Result<std::string> with_policy_version(std::string_view file_text, std::string_view version);

} // namespace complaints
