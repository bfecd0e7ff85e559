// The cache file, byte by byte (native byte order: it never leaves the machine):
//
//   header   "CMPLNTS" and the format number (8 bytes); the writing program's stamp (5 x 8);
//            the fingerprint of the policies the "finished" marks were worked out under (8)
//   records  one per complaint, in ID order (encode_complaint)
//   index    one entry per record: ID (8), the file's stamp (5 x 8), offset, length and
//            check value of the record (3 x 8), when the complaint was finished (8)
//   trailer  where the index starts, how many entries, the index's check value, "CMPLEND"
//            and the format number (4 x 8)
//
// Everything read is checked against the file's size before it is used, so a damaged or
// hand-made cache can only be refused, never read past its end.
#include "complaint_cache.hpp"

#include "complaints/ids.hpp"
#include "complaints/personal.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace complaints {

namespace {

// Adding a field to these structs changes what a record must hold: the build stops here until
// encode_complaint and decode_complaint (and the format number) follow.
static_assert(detail::field_count<Complaint>() == 21, "Complaint changed: update the cache");
static_assert(detail::field_count<Event>() == 18, "Event changed: update the cache");
static_assert(detail::field_count<MergeConflict>() == 3, "MergeConflict changed: the cache");

constexpr char format_number = 1;
constexpr std::string_view header_magic{"CMPLNTS\1", 8};
constexpr std::string_view trailer_magic{"CMPLEND\1", 8};
static_assert(header_magic.back() == format_number && trailer_magic.back() == format_number);
constexpr std::size_t stamp_bytes = 5 * 8;
constexpr std::size_t header_bytes = 8 + stamp_bytes + 8;
constexpr std::size_t entry_bytes = 8 + stamp_bytes + 4 * 8;
constexpr std::size_t trailer_bytes = 4 * 8;

/// Appends values to a record.
class Encoder {
  public:
    explicit Encoder(std::string& out) : out_(out) {}
    template <class T> void number(T value) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    void text(std::string_view value) {
        number(static_cast<std::uint32_t>(value.size()));
        out_.append(value);
    }
    void texts(const std::vector<std::string>& values) {
        number(static_cast<std::uint32_t>(values.size()));
        for (const auto& value : values)
            text(value);
    }
    void moment(Instant value) {
        number(static_cast<std::int64_t>(value.time_since_epoch().count()));
    }
    void day(const std::optional<Day>& value) {
        number(static_cast<std::uint8_t>(value.has_value()));
        if (value) number(static_cast<std::int64_t>(value->time_since_epoch().count()));
    }
    void stamp(const FileStamp& s) {
        number(s.device), number(s.inode), number(s.size), number(s.modified_ns);
        number(s.changed_ns);
    }

