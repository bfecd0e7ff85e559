// `complaints amend`: fill in or correct what the complainant gave (contact details that came
// later, a name spelt wrong), changing only those intake lines and logging an `amended` event.

#include "cli/commands.hpp"
#include "cli/escape.hpp"

#include <fmt/format.h>
#include <map>

namespace complaints::cli {

namespace {

struct AmendOptions {
    std::string id;
    std::map<std::string, std::string, std::less<>> texts; ///< by intake key
    std::vector<std::string> people, evidence;             ///< added to the lists
    std::string known;                                     ///< --known: a day
    std::string at, by;
};

/// --occurred written as a day or a range of days becomes the dates time limits count from
/// (and replaces words given before); --known is a day. The other intake texts as given.
Result<Complaint> with_dates(const AmendOptions& options, Complaint complaint) {
    auto occurred = options.texts.find("occurred");
    if (occurred != options.texts.end())
        if (auto range = parse_day_range(occurred->second)) {
            complaint.occurred.clear();
            complaint.occurred_on = range->from;
            complaint.occurred_until =
                range->until != range->from ? std::optional<Day>(range->until) : std::nullopt;
        }
    if (options.known.empty()) return complaint;
    auto day = parse_day(options.known);
    if (!day) return usage_error(fmt::format("--known: {}", day.error().message));
    complaint.known_on = *day;
    return complaint;
}

/// The day fields that changed between `before` and `after`, as keys.
void add_changed_days(const Complaint& before, const Complaint& after,
                      std::vector<std::string>& keys) {
    const auto changed = [&](const std::optional<Day>& was, const std::optional<Day>& is,
                             const char* key) {
        if (was != is) keys.emplace_back(key);
    };
    changed(before.occurred_on, after.occurred_on, "occurred_on");
    changed(before.occurred_until, after.occurred_until, "occurred_until");
    changed(before.known_on, after.known_on, "known_on");
    if (before.occurred != after.occurred && after.occurred.empty()) keys.emplace_back("occurred");
}

/// The keys given, in the file's order, and `complaint` with their new values.
std::vector<std::string> apply(const AmendOptions& options, const Policy& policy,
                               Complaint& complaint) {
    std::vector<std::string> keys;
    for (std::string_view key : amendable_keys()) {
        const std::string name(key);
        if (key == "people" || key == "evidence") {
            const auto& added = key == "people" ? options.people : options.evidence;
            auto& list = key == "people" ? complaint.people : complaint.evidence;
            if (added.empty()) continue;
            list.insert(list.end(), added.begin(), added.end());
            keys.push_back(name);
            continue;
        }
        auto given = options.texts.find(key);
        if (given == options.texts.end() || given->second.empty()) continue;
        if (key == "occurred" && parse_day_range(given->second)) continue; // dates: with_dates
        std::string value = given->second;
        if (key == "channel") value = policy.channel_for(value);
        *intake_text(complaint, key) = value;
        keys.push_back(name);
    }
    return keys;
}

Status run_amend(const AmendOptions& options, Session& session) {
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    const date::time_zone* zone = reading->calendar->zone();
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto based_on = (*reg)->file_text(reading->complaint.id);
    if (!based_on) return based_on.error();
    auto current = parse_complaint(*based_on, reading->complaint.path);
    if (!current) return current.error();
    auto dated = with_dates(options, *current);
    if (!dated) return dated.error();
    Complaint amended = *dated;
    std::vector<std::string> keys = apply(options, *reading->policy, amended);
    add_changed_days(*current, amended, keys);
    if (keys.empty()) return usage_error("nothing to amend: give a field to fill in or correct");
    auto at = session.event_moment(options.at, zone);
    if (!at) return at.error();
    Event event;
    event.type = event_type::amended;
    event.at = *at;
    event.by = session.author(options.by);
    event.text = fmt::format("{}", fmt::join(keys, ", "));
    if (auto written = (*reg)->amend(amended.id, amended, keys, event, zone, *based_on, {});
        !written)
        return written;
    if (!amended.channel.empty() && !reading->policy->usual_channel(amended.channel))
        warn(fmt::format("'{}' is not one of the usual channels of policy {}; recorded as given",
                         terminal_safe(amended.channel), reading->policy->id));
    print_out(fmt::format("{}: amended {}\n", amended.id, event.text));
    session.say_recorded_as_of(zone);
    // A date that puts the complaint out of time is for the organisation to judge, as in add.
    if (auto late = time_limit_warning(amended, *reading->policy, *reading->calendar))
        warn(fmt::format("{}: {}", amended.id, *late));
    return done();
}

void bind_amend_flags(CommandTable& table, CLI::App* command, AmendOptions& options) {
    add_complaint_id(table, command, options.id);
    command->add_option("--name", options.texts["name"], "Complainant's name");
    command->add_option("--contact", options.texts["contact"],
                        "How to reach them (email, phone, address)");
    command->add_option("--channel", options.texts["channel"], "How it arrived");
    command->add_option("--summary", options.texts["summary"], "One-line summary");
    command->add_option("--details", options.texts["details"], "The complaint in full");
    command->add_option("--occurred", options.texts["occurred"],
                        "When the matter happened: a date (2026-01-05), a range "
                        "(2026-01-01..2026-01-31), or words as given");
    command->add_option("--known", options.known,
                        "When the complainant became aware of the matter, YYYY-MM-DD");
    command->add_option("--person", options.people, "Add someone involved (repeatable)")
        ->allow_extra_args(false);
    value_is(table,
             command
                 ->add_option("--evidence", options.evidence,
                              "Add a path to supporting evidence (repeatable)")
                 ->allow_extra_args(false),
             ValueKind::file);
    command->add_option("--at", options.at, "When it was given (default: now)");
    command
        ->add_option("--by", options.by,
                     "Who recorded it (default: git's user.name, the login name)")
        ->envname("COMPLAINTS_USER");
}

} // namespace

void add_amend_command(CommandTable& table) {
    auto options = std::make_shared<AmendOptions>();
    CLI::App* command =
        add_command(table, "amend",
                    "Fill in or correct what the complainant gave (name, contact, details, ...); "
                    "only those lines change and the change is logged",
                    "complaints amend k7m2 --contact \"07700 900123\" --by sarah");
    bind_amend_flags(table, command, *options);
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_amend(*options, session); };
    });
}

} // namespace complaints::cli
