// `complaints merge-file`: git's merge driver for complaint files (docs/FORMAT.md "Merges").

#include "cli/commands.hpp"
#include "cli/escape.hpp"
#include "cli/git.hpp"

#include "complaints/merge.hpp"
#include "core/file_io.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct MergeFileOptions {
    std::string base, ours, theirs, path;
    bool install = false;
};

/// A side of the merge: empty (no common ancestor) reads as an empty complaint.
Result<Complaint> side(const std::string& file, const std::string& shown_as) {
    auto text = read_text_file(file);
    if (!text) return text.error();
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) return Complaint{};
    return parse_complaint(*text, shown_as);
}

/// The time zone the complaint's times are written in: its policy's, as the register has it
/// (the register is found from the file's path in the repository), else UTC.
const date::time_zone* zone_of(const Complaint& complaint, const std::string& path) {
    const fs::path root = fs::path(path).parent_path().parent_path();
    auto reg = Register::open(root.empty() ? fs::path(".") : root);
    if (reg)
        if (auto policy = reg->policy(complaint.policy, complaint.policy_version))
            if (auto zone = WorkingCalendar::make(policy->calendar)) return zone->zone();
    return date::locate_zone("UTC");
}

/// A side that does not read (a hand edit gone wrong): git's own line union, which the
/// register tolerates (docs/FORMAT.md "Events out of order"), so nothing is lost.
Status union_merge(const MergeFileOptions& options, const Error& why) {
    warn(fmt::format("{}; merged by keeping both sides' lines", terminal_safe(why.to_string())));
    auto ran = run_program(
        {"git", "merge-file", "--union", "-q", options.ours, options.base, options.theirs},
        ChildOutput::capture);
    if (!ran || ran->status != 0) return io_error("git merge-file --union failed");
    return done();
}

void tell_conflicts(const Complaint& ours, const Complaint& merged, const std::string& path) {
    for (const MergeConflict& conflict : merged.conflicts) {
        if (std::find(ours.conflicts.begin(), ours.conflicts.end(), conflict) !=
            ours.conflicts.end())
            continue;
        warn(fmt::format("{}: both clones changed {}: this clone's value is kept and the "
                         "other's is in the file's 'conflicts' list; 'complaints check' shows it",
                         terminal_safe(path), terminal_safe(conflict.key)));
    }
}

Status run_merge_file(const MergeFileOptions& options, Session& session) {
    if (options.install) {
        auto reg = session.open_register();
        if (!reg) return reg.error();
        if (auto installed = install_merge_driver((*reg)->root()); !installed) return installed;
        print_out("This clone now merges complaint files with 'complaints merge-file'.\n");
        return done();
    }
    if (options.theirs.empty())
        return usage_error("merge-file needs BASE OURS THEIRS (or --install)");
    const std::string shown_as = options.path.empty() ? options.ours : options.path;
    auto base = side(options.base, shown_as + " (common ancestor)");
    auto ours = side(options.ours, shown_as + " (this clone)");
    auto theirs = side(options.theirs, shown_as + " (the other clone)");
    for (const auto* read : {&base, &ours, &theirs})
        if (!*read) return union_merge(options, read->error());
    const Complaint merged = merge_complaints(*base, *ours, *theirs);
    const std::string text = write_complaint(merged, zone_of(merged, shown_as));
    if (auto written = write_file_atomically(options.ours, text); !written) return written;
    tell_conflicts(*ours, merged, shown_as);
    return done();
}

} // namespace

void add_merge_file_command(CommandTable& table) {
    auto options = std::make_shared<MergeFileOptions>();
    CLI::App* command = add_command(
        table, "merge-file",
        "Merge two versions of a complaint file for git: events as a set, intake three-way "
        "(set up with --install)",
        "complaints merge-file --install");
    command->add_option("base", options->base, "The common ancestor (git's %O)");
    command->add_option("ours", options->ours, "This clone's version; the result goes here (%A)");
    command->add_option("theirs", options->theirs, "The other clone's version (%B)");
    command->add_option("path", options->path, "The file's path in the repository (%P)");
    command->add_flag("--install", options->install,
                      "Set up this clone's git to merge complaint files with this command");
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_merge_file(*options, session); };
    });
}

} // namespace complaints::cli
