#include "complaints/personal.hpp"
#include "complaints/report.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A complaint file for `policy` received at `received` with `events` lines.
Complaint complaint(const std::string& id, const std::string& received, const std::string& extra,
                    const std::string& events, const Policy& policy) {
    const std::string text = fmt::format("id = \"{}\"\npolicy = \"{}\"\npolicy_version = \"{}\"\n"
                                         "received = {}\n{}\nevents = [\n{}]\n",
                                         id, policy.id, policy.version, received, extra, events);
    Result<Complaint> parsed = parse_complaint(text, id + ".toml");
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().to_string()));
    return parsed.value();
}

/// A register under one policy (big-bums unless named), reported as of 30 April 2026.
struct Fixture {
    Policy policy;
    WorkingCalendar calendar;
    Instant as_of = at("2026-04-30T12:00");

    explicit Fixture(const char* name = "big-bums")
        : policy(shipped_policy(name)), calendar(WorkingCalendar::make(policy.calendar).value()) {}

    Complaint complaint(const std::string& id, const std::string& received,
                        const std::string& extra, const std::string& events) const {
        return ::complaint(id, received, extra, events, policy);
    }
    ReportScope scope(bool names = false) const {
        return ReportScope{std::nullopt, std::nullopt, as_of, names};
    }
    void add(ReportBuilder& builder, const Complaint& c, const Policy* under = nullptr) const {
        const Policy& p = under ? *under : policy;
        Result<ComplaintState> state = derive_state(c, p, calendar, as_of);
        REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
        builder.add(c, *state, p, calendar);
    }
};

const Tally* find(const std::vector<Tally>& tallies, const std::string& key) {
    for (const Tally& t : tallies)
        if (t.key == key) return &t;
    return nullptr;
}

const MilestoneFigures* milestone(const Report& r, const std::string& name) {
    for (const MilestoneFigures& m : r.milestones)
        if (m.milestone == name) return &m;
    return nullptr;
}

long count_of(const std::vector<Tally>& tallies, const std::string& key) {
    const Tally* t = find(tallies, key);
    return t ? t->count : 0;
}

} // namespace

TEST_CASE("percentile interpolates between ranks like a spreadsheet") {
    CHECK_FALSE(percentile({}, 0.5).has_value());
    CHECK(*percentile({7}, 0.9) == doctest::Approx(7));
    CHECK(*percentile({4, 1, 3, 2}, 0.5) == doctest::Approx(2.5));
    CHECK(*percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9) == doctest::Approx(9.1));
    CHECK(*percentile({10, 0}, 0) == doctest::Approx(0));
    CHECK(*percentile({10, 0}, 1) == doctest::Approx(10));
}

