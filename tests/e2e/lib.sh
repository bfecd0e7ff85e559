# Shared by the end-to-end tests: each runs the built binary ($COMPLAINTS) in a fresh
# temporary register with a fixed "now", and fails with a message naming what went wrong.
set -euo pipefail
: "${COMPLAINTS:?set COMPLAINTS to the built binary}"
: "${EXAMPLES:?set EXAMPLES to the examples folder}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/complaints-e2e.XXXXXX")
cleanup() { if [ "${KEEP_WORK:-}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
cd "$WORK"
unset COMPLAINTS_USER VISUAL EDITOR NO_COLOR COMPLAINTS_POLICY_DIR
export COMPLAINTS_NOW=2026-01-05T09:00 TZ=America/Los_Angeles LC_ALL=C.UTF-8

# c ARGS...: run the tool.
c() { "$COMPLAINTS" "$@"; }

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected '$2', got '$1'"; }

# expect_contains TEXT NEEDLE WHAT
expect_contains() { [[ "$1" == *"$2"* ]] || fail "$3: expected to contain '$2', got: $1"; }

# expect_not_contains TEXT NEEDLE WHAT
expect_not_contains() { [[ "$1" != *"$2"* ]] || fail "$3: expected not to contain '$2', got: $1"; }

# expect_exit CODE ARGS...: run the tool, expect exit CODE; stdout in $OUT, stderr in $ERR.
expect_exit() {
  local want=$1; shift
  local rc=0
  "$COMPLAINTS" "$@" >"$WORK/.out" 2>"$WORK/.err" || rc=$?
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
  [ "$rc" == "$want" ] || fail "complaints $*: expected exit $want, got $rc; stderr: $ERR"
}

# json QUERY: reads JSON on stdin, prints the Python expression QUERY applied to it as `d`.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# deadline ID STAGE MILESTONE FIELD: a field of one deadline from `show ID --format json`.
deadline() {
  c show "$1" --format json |
    json "[x['$4'] for x in d['deadlines'] if x['stage']=='$2' and x['milestone']=='$3'][-1]"
}

# deadline_as_of AS_OF ID STAGE MILESTONE FIELD: like `deadline`, with a fixed --as-of.
deadline_as_of() {
  c show "$2" --format json --as-of "$1" |
    json "[x['$5'] for x in d['deadlines'] if x['stage']=='$3' and x['milestone']=='$4'][-1]"
}

# field_as_of AS_OF ID KEY: a top-level field (stage, status, ...) of `show ID --format json`.
field_as_of() { c show "$2" --format json --as-of "$1" | json "d['$3']"; }

# overdue_rows AS_OF: one line "ID STAGE MILESTONE DUE DAYS_OVERDUE" per item of
# `list-overdue --format json`, soonest due first.
overdue_rows() {
  c --as-of "$1" list-overdue --format json |
    json '"\n".join(" ".join(str(x[k]) for k in ("id", "stage", "milestone", "due", "days_overdue")) for x in d)'
}

# overdue_as_of AS_OF: one line "ID STAGE/MILESTONE DUE" per item of `list-overdue --format json`.
overdue_as_of() {
  c list-overdue --format json --as-of "$1" |
    json "'\n'.join(f\"{x['id']} {x['stage']}/{x['milestone']} {x['due']}\" for x in d)"
}
