"""A stand-in for Splink where it cannot be installed: the same Fellegi-Sunter design as run_splink.py, written out.

Not Splink, and no substitute for running it: the comparison levels copy splink.comparison_library's defaults (Splink
4.0: NameComparison, DateOfBirthComparison, PostcodeComparison, EmailComparison, JaroWinklerAtThresholds, ExactMatch),
and the training copies its tutorial steps: the prior from deterministic rules at recall 0.7, u from random pairs, m by
expectation maximisation (u fixed, the blocked columns not trained, m averaged over the sessions), term frequencies on
the exact levels of names and town. Labels are never read here. Needs numpy and jellyfish (Debian: python3-numpy,
python3-jellyfish).
"""
import math
import random
from collections import defaultdict
from datetime import date

import jellyfish
import numpy as np

from run_splink import BLOCKING_FOR_PREDICTION, BLOCKING_FOR_TRAINING, DETERMINISTIC, IDENTIFIERS

JW = jellyfish.jaro_winkler_similarity


def _fuzzy(a, b, thresholds):
    if a == b:
        return 0
    s = JW(a, b)
    for i, t in enumerate(thresholds):
        if s >= t:
            return i + 1
    return len(thresholds) + 1


def _damerau_one(a, b):
    return jellyfish.damerau_levenshtein_distance(a, b) <= 1


def _dob(a, b):
    if a == b:
        return 0
    if _damerau_one(a, b):
        return 1
    try:
        days = abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 5
    return 2 if days <= 31 else 3 if days <= 366 else 4 if days <= 3653 else 5


def _postcode(a, b):
    if a == b:
        return 0
    for level, part in ((1, lambda p: p[:-2]), (2, lambda p: p.split(" ")[0]), (3, lambda p: p[:2].rstrip("0123456789"))):
        if part(a) == part(b):
            return level
    return 4


def _email(a, b):
    if a == b:
        return 0
    ua, ub = a.split("@")[0], b.split("@")[0]
    if ua == ub:
        return 1
    if JW(a, b) >= 0.88:
        return 2
    return 3 if JW(ua, ub) >= 0.88 else 4


def _exact(a, b):
    return 0 if a == b else 1


# (column, number of levels, level function, term-frequency adjusted on the exact level)
COMPARISONS = [
    ("given_name", 5, lambda a, b: _fuzzy(a, b, (0.92, 0.88, 0.7)), True),
    ("family_name", 5, lambda a, b: _fuzzy(a, b, (0.92, 0.88, 0.7)), True),
    ("dob", 6, _dob, False),
    ("postcode", 5, _postcode, False),
    ("address", 4, lambda a, b: _fuzzy(a, b, (0.9, 0.7)), False),
    ("town", 2, _exact, True),
    ("email", 5, _email, False),
    ("phone", 2, _exact, False),
    ("sex", 2, _exact, False),
] + [(column, 2, _exact, False) for column in IDENTIFIERS]


def _levels(rows, pairs):
    out = np.full((len(pairs), len(COMPARISONS)), -1, dtype=np.int8)
    for k, (a, b) in enumerate(pairs):
        ra, rb = rows[a], rows[b]
        for c, (column, _, level, _) in enumerate(COMPARISONS):
            va, vb = ra[column], rb[column]
            if va is not None and vb is not None:
                out[k, c] = level(va, vb)
    return out


def _key(row, rule):
    values = []
    for part in rule:
        if part.startswith("substr(dob"):
            values.append(row["dob"][:4] if row["dob"] else None)
        else:
            values.append(row[part])
    return None if any(v is None for v in values) else tuple(values)


def _blocked(rows, rules):
    pairs = set()
    for rule in rules:
        groups = defaultdict(list)
        for i, row in enumerate(rows):
            key = _key(row, rule)
            if key is not None:
                groups[key].append(i)
        for members in groups.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return sorted(pairs)


def _log_bayes(levels, m, u):
    """Sum over comparisons of log2(m/u) of each pair's level (null levels add nothing)."""
    total = np.zeros(len(levels))
    for c in range(levels.shape[1]):
        present = levels[:, c] >= 0
        lv = levels[present, c]
        total[present] += np.log2(m[c][lv] / u[c][lv])
    return total


def predict(rows, seed=1, random_pairs=400_000):
    n = len(rows)
    total_pairs = n * (n - 1) / 2
    rng = random.Random(seed)

    # Prior: pairs the deterministic rules find, over all pairs, divided by the recall the rules are assumed to have.
    prior = len(_blocked(rows, DETERMINISTIC)) / total_pairs / 0.7

    # u: level shares among random pairs (floored so that a level never seen at random does not divide by zero).
    sample = set()
    while len(sample) < min(random_pairs, total_pairs):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            sample.add((min(a, b), max(a, b)))
    random_levels = _levels(rows, sorted(sample))
    u = []
    for c, (_, count, _, _) in enumerate(COMPARISONS):
        present = random_levels[:, c][random_levels[:, c] >= 0]
        u.append(np.maximum(np.bincount(present, minlength=count) / max(1, len(present)), 1 / len(sample)))

    # m: expectation maximisation on each training rule's pairs, u fixed, the rule's columns not trained; averaged.
    trained = [[] for _ in COMPARISONS]
    for rule in BLOCKING_FOR_TRAINING:
        levels = _levels(rows, _blocked(rows, [rule]))
        free = [c for c, comparison in enumerate(COMPARISONS) if comparison[0] not in rule]
        m = [np.array([0.9] + [0.1 / (count - 1)] * (count - 1)) for _, count, _, _ in COMPARISONS]
        share = prior
        for _ in range(25):
            logit = math.log2(share / (1 - share)) + _log_bayes(levels[:, free], [m[c] for c in free], [u[c] for c in free])
            posterior = 1 / (1 + np.power(2.0, -logit))
            change = 0.0
            for c in free:
                present = levels[:, c] >= 0
                new = np.bincount(levels[present, c], weights=posterior[present], minlength=len(m[c]))
                new = np.maximum(new / max(new.sum(), 1e-12), 1e-6)
                change = max(change, float(np.abs(new - m[c]).max()))
                m[c] = new
            share = float(np.clip(posterior.mean(), 1e-9, 1 - 1e-9))
            if change < 1e-4:
                break
        for c in free:
            trained[c].append(m[c])
    m = [np.mean(sessions, axis=0) for sessions in trained]

    # Term frequencies of the adjusted columns' values.
    frequency = {}
    for c, (column, _, _, adjusted) in enumerate(COMPARISONS):
        if adjusted:
            values = [r[column] for r in rows if r[column] is not None]
            counts = defaultdict(int)
            for v in values:
                counts[v] += 1
            frequency[c] = {v: k / len(values) for v, k in counts.items()}

    pairs = _blocked(rows, BLOCKING_FOR_PREDICTION)
    levels = _levels(rows, pairs)
    weight = math.log2(prior / (1 - prior)) + _log_bayes(levels, m, u)
    for c, table in frequency.items():
        column = COMPARISONS[c][0]
        for k in np.nonzero(levels[:, c] == 0)[0]:
            # Exact level: m over the value's own frequency in place of the level's u.
            weight[k] += math.log2(u[c][0] / table[rows[pairs[k][0]][column]])
    probability = 1 / (1 + np.power(2.0, -weight))
    return [(a, b, float(p)) for (a, b), p, w in zip(pairs, probability, weight) if w >= -10]
