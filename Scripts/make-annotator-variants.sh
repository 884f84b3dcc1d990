#!/usr/bin/env bash
# Makes three annotators' versions of the shipped annotations by controlled changes, with the
# CLI itself, for docs/CURATION.md's worked example and the review check in a terminal:
#   ent1 "Donald Trump"  alice and carol as shipped; bob shifted to "Trump"        (boundaries)
#   ent2 "US"            alice and carol GPE; bob LOC                              (category, 2 of 3)
#   ent3 "US"            alice GPE, bob LOC, carol FAC                             (category, split)
#   ent5 "Ukraine"       bob dropped it                                            (2 of 3)
#   quo1                 carol's speaker is unknown, not trump                     (speaker)
#   "white whale"        carol alone marks it (MISC)                                (added, 1 of 3)
# Usage: Scripts/make-annotator-variants.sh OUTDIR [STANDOFF-BINARY]
set -euo pipefail
out=${1:?usage: Scripts/make-annotator-variants.sh OUTDIR [STANDOFF-BINARY]}
standoff=${2:-.build/debug/standoff}
cd "$(dirname "$0")/.."
src=Annotations/north-korea-diplomacy.tei.xml
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1733011200
for who in alice bob carol; do cp "$src" "$out/$who.tei.xml"; done
q() { "$standoff" "$@" > /dev/null; }
bob="$out/bob.tei.xml" carol="$out/carol.tei.xml"
q remove "$bob" ent1 --annotator bob
q add entity "$bob" --range 35:40 --category PER --ref trump --annotator bob
q remove "$bob" ent2 --annotator bob
q add entity "$bob" --range 175:177 --category LOC --ref usa --annotator bob
q remove "$bob" ent3 --annotator bob
q add entity "$bob" --range 198:200 --category LOC --ref usa --annotator bob
q remove "$carol" ent3 --annotator carol
q add entity "$carol" --range 198:200 --category FAC --ref usa --annotator carol
q remove "$bob" ent5 --annotator bob
q remove "$carol" quo1 --annotator carol
q add quotation "$carol" --range 125:268 --category indirect --speaker unknown --cue "promised" --annotator carol 2>/dev/null \
  || q add quotation "$carol" --range 125:268 --category indirect --speaker unknown --annotator carol
q add entity "$carol" --text "white whale" --category MISC --annotator carol
echo "wrote $out/alice.tei.xml, $out/bob.tei.xml, $out/carol.tei.xml"
