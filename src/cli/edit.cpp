#include "cli/commands.hpp"
#include "core/file_io.hpp"

#include "complaints/conformance.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct EditOptions {
    std::string id;
};

std::string editor() {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* value = std::getenv(name); value && *value) return value;
    return "vi";
}

/// Runs the editor through the shell, as git does, so "code --wait" works. The file is an
/// argument of the shell, never part of the command text.
Status run_editor(const fs::path& file) {
    auto ran = run_program({"/bin/sh", "-c", editor() + " \"$@\"", "sh", file.string()},
                           ChildOutput::inherit);
    if (!ran) return io_error("cannot start the editor");
    if (ran->status != 0)
        return usage_error(fmt::format("the editor ({}) failed; nothing was changed", editor()));
    return done();
}

/// An edit that was not saved says so: the copy is gone and the file is as it was.
Error not_saved(Error error) {
    if (error.kind != ErrorKind::busy)
        error.message += "\nnothing was changed; the edit was discarded";
    return error;
}

/// A reference to a policy the register lacks is a fault in the edited file, as `check`
/// reports it, not a missing complaint.
Error in_the_file(Error error) {
    if (error.kind == ErrorKind::not_found) error.kind = ErrorKind::data;
    return error;
}

/// What `check` would say of the edited complaint, read as `check` reads it (the policy
/// version it names, its calendar, its state): any error refuses the save, and so does an
/// event out of order or a value outside the policy that the file did not have before.
Status check_as_saved(Session& session, const Reading& before, const Complaint& updated) {
    auto after = session.read(updated);
    if (!after) return in_the_file(after.error());
    const std::vector<Error> out_of_order = new_anomalies(before.state, after->state);
    if (!out_of_order.empty()) return out_of_order.front();
    const PolicyFit fit = fit_to_policy(after->complaint, *after->policy);
    if (!fit.errors.empty()) return fit.errors.front();
    const PolicyFit was = fit_to_policy(before.complaint, *before.policy);
    const std::vector<Error> unusual = added_findings(was.warnings, fit.warnings);
    if (unusual.empty()) return done();
    Error refused = unusual.front();
    refused.message +=
        fmt::format(": 'complaints amend {} --channel NAME' records it as given", updated.id);
    return refused;
}

Status run_edit(const EditOptions& options, Session& session) {
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    auto reg = session.open_register();
    if (!reg) return reg.error();
    const std::string id = reading->complaint.id;
    auto copy = (*reg)->edit_copy(id); // removed on return, whatever happens
    if (!copy) return copy.error();
    if (auto edited = run_editor(copy->path()); !edited) return edited;
    auto text = copy->edited();
    if (!text) return text.error();
    if (*text == copy->original()) {
        fmt::print(stderr, "complaints: {} unchanged\n", id);
        return done();
    }
    auto validate = [&](const Complaint& updated) {
        return check_as_saved(session, *reading, updated);
    };
    if (auto saved = (*reg)->replace(id, *text, copy->original(), validate); !saved)
        return not_saved(saved.error());
    print_out(fmt::format("{}: saved\n", id));
    return done();
}

} // namespace

void add_edit_command(CommandTable& table) {
    auto options = std::make_shared<EditOptions>();
    CLI::App* command = add_command(
        table, "edit", "Edit a complaint in $VISUAL or $EDITOR; saved only if still valid",
        "EDITOR=nano complaints edit k7m2");
    add_complaint_id(table, command, options->id);
    command->callback([&chosen = table.chosen, options] {
        chosen = [options](Session& session) { return run_edit(*options, session); };
    });
}

} // namespace complaints::cli
