#!/usr/bin/env bash
# Times the commands people run all day on one large file, against the C SAX baseline
# (Scripts/baseline/sax-count.c) on the same machine: `stats`, `agree`, `list` (table and JSON),
# `show --plain`, `add` and `remove` (each on a fresh copy of the file), every export, and the
# brat, W3C and JSON Lines imports of those exports. Runs alternate with the baseline; the
# script prints the median of each run's own ratio and the peak memory of each command.
#
#   Scripts/bench-editing.sh [FILE] [RUNS]
#
# FILE defaults to the generated corpus of Scripts/bench-validate.sh (${TMPDIR:-/tmp}/standoff-realistic.tei.xml);
# RUNS defaults to 5. Targets: stats at most 2x the baseline and under 150 MB; agree (two files of
# the same text, one annotation in twenty relabelled) at most 4x the baseline reading both; list
# and show at most 3x and under 150 MB; add and remove at most 6x; each export at most 4x
# (imports have no target; they are timed to keep them from growing quadratic again).
# docs/PERFORMANCE.md has the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
file="${1:-${TMPDIR:-/tmp}/standoff-realistic.tei.xml}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source Scripts/bench-setup.sh
echo "file: $file ($(( $(stat -c %s "$file") / 1000000 )) MB), $(nproc) cores, ${runs} runs each, alternating with the baseline"

python3 - "$runs" "$work" "$standoff" "$file" <<'PY'
import os, shutil, statistics, subprocess, sys, tempfile, time
runs, work, standoff, path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
copy = os.path.join(work, "copy.tei.xml")
# For `agree`: a second annotator's file, the same text with one annotation in twenty relabelled.
other = os.path.join(work, "other.tei.xml")
subprocess.run([sys.executable, "Scripts/make-other-annotator.py", path, other], check=True)
gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
env = dict(os.environ, SOURCE_DATE_EPOCH="1732406400", NO_COLOR="1")

def timed(command):
    with tempfile.NamedTemporaryFile("r") as report:
        wrapped = [gnu_time, "-f", "%M", "-o", report.name, *command] if gnu_time else command
        start = time.perf_counter()
        done = subprocess.run(wrapped, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}")
        peak = int(report.read().split()[-1]) / 1024 if gnu_time else float("nan")
    return elapsed, peak, done.stdout.decode()

commands = ["stats", "agree", "list", "list --format json", "show --plain", "add", "remove",
            "export brat", "export w3c", "export xmi", "export conll", "export jsonl", "export tei-inline",
            "import brat", "import w3c", "import jsonl"]
ratios = {name: [] for name in commands}
peaks = {name: [] for name in commands}
for run in range(1, runs + 1):
    shutil.copyfile(path, copy)
    added = None
    line = []
    for name in commands:
        baseline, _, _ = timed([os.path.join(work, "sax-count"), copy])
        if name == "agree":
            # Against the baseline reading both files.
            baseline += timed([os.path.join(work, "sax-count"), other])[0]
            command = [standoff, "agree", copy, other, "--bootstrap", "0", "--format", "json"]
        elif name.startswith("export "):
            target = name.split()[1]
            suffix = {"brat": ".ann", "xmi": ".xmi"}.get(target, ".out")
            command = [standoff, "export", copy, "--to", target, "-o", os.path.join(work, "exported-" + target + suffix), "--force"]
        elif name.startswith("import "):
            # The exports above read back (XMI is left out: its sofa, 20 MB here, is past
            # libxml2's 10 MB limit on an attribute value).
            source = name.split()[1]
            exported = os.path.join(work, "exported-" + source + (".ann" if source == "brat" else ".out"))
            command = [standoff, "import", exported, "--from", source, "-o", os.path.join(work, "imported.tei.xml"), "--force"]
            if source == "w3c":
                command += ["--text", os.path.join(work, "exported-brat.txt")]
        elif name == "add":
            command = [standoff, "add", "entity", copy, "--range", "0:3", "--category", "MISC"]
        elif name == "remove":
            command = [standoff, "remove", copy, added]
        else:
            command = [standoff, *name.split()[:1], copy, *name.split()[1:]]
        elapsed, peak, out = timed(command)
        if name == "add":
            added = out.strip()
        ratios[name].append(elapsed / baseline)
        peaks[name].append(peak)
        line.append(f"{name} {elapsed:.2f} s ({elapsed / baseline:.1f}x, {peak:.0f} MB)")
    print(f"run {run}: " + "; ".join(line))
for name in commands:
    print(f"{name:20s} median ratio to the baseline {statistics.median(ratios[name]):5.1f}x   peak memory median {statistics.median(peaks[name]):5.0f} MB")
PY
