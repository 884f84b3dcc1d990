#!/usr/bin/env python3
"""Checks `standoff export --to brat` with brat's own reader (brat's server `annotation.py`,
as PyPI's bratiaa ships it in `bratsubset`): the .ann loads, every text-bound annotation's text
is the text at its offsets (brat checks it, and refuses the file otherwise), and its spans are
Standoff's, also for a span across a line break (written as the pieces between the breaks), on a
text with \r\n line breaks (brat reads each as \n, and counts offsets so) and after characters
outside the Basic Multilingual Plane.

    python3 Scripts/check-brat.py PATH/TO/standoff TEI_FILE
"""
import json, os, subprocess, sys, tempfile

from bratsubset.annotation import TextAnnotations

standoff, tei = sys.argv[1], sys.argv[2]
env = dict(os.environ, SOURCE_DATE_EPOCH="1732406400")


def run(*args):
    return subprocess.run([standoff, *args], capture_output=True, text=True, check=True, env=env).stdout


def check(path):
    """Exports `path` to brat, loads it with brat, and compares the spans with `standoff list`."""
    work = tempfile.mkdtemp()
    ann = os.path.join(work, "doc.ann")
    run("export", path, "--to", "brat", "-o", ann)
    document = TextAnnotations(os.path.join(work, "doc"), read_only=True)
    theirs = sorted((tuple(map(tuple, t.spans)), t.type) for t in document.get_textbounds() if t.type != "Cue")
    # Standoff's offsets count the text as it is (from the JSON Lines export); brat's count it as
    # Python's text mode reads it, each "\r\n" one "\n".
    raw = json.loads(run("export", path, "--to", "jsonl"))["text"]
    if raw.replace("\r\n", "\n") != document.get_document_text():
        sys.exit("MISMATCH: brat reads another text than Standoff's, \\r\\n read as \\n")
    crlf = [i for i in range(len(raw) - 1) if raw[i:i + 2] == "\r\n"]
    def brat_offset(offset):
        return offset - sum(1 for position in crlf if position < offset)
    ours = []
    for record in json.loads(run("list", path, "--format", "json")):
        spans = []
        for start, end in record["ranges"]:
            # brat's pieces between line breaks
            piece = start
            for offset in range(start, end):
                if raw[offset] in "\r\n":
                    if offset > piece:
                        spans.append((brat_offset(piece), brat_offset(offset)))
                    piece = offset + 1
            if end > piece:
                spans.append((brat_offset(piece), brat_offset(end)))
        ours.append((tuple(spans), record["category"] if record["layer"] == "entity" else record["layer"]))
    if sorted(ours) != theirs:
        missing = set(ours) ^ set(theirs)
        sys.exit(f"MISMATCH: brat and standoff differ on {sorted(missing)[:5]}")
    return len(theirs)


print(f"{check(tei)} text-bound annotations load in brat's reader, each over the text it says")
work = tempfile.mkdtemp()
text = os.path.join(work, "lines.txt")
with open(text, "w", encoding="utf-8", newline="") as handle:
    handle.write("👍 Kim met\r\nTrump 🇻🇳 in Hanoi.\nNo deal.\n")
doc = os.path.join(work, "lines.tei.xml")
run("init", text, "-o", doc)
run("add", "entity", doc, "--text", "Trump", "--category", "PER")
run("add", "entity", doc, "--range", "6:16", "--category", "MISC")  # "met\r\nTrump"
print(f"{check(doc)} after an emoji and across a CRLF line break: brat reads the pieces between the breaks, on its text")
