# Smaller gaps, each closed (docs/RELIABILITY.md): a file size limit (SIGXFSZ) without any help
# from the shell, a bad COMPLAINTS_LOCK_WAIT, CRLF files, read-only files, a lock file deleted
# while held, git conflicts (markers, and a modify/delete that leaves none), and the commands
# `check` advises running.
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK COMPLAINTS_USER=sam # no personal git configuration
git config --global init.defaultBranch main
git config --global commit.gpgsign false

c init reg --policy big-bums >/dev/null
cd reg
new_complaint() {
  c add --name "Jo Bloggs" --contact jo@example.org --channel email --summary "$1" \
    --details "${2:-Details}" --severity minor </dev/null
}
snapshot() { find . -path ./.lock -prune -o -path ./.git -prune -o -path ./.cache -prune -o -type f -print0 | sort -z | xargs -0 sha256sum; }

# `ulimit -f`: past the limit the kernel sends SIGXFSZ, which would kill the command with its
# temporary file left behind. The shell does not ignore it here: the tool does, so the write
# fails with EFBIG, exit 5, and the temporary file is removed.
details=$(printf 'Plenty of detail to fill a kilobyte. %.0s' $(seq 1 60))
big=$(new_complaint "Size limit" "$details")
before=$(snapshot)
rc=0
(ulimit -f 1; exec "$COMPLAINTS" note "$big" "does not fit") 2>"$WORK/.err" || rc=$?
expect_eq "$rc" 5 "a write past ulimit -f: exit code"
expect_contains "$(cat "$WORK/.err")" "cannot write: File too large" "a write past ulimit -f: message"
expect_eq "$(snapshot)" "$before" "a write past ulimit -f changes nothing, leaves no temporary file"

# COMPLAINTS_LOCK_WAIT must be seconds from 0 to 600.
id=$(new_complaint "Lock wait")
for wait in abc -1 1e9 601 inf; do
  COMPLAINTS_LOCK_WAIT=$wait expect_exit 2 note "$id" "not recorded"
  expect_eq "$ERR" "complaints: error: COMPLAINTS_LOCK_WAIT: '$wait' is not a number of seconds from 0 to 600" \
    "COMPLAINTS_LOCK_WAIT=$wait"
done
COMPLAINTS_LOCK_WAIT=0.5 expect_exit 0 note "$id" "recorded"

# A file saved with CRLF line ends keeps them when an event is appended.
crlf=$(new_complaint "Windows")
sed -i 's/$/\r/' complaints/"$crlf".toml
expect_exit 0 note "$crlf" "added to a CRLF file"
lines=$(wc -l <complaints/"$crlf".toml)
expect_eq "$(grep -c $'\r$' complaints/"$crlf".toml)" "$lines" "every line still ends with CRLF"
expect_contains "$(c show "$crlf")" "added to a CRLF file" "the note reads back"

# A file its owner made read-only (0400) is not replaced by any writer.
ro=$(new_complaint "Read only")
chmod 0400 complaints/"$ro".toml
before=$(snapshot)
expect_exit 5 note "$ro" "not recorded"
expect_eq "$ERR" "complaints: error: complaints/$ro.toml: read-only; chmod u+w complaints/$ro.toml to allow changes" \
  "note on a read-only file"
expect_exit 5 amend "$ro" --summary "Not changed"
expect_contains "$ERR" "read-only; chmod u+w" "amend on a read-only file"
expect_eq "$(snapshot)" "$before" "a read-only file is left as it was"
expect_eq "$(stat -c %a complaints/"$ro".toml)" 400 "and keeps its mode"
chmod u+w complaints/"$ro".toml # as the message says
expect_exit 0 note "$ro" "recorded once writable"

# The lock is held (on .lock and on the register folder, as every writer takes it) and someone
# deletes .lock: a second writer creates a new .lock, but must still wait, then report busy.
exec 9>>.lock 8<.
flock 9
flock 8
rm .lock
before=$(snapshot)
COMPLAINTS_LOCK_WAIT=0.3 expect_exit 6 note "$id" "must wait"
expect_contains "$ERR" "register is busy" "a deleted .lock lets no second writer in"
expect_eq "$(snapshot)" "$before" "nothing changed while the lock was held"
exec 9>&- 8<&-
expect_exit 0 note "$id" "after the lock is let go"

