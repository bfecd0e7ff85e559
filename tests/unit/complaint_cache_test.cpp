// The cache's records and file: a complaint comes back exactly (facts and positions), and a
// damaged cache is refused, or the damaged record is, but never read as another complaint.
#include "core/complaint_cache.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

Complaint with_positions(Complaint c) {
    c.policy_line = 3, c.policy_column = 10, c.version_line = 4, c.version_column = 18;
    c.severity_line = 12, c.severity_column = 12, c.channel_line = 6, c.channel_column = 11;
    for (std::size_t i = 0; i < c.events.size(); ++i)
        c.events[i].line = static_cast<int>(16 + i), c.events[i].column = 3;
    MergeConflict conflict;
    conflict.key = "summary";
    conflict.theirs = "their words";
    conflict.line = 30, conflict.column = 3;
    c.conflicts = {conflict};
    return c;
}

void check_same_positions(const Complaint& a, const Complaint& b) {
    CHECK(a.policy_line == b.policy_line);
    CHECK(a.policy_column == b.policy_column);
    CHECK(a.version_line == b.version_line);
    CHECK(a.version_column == b.version_column);
    CHECK(a.severity_line == b.severity_line);
    CHECK(a.severity_column == b.severity_column);
    CHECK(a.channel_line == b.channel_line);
    CHECK(a.channel_column == b.channel_column);
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        CHECK(a.events[i].line == b.events[i].line);
        CHECK(a.events[i].column == b.events[i].column);
    }
    REQUIRE(a.conflicts.size() == b.conflicts.size());
    for (std::size_t i = 0; i < a.conflicts.size(); ++i)
        CHECK(a.conflicts[i].line == b.conflicts[i].line);
}

FileStamp stamp(std::uint64_t n) {
    return {1, 1000 + n, 2000 + n, 1'700'000'000'000'000'000 + static_cast<std::int64_t>(n), 5};
}

std::string ids(int i) {
    return "c" + std::string(6 - std::to_string(i).size(), '0') + std::to_string(i) + "x";
}

struct CacheOnDisk {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / "complaints-cache-test";
    std::filesystem::path path = folder / "readings";
    FileStamp program = stamp(99);
    std::vector<Complaint> complaints;

    CacheOnDisk() {
        std::filesystem::remove_all(folder);
        std::filesystem::create_directory(folder);
        const auto texts = hostile_texts();
        for (int i = 0; i < 8; ++i) {
            Complaint c =
                with_positions(every_field(texts[static_cast<std::size_t>(i) % texts.size()]));
            c.id = ids(i);
            complaints.push_back(c);
        }
        auto builder = CacheBuilder::start(path, program, 42);
        REQUIRE(builder);
        for (std::size_t i = 0; i < complaints.size(); ++i)
            builder->add(complaints[i].id, stamp(i), encode_complaint(complaints[i]),
                         i == 2 ? 1'800'000'000 : 0);
        builder->add("c000100x", stamp(100), {}); // a file to read again
        REQUIRE(builder->finish());
        std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
    }
    ~CacheOnDisk() { std::filesystem::remove_all(folder); }
    std::string bytes() const { return read_text(path); }
    void write(const std::string& text) const {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    }
};

} // namespace

TEST_CASE("a complaint comes back from its record exactly, positions included") {
    for (const std::string& words : hostile_texts()) {
        CAPTURE(words);
        const Complaint c = with_positions(every_field(words));
        auto back = decode_complaint(encode_complaint(c));
        REQUIRE(back);
        CHECK(*back == c);
        check_same_positions(*back, c);
        CHECK(back->path.empty()); // set by the reader, from where the command runs
    }
}

