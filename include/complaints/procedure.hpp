#pragma once
/// The procedure beyond dates: what staff do next and what the complainant may do next, said
/// in the policy's own terms (its actions, stages, people and routes). Pure: derived from a
/// complaint's state and its policy, nothing about one organisation written here.

#include "complaints/lifecycle.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

/// One thing to do next.
struct NextStep {
    Party party = Party::staff; ///< who it is for: staff, or the complainant
    std::string text;           ///< e.g. "resolve the complaint locally and tell the complainant"
    std::optional<Due> by;      ///< the date it is due by, when the procedure sets one
    bool overdue = false;       ///< `by` has passed: the step is late
    const Person* contact = nullptr; ///< whom the complainant goes to, for their routes
};

/// What staff and the complainant do next for a complaint in `state`:
/// - staff: each intake gap ("no contact details yet"); while open, the soonest staff
///   deadline's action (offering the next stage when it is overdue and the policy escalates),
///   else the stage's own action; when resolved, how a request for the next stage is recorded;
/// - complainant: while open, when they will hear; once resolved, the next stage they may ask
///   for and whom to ask, and each window still open to go to an outside body, by its date.
std::vector<NextStep> next_steps(const ComplaintState& state, const Policy& policy);

/// What staff do about `deadline`, in the policy's words: its milestone's action (else its
/// title), offering the next stage when the deadline is overdue and that stage is entered by
/// escalation ("resolve locally, or start the next stage, Formal complaint (complaints
/// escalate)").
std::string deadline_action(const Deadline& deadline, const Policy& policy);

/// How a missing intake field reads as a task: "no contact details yet".
std::string gap_words(std::string_view field);

/// "Sarah Robb, 07578 991211, bigbumslittlebums@gmail.com": the ways to reach `person`.
std::string reach(const Person& person);

/// The person the complainant contacts about `stage` (a request for a review, say): its
/// handler when the policy gives a way to reach them, else the first person of the policy
/// who can be reached by phone, email or post and is not an outside body. Null when none.
const Person* contact_for(const Stage& stage, const Policy& policy);

} // namespace complaints
