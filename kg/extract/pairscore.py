"""The pair classifier (:mod:`kg.extract.relmodel`) over all the pairs of one sentence at once.

:func:`classify_pairs` gives, for each pair, what :func:`classify` gives for it
alone, in less time: the weight rows of all the pairs' features are summed in one numpy call
(:func:`probabilities`), each pair's in the order it would have been summed alone, so the
probabilities are the same floats.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Maria Lopez, a spokeswoman for Tenvar Industries, declined to comment.")
>>> a, b = (0, 2, "Person"), (7, 9, "Company")
>>> [label for label, _ in classify_pairs(toks, [(a, b), (b, a)], language="en")]
['works_for', None]
>>> classify(toks, b, a, language="en")[0] is None
True
>>> classify_pairs(toks, [(a, b)], language="en") == [classify(toks, a, b, language="en")]
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.extract import relmodel
from kg.extract.pairextra import (
    between_shape,
    both_ends,
    cue_with_pair,
    dist_class,
    pair_extras,
    pair_head,
    pair_near,
    word_end,
)
from kg.extract.relmodel import Model, Span
from kg.extract.relweights import probabilities
from kg.extract.text import Token

__all__ = ["classify", "classify_many", "classify_pairs"]

def classify_pairs(tokens: Sequence[Token], pairs: Sequence[tuple[Span, Span]], *, language: str,
                   models: str | None = None) -> list[tuple[str | None, float]]:
    """:func:`classify` of each pair ``(a, b)`` of spans of ``tokens`` (one
    sentence's): the relation from ``a`` to ``b`` (``None`` for none) and the model's probability
    for that answer. ``models``: a model folder (:func:`kg.extract.relmodel.load`)."""
    return classify_many([(tokens, pairs)], language=language, models=models)[0]


def classify_many(sentences: Sequence[tuple[Sequence[Token], Sequence[tuple[Span, Span]]]], *, language: str,
                  models: str | None = None) -> list[list[tuple[str | None, float]]]:
    """:func:`classify_pairs` of each ``(tokens, pairs)`` of several sentences (an article's), the
    same answers, with one :func:`probabilities` call for all of them (a pair gets the same floats in
    any batch; an article has about three sentences with pairs to ask).

    >>> from kg.extract.text import tokenize
    >>> one, two = tokenize("Maria Lopez works for Tenvar Inc."), tokenize("Tenvar Inc is based in Oslo.")
    >>> asks = [(one, [((0, 2, "Person"), (4, 6, "Company"))]), (two, [((0, 2, "Company"), (5, 6, "Place"))])]
    >>> classify_many(asks, language="en") == [classify_pairs(t, p, language="en") for t, p in asks]
    True
    """
    outs: list[list[tuple[str | None, float]]] = []
    todo: list[tuple[list[tuple[str | None, float]], int, tuple[str, ...]]] = []
    batch: list[list[int]] = []
    m: Model | None = None
    trusted: dict[str, float] | None = None
    for tokens, pairs in sentences:
        out: list[tuple[str | None, float]] = [(None, 1.0)] * len(pairs)
        outs.append(out)
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
            todo.append((out, k, fits))
            batch.append(_pair_rows(m, tokens, a, b, language))
    if m is None:
        return outs
    for (out, k, fits), p in zip(todo, probabilities(m, batch), strict=True):
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
    return outs


# The weight rows of the last sentence's shared feature lists (kg.extract.relmodel.feature_parts), by the
# list's id; each entry holds its list, so that the id cannot be reused while the entry stands. The entry
# is replaced whole when another sentence or model comes, and read once into a local (threads).
_SHARED: dict[str, tuple[Sequence[Token], Model, dict[int, tuple[list[str], list[int | None]]]]] = {}


class _Kind:
    """The weight rows of the own features (:func:`kg.extract.relmodel.feature_parts`) of one kind of pair
    (a language, the coarse types, the order) by what each part is made of: the strings of a part are made
    and looked up once per run, not once per pair (about 25 a pair). The keys are strings made once (the
    words of :func:`kg.extract.relmodel._word`, the cue features of a sentence) or numbers."""

    def __init__(self, get: Any, language: str, ta: str, tb: str, forward: bool) -> None:
        self.get, self.language, self.pair, self.o = get, language, f"{ta}>{tb}", "ab" if forward else "ba"
        self.head: dict[int, tuple[list[int | None], list[int | None]]] = {}  # by the gap
        self.near: dict[Any, list[int | None]] = {}  # by the words (up to 4) or their shape (up to 10)
        self.first: dict[str, list[int | None]] = {}
        self.last: dict[str, list[int | None]] = {}
        self.cues: dict[str, list[int | None]] = {}

    def rows(self, feats: list[str]) -> list[int | None]:
        return list(map(self.get, feats))


# The last model's kinds of pairs, with the rows of both end words together (any kind) and the number of
# entries: replaced whole for another model, and emptied when it grows large (bounded memory in long runs).
_OWN: dict[str, tuple[Model, dict[tuple[str, str, str, bool], _Kind], dict[tuple[str, str], int | None],
                      list[int]]] = {}


def _pair_rows(m: Model, tokens: Sequence[Token], a: Span, b: Span, language: str) -> list[int]:
    """``rows(m, relmodel.features(tokens, a, b, ...))``, the same rows in the same order, without
    looking up again the features a pair shares with the other pairs of its sentence, nor making the
    strings of its own features whose makings another pair had (:class:`_Kind`)."""
    ta, tb, forward, gap, (between, words, around, cued), roles = relmodel.pair_reading(
        tokens, a, b, language=language, model=m)
    get = m.vocab.get
    if gap < 0:  # overlapping spans (rare): the strings themselves
        return _first(list(map(get, relmodel.feature_parts(tokens, a, b, language=language, model=m)[0])))
    own = _OWN.get("last")
    if own is None or own[0] is not m or own[3][0] > 1 << 17:
        own = _OWN["last"] = (m, {}, {}, [0])
    kind = own[1].get((language, ta, tb, forward))
    if kind is None:
        kind = own[1][language, ta, tb, forward] = _Kind(get, language, ta, tb, forward)
    pair, o = kind.pair, kind.o
    head = kind.head.get(gap)
    if head is None:
        dist = dist_class(gap)
        head = kind.head[gap] = (kind.rows(pair_head(language, pair, o, dist)),
                                 kind.rows(pair_extras(pair, o, dist, language, ())))
        own[3][0] += 1
    ids = head[0].copy()
    # pair_words, in its order: the words as a whole (all of them up to 4, a tuple; their shape up to 10,
    # a string; nothing beyond), the first and last word's features in turn, both together
    shape = ""
    near_key: Any = tuple(words) if gap <= 4 else between_shape(between) if gap <= 10 else None
    if near_key is not None:
        if gap > 4:
            shape = near_key
        near = kind.near.get(near_key)
        if near is None:
            near = kind.near[near_key] = kind.rows(pair_near(pair, o, gap, words, shape))
            own[3][0] += 1
        ids += near
    if words:
        w0, wl = words[0], words[-1]
        first = kind.first.get(w0)
        if first is None:
            first = kind.first[w0] = kind.rows(word_end("f", pair, o, w0))
            own[3][0] += 1
        last = kind.last.get(wl)
        if last is None:
            last = kind.last[wl] = kind.rows(word_end("l", pair, o, wl))
            own[3][0] += 1
        ids += (first[0], last[0], first[1], last[1], first[2], last[2])
        if gap > 1:
            both = own[2].get((w0, wl), _NONE)
            if both is _NONE:
                both = own[2][w0, wl] = get(both_ends(w0, wl))
                own[3][0] += 1
            ids.append(both)  # type: ignore[arg-type]  # not _NONE
    ids += head[1]
    for c in cued:
        got = kind.cues.get(c)
        if got is None:
            got = kind.cues[c] = kind.rows(cue_with_pair(pair, o, c))
            own[3][0] += 1
        ids += got
    last_s = _SHARED.get("last")
    if last_s is None or last_s[0] is not tokens or last_s[1] is not m:
        last_s = _SHARED["last"] = (tokens, m, {})
    known = last_s[2]
    for p in (around, *roles, cued):
        shared = known.get(id(p))
        if shared is None or shared[0] is not p:
            shared = known[id(p)] = (p, list(map(get, p)))
        ids += shared[1]
    return _first(ids)


_NONE = object()


def _first(ids: list[int | None]) -> list[int]:
    """The rows' first occurrences, as features() keeps the features': a known feature has one row, and
    one row one feature; dropping the unknown ones' None from the dict keeps the others' order
    (3.3 vs 4.0 us a pair for a filtering comprehension)."""
    first = dict.fromkeys(ids)
    first.pop(None, None)
    return list(first)  # type: ignore[arg-type]  # no None left


def classify(tokens: Sequence[Token], a: Span, b: Span, *, language: str,
             models: str | None = None) -> tuple[str | None, float]:
    """The relation from ``a`` to ``b`` (``None`` for none) and the model's probability for that answer.

    Only relation types whose subject and object types fit ``a`` and ``b`` can be
    returned; when none fits, the answer is ``(None, 1.0)`` without asking the model.
    ``models``: a model folder (:func:`kg.extract.relmodel.load`).
    """
    return classify_pairs(tokens, [(a, b)], language=language, models=models)[0]
