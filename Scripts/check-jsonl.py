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

# And back: lines spaCy writes itself (Doc.to_json(), entities in "ents" and a span group in
# "spans") import with every span over the text spaCy gives it, also after an emoji.
import os, tempfile
from spacy.tokens import Span

doc = nlp("👍 Kim Jong Un met Donald Trump in Hanoi 🇻🇳 on 27 February.")
doc.ents = [doc.char_span(2, 13, label="PER"), doc.char_span(18, 30, label="PER"), doc.char_span(34, 39, label="GPE")]
doc.spans["sc"] = [Span(doc, 4, 5, label="MEETING")]  # "met"
theirs = sorted([(e.label_, e.text) for e in doc.ents] + [(s.label_, s.text) for s in doc.spans["sc"]])
work = tempfile.mkdtemp()
written = os.path.join(work, "spacy.jsonl")
with open(written, "w", encoding="utf-8") as handle:
    handle.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
imported = os.path.join(work, "spacy.tei.xml")
subprocess.run([standoff, "import", written, "--from", "jsonl", "-o", imported], capture_output=True, text=True, check=True)
records = json.loads(subprocess.run([standoff, "list", imported, "--format", "json"], capture_output=True, text=True, check=True).stdout)
ours = sorted((record["category"], " ".join(record["text"])) for record in records)
if ours != theirs:
    sys.exit(f"MISMATCH: spaCy's Doc.to_json() has {theirs}, the import {ours}")
print(f"a line spaCy wrote (Doc.to_json) imports: {len(ours)} spans over spaCy's text ({', '.join(text for _, text in ours)})")
