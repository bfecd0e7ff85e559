#!/bin/sh
# Installs the Debian 12 packages that complaints needs to build and test, if any are missing.
# Uses sudo when not run as root. Safe to run again: it installs nothing when all are present.
set -eu
packages="g++ cmake ninja-build git tzdata python3 python3-numpy strace
  libcli11-dev libtomlplusplus-dev libfmt-dev libhowardhinnant-date-dev doctest-dev
  libutf8proc-dev libkainjow-mustache-dev libcmark-dev pkg-config
  clang libclang-rt-14-dev util-linux zsh git-filter-repo
  libcsv-dev nlohmann-json3-dev chromium python3-holidays hyperfine taskwarrior time"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
