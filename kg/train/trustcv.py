"""Comparing trust rules for the relation classifier by cross-validating the choice itself.

:func:`kg.train.reltrust.choose_threshold` picks, per language and relation type, the threshold from which
kg trusts its pair classifier, from the pooled out-of-fold counts of five folds; the rule that says whether
the links it adds are precise enough is the part that sampling noise can fool. Here each candidate rule
chooses on four folds' pooled counts and is scored on the fifth fold's (:func:`cross_choose`), so a rule is
judged by what its choices do on units they were not made on. ``scripts/trust_rules.py`` runs the comparison
on the per-fold counts that ``scripts/train_relations.py --dump-folds`` writes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kg.train.reltrust import OFF, TRUST_MIN_PREDICTIONS, Rows, Rule, choose_threshold, steady


def fold_rows(table: dict[str, Sequence[int]]) -> Rows:
    """One fold's counts of one (language, type) as ``choose_threshold`` reads them.

    >>> fold_rows({"0.6": [3, 1, 2], "off": [1, 0, 4]})
    {0.6: (3, 1, 2), 2.0: (1, 0, 4)}
    """
    return {OFF if t == "off" else float(t): (int(r[0]), int(r[1]), int(r[2])) for t, r in table.items()}


def pool(folds: Sequence[Rows]) -> Rows:
    """Counts summed over folds (every fold has the same thresholds).

    >>> pool([{0.6: (3, 1, 2), OFF: (1, 0, 4)}, {0.6: (1, 0, 0), OFF: (0, 0, 1)}])
    {0.6: (4, 1, 2), 2.0: (1, 0, 5)}
    """
    return {t: (sum(f[t][0] for f in folds), sum(f[t][1] for f in folds), sum(f[t][2] for f in folds))
            for t in folds[0]}


def added(rows: Rows, t: float | None) -> tuple[float, float]:
    """(links, right links) the classifier adds to the rules' at ``t`` (``None``: none).

    >>> added({0.6: (5, 2, 1), OFF: (3, 1, 3)}, 0.6), added({0.6: (5, 2, 1), OFF: (3, 1, 3)}, None)
    ((3, 2), (0, 0))
    """
    if t is None:
        return 0, 0
    return rows[t][0] + rows[t][1] - rows[OFF][0] - rows[OFF][1], rows[t][0] - rows[OFF][0]


@dataclass(frozen=True)
class HeldOut:
    """A rule's choices for one (language, type), each made on four folds and scored on the fifth."""

    choices: tuple[float | None, ...]  # per held-out fold
    tp: float
    fp: float
    fn: float
    added: float  # links the classifier added on the held-out folds
    added_right: float


def cross_choose(folds: Sequence[Rows], floor: float, rule: Rule) -> HeldOut:
    """Each fold scored at the threshold ``rule`` chooses on the other folds' pooled counts.

    >>> a = {0.6: (5, 1, 0), OFF: (2, 0, 3)}   # the classifier adds 3 right, 1 wrong
    >>> b = {0.6: (2, 3, 0), OFF: (1, 0, 1)}   # adds 1 right, 3 wrong
    >>> r = cross_choose([a, a, b], 0.7, steady)  # a and b pooled: 4 of 8 right; a and a: 6 of 8
    >>> r.choices, (r.tp, r.fp, r.fn), (r.added, r.added_right)
    ((None, None, 0.6), (6, 3, 6), (4, 1))
    """
    tp: float
    fp: float
    fn: float
    n: float
    right: float
    tp = fp = fn = n = right = 0
    choices = []
    for k, held in enumerate(folds):
        t = choose_threshold(pool([f for j, f in enumerate(folds) if j != k]), floor, rule)
        choices.append(t)
        row = held[OFF if t is None else t]
        tp, fp, fn = tp + row[0], fp + row[1], fn + row[2]
        got = added(held, t)
        n, right = n + got[0], right + got[1]
    return HeldOut(tuple(choices), tp, fp, fn, n, right)


def higher(rows: Rows, t: float) -> list[tuple[float, float]]:
    """(links, right links) added at every threshold above ``t`` that adds at least TRUST_MIN_PREDICTIONS.

    >>> higher({0.5: (9, 3, 0), 0.6: (8, 2, 0), 0.7: (5, 0, 0), OFF: (3, 0, 0)}, 0.5)
    [(7, 5)]
    """
    return [a for a in (added(rows, x) for x in sorted(rows) if x != OFF and x > t) if a[0] >= TRUST_MIN_PREDICTIONS]


def _enough(rows: Rows, t: float, floor: float) -> bool:
    n, right = added(rows, t)
    return n >= TRUST_MIN_PREDICTIONS and right >= floor * n


