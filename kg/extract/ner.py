"""A statistical named-entity recogniser: a linear-chain CRF over kg's own tokens.

The model is trained by ``scripts/train_ner.py`` on the idner-news-2k and CoNLL04
training sentences and shipped as ``ontology/models/ner.crfsuite`` (see
``ontology/models/README.md`` for data, licences and the command that rebuilds
it; ``docs/ner.md`` for method and figures). One model serves both languages:
the language is a feature of every token.

Tokens are those of :func:`kg.extract.text.tokenize`, so the spans line up with
the rule engine's. Features use only the token texts (never the whitespace
between them): the training sentences are pre-tokenised with spaces around
punctuation, real articles are not.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Presiden Joko Widodo meresmikan bandara baru di Kulon Progo, Yogyakarta.")
>>> [(" ".join(t.text for t in toks[i:j]), k) for i, j, k in tag(toks, language="id")]
[('Joko Widodo', 'Person'), ('Kulon Progo', 'Place'), ('Yogyakarta', 'Place')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.extract.text import Token
from kg.resources import ontology_dir

__all__ = [
    "MODEL_FILE",
    "TYPES",
    "align",
    "bio_to_spans",
    "features",
    "model_path",
    "spans_to_bio",
    "tag",
]

MODEL_FILE = "ner.crfsuite"
TYPES = ("Organization", "Person", "Place")

_SHAPE = re.compile(r"(.)\1+")


def model_path() -> Path:
    """Where the shipped model lives.

    >>> model_path().name
    'ner.crfsuite'
    """
    return ontology_dir() / "models" / MODEL_FILE


@functools.cache
def _tagger() -> Any:
    import pycrfsuite

    path = model_path()
    if not path.is_file():
        raise DataError(
            f"the named-entity model {path} is missing; rebuild it with "
            "`python scripts/train_ner.py` (see ontology/models/README.md)"
        )
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as e:
        raise DataError(f"the named-entity model {path} cannot be read: {e}") from e
    return tagger


@functools.lru_cache(maxsize=65536)
def _word(text: str) -> tuple[str, ...]:
    """Features of one token text on its own, cached: news repeats words a lot.

    Index 0 is the lowercased word and 1 the short shape; the neighbour features reuse them.
    """
    low = text.lower()
    shape = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in text)
    short = _SHAPE.sub(r"\1", shape)
    out = [low, short, "s=" + shape[:8], "p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
    if text[0].isupper():
        out.append("cap")
        if len(text) > 1 and text.isupper():
            out.append("upper")
        elif text.istitle():
            out.append("title")
    if any(c.isdigit() for c in text):
        out.append("digit")
    if len(text) == 1 and not text.isalnum():
        out.append("punct")
    out.append("len=" + str(min(len(text), 6)))
    return tuple(out)


def _title_case(tokens: Sequence[Token]) -> bool:
    """Headline style: most words capitalised, so capitals say little about names."""
    words = [t.text for t in tokens[1:] if t.text[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def features(tokens: Sequence[Token], *, language: str) -> list[list[str]]:
    """The CRF features of each token of one sentence.

    >>> from kg.extract.text import tokenize
    >>> f = features(tokenize("Kata Anis di Samarinda"), language="id")
    >>> [x for x in f[1] if x.startswith(("w=", "-1w=", "+1w="))]
    ['w=anis', '-1w=kata', '+1w=di']
    >>> "lang=id" in f[0] and "BOS" in f[0] and "EOS" in f[-1]
    True
    """
    words = [_word(t.text) for t in tokens]
    n = len(words)
    head = ["bias", "lang=" + language]
    if _title_case(tokens):
        head.append("titlecase")
    out: list[list[str]] = []
    for i, w in enumerate(words):
        f = [*head, "w=" + w[0], "sh=" + w[1], *w[2:]]
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            k = i + d
            if 0 <= k < n:
                nb = words[k]
                f.append(f"{d:+d}w={nb[0]}")
                f.append(f"{d:+d}sh={nb[1]}")
        if i > 0:
            f.append(f"-1w|w={words[i - 1][0]}|{w[0]}")
        if i + 1 < n:
            f.append(f"w|+1w={w[0]}|{words[i + 1][0]}")
        out.append(f)
    return out


def tag(tokens: Sequence[Token], *, language: str) -> list[tuple[int, int, str]]:
    """Entity spans of one sentence: ``(first token, one past the last token, type)``.

    Types are ``Person``, ``Organization`` and ``Place``; the model's ``Other``
    (dates, numbers, titles in CoNLL04) is dropped.

    >>> from kg.extract.text import tokenize
    >>> tag(tokenize("Ford Motor Co. said in Detroit that Alan Mulally will retire."), language="en")
    [(0, 4, 'Organization'), (7, 8, 'Place'), (9, 11, 'Person')]
    >>> tag([], language="en")
    []
    """
    if not tokens:
        return []
    labels = _tagger().tag(features(tokens, language=language))
    return [s for s in bio_to_spans(labels) if s[2] in TYPES]


def bio_to_spans(labels: Iterable[str]) -> list[tuple[int, int, str]]:
    """Spans of a BIO label sequence; an ``I-`` without its ``B-`` starts a span.

    >>> bio_to_spans(["B-Person", "I-Person", "O", "I-Place", "B-Place", "B-Organization"])
    [(0, 2, 'Person'), (3, 4, 'Place'), (4, 5, 'Place'), (5, 6, 'Organization')]
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        pre, _, typ = lab.partition("-")
        if start >= 0 and (pre != "I" or typ != kind):
            spans.append((start, i, kind))
            start = -1
        if pre == "B" or (pre == "I" and start < 0):
            start, kind = i, typ
    return spans


def spans_to_bio(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``n`` tokens from non-overlapping spans.

    >>> spans_to_bio(4, [(1, 3, "Person")])
    ['O', 'B-Person', 'I-Person', 'O']
    """
    labels = ["O"] * n
    for i, j, typ in spans:
        labels[i] = "B-" + typ
        for k in range(i + 1, j):
            labels[k] = "I-" + typ
    return labels


def align(
    tokens: Sequence[Token], mentions: Iterable[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, str]], int, int]:
    """Character mentions ``(start, end, type)`` as token spans.

    Returns the spans, the number of mentions whose ends fall inside a token
    (snapped outwards to whole tokens) and the number dropped (no token, or
    overlapping a longer mention, which wins).

    >>> from kg.extract.text import tokenize
    >>> text = "Bank Mandiri-BNI di Jakarta"
    >>> align(tokenize(text), [(0, 12, "Organization"), (20, 27, "Place"), (17, 27, "Place")])
    ([(0, 2, 'Organization'), (2, 4, 'Place')], 1, 1)
    """
    snapped = dropped = 0
    cands = []
    for start, end, typ in mentions:
        idx = [k for k, t in enumerate(tokens) if t.end > start and t.start < end]
        if not idx:
            dropped += 1
            continue
        i, j = idx[0], idx[-1] + 1
        if tokens[i].start != start or tokens[j - 1].end != end:
            snapped += 1
        cands.append((i, j, typ))
    taken = [False] * len(tokens)
    spans = []
    for i, j, typ in sorted(cands, key=lambda s: (s[0] - s[1], s[0], s[2])):
        if any(taken[i:j]):
            dropped += 1
            continue
        taken[i:j] = [True] * (j - i)
        spans.append((i, j, typ))
    return sorted(spans), snapped, dropped
