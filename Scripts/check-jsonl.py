#!/usr/bin/env python3
"""Checks `standoff export --to jsonl` with spaCy: every span's offsets are Python string
indices into the line's text (its `text` field is `text[start:end]`), and each one makes a span
with `Doc.char_span` on `spacy.blank("en")` (alignment mode "expand" where a span cuts a token;
those are counted).

    python3 Scripts/check-jsonl.py PATH/TO/standoff TEI_FILE
"""
import json, subprocess, sys

import spacy

standoff, tei = sys.argv[1], sys.argv[2]
line = json.loads(subprocess.run([standoff, "export", tei, "--to", "jsonl"], capture_output=True, text=True, check=True).stdout)
text = line["text"]
nlp = spacy.blank("en")
doc = nlp(text)
strict = expanded = 0
for span in line["spans"]:
    if text[span["start"]:span["end"]] != span["text"]:
        sys.exit(f"MISMATCH {span['id']}: text[{span['start']}:{span['end']}] is {text[span['start']:span['end']]!r}, the span says {span['text']!r}")
    if doc.char_span(span["start"], span["end"], label=span["label"]) is not None:
        strict += 1
    elif doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand") is not None:
        expanded += 1
    else:
        sys.exit(f"MISMATCH {span['id']}: spaCy makes no span of [{span['start']}, {span['end']})")
print(f"{len(line['spans'])} spans are Python indices; spaCy aligns {strict} exactly and {expanded} with alignment_mode='expand'")
