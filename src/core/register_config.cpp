// register.toml as a schema over the TOML reader.

#include "register_config.hpp"

#include "toml_input.hpp"
#include "toml_reader.hpp"

namespace complaints {

namespace {

const TableSchema register_schema{"", {"policy"}, KeyHelp::only};

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
    return reader.result(std::move(config));
}

} // namespace complaints
