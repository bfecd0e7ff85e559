# A team register: `init --git`, `merge-file --install` and `sync` with a bare remote and three
# clones doing random work and syncing in random orders. They converge to identical files,
# every event a command reported as recorded is present exactly once, and every complaint
# shows. (docs/FORMAT.md "Working as a team")
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK # no personal git configuration
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# Not a git repository: sync says how to make one, and changes nothing.
c init plain --policy big-bums >/dev/null
expect_exit 2 -C plain sync
expect_contains "$ERR" "is not in a git repository: 'complaints init FOLDER --git'" \
  "sync outside git says what to do"

git init -q --bare origin.git
c init alice --policy big-bums --git >/dev/null
expect_eq "$(git -C alice log --oneline | wc -l)" 1 "init --git makes the first commit"
expect_exit 0 -C alice check
expect_eq "$ERR" "" "a register made with --git is set up: check is quiet"
expect_exit 0 -C alice sync
expect_contains "$OUT" "No remote to share with" "sync without a remote says so"
git -C alice remote add origin "$WORK/origin.git"
expect_exit 0 -C alice sync
expect_contains "$OUT" "Pushed to origin." "the first sync pushes"
for clone in bob carol; do
  git clone -q origin.git $clone 2>/dev/null
  expect_exit 0 -C $clone sync # sets the clone up, restores 0600/0700
  expect_exit 0 -C $clone check
  expect_eq "$ERR" "" "$clone after its first sync: set up and private"
done

# Random work: each round one clone adds a complaint or records an event on one it knows, and
# sometimes syncs. Every event a command reports as recorded goes in the ledger.
clones=(alice bob carol)
RANDOM=7
: >ledger
for round in $(seq 1 40); do
  clone=${clones[RANDOM % 3]}
  ids=($(ls $clone/complaints 2>/dev/null | sed 's/\.toml$//' || true))
  at=$(printf '2026-01-0%dT%02d:%02d' $((2 + round / 20)) $((9 + round % 10)) $((round % 60)))
  if [ ${#ids[@]} -eq 0 ] || [ $((RANDOM % 4)) -eq 0 ]; then
    c -C $clone add --name "Person $round" --contact "p$round@example.org" --channel email \
      --summary "Complaint $round" --severity minor --received 2026-01-02T08:00 </dev/null \
      >/dev/null || fail "add in $clone"
  else
    id=${ids[RANDOM % ${#ids[@]}]}
    c -C $clone note "$id" "note $round in $clone" --by $clone --at "$at" >/dev/null &&
      echo "note $round in $clone" >>ledger
  fi
  [ $((RANDOM % 3)) -eq 0 ] && { c -C $clone sync >/dev/null || fail "sync in $clone: $(cat "$WORK/.err" 2>/dev/null)"; }
done
for clone in alice bob carol alice bob; do
  expect_exit 0 -C $clone sync
done
for clone in bob carol; do
  diff -r -x .git -x .lock alice $clone >/dev/null || fail "alice and $clone differ after syncing"
done
expect_eq "$(git -C alice status --porcelain)" "" "nothing left uncommitted"
merges=$(git -C alice log --merges --oneline | wc -l)
[ "$merges" -ge 1 ] || fail "no merge happened: the test did not exercise the merge driver"
recorded=$(wc -l <ledger)
[ "$recorded" -ge 10 ] || fail "only $recorded events recorded: the test did too little"
while read -r text; do
  expect_eq "$(cat alice/complaints/*.toml | grep -c "\"$text\"")" 1 "'$text' exactly once"
done <ledger
for f in alice/complaints/*.toml; do
  expect_exit 0 -C alice show "$(basename "$f" .toml)"
done
expect_exit 0 -C alice check
echo "three clones, $(ls alice/complaints | wc -l) complaints, $recorded notes, $merges merges:" \
  "converged" >&2
