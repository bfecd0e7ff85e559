// Whether a complaint's values come from its policy's lists, as the commands that record
// them require; see conformance.hpp.

#include "complaints/conformance.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints {

namespace {

bool listed(const std::vector<std::string>& allowed, std::string_view value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string one_of(const std::vector<std::string>& allowed) {
    return fmt::format("{}", fmt::join(allowed, ", "));
}

/// A resolution's finding and remedies, at the event's line.
void fit_resolution(const Complaint& complaint, const Event& event, const Policy& policy,
                    std::vector<Error>& errors) {
    if (!event.finding.empty() && !listed(policy.findings, event.finding))
        errors.push_back(
            data_error(complaint.path, event.line, event.column,
                       fmt::format("finding '{}' is not in policy {}: use one of {}", event.finding,
                                   policy.id, one_of(policy.findings))));
    for (const std::string& remedy : event.remedies)
        if (!listed(policy.remedies, remedy))
            errors.push_back(
                data_error(complaint.path, event.line, event.column,
                           fmt::format("remedy '{}' is not in policy {}: use one of {}", remedy,
                                       policy.id, one_of(policy.remedies))));
}

} // namespace

PolicyFit fit_to_policy(const Complaint& complaint, const Policy& policy) {
    PolicyFit fit;
    if (!complaint.severity.empty() && !listed(policy.severities, complaint.severity))
        fit.errors.push_back(
            data_error(complaint.path, complaint.severity_line, complaint.severity_column,
                       fmt::format("severity '{}' is not in policy {}: use one of {}",
                                   complaint.severity, policy.id, one_of(policy.severities))));
    for (const Event& event : complaint.events)
        if (event.type == event_type::resolved)
            fit_resolution(complaint, event, policy, fit.errors);
    if (!complaint.channel.empty() && !policy.usual_channel(complaint.channel))
        fit.warnings.push_back(
            data_error(complaint.path, complaint.channel_line, complaint.channel_column,
                       fmt::format("'{}' is not one of the usual channels of policy {} ({})",
                                   complaint.channel, policy.id, one_of(policy.channels))));
    return fit;
}

std::vector<Error> added_findings(const std::vector<Error>& before,
                                  const std::vector<Error>& after) {
    std::vector<std::string> known;
    for (const Error& old : before)
        known.push_back(old.message);
    std::vector<Error> added;
    for (const Error& found : after) {
        auto seen = std::find(known.begin(), known.end(), found.message);
        if (seen == known.end())
            added.push_back(found);
        else
            known.erase(seen); // each finding before excuses one after
    }
    return added;
}

} // namespace complaints
