// The hidden `generate` command: the man page and the shell completions, made at build time
// from the command line itself (CMakeLists.txt runs it), so they cannot drift from it.

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/file_io.hpp"

#include <fmt/format.h>
#include <fstream>

namespace complaints::cli {

namespace {

FlagDoc describe_flag(const CommandTable& table, const CLI::Option& option) {
    FlagDoc flag;
    flag.positional = !option.nonpositional();
    if (flag.positional) flag.names.push_back(option.get_name());
    for (const std::string& name : option.get_snames())
        flag.names.push_back("-" + name);
    for (const std::string& name : option.get_lnames())
        flag.names.push_back("--" + name);
    if (option.get_type_size_max() > 0) {
        const std::string type = option.get_type_name(); // "TEXT", or "TEXT:{a,b}"
        flag.value_name = type.substr(0, type.find(':'));
    }
    flag.help = option.get_description();
    flag.required = option.get_required();
    flag.repeatable = option.get_items_expected_max() > 1;
    for (const CLI::Option* excluded : option.get_excludes())
        flag.excludes.push_back(excluded->get_name());
    flag.environment = option.get_envname();
    if (auto hint = table.hints.find(&option); hint != table.hints.end()) flag.hint = hint->second;
    return flag;
}

/// The example in a command's footer ("Example:\n  complaints ..."), without the heading
/// and the two spaces that indent it.
std::string example_of(const CLI::App& command) {
    std::string footer = command.get_footer();
    if (auto heading = footer.find(":\n"); heading != std::string::npos)
        footer.erase(0, heading + 2);
    std::string example;
    std::size_t start = 0;
    while (start < footer.size()) {
        std::size_t end = footer.find('\n', start);
        if (end == std::string::npos) end = footer.size();
        std::string_view line(footer.data() + start, end - start);
        if (line.starts_with("  ")) line.remove_prefix(2);
        example += std::string(line) + "\n";
        start = end + 1;
    }
    return example;
}

CommandDoc describe_command(const CommandTable& table, const CLI::App& app, bool program) {
    CommandDoc doc;
    doc.name = app.get_name();
    doc.summary = app.get_description();
    if (!program) doc.example = example_of(app);
    for (const CLI::Option* option : app.get_options())
        if ((program || option != app.get_help_ptr()) && !option->get_group().empty())
            doc.flags.push_back(describe_flag(table, *option)); // not older hidden names
    for (const CLI::App* command : app.get_subcommands({})) {
        if (command->get_group().empty()) { // hidden, like `ids`
            doc.hidden_commands = true;
            continue;
        }
        doc.commands.push_back(describe_command(table, *command, false));
    }
    return doc;
}

struct GenerateOptions {
    std::string what; ///< man, bash or zsh
    std::string prose;
    std::string output;
};

Status write_output(const std::string& path, const std::string& text) {
    if (path.empty()) {
        print_out(text);
        return done();
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) return io_error(fmt::format("{}: could not write", path));
    return done();
}

Status run_generate(const GenerateOptions& options, const CommandTable& table) {
    const CommandDoc program = describe_command_line(table);
    if (options.what == "bash") return write_output(options.output, bash_completion(program));
    if (options.what == "zsh") return write_output(options.output, zsh_completion(program));
    if (options.prose.empty()) return usage_error("generate man needs the page's prose file");
    auto prose = read_text_file(options.prose);
    if (!prose) return prose.error();
    return write_output(options.output, man_page(program, *prose, program_version()));
}

} // namespace

CommandDoc describe_command_line(const CommandTable& table) {
    return describe_command(table, table.app, true);
}

CommandDoc describe_program() {
    CLI::App app{"", "complaints"};
    GlobalOptions options;
    Action chosen;
    CommandTable table{app, options, chosen};
    build_command_line(table);
    return describe_command_line(table);
}

void add_generate_command(CommandTable& table) {
    auto options = std::make_shared<GenerateOptions>();
    CLI::App* command = add_command(
        table, "generate", "Write the man page or a shell completion (used by the build)",
        "complaints generate man man/complaints.1.in --output complaints.1");
    command->group(""); // hidden from --help: it is for the build
    one_of(table, command->add_option("what", options->what, "man, bash or zsh")->required(),
           {"man", "bash", "zsh"});
    value_is(table, command->add_option("prose", options->prose, "The man page's prose (man)"),
             ValueKind::file);
    value_is(table, command->add_option("-o,--output", options->output, "File to write"),
             ValueKind::file);
    command->callback([&chosen = table.chosen, &table, options] {
        chosen = [options, &table](Session&) { return run_generate(*options, table); };
    });
}

} // namespace complaints::cli