def at_t(rows: Rows, t: float, floor: float) -> bool:
    """Only the links added at ``t`` itself: at least ``floor`` precise over TRUST_MIN_PREDICTIONS or more.

    >>> at_t({0.6: (53, 12, 0), 0.7: (48, 11, 0), OFF: (39, 6, 0)}, 0.6, 0.7)
    True
    """
    return _enough(rows, t, floor)


def strict(rows: Rows, t: float, floor: float) -> bool:
    """:func:`steady` without slack: every higher threshold adding enough links reaches ``floor`` (the rule
    until December 2026).

    >>> rows = {0.6: (186, 27, 0), 0.7: (177, 24, 0), 0.8: (170, 20, 0), OFF: (139, 7, 0)}
    >>> strict(rows, 0.6, 0.7), steady(rows, 0.6, 0.7)
    (False, True)
    """
    return steady(rows, t, floor, slack=0)


def binomial_cdf(r: int, n: int, p: float) -> float:
    """P(X <= r) for X ~ Binomial(n, p).

    >>> round(binomial_cdf(6, 11, 0.7), 3)
    0.21
    """
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(r + 1))


def not_below(rows: Rows, t: float, floor: float, alpha: float = 0.1) -> bool:
    """At least ``floor`` precise at ``t``; a higher threshold fails it only when a one-sided binomial test
    says its links are below ``floor`` (P(X <= right | links, floor) < ``alpha``).

    >>> not_below({0.6: (53, 12, 0), 0.7: (48, 11, 0), OFF: (39, 6, 0)}, 0.6, 0.7)
    True
    >>> not_below({0.6: (60, 10, 0), 0.7: (41, 10, 0), OFF: (39, 6, 0)}, 0.6, 0.7)
    False
    """
    return _enough(rows, t, floor) and all(binomial_cdf(round(r), round(k), floor) >= alpha for k, r in higher(rows, t))


def mean_above(rows: Rows, t: float, floor: float) -> bool:
    """At least ``floor`` precise at ``t``, and so is the mean precision of the added links at ``t`` and every
    higher threshold adding TRUST_MIN_PREDICTIONS or more (one dip below the bar is averaged out).

    >>> rows = {0.6: (186, 27, 0), 0.7: (177, 24, 0), 0.8: (170, 20, 0), OFF: (139, 7, 0)}
    >>> mean_above(rows, 0.6, 0.7), mean_above({**rows, 0.9: (160, 14, 0)}, 0.6, 0.7)
    (False, True)
    """
    if not _enough(rows, t, floor):
        return False
    ps = [r / k for k, r in [added(rows, t), *higher(rows, t)]]
    return sum(ps) / len(ps) >= floor


def wilson_bound(rows: Rows, t: float, floor: float, z: float = 1.2816) -> bool:
    """The one-sided 90 % Wilson lower bound of the added links' precision at ``t`` reaches ``floor``.

    >>> wilson_bound({0.6: (186, 27, 0), OFF: (139, 7, 0)}, 0.6, 0.7)
    False
    """
    n, right = added(rows, t)
    if n < TRUST_MIN_PREDICTIONS:
        return False
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n) >= floor


RULES: dict[str, Rule] = {"strict": strict, "steady": steady, "at_t": at_t, "not_below": not_below,
                          "mean_above": mean_above, "wilson_bound": wilson_bound}


def fold_bootstrap(folds: Sequence[Rows], floor: float, rule: Rule) -> HeldOut:
    """Every draw of ``len(folds)`` folds with replacement (all of them, in order: no randomness): the rule
    chooses on the drawn folds' pooled counts, and the folds not drawn are scored at its choice.

    Unlike :func:`cross_choose`, the pools vary in how near the bar they fall, so rules that differ only at
    the bar make different choices on some draws. ``choices`` is empty (there are ``n ** n`` of them).

    >>> a = {0.6: (5, 1, 0), OFF: (2, 0, 3)}
    >>> b = {0.6: (2, 3, 0), OFF: (1, 0, 1)}
    >>> r = fold_bootstrap([a, b], 0.7, steady)   # draws aa (a chosen, b scored at 0.6), ab, ba (none out), bb
    >>> (r.tp, r.fp, r.fn), (r.added, r.added_right)
    ((4, 3, 3), (4, 1))
    """
    import itertools

    tp: float
    fp: float
    fn: float
    n: float
    right: float
    tp = fp = fn = n = right = 0
    for draw in itertools.product(range(len(folds)), repeat=len(folds)):
        t = choose_threshold(pool([folds[j] for j in draw]), floor, rule)
        for k in sorted(set(range(len(folds))) - set(draw)):
            row = folds[k][OFF if t is None else t]
            tp, fp, fn = tp + row[0], fp + row[1], fn + row[2]
            got = added(folds[k], t)
            n, right = n + got[0], right + got[1]
    return HeldOut((), tp, fp, fn, n, right)
