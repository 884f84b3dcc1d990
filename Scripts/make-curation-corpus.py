#!/usr/bin/env python3
"""A corpus for timing `standoff merge` on directories: N documents x 3 annotators.

Takes the three annotators' versions that Scripts/make-annotator-variants.sh makes (alice, bob,
carol) and writes OUT/alice/doc-0001.tei.xml ... OUT/carol/doc-N.tei.xml, each document a text
of its own (a last paragraph naming its number, with the recorded SHA-256 of the text updated),
so that merge pairs them by text as users' corpora are paired.

Usage: Scripts/make-curation-corpus.py VARIANTS-DIR OUT [--documents 500]
"""
import argparse
import hashlib
import html
import os
import re


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", help="the directory with alice.tei.xml, bob.tei.xml, carol.tei.xml")
    parser.add_argument("out", help="the corpus directory to write (one subdirectory per annotator)")
    parser.add_argument("--documents", type=int, default=500, help="how many documents (default 500)")
    args = parser.parse_args()
    if args.documents < 1:
        parser.error("--documents must be 1 or more")
    for annotator in ("alice", "bob", "carol"):
        source = open(os.path.join(args.variants, f"{annotator}.tei.xml"), encoding="utf-8").read()
        paragraphs = re.findall(r'<p xml:id="[^"]+">(.*?)</p>', source[source.index("<body>"):source.index("</body>")], re.S)
        texts = [html.unescape(p) for p in paragraphs]
        directory = os.path.join(args.out, annotator)
        os.makedirs(directory, exist_ok=True)
        for number in range(1, args.documents + 1):
            line = f"Copy {number} of the article."
            sha = hashlib.sha256("\n".join(texts + [line]).encode("utf-8")).hexdigest()
            document = source.replace("</body>", f'  <p xml:id="pcopy">{line}</p>\n    </body>', 1)
            document = re.sub(r'(<idno type="sha256">)[0-9a-f]{64}(</idno>)', lambda m: m.group(1) + sha + m.group(2), document, count=1)
            document = document.replace('xml:id="north-korea-diplomacy"', f'xml:id="doc-{number:04d}"', 1)
            with open(os.path.join(directory, f"doc-{number:04d}.tei.xml"), "w", encoding="utf-8") as handle:
                handle.write(document)
    print(f"wrote {args.documents} documents x 3 annotators in {args.out}")


if __name__ == "__main__":
    main()
