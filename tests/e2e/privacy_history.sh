# Erasure from a git register: `anonymise` says that git keeps the old versions, and the
# commands docs/PRIVACY.md gives to purge a complaint from history (plain git, and
# git filter-repo when it is installed) leave no copy of the personal data in any object of
# the clone, the shared remote or a fresh clone, while the anonymised file stays.
source "$TESTS/e2e/lib.sh"

export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org GIT_CONFIG_NOSYSTEM=1
export HOME=$WORK COMPLAINTS_USER=sarah FILTER_BRANCH_SQUELCH_WARNING=1
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# held REPO: how many of the repository's objects (reachable or not) hold the personal data.
held() { git -C "$1" cat-file --batch-all-objects --batch | grep -ac 'Xyzzy' || true; }

# A register with one complaint shared through a bare remote, then anonymised and synced.
setup() {
  rm -rf origin.git reg
  git init -q --bare origin.git
  c init reg --policy big-bums --git >/dev/null
  git -C reg remote add origin "$WORK/origin.git"
  id=$(c -C reg add --name "Purge Xyzzy" --contact "purge@xyzzy.example" --channel email \
    --summary "Xyzzy summary" --severity minor --received 2026-01-05T08:00)
  c -C reg note "$id" --at 2026-01-05T08:30 Spoke to Xyzzy >/dev/null
  c -C reg sync >/dev/null
  expect_exit 0 -C reg anonymise "$id" --at 2026-01-05T08:45
  expect_contains "$ERR" "the register is a git repository: earlier versions of the file stay" \
    "anonymise reminds that git keeps the old versions"
  expect_contains "$ERR" "docs/PRIVACY.md" "and where to read how to purge them"
  c -C reg sync >/dev/null
  [ "$(held reg)" -gt 0 ] || fail "the history should still hold the old versions"
}

# check_purged: nothing personal left anywhere, the anonymised complaint still there.
check_purged() {
  expect_eq "$(held reg)" 0 "$1: no object of the clone holds the personal data"
  git -C origin.git reflog expire --expire=now --all
  git -C origin.git gc --quiet --prune=now
  expect_eq "$(held origin.git)" 0 "$1: nor of the remote, once it is cleaned"
  rm -rf fresh && git clone -q origin.git fresh
  expect_eq "$(held fresh)" 0 "$1: nor of a fresh clone"
  expect_contains "$(c -C fresh show "$id")" "[anonymised]" "$1: the anonymised complaint stays"
  expect_exit 0 -C fresh check
}

# Plain git (docs/PRIVACY.md, "Without git filter-repo").
setup
cd reg
cp "complaints/$id.toml" "../$id.toml.anonymised"
git filter-branch --force --index-filter \
  "git rm --cached --quiet --ignore-unmatch complaints/$id.toml" -- --all >/dev/null 2>&1
git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin
git reflog expire --expire=now --all
git gc --quiet --prune=now
mkdir -p -m 700 complaints # gone when it held no other file
cp "../$id.toml.anonymised" "complaints/$id.toml"
chmod 600 "complaints/$id.toml"
git add "complaints/$id.toml"
git commit -q -m "$id: anonymised, earlier versions purged"
git push -q --force --all origin 2>/dev/null
cd ..
check_purged "plain git"

# git filter-repo (docs/PRIVACY.md, "With git filter-repo"), when Debian's package is there.
if ! command -v git-filter-repo >/dev/null; then
  echo "skipped the git filter-repo part: git-filter-repo is not installed (tools/deps.sh)"
  exit 0
fi
setup
cd reg
cp "complaints/$id.toml" "../$id.toml.anonymised"
git filter-repo --force --invert-paths --path "complaints/$id.toml" >/dev/null 2>&1
mkdir -p -m 700 complaints # gone when it held no other file
cp "../$id.toml.anonymised" "complaints/$id.toml"
chmod 600 "complaints/$id.toml"
git add "complaints/$id.toml"
git commit -q -m "$id: anonymised, earlier versions purged"
git remote add origin "$WORK/origin.git" # filter-repo removes it, so no one pushes by mistake
git push -q --force --all origin 2>/dev/null
cd ..
check_purged "git filter-repo"
