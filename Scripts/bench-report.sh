#!/usr/bin/env bash
# Times `standoff report` on a document of about 50,000 annotations (the shipped article copied
# COPIES times by Scripts/make-large-corpus.py; 270 copies: 50,220 annotations, 4,320
# paragraphs), and headless Chromium loading the page and drawing its first screen
# (--screenshot), RUNS times each; prints the median of each and the page's size. The target: the
# report written in under 3 s. docs/PERFORMANCE.md has the figures.
#
#   Scripts/bench-report.sh [RUNS] [COPIES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-3}"
copies="${2:-270}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/large.tei.xml"
python3 Scripts/make-large-corpus.py "$file" --copies "$copies" >&2
source Scripts/bench-setup.sh
chromium="$(command -v chromium || command -v chromium-browser)"
python3 - "$runs" "$standoff" "$file" "$work" "$chromium" <<'PY'
import os, statistics, subprocess, sys, time
runs, standoff, file, work, chromium = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
page = os.path.join(work, "report.html")
def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
report, browser = [], []
for _ in range(runs):
    report.append(timed([standoff, "report", file, "-o", page, "--force"]))
    browser.append(timed([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,900",
                          "--screenshot=" + os.path.join(work, "shot.png"), "file://" + page]))
print(f"{os.path.getsize(file) / 1e6:.1f} MB TEI file, {os.path.getsize(page) / 1e6:.1f} MB page")
print(f"standoff report: median {statistics.median(report):.2f} s ({', '.join(f'{t:.2f}' for t in report)})")
print(f"chromium, load and first screen: median {statistics.median(browser):.2f} s ({', '.join(f'{t:.2f}' for t in browser)})")
PY
