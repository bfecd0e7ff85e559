#include "complaints/policy.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

/// The error `parse_policy` gives for `text`, as `p.toml:LINE:COL: message`.
std::string error_of(const std::string& text) {
    Result<Policy> policy = parse_policy(text, "p.toml");
    REQUIRE_FALSE(policy.ok());
    CHECK(policy.error().kind == ErrorKind::data);
    return policy.error().to_string();
}

const std::string header = R"([policy]
id = "test"
version = "1"
)";

/// A one-stage policy whose milestone body is `milestone` (lines 7 onwards).
std::string with_milestone(const std::string& milestone) {
    return header + R"(
[[stage]]
id = "local"
  [[stage.milestone]]
)" + milestone;
}

} // namespace

TEST_SUITE_BEGIN("core::policy");

TEST_CASE("big-bums: three stages, serious or complex complaints start formal") {
    Policy policy = shipped_policy("big-bums");
    CHECK(policy.id == "big-bums");
    CHECK(policy.organisation == "Big Bums and Little Bums Ltd");
    CHECK_FALSE(policy.review_every.has_value());
    CHECK(policy.calendar.zone_name == "Europe/London");
    CHECK(policy.calendar.division == Division::england_and_wales);
    REQUIRE(policy.stages.size() == 3);
    CHECK(policy.stage_index("review") == 2);
    CHECK(policy.stage_index("appeal") == -1);
    CHECK(policy.find_stage("nowhere") == nullptr);

    const Stage& local = policy.stages[0];
    CHECK(local.entry == std::vector<Entry>{Entry::receipt});
    REQUIRE(local.milestones.size() == 1);
    CHECK(local.milestones[0].period == Period{5, Unit::days});
    CHECK(local.milestones[0].from == Anchor::receipt);
    CHECK(local.milestones[0].met_by == "resolved");

    const Stage* formal = policy.find_stage("formal");
    REQUIRE(formal != nullptr);
    CHECK(formal->handler == "complaints-officer");
    CHECK(formal->entry == std::vector<Entry>{Entry::escalation});
    REQUIRE(formal->milestones.size() == 2);
    CHECK(formal->milestones[0].period == Period{48, Unit::hours});
    CHECK(formal->milestones[0].met_by == "acknowledged");
    CHECK(formal->milestones[0].action == "contact the complainant to acknowledge the complaint");
    CHECK(formal->milestones[1].period == Period{28, Unit::days});

    const Stage& review = policy.stages[2];
    CHECK(review.entry == std::vector<Entry>{Entry::request});
    CHECK(review.handler == "review-panel");
    REQUIRE(policy.person("review-panel") != nullptr);
    CHECK(policy.person("review-panel")->shown() == "Sarah Hall and an independent representative");
    REQUIRE(review.milestones.size() == 1);
    CHECK(review.milestones[0].from == Anchor::escalation_request);
    CHECK(review.milestones[0].met_by == "meeting");

    REQUIRE(policy.people.size() == 3);
    CHECK(policy.people[0].role == "complaints-contact");
    CHECK(policy.people[0].name == "Sarah Robb");
    CHECK(policy.people[0].phone == "07578 991211");
    CHECK(policy.people[0].email == "bigbumslittlebums@gmail.com");
}

TEST_CASE("big-bums: first_stage_for picks the stage by severity") {
    Policy policy = shipped_policy("big-bums");
    CHECK(policy.first_stage_for("serious").id == "formal");
    CHECK(policy.first_stage_for("complex").id == "formal");
    CHECK(policy.first_stage_for("minor").id == "local");
    CHECK(policy.first_stage_for("").id == "local");
}

TEST_CASE("fca-disp: payment services complaints start at their own stage, by category") {
    Policy policy = shipped_policy("fca-disp");
    CHECK(policy.first_stage_for("", "payment-services").id == "payment-services");
    CHECK(policy.first_stage_for("", "general").id == policy.stages.front().id);
    CHECK(policy.first_stage_for("", "").id == policy.stages.front().id);
}

TEST_CASE("the shipped real codes: extension rules, several ways to meet, time limits") {
    const Policy housing = shipped_policy("housing-ombudsman");
    const Milestone& respond = housing.stages[0].milestones.at(1);
    CHECK(respond.extension_without_reason == Period{10, Unit::working_days});
    CHECK_FALSE(respond.max_extension);
    CHECK(respond.extension_needs_reason);
    CHECK(respond.late_extension == LateExtension::refused);
    CHECK(housing.time_limit->period == Period{12, Unit::months});
    CHECK(housing.review_starts_on_adoption);
    const Milestone& ombudsman = housing.stages[1].milestones.back();
    CHECK(ombudsman.party == Party::complainant);
    CHECK(ombudsman.from == Anchor::outcome);

    const Policy lgsco = shipped_policy("lgsco");
    CHECK(lgsco.stages[0].milestones.at(1).extension_without_reason ==
          Period{10, Unit::working_days});
    CHECK(lgsco.stages[1].milestones.back().from == Anchor::known);

    const Policy spso = shipped_policy("spso");
    CHECK(spso.stages[0].milestones.at(0).max_extension == Period{5, Unit::working_days});
    const auto& later = spso.stages[0].milestones.at(1).whichever_later;
    REQUIRE(later);
    CHECK(later->period == Period{6, Unit::months});
    CHECK(spso.time_limit->period == Period{6, Unit::months});

    const Policy fca = shipped_policy("fca-disp");
    const Milestone& final_response = fca.stages[0].milestones.at(0);
    CHECK(is_met_by(final_response, "delay-response"));
    CHECK(final_response.late_extension == LateExtension::refused);
    CHECK(is_met_by(shipped_policy("nhs-england").stages[0].milestones.at(1), "delay-response"));
    CHECK_FALSE(shipped_policy("eyfs").time_limit);
}

