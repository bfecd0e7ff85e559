#pragma once
/// What the unit tests share: temporary folders, files read whole, days and moments written as
/// text, the London zone and working calendar, the shipped policies, errors shown as
/// "LINE:COL: message", and a check of the tables that name enums.

#include "complaints/calendar.hpp"
#include "complaints/complaint.hpp"
#include "complaints/names.hpp"
#include "complaints/policy.hpp"
#include "complaints/result.hpp"
#include "complaints/time.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace complaints::support {

/// A fresh folder under the system temp folder, removed with everything in it (even what a
/// test made read-only).
class TempFolder {
  public:
    TempFolder() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "complaints-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ignored);
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// Names of the files in the folder, sorted.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : std::filesystem::directory_iterator(path_))
            out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

  private:
    std::filesystem::path path_;
};

/// The whole file at `path`, byte for byte; a test fails when it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A policy shipped in examples/policies, e.g. "big-bums"; a test fails when it does not read.
inline Policy shipped_policy(const char* name) {
    const std::string path = std::string(EXAMPLES_DIR "/policies/") + name + ".toml";
    Result<Policy> policy = parse_policy(read_text(path), path);
    REQUIRE_MESSAGE(policy.ok(), (policy.ok() ? "" : policy.error().to_string()));
    return policy.value();
}

/// "2026-04-03" as a day.
inline Day day(const char* text) {
    return parse_day(text).value();
}

/// Europe/London.
inline const date::time_zone* london() {
    return find_zone("Europe/London").value();
}

/// The default working calendar: Europe/London, Monday to Friday, England and Wales.
inline const WorkingCalendar& london_calendar() {
    static const WorkingCalendar calendar = WorkingCalendar::make(CalendarSpec{}).value();
    return calendar;
}

/// A moment as a person in London types it, e.g. "2026-03-27T10:00".
inline Instant at(const char* text) {
    return parse_moment(text, london()).value();
}

/// A moment given in UTC.
inline Instant utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return date::sys_days{date::year{y} / m / d} + std::chrono::hours{hh} +
           std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

/// "LINE:COL: message": an error without its file.
inline std::string located(const Error& error) {
    return std::to_string(error.line) + ":" + std::to_string(error.column) + ": " + error.message;
}

/// Checks that `table` names exactly the enumerators `every`, each once, and that no two
/// share a name.
template <class Enum, std::size_t N>
void check_names(const NameTable<Enum, N>& table, const std::vector<Enum>& every) {
    CHECK(table.size() == every.size());
    std::set<std::string_view> names;
    for (const Named<Enum>& entry : table) {
        CHECK_MESSAGE(names.insert(entry.name).second, "named twice: " << entry.name);
        CHECK(value_named(table, entry.name) == entry.value);
    }
    for (std::size_t i = 0; i < every.size(); ++i)
        CHECK_MESSAGE(!name_of(table, every[i]).empty(), "no name for enumerator #" << i);
}

/// A complaint with every intake field and events of many kinds, holding `words` in its texts.
inline Complaint every_field(const std::string& words) {
    Complaint c;
    c.id = "k7m2abcd";
    c.policy = "big-bums";
    c.policy_version = "2026-01";
    c.received = at("2026-03-27T10:00:00+00:00");
    c.channel = "email";
    c.name = "Émile \"Ed\" O'Brien " + words;
    c.contact = "ed@example.org";
    c.summary = words;
    c.details = "line one\nline two\ttabbed\\ " + words;
    c.occurred = "last Tuesday";
    c.occurred_on = parse_day("2026-03-20").value();
    c.occurred_until = parse_day("2026-03-21").value();
    c.known_on = parse_day("2026-03-22").value();
    c.people = {"Sarah", words, ""};
    c.evidence = {"photo.jpg"};
    c.severity = "serious";
    c.category = "staff";
    c.handler = "sarah";
    Event ack;
    ack.at = at("2026-03-28T09:15:00+00:00");
    ack.type = "acknowledged";
    ack.by = "sarah";
    Event escalated;
    escalated.at = at("2026-07-01T12:00:00+01:00");
    escalated.type = "escalated";
    escalated.stage = "stage-2";
    escalated.from = "stage-1";
    escalated.requested = at("2026-06-30T23:30:00+01:00");
    escalated.text = words;
    Event extended;
    extended.at = at("2026-04-01T08:00:00+01:00");
    extended.type = "extended";
    extended.milestone = "response";
    extended.until = parse_day("2026-05-01").value();
    extended.extend_by = parse_period("10 working days").value();
    extended.reason = "waiting";
    extended.good_reason = words;
    Event resolved;
    resolved.at = at("2026-08-01T10:00:00+01:00");
    resolved.type = "resolved";
    resolved.outcome = words;
    resolved.finding = "upheld";
    resolved.remedies = {"apology", words};
    resolved.handler = "tom";
    resolved.body = "Ofsted";
    c.events = {ack, extended, escalated, resolved};
    return c;
}

/// Texts that stress the string escapes: every ASCII control, quotes, backslashes, characters
/// of two, three and four bytes, C1 controls and the last code points of each plane.
inline std::vector<std::string> hostile_texts() {
    std::string controls;
    for (char c = 1; c < 0x20; ++c)
        controls += c;
    return {"",
            controls + "\x7f",
            "\"quoted\" \\back\\slash\\ \\u0041 \\n",
            "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xE4\xB8\xAD",
            "\xC2\x80\xC2\x9F C1 controls",
            "\xEF\xBF\xBF \xF4\x8F\xBF\xBF \xEF\xBB\xBF",
            "# not a comment, ] not an end, { not a table }, = not a key",
            "  { at = 2026-01-01T00:00:00Z, type = \"note\" },"};
}

} // namespace complaints::support
