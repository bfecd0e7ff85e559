#!/bin/sh
# First command of the quick start: install what is missing, build, and show what is overdue
# in the two example registers (Big Bums and Little Bums; Twinkle's SEN Activity Days CIC).
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target complaints
for register in examples/big-bums-register examples/twinkles-register; do
  echo
  echo "== $register: overdue as of 2026-11-23 =="
  build/complaints -C "$register" --as-of 2026-11-23T09:00 list-overdue
done
