#include "cli/filters.hpp"

#include "cli/walk.hpp"

#include "complaints/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

/// Adds `name` to `names` unless it is empty or there already (ignoring case).
void add_name(std::vector<std::string>& names, std::string_view name) {
    if (folded(name).empty()) return;
    const bool listed = std::any_of(names.begin(), names.end(), [&](const std::string& known) {
        return matches_filter(known, name);
    });
    if (!listed) names.emplace_back(name);
}

} // namespace

bool matches_filter(std::string_view value, std::string_view wanted) {
    return wanted.empty() || folded(value) == folded(wanted);
}

bool contains_text(std::string_view text, std::string_view wanted) {
    const std::string needle = folded(wanted);
    return needle.empty() || folded(text).find(needle) != std::string::npos;
}

void KnownNames::add(const Policy& policy) {
    for (const Stage& stage : policy.stages) {
        add_name(stages, stage.id);
        if (!policy.person(stage.handler)) add_name(handlers, stage.handler); // words, no role
    }
    for (const Person& person : policy.people) {
        if (person.external) continue; // a route for the complainant, never a handler
        add_name(handlers, person.role);
        add_name(handlers, person.title);
        add_name(handlers, person.name);
    }
    for (const std::string& category : policy.categories)
        add_name(categories, category);
}

void KnownNames::add(const Reading& reading) {
    add_name(stages, reading.state.stage);
    add_name(handlers, reading.state.handler);
    add_name(categories, reading.complaint.category);
}

Status known_filter_value(const FilterValue& filter) {
    if (folded(filter.value).empty()) return done();
    for (const std::string& name : filter.known)
        if (matches_filter(name, filter.value)) return done();
    if (filter.known.empty())
        return usage_error(fmt::format("{}: no {} is '{}': the register knows none yet",
                                       filter.flag, filter.what, filter.value));
    const auto closest = closest_spellings(folded(filter.value), filter.known, 3);
    const std::string what(filter.what);
    const std::string whats = what.ends_with('y') ? what.substr(0, what.size() - 1) + "ies"
                                                  : what + "s"; // category: categories
    return usage_error(fmt::format("{}: no {} is '{}'; known {} include: {}", filter.flag, what,
                                   filter.value, whats, fmt::join(closest, ", ")));
}

Result<KnownNames> register_names(Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    KnownNames names;
    auto policies = (*reg)->policies();
    if (policies)
        for (const Policy& policy : *policies)
            names.add(policy);
    std::vector<Error> unread; // reported by the command's own walk
    Status walked = for_each_reading(session, unread, [&](const Reading& r) { names.add(r); });
    if (!walked) return walked.error();
    return names;
}

Status check_filter_values(Session& session, std::string_view stage, std::string_view handler,
                           std::string_view category) {
    if (folded(stage).empty() && folded(handler).empty() && folded(category).empty()) return done();
    auto names = register_names(session);
    if (!names) return names.error();
    for (const FilterValue& filter :
         {FilterValue{"--stage", "stage", stage, names->stages},
          FilterValue{"--handler", "handler", handler, names->handlers},
          FilterValue{"--category", "category", category, names->categories}})
        if (Status known = known_filter_value(filter); !known) return known;
    return done();
}

std::string nothing_matches(bool nothing_shown, bool stdout_is_terminal) {
    return nothing_shown && stdout_is_terminal ? "No complaints match\n" : "";
}

void say_if_nothing_matches(bool nothing_shown) {
    std::fputs(nothing_matches(nothing_shown, isatty(fileno(stdout)) != 0).c_str(), stderr);
}

} // namespace complaints::cli