  private:
    std::string& out_;
};

/// Takes values from a record; once anything does not fit, every later read fails too.
class Decoder {
  public:
    explicit Decoder(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool finished() const { return ok_ && in_.empty(); }
    template <class T> T number() {
        T value{};
        if (!take(sizeof(T))) return value;
        std::memcpy(&value, in_.data() - sizeof(T), sizeof(T));
        return value;
    }
    std::string text() {
        const auto size = number<std::uint32_t>();
        if (!take(size)) return {};
        return std::string(in_.data() - size, size);
    }
    /// A count of items, each at least `smallest` bytes long: never more than the bytes left
    /// hold, so that damage cannot make room for millions of them.
    std::size_t count(std::size_t smallest) {
        const auto n = number<std::uint32_t>();
        if (n > in_.size() / smallest) ok_ = false;
        return ok_ ? n : 0;
    }
    std::vector<std::string> texts() {
        std::vector<std::string> values(count(sizeof(std::uint32_t)));
        for (auto& value : values)
            value = text();
        return values;
    }
    Instant moment() { return Instant{std::chrono::seconds{number<std::int64_t>()}}; }
    /// Whether an optional value follows: 0 or 1, nothing else.
    bool present() {
        const auto flag = number<std::uint8_t>();
        if (flag > 1) ok_ = false;
        return ok_ && flag == 1;
    }
    std::optional<Day> day() {
        if (!present()) return std::nullopt;
        const auto count = number<std::int64_t>();
        using Count = date::days::rep;
        if (count < std::numeric_limits<Count>::min() || count > std::numeric_limits<Count>::max())
            ok_ = false;
        return Day{date::days{static_cast<Count>(count)}};
    }
    FileStamp stamp() {
        FileStamp s;
        s.device = number<std::uint64_t>(), s.inode = number<std::uint64_t>();
        s.size = number<std::uint64_t>(), s.modified_ns = number<std::int64_t>();
        s.changed_ns = number<std::int64_t>();
        return s;
    }

  private:
    bool take(std::size_t size) {
        if (!ok_ || size > in_.size()) {
            ok_ = false;
            return false;
        }
        in_.remove_prefix(size);
        return true;
    }
    std::string_view in_;
    bool ok_ = true;
};

/// The fewest bytes an event takes: position, time, twelve texts, three flags, a list.
constexpr std::size_t smallest_event = 2 * 4 + 8 + 12 * 4 + 3 + 4;

void encode_event(Encoder& out, const Event& e) {
    out.number(static_cast<std::int32_t>(e.line)), out.number(static_cast<std::int32_t>(e.column));
    out.moment(e.at);
    for (const std::string* value : {&e.type, &e.by, &e.text, &e.stage, &e.from})
        out.text(*value);
    out.number(static_cast<std::uint8_t>(e.requested.has_value()));
    if (e.requested) out.moment(*e.requested);
    out.text(e.milestone);
    out.day(e.until);
    out.number(static_cast<std::uint8_t>(e.extend_by.has_value()));
    if (e.extend_by) {
        out.number(static_cast<std::int64_t>(e.extend_by->count));
        out.number(static_cast<std::uint8_t>(e.extend_by->unit));
    }
    for (const std::string* value : {&e.reason, &e.good_reason, &e.outcome, &e.finding})
        out.text(*value);
    out.texts(e.remedies);
    out.text(e.handler);
    out.text(e.body);
}

Event decode_event(Decoder& in) {
    Event e;
    e.line = in.number<std::int32_t>(), e.column = in.number<std::int32_t>();
    e.at = in.moment();
    for (std::string* value : {&e.type, &e.by, &e.text, &e.stage, &e.from})
        *value = in.text();
    if (in.present()) e.requested = in.moment();
    e.milestone = in.text();
    e.until = in.day();
    if (in.present()) {
        Period period;
        period.count = static_cast<long>(in.number<std::int64_t>());
        const auto unit = in.number<std::uint8_t>();
        if (unit > static_cast<std::uint8_t>(Unit::months)) return Event{};
        period.unit = static_cast<Unit>(unit);
        e.extend_by = period;
    }
    for (std::string* value : {&e.reason, &e.good_reason, &e.outcome, &e.finding})
        *value = in.text();
    e.remedies = in.texts();
    e.handler = in.text();
    e.body = in.text();
    return e;
}

/// Where the complaint's values are written, in ComplaintSource's order.
std::vector<int*> positions(ComplaintSource& s) {
    return {&s.policy_line,   &s.policy_column,   &s.version_line, &s.version_column,
            &s.severity_line, &s.severity_column, &s.channel_line, &s.channel_column};
}

} // namespace

std::string encode_complaint(const Complaint& c) {
    std::string record;
    Encoder out(record);
    for (int* position : positions(const_cast<Complaint&>(c)))
        out.number(static_cast<std::int32_t>(*position));
    for (const std::string* value : {&c.id, &c.policy, &c.policy_version})
        out.text(*value);
    out.moment(c.received);
    for (const std::string* value :
         {&c.channel, &c.name, &c.contact, &c.summary, &c.details, &c.occurred})
        out.text(*value);
    out.day(c.occurred_on), out.day(c.occurred_until), out.day(c.known_on);
    out.texts(c.people), out.texts(c.evidence);
    for (const std::string* value : {&c.severity, &c.category, &c.handler})
        out.text(*value);
    out.number(static_cast<std::uint32_t>(c.events.size()));
    for (const Event& event : c.events)
        encode_event(out, event);
    out.number(static_cast<std::uint32_t>(c.conflicts.size()));
    for (const MergeConflict& conflict : c.conflicts) {
        out.number(static_cast<std::int32_t>(conflict.line));
        out.number(static_cast<std::int32_t>(conflict.column));
        out.text(conflict.key), out.text(conflict.theirs);
    }
    return record;
}

std::optional<Complaint> decode_complaint(std::string_view bytes) {
    Decoder in(bytes);
    Complaint c;
    for (int* position : positions(c))
        *position = in.number<std::int32_t>();
    for (std::string* value : {&c.id, &c.policy, &c.policy_version})
        *value = in.text();
    c.received = in.moment();
    for (std::string* value :
         {&c.channel, &c.name, &c.contact, &c.summary, &c.details, &c.occurred})
        *value = in.text();
    c.occurred_on = in.day(), c.occurred_until = in.day(), c.known_on = in.day();
    c.people = in.texts(), c.evidence = in.texts();
    for (std::string* value : {&c.severity, &c.category, &c.handler})
        *value = in.text();
    c.events.resize(in.count(smallest_event));
    for (Event& event : c.events)
        event = decode_event(in);
    c.conflicts.resize(in.count(4 * 4));
    for (MergeConflict& conflict : c.conflicts) {
        conflict.line = in.number<std::int32_t>(), conflict.column = in.number<std::int32_t>();
        conflict.key = in.text(), conflict.theirs = in.text();
    }
    if (!in.finished()) return std::nullopt;
    for (const Event& event : c.events)
        if (event.type.empty()) return std::nullopt; // a bad period unit, or damage
    return c;
}

std::string encode_stamp(const FileStamp& stamp) {
    std::string bytes;
    Encoder(bytes).stamp(stamp);
    return bytes;
}

std::uint64_t check_value(std::string_view bytes) {
    // Four lanes of eight bytes, each a multiply and a rotation, so that the lanes run side by
    // side; then the lanes and the tail are mixed together (MurmurHash3's finaliser).
    constexpr std::uint64_t prime = 0x9e3779b97f4a7c15ULL;
    auto step = [](std::uint64_t lane, std::uint64_t k) {
        lane = (lane ^ k) * prime;
        return (lane << 29) | (lane >> 35);
    };
    auto word = [&](std::size_t at) {
        std::uint64_t k;
        std::memcpy(&k, bytes.data() + at, 8);
        return k;
    };
    std::uint64_t a = bytes.size(), b = 1, c = 2, d = 3;
    std::size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        a = step(a, word(i)), b = step(b, word(i + 8));
        c = step(c, word(i + 16)), d = step(d, word(i + 24));
    }
    std::uint64_t h = step(step(step(a, b), c), d);
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t k;
        std::memcpy(&k, bytes.data() + i, 8);
        h = step(h, k);
    }
    std::uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i); // never null
    h = step(h, tail);
    h ^= h >> 33, h *= 0xff51afd7ed558ccdULL, h ^= h >> 33, h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

