#include "cli/commands.hpp"
#include "core/file_io.hpp"

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
    const Policy& policy = *reading->policy;
    const WorkingCalendar& calendar = *reading->calendar;
    auto now = session.now(calendar.zone());
    if (!now) return now.error();
    auto validate = [&](const Complaint& updated) -> Status {
        auto state = derive_state(updated, policy, calendar, *now);
        if (!state) return state.error();
        // An edit may not leave an event out of order that was not so before.
        const std::vector<Error> added = new_anomalies(reading->state, *state);
        if (!added.empty()) return added.front();
        return done();
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
