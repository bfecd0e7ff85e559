// Fuzz target: the policy reader. Any input gives a policy or an error, never a crash.

#include "complaints/complaint.hpp"
#include "complaints/policy.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    // As every caller in the register does (store.cpp); parse_policy alone still reaches
    // undefined behaviour in toml++ on bare non-ASCII text (docs/RELIABILITY.md, known gaps).
    if (!complaints::check_toml_before_parsing(text, "fuzz.toml")) return 0;
    auto policy = complaints::parse_policy(text, "fuzz.toml");
    (void)policy;
    return 0;
}
