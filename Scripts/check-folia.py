#!/usr/bin/env python3
"""Checks `standoff export --to folia` with the FoLiA tools: foliavalidator accepts it (schema,
declarations, text consistency), and the FoLiA library reads back every entity, sentiment and
observation with the text of its words, its provenance (annotator, manual or auto, time), its
features and its comments, and the register entries it links to (a relation whose class is the
entry's id, its xlink:href the Wikidata IRI, its name, kind and aliases as features).

    python3 Scripts/check-folia.py PATH/TO/standoff TEI_FILE
"""
import json, os, subprocess, sys, tempfile

import folia.main as folia

standoff, tei = sys.argv[1], sys.argv[2]
out = os.path.join(tempfile.mkdtemp(), "doc.folia.xml")
subprocess.run([standoff, "export", tei, "--to", "folia", "-o", out], capture_output=True, check=True)
validator = os.path.join(os.path.dirname(sys.executable), "foliavalidator")
done = subprocess.run([validator, out], capture_output=True, text=True)
if done.returncode != 0 or "Validated successfully" not in done.stdout + done.stderr:
    sys.exit(f"foliavalidator rejects the export:\n{done.stdout}{done.stderr}")
doc = folia.Document(file=out)
listed = {record["id"]: record for record in json.loads(subprocess.run([standoff, "list", tei, "--format", "json"], capture_output=True, text=True, check=True).stdout)}
line = json.loads(subprocess.run([standoff, "export", tei, "--to", "jsonl"], capture_output=True, text=True, check=True).stdout)
entries = {entry["id"]: entry for entry in line.get("registers", [])}
found = carried = linked = 0
for kind in (folia.Entity, folia.Sentiment, folia.Observation):
    for element in doc.select(kind):
        record = listed[element.id.split(".", 1)[1]]
        # The words cover the span (whole words: a span that cuts a word is widened, and counted).
        words = "".join(word.text() for word in element.wrefs())
        expected = "".join("".join(record["text"]).split())
        if expected not in words:
            sys.exit(f"MISMATCH {element.id}: FoLiA words {words!r} do not cover Standoff's {record['text']!r}")
        # Provenance carried: who, how and when, as Standoff recorded them.
        if record.get("annotator") and element.annotator != record["annotator"]:
            sys.exit(f"MISMATCH {element.id}: FoLiA annotator {element.annotator!r}, Standoff's {record['annotator']!r}")
        if record.get("method") and element.annotatortype != (folia.AnnotatorType.AUTO if record["method"] == "automatic" else folia.AnnotatorType.MANUAL):
            sys.exit(f"MISMATCH {element.id}: FoLiA annotator type {element.annotatortype!r}, Standoff's method {record['method']!r}")
        if record.get("time") and element.datetime is None:
            sys.exit(f"MISMATCH {element.id}: no datetime in FoLiA, Standoff's time {record['time']!r}")
        # Features as FoLiA features (subset and class), comments as FoLiA comments.
        features = {feature.subset: feature.cls for feature in element.select(folia.Feature, recursive=False)}
        if features != record.get("features", {}):
            sys.exit(f"MISMATCH {element.id}: FoLiA features {features!r}, Standoff's {record.get('features')!r}")
        comments = [comment.value for comment in element.select(folia.Comment, recursive=False)]
        if comments != record.get("notes", []):
            sys.exit(f"MISMATCH {element.id}: FoLiA comments {comments!r}, Standoff's notes {record.get('notes')!r}")
        carried += bool(features) + bool(comments)
        # Register entries as relations, as FoLiA tools link entities to a knowledge base.
        relations = {relation.cls: relation for relation in element.select(folia.Relation, recursive=False)}
        for target in [t for targets in record.get("links", {}).values() for t in targets if t in entries]:
            entry, relation = entries[target], relations.get(target)
            if relation is None:
                sys.exit(f"MISMATCH {element.id}: no relation for the register entry {target!r}")
            said = {}
            for feature in relation.select(folia.Feature, recursive=False):
                said.setdefault(feature.subset, []).append(feature.cls)
            href = f"http://www.wikidata.org/entity/{entry['wikidata']}" if entry.get("wikidata") else None
            if relation.href != href or said.get("name") != [entry["name"]] or said.get("kind") != [entry["kind"]] or said.get("alias", []) != entry.get("aliases", []):
                sys.exit(f"MISMATCH {element.id}: relation {target!r} says {relation.href!r} {said!r}, Standoff's entry {entry!r}")
            linked += 1
        found += 1
print(f"foliavalidator accepts the export; the FoLiA library reads {found} span annotations with their words, annotators, methods and times, {carried} features and comment lists, and {linked} links to register entries with their names, kinds, aliases and Wikidata IRIs")
