"""Reading an exported labelled set and scoring a linker on it exactly as `matching generality` scores the engine.

Shared by run_splink.py (Splink) and standin.py (the same kind of model where Splink cannot be installed).
Definitions (tools/CaseManagement.Tools/Evaluation/PairwiseEvaluation.cs, decision 0086):
- clusters: connected components of the pairs at or above the link probability (Splink's
  cluster_pairwise_predictions_at_threshold does the same); P, R, F1 are pairwise over clusters against the labels;
- link precision: of the raw pairs at or above the link probability, the share that are the same child;
- missed entirely: true pairs whose two rows are neither in one cluster nor in two clusters joined by a pair at or
  above the review probability.
"""
import csv
import difflib
import math
import re
from collections import Counter, defaultdict

# The engine's thresholds as probabilities (appsettings.json Matching: upper 28, lower 12, reference population
# 1,000,000; MatchProbability.ProbabilityOf): the batch scales the weights with the rows, so the probability holds.
PRIOR = 1e-6
LINK_PROBABILITY = 1 / (1 + 2 ** -(28 + math.log2(PRIOR / (1 - PRIOR))))
REVIEW_PROBABILITY = 1 / (1 + 2 ** -(12 + math.log2(PRIOR / (1 - PRIOR))))

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _unescape(value):
    # The one CSV writer puts an apostrophe before a field a spreadsheet would run as a formula.
    return value[1:] if value.startswith("'") and value[1:2] in FORMULA_STARTS and len(value) > 1 else value


def _digits(value):
    return re.sub(r"\D", "", value)


def _phone(value):
    d = _digits(value)
    if d.startswith("44"):
        d = "0" + d[2:]
    return d or None


def _postcode(value):
    p = re.sub(r"[^A-Z0-9]", "", value.upper())
    return (p[:-3] + " " + p[-3:]) if len(p) >= 5 else (p or None)


def _text(value):
    t = re.sub(r"[^a-z0-9 ]", " ", value.lower())
    t = re.sub(r"\s+", " ", t).strip()
    return t or None


def load(path):
    """Rows of an exported set as the linkers read them: the label apart, the evidence normalised only as any user of
    Splink would (case, spacing, digits), the other identifier with its issuer."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        raw = [{k: _unescape(v) for k, v in r.items()} for r in csv.DictReader(f)]
    rows = []
    for r in raw:
        upper = {c: r[c].upper().replace(" ", "") or None for c in ("upn", "pnc_id", "other_identifier")}
        other = upper["other_identifier"]
        address = _text(f"{r['house_number']} {r['street']}")
        rows.append({
            "unique_id": int(r["row_id"]),
            "cluster": r["cluster_id"],
            "family": r["family_id"],
            "given_name": _text(r["given_name"].split(" ")[0]) if r["given_name"].strip() else None,
            "family_name": _text(r["family_name"]),
            "dob": r["date_of_birth"] or None,
            "sex": r["sex"] or None,
            "postcode": _postcode(r["postcode"]) if r["postcode"].strip() else None,
            "address": address,
            "town": _text(r["town"]),
            "email": r["email"].strip().lower() or None,
            "phone": _phone(r["phone"]),
            # Each identifier its own column: two records are compared on one only when both hold that kind.
            "nhs": _digits(r["nhs_number"]) or None,
            "upn": upper["upn"],
            "pnc": upper["pnc_id"],
            "other_id": f"{r['other_identifier_issuer'].strip().lower()}:{other}" if other else None,
        })
    return rows


def load_engine_clusters(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [int(r["engine_cluster"]) for r in sorted(csv.DictReader(f), key=lambda r: int(r["row_id"]))]


def _pairs_among(counts):
    return sum(c * (c - 1) // 2 for c in counts)


def components(n, pairs):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def cluster_metrics(labels, clusters):
    true = _pairs_among(Counter(labels).values())
    predicted = _pairs_among(Counter(clusters).values())
    correct = _pairs_among(Counter(zip(labels, clusters)).values())
    p = 1.0 if predicted == 0 else correct / predicted
    r = 1.0 if true == 0 else correct / true
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r)), true


def score(labels, scored, link=LINK_PROBABILITY, review=REVIEW_PROBABILITY):
    """scored: (left row, right row, match probability) for every pair the linker predicted."""
    n = len(labels)
    links = [(a, b) for a, b, p in scored if p >= link]
    clusters = components(n, links)
    p, r, f1, true = cluster_metrics(labels, clusters)
    link_precision = 1.0 if not links else sum(labels[a] == labels[b] for a, b in links) / len(links)
    joined = {(min(clusters[a], clusters[b]), max(clusters[a], clusters[b])) for a, b, q in scored if q >= review}
    by_label = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    missed = 0
    for rows in by_label.values():
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                a, b = clusters[rows[x]], clusters[rows[y]]
                if a != b and (min(a, b), max(a, b)) not in joined:
                    missed += 1
    return {"P": p, "R": r, "F1": f1, "link_precision": link_precision, "links": len(links),
            "missed": missed, "true_pairs": true, "clusters": clusters}


def best_threshold(labels, scored):
    """Splink's best cut, stated as such: the link probability (of a grid) that gives the highest cluster F1."""
    best = None
    for weight in [x / 2 for x in range(-10, 41)]:
        threshold = 1 / (1 + 2 ** -weight)
        s = score(labels, scored, link=threshold)
        if best is None or s["F1"] > best[1]["F1"]:
            best = (threshold, s)
    return best


SHAPE_FIELDS = ["given_name", "family_name", "dob", "sex", "postcode", "address", "town", "email", "phone", "nhs", "upn", "pnc", "other_id"]


def _agreement(a, b):
    if a is None or b is None:
        return None
    if a == b:
        return "="
    return "~" if difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 else "x"


def shape(left, right):
    """Which fields of a pair agree (=), nearly agree (~, similarity >= 0.8) or differ (x); missing ones are left out."""
    parts = []
    for field in SHAPE_FIELDS:
        a = _agreement(left[field], right[field])
        if a is not None:
            parts.append(f"{field}{a}")
    return " ".join(parts)


def shapes_apart(rows, labels, together, apart):
    """Shapes of the true pairs one clustering (together) joins and another (apart) leaves apart, counted."""
    by_label = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    tally = Counter()
    for members in by_label.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                if together[a] == together[b] and apart[a] != apart[b]:
                    tally[shape(rows[a], rows[b])] += 1
    return tally


def wrong_links(rows, labels, scored, link=LINK_PROBABILITY):
    """Shapes of the linked pairs that are two children, counted."""
    return Counter(shape(rows[a], rows[b]) for a, b, p in scored if p >= link and labels[a] != labels[b])
