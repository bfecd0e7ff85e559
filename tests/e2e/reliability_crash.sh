# Crash consistency: the tool is killed (SIGKILL) at random moments while it writes, and at
# exact system calls of each write (with strace), so that kills certainly land between the
# creation of the temporary file and the rename. Afterwards every file parses and holds either
# the old or the new content; temporary files left behind are ignored by readers and mentioned
# by `check`. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"
# The author given, so that no command asks git for user.name before it writes: strace -f
# would count git's own system calls and move the kills out of the write.
export COMPLAINTS_USER=sam

c init reg --policy big-bums >/dev/null
cd reg
details=$(printf 'A long account of what happened. %.0s' $(seq 1 300)) # bigger writes
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Crash test" \
  --details "$details" --severity minor </dev/null)
file=complaints/$id.toml

# kill_after MS ARGS...: start the tool, SIGKILL it after MS milliseconds, wait for it.
kill_after() {
  local ms=$1; shift
  "$COMPLAINTS" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '0.%03d' "$ms")"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# temporary_files: whether a write's temporary file (.NAME.toml.XXXXXX) is in complaints/.
temporary_files() { compgen -G 'complaints/.*.toml.??????' >/dev/null; }

# expect_old_or_new BEFORE TEXT WHAT: the complaint file holds BEFORE, or BEFORE plus exactly
# one note line holding TEXT; CHANGED says which (no or yes).
expect_old_or_new() {
  local after
  after=$(cat "$file"; echo .)
  CHANGED=no
  if [ "$after" != "$1" ]; then
    CHANGED=yes
    expect_eq "$(grep -c "\"$2\"" "$file")" 1 "$3: the new note line"
    expect_eq "$(grep -v "\"$2\"" "$file"; echo .)" "$1" "$3: everything else in the file"
  fi
  expect_exit 0 show "$id" --format json
}

changed=0 unchanged=0 mid_write=0
for round in $(seq 1 60); do
  before=$(cat "$file"; echo .)
  kill_after $((RANDOM % 20)) note "$id" "crash round $round"
  expect_old_or_new "$before" "crash round $round" "round $round"
  if [ "$CHANGED" == yes ]; then changed=$((changed + 1)); else unchanged=$((unchanged + 1)); fi
  if temporary_files; then mid_write=$((mid_write + 1)) && rm -f complaints/.*.toml.??????; fi
done
echo "note killed 60 times: $changed wrote the new content, $unchanged kept the old," \
  "$mid_write left a temporary file (killed mid-write)" >&2