TEST_CASE("report counts, timelines, on-time rates and the wait to the last outcome") {
    Fixture f;
    ReportBuilder builder(f.scope(), f.policy);
    // Minor, local stage: resolved after 2 days, on time (5 days).
    f.add(builder, f.complaint("aaaaaaa1", "2026-01-10T10:00:00+00:00",
                               "channel = \"email\"\ncategory = \"staff\"\nseverity = \"minor\"\n"
                               "people = [\"Sam\"]\ncontact = \"a@example.org\"",
                               "  { at = 2026-01-12T10:00:00+00:00, type = \"resolved\", "
                               "remedies = [\"apology\"] },\n"));
    // Serious: formal stage, acknowledged after 24 hours (on time: 48), resolved after 40
    // days (late: 28).
    f.add(builder, f.complaint("aaaaaaa2", "2026-03-02T10:00:00+00:00",
                               "channel = \"phone\"\ncategory = \"staff\"\nseverity = \"serious\"\n"
                               "people = [\"Sam\"]\ncontact = \"a@example.org\"",
                               "  { at = 2026-03-03T10:00:00+00:00, type = \"acknowledged\" },\n"
                               "  { at = 2026-04-11T10:00:00+01:00, type = \"resolved\", "
                               "remedies = [\"apology\", \"explanation\"] },\n"));
    // Serious, never acknowledged: acknowledge and resolve both overdue as of 30 April.
    f.add(builder,
          f.complaint("aaaaaaa3", "2026-03-20T10:00:00+00:00",
                      "channel = \"email\"\ncategory = \"premises\"\nseverity = \"serious\"", ""));
    const Report r = builder.finish();
    CHECK(r.total == 3);
    CHECK(r.open == 1);
    REQUIRE(r.by_month.size() == 3); // January to March, February empty
    CHECK(r.by_month[0].key == "2026-01");
    CHECK(r.by_month[1].count == 0);
    CHECK(r.by_month[2].count == 2);
    REQUIRE(r.by_quarter.size() == 1);
    CHECK(r.by_quarter[0].key == "2026-Q1");
    CHECK(r.by_quarter[0].count == 3);
    CHECK(r.by_channel[0].key == "email");
    CHECK(r.by_channel[0].count == 2);
    REQUIRE(r.by_stage_reached.size() == 2);
    CHECK(r.by_stage_reached[0].key == "local"); // in policy order
    CHECK(r.by_stage_reached[1].key == "formal");
    CHECK(r.by_stage_reached[1].count == 2);
    CHECK(find(r.by_remedy, "apology")->count == 2);
    CHECK(find(r.by_status, "open")->count == 1);

    REQUIRE(r.milestones.size() == 3);
    CHECK(r.milestones[0].milestone == "local/resolve"); // policy order
    CHECK(r.milestones[0].on_time == 1);
    const MilestoneFigures& ack = r.milestones[1];
    CHECK(ack.milestone == "formal/acknowledge");
    CHECK(ack.on_time == 1);
    CHECK(ack.missed == 1);
    CHECK(*ack.rate() == doctest::Approx(0.5));
    const MilestoneFigures& resolve = r.milestones[2];
    CHECK(resolve.late == 1);
    CHECK(resolve.missed == 1);
    CHECK(*resolve.rate() == doctest::Approx(0.0));
    CHECK(*resolve.taken.median == doctest::Approx(40)); // 2 March to 11 April

    // Receipt to the last outcome of complaints no longer open: 2 and 40 calendar days.
    CHECK(r.days_to_last_outcome.count == 2);
    CHECK(*r.days_to_last_outcome.median == doctest::Approx(21.0)); // (2 + 40) / 2
    CHECK(*r.days_to_last_outcome.p90 == doctest::Approx(36.2));    // 2 + 0.9 * 38

    REQUIRE(r.repeat_categories.size() == 1);
    CHECK(r.repeat_categories[0].key == "staff");
    CHECK(r.repeat_people == 1);
    CHECK(r.repeat_complainants == 1);
}

TEST_CASE("report --from/--to keeps complaints received in the range, both ends included") {
    Fixture f;
    ReportScope scope = f.scope();
    scope.from = day("2026-02-01");
    scope.to = day("2026-03-02");
    ReportBuilder builder(scope, f.policy);
    int n = 0;
    for (const char* received : {"2026-01-31T23:59:00+00:00", "2026-02-01T00:00:00+00:00",
                                 "2026-03-02T23:00:00+00:00", "2026-03-03T00:00:00+00:00"})
        f.add(builder, f.complaint(fmt::format("bbbbbbb{}", ++n), received, "", ""));
    const Report r = builder.finish();
    CHECK(r.total == 2);
    REQUIRE(r.by_month.size() == 2);
    CHECK(r.by_month[0].key == "2026-02");
    CHECK(r.by_month[1].key == "2026-03");
}

