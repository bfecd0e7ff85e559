#pragma once
/// How complaints and deadlines are shown: shared by show, list, list-overdue and check.

#include "cli/context.hpp"

#include <string>

namespace complaints::cli {

/// Version of every JSON document the tool prints; bumped when a field changes meaning.
inline constexpr int json_schema_version = 1;

/// `YYYY-MM-DD` for a day-based deadline, RFC 3339 with offset for an hour-based one.
std::string due_text(const Due& due, const date::time_zone* zone);

/// "stage/milestone", e.g. "formal/acknowledge".
std::string deadline_name(const Deadline& deadline);

/// Whole days `deadline` is overdue as of `now` (0 when it is not).
long days_overdue(const Deadline& deadline, Instant now, const date::time_zone* zone);

/// A deadline as a JSON object (the contract in docs/JSON.md).
std::string deadline_json(const Deadline& deadline, const date::time_zone* zone);

/// Every field of a complaint and its state as a JSON object.
std::string complaint_json(const Reading& reading);

/// Prints each problem as `complaints: error: FILE:LINE:COL: message` on stderr.
void report_problems(const std::vector<Error>& problems);

} // namespace complaints::cli
