"""A name that a copula then a company's head word follow is a company: "Pinewood merupakan perusahaan Inggris",
"X adalah salah satu produsen ...".

The tagger types some firms named after places or people as a Place or a Person ("Pinewood", "Buena Vista");
the sentence then says what the name is. The words are data in ``ontology/lang/<code>/language.toml``:
``firm_copulas`` (the copulas, maybe after a comma or "yang"), ``firm_copula_fillers`` (words allowed between the
copula and the head: "sebuah", "salah satu") and ``firm_copula_heads`` (the head words). Out of fold on the
Indonesian train split (scripts/cv_hybrid.py), the names so followed were 5 gold Companies, 4 typed Company and 1
typed Place ("Pinewood merupakan perusahaan Inggris"); none was a Person, Place or anything else of the gold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

_RETYPED = frozenset({"Place", "Person"})


def described_firm(s: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether a copula of ``firm_copulas`` (after an optional comma or "yang"), the filler words of
    ``firm_copula_fillers`` and a head of ``firm_copula_heads`` follow ``m``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex = load_lexicon("id")
    >>> text = "Karena Pinewood merupakan perusahaan Inggris , Disney menilai ulang ."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> m = Mention(0, 1, 2, 7, 15, "Pinewood", "Place", "pinewood", "Pinewood", "ner")
    >>> described_firm(s, m, lex)
    True
    """
    copulas = lex.optional_words("firm_copulas")
    if not copulas:
        return False
    toks = s.tokens
    k = m.j
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k < len(toks) and toks[k].low == "yang":
        k += 1
    if k >= len(toks) or toks[k].low not in copulas:
        return False
    k += 1
    fillers = lex.optional_words("firm_copula_fillers")
    while k < len(toks) and toks[k].low in fillers:
        k += 1
    return k < len(toks) and toks[k].low in lex.optional_words("firm_copula_heads")


def described_firms(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each Place or Person that the sentence describes as a company (:func:`described_firm`)
    typed Company. Off unless the language lists ``firm_copulas``."""
    if not lex.optional_words("firm_copulas"):
        return names
    return [_name_mention(s, m.i, m.j, "Company", gaz, m.source) if m.type in _RETYPED and described_firm(s, m, lex)
            else m for m in names]
