#include "cli/present.hpp"

#include "cli/output.hpp"

#include <fmt/format.h>
#include <set>

namespace complaints::cli {

std::string due_text(const Due& due, const date::time_zone* zone) {
    return due.is_day ? format_day(due.day) : format_moment(due.moment, zone);
}

std::string deadline_name(const Deadline& deadline) {
    return deadline.stage + "/" + deadline.milestone->id;
}

long days_overdue(const Deadline& deadline, Instant now, const date::time_zone* zone) {
    if (now < deadline.due.moment) return 0;
    return (local_day(now, zone) - deadline.due.day).count();
}

namespace {

std::string json_list(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const auto& item : items)
        quoted.push_back(json_string(item));
    return fmt::format("[{}]", fmt::join(quoted, ", "));
}

std::string json_moment(const std::optional<Instant>& moment, const date::time_zone* zone) {
    return moment ? json_string(format_moment(*moment, zone)) : "null";
}

std::string event_json(const Event& event, const date::time_zone* zone) {
    std::string out = fmt::format("{{\"at\": {}, \"type\": {}, \"by\": {}",
                                  json_string(format_moment(event.at, zone)),
                                  json_string(event.type), json_string(event.by));
    auto add = [&](std::string_view key, const std::string& value) {
        if (!value.empty()) out += fmt::format(", \"{}\": {}", key, json_string(value));
    };
    add("stage", event.stage);
    add("from", event.from);
    if (event.requested)
        out += fmt::format(", \"requested\": {}", json_moment(event.requested, zone));
    add("milestone", event.milestone);
    if (event.until) add("until", format_day(*event.until));
    if (event.extend_by) add("extend_by", describe(*event.extend_by));
    add("reason", event.reason);
    add("good_reason", event.good_reason);
    add("outcome", event.outcome);
    add("finding", event.finding);
    if (!event.remedies.empty()) out += ", \"remedies\": " + json_list(event.remedies);
    add("handler", event.handler);
    add("body", event.body);
    add("text", event.text);
    return out + "}";
}

} // namespace

std::string deadline_json(const Deadline& deadline, const date::time_zone* zone) {
    return fmt::format(
        "{{\"stage\": {}, \"milestone\": {}, \"title\": {}, \"party\": {}, \"within\": {}, "
        "\"from\": {}, \"anchor_at\": {}, \"due\": {}, \"state\": {}, \"met_at\": {}, "
        "\"late\": {}, \"occurrence\": {}}}",
        json_string(deadline.stage), json_string(deadline.milestone->id),
        json_string(deadline.milestone->title),
        json_string(deadline.party == Party::staff ? "staff" : "complainant"),
        json_string(describe(deadline.milestone->period)),
        json_string(anchor_name(*deadline.milestone)),
        json_string(format_moment(deadline.anchor_at, zone)),
        json_string(due_text(deadline.due, zone)), json_string(state_name(deadline.state)),
        json_moment(deadline.met_at, zone), deadline.late ? "true" : "false",
        deadline.occurrence + 1);
}

std::string due_in_words(const Due& due, const date::time_zone* zone) {
    if (due.is_day) return day_in_words(due.day);
    const auto local = to_local(due.moment, zone);
    return fmt::format("{}, {}", day_in_words(local_day(due.moment, zone)),
                       date::format("%H:%M", local));
}

namespace {

/// "07578 991211, bigbumslittlebums@gmail.com": the ways to reach `person`, without the name.
std::string ways_to_reach(const Person& person) {
    std::vector<std::string> ways;
    for (const std::string* way : {&person.phone, &person.email, &person.address, &person.url})
        if (!way->empty()) ways.push_back(*way);
    return fmt::format("{}", fmt::join(ways, ", "));
}

std::string person_json(const Person* person) {
    if (person == nullptr) return "null";
    return fmt::format("{{\"role\": {}, \"title\": {}, \"name\": {}, \"phone\": {}, "
                       "\"email\": {}, \"address\": {}, \"url\": {}}}",
                       json_string(person->role), json_string(person->title),
                       json_string(person->name), json_string(person->phone),
                       json_string(person->email), json_string(person->address),
                       json_string(person->url));
}

std::string step_json(const NextStep& step, const date::time_zone* zone) {
    return fmt::format(
        "{{\"party\": {}, \"text\": {}, \"by\": {}, \"overdue\": {}, \"contact\": {}}}",
        json_string(name_of(party_names, step.party)), json_string(step.text),
        step.by ? json_string(due_text(*step.by, zone)) : "null", step.overdue ? "true" : "false",
        person_json(step.contact));
}

std::string idle_json(const std::optional<Idle>& idle, const date::time_zone* zone) {
    if (!idle) return "null";
    return fmt::format("{{\"last_action\": {}, \"due\": {}, \"state\": {}, \"idle_for\": {}}}",
                       json_string(format_moment(idle->last_action, zone)),
                       json_string(due_text(idle->due, zone)), json_string(state_name(idle->state)),
                       json_string(describe(idle->idle_for)));
}

} // namespace

