"""The relation classifier's C, extra-set weight and threshold chosen from cross-validation figures
(used by :func:`kg.train.relations.cv_relations`).

Each setting is scored per held-out fold (the mean F1 of the data sets, as the pooled score), over several
partitions of the documents into folds. The best mean is noisy: successive retrains with a few new units
moved C 3 -> 0.3 -> 3 and the threshold 0.3 -> 0.2, and the bundled examples' relation F1 with them. So, as
for the status model (:mod:`kg.train.statuscv`), every setting within one standard error of the best is as
good as the best (the paired standard error of the per-fold differences, within each partition, averaged),
and among those the simplest wins (:func:`simplest_first`): the smallest C (the most regularised), then the
highest threshold (the fewest links), then the extra sets at their full weight.

>>> table = {(3.0, (1.0, 1.0), 0.2): [[0.70, 0.66, 0.72, 0.68, 0.69]],
...          (3.0, (1.0, 1.0), 0.3): [[0.69, 0.67, 0.71, 0.68, 0.69]],
...          (3.0, (1.0, 1.0), 0.5): [[0.60, 0.58, 0.65, 0.61, 0.60]]}
>>> choose(table)   # 0.3 is within noise of 0.2 and links less; 0.5 is clearly worse
(3.0, (1.0, 1.0), 0.3)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.train.reldata import Doc, Pair

Setting = tuple[float, tuple[float, float], float]  # C, (extra links' weight, extra negatives' weight), threshold
Rows = Sequence[Sequence[float]]  # per fold partition, per fold: the held-out score


def paired_se(a: Sequence[float], b: Sequence[float]) -> float:
    """The standard error of the mean of ``a - b`` (the same folds scored by two settings).

    >>> round(paired_se([0.7, 0.6, 0.8], [0.6, 0.6, 0.6]), 4)
    0.0577
    >>> paired_se([0.5], [0.4])
    0.0
    """
    d = [x - y for x, y in zip(a, b, strict=True)]
    if len(d) < 2:
        return 0.0
    m = sum(d) / len(d)
    return math.sqrt(sum((x - m) ** 2 for x in d) / (len(d) - 1) / len(d))


def mean(rows: Rows) -> float:
    """The mean score over every partition's folds.

    >>> mean([[0.5, 0.7], [0.6, 0.6]])
    0.6
    """
    return round(sum(sum(r) / len(r) for r in rows) / len(rows), 9)


def simplest_first(settings: Sequence[Setting] | Mapping[Setting, object]) -> list[Setting]:
    """The smallest C first, then the highest threshold, then the extra sets' negatives at the higher weight.

    >>> simplest_first([(3.0, (1.0, 1.0), 0.2), (1.0, (1.0, 0.3), 0.2), (1.0, (1.0, 1.0), 0.3)])
    [(1.0, (1.0, 1.0), 0.3), (1.0, (1.0, 0.3), 0.2), (3.0, (1.0, 1.0), 0.2)]
    """
    return sorted(settings, key=lambda s: (s[0], -s[2], -s[1][1], -s[1][0]))


def within_noise(table: Mapping[Setting, Rows], k: float = 1.0) -> list[Setting]:
    """The settings whose mean score is within ``k`` paired standard errors of the best's, simplest first.

    >>> t = {(1.0, (1.0, 1.0), 0.2): [[0.6, 0.6]], (3.0, (1.0, 1.0), 0.2): [[0.7, 0.5]]}
    >>> within_noise(t)
    [(1.0, (1.0, 1.0), 0.2), (3.0, (1.0, 1.0), 0.2)]
    """
    means = {s: mean(v) for s, v in table.items()}
    top = max(means.values())
    best = simplest_first([s for s in table if means[s] == top])[0]

    def se(s: Setting) -> float:
        rows = table[s]
        return sum(paired_se(x, y) for x, y in zip(rows, table[best], strict=True)) / len(rows)

    return [s for s in simplest_first(table) if means[s] >= top - k * se(s) - 1e-9]


def choose(table: Mapping[Setting, Rows], k: float = 1.0) -> Setting:
    """The simplest setting within ``k`` standard errors of the best (:func:`within_noise`)."""
    return within_noise(table, k)[0]


def fold_scores(docs: Sequence[Doc], pairs: Sequence[Pair], fold: Sequence[int],
                results: Sequence[tuple[list[int], tuple[list[str], ...], list[list[float]]]], threshold: float,
                sources: Sequence[str]) -> list[float]:
    """Per held-out fold ``k`` (``results[k]``: its held-out pairs' indices, the fold model's labels first,
    their probabilities), the mean over ``sources`` of the relation F1 at ``threshold`` (each data set
    counts once, as in the pooled score); ``fold``: each doc's fold."""
    from kg.train.relscore import decide, triples

    present = sorted({d.source for d in docs} & set(sources))
    _, gold_all = triples(docs, [], [])
    out = []
    for k, (te, got, probs) in enumerate(results):
        held = [pairs[n] for n in te]
        pred, _ = triples(docs, held, [decide(p, got[0], q, threshold) for p, q in zip(held, probs, strict=True)])
        gold = {x for x in gold_all if fold[x[0]] == k}
        f1s = []
        for src in present:
            ps = {x for x in pred if docs[x[0]].source == src}
            gs = {x for x in gold if docs[x[0]].source == src}
            f1s.append(2 * len(ps & gs) / (len(ps) + len(gs)) if ps or gs else 0.0)
        out.append(sum(f1s) / len(f1s))
    return out
