#pragma once
/// What the parts of the Register share (store.cpp; register_init.cpp creates a register,
/// register_check.cpp inspects its files for `check`, register_edit.cpp rewrites whole
/// complaint files): the names of the register's own files, and the lock.

#include "complaints/store.hpp"
#include "file_io.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string_view>

namespace complaints {

inline constexpr std::string_view lock_file_name = ".lock";
inline constexpr std::string_view calendar_file_name = "calendar.toml";
inline constexpr std::string_view gitattributes_file_name = ".gitattributes";
/// `edit`'s private copies are `REGISTER/.edit-ID-XXXXXX.toml`.
inline constexpr std::string_view edit_copy_prefix = ".edit-";

/// Whether `name` (a file in the register's root) is a copy `edit` is working on.
bool is_edit_copy_name(std::string_view name);

/// `path` must be a real folder, not a symlink planted in a clone.
Status check_real_folder(const fs::path& path);

/// The register's lock (flock on ROOT/.lock), waiting at most `wait`; when another command
/// holds it longer, a `busy` error that says nothing was changed.
Result<FileLock> lock_register(const fs::path& root, std::chrono::milliseconds wait);

/// Fails as `busy`, with `message`, when the file at `path` no longer holds `text` (someone
/// changed it since it was read).
Status unchanged_since(const fs::path& path, std::string_view text, std::string_view message);

/// How many cores the register reads on: one per core this process may run on, at most 8.
std::size_t cores_to_use();

/// Calls `work(i)` for every `i` below `items`, in no set order, on one thread per core (at
/// most 8; one thread for fewer than 128 items; the threads are started once per command,
/// src/core/workers.cpp), each thread taking the next run of items until none is left. An
/// exception in any thread is raised again here, after every thread has stopped; items not
/// yet begun are then left undone.
void share_among_cores(std::size_t items, const std::function<void(std::size_t)>& work);

} // namespace complaints
