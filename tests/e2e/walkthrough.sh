# docs/WALKTHROUGH.md, run: every command of its ```console blocks in a fresh folder, each
# output compared with the one the document shows, so the document cannot drift from the tool.
# The convention (stated at the top of the document):
#   - only ```console blocks run; a line starting with "$ " is a command (a line ending in "\"
#     goes on with the next), the lines after it, up to the next command or the end of the
#     block, are what it prints on stdout and stderr together;
#   - lines are compared without trailing spaces, and blank lines at the end of an output are
#     ignored;
#   - a command exits 0 unless it ends with a comment "# exit N";
#   - "export NAME=VALUE" and "cd DIR" apply to the commands after them; the folder the
#     commands start in is shown as "~";
#   - "complaints add" prints a new, random ID (on a line of its own): the ID the document
#     shows there stands for it in later commands, and the real ID is shown as the
#     document's in outputs.
# WALKTHROUGH=FILE runs another file (to check that a changed output fails).
source "$TESTS/e2e/lib.sh"

mkdir bin
ln -s "$COMPLAINTS" bin/complaints
export PATH="$WORK/bin:$PATH"
unset COMPLAINTS_NOW

python3 - "${WALKTHROUGH:-$TESTS/../docs/WALKTHROUGH.md}" <<'PY'
import difflib, os, re, shlex, subprocess, sys

doc_path = sys.argv[1]
lines = open(doc_path, encoding="utf-8").read().split("\n")

def steps():
    """(line number, command, expected output lines) for each command of a console block."""
    in_block, i = False, 0
    found = []
    while i < len(lines):
        line = lines[i]
        if not in_block:
            in_block = line.strip() == "```console"
            i += 1
            continue
        if line.startswith("```"):
            in_block = False
            i += 1
            continue
        if not line.startswith("$ "):
            sys.exit(f"{doc_path}:{i + 1}: expected a command starting with '$ ', got: {line}")
        start, command = i + 1, line[2:]
        while command.endswith("\\"):
            i += 1
            command = command + "\n" + lines[i]
        i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ ") and not lines[i].startswith("```"):
            output.append(lines[i])
            i += 1
        found.append((start, command, output))
    return found

def normal(text_lines):
    out = [l.rstrip() for l in text_lines]
    while out and out[-1] == "":
        out.pop()
    return out

ids = {}  # the document's ID -> the real one
def first_id(text_lines):
    """The first line that is a complaint ID: what `add` prints (after any warning)."""
    return next((l.strip() for l in text_lines if re.fullmatch(r"[0-9a-z]{8}", l.strip())), None)
def to_real(text):
    for shown, real in ids.items():
        text = text.replace(shown, real)
    return text
home = os.getcwd()
def to_shown(text):
    for shown, real in ids.items():
        text = text.replace(real, shown)
    return text.replace(home, "~")

env = dict(os.environ)
cwd = home
failures = 0
ran = 0
for line_no, command, expected in steps():
    want_exit = 0
    status = re.search(r"#\s*exit\s+(\d+)\s*$", command)
    if status:
        want_exit = int(status.group(1))
    words = shlex.split(command, comments=True)
    if words and words[0] == "export":
        for word in words[1:]:
            name, _, value = word.partition("=")
            env[name] = value
        continue
    if words and words[0] == "cd":
        cwd = os.path.join(cwd, words[1])
        continue
    ran += 1
    run = subprocess.run(["bash", "-c", to_real(command)], cwd=cwd, env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    if words[:2] == ["complaints", "add"] and run.returncode == 0:
        shown, real = first_id(expected), first_id(run.stdout.split("\n"))
        if shown and real:
            ids[shown] = real
    actual = normal(to_shown(run.stdout).split("\n"))
    expected = normal(expected)
    where = f"{doc_path}:{line_no}: $ {command}"
    if actual != expected:
        failures += 1
        print(f"FAIL: {where}\noutput differs from the document (- document, + tool):",
              file=sys.stderr)
        sys.stderr.writelines(l + "\n" for l in difflib.unified_diff(
            expected, actual, os.path.basename(doc_path), "complaints", lineterm="", n=2))
    if run.returncode != want_exit:
        failures += 1
        print(f"FAIL: {where}\nexited {run.returncode}, the document says {want_exit}",
              file=sys.stderr)
if ran == 0:
    sys.exit(f"FAIL: no commands found in {doc_path}")
if failures:
    sys.exit(f"FAIL: {failures} difference(s) between {doc_path} and the tool")
print(f"{ran} commands of {doc_path} give the output it shows")
PY
