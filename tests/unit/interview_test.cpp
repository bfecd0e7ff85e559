#include "cli/interview.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace complaints;
using namespace complaints::cli;

namespace {

/// Accepts anything but a severity other than minor or serious.
std::optional<std::string> severity_check(const std::string& field, const std::string& answer) {
    if (field == "severity" && answer != "minor" && answer != "serious")
        return std::string("use one of minor, serious");
    return {};
}

std::vector<IntakeQuestion> three_questions() {
    return {{"name", "Complainant's name", "Jo Bloggs"},
            {"details", "The complaint in full", "their words", true},
            {"severity", "Severity", "minor, serious"}};
}

} // namespace

TEST_SUITE_BEGIN("cli::interview");

TEST_CASE("every intake field in the file's order, labelled, with the policy's own examples") {
    const Policy policy = support::shipped_policy("twinkles");
    const auto questions = intake_questions(policy);
    std::vector<std::string> fields;
    for (const auto& q : questions)
        fields.push_back(q.field);
    CHECK(fields == std::vector<std::string>{"received", "name", "contact", "channel", "summary",
                                             "details", "occurred", "known", "person", "evidence",
                                             "severity", "category", "handler"});
    for (const auto& q : questions) {
        CHECK_FALSE(q.label.empty());
        CHECK_FALSE(q.example.empty());
    }
    CHECK(questions[10].example == "minor, serious"); // the policy's severities
    CHECK(questions[5].several_lines);
}

TEST_CASE("details run over several lines to an empty line; a bad answer is asked again") {
    std::istringstream in("Jo Bloggs\nFirst line\nsecond line\n\ncatastrophic\nserious\n");
    std::ostringstream out;
    auto answers = ask_intake(in, out, three_questions(), severity_check);
    REQUIRE(answers);
    CHECK(answers->at("name") == "Jo Bloggs");
    CHECK(answers->at("details") == "First line\nsecond line");
    CHECK(answers->at("severity") == "serious");
    const std::string asked = out.str();
    CHECK(asked.find("Complainant's name (e.g. Jo Bloggs): ") != std::string::npos);
    CHECK(asked.find("end with an empty line or Ctrl-D") != std::string::npos);
    CHECK(asked.find("use one of minor, serious; try again") != std::string::npos);
}

TEST_CASE("an empty answer leaves the field out; the end of input cancels") {
    std::istringstream skipped("\n\nminor\n");
    std::ostringstream out;
    auto answers = ask_intake(skipped, out, three_questions(), severity_check);
    REQUIRE(answers);
    CHECK(answers->at("name").empty());
    CHECK(answers->at("details").empty());

    std::istringstream cancelled("Jo Bloggs\n");
    CHECK_FALSE(ask_intake(cancelled, out, three_questions(), severity_check));
}

TEST_CASE("saving needs a yes; anything else, or nothing, is no") {
    std::ostringstream out;
    std::istringstream yes("y\n"), no("n\n"), empty("\n"), nothing("");
    CHECK(confirm(yes, out, "Save?"));
    CHECK_FALSE(confirm(no, out, "Save?"));
    CHECK_FALSE(confirm(empty, out, "Save?"));
    CHECK_FALSE(confirm(nothing, out, "Save?"));
    CHECK(out.str().find("Save? [y/N] ") == 0);
}

TEST_SUITE_END();
