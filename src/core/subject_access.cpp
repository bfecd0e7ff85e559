// Which complaints are about one person (include/complaints/subject_access.hpp).

#include "complaints/subject_access.hpp"

#include "complaints/spelling.hpp"

#include <cctype>

namespace complaints {

namespace {

/// `text` lowercased (ASCII), trimmed, each run of spaces made one: how people are compared.
std::string folded_person(std::string_view text) {
    std::string out;
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (std::isspace(byte)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(byte));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// Close to but not the same as `who` (both folded): within two edits, or one holding the
/// other (at least three characters of it).
bool close_to(const std::string& value, const std::string& who) {
    if (value.empty() || who.empty()) return false;
    if (edit_distance(value, who) <= 2) return true;
    const std::string& shorter = value.size() < who.size() ? value : who;
    const std::string& longer = value.size() < who.size() ? who : value;
    return shorter.size() >= 3 && longer.find(shorter) != std::string::npos;
}

} // namespace

SubjectFinding find_subject(const Complaint& complaint, std::string_view who) {
    const std::string person = folded_person(who);
    if (person.empty()) return {};
    const std::string name = folded_person(complaint.name),
                      contact = folded_person(complaint.contact);
    if (name == person) return {SubjectMatch::match, "name"};
    if (contact == person) return {SubjectMatch::match, "contact"};
    if (close_to(name, person)) return {SubjectMatch::near_miss, "name is close"};
    if (close_to(contact, person)) return {SubjectMatch::near_miss, "contact is close"};
    for (const std::string& involved : complaint.people)
        if (folded_person(involved) == person || close_to(folded_person(involved), person))
            return {SubjectMatch::near_miss, "named among the people involved"};
    return {};
}

} // namespace complaints
