// register.toml as a schema over the TOML reader.

#include "register_config.hpp"

#include "toml_input.hpp"
#include "toml_reader.hpp"

#include "complaints/time.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

const TableSchema register_schema{"", {"policy", "time_zone", "git"}, KeyHelp::only};
const TableSchema git_schema{"[git]", {"autocommit"}, KeyHelp::only};

/// `[git]`: whether writes commit themselves.
void read_git(TomlReader& reader, const toml::table& root, RegisterConfig& config) {
    const toml::table* git = reader.table_at(root, "git");
    if (git == nullptr) return;
    reader.check_keys(*git, git_schema);
    config.autocommit = reader.flag_at(*git, "autocommit");
}

/// `time_zone`: an IANA zone the tz database knows, or absent.
void read_zone(TomlReader& reader, const toml::table& root, RegisterConfig& config) {
    const toml::node* node = reader.typed_at(root, "time_zone", toml::node_type::string);
    if (node == nullptr) return;
    config.time_zone = std::string(node->as_string()->get());
    if (!find_zone(config.time_zone))
        reader.fail(*node, fmt::format("unknown time zone '{}'; use an IANA name such as "
                                       "'Europe/London'",
                                       config.time_zone));
}

} // namespace

Result<RegisterConfig> parse_register_config(std::string_view text, std::string_view path) {
    auto root = parse_toml_file(text, path);
    if (!root) return root.error();
    TomlReader reader(path);
    reader.check_keys(*root, register_schema);
    RegisterConfig config;
    const toml::node* policy = root->get("policy");
    if (policy != nullptr && policy->is_string()) config.policy = policy->as_string()->get();
    // A policy that is no text reads as none: the message shows how to write it.
    if (config.policy.empty())
        reader.fail_at(1, 1, "missing 'policy = \"NAME\"' (the register's policy)");
    read_zone(reader, *root, config);
    read_git(reader, *root, config);
    return reader.result(std::move(config));
}

} // namespace complaints
