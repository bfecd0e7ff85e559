// The man page writer (src/cli/man_page.cpp): roff escaping and the sections it writes into
// the prose.
#include "cli/command_doc.hpp"

#include <doctest/doctest.h>

using namespace complaints::cli;

namespace {

CommandDoc program() {
    FlagDoc register_flag{.names = {"-C", "--register"},
                          .value_name = "TEXT",
                          .help = "Register folder",
                          .hint = {ValueKind::folder, {}}};
    FlagDoc as_of{.names = {"--as-of"},
                  .value_name = "TEXT",
                  .help = "Act as of this moment",
                  .environment = "COMPLAINTS_NOW"};
    FlagDoc id{.names = {"id"},
               .positional = true,
               .value_name = "TEXT",
               .help = "Complaint ID",
               .required = true,
               .hint = {ValueKind::complaint_id, {}}};
    FlagDoc until{.names = {"--until"},
                  .value_name = "TEXT",
                  .help = "New due date, YYYY-MM-DD",
                  .excludes = {"--for"}};
    FlagDoc format{.names = {"--format"},
                   .value_name = "TEXT",
                   .help = "text or json",
                   .hint = {ValueKind::text, {"text", "json"}}};
    CommandDoc extend{.name = "extend",
                      .summary = "Extend a deadline",
                      .example = "complaints extend k7m2 --for \"10 days\" \\\n    --reason x\n",
                      .flags = {id, until, format}};
    return CommandDoc{.name = "complaints", .flags = {register_flag, as_of}, .commands = {extend}};
}

const char* prose = ".TH COMPLAINTS 1 \"\" \"@VERSION@\"\n.SH SYNOPSIS\n@SYNOPSIS@\n"
                    ".SH GLOBAL OPTIONS\n@GLOBAL_OPTIONS@\n.SH COMMANDS\n@COMMANDS@\n"
                    ".SH EXIT STATUS\n@EXIT_STATUS@\n.SH ENVIRONMENT\n@ENVIRONMENT@\n";

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE_BEGIN("cli::man_page");

TEST_CASE("roff text: hyphens and backslashes escaped, a leading dot or quote guarded") {
    CHECK(roff_text("list-overdue --exit-status") == "list\\-overdue \\-\\-exit\\-status");
    CHECK(roff_text("a \\ b") == "a \\e b");
    CHECK(roff_text(".SH not a request") == "\\&.SH not a request");
    CHECK(roff_text("'quoted'") == "\\&'quoted'");
    CHECK(roff_text("it's") == "it's");
}

TEST_CASE("every placeholder is replaced; the version goes in the title") {
    const std::string page = man_page(program(), prose, "complaints 0.1.0");
    CHECK_FALSE(has(page, "@"));
    CHECK(has(page, ".TH COMPLAINTS 1 \"\" \"complaints 0.1.0\""));
    CHECK(page.starts_with(".\\\" Written by `complaints generate man`"));
}

TEST_CASE("a command: its positionals in the heading, each flag, notes, the example") {
    const std::string page = man_page(program(), prose, "v");
    CHECK(has(page, ".SS \\fBextend\\fR \\fIID\\fR\nExtend a deadline.\n"));
    CHECK(has(page, ".TP\n\\fB\\-\\-until\\fR \\fITEXT\\fR\nNew due date, YYYY\\-MM\\-DD. Not "
                    "with \\fB\\-\\-for\\fR.\n"));
    CHECK(has(page, ".TP\n\\fB\\-\\-format\\fR \\fItext\\fR|\\fIjson\\fR\n"));
    CHECK(has(page,
              ".EX\ncomplaints extend k7m2 \\-\\-for \"10 days\" \\e\n    \\-\\-reason x\n.EE\n"));
}

TEST_CASE("synopsis, global options, exit status and environment") {
    const std::string page = man_page(program(), prose, "v");
    CHECK(has(page,
              ".B complaints\n[\\fB\\-C\\fR \\fIDIR\\fR]\n[\\fB\\-\\-as\\-of\\fR \\fITEXT\\fR]\n"
              "\\fICOMMAND\\fR [\\fIARGS\\fR...]\n"));
    CHECK(has(page, "\\fB\\-C\\fR, \\fB\\-\\-register\\fR \\fIDIR\\fR\nRegister folder.\n"));
    CHECK(has(page, "Read from \\fBCOMPLAINTS_NOW\\fR when not given."));
    CHECK(has(page, ".IP 0 4\nsuccess.\n"));
    CHECK(has(page, ".IP 6 4\n"));
    CHECK(
        has(page, ".TP\n\\fBCOMPLAINTS_NOW\\fR\nSets \\fB\\-\\-as\\-of\\fR when it is not given"));
    CHECK(has(page, ".TP\n\\fBCOMPLAINTS_LOCK_WAIT\\fR\n"));
    CHECK(has(page, ".TP\n\\fBCOMPLAINTS_CACHE\\fR\n"));
    CHECK(has(page, ".TP\n\\fBNO_COLOR\\fR\n"));
}

TEST_SUITE_END();
