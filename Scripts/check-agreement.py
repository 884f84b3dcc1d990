#!/usr/bin/env python3
"""Checks `standoff agree` against the reference implementations on PyPI.

Generates texts, has three annotators mark entities at random through `standoff add`, runs
`standoff agree --format json`, and recomputes from the same annotations, with tokens as
docs/STATISTICS.md defines them (re.findall(r"\\w+|[^\\w\\s]")): Cohen's kappa of each pair
(scikit-learn), Fleiss' kappa (statsmodels), Krippendorff's alpha, nominal (krippendorff), and
the exact-match F1 of each pair. Every figure must agree to 1e-9. Then a corpus of directories
(one per annotator) with a document only the third annotator marked: Cohen's kappa of the first
two counts that document's tokens (scikit-learn over every token of both documents), and is the
same whether or not the third annotator is compared.

    python3 Scripts/check-agreement.py PATH/TO/standoff [TRIALS]
"""
import json, os, random, re, subprocess, sys, tempfile

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

standoff = sys.argv[1]
trials = int(sys.argv[2]) if len(sys.argv) > 2 else 3
WORDS = ["Kim", "met", "Trump", "in", "Hanoi", "talks", "failed", "again", "North", "Korea", "U.S.", "sanctions",
         "2019", "summit", "—", "“nuclear”", "deal", "Moscow's", "troops", "e-mail"]
CATEGORIES = ["PER", "ORG", "GPE", "MISC"]
ANNOTATORS = ["a", "b", "c"]
TOLERANCE = 1e-9


def run(*args):
    done = subprocess.run([standoff, *args], capture_output=True, text=True,
                          env=dict(os.environ, SOURCE_DATE_EPOCH="1732406400"))
    if done.returncode != 0:
        sys.exit(f"standoff {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def labels(text, annotations):
    """Each token's category: the covering annotation that starts first, then the longest."""
    tokens = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    ordered = sorted(annotations, key=lambda a: (a[0], -(a[1] - a[0])))
    result = []
    for start, end in tokens:
        covering = [a for a in ordered if a[0] < end and start < a[1]]
        result.append(covering[0][2] if covering else "none")
    return result


def close(name, ours, theirs):
    if ours is None or abs(ours - theirs) > TOLERANCE:
        sys.exit(f"MISMATCH {name}: standoff {ours}, reference {theirs}")
    print(f"  {name}: {ours:.12f} (reference {theirs:.12f})")


for trial in range(trials):
    rng = random.Random(trial)
    work = tempfile.mkdtemp()
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))) for _ in range(6)]
    text = "\n".join(paragraphs)
    with open(os.path.join(work, "text.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
    starts = [sum(len(p) + 1 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    def random_span():
        p = rng.randrange(len(paragraphs))
        length = rng.randint(1, 12)
        start = starts[p] + rng.randrange(0, len(paragraphs[p]) - length)
        return start, start + length

    def usable(start, end):
        return 0 <= start < end <= len(text) and "\n" not in text[start:end] and text[start] != " " and text[end - 1] != " "

    # A shared base, which each annotator keeps, relabels, reshapes or drops, plus spans of their own:
    # annotators who mostly agree, as real ones do.
    base = {}
    while len(base) < 25:
        span = random_span()
        if usable(*span):
            base[span] = rng.choice(CATEGORIES)
    annotations = {}
    for annotator in ANNOTATORS:
        path = os.path.join(work, f"{annotator}.tei.xml")
        run("init", os.path.join(work, "text.txt"), "-o", path)
        chosen = {}
        for (start, end), category in base.items():
            roll = rng.random()
            if roll < 0.1:
                continue
            if roll < 0.2:
                category = rng.choice(CATEGORIES)
            elif roll < 0.3 and usable(start, end + 1):
                end += 1
            chosen.setdefault((start, end), category)
        for _ in range(rng.randint(0, 4)):
            span = random_span()
            if usable(*span):
                chosen.setdefault(span, rng.choice(CATEGORIES))
        for (start, end), category in chosen.items():
            run("add", "entity", path, "--range", f"{start}:{end}", "--category", category)
        annotations[annotator] = [(s, e, c) for (s, e), c in chosen.items()]
    report = json.loads(run("agree", *[os.path.join(work, f"{a}.tei.xml") for a in ANNOTATORS],
                            "--format", "json", "--bootstrap", "0"))
    layer = next(l for l in report["layers"] if l["layer"] == "entity")
    print(f"trial {trial}: {sum(len(v) for v in annotations.values())} annotations")
    coded = {a: labels(text, annotations[a]) for a in ANNOTATORS}
    for pair in layer["pairs"]:
        a, b = pair["annotators"]
        close(f"Cohen's kappa {a}/{b}", pair["tokenKappa"]["value"], cohen_kappa_score(coded[a], coded[b]))
        matched = len(set(annotations[a]) & set(annotations[b]))
        close(f"exact F1 {a}/{b}", pair["exact"]["f1"]["value"], 2 * matched / (len(annotations[a]) + len(annotations[b])))
    categories = sorted({label for values in coded.values() for label in values})
    units = np.array([[categories.index(coded[a][t]) for a in ANNOTATORS] for t in range(len(coded["a"]))])
    close("Fleiss' kappa", layer["fleissKappa"]["value"], fleiss_kappa(aggregate_raters(units)[0]))
    close("Krippendorff's alpha", layer["krippendorffAlpha"]["value"],
          krippendorff.alpha(reliability_data=units.T.astype(float), level_of_measurement="nominal"))

# A corpus: the first document marked by everyone, the second by the third annotator only.
rng = random.Random(99)
work = tempfile.mkdtemp()
texts = [" ".join(rng.choice(WORDS) for _ in range(40)), " ".join(rng.choice(WORDS) for _ in range(25))]
coded = {a: [] for a in ANNOTATORS}
for index, text in enumerate(texts):
    source = os.path.join(work, f"doc{index}.txt")
    with open(source, "w", encoding="utf-8") as handle:
        handle.write(text)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    for annotator in ANNOTATORS:
        folder = os.path.join(work, annotator)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"doc{index}.tei.xml")
        run("init", source, "-o", path)
        chosen = []
        if index == 0 or annotator == "c":
            for start, end in rng.sample(words, 6):
                chosen.append((start, end, rng.choice(CATEGORIES)))
                run("add", "entity", path, "--range", f"{start}:{end}", "--category", chosen[-1][2])
        coded[annotator] += labels(text, chosen)
two = json.loads(run("agree", os.path.join(work, "a"), os.path.join(work, "b"), "--format", "json", "--bootstrap", "0"))
three = json.loads(run("agree", *[os.path.join(work, a) for a in ANNOTATORS], "--format", "json", "--bootstrap", "0"))
print(f"corpus: {len(texts)} documents, the second marked by c only")
pair_two = next(l for l in two["layers"] if l["layer"] == "entity")["pairs"][0]
pair_three = next(p for p in next(l for l in three["layers"] if l["layer"] == "entity")["pairs"] if p["annotators"] == ["a", "b"])
close("Cohen's kappa a/b over every token of both documents", pair_two["tokenKappa"]["value"], cohen_kappa_score(coded["a"], coded["b"]))
if pair_two != pair_three:
    sys.exit(f"MISMATCH: a/b compared alone and with c differ:\n{pair_two}\n{pair_three}")
print("  a/b compared alone and with c: the same figures")
print("agree matches scikit-learn, statsmodels and krippendorff")
