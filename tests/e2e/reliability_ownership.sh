# Nothing planted by another user: a register found by walking up must belong to the user,
# folder and register.toml, as git asks of a repository (safe.directory); -C uses one on
# purpose. Needs root to make files another user owns, as CI runs. (docs/RELIABILITY.md)
source "$TESTS/e2e/lib.sh"

[ "$(id -u)" == 0 ] || fail "this test makes files owned by another user: run it as root (CI does)"
other=$(id -u nobody)

# A register.toml planted by someone else in a shared folder such as /tmp.
mkdir -m 1777 shared
c init mine --policy big-bums >/dev/null
cp mine/register.toml shared/register.toml
cp -r mine/policies shared/policies
chown -R nobody shared/register.toml shared/policies
mkdir shared/work && cd shared/work
expect_exit 2 list
expect_contains "$ERR" "register.toml belongs to another user (uid $other), so the register there was not used: pass -C" \
  "a planted register.toml is not used"
expect_exit 2 add --name "Jo" --contact jo@example.org --channel email --summary "x" \
  --severity minor
[ ! -e ../complaints ] || fail "a complaint was written into the planted register"

# A register folder another user owns (their register.toml in it too).
cd "$WORK"
c init theirs --policy big-bums >/dev/null
chown -R nobody theirs
cd theirs
expect_exit 2 list
expect_contains "$ERR" "belongs to another user (uid $other)" "another user's register is not used"
expect_exit 0 -C . list # on purpose
