#pragma once
/// What list, list-overdue and remind filter by, matched as staff type it: any case, and a
/// value the register does not know is a mistake to point out, not an empty answer.

#include "cli/context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// Whether `value` is `wanted`, ignoring case and spaces at either end; an empty `wanted`
/// matches everything.
bool matches_filter(std::string_view value, std::string_view wanted);

/// Whether `text` contains `wanted`, ignoring case; an empty `wanted` is in everything.
bool contains_text(std::string_view text, std::string_view wanted);

/// The names a filter can match: what the register's policies define and its complaints hold.
struct KnownNames {
    std::vector<std::string> stages;
    std::vector<std::string> handlers; ///< roles, their titles and names; recorded handlers
    std::vector<std::string> categories;

    /// Adds the stages, people and intake categories of `policy`.
    void add(const Policy& policy);
    /// Adds the stage, handler and category of a complaint.
    void add(const Reading& reading);
};

/// A filter's flag and the value typed for it.
struct FilterValue {
    std::string_view flag; ///< e.g. "--stage"
    std::string_view what; ///< e.g. "stage"
    std::string_view value;
    const std::vector<std::string>& known;
};

/// Done when the value is empty or one of the known names (ignoring case); else a usage
/// error naming the flag and up to three known names, closest first.
Status known_filter_value(const FilterValue& filter);

/// Every name the register knows (its policies and complaints); complaints that do not read
/// are skipped (the command reports them itself).
Result<KnownNames> register_names(Session& session);

/// Checks `stage`, `handler` and `category` (each may be empty) against what the register
/// knows: called when a filter left nothing, so a typo is told apart from a quiet day.
Status check_filter_values(Session& session, std::string_view stage, std::string_view handler,
                           std::string_view category);

/// "No complaints match" for stderr when nothing was shown and stdout is a terminal; empty
/// in a pipe, so a script or cron sees nothing.
std::string nothing_matches(bool nothing_shown, bool stdout_is_terminal);

/// Prints `nothing_matches` for this process's stdout.
void say_if_nothing_matches(bool nothing_shown);

} // namespace complaints::cli
