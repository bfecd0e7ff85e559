#pragma once
/// `report --format html`: one self-contained page with inline SVG bar charts (no scripts,
/// nothing fetched), for trustees to open in a browser.

#include "complaints/report.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

/// A titled list of counts, as every report format prints them.
struct ReportSection {
    std::string name;  ///< machine name, e.g. "channel" (csv `section`, json key)
    std::string title; ///< heading for people
    std::vector<Tally> tallies;
};

std::string render_html(const Report& report, const std::vector<ReportSection>& sections,
                        const std::string& range, const std::string& as_of);

} // namespace complaints::cli
