#!/usr/bin/env python3
"""Checks `standoff export --to w3c` against the W3C Web Annotation test-suite schemas.

Every annotation of the export must pass every assertion the test suite marks "must" (and
expects valid): ../shared/peers/w3c/annotations/*.json, with their definitions.

    python3 Scripts/check-w3c.py PATH/TO/standoff TEI_FILE [SCHEMA_DIR]
"""
import glob, json, os, subprocess, sys

import jsonschema

standoff, tei = sys.argv[1], sys.argv[2]
root = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "peers", "w3c")
if not os.path.isdir(os.path.join(root, "annotations")):
    print(f"SKIPPED: the W3C test-suite schemas are not at {root}")
    sys.exit(0)
exported = subprocess.run([standoff, "export", tei, "--to", "w3c"], capture_output=True, text=True, check=True).stdout
collection = json.loads(exported)
items = collection["first"]["items"]
definitions = {}
for path in glob.glob(os.path.join(root, "definitions", "*.json")):
    with open(path, encoding="utf-8") as handle:
        definitions[os.path.basename(path)] = json.load(handle)
checked = 0
for path in sorted(glob.glob(os.path.join(root, "annotations", "*.json"))):
    with open(path, encoding="utf-8") as handle:
        schema = json.load(handle)
    if schema.get("assertionType") != "must" or schema.get("expectedResult", "valid") != "valid":
        continue
    store = dict(definitions)
    resolver = jsonschema.RefResolver(base_uri="", referrer=schema, store=store)
    validator = jsonschema.Draft4Validator(schema, resolver=resolver)
    for item in items:
        errors = list(validator.iter_errors(item))
        if errors:
            sys.exit(f"INVALID {item['id']} against {os.path.basename(path)}: {schema.get('errorMessage', '')}\n  {errors[0].message}")
    checked += 1
print(f"{len(items)} annotations pass the {checked} 'must' assertions of the W3C Web Annotation test suite")
