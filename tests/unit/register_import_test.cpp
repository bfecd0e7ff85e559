#include "complaints/store.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace complaints;
using support::TempFolder;

namespace {

const char* small_policy = R"([policy]
id = "small"
version = "2026-01-01"
title = "Small procedure"

[calendar]
time_zone = "Europe/London"

[[stage]]
id = "formal"
title = "Formal complaint"
entry = ["receipt"]

[[stage.milestone]]
id = "acknowledge"
within = "48 hours"
from = "receipt"
met_by = "acknowledged"
)";

NewComplaint new_complaint(const char* id, const char* summary) {
    Complaint c;
    c.id = id;
    c.policy = "small";
    c.policy_version = "2026-01-01";
    c.received = parse_moment("2026-03-02T10:00", support::london()).value();
    c.summary = summary;
    return {c, support::london()};
}

} // namespace

TEST_SUITE_BEGIN("core::register_import");

TEST_CASE("create_all writes every complaint of an import") {
    TempFolder f;
    auto reg = Register::init(f.path() / "r", small_policy, "small.toml");
    REQUIRE(reg.ok());
    REQUIRE(reg->create_all({new_complaint("k7m2qxh9", "Door left open"),
                             new_complaint("k7m2abcd", "Trip cancelled")})
                .ok());
    CHECK(reg->complaint_ids() == std::vector<std::string>{"k7m2abcd", "k7m2qxh9"});
    CHECK(reg->load("k7m2abcd")->summary == "Trip cancelled");
}

TEST_CASE("an ID already in the register, or twice in the import, imports nothing") {
    TempFolder f;
    auto reg = Register::init(f.path() / "r", small_policy, "small.toml");
    REQUIRE(reg.ok());
    REQUIRE(
        reg->create(new_complaint("k7m2qxh9", "Door left open").complaint, support::london()).ok());
    auto again = reg->create_all(
        {new_complaint("k7m2abcd", "Trip cancelled"), new_complaint("k7m2qxh9", "Again")});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message ==
          "already in the register (or twice in the import): k7m2qxh9; nothing was imported");
    CHECK(reg->complaint_ids() == std::vector<std::string>{"k7m2qxh9"});

    auto twice = reg->create_all(
        {new_complaint("k7m2abcd", "Trip cancelled"), new_complaint("k7m2abcd", "Twice")});
    REQUIRE_FALSE(twice.ok());
    CHECK(reg->complaint_ids() == std::vector<std::string>{"k7m2qxh9"});
}

TEST_CASE("a complaint that cannot be written undoes the ones written before it") {
    TempFolder f;
    auto reg = Register::init(f.path() / "r", small_policy, "small.toml");
    REQUIRE(reg.ok());
    NewComplaint bad = new_complaint("k7m2bad0", "Bad");
    bad.complaint.id = "NOT-AN-ID";
    auto made = reg->create_all({new_complaint("k7m2abcd", "Trip cancelled"), bad});
    REQUIRE_FALSE(made.ok());
    CHECK(reg->complaint_ids().empty());
}

TEST_SUITE_END();
