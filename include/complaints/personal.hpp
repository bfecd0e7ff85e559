#pragma once
/// Which facts of a complaint are personal data, in one place: every printer, exporter, the
/// anonymiser and the merge ask here. Each field of `Complaint` and of `Event` is classified
/// once; adding a field without classifying it stops the build (the counts below).

#include "complaints/complaint.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace complaints {

/// What a field holds, for privacy.
enum class Privacy {
    kept,          ///< not personal: IDs, dates of handling, stages, categories, findings, staff
    personal,      ///< about a person or in their words: left out by redaction, replaced
                   ///< by the marker on anonymisation
    personal_date, ///< when the matter happened: left out by redaction, kept on anonymisation
                   ///< (a date alone names no one, and time limits are counted from it)
};

/// One field, by the key it is written under, and what it holds.
struct FieldPrivacy {
    std::string_view key;
    Privacy privacy;
};

/// Every field of `Complaint`, in declaration order. `events` is kept: each event's own
/// fields are classified in `event_privacy`; `conflicts` hold another clone's values.
inline constexpr std::array<FieldPrivacy, 20> complaint_privacy{{
    {"id", Privacy::kept},
    {"policy", Privacy::kept},
    {"policy_version", Privacy::kept},
    {"received", Privacy::kept},
    {"channel", Privacy::kept},
    {"name", Privacy::personal},
    {"contact", Privacy::personal},
    {"summary", Privacy::personal},
    {"details", Privacy::personal},
    {"occurred", Privacy::personal},
    {"occurred_on", Privacy::personal_date},
    {"occurred_until", Privacy::personal_date},
    {"known_on", Privacy::personal_date},
    {"people", Privacy::personal},
    {"evidence", Privacy::personal},
    {"severity", Privacy::kept},
    {"category", Privacy::kept},
    {"handler", Privacy::kept},
    {"events", Privacy::kept},
    {"conflicts", Privacy::personal},
}};

/// Every field of `Event`, in declaration order. `by` and `handler` are staff, kept.
inline constexpr std::array<FieldPrivacy, 17> event_privacy{{
    {"at", Privacy::kept},
    {"type", Privacy::kept},
    {"by", Privacy::kept},
    {"text", Privacy::personal},
    {"stage", Privacy::kept},
    {"from", Privacy::kept},
    {"requested", Privacy::kept},
    {"milestone", Privacy::kept},
    {"until", Privacy::kept},
    {"extend_by", Privacy::kept},
    {"reason", Privacy::personal},
    {"good_reason", Privacy::personal},
    {"outcome", Privacy::personal},
    {"finding", Privacy::kept},
    {"remedies", Privacy::kept},
    {"handler", Privacy::kept},
    {"body", Privacy::kept},
}};

namespace detail {
/// Converts to any field type: counts an aggregate's fields by how many it accepts.
struct AnyField {
    template <class T> operator T() const; // NOLINT: never defined, only for the count
};
template <class T, class... Fields> constexpr std::size_t field_count() {
    if constexpr (requires { T{Fields{}..., AnyField{}}; })
        return field_count<T, Fields..., AnyField>();
    else
        return sizeof...(Fields);
}
} // namespace detail

// One more than the table: the base class holding where the record was read from.
static_assert(detail::field_count<Complaint>() == complaint_privacy.size() + 1,
              "a field was added to Complaint: classify it in complaint_privacy (personal.hpp)");
static_assert(detail::field_count<Event>() == event_privacy.size() + 1,
              "a field was added to Event: classify it in event_privacy (personal.hpp)");

/// What `anonymise` writes in place of a personal value.
inline constexpr std::string_view anonymised_marker = "[anonymised]";

/// Whether the intake field written as `key` is personal (`personal` or `personal_date`).
bool personal_intake_key(std::string_view key);
/// Whether the event field written as `key` is personal.
bool personal_event_key(std::string_view key);

/// `complaint` with every personal value left out (empty), for output shared beyond the
/// register: export --redact and the like.
Complaint redacted(Complaint complaint);

/// `complaint` with every `Privacy::personal` value that is not empty replaced by
/// `anonymised_marker` (a list by one marker), in its intake, its events and its conflicts;
/// dates, stages, categories, findings and remedies stay.
Complaint anonymised(Complaint complaint);

/// What `anonymised` would change in `complaint`, in words: its intake keys in table order
/// ("name", "contact", ...), then "N events" whose words it would replace; empty when it
/// holds no personal value left to replace.
std::vector<std::string> personal_values_held(const Complaint& complaint);

/// Whether `complaint` has been anonymised (it holds an `anonymised` event).
bool is_anonymised(const Complaint& complaint);

} // namespace complaints
