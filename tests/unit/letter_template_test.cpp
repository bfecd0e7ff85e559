#include "cli/letter_template.hpp"

#include "support.hpp"

using namespace complaints;
using namespace complaints::cli;
using complaints::support::located;

namespace {

/// A few placeholders of each kind, as letter_placeholders() has them.
const std::vector<Placeholder>& test_placeholders() {
    static const std::vector<Placeholder> placeholders{
        {"complainant", PlaceholderKind::text, "", ""},
        {"summary", PlaceholderKind::text, "", ""},
        {"paused", PlaceholderKind::flag, "", ""},
        {"remedies", PlaceholderKind::texts, "", ""},
        {"routes",
         PlaceholderKind::records,
         "",
         "",
         {{"route", PlaceholderKind::text, "", ""}, {"body_url", PlaceholderKind::link, "", ""}}},
    };
    return placeholders;
}

LetterFields jo() {
    LetterFields fields;
    fields.texts = {{"complainant", "Jo Bloggs"}, {"summary", ""}};
    fields.flags = {{"paused", true}};
    fields.lists = {{"remedies", {"apology", "compensation"}}};
    LetterFields route;
    route.texts = {{"route", "complain to the CIC Regulator"},
                   {"body_url", "https://www.gov.uk/cic"}};
    fields.records = {{"routes", {route}}};
    return fields;
}

std::string filled(std::string text, const LetterFields& fields = jo()) {
    auto letter = fill_letter_template(TemplateFile{"letter.md", std::move(text)}, fields,
                                       test_placeholders());
    REQUIRE_MESSAGE(letter.ok(), (letter.ok() ? "" : letter.error().to_string()));
    return *letter;
}

Error problem(std::string text) {
    auto checked = check_letter_template(TemplateFile{"templates/outcome.md", std::move(text)},
                                         test_placeholders());
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().kind == ErrorKind::data);
    CHECK(checked.error().file == "templates/outcome.md");
    return checked.error();
}

} // namespace

TEST_SUITE_BEGIN("cli::letter_template");

TEST_CASE("each kind of tag: value, unescaped value, section, inverted section, list, records") {
    CHECK(filled("Dear {{complainant}},\n") == "Dear Jo Bloggs,\n");
    CHECK(filled("Dear {{{complainant}}} and {{&complainant}}\n") ==
          "Dear Jo Bloggs and Jo Bloggs\n");
    CHECK(filled("{{#paused}}On hold.{{/paused}}\n") == "On hold.\n");
    CHECK(filled("{{^paused}}Going on.{{/paused}}Done\n") == "Done\n");
    CHECK(filled("{{#remedies}}\n- {{.}}\n{{/remedies}}\n") == "- apology\n- compensation\n");
    CHECK(filled("{{#routes}}You may {{route}}: {{body_url}}{{/routes}}\n") ==
          "You may complain to the CIC Regulator: <https://www.gov.uk/cic>\n");
    CHECK(filled("{{! a note to whoever edits this }}Hello\n") == "Hello\n");
}

TEST_CASE("an empty value is false: its section is left out, its inverted section shown") {
    CHECK(
        filled("{{#summary}}About: {{summary}}{{/summary}}{{^summary}}No summary{{/summary}}\n") ==
        "No summary\n");
    LetterFields nameless = jo();
    nameless.texts["complainant"] = "";
    CHECK(filled("Dear {{#complainant}}{{complainant}}{{/complainant}}{{^complainant}}Sir or "
                 "Madam{{/complainant}},\n",
                 nameless) == "Dear Sir or Madam,\n");
}

TEST_CASE("values are escaped for Markdown in every kind of tag") {
    LetterFields starry = jo();
    starry.texts["complainant"] = "*Jo* <b>Bloggs</b>";
    CHECK(filled("{{complainant}}|{{{complainant}}}|{{&complainant}}\n", starry) ==
          "\\*Jo\\* \\<b\\>Bloggs\\</b\\>|\\*Jo\\* \\<b\\>Bloggs\\</b\\>|"
          "\\*Jo\\* \\<b\\>Bloggs\\</b\\>\n");
}

