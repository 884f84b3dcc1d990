#!/usr/bin/env python3
"""Checks `standoff export --to conll` with seqeval: in strict mode, for BIO (IOB2) and BIOES,
every tag sequence is well formed and seqeval finds exactly the chunks standoff wrote (every
entity range, less those the export reports as dropped).

    python3 Scripts/check-conll.py PATH/TO/standoff TEI_FILE
"""
import json, subprocess, sys

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2, IOBES, Entities

standoff, tei = sys.argv[1], sys.argv[2]
listed = json.loads(subprocess.run([standoff, "list", tei, "--layer", "entity", "--format", "json"], capture_output=True, text=True, check=True).stdout)
ranges = sum(len(record["ranges"]) for record in listed)
for scheme_name, scheme in (("bio", IOB2), ("bioes", IOBES)):
    done = subprocess.run([standoff, "export", tei, "--to", "conll", "--scheme", scheme_name, "--report", "json"], capture_output=True, text=True, check=True)
    losses = json.loads(done.stderr.strip().splitlines()[-1])["counts"]
    # The spans the export dropped (not the revision history or other things every export drops).
    dropped = sum(count for kind, count in losses.items() if "spans dropped" in kind)
    sentences, current = [], []
    for line in done.stdout.splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(line.split(" ")[-1])
    if current:
        sentences.append(current)
    entities = Entities(sentences, scheme, suffix=False).entities
    found = sum(len(sentence) for sentence in entities)
    if found != ranges - dropped:
        sys.exit(f"MISMATCH {scheme_name}: seqeval finds {found} chunks, standoff wrote {ranges} ranges less {dropped} dropped")
    report = classification_report(sentences, sentences, mode="strict", scheme=scheme, output_dict=True)
    if abs(report["micro avg"]["f1-score"] - 1.0) > 1e-12:
        sys.exit(f"MISMATCH {scheme_name}: seqeval's self-agreement is {report['micro avg']['f1-score']}")
    print(f"{scheme_name}: seqeval (strict) reads {found} chunks in {len(sentences)} paragraphs, as written")
