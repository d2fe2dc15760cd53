"""One line per gold relation the status readers get wrong, for reading the errors (``scripts/train_status.py
--dump``): where the rules read the relation, the construction that set their answer, and the three answers.

A status error is read from the place the rules read it at: the cue word of the relation (or the word the
cue-less reading falls back to), the clause around it and the parties. :func:`row` puts these side by side
with the gold status and the answers of the rules, the model (out of fold) and the combination.

>>> from kg.train.status import make_item
>>> it = make_item("d", "en", "Norvik denied it will buy Talon", (0, 6), (26, 31), "acquisition", "denied")
>>> r = row(it, "denied", ("asserted", 0.7), "denied")
>>> r["read_at"], r["clause"], r["marked"]
('buy', 'Norvik denied it will buy Talon', '[Norvik] denied it will buy {Talon}')
"""

from __future__ import annotations

from typing import Any

from kg.extract.lexicon import load_lexicon
from kg.extract.statusrules import NEGATION_ONLY, read_rules, rule_place
from kg.extract.text import Sentence

__all__ = ["marked", "row"]


def marked(s: Sentence, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The sentence's tokens with the first party in brackets and the second in braces.

    >>> from kg.extract.text import tokenize
    >>> toks = tuple(tokenize("Norvik buys Talon"))
    >>> marked(Sentence(0, 0, 17, "Norvik buys Talon", toks), (0, 1), (2, 3))
    '[Norvik] buys {Talon}'
    """
    out = []
    for k, t in enumerate(s.tokens):
        w = t.text
        if k == a[0]:
            w = "[" + w
        if k == b[0]:
            w = "{" + w
        if k == a[1] - 1:
            w += "]"
        if k == b[1] - 1:
            w += "}"
        out.append(w)
    return " ".join(out)


def row(it: Any, rule: str, model: tuple[str, float], combined: str) -> dict[str, Any]:
    """The facts of one relation ``it`` (a :class:`kg.train.status.Item`) and its readers' answers."""
    lex = load_lexicon(it.language)
    toks = it.sentence.tokens
    parties = (it.a, it.b)
    if it.relation in NEGATION_ONLY:
        place, lo, hi, built = it.anchor, it.lo, it.hi, ""
    else:
        place, lo, hi = rule_place(it.sentence, lex, it.hits, it.anchor, it.relation, it.lo, it.hi, parties)
        built = read_rules(it.sentence, lex, it.hits, it.anchor, it.relation, it.lo, it.hi, parties).construction
    cues = sorted({f"{o.cue.status}:{' '.join(t.text for t in toks[o.i:o.j])}@{o.i}" for o in it.hits
                   if o.cue.status})
    return {"doc": it.doc, "language": it.language, "relation": it.relation, "gold": it.label, "rule": rule,
            "model": model[0], "p": round(model[1], 3), "combined": combined,
            "cue_at": " ".join(t.text for t in toks[it.anchor[0]:it.anchor[1]]),
            "read_at": " ".join(t.text for t in toks[place[0]:place[1]]),
            "moved": place != it.anchor, "construction": built, "status_cues": cues,
            "clause": " ".join(t.text for t in toks[lo:hi]), "marked": marked(it.sentence, it.a, it.b)}
