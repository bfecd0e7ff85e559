#pragma once
/// The interactive side of `complaints add`: the intake fields asked one by one, each with a
/// label and an example, details over several lines, an answer checked and asked again until
/// it is valid, and a yes/no before saving. Reads and writes the streams it is given, so it
/// is tested without a terminal; `add` hands it stdin and stderr, and only on a terminal.

#include "complaints/policy.hpp"

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace complaints::cli {

/// One question: the intake field it fills, as `add`'s flag names it.
struct IntakeQuestion {
    std::string field;   ///< "received", "name", ..., "person", "evidence"
    std::string label;   ///< "Complainant's name"
    std::string example; ///< "Jo Bloggs"
    bool several_lines = false;
};

/// Every intake field of a complaint, in the order of the complaint file, with the policy's
/// own channels, severities and categories as examples; a field the policy requires says so.
std::vector<IntakeQuestion> intake_questions(const Policy& policy);

/// Why `answer` is not a valid value of `field` (asked again), or nothing when it is.
using AnswerCheck =
    std::function<std::optional<std::string>(const std::string& field, const std::string& answer)>;

/// Asks `questions` in order on `out`, reading `in`: an empty answer leaves a field out (or
/// takes the default the label names). A several-lines answer ends with an empty line or
/// end of input. The answers by field, or nothing when input ended at a question (Ctrl-D):
/// the person cancelled.
std::optional<std::map<std::string, std::string>>
ask_intake(std::istream& in, std::ostream& out, const std::vector<IntakeQuestion>& questions,
           const AnswerCheck& check);

/// Asks `question` with "[y/N]"; true only for an answer starting with y or Y.
bool confirm(std::istream& in, std::ostream& out, const std::string& question);

} // namespace complaints::cli
