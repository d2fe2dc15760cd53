"""How far the status model may overrule the rules: trust levels per language and rule answer, and the
minimum backing a trust level needs, both chosen by cross-validation (used by :mod:`kg.train.status`).

The combination (:func:`kg.extract.status.combine`) keeps the rules' answer ``st`` unless the model gives
another answer with probability ``trust[st]`` or more. A trust level of ``st`` therefore decides only the
relations the rules read as ``st`` and the model reads otherwise: those are the held-out relations that back
it (:func:`backing`). A status backed by fewer than a minimum stays the rules' (level ``NEVER``); the minimum
itself is chosen by cross-validating the choice (:func:`choose_minimum`: trust levels chosen on four folds,
scored on the fifth, averaged over several fold partitions) with the one-standard-error rule (:func:`one_se`:
the largest minimum within noise of the best); the final levels fit all partitions at once
(:func:`pooled_trust`).

The score (:func:`item_weights`) is accuracy plus the mean recall of the non-asserted statuses, a sum over
relations, and each relation's answer depends only on the level of its rule answer: each status's level is
chosen on its own relations (:func:`choose_levels`), ties going to the higher trust in the rules.

>>> from kg.train.statustrust import choose_levels, item_weights
>>> gold = ["asserted", "asserted", "planned", "planned"]
>>> rule = ["planned", "planned", "planned", "planned"]
>>> oof = [("asserted", 0.75), ("asserted", 0.65), ("planned", 0.9), ("asserted", 0.62)]
>>> w = item_weights(gold)
>>> choose_levels(gold, rule, oof, w, range(4), ["planned"])["planned"]  # 0.6 loses a planned, 0.8 an asserted
0.7
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from kg.extract.status import combine
from kg.schema import STATUSES

# How sure the model must be to overrule the rules: 0 = the model decides, 1.01 = never.
NEVER = 1.01
TRUST_GRID = (0.0, 0.6, 0.7, 0.8, 0.9, NEVER)
# The minima of backing tried (relations the rules read as a status and the model otherwise, out of fold):
# the smallest frees every status the model ever disagrees on, the largest keeps every rule answer.
MIN_GRID = (1, 5, 10, 15, 20, 30, 50, 10 ** 9)
Oof = Sequence[tuple[str, float]]
Part = tuple[Sequence[int], Oof]  # one fold partition: the fold of each relation, the out-of-fold answers
Weights = Callable[[Sequence[str]], list[float]]  # gold statuses -> what reading each right is worth
K = TypeVar("K")


def item_weights(gold: Sequence[str]) -> list[float]:
    """What reading each relation right adds to the score (accuracy plus the mean recall of the non-asserted
    statuses): 1/n, plus 1/(gold's count x statuses present) for a non-asserted gold status.

    >>> item_weights(["asserted", "denied", "denied", "planned"])
    [0.25, 0.5, 0.5, 0.75]
    """
    present = [st for st in STATUSES[1:] if st in gold]
    n = len(gold)
    return [1 / n + (1 / (gold.count(g) * len(present)) if g in present else 0.0) for g in gold]


def accuracy_weights(gold: Sequence[str]) -> list[float]:
    """Accuracy as a sum over relations (1/n each), a right denial worth a hair more: among trust levels with
    the same accuracy, the one that keeps more denials (the second target, docs/status.md) wins.

    >>> accuracy_weights(["asserted", "denied", "planned", "planned"])
    [0.25, 0.25025, 0.25, 0.25]
    """
    n = len(gold)
    # a thousandth of a relation (above choose_levels' rounding to 9 digits): fewer than 1,000 denials never
    # outweigh one relation, so denials only break ties of accuracy
    return [(1 + (1e-3 if g == "denied" else 0.0)) / n for g in gold]


def backing(rule: Sequence[str], oof: Oof, idx: Iterable[int], st: str) -> int:
    """How many of the relations ``idx`` a trust level of ``st`` can change: the rules read ``st``, the
    model (out of fold) another status.

    >>> backing(["planned", "planned", "asserted"], [("asserted", 0.9), ("planned", 0.8), ("planned", 0.9)],
    ...         range(3), "planned")
    1
    """
    return sum(1 for n in idx if rule[n] == st and oof[n][0] != st)


def choose_levels(gold: Sequence[str], rule: Sequence[str], oof: Oof, weight: Sequence[float],
                  idx: Iterable[int], free: Iterable[str]) -> dict[str, float]:
    """The trust level of each status in ``free`` that scores best on the relations ``idx`` (``weight``:
    :func:`item_weights` of their language; ties to the higher level); the other statuses ``NEVER``."""
    idx = list(idx)
    trust = {st: NEVER for st in STATUSES[1:]}
    for st in free:
        mine = [n for n in idx if rule[n] == st]
        best: tuple[float, float] | None = None
        for level in TRUST_GRID:
            sc = round(sum(weight[n] for n in mine if combine(st, *oof[n], {st: level}) == gold[n]), 9)
            if best is None or (sc, level) > best:
                best = (sc, level)
        assert best is not None
        trust[st] = best[1]
    return trust


def choose_trust(gold: Sequence[str], rule: Sequence[str], oof: Oof, weight: Sequence[float],
                 idx: Sequence[int], minimum: int, scale: float = 1.0) -> dict[str, float]:
    """:func:`choose_levels` for the statuses backed by at least ``minimum`` of the relations ``idx``
    (their count times ``scale``: a count on four folds of five stands for the whole)."""
    free = [st for st in STATUSES[1:] if backing(rule, oof, idx, st) * scale >= minimum]
    return choose_levels(gold, rule, oof, weight, idx, free)


def held_out_items(gold: Sequence[str], rule: Sequence[str], oof: Oof, fold: Sequence[int],
                   idx: Sequence[int], minimum: int, k: int = 5, weights: Weights = item_weights) -> list[float]:
    """What each relation of ``idx`` adds to the score (``weights``: :func:`item_weights`, or
    :func:`accuracy_weights` for accuracy) when each fold is read with the trust levels chosen (by the same
    weights) on the other folds at ``minimum`` (0 when read wrong): what that minimum does on relations it
    was not chosen on."""
    wl = spread(len(gold), idx, weights([gold[n] for n in idx]))
    got = [0.0] * len(gold)
    for f in range(k):
        inner = [n for n in idx if fold[n] != f]
        if not inner:
            continue
        wi = spread(len(gold), inner, weights([gold[n] for n in inner]))
        trust = choose_trust(gold, rule, oof, wi, inner, minimum, len(idx) / len(inner))
        for n in idx:
            if fold[n] == f and combine(rule[n], *oof[n], trust) == gold[n]:
                got[n] = wl[n]
    return [got[n] for n in idx]


def held_out_score(gold: Sequence[str], rule: Sequence[str], oof: Oof, fold: Sequence[int],
                   idx: Sequence[int], minimum: int, k: int = 5) -> float:
    """The sum of :func:`held_out_items`: the held-out score of the relations ``idx`` at ``minimum``."""
    return round(sum(held_out_items(gold, rule, oof, fold, idx, minimum, k)), 9)


def spread(size: int, idx: Sequence[int], values: Sequence[float]) -> list[float]:
    """``values`` of the relations ``idx`` at their places in a list of ``size`` (0 elsewhere)."""
    out = [0.0] * size
    for n, v in zip(idx, values, strict=True):
        out[n] = v
    return out


def paired_se(a: Sequence[float], b: Sequence[float]) -> float:
    """The standard error of ``sum(a) - sum(b)`` when ``a`` and ``b`` score the same relations, one by one
    (the sample variance of the differences, times their number).

    >>> round(paired_se([1, 0, 1, 1], [1, 1, 0, 1]), 4)
    1.633
    >>> paired_se([1, 0], [1, 0])
    0.0
    """
    d = [x - y for x, y in zip(a, b, strict=True)]
    if len(d) < 2:
        return 0.0
    mean = sum(d) / len(d)
    return math.sqrt(len(d) * sum((x - mean) ** 2 for x in d) / (len(d) - 1))


def one_se(table: Mapping[K, Sequence[float]], order: Sequence[K], k: float = 1.0) -> K:
    """The one-standard-error rule: of the candidates of ``order`` (most preferred first; each scored by
    ``table``, a score per relation, the same relations for all, higher better), the first whose summed score
    is within ``k`` standard errors (:func:`paired_se`, against the best) of the best sum.

    Cross-validated scores that differ by less than their noise do not say which candidate is better; the
    preferred one (the simpler, the more regularised) is then the one least likely to be chosen by chance.

    >>> one_se({"simple": [1, 0, 1, 0], "complex": [1, 1, 1, 0]}, ["simple", "complex"])  # one relation apart
    'simple'
    >>> one_se({"simple": [0] * 8, "complex": [1] * 8}, ["simple", "complex"])  # always better: no noise
    'complex'
    """
    sums = {x: round(sum(table[x]), 9) for x in order}
    best = max(order, key=lambda x: (sums[x], -order.index(x)))
    for x in order:
        if sums[x] >= sums[best] - k * paired_se(table[x], table[best]) - 1e-9:
            return x
    return best  # not reached: the best is within noise of itself


def mean_items(rows: Sequence[Sequence[float]]) -> list[float]:
    """Per relation, the mean of ``rows`` (one row per fold partition).

    >>> mean_items([[1.0, 0.0], [0.0, 0.0]])
    [0.5, 0.0]
    """
    return [sum(col) / len(rows) for col in zip(*rows, strict=True)]


def choose_minimum(gold: Sequence[str], rule: Sequence[str], parts: Sequence[Part],
                   idx: Sequence[int]) -> tuple[int, dict[int, float]]:
    """The minimum backing (of :data:`MIN_GRID`) for the relations ``idx`` (one language), and the held-out
    score of each (:func:`held_out_items` averaged over the fold partitions ``parts``): the largest minimum
    (the rules) whose held-out score is within one standard error of the best (:func:`one_se`)."""
    table = {m: mean_items([held_out_items(gold, rule, oof, fold, idx, m) for fold, oof in parts]) for m in MIN_GRID}
    return one_se(table, sorted(MIN_GRID, reverse=True)), {m: round(sum(v), 9) for m, v in table.items()}


def pooled_trust(gold: Sequence[str], rule: Sequence[str], oofs: Sequence[Oof], idx: Sequence[int],
                 minimum: int, weights: Weights = item_weights) -> dict[str, float]:
    """:func:`choose_trust` on the out-of-fold answers of several fold partitions at once (each relation of
    ``idx`` once per partition; backing counted per partition; ``weights`` as in :func:`held_out_items`):
    levels that fit every partition, not one."""
    g = [gold[n] for _ in oofs for n in idx]
    r = [rule[n] for _ in oofs for n in idx]
    o = [oof[n] for oof in oofs for n in idx]
    return choose_trust(g, r, o, weights(g), range(len(g)), minimum, 1 / len(oofs))
