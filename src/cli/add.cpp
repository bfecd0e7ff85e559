#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/interview.hpp"
#include "cli/present.hpp"
#include "complaints/bank_holiday_years.hpp"

#include "complaints/ids.hpp"
#include "complaints/procedure.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <random>
#include <unistd.h>

namespace complaints::cli {

namespace {

struct AddOptions {
    std::string name, contact, channel, summary, details, occurred;
    std::vector<std::string> people, evidence;
    std::string severity, category, handler, received, known;
};

/// The intake fields a policy may require, with the flag that sets each.
std::string* field(AddOptions& options, std::string_view name) {
    if (name == "name") return &options.name;
    if (name == "contact") return &options.contact;
    if (name == "channel") return &options.channel;
    if (name == "summary") return &options.summary;
    if (name == "details") return &options.details;
    if (name == "occurred") return &options.occurred;
    if (name == "severity") return &options.severity;
    if (name == "category") return &options.category;
    if (name == "handler") return &options.handler;
    return nullptr;
}

/// Whether a person is at the keyboard: only then does `add` ask anything.
bool at_a_terminal() {
    return isatty(STDIN_FILENO) != 0;
}

/// Asks for missing required fields (when some fields were given as flags).
void prompt_for_missing(AddOptions& options, const Policy& policy) {
    for (const std::string& name : policy.required_fields) {
        std::string* value = field(options, name);
        if (!value || !value->empty()) continue;
        fmt::print(stderr, "{}: ", name);
        std::getline(std::cin, *value);
    }
}

/// Why an answer to the interview is not a valid value of `name`, checked as its flag is.
std::optional<std::string> invalid_answer(const std::string& name, const std::string& answer,
                                          const Policy& policy, const date::time_zone* zone,
                                          Instant now) {
    if (name == "received") {
        auto moment = parse_moment(answer, zone);
        if (!moment) return moment.error().message;
        if (*moment > now) return std::string("that is in the future");
        if (!bank_holidays_known(local_day(*moment, zone)))
            return before_bank_holidays(local_day(*moment, zone));
    }
    if (name == "known")
        if (auto day = parse_day(answer); !day) return day.error().message;
    const auto& severities = policy.severities;
    if (name == "severity" && !severities.empty() &&
        std::find(severities.begin(), severities.end(), answer) == severities.end())
        return fmt::format("use one of {}", fmt::join(severities, ", "));
    return {};
}

std::vector<std::string> split_at_semicolons(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    }
    return items;
}

/// Every intake field asked in order; false when the person cancelled (Ctrl-D).
bool interview(AddOptions& options, const Policy& policy, const date::time_zone* zone,
               Instant now) {
    fmt::print(stderr,
               "New complaint under policy {} (Ctrl-D to cancel; nothing is saved "
               "until you say so).\n",
               policy.id);
    std::fflush(stderr);
    auto answers = ask_intake(std::cin, std::cerr, intake_questions(policy),
                              [&](const std::string& name, const std::string& answer) {
                                  return invalid_answer(name, answer, policy, zone, now);
                              });
    if (!answers) return false;
    for (auto& [name, answer] : *answers) {
        if (answer.empty()) continue; // a flag given with the command stays
        if (name == "received") options.received = answer;
        if (name == "known") options.known = answer;
        if (name == "person") options.people = split_at_semicolons(answer);
        if (name == "evidence") options.evidence = split_at_semicolons(answer);
        if (std::string* value = field(options, name)) *value = answer;
    }
    return true;
}

/// The record as it will be saved and its first staff deadline, then "Save it?".
bool confirmed(const Complaint& complaint, const Policy& policy, const WorkingCalendar& calendar,
               Instant now) {
    const date::time_zone* zone = calendar.zone();
    std::string shown =
        fmt::format("\n  {:<10} {}\n", "received", format_moment(complaint.received, zone));
    for (std::string_view key :
         {"name", "contact", "channel", "summary", "details", "severity", "category", "handler"})
        if (const std::string* value = intake_text(complaint, key); value && !value->empty())
            shown += fmt::format("  {:<10} {}\n", key, terminal_safe(*value));
    if (auto words = occurred_words(complaint); !words.empty())
        shown += fmt::format("  {:<10} {}\n", "occurred", terminal_safe(words));
    for (const std::string& person : complaint.people)
        shown += fmt::format("  {:<10} {}\n", "person", terminal_safe(person));
    for (const std::string& item : complaint.evidence)
        shown += fmt::format("  {:<10} {}\n", "evidence", terminal_safe(item));
    auto state = derive_state(complaint, policy, calendar, now);
    const Deadline* first = state ? next_staff_deadline(*state) : nullptr;
    if (first)
        shown += fmt::format("First deadline: {} ({}), due {}\n", first->milestone->title,
                             deadline_name(*first), due_in_words(first->due, zone));
    fmt::print(stderr, "{}", shown);
    std::fflush(stderr);
    return confirm(std::cin, std::cerr, "Save this complaint?");
}

Status check_choice(const std::string& value, const std::vector<std::string>& allowed,
                    std::string_view flag, const Policy& policy) {
    if (value.empty() || allowed.empty()) return done();
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return done();
    return usage_error(fmt::format("{} '{}' is not in policy {}: use one of {}", flag, value,
                                   policy.id, fmt::join(allowed, ", ")));
}

/// Whether anything at all was given: a complaint with no intake field has nothing to record.
bool says_anything(AddOptions& options) {
    for (std::string_view name : {"name", "contact", "channel", "summary", "details", "occurred"})
        if (!field(options, name)->empty()) return true;
    return !options.people.empty() || !options.evidence.empty();
}

/// The channel as the policy names it (an alias's channel); any other channel is recorded as
/// given, with a warning: a complaint is never turned away for how it arrived.
void settle_channel(AddOptions& options, const Policy& policy) {
    if (options.channel.empty()) return;
    options.channel = policy.channel_for(options.channel);
    if (policy.usual_channel(options.channel)) return;
    warn(fmt::format("'{}' is not one of the usual channels of policy {} ({}); recorded as given",
                     terminal_safe(options.channel), policy.id, fmt::join(policy.channels, ", ")));
}

Status check_intake(AddOptions& options, const Policy& policy) {
    if (!says_anything(options))
        return usage_error("nothing to record: give at least --summary or --details");
    settle_channel(options, policy);
    return check_choice(options.severity, policy.severities, "--severity", policy);
}

/// What the policy asks for and the complaint lacks: recorded all the same, and shown as tasks
/// until `complaints amend` fills them.
void warn_of_gaps(const Complaint& complaint, const Policy& policy) {
    for (const std::string& gap : intake_gaps(complaint, policy))
        warn(fmt::format("{}: {} (policy {} asks for it; add it with 'complaints amend {} "
                         "--{}')",
                         complaint.id, gap_words(gap), policy.id, complaint.id,
                         gap == "people" ? "person" : gap));
}

Complaint intake(const AddOptions& options, const Policy& policy, Instant received) {
    Complaint complaint;
    complaint.policy = policy.id;
    complaint.policy_version = policy.version;
    complaint.received = received;
    complaint.channel = options.channel;
    complaint.name = options.name;
    complaint.contact = options.contact;
    complaint.summary = options.summary;
    complaint.details = options.details;
    complaint.occurred = options.occurred;
    complaint.people = options.people;
    complaint.evidence = options.evidence;
    complaint.severity = options.severity;
    complaint.category = options.category;
    complaint.handler = options.handler;
    return complaint;
}

/// --occurred written as a day or a range of days ("2026-01-05", "2026-01-01..2026-01-31")
/// becomes dates that time limits count from; other words stay as given. --known is a day.
Status set_matter_dates(const AddOptions& options, Complaint& complaint) {
    if (auto range = parse_day_range(options.occurred)) {
        complaint.occurred.clear();
        complaint.occurred_on = range->from;
        if (range->until != range->from) complaint.occurred_until = range->until;
    }
    if (options.known.empty()) return done();
    auto day = parse_day(options.known);
    if (!day) return usage_error(fmt::format("--known: {}", day.error().message));
    complaint.known_on = *day;
    return done();
}

/// A fresh ID: day of receipt plus randomness, never one already in the register.
std::string unused_id(const Register& reg, date::sys_days day) {
    std::random_device random;
    std::string id;
    do {
        id = make_complaint_id(day, [&] { return random(); });
    } while (reg.exists(id));
    return id;
}

/// Fills `options` from the person at the keyboard: everything when no flag said anything,
/// else the fields the policy requires that are missing. False when they cancelled.
bool ask_at_terminal(AddOptions& options, const Policy& policy, const date::time_zone* zone,
                     Instant now, bool& interviewed) {
    interviewed = false;
    if (!at_a_terminal()) return true;
    if (says_anything(options)) {
        prompt_for_missing(options, policy);
        return true;
    }
    interviewed = true;
    return interview(options, policy, zone, now);
}

Status run_add(AddOptions options, Session& session) {
    auto policy = session.default_policy();
    if (!policy) return policy.error();
    auto calendar = session.calendar(**policy);
    if (!calendar) return calendar.error();
    const date::time_zone* zone = (*calendar)->zone();
    auto now = session.now(zone);
    if (!now) return now.error();
    bool interviewed = false;
    if (!ask_at_terminal(options, **policy, zone, *now, interviewed)) {
        warn("cancelled: nothing was written");
        return done();
    }
    auto received = options.received.empty() ? Result<Instant>(*now)
                                             : session.moment(options.received, "--received", zone);
    if (!received) return received.error();
    if (*received > *now) return usage_error("--received is in the future");
    if (!bank_holidays_known(local_day(*received, zone)))
        return usage_error("--received " + before_bank_holidays(local_day(*received, zone)));
    if (auto checked = check_intake(options, **policy); !checked) return checked;
    Complaint complaint = intake(options, **policy, *received);
    if (auto dated = set_matter_dates(options, complaint); !dated) return dated;
    if (interviewed && !confirmed(complaint, **policy, **calendar, *now)) {
        warn("cancelled: nothing was written");
        return done();
    }
    auto reg = session.open_register();
    if (!reg) return reg.error();
    // The ID encodes the day of receipt as staff know it: the policy's local day, not UTC's.
    const Day day = local_day(*received, zone);
    complaint.id = unused_id(**reg, date::sys_days{day.time_since_epoch()});
    if (auto created = (*reg)->create(complaint, zone); !created) return created;
    print_out(complaint.id + "\n");
    session.say_recorded_as_of(zone);
    warn_of_gaps(complaint, **policy);
    // Out of time is for the organisation to judge: the complaint is recorded, with a warning.
    if (auto late = time_limit_warning(complaint, **policy, **calendar))
        warn(fmt::format("{}: {}", complaint.id, *late));
    return done();
}

void bind_intake_flags(CommandTable& table, CLI::App* command, AddOptions& options) {
    command->add_option("--name", options.name, "Complainant's name");
    command->add_option("--contact", options.contact, "How to reach them (email, phone, address)");
    command->add_option("--channel", options.channel, "How it arrived (e.g. email, in-person)");
    command->add_option("--summary", options.summary, "One-line summary");
    command->add_option("--details", options.details, "The complaint in full");
    command->add_option("--occurred", options.occurred,
                        "When the matter happened: a date (2026-01-05), a range "
                        "(2026-01-01..2026-01-31), or words as given");
    command->add_option("--known", options.known,
                        "When the complainant became aware of the matter, YYYY-MM-DD");
    command->add_option("--person", options.people, "Someone involved (repeatable)")
        ->allow_extra_args(false);
    value_is(
        table,
        command
            ->add_option("--evidence", options.evidence, "Path to supporting evidence (repeatable)")
            ->allow_extra_args(false),
        ValueKind::file);
    command->add_option("--severity", options.severity, "Severity, from the policy's list");
    command->add_option("--category", options.category, "Category, e.g. staff, safeguarding");
    command->add_option("--handler", options.handler, "Who handles it");
    command->add_option("--received", options.received,
                        "When it was received (default: now), e.g. 2026-03-27T10:00");
}

} // namespace

void add_add_command(CommandTable& table) {
    auto options = std::make_shared<AddOptions>();
    CLI::App* command = add_command(
        table, "add", "Record a new complaint; prints its ID",
        "complaints add --name \"Jo Bloggs\" --contact jo@example.org --channel email \\\n"
        "      --summary \"Door left open\" --severity serious --received 2026-03-27T10:00");
    bind_intake_flags(table, command, *options);
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_add(*options, session); };
    });
}

} // namespace complaints::cli
