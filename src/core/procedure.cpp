// What happens next, in the procedure's own terms: derived from the state and the policy.

#include "complaints/procedure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

NextStep step(Party party, std::string_view text, std::optional<Due> by = std::nullopt,
              const Person* contact = nullptr) {
    NextStep made;
    made.party = party;
    made.text = text;
    made.by = by;
    made.contact = contact;
    return made;
}

NextStep late(NextStep step) {
    step.overdue = true;
    return step;
}

bool enters_by(const Stage& stage, Entry entry) {
    return std::find(stage.entry.begin(), stage.entry.end(), entry) != stage.entry.end();
}

/// The stage after `stage` in `policy`, or null after the last.
const Stage* stage_after(const Policy& policy, std::string_view stage) {
    const int index = policy.stage_index(stage);
    if (index < 0 || index + 1 >= static_cast<int>(policy.stages.size())) return nullptr;
    return &policy.stages[static_cast<std::size_t>(index + 1)];
}

/// "Formal complaint" -> "formal complaint", for the middle of a sentence (names such as
/// "Board of Directors review" keep their capitals after the first word).
std::string mid_sentence(std::string_view title) {
    std::string out(title);
    const bool acronym = out.size() > 1 && std::isupper(static_cast<unsigned char>(out[1]));
    if (!out.empty() && !acronym)
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string action_of(const Milestone& milestone) {
    return milestone.action.empty() ? mid_sentence(milestone.title) : milestone.action;
}

/// What staff do while the complaint is open.
void staff_while_open(const ComplaintState& state, const Policy& policy,
                      std::vector<NextStep>& steps) {
    if (state.paused) {
        steps.push_back(step(Party::staff,
                             "the clock is paused: resume it when work on the complaint "
                             "can go on (complaints resume)"));
        return;
    }
    const Stage* stage = policy.find_stage(state.stage);
    if (const Deadline* next = next_staff_deadline(state)) {
        NextStep todo = step(Party::staff, deadline_action(*next, policy), next->due);
        steps.push_back(next->state == DeadlineState::overdue ? late(todo) : todo);
    } else if (stage) {
        steps.push_back(
            step(Party::staff, stage->action.empty()
                                   ? "investigate, then record the outcome (complaints resolve)"
                                   : stage->action));
    }
    if (state.idle && state.idle->state == DeadlineState::overdue)
        steps.push_back(late(step(Party::staff,
                                  fmt::format("no action for {}: act on it, or note why it "
                                              "waits (complaints note)",
                                              describe(state.idle->idle_for)),
                                  state.idle->due)));
}

/// What the complainant may do once an outcome is sent, and what staff do if they do it.
void routes_after_outcome(const ComplaintState& state, const Policy& policy,
                          std::vector<NextStep>& steps) {
    const Stage* after = stage_after(policy, state.stage);
    if (after == nullptr) return;
    steps.push_back(step(Party::staff, fmt::format("if the complainant asks for the next stage, "
                                                   "{}, record it (complaints escalate "
                                                   "--requested)",
                                                   after->title)));
    steps.push_back(
        step(Party::complainant,
             fmt::format("if not satisfied, may ask for the next stage, {}", after->title),
             std::nullopt, contact_for(*after, policy)));
}

/// The complainant's windows still open, e.g. "may complain to the CIC Regulator" by a date.
void open_windows(const ComplaintState& state, const Policy& policy, std::vector<NextStep>& steps) {
    for (const Deadline& deadline : state.deadlines) {
        if (deadline.party != Party::complainant || deadline.met_at) continue;
        if (deadline.state != DeadlineState::open) continue;
        const Person* body = policy.person(deadline.milestone->contact);
        std::string text = body ? fmt::format("may complain to {}", body->shown())
                                : action_of(*deadline.milestone);
        steps.push_back(step(Party::complainant, text, deadline.due, body));
    }
}

} // namespace

std::string deadline_action(const Deadline& deadline, const Policy& policy) {
    std::string text = action_of(*deadline.milestone);
    const Stage* after = stage_after(policy, deadline.stage);
    if (deadline.state == DeadlineState::overdue && after && enters_by(*after, Entry::escalation))
        text += fmt::format(", or start the next stage, {} (complaints escalate)", after->title);
    return text;
}

std::string gap_words(std::string_view field) {
    if (field == "contact") return "no contact details yet";
    if (field == "name") return "no name for the complainant yet";
    if (field == "details") return "no details of the complaint yet";
    if (field == "summary") return "no summary yet";
    if (field == "channel") return "how the complaint arrived is not recorded yet";
    if (field == "people") return "no people involved recorded yet";
    if (field == "evidence") return "no supporting evidence recorded yet";
    return fmt::format("no {} recorded yet", field);
}

std::string reach(const Person& person) {
    std::string out = person.shown();
    for (const std::string* way : {&person.phone, &person.email, &person.address, &person.url})
        if (!way->empty()) out += ", " + *way;
    return out;
}

const Person* contact_for(const Stage& stage, const Policy& policy) {
    auto reachable = [](const Person& person) {
        return !person.external && (!person.phone.empty() || !person.email.empty() ||
                                    !person.address.empty() || !person.url.empty());
    };
    if (const Person* handler = policy.person(stage.handler); handler && reachable(*handler))
        return handler;
    for (const Person& person : policy.people)
        if (reachable(person)) return &person;
    return nullptr;
}

std::vector<NextStep> next_steps(const ComplaintState& state, const Policy& policy) {
    std::vector<NextStep> steps;
    if (state.status == ComplaintStatus::withdrawn) return steps;
    if (state.status != ComplaintStatus::closed)
        for (const std::string& gap : state.gaps)
            steps.push_back(step(Party::staff, gap_words(gap)));
    if (state.status == ComplaintStatus::open) {
        staff_while_open(state, policy, steps);
        if (const Deadline* next = next_staff_deadline(state); next && !state.paused) {
            if (next->state == DeadlineState::overdue)
                steps.push_back(
                    late(step(Party::complainant, "should have heard from us", next->due)));
            else
                steps.push_back(step(Party::complainant, "should hear from us", next->due));
        }
    }
    if (state.status == ComplaintStatus::resolved) routes_after_outcome(state, policy, steps);
    open_windows(state, policy, steps);
    return steps;
}

} // namespace complaints
