#include "cli/interview.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <istream>
#include <ostream>

namespace complaints::cli {

namespace {

/// "email, phone, in person" from a policy list, or `otherwise` when the policy has none.
std::string listed(const std::vector<std::string>& values, const std::string& otherwise) {
    return values.empty() ? otherwise : fmt::format("{}", fmt::join(values, ", "));
}

bool required(const Policy& policy, const std::string& field) {
    const auto& fields = policy.required_fields;
    const std::string name = field == "person" ? "people" : field;
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

/// One line of input, or nothing at the end of input.
std::optional<std::string> read_line(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return {};
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

/// Lines up to an empty one or the end of input, joined with newlines. Ctrl-D on a terminal
/// ends only this answer: the stream is cleared so that the next question can be read.
std::string read_lines(std::istream& in, std::ostream& out) {
    std::string text;
    for (std::optional<std::string> line; (line = read_line(in)) && !line->empty();) {
        text += (text.empty() ? "" : "\n") + *line;
        out << "  > " << std::flush;
    }
    if (in.eof()) {
        in.clear();
        out << "\n";
    }
    return text;
}

void ask(std::ostream& out, const IntakeQuestion& question) {
    out << question.label << " (e.g. " << question.example << ")";
    if (question.several_lines)
        out << "\n  several lines; end with an empty line or Ctrl-D\n  > ";
    else
        out << ": ";
    out << std::flush;
}

} // namespace

std::vector<IntakeQuestion> intake_questions(const Policy& policy) {
    std::vector<IntakeQuestion> questions{
        {"received", "Received, empty for now", "2026-03-27T10:00 or 2026-03-27"},
        {"name", "Complainant's name", "Jo Bloggs"},
        {"contact", "How to reach them", "jo@example.org, 07700 900000 or an address"},
        {"channel", "How it arrived", listed(policy.channels, "email, letter, in person")},
        {"summary", "Summary in one line", "Trip cancelled at a day's notice"},
        {"details", "The complaint in full", "what they said, in their words", true},
        {"occurred", "When it happened", "2026-03-20, 2026-03-01..2026-03-20 or last Tuesday"},
        {"known", "When they became aware of it", "2026-03-21"},
        {"person", "People involved, separated by ;", "Sam Jones; the driver"},
        {"evidence", "Evidence, separated by ;", "photos/door.jpg; letter of 3 March"},
        {"severity", "Severity", listed(policy.severities, "minor or serious")},
        {"category", "Category", listed(policy.categories, "staff, fees, safeguarding")},
        {"handler", "Who handles it, empty for the policy's", "Sarah Robb"},
    };
    for (IntakeQuestion& question : questions)
        if (required(policy, question.field)) question.label += " [the policy asks for it]";
    return questions;
}

std::optional<std::map<std::string, std::string>>
ask_intake(std::istream& in, std::ostream& out, const std::vector<IntakeQuestion>& questions,
           const AnswerCheck& check) {
    std::map<std::string, std::string> answers;
    for (const IntakeQuestion& question : questions) {
        for (;;) {
            ask(out, question);
            std::string answer;
            if (question.several_lines) {
                answer = read_lines(in, out);
            } else {
                auto line = read_line(in);
                if (!line) return {};
                answer = *line;
            }
            auto why = answer.empty() ? std::nullopt : check(question.field, answer);
            if (!why) {
                answers[question.field] = answer;
                break;
            }
            out << "  " << *why << "; try again\n";
        }
    }
    return answers;
}

bool confirm(std::istream& in, std::ostream& out, const std::string& question) {
    out << question << " [y/N] " << std::flush;
    auto line = read_line(in);
    return line && !line->empty() && (line->front() == 'y' || line->front() == 'Y');
}

} // namespace complaints::cli