TEST_CASE("findings are counted in the stage where each resolution was recorded") {
    Fixture f;
    ReportBuilder builder(f.scope(), f.policy);
    // Resolved locally, upheld, with an apology and an explanation.
    f.add(builder,
          f.complaint("ccccccc1", "2026-01-05T10:00:00+00:00", "severity = \"minor\"",
                      "  { at = 2026-01-06T10:00:00+00:00, type = \"resolved\", "
                      "finding = \"upheld\", remedies = [\"apology\", \"explanation\"] },\n"));
    // Resolved locally with no finding recorded, then escalated to the formal stage and found
    // not upheld there, with no remedy.
    f.add(builder, f.complaint("ccccccc2", "2026-01-05T10:00:00+00:00", "severity = \"minor\"",
                               "  { at = 2026-01-06T10:00:00+00:00, type = \"resolved\", "
                               "remedies = [\"apology\"] },\n"
                               "  { at = 2026-01-07T10:00:00+00:00, type = \"escalated\", "
                               "stage = \"formal\" },\n"
                               "  { at = 2026-01-20T10:00:00+00:00, type = \"resolved\", "
                               "finding = \"not-upheld\" },\n"));
    // Serious, so formal from receipt: partly upheld. A finding the policy does not list
    // still counts, after the policy's own.
    f.add(builder, f.complaint("ccccccc3", "2026-02-02T10:00:00+00:00", "severity = \"serious\"",
                               "  { at = 2026-02-10T10:00:00+00:00, type = \"resolved\", "
                               "finding = \"partly-upheld\", remedies = [\"apology\"] },\n"
                               "  { at = 2026-02-11T10:00:00+00:00, type = \"escalated\", "
                               "stage = \"review\" },\n"
                               "  { at = 2026-02-20T10:00:00+00:00, type = \"resolved\", "
                               "finding = \"resolved-informally\" },\n"));
    // Resolved after the report's moment: not counted.
    f.add(builder, f.complaint("ccccccc4", "2026-04-01T10:00:00+01:00", "severity = \"minor\"",
                               "  { at = 2026-05-01T10:00:00+01:00, type = \"resolved\", "
                               "finding = \"upheld\", remedies = [\"apology\"] },\n"));
    const Report r = builder.finish();
    CHECK(r.findings == std::vector<std::string>{"upheld", "partly-upheld", "not-upheld",
                                                 "resolved-informally", "(not recorded)"});
    REQUIRE(r.findings_by_stage.size() == 3); // every stage of the policy, in its order
    const StageFindings& local = r.findings_by_stage[0];
    CHECK(local.stage == "local");
    CHECK(local.title == "Local resolution");
    CHECK(local.resolutions == 2);
    REQUIRE(local.findings.size() == r.findings.size());
    CHECK(local.findings[0].key == "upheld");
    CHECK(local.findings[0].count == 1);
    CHECK(count_of(local.findings, "(not recorded)") == 1);
    CHECK(count_of(local.findings, "not-upheld") == 0);
    const StageFindings& formal = r.findings_by_stage[1];
    CHECK(formal.resolutions == 2);
    CHECK(count_of(formal.findings, "not-upheld") == 1);
    CHECK(count_of(formal.findings, "partly-upheld") == 1);
    const StageFindings& review = r.findings_by_stage[2];
    CHECK(review.resolutions == 1);
    CHECK(count_of(review.findings, "resolved-informally") == 1);

    REQUIRE(r.remedies_by_finding.size() == r.findings.size());
    const FindingRemedies& upheld = r.remedies_by_finding[0];
    CHECK(upheld.finding == "upheld");
    CHECK(upheld.resolutions == 1);
    CHECK(count_of(upheld.remedies, "apology") == 1);
    CHECK(count_of(upheld.remedies, "explanation") == 1);
    const FindingRemedies& not_upheld = r.remedies_by_finding[2];
    CHECK(not_upheld.finding == "not-upheld");
    CHECK(count_of(not_upheld.remedies, "(none)") == 1);
    CHECK(r.remedies_by_finding[4].finding == "(not recorded)");
    CHECK(count_of(r.remedies_by_finding[4].remedies, "apology") == 1);
    CHECK(count_of(r.by_remedy, "apology") == 3); // not the one after the report's moment
}

