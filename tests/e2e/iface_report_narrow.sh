# The HTML report on a phone: rendered by headless Chromium 400 pixels wide, the page never
# scrolls sideways, every chart fits the width, and every table fits or scrolls within
# itself. Skipped (exit 0, said on stderr) where chromium is not installed.
source "$TESTS/e2e/lib.sh"
source "$TESTS/golden/fixture.sh"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "skipped: chromium is not installed" >&2
  exit 0
fi

c report --format html >report.html
grep -q '<meta name="viewport" content="width=device-width, initial-scale=1">' report.html ||
  fail "no viewport tag"

# The report forbids scripts (its Content-Security-Policy); the measuring copy drops the policy
# and adds one script that measures the page and posts what it found to the page around it.
# Chromium's window is at least 500 pixels wide, so the copy is shown in a 400-pixel frame:
# its viewport is the frame.
python3 - <<'PY'
html = open("report.html", encoding="utf-8").read()
start = html.index('<meta http-equiv="Content-Security-Policy"')
html = html[:start] + html[html.index(">", start) + 1:]
probe = """<script>
window.addEventListener('load', () => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  if (document.documentElement.scrollWidth > width) wide.push('page ' + document.documentElement.scrollWidth);
  for (const e of document.querySelectorAll('svg, table, h1, h2, p')) {
    const box = e.getBoundingClientRect();
    if (box.right > width + 0.5) wide.push(e.tagName + ' ' + Math.round(box.right));
  }
  parent.postMessage('viewport=' + width + ' overflow=' + (wide.join(';') || 'none'), '*');
});
</script>"""
open("probe.html", "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
open("frame.html", "w", encoding="utf-8").write("""<!DOCTYPE html><html><body style="margin:0">
<iframe src="probe.html" style="width:400px;height:3000px;border:0"></iframe>
<script>
window.addEventListener('message', (m) => {
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = m.data;
  document.body.appendChild(out);
});
</script></body></html>""")
PY

dom=$("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,3000 \
  --virtual-time-budget=3000 --dump-dom "file://$PWD/frame.html" 2>/dev/null) ||
  fail "chromium could not render the report"
measured=$(echo "$dom" | sed -n 's/.*<pre id="measured">\([^<]*\)<\/pre>.*/\1/p')
[ -n "$measured" ] || fail "the probe did not run: $(echo "$dom" | tail -3)"
expect_eq "$measured" "viewport=400 overflow=none" "the report at 400 px"