TEST_CASE("blank lines left by sections are tidied: none at the start, one in a row") {
    CHECK(filled("\n\nA\n\n{{#summary}}\nB\n\n{{/summary}}\n\nC\n\n\n") == "A\n\nC\n");
}

TEST_CASE("an unknown placeholder is located, with the name it was probably meant to be") {
    CHECK(located(problem("Dear\n  {{complainnat}},\n")) ==
          "2:3: unknown placeholder 'complainnat'; did you mean 'complainant'? (the names are "
          "listed in docs/LETTERS.md)");
    CHECK(located(problem("{{#remedys}}x{{/remedys}}")) ==
          "1:1: unknown placeholder 'remedys'; did you mean 'remedies'? (the names are listed "
          "in docs/LETTERS.md)");
    CHECK(located(problem("{{{nobody}}}")) ==
          "1:1: unknown placeholder 'nobody' (the names are listed in docs/LETTERS.md)");
    CHECK(located(problem("é {{&nobody}}")).starts_with("1:3: unknown placeholder 'nobody'"));
    CHECK(located(problem("{{^nobody}}x{{/nobody}}")).starts_with("1:1: unknown placeholder"));
}

TEST_CASE("a record's names are valid only inside its section") {
    CHECK(check_letter_template(TemplateFile{"t.md", "{{#routes}}{{route}}{{/routes}}"},
                                test_placeholders())
              .ok());
    CHECK(located(problem("{{route}}")) ==
          "1:1: unknown placeholder 'route'; did you mean 'routes'? (the names are listed in "
          "docs/LETTERS.md)");
    CHECK(located(problem("{{body_url}}")) ==
          "1:1: unknown placeholder 'body_url' (the names are listed in docs/LETTERS.md)");
    CHECK(located(problem("{{#routes}}{{rout}}{{/routes}}")) ==
          "1:12: unknown placeholder 'rout'; did you mean 'route'? (the names are listed in "
          "docs/LETTERS.md)");
}

TEST_CASE("lists and flags are sections, {{.}} is an item of a list of words") {
    CHECK(located(problem("{{remedies}}")) ==
          "1:1: 'remedies' is a list: use it as a section, {{#remedies}}...{{/remedies}}");
    CHECK(located(problem("{{paused}}")) ==
          "1:1: 'paused' is true or false: use it as a section, {{#paused}}...{{/paused}}");
    CHECK(located(problem("{{#routes}}{{.}}{{/routes}}"))
              .starts_with("1:12: '{{.}}' stands for an item only inside a section over words"));
    CHECK(located(problem("{{.}}")).starts_with("1:1: '{{.}}' stands for an item"));
}

TEST_CASE("a malformed template is located: unclosed and unopened sections, unclosed tags") {
    CHECK(located(problem("Hello\n{{#paused}}\non hold\n")) ==
          "2:1: section {{#paused}} is not closed: add {{/paused}}");
    CHECK(located(problem("Hello {{/paused}}")) ==
          "1:7: {{/paused}} closes a section that is not open");
    CHECK(located(problem("Hello\n\n  {{complainant")) ==
          "3:3: a tag is not closed: '{{' with no '}}' after it");
    CHECK(located(problem("{{#paused}}x{{/remedies}}")) ==
          "1:1: section {{#paused}} is not closed: add {{/paused}}");
}

TEST_CASE("partials are refused: a letter is one file") {
    CHECK(located(problem("{{>footer}}")) ==
          "1:1: partials ({{>footer}}) are not supported in letter templates");
}

TEST_CASE("nothing is rendered from a template that does not check") {
    auto letter =
        fill_letter_template(TemplateFile{"t.md", "Dear {{nmae}}"}, jo(), test_placeholders());
    CHECK_FALSE(letter.ok());
}

TEST_CASE("the shipped templates check against every placeholder") {
    for (const auto& [kind, name] : letter_kind_names) {
        const TemplateFile shipped{shipped_letter_template_path(kind),
                                   std::string(shipped_letter_template(kind))};
        auto checked = check_letter_template(shipped, letter_placeholders());
        CHECK_MESSAGE(checked.ok(), (checked.ok() ? "" : checked.error().to_string()));
    }
}

TEST_SUITE_END();
