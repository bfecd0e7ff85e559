// Fuzz target: the complaint file reader, the writer and the event appender.
// Any input: the reader returns a value or an error, never crashes. When it reads a complaint,
// writing that complaint and reading it back gives the same complaint, and appending an event
// to the input keeps it readable with one more event.

#include "complaints/complaint.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace complaints;

namespace {

bool same_intake(const Complaint& a, const Complaint& b, std::size_t more_events = 0) {
    return a.id == b.id && a.policy == b.policy && a.policy_version == b.policy_version &&
           a.received == b.received && a.channel == b.channel && a.name == b.name &&
           a.contact == b.contact && a.summary == b.summary && a.details == b.details &&
           a.occurred == b.occurred && a.people == b.people && a.evidence == b.evidence &&
           a.severity == b.severity && a.category == b.category && a.handler == b.handler &&
           a.events.size() + more_events == b.events.size();
}

void require(bool condition) {
    if (!condition) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto complaint = parse_complaint(text, "fuzz.toml");
    if (!complaint) return 0;
    static const date::time_zone* utc = date::locate_zone("UTC");
    auto written = write_complaint(*complaint, utc);
    auto again = parse_complaint(written, "written.toml");
    require(again.ok() && same_intake(*complaint, *again));
    Event event;
    event.at = complaint->received;
    event.type = "note";
    event.text = "fuzz \"note\"\n";
    auto appended = append_event(text, event, utc, "fuzz.toml");
    if (!appended) return 0;
    auto after = parse_complaint(*appended, "appended.toml");
    // The store refuses an append unless the result reads with exactly one more event (the
    // last ']' may belong to something else, e.g. a multi-line string); when it does, the
    // intake facts are untouched.
    if (after && after->events.size() == complaint->events.size() + 1)
        require(same_intake(*complaint, *after, 1));
    return 0;
}
