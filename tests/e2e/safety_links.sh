# Nothing planted by another user (issue 11, point 5): `init` refuses a folder others can write
# and never writes through a linked folder; no command follows a link planted for a register's
# folder or file (policies/, templates/, complaints/, a complaint file, register.toml,
# calendar.toml, .lock); `sync` makes files 0600 and folders 0700 again after git checks them
# out. (docs/FORMAT.md "Permissions")
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK # no personal git configuration

# --- init and the folder it is given ---------------------------------------------------------------
mkdir -m 0777 open && touch open/notes.txt && chmod 0777 open
expect_exit 2 init open --policy big-bums
expect_contains "$ERR" "'open' can be written by other users (mode 0777)" "a 0777 folder is refused"
expect_contains "$ERR" "chmod go-w open" "the message says what to do"
[ ! -e open/register.toml ] && [ ! -e open/policies ] || fail "nothing is made in a refused folder"
mkdir -m 0775 group && touch group/notes.txt
expect_exit 2 init group --policy big-bums
expect_contains "$ERR" "can be written by other users (mode 0775)" "a group-writable folder"
mkdir empty && chmod 0777 empty # the user's own new, empty folder: made private
expect_exit 0 init empty --policy big-bums
expect_eq "$(stat -c %a empty)" 700 "an empty folder of the user's own is made 0700"
expect_exit 0 init fresh --policy big-bums
expect_eq "$(stat -c %a fresh fresh/policies fresh/complaints | tr '\n' ' ')" "700 700 700 " \
  "a new register's folders are 0700"

# A policies/ or complaints/ folder that is a link is never written through.
mkdir elsewhere planted
ln -s "$WORK/elsewhere" planted/policies
expect_exit 3 init planted --policy big-bums
expect_contains "$ERR" "planted/policies:1:1: must be a folder, not a link or a file" \
  "init refuses a linked policies/"
expect_eq "$(ls -A elsewhere)" "" "nothing was written through the link"
mkdir -p planted2/complaints && chmod 0777 planted2/complaints
expect_exit 2 init planted2 --policy big-bums
expect_contains "$ERR" "complaints' can be written by other users" "an open complaints/ folder"

# --- links planted in a register ------------------------------------------------------------------
cd fresh
id=$(c add --name "Jo" --contact jo@example.org --channel email --summary "Door" \
  --severity minor --received 2026-01-05T08:00 </dev/null)
file=complaints/$id.toml

# refused ARGS...: the command fails (not 0) and names a link it will not follow.
refused() {
  local rc=0
  "$COMPLAINTS" "$@" >"$WORK/.out" 2>"$WORK/.err" || rc=$?
  [ "$rc" != 0 ] || fail "complaints $* followed a planted link"
  grep -q "link" "$WORK/.err" || fail "complaints $*: no word of the link in: $(cat "$WORK/.err")"
}

# policies/ as a link to a copy: show, note and check refuse to read through it.
mv policies "$WORK/their-policies" && ln -s "$WORK/their-policies" policies
for args in "show $id" "note $id x" "list" "check"; do
  # shellcheck disable=SC2086
  refused $args
done
rm policies && mv "$WORK/their-policies" policies
expect_exit 0 show "$id"

# templates/ as a link: letters refuse it.
mkdir "$WORK/their-templates" && printf 'Pay us {{name}}\n' >"$WORK/their-templates/update.md"
ln -s "$WORK/their-templates" templates
refused letter "$id" acknowledgement
rm templates

# A complaint file as a link.
mv "$file" "$WORK/their.toml" && ln -s "$WORK/their.toml" "$file"
for args in "show $id" "note $id x" "edit $id" "check"; do
  # shellcheck disable=SC2086
  EDITOR=true refused $args
done
expect_eq "$(grep -c note "$WORK/their.toml" || true)" 0 "nothing written through the link"
rm "$file" && mv "$WORK/their.toml" "$file"

# register.toml, calendar.toml and .lock as links.
mv register.toml "$WORK/their-register.toml" && ln -s "$WORK/their-register.toml" register.toml
refused -C . show "$id"
rm register.toml && mv "$WORK/their-register.toml" register.toml
printf '[[closure]]\nfrom = 2026-01-06\nuntil = 2026-01-09\n' >"$WORK/their-calendar.toml"
ln -s "$WORK/their-calendar.toml" calendar.toml
refused show "$id"
rm calendar.toml
rm -f .lock && ln -s "$WORK/their-lock" .lock
refused note "$id" x
[ ! -e "$WORK/their-lock" ] || fail "the lock was made through a link"
rm .lock
expect_exit 0 note "$id" "all well again"
expect_exit 0 check

# --- sync restores the register's permissions ------------------------------------------------------
git init -q . && git add -A && git commit -q -m start
chmod 0755 . complaints policies && chmod 0644 "$file" register.toml
expect_exit 0 sync
expect_eq "$(stat -c %a . complaints policies "$file" register.toml | tr '\n' ' ')" \
  "700 700 700 600 600 " "sync makes folders 0700 and files 0600 again"
echo "ok"
