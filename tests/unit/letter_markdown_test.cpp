#include "cli/letter_markdown.hpp"

#include <doctest/doctest.h>

using namespace complaints::cli;

TEST_SUITE_BEGIN("cli::letter_markdown");

TEST_CASE("a value's Markdown characters are escaped, so it reads as the words it is") {
    CHECK(markdown_text("*Jo* _Bloggs_") == "\\*Jo\\* \\_Bloggs\\_");
    CHECK(markdown_text("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(markdown_text("[click](https://example.org) & `code` ~x~ a|b \\") ==
          "\\[click\\](https://example.org) \\& \\`code\\` \\~x\\~ a\\|b \\\\");
    CHECK(markdown_text("![img](x.png)") == "\\!\\[img\\](x.png)");
    CHECK(markdown_text("Zoë O'Brien, Jr.") == "Zoë O'Brien, Jr.");
}

TEST_CASE("what would begin a block at the start of a line is escaped") {
    CHECK(markdown_text("# Heading") == "\\# Heading");
    CHECK(markdown_text("- item") == "\\- item");
    CHECK(markdown_text("+44 7700 900123") == "\\+44 7700 900123");
    CHECK(markdown_text("> quoted") == "\\> quoted");
    CHECK(markdown_text("=====") == "\\=====");
    CHECK(markdown_text("1. first") == "1\\. first");
    CHECK(markdown_text("2026) year") == "2026\\) year");
    CHECK(markdown_text("2026 was") == "2026 was");
}

TEST_CASE("lines of a value stay one paragraph, without indentation that would make code") {
    CHECK(markdown_text("First line\n    - second\n\n\nthird") ==
          "First line\\\n\\- second\\\nthird");
}

TEST_CASE("control and bidi characters are made visible") {
    CHECK(markdown_text("red\x1b[31m") == "red\\\\x1b\\[31m");
    CHECK(markdown_to_text(markdown_text("a\u202eb") + "\n") == "a\\u202eb\n");
}

TEST_CASE("a plain web address is a link; anything else stays text") {
    CHECK(markdown_link("https://www.gov.uk/cic") == "<https://www.gov.uk/cic>");
    CHECK(markdown_link("http://example.org/a_b") == "<http://example.org/a_b>");
    CHECK(markdown_link("javascript:alert(1)") == "javascript:alert(1)");
    CHECK(markdown_link("https://x.org/<b>") == "https://x.org/\\<b\\>");
    CHECK(markdown_link("https://x.org/a b") == "https://x.org/a b");
}

TEST_CASE("plain text: no markup, paragraphs wrapped, a link's address after its words") {
    const std::string markdown = "## Your complaint, reference 2a1m0001\n\n"
                                 "Dear **Jo**, we are *sorry*. See [our policy](https://x.org) "
                                 "or <https://y.org>.\n\n"
                                 "What we will do:\n\n- apology\n- correction of error\n";
    CHECK(markdown_to_text(markdown) ==
          "Your complaint, reference 2a1m0001\n\n"
          "Dear Jo, we are sorry. See our policy (https://x.org) or https://y.org.\n\n"
          "What we will do:\n\n- apology\n- correction of error\n");
}

TEST_CASE("plain text wraps at the width, never cutting a word or an address") {
    CHECK(markdown_to_text("one two three four five six\n", 10) ==
          "one two\nthree four\nfive six\n");
    CHECK(markdown_to_text("see https://example.org/a/very/long/address now\n", 10) ==
          "see\nhttps://example.org/a/very/long/address\nnow\n");
    CHECK(markdown_to_text("- a long item that wraps\n", 12) == "- a long\n  item that\n  wraps\n");
    CHECK(markdown_to_text("1. first\n2. second\n") == "1. first\n2. second\n");
    CHECK(markdown_to_text("ééé ééé\n", 4) == "ééé\nééé\n"); // columns, not bytes
}

TEST_CASE("plain text: escaped values come out as they were; raw HTML is left out") {
    CHECK(markdown_to_text("Dear " + markdown_text("*Jo* <b>") + ",\n") == "Dear *Jo* <b>,\n");
    CHECK(markdown_to_text("Before\n\n<div>raw</div>\n\nAfter <i>x</i>\n") ==
          "Before\n\nAfter x\n");
    CHECK(markdown_to_text("line one\\\nline two\n") == "line one\nline two\n");
}

TEST_CASE("HTML: a complete small document, values escaped, no scripts, no outside resources") {
    const std::string html = markdown_to_html("## Your complaint, reference 2a1m0001\n\nDear " +
                                              markdown_text("*Jo* <script>x</script> & Co") +
                                              ",\n\n<script>alert(1)</script>\n\n"
                                              "[bad](javascript:alert(1)) <https://www.gov.uk/>\n");
    CHECK(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n<title>Your complaint, reference 2a1m0001</title>"));
    CHECK(html.find("<p>Dear *Jo* &lt;script&gt;x&lt;/script&gt; &amp; Co,</p>") !=
          std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("<a href=\"https://www.gov.uk/\">https://www.gov.uk/</a>") !=
          std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.ends_with("</body>\n</html>\n"));
}

TEST_CASE("HTML: the title is escaped, and says Letter when there is no heading") {
    CHECK(markdown_to_html("# " + markdown_text("A <b> & c") + "\n")
              .find("<title>A &lt;b&gt; &amp; c</title>") != std::string::npos);
    CHECK(markdown_to_html("Hello\n").find("<title>Letter</title>") != std::string::npos);
}

TEST_SUITE_END();
