#!/usr/bin/env bash
# Interoperability checks against the Python peers on PyPI, in a virtual environment of their
# own (.build-venv/, out of git): `standoff agree` against scikit-learn, statsmodels and
# krippendorff (Scripts/check-agreement.py); `standoff export --to w3c` against the W3C Web
# Annotation test-suite schemas with jsonschema (Scripts/check-w3c.py); `--to conll` with seqeval
# in strict mode (Scripts/check-conll.py); `--to xmi` with dkpro-cassis (Scripts/check-xmi.py); `--to jsonl` with spaCy's
# Doc.char_span (Scripts/check-jsonl.py); `--to folia` with foliavalidator and the FoLiA library
# (Scripts/check-folia.py); `--to brat` with brat's own reader, as bratiaa ships it
# (Scripts/check-brat.py); `standoff report` in headless Chromium (Scripts/check-report.py: every
# annotation highlighted, register counts as `stats` says, no network request, no planted script run).
# Run by .ci/run after the
# tests; the product itself needs no Python.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="$root/.build-venv"
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    echo "installing python3-venv" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
fi
"$venv/bin/pip" install -q --disable-pip-version-check krippendorff scikit-learn statsmodels numpy jsonschema seqeval dkpro-cassis spacy folia-tools
# bratiaa ships brat's own annotation reader (bratsubset); its plotting dependencies are not needed.
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps bratiaa
swift build --product standoff >&2
standoff="$(swift build --show-bin-path)/standoff"
"$venv/bin/python" Scripts/check-agreement.py "$standoff" 3
"$venv/bin/python" -W ignore::DeprecationWarning Scripts/check-w3c.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-conll.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-xmi.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-jsonl.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-folia.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-brat.py "$standoff" Annotations/north-korea-diplomacy.tei.xml
"$venv/bin/python" Scripts/check-report.py "$standoff"
