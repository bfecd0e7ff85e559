#pragma once
/// A policy: one organisation's written complaints procedure as data. See docs/POLICY.md.

#include "complaints/calendar.hpp"
#include "complaints/names.hpp"
#include "complaints/period.hpp"
#include "complaints/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// What a milestone's period counts from.
enum class Anchor {
    receipt,            ///< the complaint's `received` moment
    stage_start,        ///< when the complaint entered the stage
    escalation_request, ///< when the complainant asked for this stage (else stage start)
    acknowledgement,    ///< the `acknowledged` event in this stage
    outcome,            ///< the `resolved` event in this stage (outcome sent)
    event,              ///< the latest event of a named type in this stage (`from_event`)
    occurred,           ///< the (last) day the matter happened (`occurred_on`/`occurred_until`)
    known, ///< the day the complainant became aware of it (`known_on`), else `occurred`
};
/// What a policy writes in `from`. `Anchor::event` has no name of its own: the milestone names
/// the event type instead.
inline constexpr NameTable<Anchor, 7> anchor_names{{
    {Anchor::receipt, "receipt"},
    {Anchor::stage_start, "stage-start"},
    {Anchor::escalation_request, "escalation-request"},
    {Anchor::acknowledgement, "acknowledgement"},
    {Anchor::outcome, "outcome"},
    {Anchor::occurred, "occurred"},
    {Anchor::known, "known"},
}};
/// The anchor a policy names (not `Anchor::event`, which no name stands for).
std::optional<Anchor> parse_anchor(std::string_view text);
/// Its name in `anchor_names`, or "event" for `Anchor::event`.
std::string anchor_name(Anchor anchor);

/// Whose time limit a milestone is.
enum class Party { staff, complainant };
/// What a policy writes in `party`.
inline constexpr NameTable<Party, 2> party_names{{
    {Party::staff, "staff"},
    {Party::complainant, "complainant"},
}};

/// How a complaint may enter a stage.
enum class Entry { receipt, escalation, request };
/// What a policy writes in a stage's `entry`.
inline constexpr NameTable<Entry, 3> entry_names{{
    {Entry::receipt, "receipt"},
    {Entry::escalation, "escalation"},
    {Entry::request, "request"},
}};

/// What happens to an extension recorded after the deadline it extends was due.
enum class LateExtension {
    refused,  ///< an error: the procedure requires extensions to be agreed before the deadline
    recorded, ///< kept in the record, but the missed deadline stays where it was (the default)
    allowed,  ///< moves the deadline as an extension in time does
};
/// What a policy writes in a milestone's `late_extension`.
inline constexpr NameTable<LateExtension, 3> late_extension_names{{
    {LateExtension::refused, "refused"},
    {LateExtension::recorded, "recorded"},
    {LateExtension::allowed, "allowed"},
}};

/// What a retention period counts from (`[retention] from`).
enum class RetentionFrom {
    closed,   ///< the moment the complaint last stopped being open (resolved, closed, withdrawn)
    received, ///< receipt
};

inline constexpr NameTable<RetentionFrom, 2> retention_from_names{{
    {RetentionFrom::closed, "closed"},
    {RetentionFrom::received, "received"},
}};

/// `[retention]`: how long a complaint's personal data is kept, e.g. 3 years from closure,
/// after which it is due for anonymisation (docs/POLICY.md, docs/PRIVACY.md).
struct Retention {
    Period keep;
    RetentionFrom from = RetentionFrom::closed;
    bool operator==(const Retention&) const = default;
};

/// What a policy writes in `[calendar] working_week` (or the first three letters of it).
inline constexpr NameTable<date::weekday, 7> weekday_names{{
    {date::Monday, "monday"},
    {date::Tuesday, "tuesday"},
    {date::Wednesday, "wednesday"},
    {date::Thursday, "thursday"},
    {date::Friday, "friday"},
    {date::Saturday, "saturday"},
    {date::Sunday, "sunday"},
}};

/// A second limit of a milestone, which applies when it ends later: "within 2 months of the
/// response or 6 months of the event, whichever is later".
struct LaterLimit {
    Period period;
    Anchor from = Anchor::known; ///< a named anchor, not an event type
};

/// `[intake] time_limit`: "6 years from the event, or 3 years from becoming aware if later".
/// Written as a period (counted from `known`) or as `{ within, from, whichever_later }`.
struct TimeLimit {
    Period period;
    Anchor from = Anchor::known; ///< `occurred` or `known` (known, else occurred)
    std::optional<LaterLimit> whichever_later;
};

