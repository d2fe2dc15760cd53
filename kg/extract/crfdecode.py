"""Decoding a linear-chain CRF over its emission scores: the best labels of each sentence (Viterbi) and
each token's label probabilities (forward-backward). Plain numpy over the model's transition matrix, so
tagging needs no CRF library (:class:`kg.extract.ner.Model` holds the weights and calls these).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any


def viterbi_many(
    trans_to: Any, labels: Sequence[str], sentences: Sequence[Sequence[Sequence[float]]]
) -> list[list[str]]:
    """The best label of each token of each sentence, given each sentence's emission rows and
    ``trans_to[c, p]`` (the score of moving from label ``p`` to label ``c``), decoded side by side:
    one numpy step per token of the longest sentence, not per token of them all.

    >>> import numpy as np
    >>> viterbi_many(np.zeros((2, 2)), ("O", "B"), [[[0.0, 1.0], [2.0, 0.0]], [], [[0.0, -1.0]]])
    [['B', 'O'], [], ['O']]
    """
    # The same sums and maxima per sentence as plain Python (so the same labels, first maximum on
    # ties); side by side, an article's sentences cost about a third of one at a time.
    import numpy as np

    lens = [len(r) for r in sentences]
    if not lens:
        return []
    if not all(lens):
        done = iter(viterbi_many(trans_to, labels, [r for r in sentences if len(r)]) if any(lens) else [])
        return [next(done) if len(r) else [] for r in sentences]
    top, many = max(lens), len(sentences)
    emit = np.zeros((top, many, len(labels)))  # emit[t, s]: token t of sentence s
    for k, r in enumerate(sentences):
        emit[: len(r), k] = r
    size = len(labels)
    # Each step's numpy calls work on whole contiguous arrays of this article's shape, set up here: a
    # broadcasting add and a reduction over rows of nine labels cost 5 and 9 us a step for their
    # set-up alone, the plain calls below 1 to 2 us each. The same additions and comparisons of the
    # same floats in the same order: the same sums, maxima and labels.
    trans = np.ascontiguousarray(np.broadcast_to(trans_to[None], (many, size, size)))  # trans[s, c, p]
    # one buffer for the running scores, written in place each step, and its flat view made once
    score = emit[0].copy()
    flat_score = score.reshape(-1)
    # spread[s, c, p] = score[s, p] for every label c: taken from flat_score at to_spread
    spread = np.empty((many, size, size))
    flat_spread = spread.reshape(-1)
    to_spread, start = _layout(many, size)
    # the scores of each sentence's last token, kept as the steps reach them (not every step's)
    last = np.empty((many, size))
    ending: dict[int, list[int]] = {}
    for k, n in enumerate(lens):
        ending.setdefault(n - 1, []).append(k)
    for k in ending.get(0, ()):
        last[k] = score[k]
    back = np.empty((top, many, size), dtype=np.intp)  # back[t, s, c]: best label before c
    flat_back = back.reshape(top, -1)
    cand = np.empty((many, size, size))
    flat_cand = cand.reshape(-1)
    # the maximum of each cand[s, c] is the element its argmax picks: read from cand laid flat at
    # start[s, c] + argmax (take with mode="clip": the indices are in range, "raise" costs a checked copy)
    at = np.empty(many * size, dtype=np.intp)
    add = np.add
    for t, (row, step, flat_step) in enumerate(zip(emit[1:], back[1:], flat_back[1:], strict=True), 1):
        flat_score.take(to_spread, out=flat_spread, mode="clip")
        add(spread, trans, out=cand)  # cand[s, c, p]: from label p to label c
        cand.argmax(axis=2, out=step)
        add(start, flat_step, out=at)
        flat_cand.take(at, out=flat_score, mode="clip")
        add(score, row, out=score)
        at_end = ending.get(t)
        if at_end is not None:
            for k in at_end:  # row by row: an index list would cost 13 us a step (numpy's fancy indexing)
                last[k] = score[k]
    ends = last.argmax(axis=1).tolist()
    out = []
    for k, n in enumerate(lens):
        c = ends[k]
        path = [c]
        steps = back[n - 1 : 0 : -1, k].tolist()  # this sentence's back pointers, last token first
        for step in steps:
            c = step[c]
            path.append(c)
        out.append([labels[c] for c in reversed(path)])
    return out


@functools.lru_cache(maxsize=64)
def _layout(many: int, size: int) -> tuple[Any, Any]:
    """:func:`viterbi_many`'s flat indices for ``many`` sentences and ``size`` labels (read-only, made
    once per shape): where ``spread[s, c, p]`` reads ``score[s, p]`` (``s * size + p``), and where each
    row ``cand[s, c]`` starts (``(s * size + c) * size``).

    >>> [a.tolist() for a in _layout(1, 2)]
    [[0, 1, 0, 1], [0, 2]]
    """
    import numpy as np

    to_spread = (np.tile(np.arange(size, dtype=np.intp), many * size)
                 + np.repeat(np.arange(many, dtype=np.intp) * size, size * size))
    start = np.arange(many * size, dtype=np.intp) * size
    to_spread.flags.writeable = start.flags.writeable = False
    return to_spread, start


def marginals(rows: Sequence[Sequence[float]], exp_trans: Any) -> Any:
    """Each token's probability of each label, an array of shape (tokens, labels), from the sentence's
    emission rows and ``exp_trans[p, c]`` (the exponentiated score of moving from label ``p`` to ``c``),
    scaled per token in probability space (one matrix product a step).

    >>> import numpy as np
    >>> marginals([[0.0, 0.0]], np.ones((2, 2))).tolist()
    [[0.5, 0.5]]
    """
    import numpy as np

    emit = np.array(rows)
    emit = np.exp(emit - emit.max(axis=1, keepdims=True))
    total = np.add.reduce  # what ndarray.sum calls, without its Python wrapper (the same sums)
    n = len(emit)
    alpha = np.empty_like(emit)
    beta = np.ones_like(emit)
    a = emit[0]
    alpha[0] = a / total(a)
    for t in range(1, n):
        a = (alpha[t - 1] @ exp_trans) * emit[t]
        alpha[t] = a / total(a)
    for t in range(n - 2, -1, -1):
        b = exp_trans @ (emit[t + 1] * beta[t + 1])
        beta[t] = b / total(b)
    post = alpha * beta
    return post / post.sum(axis=1, keepdims=True)

