# The man page is written by the build from the program's own command line (`complaints
# generate man`, prose from man/complaints.1.in), and it agrees with the program: the page in
# the build folder is what the program writes now; every command and subcommand in --help
# has a section listing each of its flags and an example; the exit-code table matches
# --help; every environment variable the program reads and every shipped policy is named;
# the page formats without warnings; and `cmake --install` installs the binary, man page,
# completions and shipped policies.
source "$TESTS/e2e/lib.sh"
build=$(dirname "$COMPLAINTS")
MAN="$build/man/complaints.1"
PROSE="$TESTS/../man/complaints.1.in"
[ -f "$MAN" ] || fail "the build did not write $MAN"

c generate man "$PROSE" >fresh.1
cmp -s fresh.1 "$MAN" || fail "$MAN is not what 'complaints generate man' writes now: rebuild"

# Commands: the top-level ones from --help, and the subcommands of those that have some.
commands_of() { # COMMAND...: the subcommands --help lists, one a line, with their parents
  c "$@" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' |
    sed "s/^/${*:+$* }/"
}
help_commands=$(commands_of)
[ -n "$help_commands" ] || fail "no commands found in complaints --help"
all_commands=$( (echo "$help_commands"
  for command in $help_commands; do commands_of "$command"; done) | sort)
sed 's/\\-/-/g' "$MAN" >man.txt # the page writes a hyphen-minus as \-
man_commands=$(sed -n 's/^\.SS \\fB\([a-z][a-z -]*\)\\fR.*/\1/p' man.txt | sort)
expect_eq "$man_commands" "$all_commands" "commands in the man page (.SS) vs --help"

section_of() { # COMMAND: the man page's section of COMMAND, up to the next section
  awk -v heading=".SS \\\\fB$1\\\\fR" '
    /^\.S[SH] / { on = index($0, heading) == 1 }
    on' man.txt
}
while read -r command; do
  section=$(section_of "$command")
  # shellcheck disable=SC2086 # a command path is words
  for flag in $(c $command --help | sed -n 's/^  \(-[a-zA-Z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
    [ "$flag" = --help ] && continue
    [[ "$section" == *"\\fB$flag\\fR"* ]] || fail "man page: $command lacks $flag"
  done
done <<<"$all_commands"
for command in $help_commands; do
  [[ "$(section_of "$command")" == *".EX"* ]] || fail "man page: $command has no example"
done

# Exit codes: the same numbers in --help and the man page's table.
help_codes=$(c --help | sed -n '/^Exit codes:/,/^$/s/^  \([0-9]\) .*/\1/p' | tr '\n' ' ')
man_codes=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /s/^\.IP \([0-9]\).*/\1/p' "$MAN" | tr '\n' ' ')
expect_eq "$man_codes" "$help_codes" "exit codes in the man page vs --help"

# Environment: every variable the source reads, and those CLI11 reads for a flag.
environment=$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' man.txt)
variables=$( (grep -rhoE 'getenv\("[A-Z_]+"\)' "$TESTS/../src" | sed 's/getenv("\(.*\)")/\1/'
  grep -rhoE 'envname\("[A-Z_]+"\)' "$TESTS/../src" | sed 's/envname("\(.*\)")/\1/'
  echo VISUAL; echo EDITOR) | sort -u)
for variable in $variables; do
  [[ "$environment" == *"$variable"* ]] || fail "man page: ENVIRONMENT lacks $variable"
done
[[ "$(c --help)" == *"(Env:COMPLAINTS_NOW)"* ]] || fail "--help does not name COMPLAINTS_NOW"
[[ "$(c ack --help)" == *"(Env:COMPLAINTS_USER)"* ]] || fail "ack --help does not name COMPLAINTS_USER"

# Every shipped policy is named where init --policy is described.
init=$(section_of init)
for policy in "$EXAMPLES"/policies/*.toml; do
  name=$(basename "$policy" .toml)
  [[ "$init" == *"$name"* ]] || fail "man page: init does not name the shipped policy $name"
done

warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$MAN" 2>&1)
expect_eq "$warnings" "" "groff warnings"

# cmake --install puts everything in place: the generated page and completions.
cmake --install "$build" --prefix "$WORK/prefix" >/dev/null
for file in bin/complaints share/man/man1/complaints.1 \
  share/bash-completion/completions/complaints share/zsh/vendor-completions/_complaints \
  share/complaints/policies/big-bums.toml share/complaints/policies/twinkles.toml; do
  [ -f "$WORK/prefix/$file" ] || fail "cmake --install did not install $file"
done
cmp -s "$WORK/prefix/share/man/man1/complaints.1" "$MAN" || fail "installed man page differs"