TEST_CASE("twinkles: reviewed yearly, acknowledged in 10 working days, regulator window") {
    Policy policy = shipped_policy("twinkles");
    CHECK(policy.version == "2024-03-05");
    CHECK(policy.last_reviewed == day("2024-03-05"));
    CHECK(policy.review_every == Period{12, Unit::months});
    CHECK(policy.channels == std::vector<std::string>{"in-person", "verbal", "writing", "email"});
    CHECK(policy.required_fields == std::vector<std::string>{"name", "contact", "details"});
    CHECK(policy.remedies.size() == 4);
    REQUIRE(policy.stages.size() == 2);

    const Milestone& acknowledge = policy.stages[0].milestones.at(0);
    CHECK(acknowledge.period == Period{10, Unit::working_days});
    CHECK(acknowledge.from == Anchor::receipt);
    CHECK(acknowledge.party == Party::staff);

    const Stage& board = policy.stages[1];
    CHECK(board.entry == std::vector<Entry>{Entry::request});
    REQUIRE(board.milestones.size() == 1);
    const Milestone& regulator = board.milestones[0];
    CHECK(regulator.id == "regulator");
    CHECK(regulator.title == "Complain to the CIC Regulator");
    CHECK(regulator.period == Period{1, Unit::months});
    CHECK(regulator.from == Anchor::outcome);
    CHECK(regulator.met_by == "referred");
    CHECK(regulator.party == Party::complainant);
    CHECK(regulator.line > 0);

    REQUIRE(policy.people.size() == 5);
    CHECK(policy.people[0].email == "twinklessen@yahoo.com");
    const Person* regulator_body = policy.person("cic-regulator");
    REQUIRE(regulator_body != nullptr);
    CHECK(regulator_body->external);
    CHECK(regulator_body->url.find("gov.uk") != std::string::npos);
    CHECK(regulator.contact == "cic-regulator");
}

TEST_CASE("the complete example in docs/POLICY.md parses") {
    std::string doc = read_text(EXAMPLES_DIR "/../docs/POLICY.md");
    std::size_t start = doc.find("```toml\n");
    REQUIRE(start != std::string::npos);
    start += 8;
    std::string example = doc.substr(start, doc.find("```", start) - start);
    Result<Policy> policy = parse_policy(example, "POLICY.md");
    REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    CHECK(policy->stages.size() == 3);
    CHECK(policy->calendar.closures.size() == 2);
    CHECK(policy->stages[1].milestones[1].max_extension == Period{10, Unit::working_days});
    CHECK(policy->stages[2].milestones[1].party == Party::complainant);
}

TEST_CASE("a minimal policy gets the documented defaults") {
    Result<Policy> policy = parse_policy(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
)"),
                                         "p.toml");
    REQUIRE(policy.ok());
    CHECK(policy->calendar.zone_name == "Europe/London");
    CHECK(policy->due_soon == Period{2, Unit::working_days});
    const Milestone& milestone = policy->stages[0].milestones[0];
    CHECK(milestone.title == "resolve");
    CHECK(milestone.from == Anchor::stage_start);
    CHECK(milestone.party == Party::staff);
    CHECK(milestone.line == 7);
    CHECK(policy->stages[0].entry == std::vector<Entry>{Entry::receipt});
}

TEST_CASE("calendar: abbreviated weekdays, closures and extra working days") {
    Result<Policy> policy = parse_policy(header + R"(
[calendar]
time_zone = "Europe/Belfast"
working_week = ["Mon", "tue", "wednesday", "sat"]
bank_holidays = "northern-ireland"
closures = [ { from = 2026-12-24, to = 2026-12-31, name = "Christmas closure" },
             { date = 2026-08-03 }, 2026-05-29 ]
working_days = [2026-12-28]
due_soon = "3 days"
[[stage]]
id = "only"
)",
                                         "p.toml");
    REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    const CalendarSpec& calendar = policy->calendar;
    CHECK(calendar.zone_name == "Europe/Belfast");
    CHECK(calendar.working_week ==
          std::array<bool, 7>{true, true, true, false, false, true, false});
    CHECK(calendar.division == Division::northern_ireland);
    REQUIRE(calendar.closures.size() == 3); // each a range, as written
    CHECK(calendar.closures[0].first == day("2026-12-24"));
    CHECK(calendar.closures[0].last == day("2026-12-31"));
    CHECK(calendar.closures[0].name == "Christmas closure");
    CHECK(calendar.closures[1].first == day("2026-08-03"));
    CHECK(calendar.closures[1].last == day("2026-08-03"));
    CHECK(calendar.closures[1].name == "closure");
    CHECK(calendar.closures[2].first == day("2026-05-29"));
    CHECK(calendar.extra_working == std::vector<Day>{day("2026-12-28")});
    CHECK(policy->due_soon == Period{3, Unit::days});
}