namespace {

/// Orders entries by ID, for binary searches of the index.
bool id_before(const CacheEntry& entry, std::string_view id) {
    return entry.id < id;
}

std::string header_for(const FileStamp& program) {
    std::string header(header_magic);
    Encoder(header).stamp(program);
    return header;
}

constexpr std::size_t fingerprint_at = header_bytes - 8;

std::optional<std::vector<CacheEntry>> read_index(std::string_view bytes) {
    Decoder trailer(bytes.substr(bytes.size() - trailer_bytes));
    const auto index_at = trailer.number<std::uint64_t>();
    const auto count = trailer.number<std::uint64_t>();
    const auto index_check = trailer.number<std::uint64_t>();
    const std::size_t index_end = bytes.size() - trailer_bytes;
    if (bytes.substr(bytes.size() - 8) != trailer_magic || index_at < header_bytes ||
        index_at > index_end || count != (index_end - index_at) / entry_bytes ||
        (index_end - index_at) % entry_bytes != 0)
        return std::nullopt;
    const std::string_view index = bytes.substr(index_at, index_end - index_at);
    if (check_value(index) != index_check) return std::nullopt;
    std::vector<CacheEntry> entries(count);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        CacheEntry& entry = entries[i];
        const std::string_view raw = index.substr(i * entry_bytes, entry_bytes);
        entry.id = std::string(raw.substr(0, 8));
        Decoder in(raw.substr(8));
        entry.stamp = in.stamp();
        entry.offset = in.number<std::uint64_t>();
        entry.length = in.number<std::uint64_t>();
        entry.check = in.number<std::uint64_t>();
        entry.finished_at = in.number<std::int64_t>();
        if (!is_id_fragment(entry.id) || entry.offset < header_bytes || entry.offset > index_at ||
            entry.length > index_at - entry.offset)
            return std::nullopt;
    }
    for (std::size_t i = 1; i < entries.size(); ++i)
        if (!(entries[i - 1].id < entries[i].id)) return std::nullopt;
    return entries;
}

} // namespace

