#pragma once
/// A letter to the complainant, as data: what a letter template may say about a complaint (its
/// dates in words, who handles it, when the complainant will hear, the outcome and their next
/// routes), filled from the complaint, its derived state and its policy. Pure: the command
/// line renders the data through a template (docs/LETTERS.md).

#include "complaints/lifecycle.hpp"
#include "complaints/names.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

/// Which letter: each has a template of its own and makes sense in some states only.
enum class LetterKind {
    acknowledgement, ///< we have your complaint: who handles it, when you will hear
    outcome,         ///< our finding, the outcome and remedies, your next routes
    escalation,      ///< your complaint moved to a later stage: who, when
    update,          ///< where your complaint stands, when you will hear next
};
/// What the command line and template files call each kind.
inline constexpr NameTable<LetterKind, 4> letter_kind_names{{
    {LetterKind::acknowledgement, "acknowledgement"},
    {LetterKind::outcome, "outcome"},
    {LetterKind::escalation, "escalation"},
    {LetterKind::update, "update"},
}};

/// What a placeholder holds, which decides how it is written and where it may be used.
enum class PlaceholderKind {
    text,    ///< words from the complaint or the policy, escaped for the output
    link,    ///< a web address: a link where the output has links
    flag,    ///< true or false, for sections only: {{#paused}}...{{/paused}}
    texts,   ///< a list of words, each item `{{.}}` inside its section
    records, ///< a list of records: inside its section, the record's own names
};

/// One name a letter template may use.
struct Placeholder {
    std::string_view name;
    PlaceholderKind kind = PlaceholderKind::text;
    std::string_view meaning;          ///< what it holds, for docs/LETTERS.md
    std::string_view example;          ///< an example value
    std::vector<Placeholder> fields{}; ///< the names inside each record, for `records`
};

/// Every placeholder of every letter, in the order docs/LETTERS.md lists them. Every kind of
/// letter has them all (empty where they do not apply), so a template checks the same
/// whatever the complaint.
const std::vector<Placeholder>& letter_placeholders();

/// The values of a letter, or of one record in it, by placeholder name. Text and link values
/// are in `texts` (empty when unknown or not applicable), as are the empty defaults of every
/// placeholder, so that a template never names a value that is absent.
struct LetterFields {
    std::map<std::string, std::string, std::less<>> texts;
    std::map<std::string, bool, std::less<>> flags;
    std::map<std::string, std::vector<std::string>, std::less<>> lists;
    std::map<std::string, std::vector<LetterFields>, std::less<>> records;

    /// The text named `name`, or empty.
    std::string text(std::string_view name) const;
};

/// The letter of `kind` for `complaint`, whose state as of `as_of` is `state` under `policy`:
/// only events up to `as_of` are used. A usage error saying why when the letter makes no sense
/// in that state: an outcome letter before an outcome is recorded (or after the complaint was
/// reopened or escalated since), an escalation letter for a complaint still in its first stage,
/// any letter for a complaint received after `as_of`.
Result<LetterFields> letter_fields(LetterKind kind, const Complaint& complaint,
                                   const ComplaintState& state, const Policy& policy,
                                   const WorkingCalendar& calendar, Instant as_of);

/// The default template of `kind`: templates/KIND.md of the source tree, compiled in.
std::string_view shipped_letter_template(LetterKind kind);

/// Where the default template of `kind` comes from, for messages: "templates/outcome.md".
std::string shipped_letter_template_path(LetterKind kind);

/// How a stage's handler is named in a letter: "Sarah Robb (Complaints contact)", "our
/// Complaints Officer", "our designated member of staff", or words recorded by `assign`.
std::string handler_in_words(const ComplaintState& state, const Policy& policy,
                             const Complaint& complaint);

/// How a complaint arrived, in a letter's words: "by email", "in person", "in writing",
/// "verbally", "by phone"; "by CHANNEL" for others; empty when not recorded.
std::string channel_in_words(std::string_view channel);

} // namespace complaints
