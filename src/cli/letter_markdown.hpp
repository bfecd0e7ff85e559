#pragma once
/// Letters are written in Markdown (CommonMark) and printed as Markdown, HTML or plain text.
/// Values from files go into the Markdown escaped, so that they always read as the words they
/// are; cmark (libcmark) parses the result for the other two formats.

#include <cstddef>
#include <string>
#include <string_view>

namespace complaints::cli {

/// `text` (a value from a complaint or policy file) as Markdown that shows exactly that text:
/// control and bidi characters made visible (as terminal_safe does), Markdown's special
/// characters backslash-escaped, and what would begin a block at the start of a line (`#`,
/// `>`, `-`, `+`, `=`, `1.`) escaped too. Lines keep together as one paragraph (hard breaks);
/// their leading spaces are dropped, so that nothing becomes a code block.
std::string markdown_text(std::string_view text);

/// `url` as a Markdown autolink (`<https://...>`) when it is a plain http or https address;
/// else as `markdown_text`, so that an odd value never becomes a link.
std::string markdown_link(std::string_view url);

/// A Markdown letter as plain text with no markup left: paragraphs and headings wrapped at
/// `width` terminal columns, list items after "- " (or "1. "), a link's address after its text
/// unless the text is the address, raw HTML left out; a blank line between blocks.
std::string markdown_to_text(std::string_view markdown, std::size_t width = 72);

/// A Markdown letter as a complete small HTML document: charset utf-8, a viewport, a title
/// (the first heading), an inline style, no scripts and no external resources. cmark's safe
/// mode leaves out raw HTML and links to `javascript:` and the like.
std::string markdown_to_html(std::string_view markdown);

} // namespace complaints::cli
