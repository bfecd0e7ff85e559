#!/bin/bash
# The layers, as docs/ARCHITECTURE.md draws them, checked on the source tree:
#  1. the core (src/core, include/) includes no command-line header: nothing from src/cli
#     ("cli/...") and nothing of CLI11 (<CLI/...>);
#  2. the command line's shared files include no command file. A command file is one that
#     defines a command: a src/cli/*.cpp defining one of the add_*_command(s) functions that
#     src/cli/commands.hpp declares. Its header, src/cli/NAME.hpp beside NAME.cpp, belongs to
#     it, unless a shared file implements that header too (includes it first, as a file does
#     its own header when it has none of its name: event_commands.hpp is also record.cpp's). Every other file in src/cli is
#     shared (context, output, present, escape, record, walk, commands.hpp, app.cpp, ...).
#  3. zone conversions go through src/core/time.cpp (zone_info, zone_local_info, to_local),
#     which applies the TZif footer rule the date library ignores: no get_info, to_local,
#     to_sys, zoned_time or make_zoned on a date::time_zone anywhere else.
# The lists are worked out from the tree each time, so a new command or shared file is covered
# without editing this script. Usage: layers.sh SOURCE_DIR
set -u
root=${1:?usage: layers.sh SOURCE_DIR}
cd "$root" || exit 2
failures=0
fail() { echo "architecture: $*" >&2; failures=$((failures + 1)); }

# Rule 1.
while IFS= read -r hit; do
  fail "the core includes a command-line header: $hit"
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](cli/|CLI/)' src/core include)

# The command files: where each function declared in commands.hpp is defined.
registrars=$(grep -oE '^void (add_[a-z_]+_commands?)\(CommandTable& table\);' src/cli/commands.hpp |
  sed -E 's/^void (add_[a-z_]+)\(.*/\1/' | sort -u)
[ -n "$registrars" ] || fail "src/cli/commands.hpp declares no add_*_command: has the pattern changed?"
command_files=()
for registrar in $registrars; do
  defined=$(grep -lE "^void $registrar\(CommandTable&" src/cli/*.cpp)
  [ -n "$defined" ] || fail "$registrar is declared in commands.hpp but defined in no src/cli file"
  command_files+=($defined)
done
mapfile -t command_files < <(printf '%s\n' "${command_files[@]}" | sort -u)
is_command_file() { printf '%s\n' "${command_files[@]}" | grep -qxF "$1"; }

shared_files=()
for file in src/cli/*; do
  is_command_file "$file" || shared_files+=("$file")
done

# The headers that belong to a command file, and are not implemented by a shared file too.
own_header() { # FILE.cpp: cli/FILE.hpp when there is one, else the header it includes first
  local stem
  stem=$(basename "$1" .cpp)
  if [ -f "src/cli/$stem.hpp" ]; then echo "cli/$stem.hpp"; return; fi
  grep -m1 -oE '^#include "cli/[a-z_]+\.hpp"' "$1" | sed -E 's/^#include "(.*)"/\1/'
}
command_headers=()
for file in "${command_files[@]}"; do
  header="cli/$(basename "$file" .cpp).hpp"
  [ -f "src/$header" ] || continue
  implemented_by_shared=no
  for shared in "${shared_files[@]}"; do
    [[ $shared == *.cpp ]] && [ "$(own_header "$shared")" = "$header" ] && implemented_by_shared=yes
  done
  [ $implemented_by_shared = no ] && command_headers+=("$header")
done

# Rule 2.
for shared in "${shared_files[@]}"; do
  for header in "${command_headers[@]}"; do
    grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"$header\"" "$shared" |
      while IFS= read -r hit; do echo "$shared:$hit"; done
  done
  grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*\.cpp"' "$shared" |
    while IFS= read -r hit; do echo "$shared:$hit"; done
done | while IFS= read -r hit; do
  echo "architecture: a shared command-line file includes a command file: $hit" >&2
  echo x
done | grep -q x && failures=$((failures + 1))

# Rule 3.
while IFS= read -r hit; do
  fail "a zone conversion outside src/core/time.cpp (use zone_info/to_local): $hit"
done < <(grep -rnE '(->|\.)(get_info|to_local|to_sys)\(|zoned_time|make_zoned' src include \
  --include='*.cpp' --include='*.hpp' | grep -v '^src/core/time\.cpp:' | grep -v '^[^:]*:[0-9]*:[[:space:]]*//')

echo "architecture: ${#command_files[@]} command files, ${#shared_files[@]} shared files," \
  "${#command_headers[@]} command headers (${command_headers[*]:-none}) checked" >&2
[ $failures -eq 0 ]
