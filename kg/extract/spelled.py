"""Acronyms of common phrases: "Sambungan Langsung Jarak Jauh ( SLJJ )", "tenaga Perjanjian Kerja Waktu Tertentu
( PKWT )". The tagger reads such a bracketed acronym as an organisation; when the words right before the bracket
spell it out and no name covers them, it abbreviates those words, which name nothing. ``spelled_acronyms = true``
in ``ontology/lang/<code>/language.toml`` switches the reading on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token


def spelled_by(toks: Sequence[Token], k: int) -> int:
    """How many words right before the bracket before ``toks[k]`` spell the acronym ``toks[k]`` out, one initial
    each (0 when none do, or ``toks[k]`` is no bracketed all-caps acronym of two letters or more).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("mengubah kode Sambungan Langsung Jarak Jauh ( SLJJ ) .")
    >>> spelled_by(toks, 7)
    4
    >>> spelled_by(tokenize("tenaga alih daya ( OS ) serta"), 4)
    0
    """
    acronym = toks[k].text
    if not (len(acronym) >= 2 and acronym.isalpha() and _acronym_cased(acronym) and k >= 1 and toks[k - 1].text == "("
            and k + 1 < len(toks) and toks[k + 1].text == ")"):
        return 0
    n = len(acronym)
    words = toks[k - 1 - n : k - 1]
    if k - 1 - n < 0 or not all(t.is_word and t.text[:1].isalpha() for t in words):
        return 0
    return n if "".join(t.text[0] for t in words).upper() == acronym.upper() else 0


def _acronym_cased(word: str) -> bool:
    """An acronym's casing: all capitals ("SLJJ"), or a capital first and at least two in all, as English writes
    some acronyms with a small function-word letter ("MoU" for memorandum of understanding).

    >>> [_acronym_cased(w) for w in ("SLJJ", "MoU", "Mou", "iPad")]
    [True, True, False, False]
    """
    return word.isupper() or (word[0].isupper() and sum(c.isupper() for c in word) >= 2)


def spelled_acronyms(s: Sentence, names: list[Mention], lex: Lexicon) -> list[Mention]:
    """``names`` without the tagger's (source ``ner``) bracketed acronyms that the words right before them
    spell out when no other name covers those words (:func:`spelled_by`). Out-of-fold train id
    (scripts/cv_hybrid.py): 2 such acronyms, both no entity of the gold ("SLJJ", "PKWT"); 35 more had their
    words read as a name (an alias then). Off unless the language sets ``spelled_acronyms``.
    """
    if lex.settings.get("spelled_acronyms", False) is not True:
        return names
    out = []
    for m in names:
        n = spelled_by(s.tokens, m.i) if m.source == "ner" and m.j == m.i + 1 else 0
        if n and not any(o is not m and o.i < m.i - 1 and m.i - 1 - n < o.j for o in names):
            continue
        out.append(m)
    return out
