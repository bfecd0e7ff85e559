// Policies as a model: anchors, stages, people and routes, and the policy's own review date.
// Reading a policy file is policy_reader.cpp's job.

#include "complaints/policy.hpp"

#include "complaints/complaint.hpp"
#include "complaints/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

bool lists(const std::vector<std::string>& list, std::string_view name) {
    return !name.empty() && std::find(list.begin(), list.end(), name) != list.end();
}

const std::string* route_for(const std::vector<Route>& routes, std::string_view value) {
    if (value.empty()) return nullptr;
    for (const Route& route : routes)
        if (route.value == value) return &route.handler;
    return nullptr;
}

/// `text` without spaces, tabs or a carriage return at either end.
std::string folded_value(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r") - first + 1));
}

} // namespace

bool Person::answers_to(std::string_view text) const {
    const std::string wanted = folded(text);
    if (wanted.empty()) return false;
    return wanted == folded(role) || wanted == folded(title) || wanted == folded(name);
}

std::optional<Anchor> parse_anchor(std::string_view text) {
    return value_named(anchor_names, text);
}

std::string anchor_name(Anchor anchor) {
    if (anchor == Anchor::event) return "event";
    return std::string(name_of(anchor_names, anchor));
}

std::string anchor_name(const Milestone& milestone) {
    return milestone.from == Anchor::event ? milestone.from_event : anchor_name(milestone.from);
}

bool is_met_by(const Milestone& milestone, std::string_view type) {
    if (milestone.met_by == type) return true;
    const auto& more = milestone.also_met_by;
    return std::find(more.begin(), more.end(), type) != more.end();
}

std::string met_by_words(const Milestone& milestone) {
    std::string out = milestone.met_by;
    for (const std::string& type : milestone.also_met_by)
        out += " or " + type;
    return out;
}

const Stage* Policy::find_stage(std::string_view stage_id) const {
    int index = stage_index(stage_id);
    return index < 0 ? nullptr : &stages[static_cast<std::size_t>(index)];
}

int Policy::stage_index(std::string_view stage_id) const {
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (stages[i].id == stage_id) return static_cast<int>(i);
    }
    return -1;
}

const Stage& Policy::first_stage_for(std::string_view severity, std::string_view category) const {
    static const Stage no_stage;
    for (const Stage& stage : stages)
        if (lists(stage.start_if_severity, severity) || lists(stage.start_if_category, category))
            return stage;
    return stages.empty() ? no_stage : stages.front();
}

const std::vector<std::string>& event_type_names() {
    return all_event_types();
}

std::string adopted_policy_text(std::string_view policy_text, Day adopted) {
    for (std::size_t start = 0; start < policy_text.size();) {
        std::size_t end = policy_text.find('\n', start);
        if (end == std::string_view::npos) end = policy_text.size();
        const std::string_view line = policy_text.substr(start, end - start);
        if (line.substr(0, line.find_first_of(" =")) == "last_reviewed") {
            const std::string was = folded_value(line.substr(line.find('=') + 1));
            std::string out(policy_text.substr(0, start));
            out +=
                fmt::format("# Set by `complaints init`: the register adopted this policy on {}, "
                            "so its review cycle starts then (it was last_reviewed = {}).\n",
                            format_day(adopted), was);
            out += "last_reviewed = " + format_day(adopted);
            out += policy_text.substr(end);
            return out;
        }
        start = end + 1;
    }
    return std::string(policy_text);
}

std::optional<Day> review_due(const Policy& policy) {
    if (!policy.last_reviewed || !policy.review_every) return std::nullopt;
    CalendarSpec spec = policy.calendar;
    spec.zone_name = "UTC"; // a review date is a day; the zone does not matter
    auto calendar = WorkingCalendar::make(spec);
    if (!calendar) return std::nullopt;
    Instant start = start_of_day(*policy.last_reviewed, calendar->zone());
    return due_after(start, *policy.review_every, Counting{}, *calendar).day;
}

std::optional<std::string> review_overdue(const Policy& policy, Day today) {
    auto due = review_due(policy);
    if (!due || today <= *due) return std::nullopt;
    return fmt::format("policy {} {} is overdue for review: last reviewed {}, to be reviewed "
                       "every {}, so due by {}",
                       policy.id, policy.version, format_day(*policy.last_reviewed),
                       describe(*policy.review_every), format_day(*due));
}

std::vector<std::string> review_warnings(const std::vector<Policy>& policies, Day today) {
    std::vector<std::string> out;
    for (const Policy& policy : policies) {
        bool newer = std::any_of(policies.begin(), policies.end(), [&](const Policy& other) {
            return other.id == policy.id && other.version > policy.version;
        });
        if (newer) continue;
        if (auto warning = review_overdue(policy, today)) out.push_back(*warning);
    }
    return out;
}

const Person* Policy::person(std::string_view role) const {
    for (const Person& candidate : people)
        if (candidate.role == role) return &candidate;
    return nullptr;
}

const Person* Policy::person_named(std::string_view text) const {
    if (const Person* by_role = person(text)) return by_role;
    for (const Person& candidate : people)
        if (candidate.answers_to(text)) return &candidate;
    return nullptr;
}

const std::string& Policy::handler_for(const Stage& stage, std::string_view severity,
                                       std::string_view category) const {
    if (const std::string* routed = route_for(stage.handler_by_severity, severity)) return *routed;
    if (const std::string* routed = route_for(stage.handler_by_category, category)) return *routed;
    return stage.handler;
}

std::string Policy::channel_for(std::string_view typed) const {
    const std::string wanted = folded(typed);
    for (const auto& [alias, channel] : channel_aliases)
        if (folded(alias) == wanted) return channel;
    if (lists(channels, wanted)) return wanted;
    return std::string(typed);
}

bool Policy::usual_channel(std::string_view channel) const {
    return channels.empty() || lists(channels, channel);
}

} // namespace complaints
