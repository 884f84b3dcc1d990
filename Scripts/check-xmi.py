#!/usr/bin/env python3
"""Checks `standoff export --to xmi` with dkpro-cassis (the Python reader of UIMA CAS XMI):
the type system and the CAS load, and every annotation's covered text is the text Standoff
says it covers, also on a text with characters outside the Basic Multilingual Plane (which
UIMA counts as two UTF-16 code units and Standoff as one code point).

    python3 Scripts/check-xmi.py PATH/TO/standoff TEI_FILE
"""
import json, os, subprocess, sys, tempfile

from cassis import load_cas_from_xmi, load_typesystem

standoff, tei = sys.argv[1], sys.argv[2]
env = dict(os.environ, SOURCE_DATE_EPOCH="1732406400")


def run(*args):
    return subprocess.run([standoff, *args], capture_output=True, text=True, check=True, env=env).stdout


def exported(path, work, name):
    """Exports `path` as XMI into `work` and loads it with cassis: (typesystem, cas)."""
    xmi = os.path.join(work, name)
    run("export", path, "--to", "xmi", "-o", xmi)
    with open(os.path.join(work, "TypeSystem.xml"), "rb") as handle:
        typesystem = load_typesystem(handle)
    with open(xmi, "rb") as handle:
        return typesystem, load_cas_from_xmi(handle, typesystem=typesystem)


def check(path, work):
    typesystem, cas = exported(path, work, "out.xmi")
    expected = {record["id"]: record for record in json.loads(run("list", path, "--format", "json"))}
    seen = 0
    for type_name in ["Entity", "Quotation", "Stance", "Error", "Span"]:
        for annotation in cas.select(f"org.standoff.{type_name}"):
            record = expected[annotation.standoffId]
            if len(record["ranges"]) == 1:
                covered = annotation.get_covered_text()
                if covered != record["text"][0]:
                    sys.exit(f"MISMATCH {annotation.standoffId}: cassis covers {covered!r}, standoff {record['text'][0]!r}")
            # Provenance as features of the type system: who, how sure, how, when.
            for feature in ("annotator", "cert", "method", "time"):
                name = "certainty" if feature == "cert" else feature
                if record.get(feature) is not None and annotation.get(name) != record[feature]:
                    sys.exit(f"MISMATCH {annotation.standoffId}: cassis reads {name} {annotation.get(name)!r}, standoff {record[feature]!r}")
            seen += 1
    if seen != len(expected):
        sys.exit(f"MISMATCH: cassis finds {seen} annotations, standoff lists {len(expected)}")
    return seen


work = tempfile.mkdtemp()
print(f"{check(tei, work)} annotations load in dkpro-cassis with their covered text, annotator, certainty, method and time")
text = os.path.join(work, "emoji.txt")
with open(text, "w", encoding="utf-8") as handle:
    handle.write("👍 Kim met Trump 😀 in Hanoi.\n🇰🇵 No deal.\n")
doc = os.path.join(work, "emoji.tei.xml")
run("init", text, "-o", doc)
for word, category in (("Kim", "PER"), ("Trump", "PER"), ("Hanoi", "GPE"), ("deal", "MISC")):
    run("add", "entity", doc, "--text", word, "--category", category)
print(f"{check(doc, tempfile.mkdtemp())} annotations after characters outside the BMP: UTF-16 offsets right")

# An XMI that dkpro-cassis writes imports, offsets and all: add an entity after the emoji with
# cassis, write the CAS, import it, and find the entity over the right text.
work = tempfile.mkdtemp()
typesystem, cas = exported(doc, work, "emoji.xmi")
Entity = typesystem.get_type("org.standoff.Entity")
start = cas.sofa_string.index("No")
cas.add(Entity(begin=start, end=start + 2, standoffId="ent99", layer="entity", category="MISC"))
written = os.path.join(work, "by-cassis.xmi")
cas.to_xmi(written)
imported = os.path.join(work, "by-cassis.tei.xml")
run("import", written, "--from", "xmi", "-o", imported)
records = {record["id"]: record for record in json.loads(run("list", imported, "--format", "json"))}
if records.get("ent99", {}).get("text") != ["No"]:
    sys.exit(f"MISMATCH: the entity cassis added imports as {records.get('ent99')}")
if records.get("ent2", {}).get("text") != ["Trump"]:
    sys.exit(f"MISMATCH: Trump imports as {records.get('ent2')}")
print(f"an XMI written by dkpro-cassis imports: {len(records)} annotations, the one cassis added over 'No'")

# A file INCEpTION exported (Tests/Fixtures/third-party/): cassis, with DKPro Core's type system,
# and `standoff import` find the same named entities over the same text.
from cassis import load_dkpro_core_typesystem

inception = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "third-party", "dkpro-cassis", "cas_with_smileys.xmi")
import warnings

with open(inception, "rb") as handle, warnings.catch_warnings():
    warnings.simplefilter("ignore")  # lenient: cassis's DKPro type system lacks the metadata types, and says so
    cas = load_cas_from_xmi(handle, typesystem=load_dkpro_core_typesystem(), lenient=True)
theirs = [(entity.value, entity.get_covered_text()) for entity in cas.select("de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")]
imported = os.path.join(tempfile.mkdtemp(), "inception.tei.xml")
subprocess.run([standoff, "import", inception, "--from", "xmi", "-o", imported], capture_output=True, text=True, check=True, env=env)
ours = [(record["category"], " ".join(record["text"])) for record in json.loads(run("list", imported, "--format", "json", "--layer", "entity"))]
if sorted(ours) != sorted(theirs) or not theirs:
    sys.exit(f"MISMATCH: INCEpTION's entities read by cassis {theirs}, imported by standoff {ours}")
print(f"an XMI exported by INCEpTION imports: its {len(ours)} named entities over the text cassis finds ({', '.join(text for _, text in ours)})")
