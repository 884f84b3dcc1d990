#!/usr/bin/env python3
"""Writes a large Standoff file for benchmarks: the shipped corpus repeated COPIES times.

    Scripts/make-large-corpus.py OUTPUT [COPIES]      (default 3350 copies: about 100 MB, 626,000 annotations)

The text is the seed's 16 paragraphs repeated; each copy's annotations point into their own copy
of the paragraphs and get ids ending in _K. The header, registers and taxonomies are the shipped
ones. The output is a valid Standoff file (standoff validate reports no errors on it).
"""
import hashlib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

TEI = "{http://www.tei-c.org/ns/1.0}"
XMLID = "{http://www.w3.org/XML/1998/namespace}id"
root = Path(__file__).resolve().parent.parent
out_path = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 3350

corpus = ET.parse(root / "Annotations/north-korea-diplomacy.tei.xml").getroot()
paragraphs = [p.text or "" for p in corpus.iter(TEI + "p") if p.get(XMLID)]
count = len(paragraphs)
text = "\n".join(paragraphs * copies)
sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
header = ET.tostring(corpus.find(TEI + "teiHeader"), encoding="unicode").replace("ns0:", "").replace(":ns0", "")
header = header.replace(corpus.find(f".//{TEI}idno[@type='sha256']").text, sha)
registers = "".join(ET.tostring(e, encoding="unicode") for e in corpus.find(TEI + "standOff") if e.tag != TEI + "listAnnotation")
registers = registers.replace("ns0:", "").replace(":ns0", "")

def shifted(target, k):
    parts = []
    for piece in target.split():
        name, offset, length = piece[len("#string-range("):-1].split(",")
        parts.append(f"#string-range(p{int(name[1:]) + k * count},{offset},{length})")
    return " ".join(parts)

with open(out_path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="large" xml:lang="en">\n')
    out.write(header.replace(' xmlns:ns0="http://www.tei-c.org/ns/1.0"', "") + "\n")
    out.write("<text><body>\n")
    for k in range(copies):
        for i, p in enumerate(paragraphs):
            out.write(f'<p xml:id="p{k * count + i + 1}">{escape(p)}</p>\n')
    out.write("</body></text>\n<standOff>\n" + registers + "\n")
    for layer in corpus.find(TEI + "standOff").findall(TEI + "listAnnotation"):
        out.write(f'<listAnnotation type="{layer.get("type")}">\n')
        for k in range(copies):
            for a in layer:
                attrs = f'xml:id="{a.get(XMLID)}_{k}" target="{shifted(a.get("target"), k)}"'
                for name in ("motivation", "ana", "resp", "cert"):
                    if a.get(name): attrs += f" {name}={quoteattr(a.get(name))}"
                body = ""
                for child in a:
                    tag = child.tag[len(TEI):]
                    if tag == "ptr" and child.get("type") == "cue":
                        body += f'<ptr type="cue" target="{shifted(child.get("target"), k)}"/>'
                    elif tag == "ptr":
                        body += f'<ptr type="{child.get("type")}" target="{child.get("target")}"/>'
                    elif tag == "ref":
                        body += f'<ref type="{child.get("type")}">{escape(child.text or "")}</ref>'
                    elif tag == "note" and child.get("type") in ("correction", "feature"):
                        n = f' n={quoteattr(child.get("n"))}' if child.get("n") else ""
                        body += f'<note type="{child.get("type")}"{n}>{escape(child.text or "")}</note>'
                out.write(f"<annotation {attrs}>{body}</annotation>\n")
        out.write("</listAnnotation>\n")
    out.write("</standOff>\n</TEI>\n")
print(f"wrote {out_path}: {copies} copies, {copies * count} paragraphs, "
      f"{copies * sum(len(l) for l in corpus.find(TEI + 'standOff').findall(TEI + 'listAnnotation'))} annotations", file=sys.stderr)
