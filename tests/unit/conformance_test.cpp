// Whether a complaint's values come from its policy's lists: what `check` reports and `edit`
// refuses to add.
#include "complaints/conformance.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A Big Bums complaint as read from its file, the lines of its keys noted.
Complaint complaint_read() {
    Complaint c;
    c.path = "complaints/275abcde.toml";
    c.id = "275abcde";
    c.policy = "big-bums";
    c.policy_version = "2024-03-05";
    c.channel = "email";
    c.channel_line = 5;
    c.channel_column = 11;
    c.severity = "minor";
    c.severity_line = 6;
    c.severity_column = 12;
    return c;
}

Event resolution(std::string finding, std::vector<std::string> remedies) {
    Event e;
    e.type = "resolved";
    e.finding = std::move(finding);
    e.remedies = std::move(remedies);
    e.line = 9;
    e.column = 3;
    return e;
}

std::vector<std::string> shown(const std::vector<Error>& errors) {
    std::vector<std::string> out;
    for (const Error& error : errors)
        out.push_back(error.to_string());
    return out;
}

} // namespace

TEST_SUITE_BEGIN("core::conformance");

TEST_CASE("a complaint made of the policy's own words fits it") {
    Complaint c = complaint_read();
    c.events.push_back(resolution("upheld", {"apology", "explanation"}));
    PolicyFit fit = fit_to_policy(c, shipped_policy("big-bums"));
    CHECK(fit.errors.empty());
    CHECK(fit.warnings.empty());
}

TEST_CASE("a severity, finding or remedy outside the policy is an error at its line") {
    Complaint c = complaint_read();
    c.severity = "catastrophic";
    c.events.push_back(resolution("vindicated", {"apology", "a-free-holiday"}));
    PolicyFit fit = fit_to_policy(c, shipped_policy("big-bums"));
    CHECK(shown(fit.errors) ==
          std::vector<std::string>{
              "complaints/275abcde.toml:6:12: severity 'catastrophic' is not in policy big-bums: "
              "use one of minor, serious, complex",
              "complaints/275abcde.toml:9:3: finding 'vindicated' is not in policy big-bums: use "
              "one of upheld, partly-upheld, not-upheld",
              "complaints/275abcde.toml:9:3: remedy 'a-free-holiday' is not in policy big-bums: "
              "use one of apology, explanation, correction-of-error, preventative-action"});
    CHECK(fit.warnings.empty());
}

TEST_CASE("an unusual channel is recorded as given: a warning at its line, never an error") {
    Complaint c = complaint_read();
    c.channel = "carrier pigeon";
    PolicyFit fit = fit_to_policy(c, shipped_policy("big-bums"));
    CHECK(fit.errors.empty());
    REQUIRE(fit.warnings.size() == 1);
    CHECK(fit.warnings[0].to_string() ==
          "complaints/275abcde.toml:5:11: 'carrier pigeon' is not one of the usual channels of "
          "policy big-bums (phone, email, in-person, writing)");
}

TEST_CASE("a policy with no list allows any value") {
    Policy open = shipped_policy("big-bums");
    open.severities.clear();
    open.remedies.clear();
    open.channels.clear();
    Complaint c = complaint_read();
    c.severity = "anything";
    c.channel = "fax";
    c.events.push_back(resolution("upheld", {"a-free-holiday"}));
    PolicyFit fit = fit_to_policy(c, open);
    CHECK(fit.errors.empty());
    CHECK(fit.warnings.empty());
}

TEST_CASE("added_findings: what an edit adds, wherever the old ones moved") {
    const Error fax = data_error("f.toml", 5, 11, "'fax' is not one of the usual channels");
    Error moved = fax;
    moved.line = 7;
    const Error pigeon = data_error("f.toml", 5, 11, "'pigeon' is not one of the usual channels");
    CHECK(added_findings({fax}, {moved}).empty());
    CHECK(shown(added_findings({fax}, {pigeon})) == shown({pigeon}));
    CHECK(shown(added_findings({fax}, {fax, moved})) == shown({moved})); // one excuses one
    CHECK(added_findings({fax, pigeon}, {}).empty());
}

TEST_SUITE_END();
