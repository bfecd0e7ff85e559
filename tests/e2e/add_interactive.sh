# The interactive `add`, driven on a pseudo-terminal as a person would type: every intake
# field asked in order with a label and an example, details over several lines, a bad value
# asked again, the record and its first deadline shown before saving; "n" or Ctrl-D cancels
# with nothing written. Without a terminal nothing is asked.
source "$TESTS/e2e/lib.sh"

c init reg --policy twinkles >/dev/null
cd reg

# converse ANSWERS...: runs `complaints add` on a pseudo-terminal, waiting for each prompt
# before typing the next answer ("^D" sends end of input); prints all the terminal showed.
converse() {
  python3 - "$@" <<'PY'
import os, pty, select, sys, time
answers = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(os.environ["COMPLAINTS"], [os.environ["COMPLAINTS"], "add"])
seen = b""
def read_until_quiet(limit=5.0):
    global seen
    end = time.time() + limit
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.3)
        if not ready:
            if seen.endswith((b": ", b"> ", b"] ")):
                return True
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        seen += chunk
    return True
for answer in answers:
    if not read_until_quiet():
        break
    os.write(fd, b"\x04" if answer == "^D" else answer.encode() + b"\r")
    time.sleep(0.05)
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace").replace("\r\n", "\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

# received (now), name, contact, channel, summary, details (two lines, then an empty one),
# occurred, known, people, evidence, severity (a wrong one first), category, handler, save.
out=$(converse "" "Jo Bloggs" "jo@example.org" "email" "Trip cancelled at a day's notice" \
  "We were told on Friday evening." "Nobody rang." "" "2026-01-02" "" "Sam Jones; the driver" \
  "" "catastrophic" "serious" "trips" "" "y")
for label in "Received, empty for now (e.g." "Complainant's name" "How to reach them" \
  "How it arrived (e.g. in-person, verbal, writing, email)" "Summary in one line" \
  "The complaint in full" "end with an empty line or Ctrl-D" "When it happened" \
  "People involved" "Severity (e.g. minor, serious)" "Category" "Who handles it"; do
  expect_contains "$out" "$label" "asks: $label"
done
expect_contains "$out" "use one of minor, serious; try again" "a bad severity is asked again"
expect_contains "$out" "First deadline: " "the first deadline is shown before saving"
expect_contains "$out" "Save this complaint? [y/N]" "asks before saving"
id=$(ls complaints | sed -n 's/\.toml$//p')
[ -n "$id" ] || fail "nothing saved after 'y': $out"
expect_contains "$out" "$id" "the new ID is printed"
show=$(c show "$id" --format json)
expect_eq "$(echo "$show" | json "(d['name'], d['details'], d['severity'], d['people'], d['category'])")" \
  "('Jo Bloggs', 'We were told on Friday evening.\\nNobody rang.', 'serious', ['Sam Jones', 'the driver'], 'trips')" \
  "the answers are recorded"

# "n" at the end, or Ctrl-D at any question, writes nothing.
converse "" "Ann" "" "" "Fees" "" "" "" "" "" "" "" "" "n" >cancel.out || true
expect_contains "$(cat cancel.out)" "cancelled: nothing was written" "n cancels"
converse "" "Ann" "^D" >eof.out || true
expect_contains "$(cat eof.out)" "cancelled: nothing was written" "Ctrl-D cancels"
expect_eq "$(ls complaints | wc -l)" 1 "a cancelled add writes nothing"

# Without a terminal nothing is asked: no flags is a usage error.
expect_exit 2 add </dev/null
expect_contains "$ERR" "nothing to record" "no prompt in a pipe"
