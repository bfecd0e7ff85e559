// The fast path for files in the written form: it reads what the writer writes, and whatever
// it accepts reads to the same complaint, at the same positions, as the general TOML reader.
#include "core/written_form.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <random>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

/// The complaint either way, with where each thing was read from; whether the fast path read it.
bool same_either_way(const std::string& text) {
    auto fast = read_written_form(text, "c.toml");
    auto general = parse_complaint_as_toml(text, "c.toml");
    if (!fast) return false;
    REQUIRE_MESSAGE(general.ok(), "the general reader refuses what the fast path read:\n" << text);
    CHECK(*fast == *general);
    CHECK(fast->path == general->path);
    CHECK(fast->policy_line == general->policy_line);
    CHECK(fast->policy_column == general->policy_column);
    CHECK(fast->version_line == general->version_line);
    CHECK(fast->version_column == general->version_column);
    CHECK(fast->severity_line == general->severity_line);
    CHECK(fast->severity_column == general->severity_column);
    CHECK(fast->channel_line == general->channel_line);
    CHECK(fast->channel_column == general->channel_column);
    REQUIRE(fast->events.size() == general->events.size());
    for (std::size_t i = 0; i < fast->events.size(); ++i) {
        CHECK(fast->events[i].line == general->events[i].line);
        CHECK(fast->events[i].column == general->events[i].column);
    }
    return true;
}

std::string written(const Complaint& complaint) {
    return write_complaint(complaint, london());
}

} // namespace

TEST_CASE("the fast path reads what the writer writes, as the general reader does") {
    for (const std::string& words : hostile_texts()) {
        CAPTURE(words);
        const std::string text = written(every_field(words));
        auto fast = read_written_form(text, "c.toml");
        REQUIRE_MESSAGE(fast.has_value(), "the written form was not read fast:\n" << text);
        same_either_way(text);
        CHECK(*fast == every_field(words));
    }
}

TEST_CASE("events appended by the store read fast, in time order") {
    Complaint c = every_field("x");
    std::string text = written(c);
    Event note;
    note.at = at("2026-03-27T11:00:00+00:00"); // earlier than events already there
    note.type = "note";
    note.text = "appended";
    text = append_event(text, note, london(), "c.toml").value();
    auto fast = read_written_form(text, "c.toml");
    REQUIRE(fast.has_value());
    same_either_way(text);
    CHECK(fast->events[0].text == "appended");
    // The new line is the last before the closing `]`, which ends the file.
    const auto lines = std::count(text.begin(), text.end(), '\n');
    CHECK(fast->events[0].line == lines - 1);
}

TEST_CASE("anything outside the written form goes the general way") {
    const std::string text = written(every_field("words"));
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string out = text;
        const auto where = out.find(from);
        REQUIRE(where != std::string::npos);
        return out.replace(where, from.size(), to);
    };
    const std::vector<std::string> others{
        replaced("category = \"staff\"", "category = \"staff\" # a comment"),
        replaced("category = \"staff\"", "category = 'staff'"),
        replaced("category = \"staff\"", "category = \"\"\"staff\"\"\""),
        replaced("category = \"staff\"", "category=\"staff\""),
        replaced("category = \"staff\"", "category = \"staff\"\ncategory = \"x\""),
        replaced("category = \"staff\"", "categroy = \"staff\""),
        replaced("category = \"staff\"", "category = \"st\\u0000aff\""),
        replaced("category = \"staff\"", "category = \"st\taff\""),
        replaced("category = \"staff\"",
                 "conflicts = [\n  { key = \"summary\", theirs = \"x\" },\n]"),
        replaced("occurred_on = 2026-03-20", "occurred_on = 2026-02-30"),
        replaced("occurred_on = 2026-03-20", "occurred_on = \"2026-03-20\""),
        replaced("received = 2026-03-27T10:00:00+00:00", "received = 2026-03-27 10:00:00Z"),
        replaced("received = 2026-03-27T10:00:00+00:00", "received = 2026-03-27T10:00:00.5Z"),
        replaced("received = 2026-03-27T10:00:00+00:00", "received = 2026-03-27T10:00:00"),
        replaced("type = \"acknowledged\", ", ""),
        replaced("type = \"acknowledged\"", "type = \"acknowledge\""),
        replaced("\n]\n", "\n  # a comment\n]\n"),
        replaced("\n]\n", "\n]\nlater = 1\n"),
        replaced("id = \"k7m2abcd\"", "id = \"K7M2ABCD\""),
        replaced("\n", "\r\n"),
        "\xEF\xBB\xBF" + text,
    };
    for (const std::string& other : others) {
        CAPTURE(other);
        CHECK_FALSE(read_written_form(other, "c.toml").has_value());
        auto general = parse_complaint_as_toml(other, "c.toml");
        auto either = parse_complaint(other, "c.toml");
        REQUIRE(general.ok() == either.ok());
        if (general.ok())
            CHECK(*general == *either);
        else
            CHECK(general.error().to_string() == either.error().to_string());
    }
}

TEST_CASE("whatever the fast path accepts of a damaged file, the general reader reads the same") {
    // Each written file damaged at random places, byte by byte: the fast path must give way
    // wherever it is not sure, and never read something differently.
    std::mt19937_64 random(20261201);
    const std::string alphabet = "\"\\ =,{}[]#\n\r\t0123456789-:TZ+.abcnrtuU_\x7f\xc3\xa9\xe2\x80";
    int read_fast = 0, damaged_files = 0;
    for (const std::string& words : hostile_texts()) {
        const std::string text = written(every_field(words));
        for (int round = 0; round < 400; ++round) {
            std::string damaged = text;
            const int changes = 1 + static_cast<int>(random() % 3);
            for (int k = 0; k < changes; ++k) {
                const auto where = random() % damaged.size();
                const char with = alphabet[random() % alphabet.size()];
                switch (random() % 3) {
                case 0:
                    damaged[where] = with;
                    break;
                case 1:
                    damaged.insert(damaged.begin() + static_cast<long>(where), with);
                    break;
                default:
                    damaged.erase(where, 1);
                }
            }
            CAPTURE(damaged);
            read_fast += same_either_way(damaged) ? 1 : 0;
            ++damaged_files;
        }
    }
    // Damage inside text leaves a file the fast path still reads (about one in seven here): the
    // comparison is made hundreds of times, not vacuously.
    CHECK(read_fast > damaged_files / 10);
}
