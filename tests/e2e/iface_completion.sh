# Shell completion, written by the build from the program's own command line (`complaints
# generate bash|zsh`): the scripts in the build folder are what the program writes now; bash
# completes commands, subcommands, a command's flags, enumerated values, shipped policy names
# and complaint IDs (from the register named by -C, or found upward); so does zsh.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"
cd "$WORK"
build=$(dirname "$COMPLAINTS")
BASH_COMPLETION="$build/completions/complaints.bash"
ZSH_COMPLETION="$build/completions/_complaints"
mkdir bin && ln -s "$COMPLAINTS" bin/complaints
export PATH="$WORK/bin:$PATH"

for shell in bash zsh; do
  file=$BASH_COMPLETION
  [ $shell = zsh ] && file=$ZSH_COMPLETION
  [ -f "$file" ] || fail "the build did not write $file"
  c generate $shell >fresh
  cmp -s fresh "$file" || fail "$file is not what 'complaints generate $shell' writes now"
done

complete_words() { # WORDS...: what bash offers for the last word
  bash -c '
    source "$0"
    COMP_WORDS=("${@}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _complaints
    ((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
    "$BASH_COMPLETION" "$@"
}

got=$(complete_words complaints list-o)
expect_eq "$got" "list-overdue " "command names"
got=$(complete_words complaints re)
expect_contains "$got" "remind" "command names"
expect_contains "$got" "report" "command names"
got=$(complete_words complaints -C reg show 2a1m000)
expect_eq "$got" "2a1m0001 2a1m0002 2a1m0003 2a1m0004 2a1m0005 " "complaint IDs"
got=$(complete_words complaints -C reg ack 2a1m0003)
expect_eq "$got" "2a1m0003 " "complaint IDs for an event command"
got=$(complete_words complaints -C reg note 2a1m0003 called)
expect_eq "$got" "" "no IDs for the text of a note"
got=$(complete_words complaints -C reg policy repin 2a1m0004)
expect_eq "$got" "2a1m0004 " "complaint IDs for a subcommand"
got=$(complete_words complaints policy re)
expect_eq "$got" "repin " "subcommand names"
got=$(complete_words complaints export --re)
expect_eq "$got" "--redact " "a command's flags"
got=$(complete_words complaints extend 2a1m0001 --u)
expect_eq "$got" "--until " "an event command's flags, from its table entry"
got=$(complete_words complaints report --format "")
expect_eq "$got" "csv html json text " "--format values"
got=$(complete_words complaints --as-of 2026-03-16 list --format j)
expect_eq "$got" "json " "--format values after a global flag"
got=$(complete_words complaints calendar --division s)
expect_eq "$got" "scotland " "--division values"
shipped=$(cd "$EXAMPLES/policies" && ls -- *.toml | sed 's/\.toml$//' | sort | tr '\n' ' ')
mkdir empty
got=$(cd empty && complete_words complaints init --policy "")
expect_eq "$got" "$shipped" "shipped policy names (and files: none here)"
touch empty/mine.toml
got=$(cd empty && complete_words complaints init --policy m)
expect_eq "$got" "mine.toml " "policy files"
(cd reg && got=$(complete_words complaints show 2a1m0005) && expect_eq "$got" "2a1m0005 " "IDs from the register found upward")

# `ids` and `generate` are for the completions and the build only: hidden from --help.
expect_not_contains "$(c --help)" " ids " "ids hidden from --help"
expect_not_contains "$(c --help)" " generate " "generate hidden from --help"
got=$(complete_words complaints i)
expect_eq "$got" "import init " "hidden commands not offered"

bash -n "$BASH_COMPLETION" || fail "bash completion has a syntax error"

# zsh: the function parses, and completes inside zsh's completion system (an interactive zsh
# on a pseudo-terminal: each line is typed with a TAB, then a key that prints the buffer).
command -v zsh >/dev/null || exit 0
zsh -n "$ZSH_COMPLETION" || fail "zsh completion has a syntax error"
mkdir zfunctions && cp "$ZSH_COMPLETION" zfunctions/
cat >zcomplete.zsh <<'ZSH'
zmodload zsh/zpty || exit 2
folder=$1
shift
zpty z zsh -f -i
zpty -w z "fpath=($folder \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'shown() { print -rn -- "<""<$BUFFER>"">"; BUFFER=""; }; zle -N shown; bindkey "^X" shown'
for line in "$@"; do
  zpty -w -n z "$line"$'\t\x18'
  zpty -r z out '*<<*>>*' || exit 2
  out=${out##*<<}
  print -r -- "${out%%>>*}"
done
zpty -d z
ZSH
zsh_completes() { # LINE: what zsh completes LINE to
  (cd reg && timeout 60 zsh -f "$WORK/zcomplete.zsh" "$WORK/zfunctions" "$1") || fail "zsh did not complete '$1'"
}
expect_eq "$(zsh_completes 'complaints list-o')" "complaints list-overdue " "zsh: command names"
expect_eq "$(zsh_completes 'complaints policy re')" "complaints policy repin " "zsh: subcommands"
expect_eq "$(zsh_completes 'complaints show 2a1m0005')" "complaints show 2a1m0005 " "zsh: IDs"
expect_eq "$(zsh_completes 'complaints extend 2a1m0001 --un')" "complaints extend 2a1m0001 --until " \
  "zsh: an event command's flags"
expect_eq "$(zsh_completes 'complaints report --format h')" "complaints report --format html " \
  "zsh: --format values"
expect_eq "$(zsh_completes 'complaints init --policy twi')" "complaints init --policy twinkles " \
  "zsh: shipped policy names"
