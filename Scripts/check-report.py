#!/usr/bin/env python3
"""Checks `standoff report` in a real browser: headless Chromium opens the pages from disk.

For the shipped annotations with hostile values planted through the CLI (a note holding a
<script>, a feature breaking out of an attribute, a register name closing </style>), it writes the
report, has Chromium run its scripts and dump the DOM (--dump-dom) while logging every network
event (--log-net-log), and checks that:
  - every annotation `standoff list --format json` lists has its highlighted element, with the
    right layer and category;
  - the register's mention counts equal `standoff stats --format json`;
  - the page's script ran (it marks <body>), and no planted script or handler did: the title is
    the document's, no <img> or handler attribute appeared, the planted text shows as text;
  - the page made no network request (no http, https or other URL but the file itself);
  - what a reader does works (a script added to a copy of the page clicks a span, presses Enter
    on another, highlights a register entry's mentions, hides a layer).
Then the same for the --compare view and a corpus (-o DIR), and a screenshot of each page
with --screenshots DIR.

    python3 Scripts/check-report.py PATH/TO/standoff [--screenshots DIR]
"""
import html.parser, json, os, re, shutil, subprocess, sys, tempfile

standoff = sys.argv[1]
shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shipped = os.path.join(root, "Annotations", "north-korea-diplomacy.tei.xml")
chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not chromium:
    sys.exit("no chromium on this machine: `apt-get install chromium` (.ci/run installs it)")
work = tempfile.mkdtemp()
PLANTED_NOTE = "<script>document.title='pwned'</script> and </style> and \"quoted\""
PLANTED_FEATURE = "\"><img src=x onerror=\"document.title='pwned2'\">"
PLANTED_NAME = "</style><script>document.title='pwned3'</script>Evil & Co"


