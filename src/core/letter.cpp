// A letter's data: the complaint, its state and its policy said in a letter's words.

#include "complaints/letter.hpp"

#include "complaints/procedure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace complaints {

namespace {

using Kind = PlaceholderKind;

/// The events a letter as of `as_of` may use: those recorded up to that moment.
std::vector<const Event*> events_until(const Complaint& complaint, Instant as_of) {
    std::vector<const Event*> seen;
    for (const Event& event : complaint.events)
        if (event.at <= as_of) seen.push_back(&event);
    return seen;
}

/// The current visit to a stage, as far as a letter needs it: how it began and its outcome.
struct CurrentVisit {
    std::string previous_stage;     ///< the stage left, when the visit began by escalation
    const Event* entered = nullptr; ///< the escalation into the stage (null: the first stage)
    const Event* outcome = nullptr; ///< the outcome recorded in it and not reopened since
};

/// Follows the escalations, reopenings and outcomes in `events` as derive_state does: an
/// escalation to the stage the complaint is already in counts once.
CurrentVisit current_visit(const Complaint& complaint, const Policy& policy,
                           const std::vector<const Event*>& events) {
    std::string stage = policy.first_stage_for(complaint.severity, complaint.category).id;
    CurrentVisit visit;
    for (const Event* event : events) {
        if (event->type == event_type::escalated) {
            std::string target = event->stage;
            const int index = policy.stage_index(stage);
            if (target.empty() && index >= 0 && index + 1 < static_cast<int>(policy.stages.size()))
                target = policy.stages[static_cast<std::size_t>(index + 1)].id;
            if (target.empty() || target == stage) continue;
            visit = CurrentVisit{event->from.empty() ? stage : event->from, event, nullptr};
            stage = target;
        } else if (event->type == event_type::reopened) {
            visit.outcome = nullptr;
        } else if (event->type == event_type::resolved) {
            visit.outcome = event;
        }
    }
    return visit;
}

/// "Formal complaint" -> "formal complaint" for the middle of a sentence; acronyms keep theirs.
std::string mid_sentence(std::string_view title) {
    std::string out(title);
    const bool acronym = out.size() > 1 && std::isupper(static_cast<unsigned char>(out[1]));
    if (!out.empty() && !acronym)
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

/// Whether `title` is written in title case ("Complaints Officer", "Board of Directors"), as a
/// name is, rather than as words ("Designated member of staff").
bool title_case(std::string_view title) {
    static const std::array<std::string_view, 13> small{
        "of", "and", "the", "for", "to", "in", "on", "a", "an", "or", "at", "by", "with"};
    int words = 0;
    std::size_t at = 0;
    while (at < title.size()) {
        const std::size_t end = std::min(title.find(' ', at), title.size());
        const std::string_view word = title.substr(at, end - at);
        at = end + 1;
        if (word.empty()) continue;
        ++words;
        const bool minor = std::find(small.begin(), small.end(), word) != small.end();
        if (!minor && !std::isupper(static_cast<unsigned char>(word[0]))) return false;
    }
    return words >= 2;
}

/// A role's title after "our": "our Complaints Officer", "our designated member of staff".
std::string ours(std::string_view title) {
    return "our " + (title_case(title) ? std::string(title) : mid_sentence(title));
}

/// "partly-upheld" -> "partly upheld": a policy's name as words.
std::string words_of(std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '-', ' ');
    return out;
}

/// "a, b and c".
std::string joined_in_words(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

std::string day_of(Instant moment, const WorkingCalendar& calendar) {
    return day_in_words(local_day(moment, calendar.zone()));
}

/// A due date in a letter's words: "Thursday 30 April 2026", or "10:00 on Saturday 4 April
/// 2026" for a deadline counted in hours.
std::string due_in_words(const Due& due, const WorkingCalendar& calendar) {
    if (due.is_day) return day_in_words(due.day);
    const auto local = to_local(due.moment, calendar.zone());
    return fmt::format("{} on {}", date::format("%H:%M", local), day_of(due.moment, calendar));
}

std::string status_in_words(const ComplaintState& state) {
    switch (state.status) {
    case ComplaintStatus::open:
        return state.paused ? "on hold" : "still open";
    case ComplaintStatus::resolved:
        return "resolved";
    case ComplaintStatus::closed:
        return "closed";
    case ComplaintStatus::withdrawn:
        return "withdrawn";
    }
    return {};
}

bool pending(const Deadline& deadline) {
    return deadline.state == DeadlineState::open || deadline.state == DeadlineState::due_soon;
}

/// The staff deadline by which the complainant will hear from us next: the soonest one not yet
/// met or passed, while the complaint is open and not paused. An acknowledgement letter is
/// itself the acknowledgement, so it looks past the milestones met by one.
const Deadline* next_contact(const ComplaintState& state, LetterKind kind) {
    if (state.status != ComplaintStatus::open || state.paused) return nullptr;
    const Deadline* soonest = nullptr;
    for (const Deadline& deadline : state.deadlines) {
        if (deadline.party != Party::staff || !pending(deadline)) continue;
        if (kind == LetterKind::acknowledgement &&
            is_met_by(*deadline.milestone, event_type::acknowledged))
            continue;
        if (!soonest || deadline.due.moment < soonest->due.moment) soonest = &deadline;
    }
    return soonest;
}

bool any_overdue(const ComplaintState& state) {
    return state.status == ComplaintStatus::open &&
           std::any_of(state.deadlines.begin(), state.deadlines.end(), [](const Deadline& d) {
               return d.party == Party::staff && d.state == DeadlineState::overdue;
           });
}

/// Whom the complainant contacts about `stage`: `contact_for`'s choice, unless it can be reached
/// only through a web page: older policy files list outside bodies (an ombudsman) in
/// `[[contact]]` without marking them external, and a letter must not send the complainant
/// there with questions for us. Then the first person with a phone, email or address who is
/// not an outside body.
const Person* letter_contact(const Stage& stage, const Policy& policy) {
    auto by_hand = [](const Person& person) {
        return !person.external &&
               (!person.phone.empty() || !person.email.empty() || !person.address.empty());
    };
    const Person* chosen = contact_for(stage, policy);
    if (chosen == nullptr || by_hand(*chosen)) return chosen;
    auto found = std::find_if(policy.people.begin(), policy.people.end(), by_hand);
    return found == policy.people.end() ? nullptr : &*found;
}

/// The stage a complainant may ask for once the current one has its outcome: the next stage,
/// when the policy lets it be entered on their request (not one that only staff start, nor
/// another track such as a payment services complaint).
const Stage* stage_on_request(const ComplaintState& state, const Policy& policy) {
    const int index = policy.stage_index(state.stage);
    if (state.status != ComplaintStatus::resolved || index < 0 ||
        index + 1 >= static_cast<int>(policy.stages.size()))
        return nullptr;
    const Stage& after = policy.stages[static_cast<std::size_t>(index + 1)];
    const bool on_request =
        std::find(after.entry.begin(), after.entry.end(), Entry::request) != after.entry.end();
    return on_request ? &after : nullptr;
}

/// The complainant's windows still open: "complain to the CIC Regulator" by a date, and whom.
std::vector<LetterFields> open_routes(const ComplaintState& state, const Policy& policy,
                                      const WorkingCalendar& calendar) {
    std::vector<LetterFields> routes;
    if (state.status == ComplaintStatus::withdrawn) return routes;
    for (const Deadline& deadline : state.deadlines) {
        if (deadline.party != Party::complainant || deadline.met_at || !pending(deadline)) continue;
        LetterFields route;
        route.texts["route"] = mid_sentence(deadline.milestone->title);
        route.texts["route_by"] = due_in_words(deadline.due, calendar);
        const Person* body = policy.person(deadline.milestone->contact);
        route.texts["body"] = body ? body->shown() : "";
        route.texts["body_contact"] = "";
        if (body) {
            std::vector<std::string> ways;
            for (const std::string* way : {&body->phone, &body->email, &body->address})
                if (!way->empty()) ways.push_back(*way);
            route.texts["body_contact"] = fmt::format("{}", fmt::join(ways, ", "));
        }
        route.texts["body_url"] = body ? body->url : "";
        routes.push_back(std::move(route));
    }
    return routes;
}

/// Every placeholder with an empty value, so that none is ever missing.
LetterFields empty_fields(const std::vector<Placeholder>& placeholders) {
    LetterFields fields;
    for (const Placeholder& placeholder : placeholders) {
        const std::string name(placeholder.name);
        switch (placeholder.kind) {
        case Kind::text:
        case Kind::link:
            fields.texts[name] = "";
            break;
        case Kind::flag:
            fields.flags[name] = false;
            break;
        case Kind::texts:
            fields.lists[name] = {};
            break;
        case Kind::records:
            fields.records[name] = {};
            break;
        }
    }
    return fields;
}

void fill_intake(LetterFields& fields, const Complaint& complaint, const Policy& policy,
                 const WorkingCalendar& calendar, Instant as_of) {
    fields.texts["organisation"] = policy.organisation;
    fields.texts["policy_title"] = policy.title;
    fields.texts["reference"] = complaint.id;
    fields.texts["date"] = day_of(as_of, calendar);
    fields.texts["complainant"] = complaint.name;
    fields.texts["complainant_contact"] = complaint.contact;
    fields.texts["received"] = day_of(complaint.received, calendar);
    fields.texts["received_by"] = channel_in_words(complaint.channel);
    fields.texts["summary"] = complaint.summary;
    fields.texts["details"] = complaint.details;
}

void fill_state(LetterFields& fields, LetterKind kind, const Complaint& complaint,
                const ComplaintState& state, const Policy& policy,
                const WorkingCalendar& calendar) {
    fields.texts["stage"] = state.stage_title;
    fields.texts["status"] = status_in_words(state);
    fields.flags["open"] = state.status == ComplaintStatus::open;
    fields.flags["paused"] = state.paused;
    fields.flags["late"] = any_overdue(state);
    fields.texts["handler"] = handler_in_words(state, policy, complaint);
    if (const Stage* stage = policy.find_stage(state.stage))
        if (const Person* contact = letter_contact(*stage, policy))
            fields.texts["contact"] = reach(*contact);
    if (const Deadline* next = next_contact(state, kind))
        fields.texts["hear_by"] = due_in_words(next->due, calendar);
}

void fill_escalation(LetterFields& fields, const CurrentVisit& visit, const Policy& policy,
                     const WorkingCalendar& calendar) {
    if (!visit.entered) return;
    const Stage* left = policy.find_stage(visit.previous_stage);
    fields.texts["previous_stage"] = left ? left->title : visit.previous_stage;
    fields.texts["escalated_on"] = day_of(visit.entered->at, calendar);
    if (visit.entered->requested)
        fields.texts["requested_on"] = day_of(*visit.entered->requested, calendar);
}

void fill_outcome(LetterFields& fields, const CurrentVisit& visit, const ComplaintState& state,
                  const Policy& policy, const WorkingCalendar& calendar) {
    if (visit.outcome && state.status != ComplaintStatus::open &&
        state.status != ComplaintStatus::withdrawn) {
        const Event& outcome = *visit.outcome;
        fields.texts["outcome_on"] = day_of(outcome.at, calendar);
        fields.texts["finding"] = words_of(outcome.finding);
        fields.texts["outcome"] = outcome.outcome;
        std::vector<std::string> remedies;
        for (const std::string& remedy : outcome.remedies)
            remedies.push_back(words_of(remedy));
        fields.texts["remedies_in_words"] = joined_in_words(remedies);
        fields.lists["remedies"] = std::move(remedies);
    }
    if (const Stage* after = stage_on_request(state, policy)) {
        fields.texts["next_stage"] = after->title;
        if (const Person* contact = letter_contact(*after, policy))
            fields.texts["next_stage_contact"] = reach(*contact);
    }
    fields.records["routes"] = open_routes(state, policy, calendar);
}

/// Why a letter of `kind` makes no sense for the complaint now, if it does not.
std::optional<std::string> refusal(LetterKind kind, const Complaint& complaint,
                                   const ComplaintState& state, const CurrentVisit& visit,
                                   Instant as_of) {
    if (complaint.received > as_of)
        return fmt::format("complaint {} was received after the moment the letter is as of",
                           complaint.id);
    const bool outcome_stands = visit.outcome && (state.status == ComplaintStatus::resolved ||
                                                  state.status == ComplaintStatus::closed);
    if (kind == LetterKind::outcome && !outcome_stands)
        return fmt::format("complaint {} has no outcome recorded in its current stage ({}); "
                           "record it with 'complaints resolve' first",
                           complaint.id, state.stage_title);
    if (kind == LetterKind::escalation && !visit.entered)
        return fmt::format("complaint {} has not been escalated: it is in its first stage ({})",
                           complaint.id, state.stage_title);
    return std::nullopt;
}

Placeholder text(std::string_view name, std::string_view meaning, std::string_view example) {
    return Placeholder{name, Kind::text, meaning, example};
}

} // namespace

const std::vector<Placeholder>& letter_placeholders() {
    static const std::vector<Placeholder> placeholders{
        text("organisation", "the organisation, from the policy", "Big Bums and Little Bums Ltd"),
        text("policy_title", "the procedure's title", "Complaints Procedure"),
        text("reference", "the complaint's ID, to quote", "2a1m0001"),
        text("date", "the letter's date: today, or the day of --as-of", "Monday 6 April 2026"),
        text("complainant", "the complainant's name; empty when not recorded", "Jo Bloggs"),
        text("complainant_contact", "how to reach the complainant", "jo@example.org"),
        text("received", "the day the complaint was received", "Thursday 2 April 2026"),
        text("received_by", "how it arrived, in words", "by email"),
        text("summary", "the complaint's summary", "Door left open"),
        text("details", "the complaint's details, as recorded", "On Monday the door ..."),
        text("stage", "the stage it is in, as the policy titles it", "Formal complaint"),
        text("status", "where it stands: still open, on hold, resolved, closed, withdrawn",
             "still open"),
        Placeholder{"open", Kind::flag, "true while the complaint is open", "true"},
        Placeholder{"paused", Kind::flag, "true while its clock is paused", "false"},
        Placeholder{"late", Kind::flag, "true when a deadline of ours has passed unmet", "false"},
        text("handler", "who handles it now: the stage's handler, by name or role",
             "our Complaints Officer"),
        text("contact", "whom to contact about it, and how",
             "Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com"),
        text("hear_by", "when they will hear from us next: the next deadline of ours",
             "Thursday 30 April 2026"),
        text("previous_stage", "the stage it left, once escalated", "Local resolution"),
        text("escalated_on", "the day it moved to its stage, once escalated",
             "Friday 3 April 2026"),
        text("requested_on", "the day the complainant asked for the stage, if they did",
             "Friday 3 April 2026"),
        text("outcome_on", "the day the outcome was recorded", "Tuesday 28 April 2026"),
        text("finding", "the finding, in words", "partly upheld"),
        text("outcome", "the outcome, as recorded", "We have changed the door latch."),
        Placeholder{"remedies", Kind::texts, "the remedies, each in words ({{.}})", "apology"},
        text("remedies_in_words", "the remedies in one phrase",
             "apology, explanation and correction of error"),
        text("next_stage", "the next stage they may ask for, after an outcome", "Internal review"),
        text("next_stage_contact", "whom to ask for it, and how",
             "Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com"),
        Placeholder{"routes",
                    Kind::records,
                    "each window still open to the complainant, with these names inside",
                    "",
                    {
                        text("route", "what they may do", "complain to the CIC Regulator"),
                        text("route_by", "the last day for it", "Thursday 30 July 2026"),
                        text("body", "the outside body, when the policy names one",
                             "the Office of the Regulator of Community Interest Companies"),
                        text("body_contact", "its phone, email or address", ""),
                        Placeholder{"body_url", Kind::link, "its web page",
                                    "https://www.gov.uk/cic-regulator"},
                    }},
    };
    return placeholders;
}

std::string LetterFields::text(std::string_view name) const {
    auto found = texts.find(name);
    return found == texts.end() ? std::string() : found->second;
}

std::string channel_in_words(std::string_view channel) {
    if (channel.empty()) return {};
    if (channel == "in-person") return "in person";
    if (channel == "writing") return "in writing";
    if (channel == "verbal" || channel == "oral") return "verbally";
    if (channel == "online" || channel == "web" || channel == "website") return "online";
    return "by " + words_of(channel);
}

std::string handler_in_words(const ComplaintState& state, const Policy& policy,
                             const Complaint& complaint) {
    if (const Person* person = policy.person(state.handler_role); person) {
        if (person->name.empty()) return ours(person->title);
        return fmt::format("{} ({})", person->name, person->title);
    }
    const Stage* stage = policy.find_stage(state.stage);
    const bool policy_words =
        stage &&
        state.handler == policy.handler_for(*stage, complaint.severity, complaint.category);
    return policy_words && !state.handler.empty() ? ours(state.handler) : state.handler;
}

Result<LetterFields> letter_fields(LetterKind kind, const Complaint& complaint,
                                   const ComplaintState& state, const Policy& policy,
                                   const WorkingCalendar& calendar, Instant as_of) {
    const CurrentVisit visit = current_visit(complaint, policy, events_until(complaint, as_of));
    if (auto why = refusal(kind, complaint, state, visit, as_of)) return usage_error(*why);
    LetterFields fields = empty_fields(letter_placeholders());
    fill_intake(fields, complaint, policy, calendar, as_of);
    fill_state(fields, kind, complaint, state, policy, calendar);
    fill_escalation(fields, visit, policy, calendar);
    fill_outcome(fields, visit, state, policy, calendar);
    return fields;
}

} // namespace complaints
