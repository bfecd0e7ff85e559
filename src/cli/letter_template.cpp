// Letter templates: checked with kainjow's own parser (so that what is checked is what is
// rendered), then rendered with every value escaped for Markdown.

#include "cli/letter_template.hpp"

#include "cli/letter_markdown.hpp"
#include "complaints/spelling.hpp"
#include "complaints/utf8.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <charconv>

namespace complaints::cli {

namespace {

namespace mustache = kainjow::mustache;
using Component = mustache::component<std::string>;
using TagType = mustache::tag_type;

/// The error `message` at byte `offset` of `file`: line and column (in characters), 1-based.
Error at_offset(const TemplateFile& file, std::size_t offset, std::string message) {
    const std::string_view text = file.text;
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line_start =
        before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
    const auto column = static_cast<int>(utf8::count(before.substr(line_start))) + 1;
    return data_error(file.path, line, column, std::move(message));
}

/// kainjow's parse error ("Unclosed section \"x\" at 12") in our words, at its place.
Error parse_error(const TemplateFile& file, const std::string& message) {
    const std::size_t at = message.rfind(" at ");
    std::size_t offset = 0;
    if (at != std::string::npos)
        std::from_chars(message.data() + at + 4, message.data() + message.size(), offset);
    const std::size_t open = message.find('"');
    const std::size_t close = message.rfind('"');
    const std::string name =
        open < close ? message.substr(open + 1, close - open - 1) : std::string();
    if (message.starts_with("Unclosed section"))
        return at_offset(file, offset,
                         fmt::format("section {{{{#{0}}}}} is not closed: add {{{{/{0}}}}}", name));
    if (message.starts_with("Unopened section"))
        return at_offset(file, offset,
                         fmt::format("{{{{/{}}}}} closes a section that is not open", name));
    if (message.starts_with("Unclosed tag"))
        return at_offset(file, offset, "a tag is not closed: '{{' with no '}}' after it");
    return at_offset(file, offset, message);
}

Result<Component> parse(const TemplateFile& file) {
    mustache::context<std::string> context;
    mustache::context_internal<std::string> state{context};
    Component root;
    std::string error;
    mustache::parser<std::string> parser{file.text, state, root, error};
    if (!error.empty()) return parse_error(file, error);
    return root;
}

/// What a section makes valid inside it.
struct Scope {
    const std::vector<Placeholder>* names = nullptr; ///< a record's names
    bool item_is_words = false;                      ///< {{.}} stands for the item
};

/// Walks a parsed template, checking each tag against the names valid where it stands.
class TemplateCheck {
  public:
    TemplateCheck(const TemplateFile& file, const std::vector<Placeholder>& placeholders)
        : file_(file) {
        scopes_.push_back(Scope{&placeholders, false});
    }

    Status check(const std::vector<Component>& children) {
        for (const Component& component : children) {
            if (component.is_text()) continue;
            auto checked = check_tag(component);
            if (!checked) return checked;
        }
        return done();
    }

  private:
    const TemplateFile& file_;
    std::vector<Scope> scopes_;

    Error fail(const Component& component, std::string message) const {
        return at_offset(file_, component.position, std::move(message));
    }

    const Placeholder* find(std::string_view name) const {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
            if (scope->names)
                for (const Placeholder& placeholder : *scope->names)
                    if (placeholder.name == name) return &placeholder;
        return nullptr;
    }

    Error unknown(const Component& component) const {
        std::vector<std::string_view> names;
        for (const Scope& scope : scopes_)
            if (scope.names)
                for (const Placeholder& placeholder : *scope.names)
                    names.push_back(placeholder.name);
        const std::string& name = component.tag.name;
        const std::string best = closest_spelling(name, names);
        return fail(component,
                    fmt::format("unknown placeholder '{}'{} (the names are listed in "
                                "docs/LETTERS.md)",
                                name,
                                best.empty() ? "" : fmt::format("; did you mean '{}'?", best)));
    }

    Status check_tag(const Component& component) {
        const std::string& name = component.tag.name;
        switch (component.tag.type) {
        case TagType::variable:
        case TagType::unescaped_variable:
            return check_value(component);
        case TagType::section_begin:
        case TagType::section_begin_inverted: {
            if (name == ".") return fail(component, "'.' cannot open a section");
            const Placeholder* placeholder = find(name);
            if (!placeholder) return unknown(component);
            scopes_.push_back(inside(*placeholder, component.tag.type));
            auto checked = check(component.children);
            scopes_.pop_back();
            return checked;
        }
        case TagType::partial:
            return fail(component, fmt::format("partials ({{{{>{}}}}}) are not supported in "
                                               "letter templates",
                                               name));
        default: // comments, delimiter changes
            return done();
        }
    }

