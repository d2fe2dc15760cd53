"""The news agency of a dateline is no party of what the sentence reports: in "jakarta - - micom : penolakan
penjualan saham bank danamon kepada bank dbs ..." micom only brings the story. A dateline is a place, one or
two dashes, the agency's name and a colon at the start of a sentence. Called by
:func:`kg.extract.relations.find_relations`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

# Most tokens of the place before the dashes ("jakarta", "new york", "kota bandung").
_PLACE_TOKENS = 3


def dateline_agency(s: Sentence, m: Mention) -> bool:
    """Whether ``m`` is the agency of a dateline that opens ``s`` ("PLACE - - AGENCY :").

    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> def run(text, name):
    ...     toks = tokenize(text)
    ...     words = [t.text for t in toks]
    ...     i = words.index(name)
    ...     m = Mention(0, i, i + 1, 0, 0, name, "Company", name, name, "ner")
    ...     return dateline_agency(Sentence(0, 0, len(text), text, tuple(toks)), m)
    >>> run("jakarta - - micom : penolakan penjualan saham bank danamon", "micom")
    True
    >>> run("jakarta - - micom : penolakan penjualan saham bank danamon", "danamon")
    False
    >>> run("micom : penjualan saham", "micom")
    False
    """
    toks = s.tokens
    if m.j >= len(toks) or toks[m.j].text != ":":
        return False
    k = m.i
    dashes = 0
    while k > 0 and toks[k - 1].text in ("-", "--", "—", "–"):
        k -= 1
        dashes += 1
    return 0 < dashes <= 2 and 0 < k <= _PLACE_TOKENS and all(t.is_word for t in toks[:k])
