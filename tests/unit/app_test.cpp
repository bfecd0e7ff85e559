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

TEST_CASE("the hidden commands parse") {
    CHECK(parsed({"ids"}) == exit_ok);
    CHECK(parsed({"generate", "bash"}) == exit_ok);
    CHECK(parsed({"generate", "fish"}) == exit_usage);
}

TEST_SUITE_END();
