#include "cli/commands.hpp"
#include "cli/letter_markdown.hpp"
#include "cli/letter_template.hpp"
#include "cli/private_file.hpp"

#include "complaints/letter.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct LetterOptions {
    std::string id;
    std::string kind;
    std::string format = "text";
    std::string output;
    bool force = false;
};

/// The register's own template for `kind` when it has one, else the one built in.
Result<TemplateFile> template_for(LetterKind kind, Session& session) {
    auto reg = session.open_register();
    if (!reg) return reg.error();
    auto own = (*reg)->letter_template(name_of(letter_kind_names, kind));
    if (!own) return own.error();
    if (*own) return std::move(**own);
    return TemplateFile{shipped_letter_template_path(kind),
                        std::string(shipped_letter_template(kind))};
}

std::string in_format(const std::string& markdown, const std::string& format) {
    if (format == "markdown") return markdown;
    if (format == "html") return markdown_to_html(markdown);
    return markdown_to_text(markdown);
}

Status run_letter(const LetterOptions& options, Session& session) {
    const LetterKind kind = *value_named(letter_kind_names, options.kind);
    auto letter_template = template_for(kind, session);
    if (!letter_template) return letter_template.error();
    const auto& placeholders = letter_placeholders();
    if (auto checked = check_letter_template(*letter_template, placeholders); !checked)
        return checked;
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    auto now = session.now(reading->calendar->zone());
    if (!now) return now.error();
    auto fields = letter_fields(kind, reading->complaint, reading->state, *reading->policy,
                                *reading->calendar, *now);
    if (!fields) return fields.error();
    auto markdown = fill_letter_template(*letter_template, *fields, placeholders);
    if (!markdown) return markdown.error();
    const std::string letter = in_format(*markdown, options.format);
    if (options.output.empty()) {
        print_out(letter);
        return done();
    }
    return write_private_file(options.output, letter, options.force, "a letter");
}

} // namespace

void add_letter_command(CommandTable& table) {
    auto options = std::make_shared<LetterOptions>();
    CLI::App* command =
        add_command(table, "letter",
                    "Write a letter to the complainant: acknowledgement, outcome, escalation or "
                    "update (templates: docs/LETTERS.md)",
                    "complaints letter k7m2 acknowledgement --format html -o k7m2-ack.html");
    add_complaint_id(table, command, options->id);
    std::vector<std::string> kinds;
    for (std::string_view name : names_in(letter_kind_names))
        kinds.emplace_back(name);
    one_of(table, command->add_option("kind", options->kind, "Which letter")->required(), kinds);
    one_of(table, command->add_option("--format", options->format, "text, markdown or html"),
           {"text", "markdown", "html"});
    value_is(table,
             command->add_option("-o,--output", options->output,
                                 "Write the letter to this new file (mode 0600), not stdout"),
             ValueKind::file);
    command->add_flag("--force", options->force, "With -o: replace the file if it exists");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_letter(*options, session); };
    });
}

} // namespace complaints::cli
