#include "cli/record.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ResolveOptions {
    EventFlags event;
    std::string outcome;
    std::vector<std::string> remedies;
};

void bind(CLI::App* command, ResolveOptions& options) {
    command->add_option("--outcome", options.outcome, "What was found and told to the complainant")
        ->required();
    command
        ->add_option("--remedy", options.remedies, "Remedy category from the policy (repeatable)")
        ->allow_extra_args(false);
}

Status check_remedies(Session& session, const ResolveOptions& options) {
    auto reading = session.read(options.event.id);
    if (!reading) return reading.error();
    const auto& allowed = reading->policy->remedies;
    for (const std::string& remedy : options.remedies)
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), remedy) == allowed.end())
            return usage_error(fmt::format("--remedy '{}' is not in policy {}: use one of {}",
                                           remedy, reading->policy->id, fmt::join(allowed, ", ")));
    return done();
}

Result<Event> make(Session& session, const ResolveOptions& options) {
    if (auto checked = check_remedies(session, options); !checked) return checked.error();
    Event event;
    event.type = event_type::resolved;
    event.outcome = options.outcome;
    event.remedies = options.remedies;
    return event;
}

} // namespace

void add_resolve_command(CommandTable& table) {
    add_event_command<ResolveOptions>(
        table, "resolve", "Record the outcome sent to the complainant",
        "complaints resolve k7m2 --outcome \"Apologised; door alarm fitted\" \\\n"
        "      --remedy apology-or-explanation --remedy corrective-action --by sarah",
        bind, make);
}

} // namespace complaints::cli