    Status check_value(const Component& component) {
        const std::string& name = component.tag.name;
        if (name == ".") {
            if (scopes_.back().item_is_words) return done();
            return fail(component, "'{{.}}' stands for an item only inside a section over words, "
                                   "such as {{#remedies}}{{.}}{{/remedies}}");
        }
        const Placeholder* placeholder = find(name);
        if (!placeholder) return unknown(component);
        if (placeholder->kind == PlaceholderKind::text ||
            placeholder->kind == PlaceholderKind::link)
            return done();
        return fail(
            component,
            fmt::format("'{0}' is {1}: use it as a section, {{{{#{0}}}}}...{{{{/{0}}}}}", name,
                        placeholder->kind == PlaceholderKind::flag ? "true or false" : "a list"));
    }

    static Scope inside(const Placeholder& placeholder, TagType type) {
        Scope scope;
        if (type == TagType::section_begin_inverted) return scope;
        if (placeholder.kind == PlaceholderKind::records) scope.names = &placeholder.fields;
        scope.item_is_words = placeholder.kind != PlaceholderKind::records &&
                              placeholder.kind != PlaceholderKind::flag;
        return scope;
    }
};

/// `fields` as mustache data, every value escaped for Markdown; an empty value is false, so
/// that {{#x}}...{{/x}} shows only when there is something to show.
mustache::data as_data(const LetterFields& fields, const std::vector<Placeholder>& placeholders) {
    mustache::data data{mustache::data::type::object};
    for (const Placeholder& placeholder : placeholders) {
        const std::string name(placeholder.name);
        switch (placeholder.kind) {
        case PlaceholderKind::text:
        case PlaceholderKind::link: {
            const std::string value = fields.text(name);
            if (value.empty())
                data.set(name, false);
            else
                data.set(name, placeholder.kind == PlaceholderKind::link ? markdown_link(value)
                                                                         : markdown_text(value));
            break;
        }
        case PlaceholderKind::flag: {
            auto flag = fields.flags.find(name);
            data.set(name, flag != fields.flags.end() && flag->second);
            break;
        }
        case PlaceholderKind::texts: {
            mustache::data items{mustache::data::type::list};
            if (auto list = fields.lists.find(name); list != fields.lists.end())
                for (const std::string& item : list->second)
                    items.push_back(markdown_text(item));
            data.set(name, items);
            break;
        }
        case PlaceholderKind::records: {
            mustache::data items{mustache::data::type::list};
            if (auto records = fields.records.find(name); records != fields.records.end())
                for (const LetterFields& record : records->second)
                    items.push_back(as_data(record, placeholder.fields));
            data.set(name, items);
            break;
        }
        }
    }
    return data;
}

/// `markdown` with no blank lines at its start, at most one blank line in a row (sections that
/// show nothing leave their blank lines behind), and one newline at its end.
std::string tidied(std::string_view markdown) {
    std::string out;
    int newlines = 2; // at the start, as after a blank line
    for (char c : markdown) {
        if (c == '\n' && ++newlines > 2) continue;
        if (c != '\n') newlines = 0;
        out += c;
    }
    while (out.ends_with("\n\n"))
        out.pop_back();
    if (!out.empty() && !out.ends_with('\n')) out += '\n';
    return out;
}

} // namespace

Status check_letter_template(const TemplateFile& letter_template,
                             const std::vector<Placeholder>& placeholders) {
    auto root = parse(letter_template);
    if (!root) return root.error();
    return TemplateCheck(letter_template, placeholders).check(root->children);
}

Result<std::string> fill_letter_template(const TemplateFile& letter_template,
                                         const LetterFields& fields,
                                         const std::vector<Placeholder>& placeholders) {
    if (auto checked = check_letter_template(letter_template, placeholders); !checked)
        return checked.error();
    mustache::mustache renderer{letter_template.text};
    // Values are escaped for Markdown already, in as_data, whichever tag holds them.
    renderer.set_custom_escape([](const std::string& text) { return text; });
    const std::string letter = renderer.render(as_data(fields, placeholders));
    if (!renderer.is_valid())
        return data_error(letter_template.path, 0, 0, renderer.error_message());
    return tidied(letter);
}

} // namespace complaints::cli