/// One deadline within a stage: "acknowledge within 48 hours of the stage start".
struct Milestone {
    std::string id;    ///< e.g. "acknowledge"
    std::string title; ///< e.g. "Acknowledge the complaint"
    Period period;
    Anchor from = Anchor::stage_start;
    std::string from_event; ///< with Anchor::event: the event type, e.g. "meeting"
    std::string met_by;     ///< event type that meets it, e.g. "acknowledged"
    /// Other event types that meet it as well (`met_by = ["resolved", "delay-response"]`):
    /// "a final response, or a written response explaining why it is not ready".
    std::vector<std::string> also_met_by;
    Party party = Party::staff;
    Counting counting;
    std::optional<Period> max_extension; ///< hard cap on extensions, if the procedure sets one
    /// Soft cap: "no more than 10 working days without good reason". Extensions taking the
    /// deadline further than this past its date need a good reason, recorded with them.
    std::optional<Period> extension_without_reason;
    bool extension_needs_reason = false; ///< an extension must give a reason
    /// An extension recorded once the deadline had passed: refused, recorded without moving
    /// the missed deadline, or allowed to move it.
    LateExtension late_extension = LateExtension::recorded;
    /// Repeats: after each meeting event the next one is due this period later, until the
    /// stage ends ("keep the complainant informed every 20 working days").
    std::optional<Period> every;
    std::string action; ///< what to do next, e.g. "send the acknowledgement"
    /// `whichever_later = { within, from }`: a second limit that applies when it ends later.
    std::optional<LaterLimit> whichever_later;
    /// A complainant's window: the role of the outside body they may go to (`[[people]]`,
    /// e.g. "cic-regulator"), named with its date and address in `show` and letters.
    std::string contact;
    int line = 0; ///< where it was defined, for messages
};

/// What `milestone` counts from, as the policy names it: "receipt", ..., or an event type.
std::string anchor_name(const Milestone& milestone);

/// Whether an event of `type` meets `milestone`: its `met_by` or one of `also_met_by`.
bool is_met_by(const Milestone& milestone, std::string_view type);

/// The event types that meet `milestone`, as words: "resolved", "resolved or delay-response".
std::string met_by_words(const Milestone& milestone);

/// Who handles a stage for complaints of one severity or category, e.g. serious complaints
/// go to the investigating committee (`handler_by_severity = { serious = "committee" }`).
struct Route {
    std::string value;   ///< the severity or category
    std::string handler; ///< a role from `[[people]]`, or who in words
};

struct Stage {
    std::string id; ///< e.g. "formal"
    std::string title;
    /// Who handles it: a role from `[[people]]` ("complaints-officer"), or, in older policy
    /// files, the procedure's words ("Complaints Officer").
    std::string handler;
    std::vector<Route> handler_by_severity; ///< checked first, in file order
    std::vector<Route> handler_by_category;
    std::vector<Entry> entry;
    /// Complaints whose severity, or category, is one of these start at this stage on receipt.
    std::vector<std::string> start_if_severity;
    std::vector<std::string> start_if_category;
    std::vector<Milestone> milestones;
    /// How long the stage may sit with no event at all before staff are reminded, for stages
    /// the procedure gives no time limit ("investigated promptly").
    std::optional<Period> idle_after;
    /// What staff do in this stage when no milestone is due, e.g. "investigate and send the
    /// findings"; the default names `complaints resolve`.
    std::string action;
    /// Remedies an upheld finding must include here ("if the complaint is found to be valid,
    /// resolution will involve an apology, an explanation ...").
    std::vector<std::string> remedies_when_upheld;
};

/// Someone the procedure names, once, by role: a handler, the complaints contact, or an
/// outside body such as a regulator. Stages and milestones refer to the role.
struct Person {
    std::string role;  ///< a name such as "complaints-officer"
    std::string title; ///< how the role is said, e.g. "Complaints Officer"
    std::string name;  ///< the person or body, when the procedure names one
    std::string phone;
    std::string email;
    std::string address;
    std::string url;       ///< web page, e.g. a regulator's complaints page
    bool external = false; ///< an outside body: a route for the complainant, never a handler

    /// The name when there is one, else the title: "Sarah Robb", "Board of Directors".
    std::string shown() const { return name.empty() ? title : name; }
    /// Whether `text` is its role, title or name, ignoring case and surrounding spaces.
    bool answers_to(std::string_view text) const;
};

