// The man page: prose from man/complaints.1.in, sections made from the command line.

#include "cli/command_doc.hpp"
#include "cli/context.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

/// A variable the program reads other than through a flag (those that set a flag, like
/// COMPLAINTS_NOW for --as-of, are described from the flag).
struct EnvironmentVariable {
    std::string_view names; ///< e.g. "VISUAL, EDITOR"
    std::string_view meaning;
};

const std::vector<EnvironmentVariable>& other_variables() {
    static const std::vector<EnvironmentVariable> variables{
        {"COMPLAINTS_CACHE",
         "off: read every complaint file, never the cache in .cache/ (default: on)."},
        {"COMPLAINTS_LOCK_WAIT",
         "Seconds to wait for a register another command holds (default: 5; at most 600)."},
        {"COMPLAINTS_POLICY_DIR", "An extra folder of policies that init --policy NAME looks in "
                                  "first."},
        {"VISUAL, EDITOR", "The editor edit opens (VISUAL first)."},
        {"NO_COLOR", "When set and not empty, never colour the output."},
        {"TERM", "When dumb, never colour the output."},
        {"COLUMNS", "The terminal width tables are cut to (default: the terminal's own size). "
                    "Output to a pipe or file is never cut."},
    };
    return variables;
}

std::string bold(std::string_view text) {
    return "\\fB" + roff_text(text) + "\\fR";
}
std::string italic(std::string_view text) {
    return "\\fI" + roff_text(text) + "\\fR";
}

