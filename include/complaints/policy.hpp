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
};
/// What a policy writes in `from`. `Anchor::event` has no name of its own: the milestone names
/// the event type instead.
inline constexpr NameTable<Anchor, 5> anchor_names{{
    {Anchor::receipt, "receipt"},
    {Anchor::stage_start, "stage-start"},
    {Anchor::escalation_request, "escalation-request"},
    {Anchor::acknowledgement, "acknowledgement"},
    {Anchor::outcome, "outcome"},
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

/// One deadline within a stage: "acknowledge within 48 hours of the stage start".
struct Milestone {
    std::string id;    ///< e.g. "acknowledge"
    std::string title; ///< e.g. "Acknowledge the complaint"
    Period period;
    Anchor from = Anchor::stage_start;
    std::string from_event; ///< with Anchor::event: the event type, e.g. "meeting"
    std::string met_by;     ///< event type that meets it, e.g. "acknowledged"
    Party party = Party::staff;
    Counting counting;
    std::optional<Period> max_extension; ///< cap on extensions, if the procedure sets one
    bool extension_needs_reason = false; ///< an extension must give a reason
    /// Repeats: after each meeting event the next one is due this period later, until the
    /// stage ends ("keep the complainant informed every 20 working days").
    std::optional<Period> every;
    std::string action; ///< what to do next, e.g. "send the acknowledgement"
    int line = 0;       ///< where it was defined, for messages
};

/// What `milestone` counts from, as the policy names it: "receipt", ..., or an event type.
std::string anchor_name(const Milestone& milestone);

struct Stage {
    std::string id; ///< e.g. "formal"
    std::string title;
    std::string handler; ///< who handles it, as the procedure names them
    std::vector<Entry> entry;
    /// Complaints whose severity, or category, is one of these start at this stage on receipt.
    std::vector<std::string> start_if_severity;
    std::vector<std::string> start_if_category;
    std::vector<Milestone> milestones;
};

struct Contact {
    std::string role;
    std::string name;
    std::string phone;
    std::string email;
    std::string address;
    std::string url; ///< web page, e.g. a regulator's complaints page
};

struct Policy {
    std::string id;      ///< e.g. "big-bums"
    std::string version; ///< e.g. "2024-03-05"
    std::string title;
    std::string organisation;
    std::string source; ///< where the procedure text comes from
    std::optional<Day> last_reviewed;
    std::optional<Period> review_every;

    CalendarSpec calendar;
    Period due_soon{2, Unit::working_days};

    std::vector<std::string> channels;        ///< accepted intake channels; empty = any
    std::vector<std::string> required_fields; ///< intake fields `add` must have
    std::vector<std::string> severities;      ///< accepted severities; empty = any
    std::vector<std::string> categories;      ///< suggested categories; empty = any
    std::vector<std::string> remedies;        ///< outcome/remedy categories; empty = any
    std::vector<Contact> contacts;
    std::vector<Stage> stages;

    const Stage* find_stage(std::string_view id) const;
    /// Index of the stage in `stages`, or -1.
    int stage_index(std::string_view id) const;
    /// The stage a new complaint of `severity` and `category` starts in: the first stage that
    /// lists either, else the first stage.
    const Stage& first_stage_for(std::string_view severity, std::string_view category = {}) const;
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

/// `review_overdue` for the latest version of each policy in `policies` (older versions are
/// kept only for complaints pinned to them, so their review dates do not matter).
std::vector<std::string> review_warnings(const std::vector<Policy>& policies, Day today);

} // namespace complaints
