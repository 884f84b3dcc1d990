#!/usr/bin/env python3
"""Writes a large Standoff file for benchmarks, shaped like the files people have: the shipped
annotations repeated, each with everything it holds (provenance with its own time, notes,
features, corrections, cues, links), and, by --shape, the other shapes users have.

  realistic       the shipped file repeated COPIES times: 16 paragraphs a copy (the default)
  long-paragraph  the same, all in one paragraph (a JSON Lines or spaCy document has no line breaks)
  registers       the shipped file once, with N more persons in its register (--entries)
  taxonomy        the shipped file once, with a taxonomy of N categories (--entries)

Each copy's annotations point into their own copy of the text and get ids ending in _K; links
to annotations follow them. Every annotation's <change when> is a time of its own, as files
annotated over weeks have. The output is valid (standoff validate reports no errors on it).

    Scripts/make-large-corpus.py OUTPUT [--copies 1000] [--shape realistic]
    Scripts/make-large-corpus.py OUTPUT --shape registers --entries 100000
"""
import argparse
import copy as copying
import datetime
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = "{%s}" % TEI_NS
XMLID = "{http://www.w3.org/XML/1998/namespace}id"
RANGE = re.compile(r"#string-range\(p(\d+),(\d+),(\d+)\)")

parser = argparse.ArgumentParser(description="Write a large Standoff file for benchmarks (see the module docstring).")
parser.add_argument("output", help="the file to write")
parser.add_argument("--copies", type=int, default=1000, help="how many times the shipped text and annotations are repeated (default 1000: about 80 MB, 186,000 annotations)")
parser.add_argument("--shape", choices=["realistic", "long-paragraph", "registers", "taxonomy"], default="realistic")
parser.add_argument("--entries", type=int, default=100_000, help="registers, taxonomy: how many entries or categories to add")
args = parser.parse_args()
if args.copies < 1 or args.entries < 0:
    parser.error("--copies must be at least 1 and --entries not negative")
if args.shape in ("registers", "taxonomy"):
    args.copies = 1

root = Path(__file__).resolve().parent.parent
ET.register_namespace("", TEI_NS)
corpus = ET.parse(root / "Annotations/north-korea-diplomacy.tei.xml").getroot()
paragraphs = [p.text or "" for p in corpus.iter(TEI + "p") if p.get(XMLID)]
count = len(paragraphs)
annotation_ids = {a.get(XMLID) for a in corpus.iter(TEI + "annotation")}
one_paragraph = args.shape == "long-paragraph"

# Where each copy's paragraph starts when all are one paragraph (joined by a space).
starts, offset = [], 0
for k in range(args.copies):
    for p in paragraphs:
        starts.append(offset)
        offset += len(p) + 1
if one_paragraph:
    text = " ".join(paragraphs * args.copies)
    body = [text]
else:
    body = paragraphs * args.copies
    text = "\n".join(body)
sha = hashlib.sha256(text.encode("utf-8")).hexdigest()

def moved(target, k):
    def one(match):
        paragraph, start, length = int(match.group(1)) - 1 + k * count, int(match.group(2)), int(match.group(3))
        if one_paragraph:
            return f"#string-range(p1,{starts[paragraph] + start},{length})"
        return f"#string-range(p{paragraph + 1},{start},{length})"
    return RANGE.sub(one, target)

def renamed(pointers, k):
    return " ".join(f"#{p[1:]}_{k}" if p.startswith("#") and p[1:] in annotation_ids else p for p in pointers.split())

when = datetime.datetime(2024, 11, 1, tzinfo=datetime.timezone.utc)
serial = 0

def annotation_copy(annotation, k):
    global serial
    made = copying.deepcopy(annotation)
    made.set(XMLID, f"{annotation.get(XMLID)}_{k}")
    made.set("target", moved(annotation.get("target"), k))
    for element in made.iter():
        if element.tag == TEI + "ptr":
            element.set("target", moved(element.get("target"), k) if element.get("type") == "cue" else renamed(element.get("target"), k))
        if element.tag == TEI + "change" and element.get("when"):
            serial += 1
            element.set("when", (when + datetime.timedelta(seconds=serial * 37)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return made

header = corpus.find(TEI + "teiHeader")
header.find(f".//{TEI}idno[@type='sha256']").text = sha
if args.shape == "taxonomy":
    decl = header.find(f".//{TEI}classDecl")
    taxonomy = ET.SubElement(decl, TEI + "taxonomy", {XMLID: "theme"})
    for i in range(args.entries):
        category = ET.SubElement(taxonomy, TEI + "category", {XMLID: f"theme{i}"})
        ET.SubElement(category, TEI + "catDesc").text = f"Theme number {i}"
stand_off = corpus.find(TEI + "standOff")
if args.shape == "registers":
    persons = stand_off.find(TEI + "listPerson")
    for i in range(args.entries):
        person = ET.SubElement(persons, TEI + "person", {XMLID: f"person{i}"})
        ET.SubElement(person, TEI + "persName").text = f"Person {i}"
        ET.SubElement(person, TEI + "persName", {"type": "alias"}).text = f"P. {i}"

def tei(element):
    return ET.tostring(element, encoding="unicode")

with open(args.output, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<TEI xmlns="{TEI_NS}" xml:id="large" xml:lang="en">\n')
    out.write(tei(header).replace(f' xmlns="{TEI_NS}"', "") + "\n<text><body>\n")
    for i, paragraph in enumerate(body):
        out.write(f'<p xml:id="p{i + 1}">')
        out.write(paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>\n")
    out.write("</body></text>\n<standOff>\n")
    for element in stand_off:
        if element.tag != TEI + "listAnnotation":
            out.write(tei(element).replace(f' xmlns="{TEI_NS}"', "") + "\n")
    for layer in stand_off.findall(TEI + "listAnnotation"):
        out.write(f'<listAnnotation type="{layer.get("type")}">\n')
        for k in range(args.copies):
            for annotation in layer:
                out.write(tei(annotation_copy(annotation, k)).replace(f' xmlns="{TEI_NS}"', "").strip() + "\n")
        out.write("</listAnnotation>\n")
    out.write("</standOff>\n</TEI>\n")

annotations = args.copies * len(annotation_ids)
print(f"wrote {args.output}: shape {args.shape}, {args.copies} copies, {len(body)} paragraphs, {annotations} annotations"
      + (f", {args.entries} {'persons' if args.shape == 'registers' else 'categories'} added" if args.shape in ("registers", "taxonomy") else ""),
      file=__import__("sys").stderr)