files_before=$(ls complaints/*.toml | wc -l)
for round in $(seq 1 30); do
  kill_after $((RANDOM % 20)) add --name "Person $round" --contact "p$round@example.org" \
    --channel email --summary "Killed add $round" --severity minor
done
files_after=$(ls complaints/*.toml | wc -l)
echo "add killed 30 times: $((files_after - files_before)) complaints were created" >&2
rm -f complaints/.*.toml.??????

# --- Kills that land mid-write, by construction --------------------------------------------------
# Random moments can all miss the time between the creation of the temporary file and the
# rename: on tmpfs, where fsync waits for nothing, it is a few microseconds. So strace kills the
# tool when it makes a chosen system call of the write: its first write, fsync or lseek (the
# read back) or its rename. Each of those kills lands mid-write, and the temporary file it
# leaves is the evidence; the complaint must keep its old content. A kill at the second fsync
# (of the folder) lands after the rename: the new content, and no temporary file.
strace -f -qq -o /dev/null true ||
  fail "strace cannot trace here; tools/deps.sh installs it (a container must allow ptrace)"

# call_after_creation CALL K ARGS...: which of the tool's CALLs (as strace's `when=` counts
# them) is the Kth one after it creates its temporary file. Found by running the same command,
# untouched, under strace in a copy of the register: whatever the tool does before the
# temporary file (a warning on stderr, a message from the loader) cannot shift the kill out of
# the write. Calls before the temporary file are shown, so that a surprise is visible.
call_after_creation() {
  local call=$1 k=$2
  shift 2
  rm -rf ../probe ../probe.log && cp -a . ../probe
  (cd ../probe && strace -f -qq -o ../probe.log -e trace="openat,$call" "$COMPLAINTS" "$@" \
    >/dev/null 2>&1 </dev/null) || true
  awk -v name="${call#/^}" -v k="$k" '
    $2 ~ ("^" name "[a-z0-9]*[(]") {
      n++
      if (created && ++after == k) { print n; exit }
      if (!created) print "note: before the temporary file: " $0 >"/dev/stderr"
    }
    $2 ~ /^openat[(]/ && /O_EXCL/ && /[.]toml[.]/ { created = 1 }' ../probe.log
}

# kill_at CALL K ARGS...: runs the tool, killed by strace as it makes the Kth CALL (a system
# call name, or /regex) after creating its temporary file; RC is its exit code (137 when the
# kill landed).
kill_at() {
  local call=$1 k=$2
  shift 2
  local n
  n=$(call_after_creation "$call" "$k" "$@")
  [ -n "$n" ] || fail "$*: makes no $call call number $k after creating its temporary file"
  RC=0
  strace -f -qq -o /dev/null -e trace="$call" -e inject="$call:signal=KILL:when=$n" \
    "$COMPLAINTS" "$@" >/dev/null 2>&1 </dev/null &
  wait $! 2>/dev/null || RC=$? # quietly: the kill is expected
}

landed=0
for point in "write:before its content is written" "fsync:before it is synced" \
  "lseek:before it is read back" "/^rename:before the rename"; do
  call=${point%%:*} what=${point#*:}
  before=$(cat "$file"; echo .)
  kill_at "$call" 1 note "$id" "killed $what"
  expect_eq "$RC" 137 "note killed $what: exit code"
  temporary_files || fail "note killed $what: no temporary file, so the kill was not mid-write"
  landed=$((landed + 1))
  expect_eq "$(cat "$file"; echo .)" "$before" "note killed $what: the old content"
  temp=$(compgen -G 'complaints/.*.toml.??????')
  if [ "$call" == write ]; then
    expect_eq "$(stat -c %s "$temp")" 0 "note killed $what: the temporary file is empty"
  else
    expect_eq "$(grep -c "\"killed $what\"" "$temp")" 1 "note killed $what: written in full"
  fi
  expect_exit 0 show "$id" --format json
  rm "$temp"
done
before=$(cat "$file"; echo .)
kill_at fsync 2 note "$id" "killed after the rename"
expect_eq "$RC" 137 "note killed after the rename: exit code"
temporary_files && fail "note killed after the rename: a temporary file is left"
expect_old_or_new "$before" "killed after the rename" "note killed after the rename"
expect_eq "$CHANGED" yes "note killed after the rename: the new content"

count=$(ls complaints/*.toml | wc -l)
for call in write fsync lseek /^rename; do
  kill_at "$call" 1 add --name "Sam" --contact sam@example.org --channel email \
    --summary "Killed at $call" --severity minor
  expect_eq "$RC" 137 "add killed at $call: exit code"
  temporary_files || fail "add killed at $call: no temporary file, so the kill was not mid-write"
  landed=$((landed + 1))
  expect_eq "$(ls complaints/*.toml | wc -l)" "$count" "add killed at $call: no new complaint"
  rm complaints/.*.toml.??????
done
kill_at fsync 2 add --name "Sam" --contact sam@example.org --channel email \
  --summary "Killed after the rename" --severity minor
expect_eq "$RC" 137 "add killed after the rename: exit code"
expect_eq "$(ls complaints/*.toml | wc -l)" "$((count + 1))" "add killed after the rename"
echo "killed at exact system calls: $landed kills landed mid-write" >&2
files_after=$(ls complaints/*.toml | wc -l)

for f in complaints/*.toml; do
  expect_exit 0 show "$(basename "$f" .toml)" --format json
  [ "$(tail -c 2 "$f")" == "]" ] || fail "$f does not end with the closing bracket"
done

# Whatever the kills left behind, readers ignore temporary files; check mentions them.
printf 'id = "half' >"complaints/.$id.toml.AbC123"
expect_exit 0 check
expect_contains "$ERR" "complaints/.$id.toml.AbC123:1:1: temporary file left by an interrupted write" \
  "check mentions a leftover temporary file"
expect_eq "$(c list --format json | json 'len(d)')" "$files_after" "list ignores temporary files"
expect_exit 0 note "$id" "after the crashes"