TEST_CASE("extension rules: a soft cap, a hard cap, reasons, and what a late one does") {
    auto policy = parse_policy(with_milestone(R"(  id = "respond"
  within = "10 working days"
  met_by = "resolved"
  extension_without_reason = "10 working days"
  max_extension = "20 working days"
  extension_needs_reason = true
  late_extension = "refused"
)"),
                               "p.toml");
    REQUIRE(policy.ok());
    const Milestone& respond = policy->stages[0].milestones[0];
    CHECK(respond.extension_without_reason == Period{10, Unit::working_days});
    CHECK(respond.max_extension == Period{20, Unit::working_days});
    CHECK(respond.extension_needs_reason);
    CHECK(respond.late_extension == LateExtension::refused);
    auto plain = parse_policy(with_milestone("  id = \"r\"\n  within = \"1 day\"\n"
                                             "  met_by = \"resolved\"\n"),
                              "p.toml");
    REQUIRE(plain.ok());
    CHECK(plain->stages[0].milestones[0].late_extension == LateExtension::recorded);
    CHECK_FALSE(plain->stages[0].milestones[0].extension_without_reason);
}

TEST_CASE("met by any of several events; a later second limit; a time limit for complaints") {
    auto policy = parse_policy(header + R"(
[intake]
time_limit = "12 months"

[[stage]]
id = "local"
  [[stage.milestone]]
  id = "final-response"
  within = "8 weeks"
  met_by = ["resolved", "delay-response"]

  [[stage.milestone]]
  id = "stage-2"
  within = "2 months"
  from = "outcome"
  met_by = "escalated"
  party = "complainant"
  whichever_later = { within = "6 months", from = "known" }
)",
                               "p.toml");
    REQUIRE(policy.ok());
    CHECK(policy->time_limit->period == Period{12, Unit::months});
    const Milestone& final_response = policy->stages[0].milestones[0];
    CHECK(final_response.met_by == "resolved");
    CHECK(final_response.also_met_by == std::vector<std::string>{"delay-response"});
    CHECK(is_met_by(final_response, "delay-response"));
    CHECK_FALSE(is_met_by(final_response, "note"));
    CHECK(met_by_words(final_response) == "resolved or delay-response");
    const Milestone& stage_2 = policy->stages[0].milestones[1];
    REQUIRE(stage_2.whichever_later);
    CHECK(stage_2.whichever_later->period == Period{6, Unit::months});
    CHECK(stage_2.whichever_later->from == Anchor::known);

    SUBCASE("each event type in the list is checked") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = ["resolved", "delay-respnse"]
)")) == "p.toml:10:25: 'met_by' = \"delay-respnse\" is not an event type; did you mean "
        "'delay-response'?");
    }
    SUBCASE("a time limit counts from when the matter happened or became known") {
        auto table = parse_policy(header + R"(
[intake]
time_limit = { within = "6 years", from = "occurred", whichever_later = { within = "3 years", from = "known" } }
)" + "[[stage]]\nid = \"s\"\n",
                                  "p.toml");
        REQUIRE(table.ok());
        REQUIRE(table->time_limit);
        CHECK(table->time_limit->period == Period{72, Unit::months});
        CHECK(table->time_limit->from == Anchor::occurred);
        REQUIRE(table->time_limit->whichever_later);
        CHECK(table->time_limit->whichever_later->period == Period{36, Unit::months});
        auto receipt = parse_policy(header + R"(
[intake]
time_limit = { within = "6 years", from = "receipt" }
)" + "[[stage]]\nid = \"s\"\n",
                                    "p.toml");
        REQUIRE_FALSE(receipt.ok());
        CHECK(receipt.error().message ==
              "unknown anchor 'receipt' in time_limit; use one of: occurred, known");
    }
    SUBCASE("whichever_later counts from a named anchor") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
  whichever_later = { within = "6 months", from = "the event" }
)")) == "p.toml:11:51: unknown anchor 'the event' in whichever_later; use one of: receipt, "
        "stage-start, escalation-request, acknowledgement, outcome, occurred, known");
    }
}

