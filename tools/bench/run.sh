#!/bin/bash
# The benchmark (docs/PERFORMANCE.md): builds synthetic registers of each size, then prints for
# each the median of several runs of the everyday commands, peak memory, and two reference
# figures measured in the same run: the time to merely read every complaint file (the floor)
# and taskwarrior answering `task overdue` over as many pending tasks with due dates. The
# commands use the register's cache (made by the warm-up run); list-overdue is also timed with
# COMPLAINTS_CACHE=off, while making the cache, and after one complaint changed.
#
#   tools/bench/run.sh [--sizes 1000,10000,100000] [--runs 5] [--build build] [--work DIR]
#
# --work keeps the registers and taskwarrior databases in DIR; without it they go in a
# temporary folder, removed at the end.
#
# Needs a built tree (complaints and complaints-synth), hyperfine, taskwarrior and GNU time
# (Debian: hyperfine taskwarrior time). Warm cache: each command runs once before it is timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=1000,10000,100000 runs=5 build=build work=
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in hyperfine task /usr/bin/time; do
  command -v "$tool" >/dev/null ||
    { echo "run.sh: needs $tool (apt-get install hyperfine taskwarrior time)" >&2; exit 2; }
done
complaints=$(realpath "$build/complaints") synth=$(realpath "$build/complaints-synth")
as_of=2026-11-30T23:59:59Z # the end of the day the registers are made as of
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/complaints-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

# median COMMAND [PREPARE]: SECONDS of a hyperfine run of COMMAND (warm: one run first, not
# counted), with PREPARE run before each run when given
median() {
  local prepare=()
  [ -n "${2:-}" ] && prepare=(--prepare "$2")
  hyperfine --style none --warmup 1 --runs "$runs" "${prepare[@]}" --export-json "$work/h.json" \
    "$1" >/dev/null 2>&1 || { echo "run.sh: failed: $1" >&2; exit 1; }
  /usr/bin/python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/h.json"
}

# peak resident memory in MB of COMMAND
peak_mb() {
  /usr/bin/time -f %M -o "$work/mem" bash -c "$1" >/dev/null 2>&1
  echo $(( $(cat "$work/mem") / 1024 ))
}

# A taskwarrior database of N pending tasks, due dates spread like the complaints' deadlines
# (a third overdue as of the benchmark's day).
taskwarrior_db() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ncolor=off\nhooks=off\ngc=off\n' \
    "$dir" >"$dir/taskrc"
  /usr/bin/python3 - "$n" >"$dir/tasks.json" <<'EOF'
import json, random, sys, time, uuid
random.seed(1)
for i in range(int(sys.argv[1])):
    due = 1796040000 + random.randint(-60, 120) * 86400  # around 2026-11-30
    print(json.dumps({"uuid": str(uuid.UUID(int=random.getrandbits(128))), "status": "pending",
                      "description": "Complaint %d: reply to the complainant" % i,
                      "entry": "20260101T000000Z", "project": "complaints",
                      "due": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(due))}))
EOF
  TASKRC=$dir/taskrc task import "$dir/tasks.json" >/dev/null 2>&1
}

printf '%-8s %-24s %10s %10s\n' size command median_s x_floor
for n in ${sizes//,/ }; do
  reg=$work/register-$n
  rm -rf "$reg"
  start=$(date +%s.%N)
  "$synth" --count "$n" --seed 1 --as-of 2026-11-30 --policies examples/policies "$reg" >/dev/null
  made=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  "$complaints" -C "$reg" check --as-of "$as_of" >/dev/null 2>&1 ||
    { echo "run.sh: check refuses the synthetic register of $n" >&2; exit 1; }
  printf '%-8s %-24s %10.3f\n' "$n" "(generate)" "$made"
  floor=$(median "find '$reg/complaints' -name '*.toml' -exec cat {} + >/dev/null")
  printf '%-8s %-24s %10s\n' "$n" "(read every file)" "$floor"
  sleep 1.1 # files changed in the last second are not put in the cache (docs/PERFORMANCE.md)
  # list-overdue reading every file, then making the cache (the first command after a change
  # to many files); the commands below use it.
  t=$(median "COMPLAINTS_CACHE=off '$complaints' -C '$reg' list-overdue --as-of $as_of >/dev/null 2>&1")
  printf '%-8s %-24s %10s %10.2f\n' "$n" "list-overdue, no cache" "$t" "$(awk -v a="$t" -v b="$floor" 'BEGIN { print a / b }')"
  t=$(median "'$complaints' -C '$reg' list-overdue --as-of $as_of >/dev/null 2>&1" "rm -f '$reg/.cache/readings'")
  printf '%-8s %-24s %10s %10.2f\n' "$n" "list-overdue, new cache" "$t" "$(awk -v a="$t" -v b="$floor" 'BEGIN { print a / b }')"
  # ... and after one complaint changed (a note), which writes the cache again.
  id=$(ls "$reg/complaints" | sed -n "$((n / 2 + 1))s/\.toml$//p")
  t=$(median "'$complaints' -C '$reg' list-overdue --as-of $as_of >/dev/null 2>&1" \
    "'$complaints' -C '$reg' note $id 'changed' --by bench >/dev/null 2>&1; sleep 1.1")
  printf '%-8s %-24s %10s %10.2f\n' "$n" "list-overdue, one changed" "$t" "$(awk -v a="$t" -v b="$floor" 'BEGIN { print a / b }')"
  for cmd in list-overdue list remind "export --format csv" report "show $id"; do
    t=$(median "'$complaints' -C '$reg' $cmd --as-of $as_of >/dev/null 2>&1")
    printf '%-8s %-24s %10s %10.2f\n' "$n" "${cmd%% $id}" "$t" "$(awk -v a="$t" -v b="$floor" 'BEGIN { print a / b }')"
  done
  t=$(median "'$complaints' -C '$reg' note $id 'benchmark note' --by bench --as-of $as_of >/dev/null 2>&1")
  printf '%-8s %-24s %10s\n' "$n" note "$t"
  t=$(median "'$complaints' -C '$reg' add --name 'Bench Mark' --channel email --summary 'A benchmark complaint' --severity minor --as-of $as_of >/dev/null 2>&1")
  printf '%-8s %-24s %10s\n' "$n" add "$t"
  for cmd in "export --format csv" report list-overdue; do
    printf '%-8s %-24s %10s MB peak\n' "$n" "$cmd" \
      "$(peak_mb "'$complaints' -C '$reg' $cmd --as-of $as_of")"
  done
  taskwarrior_db "$n" "$work/task-$n"
  t=$(median "TASKRC='$work/task-$n/taskrc' task overdue >/dev/null 2>&1")
  printf '%-8s %-24s %10s\n' "$n" "(task overdue)" "$t"
done
echo "method: hyperfine, $runs runs after one warm-up, medians in seconds; $(nproc) cores," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB; x_floor = median / time to read every file"
