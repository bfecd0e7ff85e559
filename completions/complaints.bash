# bash completion for complaints(1): commands, flags and complaint IDs.
# Commands and flags are read from `complaints --help` and `complaints COMMAND --help`, and
# IDs from `complaints ids` (in the register named by -C/--register, if given), so the
# completion never drifts from the program.

_complaints_register_args() {
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        -C | --register) printf '%s\n%s\n' "${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}" ;;
        esac
    done
}

_complaints() {
    local cur prev command="" i
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    local -a register
    mapfile -t register < <(_complaints_register_args)

    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        -C | --register | --as-of) ((i++)) ;;
        -*) ;;
        *) command="${COMP_WORDS[i]}"; break ;;
        esac
    done

    case "$prev" in
    -C | --register) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
    --format)
        local formats
        formats=$(complaints "${command:-list}" --help 2>/dev/null |
            sed -n 's/.*--format[^a-z]*TEXT:{\([^}]*\)}.*/\1/p' | tr ',' ' ')
        mapfile -t COMPREPLY < <(compgen -W "${formats:-table text csv json html ics}" -- "$cur")
        return ;;
    --policy) mapfile -t COMPREPLY < <(compgen -W "big-bums twinkles" -f -- "$cur"); return ;;
    esac

    if [[ -z "$command" ]]; then
        if [[ "$cur" == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "-C --register --as-of --no-color --help --version" -- "$cur")
        else
            local commands
            commands=$(complaints --help 2>/dev/null |
                sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p')
            mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
        fi
        return
    fi

    local help
    help=$(complaints "$command" --help 2>/dev/null)
    if [[ "$cur" == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u)" -- "$cur")
    elif grep -qE '^  id ' <<<"$help"; then
        mapfile -t COMPREPLY < <(compgen -W "$(complaints "${register[@]}" ids 2>/dev/null)" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

complete -F _complaints complaints
