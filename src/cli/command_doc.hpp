#pragma once
/// The command line as the man page and the shell completions describe it: a plain copy of
/// CLI11's command tree (made by `describe_command_line` in generate.cpp), and the writers of
/// the man page (man_page.cpp) and the bash and zsh completions (completion.cpp). No CLI11.

#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

/// What an option's value names, where that matters to completion.
enum class ValueKind {
    text,         ///< anything: nothing to offer
    complaint_id, ///< a complaint in the register: `complaints ids` lists them
    file,         ///< a file path
    folder,       ///< a folder path
};

/// What completion offers for a value.
struct ValueHint {
    ValueKind kind = ValueKind::text;
    std::vector<std::string> values{}; ///< the allowed values, or suggestions
};

/// A flag or positional argument.
struct FlagDoc {
    std::vector<std::string> names{}; ///< "-C", "--register"; a positional's name, e.g. "id"
    bool positional = false;
    std::string value_name{}; ///< e.g. "TEXT"; empty for a flag that takes no value
    std::string help{};
    bool required = false;
    bool repeatable = false;             ///< may be given again (or takes the rest of the line)
    std::vector<std::string> excludes{}; ///< flags it may not be given with
    std::string environment{};           ///< the variable that sets it when it is not given
    ValueHint hint{};
};

/// A command, or the program itself (whose flags are the global ones).
struct CommandDoc {
    std::string name{}; ///< e.g. "repin"; "complaints" for the program
    std::string summary{};
    std::string example{}; ///< command lines, without the "Example:" heading
    std::vector<FlagDoc> flags{};
    std::vector<CommandDoc> commands{}; ///< subcommands shown in --help (hidden ones left out)
    bool hidden_commands = false;       ///< the program has hidden commands (e.g. `ids`)
};

/// The man page: `prose` (man/complaints.1.in) with its placeholder lines @SYNOPSIS@,
/// @GLOBAL_OPTIONS@, @COMMANDS@, @EXIT_STATUS@ and @ENVIRONMENT@ replaced by sections made from
/// `program`, and @VERSION@ by `version`.
std::string man_page(const CommandDoc& program, std::string_view prose, std::string_view version);

/// Text made safe for a roff line: backslashes and hyphen-minus escaped, and a leading `.`
/// or `'` guarded so it is not read as a request.
std::string roff_text(std::string_view text);

/// A bash completion script for `program` (commands, flags, values, complaint IDs).
std::string bash_completion(const CommandDoc& program);

/// A zsh completion function for `program`.
std::string zsh_completion(const CommandDoc& program);

} // namespace complaints::cli