TEST_CASE("working days to a milestone skip weekends and bank holidays, as the deadline does") {
    Fixture f("twinkles"); // acknowledge within 10 working days of receipt
    f.as_of = at("2026-06-01T12:00");
    ReportBuilder builder(f.scope(), f.policy);
    auto acknowledged = [&](const char* id, const char* received, const char* ack) {
        f.add(builder,
              f.complaint(id, received, "",
                          fmt::format("  {{ at = {}, type = \"acknowledged\" }},\n", ack)));
    };
    // Received Thursday 2 April 2026, acknowledged Thursday 9 April: Good Friday and Easter
    // Monday are skipped, so Tuesday, Wednesday, Thursday: 3 working days.
    acknowledged("ddddddd1", "2026-04-02T10:00:00+01:00", "2026-04-09T16:00:00+01:00");
    // Received Monday 13 April, acknowledged Monday 27 April: 10 working days, on time.
    acknowledged("ddddddd2", "2026-04-13T10:00:00+01:00", "2026-04-27T09:00:00+01:00");
    // Received Friday 24 April, acknowledged Tuesday 12 May: 11 working days (the early May
    // bank holiday, Monday 4 May, is skipped), a day late.
    acknowledged("ddddddd3", "2026-04-24T10:00:00+01:00", "2026-05-12T09:00:00+01:00");
    const Report r = builder.finish();
    const MilestoneFigures* ack = milestone(r, "investigation/acknowledge");
    REQUIRE(ack != nullptr);
    CHECK(ack->unit == Unit::working_days);
    CHECK(ack->limit == Period{10, Unit::working_days});
    CHECK(ack->from == "receipt");
    CHECK(ack->on_time == 2);
    CHECK(ack->late == 1);
    CHECK(ack->taken.count == 3);
    CHECK(*ack->taken.median == doctest::Approx(10));
    CHECK(*ack->taken.p90 == doctest::Approx(10.8)); // 10 + 0.8 * (11 - 10)
}

TEST_CASE("hours to a milestone are elapsed hours, across the clock change") {
    Fixture f; // formal: acknowledge within 48 hours of the stage start
    ReportBuilder builder(f.scope(), f.policy);
    // Received Saturday 28 March 2026 12:00 GMT, acknowledged Sunday 29 March 12:00 BST: the
    // clocks went forward overnight, so 23 hours, not 24.
    f.add(builder, f.complaint("eeeeeee1", "2026-03-28T12:00:00+00:00", "severity = \"serious\"",
                               "  { at = 2026-03-29T12:00:00+01:00, type = \"acknowledged\" },\n"));
    // Received Monday 2 March 10:00, acknowledged Tuesday 3 March 09:15: 23.25 hours.
    f.add(builder, f.complaint("eeeeeee2", "2026-03-02T10:00:00+00:00", "severity = \"serious\"",
                               "  { at = 2026-03-03T09:15:00+00:00, type = \"acknowledged\" },\n"));
    const Report r = builder.finish();
    const MilestoneFigures* ack = milestone(r, "formal/acknowledge");
    REQUIRE(ack != nullptr);
    CHECK(ack->unit == Unit::hours);
    CHECK(ack->limit == Period{48, Unit::hours});
    CHECK(ack->taken.count == 2);
    CHECK(*ack->taken.median == doctest::Approx(23.125));
    CHECK(*ack->taken.p90 == doctest::Approx(23.225)); // 23 + 0.9 * 0.25
}

TEST_CASE("calendar days to a milestone count weekends and not the anchor day") {
    Fixture f; // local: resolve within 5 days of receipt
    ReportBuilder builder(f.scope(), f.policy);
    // Received Friday 30 January 2026 16:00, resolved Wednesday 4 February 09:00: 5 days, on
    // the last day of the limit.
    f.add(builder, f.complaint("fffffff1", "2026-01-30T16:00:00+00:00", "severity = \"minor\"",
                               "  { at = 2026-02-04T09:00:00+00:00, type = \"resolved\" },\n"));
    // Received and resolved on Monday 9 February: 0 days.
    f.add(builder, f.complaint("fffffff2", "2026-02-09T09:00:00+00:00", "severity = \"minor\"",
                               "  { at = 2026-02-09T17:00:00+00:00, type = \"resolved\" },\n"));
    const Report r = builder.finish();
    const MilestoneFigures* resolve = milestone(r, "local/resolve");
    REQUIRE(resolve != nullptr);
    CHECK(resolve->unit == Unit::days);
    CHECK(resolve->on_time == 2);
    CHECK(*resolve->taken.median == doctest::Approx(2.5));
    CHECK(*resolve->taken.p90 == doctest::Approx(4.5));
}

