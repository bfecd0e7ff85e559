#pragma once
/// Subject access: which complaints are about one person, by the name or contact they gave,
/// and which only come close (for staff to look at before answering). Pure.

#include "complaints/complaint.hpp"

#include <string>
#include <string_view>

namespace complaints {

/// How a complaint relates to the person asked about.
enum class SubjectMatch {
    none,      ///< nothing alike
    match,     ///< its name or contact is the text asked for, ignoring case and spacing
    near_miss, ///< close but not the same: left out, and listed for staff to check
};

struct SubjectFinding {
    SubjectMatch match = SubjectMatch::none;
    /// Why, without the value: "name", "contact", "name is close", "contact is close",
    /// "named among the people involved".
    std::string why;
};

/// Whether `complaint` is about the person `who` names (a name or a contact). A name or
/// contact equal to `who`, ignoring case and runs of spaces, is a match; one within two edits
/// of it, or holding it or held in it as a whole word run, is a near miss, as is `who` among
/// the people involved.
SubjectFinding find_subject(const Complaint& complaint, std::string_view who);

} // namespace complaints
