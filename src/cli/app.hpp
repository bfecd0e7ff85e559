#pragma once
/// The program's entry points, without CLI11: for src/main.cpp, the fuzz target and tests.

#include "cli/command_doc.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

/// Runs the program; returns the exit code. The only place errors become messages.
int run(int argc, char** argv);

/// Builds the whole command line as `run` does and parses `args` (args[0] is the program
/// name) without running any command. Returns 0 when a command was chosen, 2 for a usage
/// error; --help and --version return 0 without printing. Prints nothing.
int parse_command_line(const std::vector<std::string>& args);

/// What `run` prints after "complaints: error: " when `args` (args[0] is the program name) do
/// not parse: the mistake, the closest command or flag, and which --help to read; empty when
/// they parse.
std::string usage_message(const std::vector<std::string>& args);

/// The program's whole command line, described as the man page and the completions see it
/// (what `complaints generate` writes from).
CommandDoc describe_program();

} // namespace complaints::cli