def run(*args):
    done = subprocess.run([standoff, *args], capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1732406400"))
    if done.returncode != 0:
        sys.exit(f"standoff {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def browse(page, name):
    """The DOM after the page's scripts ran, and the URLs of every network event."""
    netlog = os.path.join(work, name + ".netlog.json")
    # Chromium's own traffic (updates, time, sync) is turned off, and every host name resolves
    # to nothing, so that no request leaves the machine: what the log then holds is what the
    # page asked for.
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pings",
            "--disable-default-apps", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
            "--disable-features=OptimizationHints,MediaRouter,Translate", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--log-net-log={netlog}", "--window-size=1280,900"]
    dom = subprocess.run(args + ["--dump-dom", "file://" + page], capture_output=True, text=True, timeout=120)
    if dom.returncode != 0 or "<body" not in dom.stdout:
        sys.exit(f"chromium could not open {page}: {dom.stderr[-2000:]}")
    if shots:
        os.makedirs(shots, exist_ok=True)
        subprocess.run(args + [f"--screenshot={os.path.join(shots, name + '.png')}", "file://" + page], capture_output=True, timeout=120)
    # Every request the network stack started, with who asked: Chromium's own (component
    # updates, time, accounts) have no origin; the page's have its origin (null, for a file).
    with open(netlog, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # a log cut short by the browser's exit: read what it holds
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in log.get("events", []):
        params = event.get("params") or {}
        if event.get("type") == start and "url" in params and params.get("initiator") != "not an origin":
            urls.add(params.get("url", ""))
    return dom.stdout, urls


class Page(html.parser.HTMLParser):
    """The elements the checks look at."""
    def __init__(self):
        super().__init__()
        self.spans, self.entries, self.body_classes, self.title, self.in_title = {}, {}, "", "", False
        self.images, self.handlers, self.text = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.body_classes = attrs.get("class") or ""
        if tag == "title":
            self.in_title = True
        if tag == "img":
            self.images += 1
        self.handlers += [name for name in attrs if name.startswith("on")]
        if "data-id" in attrs and "a" in (attrs.get("class") or "").split():
            self.spans.setdefault(attrs["data-id"], set()).add((attrs.get("data-layer"), attrs.get("data-category")))
        if tag == "tr" and (attrs.get("id") or "").startswith("entry-"):
            self.entries[attrs["id"][len("entry-"):]] = int(attrs.get("data-mentions", "-1"))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        self.text.append(data)


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)
    print("  ok: " + message)


# The shipped file with hostile values planted where people type text.
hostile = os.path.join(work, "hostile.tei.xml")
shutil.copyfile(shipped, hostile)
run("register", "add", "org", hostile, "--id", "evil-co", "--name", PLANTED_NAME)
run("add", "entity", hostile, "--text", "Reuters", "--category", "ORG", "--ref", "evil-co", "--note", PLANTED_NOTE,
    "--feature", "source=" + PLANTED_FEATURE, "--id", "entx")
records = json.loads(run("list", hostile, "--format", "json"))
stats = json.loads(run("stats", hostile, "--format", "json"))
page = os.path.join(work, "report.html")
run("report", hostile, "-o", page)
print(f"report of {len(records)} annotations")
dom, urls = browse(page, "report")
parsed = Page()
parsed.feed(dom)
missing = [r["id"] for r in records if (r["layer"], r.get("category") or "(none)") not in parsed.spans.get(r["id"], set())]
check(not missing, f"every one of the {len(records)} annotations has its highlighted element with its layer and category" + (f" (missing: {missing[:10]})" if missing else ""))
expected = {e["id"]: e["mentions"] for e in stats["entities"]["entries"]}
check(parsed.entries == expected, f"the register's mention counts equal `standoff stats` ({len(expected)} entries)")
check("scripted" in parsed.body_classes.split(), "the page's script ran")
check("pwned" not in parsed.title and parsed.title.startswith("Trump"), f"no planted script ran (title: {parsed.title[:40]!r})")
check(parsed.images == 0 and not parsed.handlers, "no planted element or handler attribute appeared")
text = "".join(parsed.text)
check(PLANTED_NOTE in text and PLANTED_NAME in text and PLANTED_FEATURE in text, "the planted values show as text")
outside = sorted(u for u in urls if not u.startswith(("file:", "data:")))
check(not outside, "the page made no network request" + (f" (it asked for {outside[:5]})" if outside else ""))

# What a reader does, done by a script added to a copy of the page: select a span by a click
# and another by the keyboard, highlight a register entry's mentions, hide a layer.
driven = os.path.join(work, "driven.html")
with open(page, encoding="utf-8") as handle:
    text = handle.read()
driver = """<script>
function mark(name, value) { document.body.setAttribute("data-" + name, String(value)); }
document.querySelector('.a[data-id="ent1"]').dispatchEvent(new MouseEvent("click", { bubbles: true }));
mark("selected", document.querySelectorAll('.a.sel[data-id="ent1"]').length);
mark("details", document.querySelector("#details .content").textContent);
var span = document.querySelector('.a[data-id="ent2"]');
span.focus();
span.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
mark("keyboard", document.querySelectorAll('.a.sel[data-id="ent2"]').length + "/" + document.querySelectorAll(".a.sel").length);
document.querySelector('button[data-entry="kim"]').click();
mark("hits", new Set(Array.from(document.querySelectorAll(".a.hit")).map(function (n) { return n.getAttribute("data-id"); })).size);
document.querySelector('input[data-toggle="entity"]').click();
mark("hidden", document.body.classList.contains("hide-entity"));
</script>"""
with open(driven, "w", encoding="utf-8") as handle:
    handle.write(text.replace("</body>", driver + "</body>"))
dom, _ = browse(driven, "driven")
body = dom[dom.index("<body"):dom.index(">", dom.index("<body"))]
def attribute(name):
    start = body.index(f'data-{name}="') + len(f'data-{name}="')
    return body[start:body.index('"', start)]
ent1 = next(r for r in records if r["id"] == "ent1")
check(int(attribute("selected")) >= 1 and ent1["text"][0] in attribute("details") and "trump" in attribute("details").lower(),
      "a click selects a span and shows its details (text, links)")
check(attribute("keyboard") == "1/1", "Enter on a focused span selects it, and only it")
linking = {r["id"] for r in records if any("kim" in targets for targets in r["links"].values())}
check(int(attribute("hits")) == len(linking), f"a register entry highlights every annotation linking to it ({len(linking)} for kim)")
check(attribute("hidden") == "true", "a layer's checkbox hides it")

# The comparison: the shipped file against a copy with one span relabelled and one removed.
other = os.path.join(work, "bob.tei.xml")
shutil.copyfile(shipped, other)
run("remove", other, "ent1")
compare = os.path.join(work, "compare.html")
run("report", shipped, "--compare", other, "-o", compare, "--bootstrap", "0")
dom, urls = browse(compare, "compare")
parsed = Page()
parsed.feed(dom)
check(any(i.startswith("0-") for i in parsed.spans) and any(i.startswith("1-") for i in parsed.spans), "the comparison draws one lane per annotator")
check(re.search(r'class="a Lentity l\d+ c\d+ dis" data-id="0-ent1"', dom) is not None and 'data-id="1-ent1"' not in dom,
      "a span without a partner is marked as a disagreement")
check(not [u for u in urls if not u.startswith(("file:", "data:"))], "the comparison made no network request")

# A corpus: an index and a page per document.
corpus = os.path.join(work, "corpus")
os.makedirs(corpus)
shutil.copyfile(shipped, os.path.join(corpus, "a.xml"))
shutil.copyfile(hostile, os.path.join(corpus, "b.xml"))
out = os.path.join(work, "site")
run("report", corpus, "-o", out + "/")
pages = sorted(os.listdir(out))
check("index.html" in pages and len(pages) == 3, f"a corpus gives an index and a page per document ({pages})")
dom, urls = browse(os.path.join(out, "index.html"), "index")
check(dom.count('href="north-korea-diplomacy') >= 1, "the index links to the documents' pages")
check(not [u for u in urls if not u.startswith(("file:", "data:"))], "the index made no network request")

# The network check itself catches a page that asks for something.
leaky = os.path.join(work, "leaky.html")
with open(leaky, "w", encoding="utf-8") as handle:
    handle.write('<!DOCTYPE html><html><body><img src="http://example.invalid/pixel.png"></body></html>')
_, urls = browse(leaky, "leaky")
check("http://example.invalid/pixel.png" in urls, "the network log does catch a page's request (a control page with an <img>)")
print("the report passes in Chromium")
