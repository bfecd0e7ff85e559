// The command line as the man page and completions see it (src/cli/generate.cpp): walked
// from the same CLI11 tree the program parses (this test itself does not include CLI11).
#include "cli/app.hpp"
#include "cli/event_commands.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

using namespace complaints::cli;

namespace {

CommandDoc program() {
    return describe_program();
}

const CommandDoc& command(const CommandDoc& parent, std::string_view name) {
    auto found = std::find_if(parent.commands.begin(), parent.commands.end(),
                              [&](const CommandDoc& c) { return c.name == name; });
    REQUIRE(found != parent.commands.end());
    return *found;
}

const FlagDoc& flag(const CommandDoc& command, std::string_view name) {
    auto found = std::find_if(command.flags.begin(), command.flags.end(), [&](const FlagDoc& f) {
        return std::find(f.names.begin(), f.names.end(), name) != f.names.end();
    });
    REQUIRE(found != command.flags.end());
    return *found;
}

/// The command names README.md's command table names: the first word of each `code` span in
/// the first cell of each row ("`policy list\|show`" names policy; "`ack`, `note`" both).
std::set<std::string> readme_commands() {
    std::ifstream in(COMPLAINTS_SOURCE_DIR "/README.md");
    REQUIRE(in.good());
    std::set<std::string> names;
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("| `")) continue;
        const std::string cell = line.substr(2, line.find(" | ", 2) - 2);
        for (std::size_t open = cell.find('`'); open != std::string::npos;) {
            const std::size_t close = cell.find('`', open + 1);
            if (close == std::string::npos) break;
            const std::string span = cell.substr(open + 1, close - open - 1);
            names.insert(span.substr(0, span.find_first_of(" \\[")));
            open = cell.find('`', close + 1);
        }
    }
    return names;
}

} // namespace

TEST_SUITE_BEGIN("cli::generate");

TEST_CASE("README's command table names every command the program has") {
    const std::set<std::string> documented = readme_commands();
    for (const CommandDoc& command : program().commands)
        CHECK_MESSAGE(documented.contains(command.name),
                      "README.md's command table lacks `" << command.name << "`");
}

TEST_CASE("every event command is described from its table entry") {
    const CommandDoc doc = program();
    for (const EventCommand& event : event_commands()) {
        const CommandDoc& described = command(doc, event.name);
        CHECK(described.summary == event.summary);
        // The example's first line as written; later lines lose the indent --help gives.
        const std::string_view first_line = event.example.substr(0, event.example.find('\n'));
        CHECK(described.example.starts_with(first_line));
        CHECK(flag(described, "id").hint.kind == ValueKind::complaint_id);
        CHECK(flag(described, "--by").environment == "COMPLAINTS_USER");
        for (const EventFlag& table_flag : event.flags) {
            const FlagDoc& f = flag(described, table_flag.name);
            CHECK(f.help == table_flag.help);
            CHECK(f.required == table_flag.required);
            CHECK(f.positional == !table_flag.name.starts_with("-"));
            CHECK(f.repeatable == (table_flag.values != FlagValues::one));
        }
    }
    CHECK(flag(command(doc, "extend"), "--until").excludes == std::vector<std::string>{"--for"});
}

TEST_CASE("the program: global flags, no hidden commands listed, nested policy commands") {
    const CommandDoc doc = program();
    CHECK(doc.name == "complaints");
    CHECK(doc.hidden_commands);
    CHECK(flag(doc, "--as-of").environment == "COMPLAINTS_NOW");
    CHECK(flag(doc, "-C").hint.kind == ValueKind::folder);
    CHECK(flag(doc, "--no-color").value_name.empty());
    for (const CommandDoc& c : doc.commands) {
        CHECK(c.name != "ids");
        CHECK(c.name != "generate");
        CHECK_FALSE(c.example.empty());
    }
    const CommandDoc& policy = command(doc, "policy");
    CHECK(flag(command(policy, "repin"), "id").hint.kind == ValueKind::complaint_id);
    CHECK(flag(command(policy, "check"), "file").hint.kind == ValueKind::file);
}

TEST_CASE("enumerated values: formats, divisions and shipped policies") {
    const CommandDoc doc = program();
    CHECK(flag(command(doc, "report"), "--format").hint.values ==
          std::vector<std::string>{"text", "csv", "json", "html"});
    CHECK(flag(command(doc, "calendar"), "--division").hint.values ==
          std::vector<std::string>{"england-and-wales", "scotland", "northern-ireland", "none"});
    const FlagDoc& policy = flag(command(doc, "init"), "--policy");
    CHECK(policy.hint.kind == ValueKind::file);
    CHECK(policy.hint.values.size() == 8);
    CHECK(flag(command(doc, "list"), "--from").hint.values.empty());
}

TEST_SUITE_END();