std::optional<CacheFile> CacheFile::open(const fs::path& path, const FileStamp& program) {
    auto file = MappedFile::open_private(path);
    if (!file) return std::nullopt;
    const std::string_view bytes = file->bytes();
    if (bytes.size() < header_bytes + trailer_bytes ||
        bytes.substr(0, fingerprint_at) != header_for(program))
        return std::nullopt;
    auto entries = read_index(bytes);
    if (!entries) return std::nullopt;
    std::uint64_t fingerprint = 0;
    std::memcpy(&fingerprint, bytes.data() + fingerprint_at, 8);
    return CacheFile(std::move(*file), std::move(*entries), fingerprint);
}

const CacheEntry* CacheFile::find(std::string_view id, const FileStamp& stamp) const {
    auto at = std::lower_bound(entries_.begin(), entries_.end(), id, id_before);
    if (at == entries_.end() || at->id != id || !(at->stamp == stamp)) return nullptr;
    return &*at;
}

std::string_view CacheFile::record(const CacheEntry& entry) const {
    const std::string_view bytes = file_.bytes().substr(entry.offset, entry.length);
    return check_value(bytes) == entry.check ? bytes : std::string_view{};
}

std::pair<std::size_t, std::size_t> CacheFile::span(std::string_view first,
                                                    std::string_view last) const {
    auto from = std::lower_bound(entries_.begin(), entries_.end(), first, id_before);
    auto to = std::lower_bound(from, entries_.end(), last, id_before);
    if (to != entries_.end() && to->id == last) ++to;
    if (from == to) return {0, 0};
    const auto start = static_cast<std::size_t>(from->offset);
    const auto& end = *std::prev(to);
    return {start, static_cast<std::size_t>(end.offset + end.length) - start};
}

void CacheFile::prepare(const std::vector<const CacheEntry*>& entries) const {
    // Records near each other share pages: one call fetches a run of them and what lies
    // between. Records far apart (finished complaints between them, not read) are fetched
    // apart, so that what is not read is not fetched.
    constexpr std::size_t near = 64 * 1024;
    std::size_t from = 0, to = 0;
    for (const CacheEntry* entry : entries) {
        if (!entry) continue;
        const auto offset = static_cast<std::size_t>(entry->offset);
        const auto end = offset + static_cast<std::size_t>(entry->length);
        if (to > from && offset >= from && offset <= to + near) {
            to = std::max(to, end);
            continue;
        }
        if (to > from) file_.prefetch(from, to - from);
        from = offset, to = end;
    }
    if (to > from) file_.prefetch(from, to - from);
}

void CacheFile::forget(std::string_view first, std::string_view last) const {
    const auto [offset, length] = span(first, last);
    file_.forget(offset, length);
}

std::optional<CacheBuilder> CacheBuilder::start(const fs::path& path, const FileStamp& program,
                                                std::uint64_t fingerprint) {
    auto writer = PieceWriter::start(path);
    if (!writer) return std::nullopt;
    CacheBuilder builder(std::move(*writer));
    std::string header = header_for(program);
    Encoder(header).number(fingerprint);
    builder.writer_.write(header);
    return builder;
}

void CacheBuilder::add(std::string_view id, const FileStamp& stamp, std::string_view record,
                       std::int64_t finished_at, std::optional<std::uint64_t> check) {
    if (id.size() != 8) return; // every complaint ID is eight characters; no entry otherwise
    entries_.push_back({std::string(id), stamp, writer_.written(), record.size(),
                        check ? *check : check_value(record), finished_at});
    writer_.write(record);
}

void CacheBuilder::mark_finished(std::string_view id, std::int64_t at) {
    auto found = std::lower_bound(entries_.begin(), entries_.end(), id, id_before);
    if (found != entries_.end() && found->id == id && found->length > 0) found->finished_at = at;
}

Status CacheBuilder::finish() {
    std::string index;
    Encoder out(index);
    for (const CacheEntry& entry : entries_) {
        index.append(entry.id);
        out.stamp(entry.stamp);
        out.number(entry.offset), out.number(entry.length), out.number(entry.check);
        out.number(entry.finished_at);
    }
    std::string trailer;
    Encoder end(trailer);
    end.number(static_cast<std::uint64_t>(writer_.written()));
    end.number(static_cast<std::uint64_t>(entries_.size()));
    end.number(check_value(index));
    trailer.append(trailer_magic);
    writer_.write(index);
    writer_.write(trailer);
    return writer_.finish();
}

} // namespace complaints