TEST_CASE("a code adopted by init starts its review cycle on the day of adoption") {
    const std::string text = "[policy]\nid = \"code\"\nversion = \"1\"\n"
                             "last_reviewed = 2024-04-01   \nreview_every = \"12 months\"\n"
                             "review_starts_on_adoption = true\n[[stage]]\nid = \"a\"\n";
    const std::string adopted = adopted_policy_text(text, day("2026-11-30"));
    CHECK(adopted == "[policy]\nid = \"code\"\nversion = \"1\"\n"
                     "# Set by `complaints init`: the register adopted this policy on 2026-11-30, "
                     "so its review cycle starts then (it was last_reviewed = 2024-04-01).\n"
                     "last_reviewed = 2026-11-30\nreview_every = \"12 months\"\n"
                     "review_starts_on_adoption = true\n[[stage]]\nid = \"a\"\n");
    auto policy = parse_policy(adopted, "p.toml");
    REQUIRE(policy.ok());
    CHECK(policy->review_starts_on_adoption);
    CHECK(review_due(*policy) == day("2027-11-30"));
    CHECK_FALSE(review_overdue(*policy, day("2027-11-30")));
    const std::string without = "[policy]\nid = \"code\"\n# last_reviewed = 2024-04-01\n";
    CHECK(adopted_policy_text(without, day("2026-11-30")) == without);
}

