// Fuzz target: the command-line parser. The input is the argument list, NUL-separated; any
// list parses or is a usage error, never a crash or an unexpected exception.

#include "cli/app.hpp"
#include "fuzz_target.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args{"complaints"};
    std::string current;
    for (std::size_t i = 0; i < size && args.size() < 64; ++i) {
        if (data[i] == 0) {
            args.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[i]);
        }
    }
    if (!current.empty()) args.push_back(current);
    complaints::cli::parse_command_line(args);
    return 0;
}
