#pragma once
/// Errors as values: every parser and the store return `Result<T>`; the CLI turns an
/// `Error` into one message and an exit code in one place.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace complaints {

/// Why a command failed, chosen so the CLI can map it to a documented exit code.
enum class ErrorKind {
    usage,     ///< bad flag, bad date on the command line (exit 2)
    data,      ///< a complaint, policy or config file is malformed or invalid (exit 3)
    not_found, ///< unknown or ambiguous complaint ID, no register found (exit 4)
    io,        ///< a file could not be read or written (exit 5)
    busy,      ///< the register's lock is held by another process (exit 6)
};

/// One problem, located where it can be: `file:line:col: message`.
struct Error {
    ErrorKind kind = ErrorKind::data;
    std::string message;
    std::string file; ///< empty when the problem is not in a file
    int line = 0;     ///< 1-based; 0 when unknown
    int column = 0;   ///< 1-based; 0 when unknown

    /// `file:line:col: message`, dropping the parts that are unknown.
    std::string to_string() const;
};

Error usage_error(std::string message);
Error data_error(std::string file, int line, int column, std::string message);
Error not_found_error(std::string message);
Error io_error(std::string message);

/// A value or an error. Small on purpose: `ok()`, `value()`, `error()`. A result is never
/// dropped unseen: the compiler warns when a call's result is ignored (a write that failed
/// would otherwise pass silently); where ignoring is right, the call says so with `(void)`.
template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<Error>(state_); }

  private:
    std::variant<T, Error> state_;
};

/// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status done() {
    return Done{};
}

} // namespace complaints
