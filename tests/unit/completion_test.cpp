// The bash and zsh completion writers (src/cli/completion.cpp).
#include "cli/command_doc.hpp"

#include <doctest/doctest.h>

using namespace complaints::cli;

namespace {

CommandDoc program() {
    FlagDoc id{.names = {"id"},
               .positional = true,
               .value_name = "TEXT",
               .help = "Complaint ID",
               .required = true,
               .hint = {ValueKind::complaint_id, {}}};
    FlagDoc text{.names = {"text"},
                 .positional = true,
                 .value_name = "TEXT",
                 .help = "The note",
                 .required = true,
                 .repeatable = true};
    FlagDoc format{.names = {"--format"},
                   .value_name = "TEXT",
                   .help = "text or json [default]",
                   .hint = {ValueKind::text, {"text", "json"}}};
    FlagDoc why{.names = {"--reason"}, .value_name = "TEXT", .help = "Jo's reason: why"};
    FlagDoc yes{.names = {"--yes"}, .help = "Make the change"};
    CommandDoc note{.name = "note", .summary = "Add a note", .flags = {id, text}};
    CommandDoc show{.name = "show", .summary = "Show it", .flags = {id, format, why}};
    CommandDoc repin{.name = "repin", .summary = "Repin", .flags = {id, yes}};
    CommandDoc policy{.name = "policy", .summary = "Policies", .commands = {repin}};
    FlagDoc register_flag{.names = {"-C", "--register"},
                          .value_name = "TEXT",
                          .help = "Register folder",
                          .hint = {ValueKind::folder, {}}};
    return CommandDoc{
        .name = "complaints", .flags = {register_flag}, .commands = {note, show, policy}};
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE_BEGIN("cli::completion");

TEST_CASE("bash: each command's flags, valued flags, subcommands and positionals") {
    const std::string script = bash_completion(program());
    CHECK(has(script, "    '')\n        flags='-C --register'\n        valued='-C --register'\n"
                      "        commands='note show policy'\n"));
    CHECK(has(script, "    'note')\n        flags=''\n        valued=''\n        commands=''\n"
                      "        positionals='complaint_id text*'\n"));
    CHECK(has(script, "    'policy repin')\n        flags='--yes'\n        valued=''\n"));
    CHECK(has(script, "complete -F _complaints complaints\n"));
}

TEST_CASE("bash: values offered for flags that name something, and only those") {
    const std::string script = bash_completion(program());
    CHECK(has(script, "    ' -C' | ' --register') _complaints_values folder ;;\n"));
    CHECK(has(script, "    'show --format') _complaints_values text 'text' 'json' ;;\n"));
    CHECK_FALSE(has(script, "'show --reason')"));
}

TEST_CASE("zsh: one function per command with subcommands; quoting of help texts") {
    const std::string script = zsh_completion(program());
    CHECK(script.starts_with("#compdef complaints\n"));
    CHECK(has(script, "\n_complaints_policy() {\n"));
    CHECK(has(script, "\n_complaints() {\n"));
    CHECK(has(script, "    'policy')\n      _complaints_policy ;;\n"));
    CHECK(has(script, "'--format[text or json \\[default\\]]:TEXT:(text json)'"));
    CHECK(has(script, "'--reason[Jo'\\''s reason\\: why]:TEXT:'"));
    CHECK(has(script, "'(-C --register)'{-C,--register}'[Register folder]:TEXT:_files -/'"));
    CHECK(has(script, "'1:id:_complaints_ids'"));
    CHECK(has(script, "'*:text:'"));
    CHECK(script.ends_with("\n_complaints \"$@\"\n"));
}

TEST_SUITE_END();
