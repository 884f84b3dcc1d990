# Sourced by the benchmark scripts: builds the C SAX baseline (gcc -O2) and Standoff (release)
# into $work, and generates the large corpus at $file if it is missing. Sets $standoff.
echo "building the baseline (gcc -O2) and standoff (release)…" >&2
gcc -O2 Scripts/baseline/sax-count.c $(pkg-config --cflags --libs libxml-2.0) -o "$work/sax-count"
swift build -c release --product standoff >&2
standoff="$(swift build -c release --show-bin-path)/standoff"
if [ ! -f "$file" ]; then
  echo "generating $file…" >&2
  python3 Scripts/make-large-corpus.py "$file"
fi