TEST_CASE("errors name the file, line and column and say how to fix it") {
    SUBCASE("a misspelt key suggests the right one") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  withn = "5 days"
  met_by = "resolved"
)")) == "p.toml:9:3: unknown key 'withn' in [[stage.milestone]]; did you mean 'within'?");
    }
    SUBCASE("an unknown key far from any valid one lists them") {
        CHECK(error_of(header + "colour = \"red\"\n") ==
              "p.toml:4:1: unknown key 'colour' in [policy]; valid keys: id, version, title, "
              "organisation, source, last_reviewed, review_every, review_starts_on_adoption");
    }
    SUBCASE("a bad period") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 dayz"
  met_by = "resolved"
)")) == "p.toml:9:12: 'within': bad period '5 dayz': expected a number and a unit: "
        "48h, 5d, 10wd, 2w, 1m, 1y, or spelt out (48 hours, 5 days, 10 working days, 2 weeks, "
        "1 month, 1 year)");
    }
    SUBCASE("met_by must be an event type") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolve"
)")) == "p.toml:10:12: 'met_by' = \"resolve\" is not an event type; did you mean 'resolved'?");
    }
    SUBCASE("a wrong type") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = 5
  met_by = "resolved"
)")) == "p.toml:9:12: 'within' must be text in quotes, not a whole number");
    }
    SUBCASE("a stage without an id") {
        CHECK(error_of(header + "\n[[stage]]\ntitle = \"Local\"\n") ==
              "p.toml:5:1: missing 'id' in [[stage]]");
    }
    SUBCASE("a milestone without within") {
        CHECK(error_of(with_milestone("  id = \"resolve\"\n  met_by = \"resolved\"\n")) ==
              "p.toml:7:3: missing 'within' in [[stage.milestone]]");
    }
    SUBCASE("a policy without a version") {
        CHECK(error_of("[policy]\nid = \"x\"\n[[stage]]\nid = \"a\"\n") ==
              "p.toml:1:1: missing 'version' in [policy]");
    }
    SUBCASE("an id that is not a name") {
        CHECK(error_of("[policy]\nid = \"Big Bums\"\nversion = \"1\"\n[[stage]]\nid = \"a\"\n") ==
              "p.toml:2:6: 'id' = \"Big Bums\" is not a valid name: use lowercase letters, "
              "digits and '-', e.g. \"big-bums\"");
    }
    SUBCASE("an unknown anchor") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  from = "stage start"
  met_by = "resolved"
)")) == "p.toml:10:10: unknown anchor 'stage start'; did you mean 'stage-start'?");
    }
    SUBCASE("an unknown late_extension lists the choices") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
  late_extension = "never"
)")) == "p.toml:11:20: unknown late_extension 'never'; use one of: refused, recorded, "
        "allowed");
    }
    SUBCASE("an unknown party lists the choices") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
  party = "customer"
)")) == "p.toml:11:11: unknown party 'customer'; use one of: staff, complainant");
    }
    SUBCASE("beginning_with makes no sense for hours") {
        CHECK(error_of(with_milestone(R"(  id = "ack"
  within = "48 hours"
  met_by = "acknowledged"
  beginning_with = true
)")) == "p.toml:11:20: 'beginning_with' applies only to day, week and month periods, not "
        "to \"48 hours\"");
    }
    SUBCASE("milestone ids are unique within a stage") {
        CHECK(error_of(with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
  [[stage.milestone]]
  id = "resolve"
  within = "6 days"
  met_by = "resolved"
)")) == "p.toml:12:8: stage 'local' already has a milestone 'resolve'");
    }
    SUBCASE("stage ids are unique") {
        CHECK(error_of(header + "[[stage]]\nid = \"a\"\n[[stage]]\nid = \"a\"\nentry = "
                                "\"request\"\n") == "p.toml:7:6: there is already a stage 'a'");
    }
    SUBCASE("at least one stage") {
        CHECK(error_of(header) == "p.toml:1:1: the policy has no stages: add at least one "
                                  "[[stage]]");
    }
    SUBCASE("the first stage is entered on receipt") {
        CHECK(error_of(header + "[[stage]]\nid = \"a\"\nentry = [\"request\"]\n") ==
              "p.toml:6:9: the first stage 'a' must be entered on receipt: add \"receipt\" to "
              "its 'entry'");
    }
    SUBCASE("an unknown entry") {
        CHECK(error_of(header + "[[stage]]\nid = \"a\"\nentry = [\"recipt\"]\n") ==
              "p.toml:6:10: unknown entry 'recipt'; did you mean 'receipt'?");
    }
    SUBCASE("start_if_severity must use the listed severities") {
        CHECK(error_of(header + R"([intake]
severities = ["minor", "serious"]
[[stage]]
id = "a"
[[stage]]
id = "b"
start_if_severity = ["serios"]
)") == "p.toml:10:22: severity 'serios' is not in [intake] severities; did you mean 'serious'?");
    }
    SUBCASE("start_if_category must use the listed categories") {
        CHECK(error_of(header + R"([intake]
categories = ["staff", "payments"]
[[stage]]
id = "a"
[[stage]]
id = "b"
start_if_category = ["payment"]
)") == "p.toml:10:22: category 'payment' is not in [intake] categories; did you mean 'payments'?");
    }
    SUBCASE("an unknown required intake field") {
        CHECK(error_of(header + "[intake]\nrequired = [\"nmae\"]\n[[stage]]\nid = \"a\"\n") ==
              "p.toml:5:13: unknown intake field 'nmae'; did you mean 'name'?");
    }
    SUBCASE("an unknown time zone") {
        CHECK(error_of(header + "[calendar]\ntime_zone = \"Europe/Londn\"\n") ==
              "p.toml:5:13: unknown time zone 'Europe/Londn'; use an IANA name such as "
              "'Europe/London'");
    }
    SUBCASE("an unknown bank-holiday division") {
        CHECK(error_of(header + "[calendar]\nbank_holidays = \"scotlnd\"\n") ==
              "p.toml:5:17: unknown bank_holidays 'scotlnd'; did you mean 'scotland'?");
    }
    SUBCASE("an unknown weekday") {
        CHECK(error_of(header + "[calendar]\nworking_week = [\"monday\", \"funday\"]\n") ==
              "p.toml:5:27: unknown day 'funday'; did you mean 'sunday'?");
    }
    SUBCASE("a closure that ends before it starts") {
        CHECK(error_of(header + "[calendar]\nclosures = [{ from = 2026-12-24, to = 2026-12-20 "
                                "}]\n") == "p.toml:5:39: a closure's 'to' is before its 'from'");
    }
    SUBCASE("a closure longer than a year") {
        CHECK(error_of(header + "[calendar]\nclosures = [{ from = 2026-01-01, to = 2027-12-31 "
                                "}]\n") ==
              "p.toml:5:39: a closure may last a year at most: give each year's closures "
              "separately");
    }
    SUBCASE("closures that leave no working day for more than 10 years") {
        std::string closures = "closures = [\n";
        for (int year = 2026; year <= 2036; ++year)
            closures += fmt::format("  {{ from = {0}-01-01, to = {0}-12-31, name = \"closed "
                                    "{0}\" }},\n",
                                    year);
        CHECK(error_of(header + "[calendar]\n" + closures + "]\n") ==
              "p.toml:5:12: the calendar has no working day from 2026-01-01 to 2037-01-01 ('closed "
              "2026' and the closures after it): deadlines in working days could never be "
              "found; leave a working day in every 10 years");
    }
    SUBCASE("year-long closures with a working day between them are fine") {
        std::string closures = "closures = [\n";
        for (int year = 2026; year <= 2040; ++year)
            closures += fmt::format("  {{ from = {0}-01-01, to = {0}-12-30 }},\n", year);
        auto policy = parse_policy(header + "[calendar]\nbank_holidays = \"none\"\n" + closures +
                                       "]\n[[stage]]\nid = \"only\"\n",
                                   "p.toml");
        CHECK_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    }
    SUBCASE("a closure written as text") {
        CHECK(error_of(header + "[calendar]\nclosures = [\"Easter holidays\"]\n") ==
              "p.toml:5:13: each closure is a date, { date = 2026-08-03, name = \"...\" } or { "
              "from = 2026-12-24, to = 2026-12-31, name = \"...\" }, not text in quotes");
        CHECK(error_of(header + "[calendar]\nclosures = [\"2026-02-30\"]\n").find("5:13: each") !=
              std::string::npos);
    }
    SUBCASE("a severity listed twice") {
        CHECK(error_of(header + "[intake]\nseverities = [\"minor\", \"minor\"]\n") ==
              "p.toml:5:24: 'severities': \"minor\" is listed twice");
    }
    SUBCASE("[stage] with single brackets") {
        CHECK(error_of(header + "[stage]\nid = \"a\"\n") ==
              "p.toml:4:1: write [[stage]] with double brackets: a policy may have several");
    }
    SUBCASE("a TOML syntax error") {
        std::string message = error_of(header + "[[stage]]\nid = \"a\n");
        CHECK(message.rfind("p.toml:5:8: Error while parsing string", 0) == 0);
    }
    SUBCASE("absurdly nested keys are refused before parsing") {
        std::string key = "[a";
        for (int i = 0; i < 100; ++i)
            key += ".a";
        // The bracket and 64 dots: refused at the 64th dot, column 2 + 63 * 2 + 1.
        CHECK(error_of(header + key + "]\n") == "p.toml:4:129: keys or brackets nested too deeply");
    }
}

TEST_CASE("anchor names round-trip") {
    const std::vector<Anchor> named{Anchor::receipt,
                                    Anchor::stage_start,
                                    Anchor::escalation_request,
                                    Anchor::acknowledgement,
                                    Anchor::outcome,
                                    Anchor::occurred,
                                    Anchor::known};
    check_names(anchor_names, named);
    for (Anchor anchor : named) {
        CHECK(parse_anchor(anchor_name(anchor)) == anchor);
    }
    CHECK(anchor_name(Anchor::stage_start) == "stage-start");
    CHECK_FALSE(parse_anchor("stage_start").has_value());
    // An event anchor is written as the event type, so "event" is no anchor a policy names.
    CHECK(anchor_name(Anchor::event) == "event");
    CHECK_FALSE(parse_anchor("event").has_value());
}

TEST_CASE("party, entry and weekday names round-trip") {
    check_names(party_names, {Party::staff, Party::complainant});
    check_names(entry_names, {Entry::receipt, Entry::escalation, Entry::request});
    check_names(weekday_names, {date::Monday, date::Tuesday, date::Wednesday, date::Thursday,
                                date::Friday, date::Saturday, date::Sunday});
    CHECK(value_named(party_names, "complainant") == Party::complainant);
    CHECK(name_of(entry_names, Entry::request) == "request");
}

TEST_CASE("each entry, party and division a policy names reads as that value") {
    for (const auto& [entry, name] : entry_names) {
        auto policy =
            parse_policy(header + fmt::format("[[stage]]\nid = \"a\"\nentry = [\"receipt\"]\n"
                                              "[[stage]]\nid = \"b\"\nentry = \"{}\"\n",
                                              name),
                         "p.toml");
        REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
        CHECK(policy->stages[1].entry == std::vector<Entry>{entry});
    }
    for (const auto& [party, name] : party_names) {
        auto policy =
            parse_policy(with_milestone(fmt::format("  id = \"m\"\n  within = \"5 days\"\n"
                                                    "  met_by = \"resolved\"\n"
                                                    "  party = \"{}\"\n",
                                                    name)),
                         "p.toml");
        REQUIRE(policy.ok());
        CHECK(policy->stages[0].milestones[0].party == party);
    }
    for (const auto& [division, name] : division_names) {
        auto policy = parse_policy(header + fmt::format("[calendar]\nbank_holidays = \"{}\"\n"
                                                        "[[stage]]\nid = \"a\"\n",
                                                        name),
                                   "p.toml");
        REQUIRE(policy.ok());
        CHECK(policy->calendar.division == division);
    }
}

TEST_CASE("a policy reports its first unknown key in file order") {
    CHECK(error_of(header + "title = \"T\"\nzone = \"UTC\"\ncolour = \"red\"\n") ==
          "p.toml:5:1: unknown key 'zone' in [policy]; valid keys: id, version, title, "
          "organisation, source, last_reviewed, review_every, review_starts_on_adoption");
    CHECK(error_of(header + "[stages]\n[calender]\n") ==
          "p.toml:4:2: unknown key 'stages' in the policy file; did you mean 'stage'?");
}

TEST_CASE("met_by accepts every event type") {
    CHECK(event_type_names().size() == 18);
    CHECK(event_type_names().front() == "acknowledged");
    CHECK(event_type_names().back() == "anonymised");
}

TEST_CASE("review_overdue: warns only once the review date has passed") {
    Policy policy = shipped_policy("twinkles"); // last reviewed 2024-03-05, every 12 months
    REQUIRE(review_due(policy).has_value());
    CHECK(format_day(*review_due(policy)) == "2025-03-05");
    CHECK_FALSE(review_overdue(policy, day("2025-03-05")).has_value());
    auto warning = review_overdue(policy, day("2025-03-06"));
    REQUIRE(warning.has_value());
    CHECK(*warning == "policy twinkles 2024-03-05 is overdue for review: last reviewed "
                      "2024-03-05, to be reviewed every 12 months, so due by 2025-03-05");
    CHECK_FALSE(review_overdue(shipped_policy("big-bums"), day("2040-01-01")).has_value());

    SUBCASE("months keep the corresponding-date rule") {
        policy.last_reviewed = day("2024-01-31");
        policy.review_every = Period{1, Unit::months};
        CHECK(format_day(*review_due(policy)) == "2024-02-29");
    }
    SUBCASE("working days skip the policy's bank holidays") {
        policy.last_reviewed = day("2026-04-02");
        policy.review_every = Period{2, Unit::working_days};
        CHECK(format_day(*review_due(policy)) == "2026-04-08");
    }
}

TEST_CASE("review_warnings: only the latest version of each policy") {
    Policy old_version = shipped_policy("twinkles");
    Policy reviewed = old_version;
    reviewed.version = "2025-03-01";
    reviewed.last_reviewed = day("2025-03-01");
    CHECK(review_warnings({old_version, reviewed}, day("2025-06-01")).empty());
    auto warnings = review_warnings({old_version, reviewed}, day("2026-03-02"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("twinkles 2025-03-01") != std::string::npos);
}

TEST_CASE("periodic milestones: every") {
    SUBCASE("every alone sets the first period too") {
        auto policy = parse_policy(with_milestone(R"(  id = "update"
  every = "20 working days"
  met_by = "update"
)"),
                                   "p.toml");
        REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
        const Milestone& m = policy->stages[0].milestones[0];
        REQUIRE(m.every.has_value());
        CHECK(*m.every == Period{20, Unit::working_days});
        CHECK(m.period == Period{20, Unit::working_days});
    }
    SUBCASE("within sets the first, every the rest") {
        auto policy = parse_policy(with_milestone(R"(  id = "update"
  within = "10 working days"
  every = "4 weeks"
  met_by = "update"
)"),
                                   "p.toml");
        REQUIRE(policy.ok());
        const Milestone& m = policy->stages[0].milestones[0];
        CHECK(m.period == Period{10, Unit::working_days});
        CHECK(*m.every == Period{4, Unit::weeks});
    }
    SUBCASE("errors") {
        CHECK(error_of(with_milestone("  id = \"update\"\n  every = \"0 days\"\n  met_by = "
                                      "\"update\"\n")) ==
              "p.toml:9:11: 'every' must be longer than nothing, not \"0 days\"");
        CHECK(error_of(with_milestone("  id = \"update\"\n  evry = \"5 days\"\n  met_by = "
                                      "\"update\"\n")) ==
              "p.toml:9:3: unknown key 'evry' in [[stage.milestone]]; did you mean 'every'?");
        CHECK(error_of(with_milestone("  id = \"update\"\n  every = \"weekly\"\n  met_by = "
                                      "\"update\"\n")) ==
              "p.toml:9:11: 'every': bad period 'weekly': expected a number and a unit: 48h, "
              "5d, 10wd, 2w, 1m, 1y, or spelt out (48 hours, 5 days, 10 working days, 2 weeks, "
              "1 month, 1 year)");
    }
}

TEST_CASE("extensions: a cap and a required reason") {
    auto policy = parse_policy(with_milestone(R"(  id = "respond"
  within = "10 working days"
  met_by = "resolved"
  max_extension = "10 working days"
  extension_needs_reason = true
)"),
                               "p.toml");
    REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    const Milestone& m = policy->stages[0].milestones[0];
    CHECK(m.extension_needs_reason);
    CHECK(*m.max_extension == Period{10, Unit::working_days});
    CHECK_FALSE(shipped_policy("twinkles").stages[0].milestones[0].extension_needs_reason);
    CHECK(error_of(with_milestone("  id = \"r\"\n  within = \"5 days\"\n  met_by = \"resolved\"\n"
                                  "  extension_needs_reasons = true\n")) ==
          "p.toml:11:3: unknown key 'extension_needs_reasons' in [[stage.milestone]]; did you "
          "mean 'extension_needs_reason'?");
}

TEST_CASE("people are named once by role; stages and milestones refer to the roles") {
    const std::string people = header + R"(
[intake]
severities = ["minor", "serious"]

[[people]]
role = "officer"
name = "Sam Lee"

[[people]]
role = "ombudsman"
url = "https://ombudsman.example"
external = true
)";
    auto stage = [&](const std::string& body) {
        return people + "\n[[stage]]\nid = \"local\"\n" + body;
    };

    Policy policy = parse_policy(stage("handler = \"officer\"\n"), "p.toml").value();
    CHECK(policy.person("officer")->title == "Officer"); // from the role, when not given
    CHECK(policy.person_named("sam lee")->role == "officer");
    CHECK(policy.person_named("nobody") == nullptr);

    SUBCASE("a handler written as a role must be one") {
        CHECK(error_of(stage("handler = \"oficer\"\n")) ==
              "p.toml:19:11: handler 'oficer' is not a role in [[people]]; did you mean "
              "'officer'?");
    }
    SUBCASE("words are a handler too, as older policy files write them") {
        CHECK(parse_policy(stage("handler = \"Sam Lee and a trustee\"\n"), "p.toml").ok());
    }
    SUBCASE("an outside body never handles a stage") {
        CHECK(error_of(stage("handler = \"ombudsman\"\n")) ==
              "p.toml:19:11: 'ombudsman' is an outside body (external = true), not a handler");
    }
    SUBCASE("routes by severity name the policy's severities") {
        CHECK(error_of(stage("handler_by_severity = { grave = \"officer\" }\n")) ==
              "p.toml:19:25: severity 'grave' is not in [intake] severities; use one of: minor, "
              "serious");
        policy = parse_policy(stage("handler_by_severity = { serious = \"officer\" }\n"), "p.toml")
                     .value();
        CHECK(policy.handler_for(policy.stages[0], "serious", "") == "officer");
        CHECK(policy.handler_for(policy.stages[0], "minor", "") == "");
    }
    SUBCASE("a milestone's contact is a role") {
        CHECK(error_of(stage("  [[stage.milestone]]\n  id = \"refer\"\n  within = \"6 months\"\n"
                             "  met_by = \"referred\"\n  contact = \"ombudsmen\"\n")) ==
              "p.toml:23:13: 'contact' = \"ombudsmen\" is not a role in [[people]]; did you mean "
              "'ombudsman'?");
    }
    SUBCASE("a role is named once") {
        CHECK(error_of(people + "\n[[people]]\nrole = \"officer\"\n\n[[stage]]\nid = \"s\"\n") ==
              "p.toml:18:8: there is already a person with role 'officer'");
    }
}

TEST_CASE("[[contact]] of older policy files reads as people, the role words as the title") {
    Policy policy = parse_policy(header + R"(
[[contact]]
role = "Complaints contact"
name = "Sarah Robb"

[[stage]]
id = "local"
)",
                                 "p.toml")
                        .value();
    REQUIRE(policy.people.size() == 1);
    CHECK(policy.people[0].role == "complaints-contact");
    CHECK(policy.people[0].title == "Complaints contact");
    CHECK(policy.person_named("Sarah Robb") == &policy.people[0]);
}

TEST_CASE("findings default to upheld, partly upheld, not upheld; upheld remedies need upheld") {
    const std::string stage = "\n[[stage]]\nid = \"local\"\nremedies_when_upheld = [\"apology\"]\n";
    Policy policy =
        parse_policy(header + "[outcome]\nremedies = [\"apology\"]\n" + stage, "p.toml").value();
    CHECK(policy.findings == std::vector<std::string>{"upheld", "partly-upheld", "not-upheld"});
    CHECK(policy.stages[0].remedies_when_upheld == std::vector<std::string>{"apology"});
    CHECK(error_of(header + "[outcome]\nremedies = [\"apology\"]\nfindings = [\"valid\"]\n" +
                   stage) == "p.toml:10:24: 'remedies_when_upheld' needs \"upheld\" among "
                             "[outcome] findings");
    CHECK(error_of(header + "[outcome]\nremedies = [\"refund\"]\n" + stage) ==
          "p.toml:9:25: unknown remedy 'apology'; use one of: refund");
}

TEST_CASE("both seed policies state who handles each stage, by role") {
    Policy big_bums = shipped_policy("big-bums");
    CHECK(big_bums.person(big_bums.stages[0].handler)->shown() == "Sarah Robb");
    CHECK(big_bums.person(big_bums.stages[1].handler)->shown() == "Complaints Officer");
    CHECK(big_bums.person(big_bums.stages[2].handler)->shown() ==
          "Sarah Hall and an independent representative");
    Policy twinkles = shipped_policy("twinkles");
    const Stage& investigation = twinkles.stages[0];
    CHECK(twinkles.handler_for(investigation, "minor", "") == "designated-staff");
    CHECK(twinkles.handler_for(investigation, "serious", "") == "complaints-committee");
    CHECK(twinkles.handler_for(investigation, "", "") == "designated-staff");
    CHECK(investigation.idle_after == Period{20, Unit::working_days});
    CHECK(twinkles.person(twinkles.stages[1].handler)->shown() == "Board of Directors");
    CHECK(twinkles.channel_for("phone") == "verbal");
    CHECK(twinkles.channel_for("letter") == "writing");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("core::policy retention");

TEST_CASE("the shipped early years policies keep records 3 years after closure") {
    for (const char* name : {"eyfs", "big-bums", "twinkles"}) {
        CAPTURE(name);
        const Policy policy = shipped_policy(name);
        REQUIRE(policy.retention);
        CHECK(policy.retention->keep == Period{36, Unit::months});
        CHECK(policy.retention->from == RetentionFrom::closed);
    }
    CHECK_FALSE(shipped_policy("fca-disp").retention);
}

TEST_CASE("[retention]: keep is required, from is closed or received") {
    // A one-stage policy (lines 1-10), then [retention] from line 11.
    const std::string policy_text = with_milestone(R"(  id = "resolve"
  within = "5 days"
  met_by = "resolved"
)") + "[retention]\n";
    Result<Policy> policy =
        parse_policy(policy_text + "keep = \"6 months\"\nfrom = \"received\"\n", "p.toml");
    REQUIRE(policy.ok());
    CHECK(policy->retention == Retention{Period{6, Unit::months}, RetentionFrom::received});
    CHECK(error_of(policy_text + "from = \"closed\"\n") ==
          "p.toml:11:1: missing 'keep' in [retention]");
    CHECK(error_of(policy_text + "keep = \"3 years\"\nfrom = \"opened\"\n") ==
          "p.toml:13:8: unknown [retention] from 'opened'; use one of: closed, received");
    CHECK(error_of(policy_text + "keep = \"soon\"\n").find("p.toml:12:8:") == 0);
}

TEST_SUITE_END();