# git conflicts. Markers left by a merge without the driver: an error at the marker's line for
# check and every reader; writers refuse, exit 3.
marked=$(new_complaint "Markers")
file=complaints/$marked.toml
python3 - "$file" <<'EOF'
import sys
path = sys.argv[1]
lines = open(path).read().split("\n")
at = lines.index("]")
lines[at:at] = ["<<<<<<< HEAD", '  { at = 2026-01-05T10:00:00-08:00, type = "note", by = "sam", text = "ours" },',
                "=======", '  { at = 2026-01-05T11:00:00-08:00, type = "note", by = "kim", text = "theirs" },',
                ">>>>>>> other"]
open(path, "w").write("\n".join(lines))
EOF
marker_line=$(grep -n '^<<<<<<<' "$file" | cut -d: -f1)
conflict="unresolved git conflict (a conflict marker): resolve the conflict (keep the right lines, delete the marker lines), then 'git add' the file"
expect_exit 3 check
expect_contains "$ERR" "$file:$marker_line:1: $conflict" "check reports the marker's line"
before=$(snapshot)
for writer in "note $marked text" "ack $marked" "amend $marked --summary x"; do
  # shellcheck disable=SC2086
  expect_exit 3 $writer
  expect_contains "$ERR" "$file:$marker_line:1: $conflict" "$writer refuses a file in conflict"
done
expect_exit 3 show "$marked"
expect_eq "$(snapshot)" "$before" "nothing written to a file in conflict"
rm "$file"

# A modify/delete conflict leaves no marker: git lists the file as unmerged. check reports it
# and writers refuse it until it is resolved and added.
git init -q . && git add -A && git commit -qm "register"
git checkout -qb deleted && git rm -q "complaints/$id.toml" && git commit -qm "delete"
git checkout -q main
expect_exit 0 note "$id" "changed on main"
git commit -qam "note"
git merge -q deleted >/dev/null 2>&1 && fail "the merge should conflict"
[ -n "$(git ls-files -u -- "complaints/$id.toml")" ] || fail "git should list the file as unmerged"
unmerged="complaints/$id.toml:1:1: unresolved git conflict (git lists the file as unmerged): resolve the conflict (keep the right lines, delete the marker lines), then 'git add' the file"
expect_exit 3 check
expect_contains "$ERR" "$unmerged" "check reports the unmerged file"
before=$(snapshot)
expect_exit 3 note "$id" "not recorded"
expect_eq "$ERR" "complaints: error: $unmerged" "note refuses the unmerged file"
expect_exit 3 ack "$id"
expect_contains "$ERR" "unresolved git conflict" "every writer refuses it"
expect_eq "$(snapshot)" "$before" "nothing written to the unmerged file"
git add "complaints/$id.toml" # keep it, as the message says
expect_exit 0 note "$id" "recorded once resolved"
git commit -qam "merged"

# Each advice `check` prints names a command that works: run it, and the finding is gone.
# Files other users can read: "run 'chmod -R go-rwx' on the register".
chmod 0644 complaints/"$id".toml
expect_exit 0 check
expect_contains "$ERR" "run 'chmod -R go-rwx' on the register" "check advises chmod"
chmod -R go-rwx .
expect_exit 0 check
expect_not_contains "$ERR" "other users" "after the advised chmod"
# A clone without the merge driver: "run 'complaints merge-file --install'".
expect_contains "$ERR" "run 'complaints merge-file --install'" "check advises the driver"
expect_exit 0 merge-file --install
expect_exit 0 check
expect_not_contains "$ERR" "merge-file" "after the advised merge-file --install"
# A .gitattributes without the union line: the advice is a shell command, run as printed.
: >.gitattributes
expect_exit 0 check
advised=$(echo "$ERR" | sed -n "s/.*gitattributes:1:1: .*(add it: \(.*\))\$/\1/p")
expect_eq "$advised" "echo 'complaints/*.toml merge=union' >> .gitattributes" "check advises a command"
eval "$advised"
expect_exit 0 check
expect_not_contains "$ERR" "gitattributes" "after the advised command"
# Details to chase: "'complaints show ID' lists them, 'complaints amend ID' fills them in".
gap=$(c add --name "No contact" --channel email --summary "Gap" --details "x" --severity minor </dev/null 2>/dev/null)
expect_exit 0 check
expect_contains "$ERR" "'complaints show ID' lists them, 'complaints amend ID --FIELD VALUE' fills them in ('complaints edit ID' for severity, category and handler)" \
  "check advises show, amend and edit"
expect_exit 0 show "$gap"
expect_contains "$OUT" "contact" "show lists the gap"
expect_exit 0 amend "$gap" --contact kim@example.org
expect_exit 0 check
expect_not_contains "$ERR" "details to chase" "after the advised amend"
