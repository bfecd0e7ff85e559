// How an event command's flags become an event (src/cli/record.cpp): the values, periods and
// dates its table entry names, read without a register.
#include "cli/event_commands.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using namespace complaints::cli;

namespace {

const EventCommand& command(std::string_view name) {
    const EventCommand* found = find_event_command(name);
    REQUIRE(found != nullptr);
    return *found;
}

EventInput given(std::map<std::string, std::vector<std::string>, std::less<>> values) {
    EventInput input;
    input.id = "k7m2";
    input.values = std::move(values);
    return input;
}

} // namespace

TEST_SUITE_BEGIN("cli::record");

TEST_CASE("an event records its command's event type") {
    auto event = event_from_flags(command("ack"), given({}));
    REQUIRE(event.ok());
    CHECK(event->type == "acknowledged");
    CHECK(event->text.empty());
}

TEST_CASE("extend --for reads a period spelt out") {
    auto event = event_from_flags(
        command("extend"), given({{"--for", {"10 working days"}}, {"--reason", {"witnesses"}}}));
    REQUIRE(event.ok());
    REQUIRE(event->extend_by.has_value());
    CHECK(*event->extend_by == Period{10, Unit::working_days});
    CHECK_FALSE(event->until.has_value());
    CHECK(event->reason == "witnesses");
    CHECK(event->text.empty()); // extend's --reason is the event's reason, not its text
}

TEST_CASE("extend --for: one month, and singular units") {
    auto month = event_from_flags(command("extend"), given({{"--for", {"1 month"}}}));
    REQUIRE(month.ok());
    CHECK(*month->extend_by == Period{1, Unit::months});
    auto day = event_from_flags(command("extend"), given({{"--for", {"1 working day"}}}));
    REQUIRE(day.ok());
    CHECK(*day->extend_by == Period{1, Unit::working_days});
}

TEST_CASE("extend --for takes every form of a period, and names itself when it does not read") {
    auto short_form = event_from_flags(command("extend"), given({{"--for", {"3wd"}}}));
    REQUIRE(short_form.ok());
    CHECK(*short_form->extend_by == Period{3, Unit::working_days});
    auto event = event_from_flags(command("extend"), given({{"--for", {"3x"}}}));
    REQUIRE_FALSE(event.ok());
    CHECK(event.error().kind == ErrorKind::usage);
    CHECK(event.error().message.starts_with("--for: bad period '3x'"));
}

TEST_CASE("extend --until reads a day; a bad one names the flag") {
    auto event = event_from_flags(command("extend"), given({{"--until", {"2026-05-01"}}}));
    REQUIRE(event.ok());
    REQUIRE(event->until.has_value());
    CHECK(format_day(*event->until) == "2026-05-01");
    CHECK_FALSE(event->extend_by.has_value());
    auto bad = event_from_flags(command("extend"), given({{"--until", {"2026-13-01"}}}));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "--until: bad date '2026-13-01': expected YYYY-MM-DD");
}

TEST_CASE("note takes the rest of the line, words joined by single spaces") {
    auto event = event_from_flags(command("note"),
                                  given({{"text", {"Called", "Jo,", "she", "will", "send"}}}));
    REQUIRE(event.ok());
    CHECK(event->type == "note");
    CHECK(event->text == "Called Jo, she will send");
}

TEST_CASE("resolve keeps each --remedy, in order") {
    auto event = event_from_flags(
        command("resolve"),
        given({{"--outcome", {"Apologised"}}, {"--remedy", {"apology", "corrective-action"}}}));
    REQUIRE(event.ok());
    CHECK(event->outcome == "Apologised");
    CHECK(event->remedies == std::vector<std::string>{"apology", "corrective-action"});
}

TEST_CASE("each flag fills the field its table entry names") {
    auto escalated = event_from_flags(command("escalate"),
                                      given({{"--to", {"review"}}, {"--note", {"unhappy"}}}));
    REQUIRE(escalated.ok());
    CHECK(escalated->stage == "review");
    CHECK(escalated->text == "unhappy");
    CHECK_FALSE(escalated->requested.has_value()); // a moment: read with the complaint's zone
    auto assigned = event_from_flags(command("assign"), given({{"handler", {"Sarah Hall"}}}));
    REQUIRE(assigned.ok());
    CHECK(assigned->handler == "Sarah Hall");
    auto referred = event_from_flags(command("refer"),
                                     given({{"--to", {"CIC Regulator"}}, {"--note", {"ref 1"}}}));
    REQUIRE(referred.ok());
    CHECK(referred->body == "CIC Regulator");
    CHECK(referred->text == "ref 1");
}

TEST_CASE("EventInput::text: a flag not given is empty") {
    EventInput input = given({{"--note", {"phoned", "Jo"}}});
    CHECK(input.text("--note") == "phoned Jo");
    CHECK(input.text("--reason").empty());
}

TEST_SUITE_END();
