"""Status on gold pairs: kg's status reader alone, with the relation and its parties taken from the gold.

Relation F1 with status mixes three errors (a party not found, the relation not found, the status
misread); the status on gold pairs isolates the last: for every required gold relation whose two
parties can be found together in a sentence of the text (their mention offsets, else their label or
an alias as a whole word), the status kg's reader gives that relation there
(:func:`kg.extract.classified.pair_status`: the rules' cues, and the status model unless the engine
is the rules engine), against the gold status. ``kg eval`` reports its accuracy, the recall of each
status and the confusion matrix.

>>> from kg.evaluate.gold import parse_doc
>>> doc = parse_doc({"doc_id": "d", "language": "en",
...     "text": "Xiaomi denied reports that it will buy Ford Motor. Ford Motor sold nothing.",
...     "entities": [{"label": "Xiaomi", "type": "Company"}, {"label": "Ford Motor", "type": "Company"}],
...     "relations": [{"subject": "Xiaomi", "type": "acquisition", "object": "Ford Motor", "status": "denied"}]})
>>> gold_pair_statuses(doc, doc.text, "en", learned=False)
(('denied', 'denied'),)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from kg.evaluate.gold import GoldDoc, GoldEntity
from kg.schema import STATUSES, strongest_status

__all__ = ["gold_pair_statuses", "summary"]


def _spans(e: GoldEntity, text: str) -> list[tuple[int, int]]:
    """Where the gold entity stands: its mention offsets, else every whole-word occurrence of its
    label or an alias (case-sensitive first, then in any case)."""
    if e.mentions:
        return list(e.mentions)
    forms = sorted({e.label, *e.aliases}, key=len, reverse=True)
    for flags in (0, re.IGNORECASE):
        found = [(m.start(), m.end()) for f in forms
                 for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", text, flags)]
        if found:
            return found
    return []


def gold_pair_statuses(doc: GoldDoc, text: str, language: str, *, learned: bool = True,
                       models: str | None = None) -> tuple[tuple[str, str], ...]:
    """(gold status, status kg reads) for every required gold relation whose parties stand together in
    a sentence of ``text``: read at the closest two mentions of each such sentence, and the strongest
    of those statuses taken (as extraction joins one relation read in several sentences); relations
    whose parties never share a sentence are left out."""
    from kg.extract.classified import pair_status
    from kg.extract.cueparties import find_cues
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences, token_span

    lex = load_lexicon(language)
    sentences = split_sentences(text, [(0, len(text))], lex)
    hits: dict[int, Any] = {}
    out = []
    for r in doc.relations:
        a, b = doc.entity(r.subject), doc.entity(r.object)
        if a is None or b is None:
            continue
        # the closest two mentions in each sentence that has both parties
        best: dict[int, tuple[int, tuple[int, int], tuple[int, int]]] = {}
        for sa in _spans(a, text):
            for sb in _spans(b, text):
                for k, s in enumerate(sentences):
                    if not (s.start <= min(sa[0], sb[0]) and max(sa[1], sb[1]) <= s.end):
                        continue
                    ta, tb = token_span(s.tokens, *sa), token_span(s.tokens, *sb)
                    if ta is None or tb is None or (ta[0] < tb[1] and tb[0] < ta[1]):
                        continue
                    gap = max(ta[0], tb[0]) - min(ta[1], tb[1])
                    if k not in best or gap < best[k][0]:
                        best[k] = (gap, ta, tb)
        if not best:
            continue
        read = []
        for k, (_, ta, tb) in sorted(best.items()):
            if k not in hits:
                hits[k] = find_cues(sentences[k], lex)
            read.append(pair_status(sentences[k], lex, hits[k], r.type, ta, tb, models=models, learned=learned))
        out.append((r.status, strongest_status(read)))
    return tuple(out)


def summary(pairs: Iterable[tuple[str, str]], total: int) -> dict[str, Any]:
    """Accuracy, recall by gold status and the confusion matrix (gold -> read -> count) of the pairs
    read; ``total`` is the number of required gold relations (the rest had no sentence with both parties).

    >>> summary([("denied", "denied"), ("denied", "asserted"), ("asserted", "asserted")], 4)["recall"]
    {'asserted': 1.0, 'denied': 0.5}
    """
    counts = Counter(pairs)
    n = sum(counts.values())
    conf = {g: {p: counts[g, p] for p in STATUSES if counts[g, p]} for g in STATUSES
            if any(counts[g, p] for p in STATUSES)}
    return {"read": n, "relations": total,
            "accuracy": round(sum(counts[g, g] for g in STATUSES) / n, 4) if n else None,
            "recall": {g: round(row.get(g, 0) / sum(row.values()), 4) for g, row in conf.items()},
            "confusion": conf}
