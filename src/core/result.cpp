#include "complaints/result.hpp"

#include <fmt/format.h>

namespace complaints {

std::string Error::to_string() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += fmt::format(":{}", line);
        if (line > 0 && column > 0) out += fmt::format(":{}", column);
        out += ": ";
    }
    return out + message;
}

Error usage_error(std::string message) {
    return Error{ErrorKind::usage, std::move(message), {}};
}

Error data_error(std::string file, int line, int column, std::string message) {
    return Error{ErrorKind::data, std::move(message), std::move(file), line, column};
}

Error not_found_error(std::string message) {
    return Error{ErrorKind::not_found, std::move(message), {}};
}

Error io_error(std::string message) {
    return Error{ErrorKind::io, std::move(message), {}};
}

} // namespace complaints