std::string upper(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

/// What to call a flag's value: its choices, else what it names, else CLI11's type.
std::string value_words(const FlagDoc& flag) {
    switch (flag.hint.kind) {
    case ValueKind::complaint_id:
        return italic("ID");
    case ValueKind::file: // a name from a list, or any file
        return flag.hint.values.empty() ? italic("FILE") : italic("NAME") + "|" + italic("FILE");
    case ValueKind::folder:
        return italic("DIR");
    case ValueKind::text:
        break;
    }
    if (flag.hint.values.empty())
        return italic(flag.positional ? upper(flag.names.front()) : flag.value_name);
    std::vector<std::string> choices;
    for (const std::string& value : flag.hint.values)
        choices.push_back(italic(value));
    return fmt::format("{}", fmt::join(choices, "|"));
}

/// A positional as the synopsis of its command shows it: ID, [FOLDER], TEXT...
std::string positional_usage(const FlagDoc& flag) {
    std::string word = italic(upper(flag.names.front()));
    if (flag.repeatable) word += "...";
    return flag.required ? word : "[" + word + "]";
}

/// The line naming a flag (after .TP): "\fB\-C\fR, \fB\-\-register\fR \fIDIR\fR".
std::string flag_heading(const FlagDoc& flag) {
    if (flag.positional) return italic(upper(flag.names.front()));
    std::vector<std::string> names;
    for (const std::string& name : flag.names)
        names.push_back(bold(name));
    std::string heading = fmt::format("{}", fmt::join(names, ", "));
    if (!flag.value_name.empty()) heading += " " + value_words(flag);
    return heading;
}

/// What follows a flag's help text: "Required.", "Not with --for.", "Read from ... when not
/// given." (help texts already say when a flag is repeatable).
std::string flag_notes(const FlagDoc& flag) {
    std::string notes;
    if (flag.required && !flag.positional) notes += " Required.";
    for (const std::string& excluded : flag.excludes)
        notes += " Not with " + bold(excluded) + ".";
    if (!flag.environment.empty())
        notes += " Read from " + bold(flag.environment) + " when not given.";
    return notes;
}

std::string sentence(std::string_view text) {
    std::string line = roff_text(text);
    if (!line.empty() && line.back() != '.') line += '.';
    return line;
}

std::string flag_entry(const FlagDoc& flag) {
    return ".TP\n" + flag_heading(flag) + "\n" + sentence(flag.help) + flag_notes(flag) + "\n";
}

std::string example_block(std::string_view example) {
    if (example.empty()) return "";
    std::string block = ".PP\n.EX\n";
    std::size_t start = 0;
    while (start < example.size()) {
        std::size_t end = example.find('\n', start);
        if (end == std::string_view::npos) end = example.size();
        block += roff_text(example.substr(start, end - start)) + "\n";
        start = end + 1;
    }
    return block + ".EE\n";
}

/// The heading of a command's section: `.SS \fBpolicy repin\fR \fIID\fR`.
std::string command_heading(const std::string& path, const CommandDoc& command) {
    std::string heading = ".SS " + bold(path);
    if (!command.commands.empty()) {
        std::vector<std::string> names;
        for (const CommandDoc& sub : command.commands)
            names.push_back(bold(sub.name));
        heading += " " + fmt::format("{}", fmt::join(names, "|"));
    }
    for (const FlagDoc& flag : command.flags)
        if (flag.positional) heading += " " + positional_usage(flag);
    return heading + "\n";
}

/// A command's section, then its subcommands' (whose example, when they have none of their
/// own, CLI11 copies from their parent: shown once).
std::string command_section(const std::string& path, const CommandDoc& command,
                            std::string_view parent_example = {}) {
    std::string section = command_heading(path, command) + sentence(command.summary) + "\n";
    for (const FlagDoc& flag : command.flags)
        section += flag_entry(flag);
    if (command.example != parent_example) section += example_block(command.example);
    for (const CommandDoc& sub : command.commands)
        section += command_section(path + " " + sub.name, sub, command.example);
    return section;
}

std::string synopsis(const CommandDoc& program) {
    std::string text = ".B " + program.name + "\n";
    for (const FlagDoc& flag : program.flags) {
        if (flag.names.back() == "--help" || flag.names.back() == "--version") continue;
        text += "[" + bold(flag.names.front());
        if (!flag.value_name.empty()) text += " " + value_words(flag);
        text += "]\n";
    }
    return text + italic("COMMAND") + " [" + italic("ARGS") + "...]\n";
}

std::string global_options(const CommandDoc& program) {
    std::string text;
    for (const FlagDoc& flag : program.flags)
        text += flag_entry(flag);
    return text;
}

std::string commands(const CommandDoc& program) {
    std::string text;
    for (const CommandDoc& command : program.commands)
        text += command_section(command.name, command);
    return text;
}

std::string exit_status() {
    std::string text;
    for (const ExitCodeMeaning& exit : exit_code_meanings())
        text += fmt::format(".IP {} 4\n{}\n", exit.code, sentence(exit.meaning));
    return text;
}

/// A variable that sets a flag when the flag is not given (CLI11's envname).
struct FlagVariable {
    std::string name;                  ///< e.g. "COMPLAINTS_USER"
    std::string flag;                  ///< e.g. "--by"
    std::vector<std::string> commands; ///< where the flag is, e.g. "ack"; none: a global flag
};

void collect_flag_variables(const CommandDoc& command, const std::string& path,
                            std::vector<FlagVariable>& found) {
    for (const FlagDoc& flag : command.flags) {
        if (flag.environment.empty()) continue;
        auto entry = std::find_if(found.begin(), found.end(), [&](const FlagVariable& v) {
            return v.name == flag.environment;
        });
        if (entry == found.end())
            entry =
                found.insert(found.end(), FlagVariable{flag.environment, flag.names.back(), {}});
        if (!path.empty()) entry->commands.push_back(path);
    }
    for (const CommandDoc& sub : command.commands)
        collect_flag_variables(sub, path.empty() ? sub.name : path + " " + sub.name, found);
}

std::string flag_variable_entry(const FlagVariable& variable) {
    std::string text = ".TP\n" + bold(variable.name) + "\nSets " + bold(variable.flag);
    if (!variable.commands.empty()) {
        std::vector<std::string> names;
        for (const std::string& command : variable.commands)
            names.push_back(bold(command));
        text += fmt::format(" (of {})", fmt::join(names, ", "));
    }
    return text + " when it is not given; an empty value counts as unset.\n";
}

std::string environment(const CommandDoc& program) {
    std::vector<FlagVariable> from_flags;
    collect_flag_variables(program, "", from_flags);
    std::string text;
    for (const FlagVariable& variable : from_flags)
        text += flag_variable_entry(variable);
    for (const EnvironmentVariable& variable : other_variables())
        text += ".TP\n" + bold(variable.names) + "\n" + sentence(variable.meaning) + "\n";
    return text;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

std::string roff_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

std::string man_page(const CommandDoc& program, std::string_view prose, std::string_view version) {
    std::string page =
        ".\\\" Written by `complaints generate man` from man/complaints.1.in and the "
        "program's\n.\\\" command line: edit those, not this file.\n";
    page += prose;
    replace_all(page, "@VERSION@", roff_text(version));
    replace_all(page, "@SYNOPSIS@\n", synopsis(program));
    replace_all(page, "@GLOBAL_OPTIONS@\n", global_options(program));
    replace_all(page, "@COMMANDS@\n", commands(program));
    replace_all(page, "@EXIT_STATUS@\n", exit_status());
    replace_all(page, "@ENVIRONMENT@\n", environment(program));
    return page;
}

} // namespace complaints::cli
