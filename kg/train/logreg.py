"""L2 logistic regression over sparse 0/1 feature lists (scikit-learn, one BLAS thread).

Shared by the relation classifier (:mod:`kg.train.relations`) and the status model
(:mod:`kg.train.status`): the same data give the same weights, so the same model bytes.

>>> classes, vocab, w, b = fit([["a"], ["a"], ["b"], ["b"]], ["x", "x", "y", "y"], 1.0)
>>> classes, vocab
(['x', 'y'], ['a', 'b'])
>>> [round(p[1], 2) for p in probabilities([["a"], ["b"]], vocab, w, b)]
[0.34, 0.66]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

MIN_COUNT = 2  # features seen once in training get no weight (smaller model, same figures)


def vectorize(feats: Sequence[list[str]], index: dict[str, int]) -> Any:
    """A sparse 0/1 matrix of feature lists over a vocabulary (unknown features are dropped)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            k = index.get(f)
            if k is not None:
                rows.append(r)
                cols.append(k)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(index)))


def fit(feats: Sequence[list[str]], labels: Sequence[str], c: float,
        weights: Sequence[float] | None = None) -> tuple[list[str], list[str], Any, Any]:
    """(labels, vocabulary, weights [features x labels], bias) of an L2 logistic regression
    (``weights``: one sample weight per example)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for fs in feats for f in fs)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    x = vectorize(feats, {f: k for k, f in enumerate(vocab)})
    classes = sorted(set(labels))
    from threadpoolctl import threadpool_limits

    clf = LogisticRegression(C=c, max_iter=5000, tol=1e-5)
    # One BLAS thread: on a shared 2-core machine threads made each fit 15 times slower, and
    # single-threaded sums keep the weights (and so the model bytes) the same from run to run.
    with threadpool_limits(limits=1):
        clf.fit(x, labels, sample_weight=None if weights is None else np.asarray(weights, dtype=np.float64))
    assert list(clf.classes_) == classes
    w, b = clf.coef_.T, clf.intercept_
    if len(classes) == 2:  # scikit-learn keeps one column for two classes: make it a softmax pair
        w = np.hstack([-w / 2, w / 2])
        b = np.array([-b[0] / 2, b[0] / 2])
    return classes, vocab, w, b


def probabilities(feats: Sequence[list[str]], vocab: list[str], w: Any, b: Any) -> list[list[float]]:
    """Softmax probabilities (one row per feature list, columns in the order of the labels)."""
    import numpy as np

    z = vectorize(feats, {f: i for i, f in enumerate(vocab)}) @ w + b
    z = np.exp(z - z.max(axis=1, keepdims=True))
    out: list[list[float]] = (z / z.sum(axis=1, keepdims=True)).tolist()
    return out
