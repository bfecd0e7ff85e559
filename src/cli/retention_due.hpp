#pragma once
/// The complaints whose personal data is past the policy's retention period, or soon will be:
/// shared by `retention`, `anonymise --expired` and `remind`.

#include "cli/context.hpp"
#include "complaints/retention.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

/// One complaint's retention, copied out of its reading. Holds no personal value.
struct RetentionItem {
    std::string id;
    std::string status;  ///< "resolved", "closed", ...
    Retention retention; ///< the policy's setting
    RetentionDue due;    ///< when it ends
    std::string policy;  ///< "eyfs 2026-11-23"
    const date::time_zone* zone = nullptr;
};

/// Every complaint that still holds personal data and whose retention period has ended, or
/// ends within `within` of now, soonest first. Files that fail to load go to `problems`.
Result<std::vector<RetentionItem>> collect_retention(Session& session, const Period& within,
                                                     std::vector<Error>& problems);

/// Adds `reading` to `items` when it still holds personal data and its retention period has
/// ended, or ends within `within` of now.
void gather_retention(Session& session, const Reading& reading, const Period& within,
                      std::vector<RetentionItem>& items);
/// `items` soonest first; those ending at the same moment stay in register order.
void sort_retention(std::vector<RetentionItem>& items);

/// The items of `items` whose period has ended.
std::vector<RetentionItem> expired_only(const std::vector<RetentionItem>& items);

/// "retention ended 2026-03-10 (36 months after it was closed on 2023-03-10)", or "ends" when
/// it has not yet.
std::string retention_words(const RetentionItem& item);

} // namespace complaints::cli
