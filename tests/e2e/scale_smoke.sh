#!/bin/bash
# The synthetic register at 1,000 complaints (the benchmark's smallest size, docs/PERFORMANCE.md):
# the generator is deterministic and realistic, `check` accepts what it writes, every reading
# command answers over it, and a whole ID opens its file without listing the folder.
source "$(dirname "$0")/lib.sh"
: "${COMPLAINTS_SYNTH:?set COMPLAINTS_SYNTH to the built generator}"
export COMPLAINTS_NOW=2026-11-30T23:59:59Z

synth() { "$COMPLAINTS_SYNTH" --count 1000 --as-of 2026-11-30 --policies "$EXAMPLES/policies" "$@" >/dev/null; }
synth --seed 7 one
synth --seed 7 two
synth --seed 8 three
diff -r one two >/dev/null || fail "the same seed made two different registers"
if diff -rq one/complaints three/complaints >/dev/null; then fail "another seed made the same register"; fi
expect_eq "$(find one/complaints -name '*.toml' | wc -l)" 1000 "complaint files"

# check accepts the register (warnings, e.g. a policy due for review, are allowed).
expect_exit 0 -C one check

# A realistic mix: both policies, open and closed complaints, escalations, events of many kinds.
expect_exit 0 -C one list --format json
mix=$(printf '%s' "$OUT" | json '" ".join(sorted({c["policy"] for c in d}))')
expect_eq "$mix" "big-bums twinkles" "policies in the synthetic register"
open=$(printf "%s" "$OUT" | json 'sum(1 for c in d if c["status"] == "open")')
[ "$open" -gt 100 ] && [ "$open" -lt 900 ] || fail "open complaints: $open of 1000"
expect_exit 0 -C one export --format csv --events
types=$(printf '%s\n' "$OUT" | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(len({x["type"] for x in r}))')
[ "$types" -ge 6 ] || fail "only $types kinds of event in the synthetic register"

# Every reading command answers over it.
expect_exit 0 -C one list-overdue
[ -n "$OUT" ] || fail "nothing overdue in a register of 1000 with open complaints"
expect_exit 0 -C one remind
expect_exit 0 -C one report
expect_exit 0 -C one export --format csv
rows=$(printf '%s\n' "$OUT" | python3 -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))')
expect_eq "$rows" 1000 "rows exported"

# A whole ID (in any case) opens its file directly, never reading the folder's entries (the
# folder itself is opened only to make a write durable); a prefix still works by listing.
id=$(ls one/complaints | sed -n '500s/\.toml$//p')
lists_folder() { grep -E 'getdents64\([0-9]+<[^>]*/one/complaints>' trace.txt; }
# LeakSanitizer cannot run under ptrace: in a sanitizer build, the traced runs go without it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0"
strace -f -y -e trace=getdents64 -o trace.txt "$COMPLAINTS" -C one show "${id^^}" >shown.txt ||
  fail "show ${id^^} failed"
expect_contains "$(cat shown.txt)" "$id" "show with a whole ID"
if lists_folder; then fail "show with a whole ID listed the complaints folder"; fi
strace -f -y -e trace=getdents64 -o trace.txt "$COMPLAINTS" -C one note "$id" "checked" --by sam \
  >/dev/null 2>&1 || fail "note $id failed"
if lists_folder; then fail "note with a whole ID listed the complaints folder"; fi
strace -f -y -e trace=getdents64 -o trace.txt "$COMPLAINTS" -C one add --name "Jo Bloggs" \
  --channel email --summary "One more" >/dev/null 2>&1 || fail "add failed"
if lists_folder; then fail "add listed the complaints folder"; fi
strace -f -y -e trace=getdents64 -o trace.txt "$COMPLAINTS" -C one show "${id:0:6}" >/dev/null ||
  fail "show ${id:0:6} failed"
lists_folder >/dev/null || fail "the check cannot see a listing: show by prefix lists nothing"
expect_exit 0 -C one show "${id:0:6}"
expect_contains "$OUT" "checked" "show by prefix after the note"

# With no thread to be had (a user's `ulimit -u`), the work of every core is done on the one
# there is, to the same answer. Root is not held to that limit: the command runs as nobody.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chmod 711 "$WORK" && shared=$WORK/shared && mkdir -m 755 "$shared" && cp "$COMPLAINTS" "$shared/complaints" && cp -r one "$shared/one"
  rm -rf "$shared/one/.cache" && chown -R 65534:65534 "$shared/one"
  COMPLAINTS_CACHE=off "$COMPLAINTS" -C "$shared/one" list-overdue >want.txt
  for run in "the first run" "a second run" "a third run"; do
    setpriv --reuid=65534 --regid=65534 --clear-groups bash -c \
      'ulimit -u 1 && exec "$0" -C "$1" list-overdue' "$shared/complaints" "$shared/one" \
      >alone.txt 2>alone.err || fail "list-overdue with one thread, $run: $(cat alone.err)"
    cmp -s want.txt alone.txt || fail "list-overdue with one thread, $run, answers differently"
  done
fi
