#pragma once
/// `export --complainant`: everything the register holds about one person, in JSON or as
/// text to send them (UK GDPR subject access; docs/PRIVACY.md).

#include "cli/context.hpp"

#include <string>

namespace complaints::cli {

/// Prints every complaint whose name or contact is `who` (ignoring case), with all its events,
/// as `format` "json" or "text"; names each near miss it left out on stderr, by ID and why.
Status export_subject(Session& session, const std::string& who, const std::string& format);

/// One complaint and its events in words, every value terminal-safe.
std::string subject_text(const Reading& reading);

} // namespace complaints::cli
