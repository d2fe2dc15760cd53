"""Which relation types kg trusts its pair classifier for, and from which probability.

The per-type choice of :func:`kg.train.relations.pipeline_thresholds`: each fold's model is run through
kg's default engine on held-out units at every threshold of ``PIPELINE_THRESHOLDS`` and once with no
classifier links (``OFF``); :func:`choose_threshold` picks from those pooled counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from kg.extract import relmodel

TRUST_MIN_PREDICTIONS = 5  # fewer added links than this say nothing about their precision
# The trust table averages the held-out counts of this many partitions of the units into five folds
# (kg.train.relations.folds_of with seeds 0, 1, ...): docs/relations-model.md says why and how it was chosen.
TRUST_PARTITIONS = 3

PIPELINE_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# In the per-type table of pipeline_thresholds: the classifier gives no link at all (a threshold above 1).
OFF = 2.0


@contextlib.contextmanager
def shipping(model: relmodel.Model) -> Iterator[None]:
    """kg's extraction with ``model`` in place of the shipped relation model."""
    original = relmodel.load

    def load(name: str = relmodel.MODEL_FILE) -> relmodel.Model:
        return model if name == relmodel.MODEL_FILE else original(name)

    relmodel.load = load  # type: ignore[assignment]
    try:
        yield
    finally:
        relmodel.load = original


def pooled_f1(tp: float, fp: float, fn: float) -> float:
    """F1 of pooled counts, rounded as the model file stores it.

    >>> pooled_f1(3, 1, 2)
    0.6667
    """
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


Rows = dict[float, tuple[float, float, float]]  # counts; means over partitions are not whole
Rule = Callable[[Rows, float, float], bool]


def choose_threshold(rows: Rows, floor: float, rule: Rule | None = None) -> float | None:
    """The threshold of ``rows`` (threshold -> pooled out-of-fold (tp, fp, fn) of kg's default engine; ``OFF``:
    without the classifier's links of this type) with the best F1, among those whose links added to the rules'
    are at least ``floor`` precise over at least ``TRUST_MIN_PREDICTIONS``, and stay so at every higher
    threshold that still adds that many (``rule``, by default :func:`steady`); ``None`` when none beats ``OFF``.
    A tie goes to the higher threshold (fewer links for the same F1).

    >>> choose_threshold({0.3: (30, 20, 10), 0.5: (28, 8, 12), OFF: (10, 5, 30)}, 0.7)
    0.5
    >>> choose_threshold({0.3: (30, 20, 10), 0.5: (28, 8, 12), OFF: (10, 5, 30)}, 0.9) is None
    True

    Precise enough at 0.6 (14 of 20 added links right) but not above it (9 of 14 at 0.7, 6 of 11 at 0.8,
    almost two links under): a peak of noise.

    >>> choose_threshold({0.6: (53, 12, 109), 0.7: (48, 11, 114), 0.8: (45, 11, 117), OFF: (39, 6, 123)}, 0.7) is None
    True
    """
    tp0, fp0, fn0 = rows[OFF]
    best, best_f1 = None, pooled_f1(tp0, fp0, fn0)
    for t in sorted(x for x in rows if x != OFF):
        tp, fp, fn = rows[t]
        if (rule or steady)(rows, t, floor) and pooled_f1(tp, fp, fn) >= best_f1:
            best, best_f1 = t, pooled_f1(tp, fp, fn)
    return best


def steady(rows: Rows, t: float, floor: float, slack: int = 1) -> bool:
    """Whether the links the classifier adds to the rules' at threshold ``t`` (``rows`` as in
    :func:`choose_threshold`) are at least ``floor`` precise over at least ``TRUST_MIN_PREDICTIONS``, and those
    of every higher threshold that adds that many miss ``floor`` by less than ``slack`` links (one by default).

    A higher threshold keeps a subset of the links, the more probable ones. When that subset is clearly less
    precise than the whole, the classifier's probabilities do not rank this type's links, and the precision
    at ``t`` is one of several noisy estimates that happened to reach the bar (choosing among six thresholds
    favours such a peak). One link under the bar is no such sign but sampling noise: Indonesian works_for
    added 47 of 67 links right at 0.6 and 38 of 55 at 0.7 (0.691, 38.5 needed); with ``slack=0`` (the rule
    until December 2026) it was trusted only from 0.8 (31 of 44), at a lower out-of-fold F1 (0.771 against
    0.802) for no better precision. Chosen over other tolerances by cross-validating the choice itself
    (:mod:`kg.train.trustcv`, docs/relations-model.md).

    >>> rows = {0.6: (53, 12, 109), 0.7: (48, 11, 114), 0.8: (45, 11, 117), 0.9: (40, 6, 120), OFF: (39, 6, 123)}
    >>> steady(rows, 0.6, 0.7), steady(rows, 0.6, 0.6), steady(rows, 0.9, 0.7)
    (False, True, False)
    >>> wf = {0.6: (186, 27, 65), 0.7: (177, 24, 74), 0.8: (170, 20, 81), OFF: (139, 7, 112)}
    >>> steady(wf, 0.6, 0.7), steady(wf, 0.6, 0.7, slack=0)
    (True, False)
    """
    tp0, fp0, _ = rows[OFF]

    def added(x: float) -> tuple[float, float]:
        return rows[x][0] + rows[x][1] - tp0 - fp0, rows[x][0] - tp0

    n, right = added(t)
    if n < TRUST_MIN_PREDICTIONS or right < floor * n:
        return False
    return all(r + slack >= floor * k for k, r in (added(x) for x in rows if x != OFF and x > t)
               if k >= TRUST_MIN_PREDICTIONS)
