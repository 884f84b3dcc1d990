#!/usr/bin/env bash
# Times `standoff merge` on a corpus of DOCUMENTS texts x 3 annotators (Scripts/make-curation-corpus.py
# over the versions Scripts/make-annotator-variants.sh makes), and on twice as many, alternating
# each run with the C SAX baseline reading the same files once; prints each run, the medians,
# peak memory, the ratio to the baseline and the growth when the corpus doubles.
# Usage: Scripts/bench-merge.sh [DOCUMENTS] [RUNS]   (defaults: 500, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
documents="${1:-500}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file=Annotations/north-korea-diplomacy.tei.xml  # bench-setup.sh needs no large corpus here
source Scripts/bench-setup.sh
Scripts/make-annotator-variants.sh "$work/variants" "$standoff" > /dev/null
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A merged
for size in "$documents" "$((documents * 2))"; do
  corpus="$work/corpus-$size"
  python3 Scripts/make-curation-corpus.py "$work/variants" "$corpus" --documents "$size" > /dev/null
  : > "$work/base" ; : > "$work/merge" ; : > "$work/memory"
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e" -o "$work/t" "$work/sax-count" "$corpus"/*/*.tei.xml > /dev/null
    base="$(cat "$work/t")"; echo "$base" >> "$work/base"
    rm -rf "$corpus/gold"
    /usr/bin/time -f "%e %M" -o "$work/t" "$standoff" merge "$corpus/alice" "$corpus/bob" "$corpus/carol" -o "$corpus/gold" > /dev/null
    read -r seconds kilobytes < "$work/t"
    echo "$seconds" >> "$work/merge"; echo "$kilobytes" >> "$work/memory"
    echo "$size x 3, run $run: baseline $base s, merge $seconds s, $((kilobytes / 1024)) MB"
  done
  b="$(median < "$work/base")"; m="$(median < "$work/merge")"; mem="$(median < "$work/memory")"
  merged[$size]="$m"
  echo "$size x 3: baseline $b s, merge $m s (median of $runs), $(awk -v m="$m" -v b="$b" 'BEGIN { printf "%.1f", m / b }')x the baseline, $((mem / 1024)) MB"
done
echo "growth when the corpus doubles: $(awk -v a="${merged[$documents]}" -v b="${merged[$((documents * 2))]}" 'BEGIN { printf "%.2f", b / a }')x"
