#!/usr/bin/env bash
# Prints how each command's time grows with its input: for every shape of file people have
# (Scripts/make-large-corpus.py: realistic, one long paragraph, a large register, a large
# taxonomy), at sizes n, 2n and 4n, the median time of each command and the ratios t(2n)/t(n)
# and t(4n)/t(2n). Linear is 2; a ratio over 2.4 (twice, and 20 % for the noise of a shared
# machine) is flagged. The C SAX baseline reading the same file is timed beside each size, so
# that the figures can be read as ratios too.
#
#   Scripts/bench-scaling.sh [RUNS] [SCALE]
#
# RUNS (default 3) runs alternate between the sizes; SCALE (default 1) multiplies the sizes
# (1: 100, 200, 400 copies of the shipped article, about 8, 16 and 33 MB; registers and
# taxonomies of 25,000, 50,000 and 100,000 entries). docs/PERFORMANCE.md has the figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-3}"
scale="${2:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/unused.tei.xml"
touch "$file"
source Scripts/bench-setup.sh
echo "$(nproc) cores, ${runs} runs each, sizes ×${scale}"

python3 - "$runs" "$scale" "$work" "$standoff" <<'PY'
import os, statistics, subprocess, sys, time
runs, scale, work, standoff = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
env = dict(os.environ, SOURCE_DATE_EPOCH="1732406400", NO_COLOR="1")
sizes = {"realistic": [100, 200, 400], "long-paragraph": [100, 200, 400], "registers": [25_000, 50_000, 100_000], "taxonomy": [25_000, 50_000, 100_000]}
verbs = ["validate", "list", "list --format json", "show --plain", "stats", "add", "remove", "agree",
         "export brat", "export w3c", "export jsonl", "export conll", "export xmi", "export folia", "export tei-inline",
         "import brat", "import w3c", "import jsonl", "import xmi", "import tei-inline"]

def run(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return time.perf_counter() - start, done.stdout.decode()

files = {}
for shape, counts in sizes.items():
    for count in counts:
        n = count * scale
        path = os.path.join(work, f"{shape}-{n}.tei.xml")
        option = ["--entries", str(n)] if shape in ("registers", "taxonomy") else ["--copies", str(n)]
        subprocess.run([sys.executable, "Scripts/make-large-corpus.py", path, "--shape", shape, *option], check=True, stderr=subprocess.DEVNULL)
        other = path.replace(".tei.xml", ".other.tei.xml")
        subprocess.run([sys.executable, "Scripts/make-other-annotator.py", path, other], check=True)
        files[(shape, n)] = (path, other)

def command_for(verb, path, other, copy, added):
    out = os.path.join(work, "out")
    if verb == "agree":
        return [standoff, "agree", path, other, "--bootstrap", "0", "--format", "json"]
    if verb == "add":
        return [standoff, "add", "entity", copy, "--range", "0:3", "--category", "MISC"]
    if verb == "remove":
        return [standoff, "remove", copy, added]
    if verb.startswith("export "):
        target = verb.split()[1]
        suffix = {"brat": ".ann", "xmi": ".xmi"}.get(target, ".out")
        return [standoff, "export", path, "--to", target, "-o", out + "-" + target + suffix, "--force"]
    if verb.startswith("import "):
        source = verb.split()[1]
        exported = out + "-" + source + {"brat": ".ann", "xmi": ".xmi"}.get(source, ".out")
        command = [standoff, "import", exported, "--from", source, "-o", os.path.join(work, "imported.tei.xml"), "--force"]
        return command + (["--text", out + "-brat.txt"] if source == "w3c" else [])
    name, *rest = verb.split()
    return [standoff, name, path, *rest]

times = {}
baseline = {}
for _ in range(runs):
    for (shape, n), (path, other) in files.items():
        baseline.setdefault((shape, n), []).append(run([os.path.join(work, "sax-count"), path])[0])
        copy = os.path.join(work, "copy.tei.xml")
        subprocess.run(["cp", path, copy], check=True)
        added = None
        for verb in verbs:
            elapsed, out = run(command_for(verb, path, other, copy, added))
            if verb == "add":
                added = out.strip()
            times.setdefault((shape, verb, n), []).append(elapsed)

print(f"{'shape':15s} {'command':22s} {'t(n)':>7s} {'t(2n)':>7s} {'t(4n)':>7s} {'2n/n':>5s} {'4n/2n':>6s}  x SAX at 4n")
flagged = 0
for shape, counts in sizes.items():
    ns = [count * scale for count in counts]
    sax = [statistics.median(baseline[(shape, n)]) for n in ns]
    print(f"{shape:15s} {'(C SAX baseline)':22s} {sax[0]:7.2f} {sax[1]:7.2f} {sax[2]:7.2f} {sax[1] / sax[0]:5.2f} {sax[2] / sax[1]:6.2f}")
    for verb in verbs:
        t = [statistics.median(times[(shape, verb, n)]) for n in ns]
        growth = (t[1] / t[0], t[2] / t[1])
        mark = "  <-- more than linear" if max(growth) > 2.4 else ""
        flagged += bool(mark)
        print(f"{shape:15s} {verb:22s} {t[0]:7.2f} {t[1]:7.2f} {t[2]:7.2f} {growth[0]:5.2f} {growth[1]:6.2f}  {t[2] / sax[2]:6.1f}x{mark}")
print(f"{flagged} command(s) grew more than linearly" if flagged else "every command grew linearly (at most 2.4x a doubling)")
PY
