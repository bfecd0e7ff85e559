// The shipped policies init knows by name (src/cli/init.cpp) are the files in
// examples/policies, which `cmake --install` installs.
#include "cli/init.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>

TEST_SUITE_BEGIN("cli::init");

TEST_CASE("the shipped policy names are the policy files shipped, each once") {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(EXAMPLES_DIR "/policies"))
        if (entry.path().extension() == ".toml") files.push_back(entry.path().stem().string());
    std::vector<std::string> names = complaints::cli::shipped_policy_names();
    std::sort(files.begin(), files.end());
    std::sort(names.begin(), names.end());
    CHECK(names == files);
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
}

TEST_SUITE_END();
