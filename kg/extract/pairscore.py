"""The pair classifier (:mod:`kg.extract.relmodel`) over all the pairs of one sentence at once.

:func:`classify_pairs` gives, for each pair, what :func:`kg.extract.relmodel.classify` gives for it
alone, in less time: the weight rows of all the pairs' features are summed in one numpy call
(:func:`probabilities`), each pair's in the order it would have been summed alone, so the
probabilities are the same floats.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Maria Lopez, a spokeswoman for Tenvar Industries, declined to comment.")
>>> a, b = (0, 2, "Person"), (7, 9, "Company")
>>> [label for label, _ in classify_pairs(toks, [(a, b), (b, a)], language="en")]
['works_for', None]
>>> classify_pairs(toks, [(a, b)], language="en") == [relmodel.classify(toks, a, b, language="en")]
True
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from typing import Any

from kg.extract import relmodel
from kg.extract.relmodel import Model, Span
from kg.extract.text import Token

__all__ = ["classify_pairs", "probabilities", "rows"]

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
    idx = np.array(flat).reshape(len(rows), width)
    # numpy sums over axis 1 of a C-ordered gather one row after the other, as over axis 0 in scores
    out = []
    for z in (padded[idx].sum(axis=1) + model.bias).tolist():
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        out.append([v / total for v in e])
    return out


def classify_pairs(tokens: Sequence[Token], pairs: Sequence[tuple[Span, Span]], *, language: str,
                   models: str | None = None) -> list[tuple[str | None, float]]:
    """:func:`kg.extract.relmodel.classify` of each pair ``(a, b)`` of spans of ``tokens`` (one
    sentence's): the relation from ``a`` to ``b`` (``None`` for none) and the model's probability
    for that answer. ``models``: a model folder (:func:`kg.extract.relmodel.load`)."""
    out: list[tuple[str | None, float]] = [(None, 1.0)] * len(pairs)
    todo: list[tuple[int, tuple[str, ...]]] = []
    batch: list[list[int]] = []
    m: Model | None = None
    trusted: dict[str, float] | None = None
    for k, (a, b) in enumerate(pairs):
        relmodel._check(tokens, a, b, language)
        fits = relmodel.allowed(a[2], b[2])
        if not fits:
            continue
        if m is None:
            # load() itself without a folder: the shipped model is the one object tests and training
            # scripts patch
            m = relmodel.load() if models is None else relmodel.load(relmodel.MODEL_FILE, models)
            trusted = m.trusted_types(language)
        if trusted is not None and not any(f in trusted for f in fits):
            continue  # nothing the model may answer here: spare the features (most pairs in use)
        todo.append((k, fits))
        batch.append(rows(m, relmodel.features(tokens, a, b, language=language, model=m)))
    if m is None:
        return out
    for (k, fits), p in zip(todo, probabilities(m, batch), strict=True):
        best, best_p = None, 0.0
        for label, q in zip(m.labels, p, strict=True):
            if label in fits and q > best_p:
                best, best_p = label, q
        # The threshold was chosen by cross-validation on the training data; the mass of
        # relation types that cannot hold between these types counts as "none". A type whose
        # cross-validated precision in this language was too low is not answered at all.
        if (best is None or best_p < m.threshold
                or (trusted is not None and (best not in trusted or best_p < trusted[best]))):
            out[k] = (None, 1.0 - best_p)
        else:
            out[k] = (best, best_p)
    return out
