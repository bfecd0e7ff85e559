# Rewrites of a whole complaint file (`edit`, `policy repin --yes`) are based on the text that
# was read: when another command changes the file meanwhile, nothing is saved, exit 6, and
# what the other command added is kept. `edit` works on a private copy inside the register
# (.edit-ID-XXXXXX.toml, mode 0600, ignored by git and by `check`) that is removed on every
# path. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

c init reg --policy big-bums >/dev/null
cd reg
git init -q . # so that the test can ask git whether it would ignore the copy
c merge-file --install >/dev/null
id=$(c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "Door" \
  --severity minor --received 2026-01-05T09:00 </dev/null)
file=complaints/$id.toml
export ID=$id WORK COMPLAINTS

# wait_stopped PID: returns once PID has stopped (a signal is delivered a moment after kill).
wait_stopped() {
  local state=
  until [ "$state" == T ]; do read -r _ _ state _ <"/proc/$1/stat"; done
}

# copies_left WHAT: fails when an edit copy (or anything else new) is left in the register.
copies_left() { expect_eq "$(ls -A | grep -c '^\.edit-' || true)" 0 "$1: no copy left"; }

# --- Where the copy is, and what sees it --------------------------------------------------------
cat >"$WORK/look.sh" <<'SH'
#!/bin/sh
# An editor that notes where it was asked to edit, and what git and check make of that file.
{
  echo "path=$1"
  echo "mode=$(stat -c %a "$1")"
  git check-ignore -q "$1" && echo "git=ignored" || echo "git=tracked"
  echo "check=[$("$COMPLAINTS" check 2>&1)]"
} >"$WORK/look.txt"
SH
chmod +x "$WORK/look.sh"
VISUAL="$WORK/look.sh" expect_exit 0 edit "$id"
look=$(cat "$WORK/look.txt")
[[ "$look" =~ path=(.*/)?\.edit-$id-[A-Za-z0-9]{6}\.toml ]] || fail "copy name: $look"
copy_path=$(sed -n 's/^path=//p' <<<"$look")
expect_eq "$(cd "$(dirname "$copy_path")" && pwd -P)" "$(pwd -P)" "the copy is in the register's folder"
expect_contains "$look" "mode=600" "the copy is private"
expect_contains "$look" "git=ignored" "git ignores the copy"
expect_contains "$look" "check=[]" "check says nothing about an edit in progress"
expect_contains "$ERR" "unchanged" "an edit that changed nothing"
copies_left "unchanged edit"

# --- Every way an edit ends removes the copy ---------------------------------------------------
before=$(cat "$file")
VISUAL=false expect_exit 2 edit "$id"
expect_contains "$ERR" "the editor (false) failed; nothing was changed" "editor failure"
expect_eq "$(cat "$file")" "$before" "file after the editor failed"
copies_left "editor failure"

VISUAL="sed -i 's/^summary = .*/summary = \"unterminated/'" expect_exit 3 edit "$id"
expect_contains "$ERR" "nothing was changed; the edit was discarded" "invalid edit"
expect_eq "$(cat "$file")" "$before" "file after an invalid edit"
copies_left "invalid edit"

VISUAL="sed -i 's/^summary = .*/summary = \"Fire door\"/'" expect_exit 0 edit "$id"
expect_eq "$(c show "$id" --format json | json "d['summary']")" "Fire door" "saved edit"
copies_left "saved edit"

# --- edit racing a note --------------------------------------------------------------------------
# The editor records a note on the same complaint before it saves its own change.
cat >"$WORK/race.sh" <<'SH'
#!/bin/sh
"$COMPLAINTS" note "$ID" "noted while the edit was open" >/dev/null || exit 1
sed -i 's/^summary = .*/summary = "Edited meanwhile"/' "$1"
SH
chmod +x "$WORK/race.sh"
VISUAL="$WORK/race.sh" expect_exit 6 edit "$id"
expect_contains "$ERR" \
  "$file: the file changed since it was read; nothing was saved, run the command again" \
  "edit refuses a file changed since it was read"
expect_eq "$(grep -c 'noted while the edit was open' "$file")" 1 "the note survives"
expect_eq "$(c show "$id" --format json | json "d['summary']")" "Fire door" "the edit was not saved"
copies_left "edit refused"
expect_exit 0 check

# --- policy repin racing a note ------------------------------------------------------------------
# repin reads the file, then waits for the lock held here; it is stopped while a note is added,
# and refuses when it goes on. No timing is involved: it has read the file before it opens the
# lock file, and it cannot take the lock before it is continued.
sed -e 's/^version = "2024-03-05"/version = "2026-01-01"/' policies/big-bums.toml \
  >policies/big-bums-2026.toml
chmod 600 policies/big-bums-2026.toml
exec 9>>.lock
flock 9
COMPLAINTS_LOCK_WAIT=120 "$COMPLAINTS" policy repin "$id" --to 2026-01-01 --yes \
  >"$WORK/repin.out" 2>"$WORK/repin.err" 9>&- &
repin=$!
lock_path=$(pwd -P)/.lock
opened=no
for _ in $(seq 1 3000); do
  for fd in /proc/"$repin"/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" == "$lock_path" ] && opened=yes
  done
  [ "$opened" == yes ] && break
  sleep 0.01
done
[ "$opened" == yes ] || fail "repin never opened the lock file: $(cat "$WORK/repin.err")"
kill -STOP "$repin"
wait_stopped "$repin"
exec 9>&- # the lock is free, but repin is stopped
c note "$id" "noted while repin waited" >/dev/null
kill -CONT "$repin"
rc=0
wait "$repin" || rc=$?
expect_eq "$rc" 6 "repin after a note: exit code; stderr: $(cat "$WORK/repin.err")"
expect_contains "$(cat "$WORK/repin.err")" \
  "$file: the file changed since it was read; nothing was saved, run the command again" \
  "repin refuses a file changed since it was read"
expect_not_contains "$(cat "$WORK/repin.err")" "now pinned" "repin did not claim success"
expect_eq "$(grep -c 'noted while repin waited' "$file")" 1 "the note survives"
expect_eq "$(c show "$id" --format json | json "d['policy_version']")" "2024-03-05" "not repinned"

# Run again, it repins, keeping both notes.
c policy repin "$id" --to 2026-01-01 --yes >/dev/null 2>&1
expect_eq "$(c show "$id" --format json | json "d['policy_version']")" "2026-01-01" "repinned"
expect_eq "$(grep -c 'noted while' "$file")" 2 "both notes kept"
expect_exit 0 check
expect_eq "$ERR" "" "check after the races"
