// Fuzz target: the policy reader. Any input gives a policy or an error, never a crash.

#include "complaints/policy.hpp"
#include "fuzz_target.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto policy = complaints::parse_policy(text, "fuzz.toml");
    (void)policy;
    return 0;
}
