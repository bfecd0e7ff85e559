#pragma once
/// Reading back what `complaints export --format json` wrote (docs/OUTPUT.md), for
/// `complaints import --format json`: each complaint's ID, intake facts and events.

#include "complaints/complaint.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// One complaint of an export: the facts to write again, and the handler the export showed
/// (worked out, not recorded), from which the recorded intake handler is restored.
struct ExportedComplaint {
    Complaint complaint;
    std::string shown_handler;
    std::string shown_handler_role;
};

/// The complaints of an export's text, in its order. Fails on text that is not JSON (at
/// `path:line:col`), on an export of events or a redacted one (their facts are not all
/// there), and on a complaint whose fields do not read ("path: complaint 2 (ID): ...").
Result<std::vector<ExportedComplaint>> parse_export_json(std::string_view text,
                                                         std::string_view path);

/// `occurred_words` read back: free words, a day or a range of days, "became known DAY".
void set_occurred_from_words(Complaint& complaint, std::string_view words);

} // namespace complaints::cli