TEST_CASE("a record cut short, lengthened or with a bad period unit is no complaint") {
    const std::string record = encode_complaint(with_positions(every_field("words")));
    for (std::size_t size = 0; size < record.size(); ++size)
        CHECK_FALSE(decode_complaint(record.substr(0, size)));
    CHECK_FALSE(decode_complaint(record + "x"));
    Complaint c = every_field("");
    c.events.resize(1);
    c.events[0].extend_by = Period{3, Unit::days};
    std::string bad = encode_complaint(c);
    const std::string good = bad;
    // The unit byte follows the period's count; find it by changing the unit and comparing.
    c.events[0].extend_by->unit = Unit::weeks;
    const std::string other = encode_complaint(c);
    std::size_t at = 0;
    while (at < good.size() && good[at] == other[at])
        ++at;
    REQUIRE(at < good.size());
    bad[at] = 9;
    CHECK_FALSE(decode_complaint(bad));
}

TEST_CASE("the cache file answers for files whose stamp is unchanged, and only those") {
    CacheOnDisk disk;
    auto cache = CacheFile::open(disk.path, disk.program);
    REQUIRE(cache);
    CHECK(cache->fingerprint() == 42);
    CHECK(cache->size() == disk.complaints.size() + 1);
    for (std::size_t i = 0; i < disk.complaints.size(); ++i) {
        const CacheEntry* entry = cache->find(disk.complaints[i].id, stamp(i));
        REQUIRE(entry);
        CHECK(entry->finished_at == (i == 2 ? 1'800'000'000 : 0));
        auto back = decode_complaint(cache->record(*entry));
        REQUIRE(back);
        CHECK(*back == disk.complaints[i]);
        for (int field = 0; field < 5; ++field) { // any part of the stamp differing
            FileStamp changed = stamp(i);
            switch (field) {
            case 0:
                ++changed.device;
                break;
            case 1:
                ++changed.inode;
                break;
            case 2:
                ++changed.size;
                break;
            case 3:
                ++changed.modified_ns;
                break;
            default:
                ++changed.changed_ns;
                break;
            }
            CHECK_FALSE(cache->find(disk.complaints[i].id, changed));
        }
    }
    const CacheEntry* read_again = cache->find("c000100x", stamp(100));
    REQUIRE(read_again);
    CHECK(read_again->length == 0);
    CHECK_FALSE(cache->find("c000009x", stamp(9)));
    CHECK_FALSE(CacheFile::open(disk.path, stamp(98))); // written by another build
}

TEST_CASE("a damaged cache is refused, or its damaged record is, but never misread") {
    CacheOnDisk disk;
    const std::string good = disk.bytes();
    std::mt19937 random(7);
    int refused = 0, records_refused = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string bytes = good;
        const int changes = 1 + static_cast<int>(random() % 3);
        for (int k = 0; k < changes; ++k)
            bytes[random() % bytes.size()] ^= static_cast<char>(1 + random() % 255);
        if (trial % 10 == 0) bytes.resize(random() % bytes.size());
        disk.write(bytes);
        auto cache = CacheFile::open(disk.path, disk.program);
        if (!cache) {
            ++refused;
            continue;
        }
        for (std::size_t i = 0; i < disk.complaints.size(); ++i) {
            const CacheEntry* entry = cache->find(disk.complaints[i].id, stamp(i));
            if (!entry) continue;
            auto back = decode_complaint(cache->record(*entry));
            if (!back) {
                ++records_refused;
                continue;
            }
            CHECK(*back == disk.complaints[i]);
        }
    }
    MESSAGE(refused << " damaged caches refused, " << records_refused
                    << " damaged records refused");
    CHECK(refused > 0);
    CHECK(records_refused > 0);
}

TEST_CASE("a cache others may read, or a link, is not read") {
    CacheOnDisk disk;
    std::filesystem::permissions(disk.path, std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    CHECK_FALSE(CacheFile::open(disk.path, disk.program));
    std::filesystem::permissions(disk.path, std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::remove);
    REQUIRE(CacheFile::open(disk.path, disk.program));
    const auto link = disk.folder / "link";
    std::filesystem::create_symlink(disk.path, link);
    CHECK_FALSE(CacheFile::open(link, disk.program));
}