struct Policy {
    std::string id;      ///< e.g. "big-bums"
    std::string version; ///< e.g. "2024-03-05"
    std::string title;
    std::string organisation;
    std::string source; ///< where the procedure text comes from
    std::optional<Day> last_reviewed;
    std::optional<Period> review_every;
    /// A published code that organisations adopt: `init` sets the register copy's
    /// `last_reviewed` to the day it adopts it, so its review cycle starts then.
    bool review_starts_on_adoption = false;

    CalendarSpec calendar;
    Period due_soon{2, Unit::working_days};

    /// The usual intake channels. Others are recorded too, with a warning: a complaint is
    /// never turned away for how it arrived.
    std::vector<std::string> channels;
    /// What staff may type for a channel: {"phone", "verbal"}, {"letter", "writing"}.
    std::vector<std::pair<std::string, std::string>> channel_aliases;
    /// Intake fields a complaint should have. A complaint without one is still recorded; the
    /// gap is shown as a task until it is filled (`complaints amend`).
    std::vector<std::string> required_fields;
    /// `[intake] time_limit`: how long after the matter became known (else happened) a
    /// complaint may be made. `add` warns of one made later; it is recorded all the same.
    std::optional<TimeLimit> time_limit;
    std::optional<Retention> retention;  ///< none when the policy does not say
    std::vector<std::string> severities; ///< accepted severities; empty = any
    std::vector<std::string> categories; ///< suggested categories; empty = any
    std::vector<std::string> remedies;   ///< outcome/remedy categories; empty = any
    /// What an investigation may find; `upheld`, `partly-upheld`, `not-upheld` by default.
    std::vector<std::string> findings{"upheld", "partly-upheld", "not-upheld"};
    std::vector<Person> people; ///< `[[people]]` (and `[[contact]]` of older policy files)
    std::vector<Stage> stages;

    const Stage* find_stage(std::string_view id) const;
    /// Index of the stage in `stages`, or -1.
    int stage_index(std::string_view id) const;
    /// The stage a new complaint of `severity` and `category` starts in: the first stage that
    /// lists either, else the first stage.
    const Stage& first_stage_for(std::string_view severity, std::string_view category = {}) const;
    /// The person with role `role`, or null.
    const Person* person(std::string_view role) const;
    /// The person `text` names by role, title or name (ignoring case), or null.
    const Person* person_named(std::string_view text) const;
    /// Who handles `stage` for a complaint of `severity` and `category`: the first route that
    /// matches, else the stage's handler (a role, or words in older policy files).
    const std::string& handler_for(const Stage& stage, std::string_view severity,
                                   std::string_view category) const;
    /// The channel `typed` stands for: an alias's channel, or `typed` itself (lowercased and
    /// trimmed when it is one of `channels`).
    std::string channel_for(std::string_view typed) const;
    /// Whether `channel` is one of the usual channels (always true when none are listed).
    bool usual_channel(std::string_view channel) const;
};

/// Parses and validates a policy. Unknown keys, wrong types, unknown stage or event names
/// and bad periods are errors located at `path:line:col`.
Result<Policy> parse_policy(std::string_view text, std::string_view path);

/// Event types a milestone may name in `met_by`.
const std::vector<std::string>& event_type_names();

/// The day by which the policy must next be reviewed (`last_reviewed` + `review_every`), if
/// it sets both.
std::optional<Day> review_due(const Policy& policy);

/// A warning when `today` is after the policy's review date, e.g. "policy twinkles
/// 2024-03-05 is overdue for review: last reviewed 2024-03-05, to be reviewed every 12
/// months, so due by 2025-03-05".
std::optional<std::string> review_overdue(const Policy& policy, Day today);

/// `policy_text` as a register adopting it on `adopted` keeps it: its `last_reviewed = ...`
/// line set to that day, with a comment naming the date it replaces, so that the organisation's
/// own review cycle starts when it adopted the code (the code's own review date is the
/// publisher's, which the organisation cannot act on). Every other byte stays as it was; text
/// without a `last_reviewed` line (at the start of a line) is returned unchanged.
std::string adopted_policy_text(std::string_view policy_text, Day adopted);

/// `review_overdue` for the latest version of each policy in `policies` (older versions are
/// kept only for complaints pinned to them, so their review dates do not matter).
std::vector<std::string> review_warnings(const std::vector<Policy>& policies, Day today);

} // namespace complaints
