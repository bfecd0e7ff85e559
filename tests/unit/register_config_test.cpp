// register.toml: the register's policy, and whether writes commit themselves.
#include "core/register_config.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace complaints;
using namespace complaints::support;

namespace {

/// "LINE:COL: message" of the refusal of `text`.
std::string refusal(const std::string& text) {
    Result<RegisterConfig> config = parse_register_config(text, "register.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().kind == ErrorKind::data);
    CHECK(config.error().file == "register.toml");
    return located(config.error());
}

} // namespace

TEST_SUITE_BEGIN("core::register_config");

TEST_CASE("register.toml names the register's policy") {
    Result<RegisterConfig> config =
        parse_register_config("# complaints register\npolicy = \"big-bums\"\n", "register.toml");
    REQUIRE(config.ok());
    CHECK(config->policy == "big-bums");
}

TEST_CASE("a missing, empty or non-text policy is refused at 1:1 with the form to write") {
    const std::string message = "1:1: missing 'policy = \"NAME\"' (the register's policy)";
    CHECK(refusal("") == message);
    CHECK(refusal("policy = \"\"\n") == message);
    CHECK(refusal("\n\npolicy = 5\n") == message);
}

TEST_CASE("register.toml: the first unknown key in file order, whatever its spelling") {
    CHECK(refusal("policy = \"tiny\"\npolicyy = \"x\"\n") ==
          "2:1: unknown key 'policyy' (only 'policy', 'time_zone', 'git' are allowed)");
    // toml++ sorts keys: 'colour' would come first; 'zone' is written first.
    CHECK(refusal("zone = \"UTC\"\npolicy = \"tiny\"\ncolour = \"red\"\n") ==
          "1:1: unknown key 'zone' (only 'policy', 'time_zone', 'git' are allowed)");
}

TEST_CASE("time_zone: the register's zone, an IANA name, or none (the default policy's)") {
    CHECK(parse_register_config("policy = \"tiny\"\n", "register.toml")->time_zone.empty());
    Result<RegisterConfig> york = parse_register_config(
        "policy = \"tiny\"\ntime_zone = \"America/New_York\"\n", "register.toml");
    REQUIRE(york.ok());
    CHECK(york->time_zone == "America/New_York");
    CHECK(refusal("policy = \"tiny\"\ntime_zone = \"Mars/Olympus\"\n") ==
          "2:13: unknown time zone 'Mars/Olympus'; use an IANA name such as 'Europe/London'");
    CHECK(refusal("policy = \"tiny\"\ntime_zone = 1\n") ==
          "2:13: 'time_zone' must be text in quotes, not a whole number");
}

TEST_CASE("[git] autocommit: off unless set to true; only true or false") {
    CHECK_FALSE(parse_register_config("policy = \"tiny\"\n", "register.toml")->autocommit);
    Result<RegisterConfig> on =
        parse_register_config("policy = \"tiny\"\n[git]\nautocommit = true\n", "register.toml");
    REQUIRE(on.ok());
    CHECK(on->autocommit);
    CHECK(on->policy == "tiny");
    CHECK_FALSE(
        parse_register_config("policy = \"tiny\"\n[git]\nautocommit = false\n", "register.toml")
            ->autocommit);
    CHECK(refusal("policy = \"tiny\"\n[git]\nautocommit = \"yes\"\n") ==
          "3:14: 'autocommit' must be true or false, not text in quotes");
    CHECK(refusal("policy = \"tiny\"\n[git]\npush = true\n") ==
          "3:1: unknown key 'push' in [git] (only 'autocommit' is allowed)");
}

TEST_CASE("register.toml that is not TOML is refused where it breaks") {
    CHECK(refusal("policy = tiny\n").rfind("1:", 0) == 0);
}

TEST_SUITE_END();
