#include "cli/report_html.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

namespace {

MilestoneFigures acknowledge_receipt() {
    MilestoneFigures m;
    m.policy = "twinkles";
    m.versions = {"2024-03-05"};
    m.milestone = "investigation/acknowledge";
    m.title = "Acknowledge receipt";
    m.from = "receipt";
    m.limit = Period{10, Unit::working_days};
    m.unit = Unit::working_days;
    m.taken = Spread{12, 4.0, 9.0};
    return m;
}

} // namespace

TEST_SUITE_BEGIN("cli::report wording");

TEST_CASE("a milestone's times are said in its own unit, with its limit") {
    MilestoneFigures m = acknowledge_receipt();
    CHECK(taken_text(m) == "met in a median of 4 working days from receipt (limit 10), 90th "
                           "percentile 9 working days, 12 complaints");
    m.limit = Period{1, Unit::months};
    m.unit = Unit::days;
    m.from = "escalation-request";
    m.taken = Spread{1, 1.0, 23.25};
    CHECK(taken_text(m) == "met in a median of 1 day from escalation request (limit 1 month), "
                           "90th percentile 23.3 days, 1 complaint");
    m.repeats = true;
    m.taken.count = 3;
    CHECK(taken_text(m).find(", 3 times") != std::string::npos);
    m.taken = Spread{};
    CHECK(taken_text(m) == "not met yet (limit 1 month from escalation request)");
}

TEST_CASE("amounts keep one decimal at most") {
    CHECK(amount(4) == "4");
    CHECK(amount(23.625) == "23.6");
    CHECK(amount(0.04) == "0");
    CHECK(unit_words(Unit::hours, 1.0) == "hour");
    CHECK(unit_words(Unit::hours, 1.5) == "hours");
}

TEST_CASE("the HTML report names the organisation, the policy and an overdue review") {
    Report r;
    r.organisation = "Twinkle's SEN Activity Days CIC";
    r.policies.push_back(
        {"twinkles", "2024-03-05", "Managing Complaints Policy", r.organisation, 12, true});
    r.review_warnings.push_back("policy twinkles 2024-03-05 is overdue for review");
    r.milestones.push_back(acknowledge_receipt());
    r.repeat_people = 3;
    const std::string html = render_html(r, "all complaints", "2026-03-16T09:00:00+00:00");
    CHECK(html.find("Complaints report: Twinkle&#39;s SEN Activity Days CIC") != std::string::npos);
    CHECK(html.find("Managing Complaints Policy (twinkles, version 2024-03-05): 12 "
                    "complaints") != std::string::npos);
    CHECK(html.find("<strong>Warning:</strong> policy twinkles 2024-03-05 is overdue for "
                    "review") != std::string::npos);
    CHECK(html.find("3 people are named in more than one complaint") != std::string::npos);
    CHECK(html.find("4 working days") != std::string::npos);
    r.organisation.clear(); // a policy need not name its organisation
    CHECK(render_html(r, "all complaints", "now").find("<h1>Complaints report</h1>") !=
          std::string::npos);
}

TEST_CASE("the HTML report fits a phone: a viewport tag, charts that scale, tables that scroll") {
    Report r;
    r.by_category.push_back({"safeguarding", 3});
    const std::string html = render_html(r, "all complaints", "now");
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">") != std::string::npos);
    CHECK(html.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(html.find("svg{max-width:100%;height:auto}") != std::string::npos);
    CHECK(html.find("overflow-x:auto") != std::string::npos);
}

TEST_CASE("chart labels are cut by columns at a character's edge, the whole label a tooltip") {
    Report r;
    const std::string flag_uk = "\U0001F1EC\U0001F1E7";
    const std::string label = "料金が二重に請求されました三月分も四月分も" + flag_uk;
    r.by_category.push_back({label, 2});
    r.by_category.push_back(
        {"Zoe\u0301 " + flag_uk + flag_uk + " accents and flags, a long label", 1});
    const std::string html = render_html(r, "all complaints", "now");
    CHECK(html.find("<title>" + label + "</title>料金が二重に請求されまし…</text>") !=
          std::string::npos); // 12 wide characters and "…": 25 of the 26 columns
    CHECK(html.find("<title>Zoe\u0301 " + flag_uk + flag_uk) != std::string::npos);
    CHECK(html.find("Zoe\u0301 " + flag_uk + flag_uk + " accents and flag…</text>") !=
          std::string::npos);
}

TEST_CASE("the people named in more than one complaint are a section only when named") {
    Report r;
    r.repeat_people = 1;
    for (const ReportSection& s : report_sections(r))
        CHECK(s.name != "repeat_people");
    r.repeat_people_names.push_back({"Sam Jones", 2});
    CHECK(report_sections(r).back().name == "repeat_people");
    CHECK(repeat_people_text(1) == "1 person is named in more than one complaint");
    CHECK(repeat_people_text(0) == "0 people are named in more than one complaint");
}

TEST_SUITE_END();
