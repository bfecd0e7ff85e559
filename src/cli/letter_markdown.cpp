// Markdown for letters: escaping values into it, and cmark's tree out of it as plain text or
// as an HTML document.

#include "cli/letter_markdown.hpp"

#include "cli/escape.hpp"
#include "complaints/utf8.hpp"

#include <cmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace complaints::cli {

namespace {

/// Characters that mean something to Markdown wherever they are.
constexpr std::string_view inline_specials = "\\`*_[]<>&!~|";
/// Characters that begin a block at the start of a line (`>` is escaped everywhere anyway).
constexpr std::string_view block_starts = "#-+=";

/// One line of a value, escaped; `line` has no newline.
std::string markdown_line(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    line.remove_prefix(first);
    std::string out;
    if (block_starts.find(line.front()) != std::string_view::npos) out += '\\';
    // "1." or "2)" at the start would begin an ordered list.
    const std::size_t digits = line.find_first_not_of("0123456789");
    const bool numbered = digits > 0 && digits != std::string_view::npos &&
                          (line[digits] == '.' || line[digits] == ')');
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (inline_specials.find(line[i]) != std::string_view::npos || (numbered && i == digits))
            out += '\\';
        out += line[i];
    }
    return out;
}

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using Document = std::unique_ptr<cmark_node, NodeDeleter>;

Document parse(std::string_view markdown) {
    return Document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
}

std::string literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text ? text : "";
}

/// The words of inline `node` and its children: a soft break is a space, a hard break a
/// newline, a link's address follows its text, raw HTML is left out.
std::string inline_text(cmark_node* node) {
    std::string out;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            out += literal(child);
            break;
        case CMARK_NODE_SOFTBREAK:
            out += ' ';
            break;
        case CMARK_NODE_LINEBREAK:
            out += '\n';
            break;
        case CMARK_NODE_LINK: {
            const std::string words = inline_text(child);
            const std::string url = cmark_node_get_url(child) ? cmark_node_get_url(child) : "";
            out += words;
            if (!url.empty() && url != words && url != "mailto:" + words)
                out += fmt::format(" ({})", url);
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            break;
        default: // emphasis, strong, image (its description)
            out += inline_text(child);
        }
    }
    return out;
}

/// Lines of `text` filled to `width` columns: the first after `first`, the rest after `rest`.
/// A word longer than the width (a web address) has a line of its own, uncut.
std::string wrapped(std::string_view text, std::size_t width, const std::string& first,
                    const std::string& rest) {
    std::string out;
    std::string line = first;
    std::size_t used = utf8::width(first);
    bool empty = true;
    auto flush = [&] {
        out += line + "\n";
        line = rest;
        used = utf8::width(rest);
        empty = true;
    };
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", at), text.size());
        const std::string_view word = text.substr(at, end - at);
        if (!word.empty()) {
            const std::size_t columns = utf8::width(word);
            if (!empty && used + 1 + columns > width) flush();
            line += (empty ? "" : " ") + std::string(word);
            used += (empty ? 0 : 1) + columns;
            empty = false;
        }
        if (end < text.size() && text[end] == '\n') flush();
        at = end + 1;
    }
    if (!empty) flush();
    return out;
}

/// Writes block nodes as plain text.
class PlainText {
  public:
    explicit PlainText(std::size_t width) : width_(width) {}

    /// The blocks under `node`, each after `first` (its first line) and `rest` (the others).
    std::string blocks(cmark_node* node, const std::string& first, const std::string& rest,
                       bool tight = false) {
        std::string out;
        bool at_first = true;
        for (cmark_node* child = cmark_node_first_child(node); child;
             child = cmark_node_next(child)) {
            std::string text = block(child, at_first ? first : rest, rest);
            if (text.empty()) continue;
            if (!out.empty() && !tight) out += "\n";
            out += text;
            at_first = false;
        }
        return out;
    }

  private:
    std::size_t width_;

    std::string block(cmark_node* node, const std::string& first, const std::string& rest) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            return wrapped(inline_text(node), width_, first, rest);
        case CMARK_NODE_LIST:
            return list(node, first, rest);
        case CMARK_NODE_BLOCK_QUOTE:
            return blocks(node, first + "  ", rest + "  ");
        case CMARK_NODE_CODE_BLOCK: {
            std::string out;
            const std::string code = literal(node);
            std::size_t at = 0;
            while (at < code.size()) {
                const std::size_t end = std::min(code.find('\n', at), code.size());
                out += (out.empty() ? first : rest) + "    " + code.substr(at, end - at) + "\n";
                at = end + 1;
            }
            return out;
        }
        default: // raw HTML and thematic breaks are left out
            return {};
        }
    }

    std::string list(cmark_node* node, const std::string& first, const std::string& rest) {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        const bool tight = cmark_node_get_list_tight(node) != 0;
        int number = cmark_node_get_list_start(node);
        std::string out;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            const std::string marker = ordered ? fmt::format("{}. ", number++) : "- ";
            if (!out.empty() && !tight) out += "\n";
            out += blocks(item, (out.empty() ? first : rest) + marker,
                          rest + std::string(marker.size(), ' '), tight);
        }
        return out;
    }
};

/// The plain words of the first heading in `document`, for the HTML title.
std::string first_heading(cmark_node* document) {
    for (cmark_node* node = cmark_node_first_child(document); node; node = cmark_node_next(node))
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) return inline_text(node);
    return "Letter";
}

constexpr const char* html_head = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>
body {{ font-family: Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 40em;
       margin: 2em auto; padding: 0 1em; color: #111; background: #fff; }}
h1, h2 {{ font-size: 1.15em; }}
a {{ overflow-wrap: anywhere; }}
</style>
</head>
<body>
)";

} // namespace

std::string markdown_text(std::string_view text) {
    const std::string visible = terminal_safe(text, true);
    std::string out;
    std::size_t at = 0;
    while (at <= visible.size()) {
        const std::size_t end = std::min(visible.find('\n', at), visible.size());
        const std::string line = markdown_line(std::string_view(visible).substr(at, end - at));
        if (!line.empty()) out += (out.empty() ? "" : "\\\n") + line;
        at = end + 1;
    }
    return out;
}

std::string markdown_link(std::string_view url) {
    const bool web = url.starts_with("https://") || url.starts_with("http://");
    const bool plain =
        url.find_first_of(" <>\\`\"") == std::string_view::npos &&
        std::all_of(url.begin(), url.end(), [](char c) {
            return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
        });
    if (web && plain) return fmt::format("<{}>", url);
    return markdown_text(url);
}

std::string markdown_to_text(std::string_view markdown, std::size_t width) {
    const Document document = parse(markdown);
    return PlainText(width).blocks(document.get(), "", "");
}

std::string markdown_to_html(std::string_view markdown) {
    const Document document = parse(markdown);
    std::unique_ptr<char, decltype(&std::free)> body(
        cmark_render_html(document.get(), CMARK_OPT_DEFAULT), &std::free);
    return fmt::format(html_head, html_text(first_heading(document.get()))) + body.get() +
           "</body>\n</html>\n";
}

} // namespace complaints::cli
