"""The status of a line of business or a seat read by a construction that sets none: read as a gold pair is.

Many constructions read an ``operates_in`` or ``based_in`` link without a status cue of their own ("Tenvar, a
shoe maker", "sold its shoe divisions", "the Lumeo computer systems division") and say it is asserted.
:func:`kg.extract.statusrules.fact_status` reads what the sentence says of such a fact: a negation before it
("does not make supercomputers": denied) or a sale or closure of the business ("sold its shoe divisions":
ended). :func:`fact_statuses` reads every asserted fact link of a sentence that way, where the status reader of
gold pairs reads it (:func:`kg.extract.status.anchor_of`), so that the link the pipeline builds has the status
the reader gives the same pair. English train, relation models out of fold (``scripts/eval_annotations.py``):
see docs/status.md.

>>> from kg.extract.cueparties import find_cues
>>> from kg.extract.found import Found
>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.mentions import Mention
>>> from kg.extract.text import Sentence, tokenize
>>> text = "Tenvar Inc said it sold its shoe divisions to Lumeo Corp"
>>> lex, toks = load_lexicon("en"), tuple(tokenize(text))
>>> s = Sentence(0, 0, len(text), text, toks)
>>> tenvar = Mention(0, 0, 2, 0, 10, "Tenvar Inc", "Company", "tenvar", "Tenvar Inc")
>>> shoe = Mention(0, 6, 7, 28, 32, "shoe", "Sector", "shoe", "shoe")
>>> [f.status for f in fact_statuses(s, lex, find_cues(s, lex), [Found("operates_in", tenvar, shoe, "asserted", s)])]
['ended']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.classified import status_at
from kg.extract.status import NEGATION_ONLY, anchor_of

if TYPE_CHECKING:
    from kg.extract.found import Found, Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

__all__ = ["fact_statuses"]


def fact_statuses(s: Sentence, lex: Lexicon, hits: Sequence[Hit], found: list[Found]) -> list[Found]:
    """``found`` (the links of sentence ``s``, ``hits`` its cues) with each asserted ``based_in`` or
    ``operates_in`` link of two parties in ``s`` read by :func:`kg.extract.statusrules.fact_status` where the
    status reader of a gold pair reads it; a link it reads otherwise than asserted takes that status."""
    out = []
    for f in found:
        a, b = f.subject, f.object
        if f.type in NEGATION_ONLY and f.status == "asserted" and a.sent == s.index == b.sent:
            pa, pb = (a.i, a.j), (b.i, b.j)
            anchor = anchor_of(hits, f.type, pa, pb)
            if anchor[0] < len(s.tokens):
                st = status_at(s, lex, hits, f.type, anchor, pa, pb)  # a fact type: its negation and sale cues
                if st != "asserted":
                    f = dataclasses.replace(f, status=st)
        out.append(f)
    return out
