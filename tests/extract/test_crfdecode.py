"""kg.extract.crfdecode.viterbi_many: an article's sentences decoded side by side, with each step's
maximum read at its argmax (a speed-up), give the labels plain Python's Viterbi gives, ties included."""

from __future__ import annotations

import random

import numpy as np

from kg.extract.crfdecode import viterbi_many


def _viterbi_python(trans_to: list[list[float]], labels: tuple[str, ...], rows: list[list[float]]) -> list[str]:
    """One sentence, plain Python: the same sums in the same order, the first maximum on ties."""
    n = len(labels)
    score = list(rows[0])
    back: list[list[int]] = []
    for row in rows[1:]:
        new, ptr = [], []
        for c in range(n):
            cand = [score[p] + trans_to[c][p] for p in range(n)]
            best = max(range(n), key=lambda p: (cand[p], -p))  # the first of the largest
            ptr.append(best)
            new.append(cand[best] + row[c])
        score, back = new, [*back, ptr]
    c = max(range(n), key=lambda k: (score[k], -k))
    path = [c]
    for ptr in reversed(back):
        c = ptr[c]
        path.append(c)
    return [labels[k] for k in reversed(path)]


def test_side_by_side_decoding_gives_each_sentence_plain_viterbi_labels() -> None:
    rng = random.Random(7)
    labels = ("B-Organization", "I-Organization", "O", "B-Place", "I-Place")
    for trial in range(300):
        ties = trial % 2 == 0  # small integers: many equal sums, where the first maximum must win
        draw = (lambda: float(rng.randint(-2, 2))) if ties else (lambda: rng.gauss(0.0, 3.0))
        trans = [[draw() for _ in labels] for _ in labels]
        sentences = [[[draw() for _ in labels] for _ in range(rng.choice([0, 1, 2, rng.randint(1, 30)]))]
                     for _ in range(rng.randint(1, 7))]
        want = [_viterbi_python(trans, labels, rows) if rows else [] for rows in sentences]
        assert viterbi_many(np.array(trans), labels, sentences) == want
        arrays = [np.array(rows).reshape(len(rows), len(labels)) for rows in sentences]
        assert viterbi_many(np.array(trans), labels, arrays) == want
