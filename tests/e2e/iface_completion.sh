# Shell completion: bash completes commands, a command's flags and complaint IDs (from the
# register named by -C); the zsh function at least loads and defines itself.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"
cd "$WORK"
mkdir bin && ln -s "$COMPLAINTS" bin/complaints
export PATH="$WORK/bin:$PATH"
COMPLETION="$TESTS/../completions/complaints.bash"

complete_words() { # WORDS...: what bash offers for the last word
  bash -c '
    source "$0"
    COMP_WORDS=("${@}")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _complaints
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' "$COMPLETION" "$@"
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
got=$(complete_words complaints export --re)
expect_eq "$got" "--redact " "a command's flags"
got=$(complete_words complaints report --format "")
expect_eq "$got" "csv html json text " "--format values"
(cd reg && got=$(complete_words complaints show 2a1m0005) && expect_eq "$got" "2a1m0005 " "IDs from the register found upward")

# `ids` is for the completions only: hidden from --help.
expect_not_contains "$(c --help)" " ids " "ids hidden from --help"

# The zsh function parses (it can only run inside zsh's completion system).
if command -v zsh >/dev/null; then
  zsh -n "$TESTS/../completions/_complaints" || fail "zsh completion has a syntax error"
fi
bash -n "$COMPLETION" || fail "bash completion has a syntax error"
