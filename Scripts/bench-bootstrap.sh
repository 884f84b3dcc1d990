#!/usr/bin/env bash
# Times `standoff agree`'s bootstrap on annotator pairs of growing size, against the C SAX
# baseline (Scripts/baseline/sax-count.c) reading both files on the same machine: for each size,
# `agree --bootstrap 0` and `agree --bootstrap RESAMPLES`, alternating with the baseline, the
# median of RUNS runs. Prints what the resamples add (in all and per resample), the ratio of
# `--bootstrap 0` to the baseline, and the growth from one size to the next (doubling the
# corpus should at most double the time).
#
#   Scripts/bench-bootstrap.sh [RUNS] [RESAMPLES] [COPIES…]
#
# RUNS defaults to 3, RESAMPLES to 1000, COPIES (of the shipped article, Scripts/make-large-corpus.py)
# to 335 670 1340: about 14, 28 and 55 MB a file, 16 paragraphs and 186 annotations a copy. The
# second annotator's file is the same with one PER or GPE mention in twenty relabelled.
# docs/PERFORMANCE.md has the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-3}"
resamples="${2:-1000}"
shift $(( $# > 2 ? 2 : $# ))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(335 670 1340)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/unused.tei.xml"
touch "$file"
source Scripts/bench-setup.sh

for copies in "${sizes[@]}"; do
  python3 Scripts/make-large-corpus.py "$work/a$copies.tei.xml" --copies "$copies" >&2
  python3 Scripts/make-other-annotator.py "$work/a$copies.tei.xml" "$work/b$copies.tei.xml"
done

echo "$(nproc) cores, ${runs} runs each, ${resamples} resamples"
python3 - "$runs" "$resamples" "$work" "$standoff" "${sizes[@]}" <<'PY'
import os, statistics, subprocess, sys, time
runs, resamples, work, standoff = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
sizes = sys.argv[5:]

def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return time.perf_counter() - start

previous = None
print(f"{'copies':>7} {'MB':>5} {'baseline':>9} {'bootstrap 0':>12} {'ratio':>6} {'bootstrap ' + str(resamples):>15} {'resamples add':>14} {'per resample':>13} {'growth':>7}")
for copies in sizes:
    a, b = os.path.join(work, f"a{copies}.tei.xml"), os.path.join(work, f"b{copies}.tei.xml")
    baseline, plain, full = [], [], []
    for _ in range(runs):
        baseline.append(timed([os.path.join(work, "sax-count"), a]) + timed([os.path.join(work, "sax-count"), b]))
        plain.append(timed([standoff, "agree", a, b, "--bootstrap", "0", "--format", "json"]))
        full.append(timed([standoff, "agree", a, b, "--bootstrap", str(resamples), "--format", "json"]))
    base, zero, with_resamples = statistics.median(baseline), statistics.median(plain), statistics.median(full)
    added = with_resamples - zero
    growth = f"{added / previous:.2f}x" if previous else "-"
    previous = added
    print(f"{copies:>7} {os.path.getsize(a) / 1e6:5.0f} {base:8.2f}s {zero:11.2f}s {zero / base:5.1f}x {with_resamples:14.2f}s {added:13.2f}s {added / resamples * 1000:10.2f} ms {growth:>7}")
PY
