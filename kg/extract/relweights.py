"""The relation classifier's arithmetic: the weight rows of a pair's features and softmax
probabilities for many pairs at once, summed in each pair's own order so that a pair gets the same
floats in any batch as alone (:meth:`kg.extract.relmodel.Model.scores`, :mod:`kg.extract.pairscore`).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from typing import Any, Protocol

__all__ = ["probabilities", "rows"]


class Model(Protocol):
    """What these functions read of a :class:`kg.extract.relmodel.Model` (which imports them)."""

    vocab: dict[str, int]
    weights: Any  # numpy array: one row per feature, one column per label
    bias: Any


# Per model, its weight matrix with a row of zeros at the end: what a pair with fewer features than
# the longest of a batch adds for the missing ones (x + 0.0 == x, so the sums do not change).
_PADDED: weakref.WeakKeyDictionary[Model, Any] = weakref.WeakKeyDictionary()


def rows(model: Model, feats: Sequence[str]) -> list[int]:
    """The weight rows of ``feats`` (features the model never saw have none), as
    :meth:`kg.extract.relmodel.Model.scores` reads them."""
    return [k for k in map(model.vocab.get, feats) if k is not None]


def probabilities(model: Model, rows: Sequence[Sequence[int]]) -> list[list[float]]:
    """Softmax probabilities of ``model``'s labels (in ``labels`` order) for each of several pairs,
    given the weight rows of each pair's features (:func:`rows`). One numpy gather of all pairs' rows
    (padded with a row of zeros) summed over the rows axis: numpy adds them one after the other, in
    each pair's order, so a pair gets the same floats in any batch as alone.

    >>> from kg.extract import relmodel
    >>> m = relmodel.load()
    >>> both = probabilities(m, [[0, 5, 2], []])
    >>> both == probabilities(m, [[0, 5, 2]]) + probabilities(m, [[]]), round(sum(both[1]), 6)
    (True, 1.0)
    """
    import numpy as np

    if not rows:
        return []
    padded = _PADDED.get(model)
    if padded is None:
        padded = _PADDED[model] = np.vstack([model.weights, np.zeros((1, model.weights.shape[1]))])
    width, pad = max(1, *map(len, rows)), len(model.weights)
    flat: list[int] = []
    for r in rows:
        flat += r
        flat += [pad] * (width - len(r))
    # intp given (not inferred from the ints: half the time); take() is padded[idx]'s gather, faster
    idx = np.array(flat, dtype=np.intp).reshape(len(rows), width)
    # numpy sums over axis 1 of a C-ordered gather one row after the other, as over axis 0 in scores
    out = []
    for z in (np.add.reduce(padded.take(idx, axis=0), axis=1) + model.bias).tolist():  # ndarray.sum without its wrapper
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        out.append([v / total for v in e])
    return out
