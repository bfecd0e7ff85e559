#include "cli/commands.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

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

/// A private copy of the file to edit, in the temporary folder, readable only by us.
Result<fs::path> make_copy(const std::string& id, std::string_view text) {
    const fs::path folder = fs::temp_directory_path();
    std::string name = (folder / ("complaint-" + id + "-XXXXXX.toml")).string();
    const int fd = mkstemps(name.data(), 5);
    if (fd < 0)
        return io_error(fmt::format("cannot create a temporary file: {}", std::strerror(errno)));
    ::close(fd);
    if (auto written = write_file_atomically(name, text); !written) return written.error();
    return fs::path(name);
}

/// Runs the editor through the shell, as git does, so "code --wait" works.
Status run_editor(const fs::path& file) {
    const std::string command = editor() + " \"$@\"";
    const pid_t pid = fork();
    if (pid < 0) return io_error("cannot start the editor");
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), "sh", file.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return usage_error(fmt::format("the editor ({}) failed; nothing was changed", editor()));
    return done();
}

Status run_edit(const EditOptions& options, Session& session) {
    auto reading = session.read(options.id);
    if (!reading) return reading.error();
    auto reg = session.open_register();
    if (!reg) return reg.error();
    const std::string id = reading->complaint.id;
    auto original = read_text_file((*reg)->complaint_path(id));
    if (!original) return original.error();
    auto copy = make_copy(id, *original);
    if (!copy) return copy.error();
    if (auto edited = run_editor(*copy); !edited) return edited;
    auto text = read_text_file(*copy);
    if (!text) return text.error();
    if (*text == *original) {
        fs::remove(*copy);
        fmt::print(stderr, "complaints: {} unchanged\n", id);
        return done();
    }
    const Policy& policy = *reading->policy;
    const WorkingCalendar& calendar = *reading->calendar;
    auto now = session.now(calendar.zone());
    auto validate = [&](const Complaint& updated) -> Status {
        if (auto state = derive_state(updated, policy, calendar, *now); !state)
            return state.error();
        return done();
    };
    auto checked = parse_complaint(*text, copy->string());
    Status saved = checked ? validate(*checked) : Status(checked.error());
    if (saved) saved = (*reg)->replace(id, *text, validate);
    if (!saved) {
        Error error = saved.error();
        error.message +=
            fmt::format("\nnothing was changed; your edit is kept in {}", copy->string());
        return error;
    }
    fs::remove(*copy);
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
