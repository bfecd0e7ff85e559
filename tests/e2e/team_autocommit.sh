# `[git] autocommit = true` in register.toml (issue 11, point 4): every command that writes a
# complaint commits that file, with a message naming the command and the complaint. A commit
# that fails is a warning, never a lost write; outside git the setting is a warning in `check`.
# (docs/FORMAT.md "Working as a team")
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK # no personal git configuration
git config --global init.defaultBranch main
git config --global commit.gpgsign false

c init reg --policy big-bums --git >/dev/null
cd reg
printf '\n[git]\nautocommit = true\n' >>register.toml
git commit -q -am "autocommit"
expect_exit 0 check

# last_commit: the last commit's message; clean WHAT: nothing left to commit.
last_commit() { git log -1 --format=%s; }
clean() { expect_eq "$(git status --porcelain)" "" "$1: everything committed"; }

id=$(c add --name "Jo" --contact jo@example.org --channel email --summary "Door" \
  --severity minor --received 2026-01-05T08:00 </dev/null)
expect_eq "$(last_commit)" "complaints add $id" "add commits the new complaint"
clean "add"
expect_exit 0 ack "$id" --by sam --at 2026-01-05T08:30
expect_eq "$(last_commit)" "complaints ack $id" "an event command commits"
clean "ack"
expect_exit 0 note "$id" called back --by sam --at 2026-01-05T08:40
expect_eq "$(last_commit)" "complaints note $id" "note commits"
expect_exit 0 amend "$id" --name "Jo Bloggs" --by sam --at 2026-01-05T08:45
expect_eq "$(last_commit)" "complaints amend $id" "amend commits"
EDITOR="sed -i 's/^summary = .*/summary = \"Fire door\"/'" expect_exit 0 edit "$id"
expect_eq "$(last_commit)" "complaints edit $id" "edit commits"
clean "edit"
expect_eq "$(git log --format=%s -- "complaints/$id.toml" | wc -l)" 5 "one commit per write"

# Only the files the command wrote: other changes stay uncommitted, as they were.
echo "# local note" >>.gitignore
expect_exit 0 note "$id" "again" --by sam --at 2026-01-05T08:50
expect_eq "$(git status --porcelain)" " M .gitignore" "other changes are left alone"
git checkout -q .gitignore

# A refused write commits nothing.
before=$(git rev-parse HEAD)
expect_exit 2 resolve "$id" --outcome "x" --finding vindicated --by sam
expect_eq "$(git rev-parse HEAD)" "$before" "a refused write commits nothing"

# A commit that fails is a warning: the event is recorded, the exit status is 0.
touch .git/index.lock
expect_exit 0 note "$id" "recorded anyway" --by sam --at 2026-01-05T08:55
expect_contains "$ERR" "warning: complaints/$id.toml recorded but not committed" \
  "a failed commit warns"
expect_contains "$(cat "complaints/$id.toml")" "recorded anyway" "the write is kept"
rm .git/index.lock
expect_eq "$(git status --porcelain)" " M complaints/$id.toml" "left for the next commit"
git commit -q -am "by hand"

# Outside git the setting is a warning: in check (exit 0; --strict exits 1), and on each write.
cd "$WORK"
c init plain --policy big-bums >/dev/null
printf '\n[git]\nautocommit = true\n' >>plain/register.toml
cd plain
expect_exit 0 check
expect_contains "$ERR" "register.toml: '[git] autocommit = true', but the register is not in a git repository" \
  "check warns of autocommit outside git"
expect_exit 1 check --strict
other=$(c add --summary "Noise" --received 2026-01-05T08:00 2>"$WORK/add.err" </dev/null)
expect_contains "$(cat "$WORK/add.err")" "recorded but not committed" "a write outside git warns"
[ -f "complaints/$other.toml" ] || fail "the complaint is written all the same"

# A setting that is not true or false is an error at its line.
printf '[git]\nautocommit = "yes"\n' >"$WORK/bad.toml"
sed -i '/^\[git\]/,$d' register.toml && cat "$WORK/bad.toml" >>register.toml
expect_exit 3 list
expect_contains "$ERR" "register.toml:" "a bad setting is located"
echo "ok"
