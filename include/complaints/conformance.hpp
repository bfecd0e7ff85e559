#pragma once
/// Whether what a complaint file records fits the policy it is pinned to: the values that
/// `add` and `resolve` take only from the policy's lists. `check` reports them and `edit`
/// refuses to save a file that adds one (docs/FORMAT.md "Editing by hand").

#include "complaints/complaint.hpp"
#include "complaints/policy.hpp"

#include <vector>

namespace complaints {

/// Values outside the policy, each at its line: errors where the commands refuse the value
/// (a severity, a finding or a remedy the policy does not list), warnings where they record it
/// as given (a channel that is not one of the usual ones: `check` is quiet about it, `edit`
/// refuses to add one, since only `amend` reads a channel through the policy's aliases).
struct PolicyFit {
    std::vector<Error> errors;
    std::vector<Error> warnings;
};

/// What in `complaint` falls outside `policy`'s lists. An empty list in the policy allows any
/// value.
PolicyFit fit_to_policy(const Complaint& complaint, const Policy& policy);

/// The findings of `after` that `before` did not have (compared by message, wherever they
/// are): what an edit would add.
std::vector<Error> added_findings(const std::vector<Error>& before,
                                  const std::vector<Error>& after);

} // namespace complaints
