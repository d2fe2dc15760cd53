"""True/false positive counts and the precision, recall and F1 they give, per type and macro-averaged.

>>> (Counts(tp=3, fp=1) + Counts(fn=1)).to_json()
{'precision': 0.75, 'recall': 0.75, 'f1': 0.75, 'tp': 3, 'fp': 1, 'fn': 1}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Counts", "macro"]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, and what they give.

    ``precision``, ``recall`` and ``f1`` are ``None`` when there is nothing to
    score (all three counts zero); a zero denominator otherwise gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def macro(counts: Iterable[Counts]) -> dict[str, Any]:
    """Unweighted means of precision, recall and F1 over the types that have anything to score.

    >>> macro([Counts(tp=9, fn=1), Counts(fp=1, fn=1)])
    {'precision': 0.5, 'recall': 0.45, 'f1': 0.4737, 'types': 2}
    """
    scored = [c for c in counts if not c.empty]
    if not scored:
        return {"precision": None, "recall": None, "f1": None, "types": 0}

    def mean(values: list[float | None]) -> float:
        return sum(v or 0.0 for v in values) / len(values)

    return {"precision": _round(mean([c.precision for c in scored])),
            "recall": _round(mean([c.recall for c in scored])),
            "f1": _round(mean([c.f1 for c in scored])), "types": len(scored)}
