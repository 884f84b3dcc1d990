#!/usr/bin/env bash
# Compares `standoff validate` with the least a program can do to read the same file with
# libxml2's SAX2 parser (Scripts/baseline/sax-count.c, gcc -O2), on one large file, on this
# machine. The two commands alternate RUNS times; the script prints each run, the medians, the
# ratio of the medians, and the median of each run's own ratio (a run's two commands are next to
# each other in time, so that figure suffers less when the machine's speed drifts). Machines are
# noisy: read the medians and the ratios, not one run.
#
#   Scripts/bench-validate.sh [FILE] [RUNS]
#
# FILE defaults to a generated ~80 MB corpus (Scripts/make-large-corpus.py, provenance on every annotation, kept in
# ${TMPDIR:-/tmp}/standoff-realistic.tei.xml between runs); RUNS defaults to 7.
# Extra options for `standoff validate` can be given in STANDOFF_VALIDATE_OPTIONS
# (for example "--rule SO001" to time well-formedness alone, which only parses, or
# "--disable SO002" to time reading and the semantic rules without the schema).
# STANDOFF_COMPARE_WITH=/path/to/an/older/standoff adds that binary to the alternation and prints
# the new one's time and peak memory against it (build the older one from a worktree of the commit
# to compare with: `git worktree add /tmp/old COMMIT && (cd /tmp/old && swift build -c release)`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
file="${1:-${TMPDIR:-/tmp}/standoff-realistic.tei.xml}"
runs="${2:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source Scripts/bench-setup.sh
size_mb=$(( $(stat -c %s "$file") / 1000000 ))
annotations=$(grep -c '<annotation ' "$file" || true)
echo "file: $file (${size_mb} MB, ${annotations} annotations), $(nproc) cores, ${runs} runs each, alternating"

# Check once that both commands succeed before timing them.
"$work/sax-count" "$file" >/dev/null
# shellcheck disable=SC2086
"$standoff" validate --quiet ${STANDOFF_VALIDATE_OPTIONS:-} "$file" >/dev/null

python3 - "$runs" "$work/sax-count" "$standoff" "$file" "${STANDOFF_VALIDATE_OPTIONS:-}" "${STANDOFF_COMPARE_WITH:-}" <<'EOF'
import os, shlex, statistics, subprocess, sys, tempfile, time
runs, baseline, standoff, path, options, previous = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
commands = {
    "baseline": [baseline, path],
    "standoff": [standoff, "validate", "--quiet", *shlex.split(options), path],
}
if previous:
    commands["previous"] = [previous, "validate", "--quiet", *shlex.split(options), path]
times = {name: [] for name in commands}
peaks = {name: [] for name in commands}
# Peak resident memory of each run, from GNU time where the machine has it.
gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
for run in range(1, runs + 1):
    line = []
    # Alternate the order too, so that neither command always runs after the other.
    for name, command in (commands.items() if run % 2 else reversed(commands.items())):
        with tempfile.NamedTemporaryFile("r") as report:
            wrapped = [gnu_time, "-f", "%M", "-o", report.name, *command] if gnu_time else command
            start = time.perf_counter()
            subprocess.run(wrapped, stdout=subprocess.DEVNULL, check=True)
            elapsed = time.perf_counter() - start
            if gnu_time:
                peaks[name].append(int(report.read().split()[-1]) / 1024)
        times[name].append(elapsed)
        line.append(f"{name} {elapsed:6.3f} s" + (f" {peaks[name][-1]:5.0f} MB" if gnu_time else ""))
    print(f"run {run}: " + "   ".join(line))
medians = {name: statistics.median(values) for name, values in times.items()}
for name, median in medians.items():
    print(f"median {name}: {median:.3f} s  (min {min(times[name]):.3f}, max {max(times[name]):.3f})")
print(f"ratio standoff/baseline: {medians['standoff'] / medians['baseline']:.2f}x")
# The machine's speed drifts between runs; each run's two commands are next to each other in time,
# so the median of the runs' own ratios is the steadier figure.
pairs = [s / b for s, b in zip(times["standoff"], times["baseline"])]
print(f"median of the runs' ratios: {statistics.median(pairs):.2f}x  (min {min(pairs):.2f}, max {max(pairs):.2f})")
if previous:
    against = [s / p for s, p in zip(times["standoff"], times["previous"])]
    print(f"standoff/previous: median of the runs' ratios {statistics.median(against):.3f}  (min {min(against):.3f}, max {max(against):.3f})")
if gnu_time:
    for name, values in peaks.items():
        print(f"peak memory {name}: median {statistics.median(values):.0f} MB  (max {max(values):.0f})")
EOF
