// Fuzz target: the complaint file reader, the writer and the event appender.
// Any input: the reader returns a value or an error, never crashes. When it reads a complaint,
// writing that complaint and reading it back gives an equal complaint, and appending an event
// to the input keeps it readable with that one more event. Whatever the fast path for the
// written form reads, the general TOML reader reads the same, at the same positions. Every
// complaint read comes back equal from its cache record; any input read as a cache record is
// either refused or is exactly the record of what it decodes to.

#include "complaints/complaint.hpp"
#include "core/complaint_cache.hpp"
#include "core/written_form.hpp"
#include "fuzz_target.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

using namespace complaints;

namespace {

/// `after` with the last event equal to `event` taken out, or nothing when it has none.
std::optional<Complaint> without(Complaint after, const Event& event) {
    auto last = std::find(after.events.rbegin(), after.events.rend(), event);
    if (last == after.events.rend()) return std::nullopt;
    after.events.erase(std::next(last).base());
    return after;
}

void require(bool condition) {
    if (!condition) __builtin_trap();
}

/// The fast path and the general reader agree on everything the fast path reads.
void same_either_way(std::string_view text) {
    auto fast = read_written_form(text, "fuzz.toml");
    if (!fast) return;
    auto general = parse_complaint_as_toml(text, "fuzz.toml");
    require(general.ok() && *general == *fast);
    require(fast->policy_line == general->policy_line &&
            fast->policy_column == general->policy_column &&
            fast->version_line == general->version_line &&
            fast->version_column == general->version_column &&
            fast->severity_line == general->severity_line &&
            fast->severity_column == general->severity_column &&
            fast->channel_line == general->channel_line &&
            fast->channel_column == general->channel_column);
    for (std::size_t i = 0; i < fast->events.size(); ++i)
        require(fast->events[i].line == general->events[i].line &&
                fast->events[i].column == general->events[i].column);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    same_either_way(text);
    if (auto record = decode_complaint(text)) require(encode_complaint(*record) == text);
    auto complaint = parse_complaint(text, "fuzz.toml");
    if (!complaint) return 0;
    auto cached = decode_complaint(encode_complaint(*complaint));
    require(cached && *cached == *complaint);
    static const date::time_zone* utc = date::locate_zone("UTC");
    auto written = write_complaint(*complaint, utc);
    auto again = parse_complaint(written, "written.toml");
    require(again.ok() && *again == *complaint);
    Event event;
    event.at = complaint->received;
    event.type = "note";
    event.text = "fuzz \"note\"\n";
    auto appended = append_event(text, event, utc, "fuzz.toml");
    if (!appended) return 0;
    auto after = parse_complaint(*appended, "appended.toml");
    // The store refuses an append unless the result reads with exactly one more event (the
    // last ']' may belong to something else, e.g. a multi-line string); when it does, that
    // event is the one appended and everything else is untouched.
    if (after && after->events.size() == complaint->events.size() + 1)
        require(without(*after, event) == complaint.value());
    return 0;
}