std::string step_words(const NextStep& step, const date::time_zone* zone) {
    std::string out = step.text;
    if (step.by)
        out += (step.overdue ? ": overdue, was due by " : " by ") + due_in_words(*step.by, zone);
    if (step.contact == nullptr) return out;
    const std::string ways = ways_to_reach(*step.contact);
    if (step.contact->external) return ways.empty() ? out : out + ": " + ways;
    return out +
           fmt::format("; contact {}{}", step.contact->shown(), ways.empty() ? "" : ", " + ways);
}

std::string idle_words(const Idle& idle, const date::time_zone* zone) {
    return fmt::format("no action for {} (since {})", describe(idle.idle_for),
                       day_in_words(local_day(idle.last_action, zone)));
}

std::string complaint_json(const Reading& reading) {
    const Complaint& c = reading.complaint;
    const ComplaintState& s = reading.state;
    const date::time_zone* zone = reading.calendar->zone();
    std::vector<std::string> deadlines, events;
    for (const auto& deadline : s.deadlines)
        deadlines.push_back(deadline_json(deadline, zone));
    for (const auto& event : c.events)
        events.push_back(event_json(event, zone));
    std::vector<std::string> steps;
    for (const NextStep& step : next_steps(s, *reading.policy))
        steps.push_back(step_json(step, zone));
    return fmt::format(
        "{{\"schema\": {}, \"id\": {}, \"policy\": {}, \"policy_version\": {}, \"stage\": {}, "
        "\"stage_title\": {}, \"status\": {}, \"handler\": {}, \"handler_role\": {}, "
        "\"paused\": {}, \"received\": {}, "
        "\"channel\": {}, \"name\": {}, \"contact\": {}, \"summary\": {}, \"details\": {}, "
        "\"occurred\": {}, \"people\": {}, \"evidence\": {}, \"severity\": {}, \"category\": {}, "
        "\"gaps\": {}, \"idle\": {}, \"next_steps\": [{}], \"deadlines\": [{}], \"events\": [{}]}}",
        json_schema_version, json_string(c.id), json_string(c.policy),
        json_string(c.policy_version), json_string(s.stage), json_string(s.stage_title),
        json_string(status_name(s.status)), json_string(s.handler), json_string(s.handler_role),
        s.paused ? "true" : "false", json_string(format_moment(c.received, zone)),
        json_string(c.channel), json_string(c.name), json_string(c.contact), json_string(c.summary),
        json_string(c.details), json_string(occurred_words(c)), json_list(c.people),
        json_list(c.evidence), json_string(c.severity), json_string(c.category), json_list(s.gaps),
        idle_json(s.idle, zone), fmt::join(steps, ", "), fmt::join(deadlines, ", "),
        fmt::join(events, ", "));
}

std::vector<std::string> review_warnings_now(Session& session) {
    auto reg = session.open_register();
    auto policy = session.default_policy();
    if (!reg || !policy) return {};
    auto policies = (*reg)->policies();
    auto calendar = session.calendar(**policy);
    if (!policies || !calendar) return {};
    auto now = session.now((*calendar)->zone());
    if (!now) return {};
    return review_warnings(*policies, local_day(*now, (*calendar)->zone()));
}

void report_problems(const std::vector<Error>& problems) {
    std::set<std::string> reported; // a broken policy is the same problem for every complaint
    for (const Error& problem : problems)
        if (reported.insert(problem.to_string()).second)
            fmt::print(stderr, "complaints: error: {}\n", terminal_safe(problem.to_string()));
}

} // namespace complaints::cli
