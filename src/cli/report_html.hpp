#pragma once
/// `report --format html`: one self-contained page with inline SVG bar charts (no scripts,
/// nothing fetched), for trustees to open in a browser. Also the wording every report format
/// shares (sections, amounts, a milestone's time in its own unit).

#include "complaints/report.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

/// A titled list of counts, as every report format prints them.
struct ReportSection {
    std::string name;  ///< machine name, e.g. "by_channel" (csv `section`, json key)
    std::string title; ///< heading for people
    std::vector<Tally> tallies;
};

/// The count sections of `report`, in the order every format prints them (the people named in
/// more than one complaint only when the report holds their names).
std::vector<ReportSection> report_sections(const Report& report);

/// A measurement for people: at most one decimal, none when whole ("23.6", "4").
std::string amount(double value);

/// "hours", "working days", "days" (singular for exactly 1).
std::string unit_words(Unit unit, double value);

/// "Complaints Procedure (big-bums, version 2024-03-05)".
std::string policy_text(const PolicyCovered& policy);

/// "1 person is named in more than one complaint" / "3 people are ...".
std::string repeat_people_text(long count);

/// What a milestone's times were, in its own terms: "met in a median of 4 working days from
/// receipt (limit 10), 90th percentile 9 working days, 12 complaints", or "not met yet (limit
/// 28 days from escalation request)".
std::string taken_text(const MilestoneFigures& figures);

/// `figures`' policy and versions when the report covers more than one policy version
/// (" [big-bums 2024-03-05]"), else nothing.
std::string versions_note(const Report& report, const MilestoneFigures& figures);

std::string render_html(const Report& report, const std::string& range, const std::string& as_of);

} // namespace complaints::cli
