// complaints-synth: makes a synthetic register of N complaints for benchmarks and scale tests
// (docs/PERFORMANCE.md). Deterministic from --seed. Both seed policies (big-bums, twinkles)
// sit in one register; complaints are spread over the three years before --as-of, older ones
// mostly answered, newer ones open, with notes, meetings, updates, pauses, new handlers,
// escalations, withdrawals and closures, and free text of mixed length.
// Files are written directly in the documented format by the register's own writer
// (write_complaint), without fsync: a benchmark fixture, not a register anyone keeps.
//
//   complaints-synth --count 10000 --seed 1 --as-of 2026-11-30 --policies DIR OUT

#include "complaints/complaint.hpp"
#include "complaints/ids.hpp"
#include "complaints/policy.hpp"
#include "complaints/store.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <unistd.h>

namespace complaints {
namespace {

/// Fixed-width draws from a 64-bit generator, the same on every machine and library (the
/// standard distributions are not).
class Draw {
  public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    std::uint32_t bits() { return static_cast<std::uint32_t>(engine_() >> 32); }
    int below(int n) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class List> const auto& pick(const List& list) {
        return list[static_cast<std::size_t>(below(static_cast<int>(list.size())))];
    }

  private:
    std::mt19937_64 engine_;
};

constexpr std::array first_names{"Morgan", "Priya", "Aled",   "Siobhan", "Tomasz", "Ngozi",
                                 "Fiona",  "Jamal", "Eilidh", "Oliver",  "Mei",    "Callum",
                                 "Zainab", "Rhys",  "Hannah", "Dmitri",  "Amara",  "Seren"};
constexpr std::array last_names{"Lee",    "Patel",   "Jones",  "O'Neill", "Nowak",  "Okafor",
                                "Murray", "Hussain", "Fraser", "Smith",   "Chen",   "MacLeod",
                                "Begum",  "Evans",   "Wright", "Ivanov",  "Mensah", "Price"};
constexpr std::array summaries{"Charged for sessions that were cancelled",
                               "Snack given despite allergy notice",
                               "Staff member spoke rudely at pick-up",
                               "Parking at the hall blocked our drive",
                               "Child left without supervision for several minutes",
                               "Refund promised but never paid",
                               "Session started forty minutes late",
                               "Booking system took payment twice",
                               "Not told about a change of venue",
                               "Accessible entrance was locked"};
constexpr std::array categories{"fees",    "safety",        "staff-conduct", "premises",
                                "booking", "communication", "accessibility"};
constexpr std::array handlers{"Sarah Robb", "Activities lead", "Sarah Hall", "Board of Directors"};
constexpr std::array words{
    "the",    "session", "on",      "Tuesday", "my",    "daughter", "was",   "told", "that",
    "staff",  "would",   "call",    "back",    "but",   "nobody",   "did",   "and",  "we",
    "waited", "outside", "for",     "over",    "an",    "hour",     "which", "is",   "not",
    "what",   "the",     "leaflet", "says",    "about", "arrival",  "times", "or",   "refunds"};

/// Free text of a realistic length: mostly a sentence or two, sometimes a long letter.
std::string prose(Draw& draw) {
    const int length = draw.chance(70)   ? 20 + draw.below(200)
                       : draw.chance(80) ? 300 + draw.below(900)
                                         : 1500 + draw.below(3000);
    std::string text;
    while (static_cast<int>(text.size()) < length) {
        if (!text.empty()) text += draw.chance(8) ? ".\n" : " ";
        text += draw.pick(words);
    }
    return text + ".";
}

struct Clock {
    Instant as_of;
    Instant cursor;
    /// A moment `min_hours` to `min_hours + spread_hours` after the last event, in working
    /// hours; nothing when it would be after `as_of`.
    std::optional<Instant> after(Draw& draw, int min_hours, int spread_hours) {
        auto next = cursor + std::chrono::hours{min_hours + draw.below(spread_hours + 1)} +
                    std::chrono::minutes{draw.below(60)};
        if (next > as_of) return std::nullopt;
        cursor = next;
        return next;
    }
};

Event event_at(Instant at, std::string_view type, std::string by) {
    Event event;
    event.at = at;
    event.type = std::string(type);
    event.by = std::move(by);
    return event;
}

/// An event of `type` with free text, `min_hours` or more after the last; nothing when too late.
void add_text_event(Complaint& complaint, Clock& clock, Draw& draw, std::string_view type,
                    int min_hours, int spread_hours) {
    if (auto at = clock.after(draw, min_hours, spread_hours)) {
        auto event = event_at(*at, type, complaint.handler);
        event.text = prose(draw);
        complaint.events.push_back(std::move(event));
    }
}

/// What happens on a stage before its decision: a new handler, notes, a meeting, an update
/// letter, a pause and its end.
void work_on(Complaint& complaint, Clock& clock, Draw& draw) {
    if (draw.chance(10))
        if (auto at = clock.after(draw, 2, 48)) {
            auto assigned = event_at(*at, event_type::assigned, complaint.handler);
            assigned.handler = draw.pick(handlers);
            complaint.events.push_back(std::move(assigned));
        }
    for (int notes = draw.below(4); notes > 0; --notes)
        add_text_event(complaint, clock, draw, event_type::note, 6, 120);
    if (draw.chance(10)) add_text_event(complaint, clock, draw, event_type::meeting, 24, 200);
    if (draw.chance(8)) add_text_event(complaint, clock, draw, event_type::update, 24, 200);
    if (draw.chance(6)) {
        add_text_event(complaint, clock, draw, event_type::paused, 24, 100);
        add_text_event(complaint, clock, draw, event_type::resumed, 48, 300);
    }
}

/// Staff words on a stage: acknowledgement, the work, a decision (or a withdrawal), and for
/// some decisions the file closed.
void work_stage(Complaint& complaint, const Policy& policy, Clock& clock, Draw& draw, bool first) {
    const std::string& by = complaint.handler;
    if (first && draw.chance(85))
        if (auto at = clock.after(draw, 4, 60))
            complaint.events.push_back(event_at(*at, event_type::acknowledged, by));
    work_on(complaint, clock, draw);
    if (draw.chance(3))
        return add_text_event(complaint, clock, draw, event_type::withdrawn, 24, 400);
    if (!draw.chance(80)) return;
    auto at = clock.after(draw, 24, 400);
    if (!at) return;
    auto resolved = event_at(*at, event_type::resolved, by);
    resolved.outcome = prose(draw);
    resolved.finding = draw.pick(policy.findings);
    if (!policy.remedies.empty()) resolved.remedies.push_back(draw.pick(policy.remedies));
    complaint.events.push_back(std::move(resolved));
}

Complaint make_complaint(const Policy& policy, Instant received, Instant as_of, Draw& draw,
                         std::set<std::string>& used_ids) {
    Complaint complaint;
    do {
        complaint.id =
            make_complaint_id(date::floor<date::days>(received), [&draw] { return draw.bits(); });
    } while (!used_ids.insert(complaint.id).second);
    complaint.policy = policy.id;
    complaint.policy_version = policy.version;
    complaint.received = received;
    complaint.channel = draw.pick(policy.channels);
    complaint.name = fmt::format("{} {}", draw.pick(first_names), draw.pick(last_names));
    complaint.contact = fmt::format("person{}@example.org", draw.below(1000000));
    complaint.summary = draw.pick(summaries);
    if (draw.chance(75)) complaint.details = prose(draw);
    if (!policy.severities.empty()) complaint.severity = draw.pick(policy.severities);
    complaint.category = policy.categories.empty() ? std::string(draw.pick(categories))
                                                   : draw.pick(policy.categories);
    complaint.handler = draw.pick(handlers);

    Clock clock{as_of, received};
    const Stage& start = policy.first_stage_for(complaint.severity, complaint.category);
    int stage = policy.stage_index(start.id);
    work_stage(complaint, policy, clock, draw, true);
    const auto next = static_cast<std::size_t>(stage + 1);
    const bool answered =
        !complaint.events.empty() && complaint.events.back().type == event_type::resolved;
    if (answered && next < policy.stages.size() && draw.chance(20))
        if (auto at = clock.after(draw, 48, 300)) {
            auto escalated = event_at(*at, event_type::escalated, complaint.handler);
            escalated.stage = policy.stages[next].id;
            escalated.from = policy.stages[static_cast<std::size_t>(stage)].id;
            escalated.requested = *at - std::chrono::hours{2};
            escalated.text = "The complainant asked for the next stage";
            complaint.events.push_back(std::move(escalated));
            work_stage(complaint, policy, clock, draw, false);
        }
    if (!complaint.events.empty() && complaint.events.back().type == event_type::resolved &&
        draw.chance(30))
        add_text_event(complaint, clock, draw, event_type::closed, 24, 200);
    return complaint;
}

Result<Policy> read_policy(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return usage_error(fmt::format("cannot read {}", file.string()));
    std::stringstream text;
    text << in.rdbuf();
    return parse_policy(text.str(), file.string());
}

Status write_plain(const fs::path& path, const std::string& text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return io_error(fmt::format("cannot create {}", path.string()));
    const bool whole = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!whole) return io_error(fmt::format("cannot write {}", path.string()));
    return done();
}

struct Options {
    int count = 1000;
    std::uint64_t seed = 1;
    std::string as_of = "2026-11-30";
    std::string policies;
    std::string out;
};

int generate(const Options& options) {
    std::vector<Policy> policies;
    std::vector<std::string> texts;
    for (const char* name : {"big-bums", "twinkles"}) {
        auto file = fs::path(options.policies) / (std::string(name) + ".toml");
        auto policy = read_policy(file);
        if (!policy) {
            fmt::print(stderr, "complaints-synth: {}\n", policy.error().message);
            return 2;
        }
        policies.push_back(std::move(*policy));
        texts.push_back(file.string());
    }
    std::ifstream first(texts[0]);
    std::stringstream first_text;
    first_text << first.rdbuf();
    auto reg = Register::init(options.out, first_text.str(), texts[0]);
    if (!reg) {
        fmt::print(stderr, "complaints-synth: {}\n", reg.error().message);
        return 2;
    }
    const auto second = reg->policies_dir() / "twinkles.toml";
    fs::copy_file(texts[1], second);
    fs::permissions(second, fs::perms::owner_read | fs::perms::owner_write);
    auto zone = find_zone(policies[0].calendar.zone_name);
    auto as_of = parse_moment(options.as_of + "T18:00", *zone);
    if (!as_of) {
        fmt::print(stderr, "complaints-synth: --as-of: {}\n", as_of.error().message);
        return 2;
    }
    Draw draw(options.seed);
    std::set<std::string> used_ids;
    const auto span = std::chrono::hours{24 * 365 * 3};
    for (int n = 0; n < options.count; ++n) {
        // Later complaints are as likely as earlier ones; received in office hours.
        auto received = *as_of - span + std::chrono::hours{draw.below(24 * 365 * 3)};
        received = date::floor<date::days>(received) + std::chrono::hours{8 + draw.below(10)} +
                   std::chrono::minutes{draw.below(60)};
        if (received > *as_of) received = *as_of - std::chrono::hours{1};
        const Policy& policy = policies[static_cast<std::size_t>(draw.below(2))];
        auto complaint = make_complaint(policy, received, *as_of, draw, used_ids);
        auto status =
            write_plain(reg->complaint_path(complaint.id), write_complaint(complaint, *zone));
        if (!status) {
            fmt::print(stderr, "complaints-synth: {}\n", status.error().message);
            return 3;
        }
    }
    return 0;
}

} // namespace
} // namespace complaints

int main(int argc, char** argv) {
    complaints::Options options;
    CLI::App app{"Makes a synthetic complaints register for benchmarks (docs/PERFORMANCE.md)",
                 "complaints-synth"};
    app.add_option("--count", options.count, "how many complaints")->check(CLI::Range(1, 10000000));
    app.add_option("--seed", options.seed, "the same seed gives the same register");
    app.add_option("--as-of", options.as_of, "the day the register is seen from (YYYY-MM-DD)");
    app.add_option("--policies", options.policies, "folder with big-bums.toml and twinkles.toml")
        ->required();
    app.add_option("out", options.out, "the new register's folder (must not exist)")->required();
    CLI11_PARSE(app, argc, argv);
    return complaints::generate(options);
}
