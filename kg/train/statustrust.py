"""How far the status model may overrule the rules: trust levels per language and rule answer, and the
minimum backing a trust level needs, both chosen by cross-validation (used by :mod:`kg.train.status`).

The combination (:func:`kg.extract.status.combine`) keeps the rules' answer ``st`` unless the model gives
another answer with probability ``trust[st]`` or more. A trust level of ``st`` therefore decides only the
relations the rules read as ``st`` and the model reads otherwise: those are the held-out relations that back
it (:func:`backing`). A status backed by fewer than a minimum stays the rules' (level ``NEVER``); the minimum
itself is chosen by cross-validating the choice (:func:`choose_minimum`: trust levels chosen on four folds,
scored on the fifth).

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

from collections.abc import Iterable, Sequence

from kg.extract.status import combine
from kg.schema import STATUSES

# How sure the model must be to overrule the rules: 0 = the model decides, 1.01 = never.
NEVER = 1.01
TRUST_GRID = (0.0, 0.6, 0.7, 0.8, 0.9, NEVER)
# The minima of backing tried (relations the rules read as a status and the model otherwise, out of fold):
# the smallest frees every status the model ever disagrees on, the largest keeps every rule answer.
MIN_GRID = (1, 5, 10, 15, 20, 30, 50, 10 ** 9)
Oof = Sequence[tuple[str, float]]


def item_weights(gold: Sequence[str]) -> list[float]:
    """What reading each relation right adds to the score (accuracy plus the mean recall of the non-asserted
    statuses): 1/n, plus 1/(gold's count x statuses present) for a non-asserted gold status.

    >>> item_weights(["asserted", "denied", "denied", "planned"])
    [0.25, 0.5, 0.5, 0.75]
    """
    present = [st for st in STATUSES[1:] if st in gold]
    n = len(gold)
    return [1 / n + (1 / (gold.count(g) * len(present)) if g in present else 0.0) for g in gold]


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


def held_out_score(gold: Sequence[str], rule: Sequence[str], oof: Oof, fold: Sequence[int],
                   idx: Sequence[int], minimum: int, k: int = 5) -> float:
    """The score (:func:`item_weights`) of the relations ``idx`` when each fold is read with the trust
    levels chosen on the other folds at ``minimum``: what that minimum does on relations it was not
    chosen on."""
    wl = spread(len(gold), idx, item_weights([gold[n] for n in idx]))
    total = 0.0
    for f in range(k):
        inner = [n for n in idx if fold[n] != f]
        if not inner:
            continue
        wi = spread(len(gold), inner, item_weights([gold[n] for n in inner]))
        trust = choose_trust(gold, rule, oof, wi, inner, minimum, len(idx) / len(inner))
        total += sum(wl[n] for n in idx if fold[n] == f and combine(rule[n], *oof[n], trust) == gold[n])
    return round(total, 9)


def spread(size: int, idx: Sequence[int], values: Sequence[float]) -> list[float]:
    """``values`` of the relations ``idx`` at their places in a list of ``size`` (0 elsewhere)."""
    out = [0.0] * size
    for n, v in zip(idx, values, strict=True):
        out[n] = v
    return out


def choose_minimum(gold: Sequence[str], rule: Sequence[str], oof: Oof, fold: Sequence[int],
                   by_lang: dict[str, list[int]]) -> tuple[int, dict[int, float]]:
    """The minimum backing (of :data:`MIN_GRID`) whose choices score best on held-out folds, summed over
    the languages (ties to the larger minimum: the rules), and the held-out score of each."""
    table = {m: round(sum(held_out_score(gold, rule, oof, fold, idx, m) for idx in by_lang.values()), 9)
             for m in MIN_GRID}
    return max(MIN_GRID, key=lambda m: (table[m], m)), table
