#pragma once
/// The command-line parse step on its own, for the fuzz target fuzz/cli_parser.cpp.

#include <string>
#include <vector>

namespace complaints::cli {

/// Builds the whole command line as `run` does and parses `args` (args[0] is the program
/// name) without running any command. Returns 0 when a command was chosen, 2 for a usage
/// error. Prints nothing.
int parse_command_line(const std::vector<std::string>& args);

} // namespace complaints::cli
