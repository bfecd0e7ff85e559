#pragma once
/// How complaints and deadlines are shown: shared by show, list, list-overdue and check.

#include "cli/context.hpp"
#include "complaints/procedure.hpp"

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

/// A due date as people say it: "Tuesday 17 March 2026" for a day, "Sunday 15 March 2026,
/// 08:00" (local time) for an hour-based deadline.
std::string due_in_words(const Due& due, const date::time_zone* zone);

/// A next step in one line: "may complain to the CIC Regulator by Thursday 30 July 2026:
/// https://...", "resolve the complaint locally and tell the complainant, by Tuesday 17 March
/// 2026". Not yet made terminal-safe.
std::string step_words(const NextStep& step, const date::time_zone* zone);

/// "no action for 61 working days (since Monday 2 February 2026)".
std::string idle_words(const Idle& idle, const date::time_zone* zone);

/// The register's policies that are overdue for their own review as of now, in words (none
/// when the register or its policies cannot be read: other commands report that).
std::vector<std::string> review_warnings_now(Session& session);

/// Prints each problem as `complaints: error: FILE:LINE:COL: message` on stderr.
void report_problems(const std::vector<Error>& problems);

} // namespace complaints::cli
