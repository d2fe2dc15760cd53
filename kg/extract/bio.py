"""BIO labels and spans: the conversions the name taggers (:mod:`kg.extract.ner`) and their training share.

>>> spans_to_bio(3, bio_to_spans(["B-Person", "I-Person", "O"]))
['B-Person', 'I-Person', 'O']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.extract.text import Token

__all__ = ["align", "bio_to_spans", "spans_to_bio"]


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
    >>> text = "Bank Mandiri-Syariah di Jakarta"
    >>> align(tokenize(text), [(0, 12, "Organization"), (24, 31, "Place"), (21, 31, "Place")])
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
