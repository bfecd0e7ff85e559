# Terminal manners: colour only on a terminal and never with NO_COLOR (non-empty), TERM=dumb
# or --no-color; tables cut to the terminal's width on a terminal, never in a pipe; control
# and bidi characters from complaint files shown as visible escapes.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

# on_tty ENV... -- ARGS...: runs the tool on a pseudo-terminal, prints what it wrote.
on_tty() {
  python3 - "$@" <<'PY'
import os, pty, sys
args = sys.argv[1:]
split = args.index("--")
env = dict(os.environ, TERM="xterm")
env.pop("NO_COLOR", None)
env.pop("COLUMNS", None)
for pair in args[:split]:
    key, _, value = pair.partition("=")
    env[key] = value
pid, fd = pty.fork()
if pid == 0:
    os.execve(os.environ["COMPLAINTS"], [os.environ["COMPLAINTS"]] + args[split + 1:], env)
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
PY
}

esc=$'\e['
out=$(on_tty -- show 2a1m0003)
expect_contains "$out" "$esc" "colour on a terminal"
out=$(on_tty NO_COLOR= -- show 2a1m0003)
expect_contains "$out" "$esc" "colour when NO_COLOR is empty"
out=$(on_tty NO_COLOR=1 -- show 2a1m0003)
expect_not_contains "$out" "$esc" "NO_COLOR=1"
out=$(on_tty TERM=dumb -- show 2a1m0003)
expect_not_contains "$out" "$esc" "TERM=dumb"
out=$(on_tty -- --no-color show 2a1m0003)
expect_not_contains "$out" "$esc" "--no-color"
out=$(c show 2a1m0003)
expect_not_contains "$out" "$esc" "colour in a pipe"

# Tables fit the terminal: every line at most COLUMNS wide, the summary cut with an ellipsis.
out=$(on_tty COLUMNS=110 -- list-overdue --due-within 1w)
expect_contains "$out" "…" "summary cut to fit"
while IFS= read -r line; do
  [ "${#line}" -le 110 ] || fail "line wider than COLUMNS=110 (${#line}): $line"
done <<<"$out"
# Narrower: free text gives way first (the summary, then the handler's name), never below
# 12 columns (other words 8) or its heading; IDs, due dates and times and states are never
# cut, so a terminal too narrow for them wraps the line rather than lose a due time.
out=$(on_tty COLUMNS=96 -- list-overdue --due-within 1w)
expect_contains "$out" "2026-03-17 " "a due day that fits is not cut at 96 columns"
c list-overdue --due-within 1w --format json |
  json "'\n'.join(i['due'] + ' ' + i['state'] for i in d)" >due-and-state.txt
for columns in 100 96 60; do
  out=$(on_tty COLUMNS=$columns -- list-overdue --due-within 1w)
  while read -r due state; do
    expect_contains "$out" "$due" "due $due kept whole at $columns columns"
    expect_contains "$out" "$state" "state $state kept whole at $columns columns"
  done <due-and-state.txt
done
expect_contains "$(on_tty COLUMNS=100 -- list-overdue --due-within 1w)" "Shouted at" \
  "the summary keeps some words at 100 columns"
for columns in 96 40; do
  out=$(on_tty COLUMNS=$columns -- list-overdue --due-within 1w)
  header=$(head -1 <<<"$out")
  for heading in $(c list-overdue --due-within 1w | head -1); do
    expect_contains "$header" "$heading" "heading $heading kept whole at $columns columns"
  done
  for id in $(c list-overdue --due-within 1w | awk 'NR > 1 { print $1 }'); do
    expect_contains "$out" "$id " "ID $id kept whole at $columns columns"
  done
done
out=$(c list-overdue --due-within 1w)
expect_not_contains "$out" "…" "never cut in a pipe"
expect_contains "$out" "@fees: charged twice for March" "full summary in a pipe"

# Escapes and bidi overrides in a summary are shown, never sent, in every text output.
for args in "list-overdue" "remind" "show 2a1m0003" "list"; do
  # shellcheck disable=SC2086
  out=$(c $args)
  [[ "$out" != *$'\e'* && "$out" != *$'\u202e'* ]] || fail "complaints $args sent a raw control/bidi character"
  expect_contains "$out" '\x1b[31mred\u202e' "complaints $args shows the escapes"
done

# Data on stdout, messages on stderr: an unknown ID says so on stderr only, exit 4.
expect_exit 4 show zzzz
expect_eq "$OUT" "" "stdout of a failed command"
expect_contains "$ERR" "complaints: error:" "message on stderr"
