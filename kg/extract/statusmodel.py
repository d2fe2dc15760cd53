"""The status model's file format: multinomial logistic regressions read from JSON (no pickle, no
scikit-learn at run time).

Read by :mod:`kg.extract.status` (which re-exports :class:`Linear` and :class:`StatusModel`), written
by :mod:`kg.train.status`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from kg.errors import DataError
from kg.schema import STATUSES

__all__ = ["FORMAT", "Linear", "StatusModel"]

FORMAT = "kg-status/1"


class Linear:
    """One multinomial logistic regression: labels, feature vocabulary, weights, bias."""

    def __init__(self, data: dict[str, Any]) -> None:
        import numpy as np

        self.labels: tuple[str, ...] = tuple(data["labels"])
        names: list[str] = data["features"]
        self.vocab = {name: k for k, name in enumerate(names)}
        self.weights = np.asarray(data["weights"], dtype=np.float64).reshape(len(names), len(self.labels))
        self.bias = np.asarray(data["bias"], dtype=np.float64).reshape(len(self.labels))
        # what ndarray.sum calls, without its Python wrapper (the same sums)
        self._sum = np.add.reduce

    def scores(self, feats: Sequence[str]) -> list[float]:
        """Softmax probabilities of the labels (in ``labels`` order)."""
        idx = [k for k in map(self.vocab.get, feats) if k is not None]  # one lookup per feature
        # take(): the rows weights[idx] copies, without numpy's fancy-index parsing of a list (4 vs 13 us)
        z = (self._sum(self.weights.take(idx, axis=0)) + self.bias).tolist()
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]


class StatusModel:
    """The shipped status model: a factuality model, a status model, and which rule answers win."""

    def __init__(self, data: dict[str, Any], *, source: str) -> None:
        try:
            if data.get("format") != FORMAT:
                raise DataError(f"{source}: format {data.get('format')!r} is not {FORMAT!r}")
            self.fact = Linear(data["factuality"]) if data["factuality"] else None
            self.status = Linear(data["status"])
            # language -> status -> how sure the model must be to overrule the rules' answer (> 1: never)
            self.trust: dict[str, dict[str, float]] = {
                str(lang): {str(k): float(v) for k, v in t.items()} for lang, t in data["trust"].items()}
            self.meta: dict[str, Any] = data.get("training", {})
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{source}: malformed status model ({exc!r})") from None
        bad = set(self.status.labels) - set(STATUSES)
        if bad:
            raise DataError(f"{source}: labels {sorted(bad)} are not statuses")

    def trust_in_rules(self, language: str) -> dict[str, float]:
        """How sure the model must be to overrule each of the rules' answers in ``language``
        (a language the model was not trained for: never)."""
        got = self.trust.get(language)
        return got if got is not None else {st: 2.0 for st in STATUSES[1:]}
