"""Company or Organization: a naive Bayes choice for the tagger's Organization names.

The public NER sets mark companies, ministries, parties and clubs alike as
Organization; kg's own annotations tell companies (Company) from other
organisations (Organization). From the annotated names of the train split this
learns log-odds per feature (the name's first and last words, and whether any word of it is an
organisation word of the language; 5-fold cross-validation chose them over all its words and the
word before it),
stored in the model file and used by :meth:`kg.extract.ner.Model.org_kind` (``kg train``,
``scripts/train_ner.py``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from kg.extract.ner import org_features
from kg.extract.text import Token, tokenize

Example = tuple[list[str], str]  # features, "Company" or "Organization"
MIN_COUNT = 2
SMOOTH = 0.5


def examples(units: Sequence[tuple[str, Sequence[tuple[int, int, str]]]],
             language: str | None = None) -> list[Example]:
    """``(text, [(start, end, kg type)])`` -> features of every Company and Organization name
    (:func:`kg.extract.ner.org_features`; with the ``language``, its organisation words too)."""
    out = []
    for text, ents in units:
        toks: list[Token] = tokenize(text)
        for a, b, typ in ents:
            if typ not in ("Company", "Organization"):
                continue
            idx = [k for k, t in enumerate(toks) if t.end > a and t.start < b]
            if idx:
                out.append((org_features(toks, idx[0], idx[-1] + 1, language), typ))
    return out


def fit(data: Sequence[Example]) -> dict[str, float]:
    """Log-odds (Company over Organization) per feature seen at least ``MIN_COUNT`` times, and ``bias``."""
    n = Counter(y for _, y in data)
    counts = {y: Counter(f for fs, yy in data if yy == y for f in set(fs)) for y in ("Company", "Organization")}
    weights = {"bias": round(math.log((n["Company"] + 1) / (n["Organization"] + 1)), 4)}
    for f in sorted(set(counts["Company"]) | set(counts["Organization"])):
        c, o = counts["Company"][f], counts["Organization"][f]
        if c + o >= MIN_COUNT:
            pc = (c + SMOOTH) / (n["Company"] + 2 * SMOOTH)
            po = (o + SMOOTH) / (n["Organization"] + 2 * SMOOTH)
            weights[f] = round(math.log(pc / po), 4)
    return weights


def predict(weights: dict[str, float], feats: Sequence[str]) -> str:
    return "Company" if weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in feats) > 0 else "Organization"


def cross_validate(data: Sequence[Example], k: int = 5) -> tuple[float, float]:
    """Accuracy of k-fold cross-validation, and of always answering the majority type."""
    right = 0
    for f in range(k):
        w = fit([x for n, x in enumerate(data) if n % k != f])
        right += sum(predict(w, fs) == y for n, (fs, y) in enumerate(data) if n % k == f)
    major = Counter(y for _, y in data).most_common(1)[0][1] if data else 0
    return right / max(len(data), 1), major / max(len(data), 1)
