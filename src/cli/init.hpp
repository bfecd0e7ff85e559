#pragma once
/// The policies shipped with the program, which `init --policy NAME` finds by name.

#include <string>
#include <vector>

namespace complaints::cli {

/// The names of the shipped policies (examples/policies/NAME.toml, installed in
/// share/complaints/policies), in the order --help lists them.
const std::vector<std::string>& shipped_policy_names();

} // namespace complaints::cli
