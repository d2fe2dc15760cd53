"""A company whose name ends in "'s": "Sotheby's", "Sainsbury's", "Beeba's, a major supplier of ...".

A possessive "'s" is followed by what is owned ("Lumeo's stock", "Lumeo's <LUM.N> offer"); one followed
by a comma, a full stop or a verb of saying belongs to the name itself ("Weisfield 's said"). The lists
and the tagger end the name before the "'s" (kg.extract.edges trims it), so the name found lacks it and
matches no mention of the company written in full. On the English train split of kg's annotations,
a company's name before "'s" and a comma, a full stop or "said" was the name with its "'s" 6 times of 6;
before a modal or auxiliary verb or "also" (``possessive_breakers.txt``: "Josten's will own") 3 times of 3.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Penney said Beeba's, a major supplier")
>>> owns_nothing(toks, 3, frozenset({"said"})), owns_nothing(tokenize("Lumeo's stock"), 1, frozenset())
(True, False)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE, token_lows
from kg.names import is_legal_form
from kg.resources import word_set
from kg.schema import ORG_TYPES

_ENDS = (",", ".", ";")
# A tagger's person or place whose "'s" owns nothing is a company's name ("Josten's will own", "Tesco, Sainsbury's,
# Asda"): kg's English train split, out of fold (scripts/cv_hybrid.py), 2 such names, both gold companies.
_TAGGED = frozenset({"Person", "Place"})


def owns_nothing(toks: Sequence[Token], k: int, speech: frozenset[str]) -> bool:
    """``toks[k]`` is an "'s" that owns nothing: a comma, full stop or verb of saying comes next."""
    if k >= len(toks) or toks[k].text not in POSSESSIVE:
        return False
    return k + 1 == len(toks) or toks[k + 1].text in _ENDS or toks[k + 1].low in speech


@functools.cache
def _enders(code: str) -> frozenset[str]:
    """The words after an "'s" that end a name: verbs of saying and ``possessive_breakers.txt``."""
    return load_lexicon(code).optional_words("speech_verbs") | word_set(code, "possessive_breakers.txt")


def with_possessive(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each company or organisation name right before an "'s" that owns nothing
    (:func:`owns_nothing`: a comma, a full stop, a verb of saying, or a word of ``possessive_breakers.txt``
    comes next) extended over it; a tagger's person or place so followed becomes a company (:data:`_TAGGED`)."""
    toks = s.tokens
    if POSSESSIVE.isdisjoint(token_lows(toks)):  # no "'s" (most sentences): nothing to extend
        return list(names)
    speech = _enders(lex.code)
    out = []
    for m in names:
        # "Beeba's", and "Weisfield 's" in text tokenised with spaces; "Lumeo Inc's" is Lumeo Inc's something
        if ((m.type in ORG_TYPES or (m.source == "ner" and m.type in _TAGGED)) and owns_nothing(toks, m.j, speech)
                and toks[m.j].start - toks[m.j - 1].end <= 1 and not is_legal_form(toks[m.j - 1].text)):
            kind = m.type if m.type in ORG_TYPES else "Company"
            m = replace(_name_mention(s, m.i, m.j + 1, kind, gaz), source=m.source)
        out.append(m)
    return out
