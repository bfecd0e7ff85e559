// The command line as parsed (src/cli/app.cpp, through parse_command_line, which builds exactly
// what the program runs): --format values, required values and flags that exclude each other.
#include "cli/app.hpp"
#include "cli/context.hpp"

#include <doctest/doctest.h>

using namespace complaints::cli;

namespace {

int parsed(std::vector<std::string> args) {
    args.insert(args.begin(), "complaints");
    return parse_command_line(args);
}

} // namespace

TEST_SUITE_BEGIN("cli::app");

TEST_CASE("--format: each command takes its own formats and nothing else") {
    CHECK(parsed({"list", "--format", "csv"}) == exit_ok);
    // list, list-overdue and show name their formats alike: text for people, json for
    // scripts ("table" still works for list and list-overdue).
    for (const char* command : {"list", "list-overdue"})
        for (const char* format : {"text", "table", "csv", "json"})
            CHECK(parsed({command, "--format", format}) == exit_ok);
    CHECK(parsed({"show", "k7m2", "--format", "text"}) == exit_ok);
    CHECK(parsed({"list", "--format", "xml"}) == exit_usage);
    CHECK(parsed({"list", "--format", "html"}) == exit_usage);
    CHECK(parsed({"list-overdue", "--format", "text"}) == exit_ok); // the same as table
    CHECK(parsed({"show", "k7m2", "--format", "json"}) == exit_ok);
    CHECK(parsed({"show", "k7m2", "--format", "csv"}) == exit_usage);
    CHECK(parsed({"explain", "k7m2", "--format", "table"}) == exit_usage);
    CHECK(parsed({"export", "--format", "ics"}) == exit_ok);
    CHECK(parsed({"report", "--format", "html"}) == exit_ok);
    CHECK(parsed({"report", "--format", "ics"}) == exit_usage);
    CHECK(parsed({"calendar", "--format", "json"}) == exit_ok);
    CHECK(parsed({"list", "--format", "JSON"}) == exit_usage); // values are exact
    CHECK(parsed({"list", "--format"}) == exit_usage);
}

TEST_CASE("periods are read when the command runs: any text parses") {
    CHECK(parsed({"list-overdue", "--due-within", "3d"}) == exit_ok);
    CHECK(parsed({"list-overdue", "--due-within", "nonsense"}) == exit_ok);
    CHECK(parsed({"extend", "k7m2", "--for", "10 working days", "--reason", "x"}) == exit_ok);
}

TEST_CASE("extend: --until and --for exclude each other; --reason is required") {
    CHECK(parsed({"extend", "k7m2", "--until", "2026-05-01", "--for", "3 days", "--reason", "x"}) ==
          exit_usage);
    CHECK(parsed({"extend", "k7m2", "--for", "3 days"}) == exit_usage);
}

TEST_CASE("event commands: the complaint ID is required; a single-value flag is given once") {
    CHECK(parsed({"ack"}) == exit_usage);
    CHECK(parsed({"ack", "k7m2", "--note", "a", "--note", "b"}) == exit_usage);
    CHECK(parsed({"resolve", "k7m2", "--outcome", "done", "--remedy", "a", "--remedy", "b"}) ==
          exit_ok);
    CHECK(parsed({"note", "k7m2"}) == exit_usage);
    CHECK(parsed({"note", "k7m2", "Called", "Jo", "list"}) == exit_ok); // the text, not a command
}

TEST_CASE("global flags before or after the command; a command is required") {
    CHECK(parsed({"--as-of", "2026-03-27", "list"}) == exit_ok);
    CHECK(parsed({"list", "--as-of", "2026-03-27", "-C", "reg"}) == exit_ok);
    CHECK(parsed({"--no-color"}) == exit_usage);
    CHECK(parsed({"lsit"}) == exit_usage);
}

TEST_CASE("a misspelt command meets the closest, and where the commands are listed") {
    CHECK(usage_message({"complaints", "lsit"}) ==
          "unknown command 'lsit'; did you mean 'list'?\nRun 'complaints --help' for the "
          "commands.");
    CHECK(usage_message({"complaints", "zzzzzz"}) ==
          "unknown command 'zzzzzz'\nRun 'complaints --help' for the commands.");
    CHECK(usage_message({"complaints", "list"}).empty());
}

TEST_CASE("a misspelt flag meets the closest of the command's own, and its --help") {
    CHECK(usage_message({"complaints", "list", "--formt", "csv"}) ==
          "unknown flag '--formt' for 'list'; did you mean '--format'?\nRun 'complaints list "
          "--help' for its flags and an example.");
    CHECK(usage_message({"complaints", "show", "2c3", "--formt=json"}) ==
          "unknown flag '--formt' for 'show'; did you mean '--format'?\nRun 'complaints show "
          "--help' for its flags and an example.");
    // Global flags count as the command's own.
    CHECK(usage_message({"complaints", "list", "--as-off", "2026-03-27"}) ==
          "unknown flag '--as-off' for 'list'; did you mean '--as-of'?\nRun 'complaints list "
          "--help' for its flags and an example.");
    CHECK(usage_message({"complaints", "policy", "show", "--formatt", "json"})
              .starts_with("unknown flag '--formatt' for 'policy show'"));
}

TEST_CASE("an event's free text is --note; --reason and --text still work for old scripts") {
    for (const char* command : {"escalate", "pause", "reopen", "close", "withdraw", "ack"})
        CHECK(parsed({command, "k7m2", "--note", "x"}) == exit_ok);
    for (const char* command : {"escalate", "pause", "reopen", "close", "withdraw"})
        CHECK(parsed({command, "k7m2", "--reason", "x"}) == exit_ok);
    CHECK(parsed({"delay-response", "k7m2", "--text", "x"}) == exit_ok);
    // extend's --reason is the extension's own reason, required by the policy's rules.
    CHECK(parsed({"extend", "k7m2", "--for", "2wd", "--reason", "x"}) == exit_ok);
    const std::string help = usage_message({"complaints", "pause", "k7m2", "--nte", "x"});
    CHECK(help.starts_with("unknown flag '--nte' for 'pause'; did you mean '--note'?"));
}

TEST_CASE("-V is --version") {
    CHECK(usage_message({"complaints", "-V"}).empty());
}

TEST_CASE("the hidden commands parse") {
    CHECK(parsed({"ids"}) == exit_ok);
    CHECK(parsed({"generate", "bash"}) == exit_ok);
    CHECK(parsed({"generate", "fish"}) == exit_usage);
}

TEST_SUITE_END();