TEST_CASE("time taken counts as the milestone counts: beginning with, from a working day") {
    Milestone m;
    m.period = Period{5, Unit::days};
    Deadline d;
    d.milestone = &m;
    d.anchor_at = at("2026-04-13T10:00"); // Monday
    d.met_at = at("2026-04-17T15:00");    // Friday
    CHECK(time_taken(d, london_calendar()) == doctest::Approx(4));
    m.counting.beginning_with = true; // Monday is day 1, so Friday is day 5
    CHECK(time_taken(d, london_calendar()) == doctest::Approx(5));

    m = Milestone{};
    m.period = Period{5, Unit::working_days};
    d.anchor_at = at("2026-04-11T10:00");                          // Saturday
    d.met_at = at("2026-04-15T10:00");                             // Wednesday
    CHECK(time_taken(d, london_calendar()) == doctest::Approx(3)); // Monday to Wednesday
    m.counting.from_working_day = true; // received as on Monday: Tuesday and Wednesday
    CHECK(time_taken(d, london_calendar()) == doctest::Approx(2));

    m.period = Period{1, Unit::months}; // months are measured in calendar days
    CHECK(measured_in(m.period) == Unit::days);
    d.met_at = at("2026-04-10T10:00"); // before its anchor: nothing
    CHECK(time_taken(d, london_calendar()) == doctest::Approx(0));
}

TEST_CASE("milestone figures are kept per policy version when the limits differ") {
    Fixture f;
    Policy older = f.policy;
    older.version = "2023-01-01";
    Policy shorter = f.policy; // a newer version that shortened the acknowledgement
    shorter.version = "2025-01-01";
    shorter.stages[1].milestones[0].period = Period{24, Unit::hours};
    ReportBuilder builder(f.scope(), shorter);
    const std::string ack = "  { at = 2026-03-03T09:00:00+00:00, type = \"acknowledged\" },\n";
    f.add(
        builder,
        ::complaint("ggggggg1", "2026-03-02T10:00:00+00:00", "severity = \"serious\"", ack, older),
        &older);
    f.add(builder,
          ::complaint("ggggggg2", "2026-03-02T10:00:00+00:00", "severity = \"serious\"", ack,
                      f.policy),
          &f.policy);
    f.add(builder,
          ::complaint("ggggggg3", "2026-03-02T10:00:00+00:00", "severity = \"serious\"", ack,
                      shorter),
          &shorter);
    const Report r = builder.finish();
    // The register's policy first, then the others by version.
    REQUIRE(r.policies.size() == 3);
    CHECK(r.policies[0].version == "2025-01-01");
    CHECK(r.policies[0].current);
    CHECK(r.policies[0].complaints == 1);
    CHECK(r.policies[1].version == "2023-01-01");
    CHECK(r.policies[2].version == "2024-03-05");
    CHECK(r.organisation == "Big Bums and Little Bums Ltd");

    std::vector<const MilestoneFigures*> acks;
    for (const MilestoneFigures& m : r.milestones)
        if (m.milestone == "formal/acknowledge") acks.push_back(&m);
    REQUIRE(acks.size() == 2);
    // 48 hours in the two older versions: one figure for both.
    CHECK(acks[0]->versions == std::vector<std::string>{"2023-01-01", "2024-03-05"});
    CHECK(acks[0]->limit == Period{48, Unit::hours});
    CHECK(acks[0]->on_time == 2);
    CHECK(acks[0]->taken.count == 2);
    // 24 hours in the newest: its own figure (23 hours, on time).
    CHECK(acks[1]->versions == std::vector<std::string>{"2025-01-01"});
    CHECK(acks[1]->limit == Period{24, Unit::hours});
    CHECK(acks[1]->on_time == 1);
    CHECK(*acks[1]->taken.median == doctest::Approx(23));
}

TEST_CASE("the report warns when the policy is overdue for its own review as of its moment") {
    Fixture f("twinkles"); // last reviewed 5 March 2024, every 12 months
    {
        ReportBuilder builder(f.scope(), f.policy);
        const Report r = builder.finish();
        REQUIRE(r.review_warnings.size() == 1);
        CHECK(r.review_warnings[0].find("due by 2025-03-05") != std::string::npos);
        REQUIRE(r.policies.size() == 1); // named even with no complaint counted
        CHECK(r.policies[0].title == "Managing Complaints Policy");
        CHECK(r.policies[0].complaints == 0);
        CHECK(r.organisation == "Twinkle's SEN Activity Days CIC");
    }
    f.as_of = at("2025-03-05T12:00"); // the last day it is due: not yet overdue
    ReportBuilder builder(f.scope(), f.policy);
    CHECK(builder.finish().review_warnings.empty());
}

