// The event-command table (src/cli/event_commands.cpp): one command per event type, flags
// that make sense, and the checks some commands make on their flags alone.
#include "cli/event_commands.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace complaints;
using namespace complaints::cli;

TEST_SUITE_BEGIN("cli::event_commands");

TEST_CASE("every event type has exactly one command, and every command records a known type") {
    std::multiset<std::string> recorded;
    for (const EventCommand& command : event_commands())
        recorded.insert(std::string(command.type));
    // `amended` is recorded by `complaints amend`, which also changes intake lines;
    // `imported` by `complaints import`, with the complaint it brings in; and `anonymised` by
    // `complaints anonymise`, which replaces intake lines.
    auto own_command = [](const std::string& type) {
        return type == event_type::amended || type == event_type::imported ||
               type == event_type::anonymised;
    };
    for (const std::string& type : all_event_types())
        CHECK_MESSAGE(recorded.count(type) == (own_command(type) ? 0 : 1), type);
    CHECK(recorded.size() == all_event_types().size() - 3);
}

TEST_CASE("command names are unique and each has a summary and an example of itself") {
    std::set<std::string_view> names;
    for (const EventCommand& command : event_commands()) {
        CHECK_MESSAGE(names.insert(command.name).second, command.name);
        CHECK_FALSE(command.summary.empty());
        CHECK(command.example.starts_with("complaints " + std::string(command.name) + " "));
        CHECK(find_event_command(command.name) == &command);
    }
    CHECK(find_event_command("received") == nullptr);
}

TEST_CASE("flags: no clash with the shared ones; exclusions name a flag of the same command") {
    for (const EventCommand& command : event_commands()) {
        std::set<std::string_view> flags;
        for (const EventFlag& flag : command.flags) {
            CHECK(flag.name != "id");
            CHECK(flag.name != "--at");
            CHECK(flag.name != "--by");
            CHECK_MESSAGE(flags.insert(flag.name).second, command.name, " ", flag.name);
            CHECK_FALSE(flag.help.empty());
            if (flag.values == FlagValues::rest_of_line) CHECK_FALSE(flag.name.starts_with("-"));
        }
        for (const EventFlag& flag : command.flags)
            if (!flag.excludes.empty()) CHECK(flags.count(flag.excludes) == 1);
    }
}

TEST_CASE("extend needs --until or --for, not neither, and a reason that says something") {
    const EventCommand& extend = *find_event_command("extend");
    const bool checks_flags = extend.check_flags != nullptr;
    REQUIRE(checks_flags);
    EventInput input;
    input.values = {{"--reason", {"waiting for witness statements"}}};
    Status neither = extend.check_flags(input);
    REQUIRE_FALSE(neither.ok());
    CHECK(neither.error().message == "extend needs --until DATE or --for PERIOD");
    input.values["--for"] = {"10 working days"};
    CHECK(extend.check_flags(input).ok());
    input.values["--reason"] = {" \t"};
    Status blank = extend.check_flags(input);
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().message == "--reason: say why more time is needed");
}

TEST_SUITE_END();
