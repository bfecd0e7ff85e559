#include "complaints/report.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace complaints;
using namespace complaints::support;

namespace {

/// A complaint file for the big-bums policy received at `received` with `events` lines.
Complaint complaint(const std::string& id, const std::string& received, const std::string& extra,
                    const std::string& events) {
    const std::string text =
        fmt::format("id = \"{}\"\npolicy = \"big-bums\"\npolicy_version = \"2024-03-05\"\n"
                    "received = {}\n{}\nevents = [\n{}]\n",
                    id, received, extra, events);
    Result<Complaint> parsed = parse_complaint(text, id + ".toml");
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().to_string()));
    return parsed.value();
}

struct Fixture {
    Policy policy = shipped_policy("big-bums");
    WorkingCalendar calendar = WorkingCalendar::make(policy.calendar).value();
    Instant as_of = parse_moment("2026-04-30T12:00", calendar.zone()).value();

    void add(ReportBuilder& builder, const Complaint& c) {
        Result<ComplaintState> state = derive_state(c, policy, calendar, as_of);
        REQUIRE_MESSAGE(state.ok(), (state.ok() ? "" : state.error().to_string()));
        builder.add(c, *state, policy, calendar.zone());
    }
};

const Tally* find(const std::vector<Tally>& tallies, const std::string& key) {
    for (const Tally& t : tallies)
        if (t.key == key) return &t;
    return nullptr;
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

TEST_CASE("report counts, timelines, on-time rates and times to act") {
    Fixture f;
    ReportBuilder builder(std::nullopt, std::nullopt);
    // Minor, local stage: resolved after 2 days, on time (5 days).
    f.add(builder, complaint("aaaaaaa1", "2026-01-10T10:00:00+00:00",
                             "channel = \"email\"\ncategory = \"staff\"\nseverity = \"minor\"\n"
                             "people = [\"Sam\"]\ncontact = \"a@example.org\"",
                             "  { at = 2026-01-12T10:00:00+00:00, type = \"resolved\", "
                             "remedies = [\"apology\"] },\n"));
    // Serious: formal stage, acknowledged after 1 day (late: 48 hours is met... on time),
    // resolved after 40 days (late).
    f.add(builder, complaint("aaaaaaa2", "2026-03-02T10:00:00+00:00",
                             "channel = \"phone\"\ncategory = \"staff\"\nseverity = \"serious\"\n"
                             "people = [\"Sam\"]\ncontact = \"a@example.org\"",
                             "  { at = 2026-03-03T10:00:00+00:00, type = \"acknowledged\" },\n"
                             "  { at = 2026-04-11T10:00:00+00:00, type = \"resolved\", "
                             "remedies = [\"apology\", \"explanation\"] },\n"));
    // Serious, never acknowledged: acknowledge and resolve both overdue as of 30 April.
    f.add(builder,
          complaint("aaaaaaa3", "2026-03-20T10:00:00+00:00",
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

    REQUIRE(r.on_time.size() == 3);
    CHECK(r.on_time[0].milestone == "local/resolve"); // policy order
    CHECK(r.on_time[0].on_time == 1);
    const OnTime& ack = r.on_time[1];
    CHECK(ack.milestone == "formal/acknowledge");
    CHECK(ack.on_time == 1);
    CHECK(ack.missed == 1);
    CHECK(*ack.rate() == doctest::Approx(0.5));
    const OnTime& resolve = r.on_time[2];
    CHECK(resolve.late == 1);
    CHECK(resolve.missed == 1);
    CHECK(*resolve.rate() == doctest::Approx(0.0));

    CHECK(r.days_to_acknowledge.count == 1);
    CHECK(*r.days_to_acknowledge.median == doctest::Approx(1.0));
    CHECK(r.days_to_resolve.count == 2);
    CHECK(*r.days_to_resolve.median == doctest::Approx(21.0)); // (2 + 40) / 2
    CHECK(*r.days_to_resolve.p90 == doctest::Approx(36.2));    // 2 + 0.9 * 38

    REQUIRE(r.repeat_categories.size() == 1);
    CHECK(r.repeat_categories[0].key == "staff");
    REQUIRE(r.repeat_people.size() == 1);
    CHECK(r.repeat_people[0].key == "Sam");
    CHECK(r.repeat_complainants == 1);
}

TEST_CASE("report --from/--to keeps complaints received in the range, both ends included") {
    Fixture f;
    ReportBuilder builder(parse_day("2026-02-01").value(), parse_day("2026-03-02").value());
    int n = 0;
    for (const char* received : {"2026-01-31T23:59:00+00:00", "2026-02-01T00:00:00+00:00",
                                 "2026-03-02T23:00:00+00:00", "2026-03-03T00:00:00+00:00"})
        f.add(builder, complaint(fmt::format("bbbbbbb{}", ++n), received, "", ""));
    const Report r = builder.finish();
    CHECK(r.total == 2);
    REQUIRE(r.by_month.size() == 2);
    CHECK(r.by_month[0].key == "2026-02");
    CHECK(r.by_month[1].key == "2026-03");
}
