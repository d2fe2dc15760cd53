"""The CRF tagger's emission scores of all the sentences of an article at once.

:func:`emission_arrays` gives, for each sentence, the array :meth:`kg.extract.ner.Model.emission_array`
gives for it alone: the same floats, from one gather and one set of shifted additions over the
article's sentences laid end to end instead of a dozen small numpy calls per sentence (an article
has about six sentences; on Reuters the per-sentence calls were most of the emission cost).

Two rows of zeros separate the sentences (block 0 of the model's table, never used for a word, and
row 0 of its word-pair tables): what a neighbour beyond a sentence or a pair across two sentences
adds is ``0.0``, and ``x + 0.0 == x`` for every score (a score is never ``-0.0``: each starts from
``+0.0``), so each row gets the same sums in the same order as alone.

>>> from kg.extract.ner import tagger
>>> from kg.extract.text import tokenize
>>> m = tagger("en")
>>> sents = [tokenize(t) for t in ("Tenvar Inc said on Monday it bought Lumeo.", "Shares rose.", "OK",
...                                "SHARES OF TENVAR ROSE")]
>>> all((a == m.emission_array(s)).all() for a, s in zip(emission_arrays(m, sents), sents))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kg.extract.nerfeat import sentence_casing
from kg.extract.nerpairs import pair_ids
from kg.extract.text import Token

if TYPE_CHECKING:
    from kg.extract.ner import Model

__all__ = ["emission_arrays"]

_GAP = 2  # zero rows between sentences: the widest neighbour feature reaches two tokens away


def emission_arrays(model: Model, sentences: Sequence[Sequence[Token]]) -> list[Any]:
    """:meth:`~kg.extract.ner.Model.emission_array` of each of ``sentences`` (token lists), the same
    floats. Sentences in headline casing (title or upper case, whose features are made token by token),
    a lone sentence and an article longer than the model's cache are read one by one, as before."""
    from kg.extract.ner import _ROWS

    out: list[Any] = [None] * len(sentences)
    batch: list[tuple[int, list[str], Sequence[Token]]] = []
    for k, tokens in enumerate(sentences):
        read = sentence_casing(tokens, model.res)
        texts, casing = read
        if texts and casing == "as written":
            batch.append((k, texts, tokens))
        else:
            out[k] = model.emission_array(tokens, read)  # the casing read once
    size = sum(len(t) for _, t, _ in batch)
    if len(batch) < 2 or size > _ROWS:  # one sentence (a headline's article) gains nothing from the gaps
        for k, texts, tokens in batch:
            out[k] = model.emission_array(tokens, (texts, "as written"))
        return out
    _emit_all(model, batch, size, out)
    return out


def _emit_all(model: Model, batch: list[tuple[int, list[str], Sequence[Token]]], size: int,
              out: list[Any]) -> None:
    """Fill ``out[k]`` with the emission rows of each sentence ``(k, texts, tokens)`` of ``batch``
    (``size`` tokens in all, each sentence in "as written" casing)."""
    from kg.extract.ner import _ROWS, window_sums

    if model._used + size > _ROWS:
        model._vec.clear()  # a full cache starts again (bounded memory); never within the article
        model._used = 0
    get, make = model._vec.get, model._block
    pad = [0] * _GAP
    ids: list[int] = list(pad)
    where: list[tuple[int, int, int, list[str], Sequence[Token]]] = []  # (k, first row, length, texts, tokens)
    for k, texts, tokens in batch:
        where.append((k, len(ids), len(texts), texts, tokens))
        ids += [get(t) or make(t) for t in texts]
        ids += pad
    g = model._table.take(ids, axis=0)  # one gather (after _block may have grown the table); ndarray[list]'s copy
    emit = window_sums(g)
    get_w, res = model.weights.get, model.res
    _add_weights(emit, [(i, f) for _, o, n, _, _ in where for i, f in ((o, "BOS"), (o + n - 1, "EOS"))], get_w)
    # each row's pair with the word after it (0: none, the last word of a sentence and the gaps)
    _, after, before = model._pair_table()
    pairs = [0] * len(ids)
    for _, o, n, texts, tokens in where:
        pairs[o : o + n - 1] = pair_ids(model, tokens, texts)
    emit[1:] += before.take(pairs[:-1], axis=0)
    emit[:-1] += after.take(pairs[:-1], axis=0)
    _add_weights(emit, [(o + i, f) for _, o, _, texts, _ in where for i, f in res.context_marks(texts)], get_w)
    for k, o, n, _, _ in where:
        out[k] = emit[o : o + n]


def _add_weights(emit: Any, features: Sequence[tuple[int, str]], get_w: Any) -> None:
    """``emit[i, k] += w`` for each weight ``(k, w)`` of each ``(i, feature)`` of ``features``, in this
    order, the sums made on a list of each row the features touch (read once, written back once): the
    same floats (a Python float's addition is float64's) without two numpy scalar accesses a weight
    (an article has about 290 such weights)."""
    rows: dict[int, list[float]] = {}
    for i, f in features:
        ws = get_w(f)
        if ws:
            row = rows.get(i)
            if row is None:
                row = rows[i] = emit[i].tolist()
            for k, w in ws:
                row[k] += w
    for i, row in rows.items():
        emit[i] = row
