#pragma once
/// Letter templates: Markdown with mustache tags ({{name}}, {{#section}}...{{/section}}),
/// rendered with kainjow's mustache. A template is checked before it is used: a tag naming
/// nothing would otherwise print as blank text in a letter.

#include "complaints/letter.hpp"
#include "complaints/store.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

/// Checks `letter_template` against `placeholders`: it must parse (every section closed, every
/// tag ended) and each tag ({{x}}, {{{x}}}, {{&x}}, {{#x}}, {{^x}}, {{/x}}) must name a
/// placeholder valid where it stands: the letter's own names everywhere, a record's names
/// inside its section, `{{.}}` inside a section over words. A value is used as a value, a
/// flag or a list as a section. Partials ({{>x}}) are refused. Each problem is a data error at
/// the template's FILE:LINE:COL (columns count characters), with "did you mean" where a name
/// is close; the first one found is returned.
Status check_letter_template(const TemplateFile& letter_template,
                             const std::vector<Placeholder>& placeholders);

/// The letter in Markdown: `letter_template` (checked first) filled with `fields`, each value
/// escaped for Markdown (links as autolinks), whichever tag it is in: {{{x}}} and {{&x}} are
/// escaped too, since a value from a file is never markup.
Result<std::string> fill_letter_template(const TemplateFile& letter_template,
                                         const LetterFields& fields,
                                         const std::vector<Placeholder>& placeholders);

} // namespace complaints::cli