TEST_CASE("a report names no one unless asked: people named in more than one complaint") {
    Fixture f;
    const std::string personal =
        "name = \"Jo Bloggs\"\ncontact = \"jo@example.org\"\nsummary = \"Shouted at\"\n"
        "details = \"In the hall\"\npeople = [\"Sam Jones\", \"Lily (age 3)\"]\n"
        "severity = \"minor\"\nhandler = \"Sarah Robb\"";
    const std::string resolved = "  { at = 2026-01-06T10:00:00+00:00, type = \"resolved\", "
                                 "outcome = \"Apologised to Jo\", finding = \"upheld\" },\n";
    auto build = [&](bool names) {
        ReportBuilder builder(f.scope(names), f.policy);
        f.add(builder, f.complaint("hhhhhhh1", "2026-01-05T10:00:00+00:00", personal, resolved));
        f.add(builder, f.complaint("hhhhhhh2", "2026-01-05T11:00:00+00:00", personal, ""));
        return builder.finish();
    };
    const Report anonymous = build(false);
    CHECK(anonymous.repeat_people == 2); // Sam Jones and the child
    CHECK(anonymous.repeat_people_names.empty());
    CHECK(anonymous.repeat_complainants == 1);
    // No count, finding or milestone carries a personal value.
    std::vector<std::string> said{anonymous.organisation};
    for (const auto* tallies :
         {&anonymous.by_month, &anonymous.by_quarter, &anonymous.by_channel, &anonymous.by_category,
          &anonymous.by_severity, &anonymous.by_stage_reached, &anonymous.by_status,
          &anonymous.by_remedy, &anonymous.repeat_categories})
        for (const Tally& t : *tallies)
            said.push_back(t.key);
    for (const FindingRemedies& f2 : anonymous.remedies_by_finding)
        for (const Tally& t : f2.remedies)
            said.push_back(t.key);
    for (const MilestoneFigures& m : anonymous.milestones)
        said.push_back(m.title);
    for (const std::string& text : said)
        for (const char* value :
             {"Jo", "Sam", "Lily", "example.org", "Shouted", "hall", "Apologised", "Sarah"})
            CHECK_MESSAGE(text.find(value) == std::string::npos, text << " holds " << value);

    const Report named = build(true);
    CHECK(named.repeat_people == 2);
    REQUIRE(named.repeat_people_names.size() == 2);
    CHECK(named.repeat_people_names[0].key == "Lily (age 3)");
    CHECK(named.repeat_people_names[1].key == "Sam Jones");
    CHECK(named.repeat_people_names[1].count == 2);
}

TEST_CASE("anonymised complaints still add up, and are not one repeat complainant") {
    Fixture f;
    const std::string personal = "name = \"Jo Bloggs\"\ncontact = \"jo@example.org\"\n"
                                 "people = [\"Sam Jones\"]\nseverity = \"minor\"\n"
                                 "category = \"fees\"";
    const std::string resolved = "  { at = 2026-01-06T10:00:00+00:00, type = \"resolved\", "
                                 "outcome = \"Apologised to Jo\", finding = \"upheld\" },\n";
    auto build = [&](bool anonymise) {
        ReportBuilder builder(f.scope(), f.policy);
        for (const char* id : {"hhhhhhh1", "hhhhhhh2"}) {
            Complaint c = f.complaint(id, "2026-01-05T10:00:00+00:00", personal, resolved);
            if (anonymise) c = anonymised(c);
            f.add(builder, c);
        }
        // Two different people, both anonymised: the markers are alike, the people are not.
        Complaint other = f.complaint("hhhhhhh3", "2026-01-07T10:00:00+00:00",
                                      "name = \"Ann Other\"\npeople = [\"Kim Lee\"]", "");
        f.add(builder, anonymise ? anonymised(other) : other);
        return builder.finish();
    };
    const Report before = build(false), after = build(true);
    CHECK(after.total == before.total);
    CHECK(after.by_category.front().count == before.by_category.front().count);
    CHECK(after.findings_by_stage.front().resolutions ==
          before.findings_by_stage.front().resolutions);
    CHECK(before.repeat_people == 1);
    CHECK(after.repeat_people == 0);
    CHECK(after.repeat_complainants == 0);
}
