# The man page and the program agree: every command in `complaints --help` has a section in
# man/complaints.1 and every section names a real command; every flag of a command appears
# in the page; the exit-code table matches --help; the page formats without warnings; and
# `cmake --install` installs the binary, man page, completions and shipped policies.
source "$TESTS/e2e/lib.sh"
MAN="$TESTS/../man/complaints.1"

help_commands=$(c --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | sort)
[ -n "$help_commands" ] || fail "no commands found in complaints --help"
sed 's/\\-/-/g' "$MAN" >man.txt # the page writes a hyphen-minus as \-
man_commands=$(sed -n 's/^\.SS \\fB\([a-z][a-z-]*\)\\fR.*/\1/p' man.txt | sort -u)
expect_eq "$man_commands" "$help_commands" "commands in the man page (.SS) vs --help"

for command in $help_commands; do
  section=$(awk -v cmd="$command" '
    /^\.SS / { on = index($0, "\\fB" cmd "\\fR") == 5 }
    on' man.txt)
  for flag in $(c "$command" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    [ "$flag" = --help ] && continue
    [[ "$section" == *"$flag"* ]] || fail "man page: $command lacks $flag"
  done
  [[ "$section" == *".EX"* ]] || fail "man page: $command has no example"
done

# Exit codes: the same numbers in --help and the man page's table.
help_codes=$(c --help | sed -n '/^Exit codes:/,/^$/s/^  \([0-9]\) .*/\1/p' | tr '\n' ' ')
man_codes=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /s/^\.IP \([0-9]\).*/\1/p' "$MAN" | tr '\n' ' ')
expect_eq "$man_codes" "$help_codes" "exit codes in the man page vs --help"

warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$MAN" 2>&1)
expect_eq "$warnings" "" "groff warnings"

# cmake --install puts everything in place.
build=$(dirname "$COMPLAINTS")
cmake --install "$build" --prefix "$WORK/prefix" >/dev/null
for file in bin/complaints share/man/man1/complaints.1 \
  share/bash-completion/completions/complaints share/zsh/vendor-completions/_complaints \
  share/complaints/policies/big-bums.toml share/complaints/policies/twinkles.toml; do
  [ -f "$WORK/prefix/$file" ] || fail "cmake --install did not install $file"
done
