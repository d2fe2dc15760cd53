"""Words that end a firm's name: "Masindo Artha Sekuritas", "PT Sarana Sulut Ventura", "Mandiri Sekuritas".

A word of a kind of financial firm ("Sekuritas", "Ventura", "Multifinance"), capitalised right after a name,
ends that name, and the whole is a company. The tagger often stops before it (and reads "Masindo Artha" as a
person, "Riau" as a place) and the sector list reads the word as a line of business ("Ventura": venture
capital). The words are ``company_name_tails`` in ``ontology/lang/<code>/language.toml``; a language without
the key is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token

# The kinds of name a tail word may follow: the tagger's reading of the name's first words.
_NAME_TYPES = frozenset({"Company", "Organization", "Person", "Place"})


def tail_end(toks: Sequence[Token], j: int, tails: frozenset[str]) -> int:
    """One past the last of the capitalised tail words from ``toks[j]`` on (``j`` when there is none).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Perdagangan Masindo Artha Sekuritas dihentikan")
    >>> tail_end(toks, 3, frozenset({"sekuritas"}))
    4
    >>> tail_end(tokenize("izin usaha ventura"), 2, frozenset({"ventura"}))
    2
    """
    k = j
    while k < len(toks) and toks[k].is_cap and not toks[k].is_upper and toks[k].low in tails:
        k += 1
    return k


def name_start(toks: Sequence[Token], i: int, names: Sequence[Mention], lex: Lexicon) -> int:
    """Where a firm's name that a tail ends starts: the capitalised words right before ``toks[i]`` that no
    other name covers and that are no edge word (:func:`kg.extract.edges.is_edge_word`) are its own
    ("Izin Usaha Sarana Riau Ventura": the tagger read "Riau" alone). Only a place's name goes back: where the
    tagger read a person or a company, its start holds ("Perdagangan Masindo Artha Sekuritas": 1 of 1 on train).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("OJK Cabut Izin Usaha Sarana Riau Ventura")
    >>> name_start(toks, 5, [], load_lexicon("id"))
    4
    """
    from kg.extract.edges import is_edge_word

    while (i > 0 and toks[i - 1].is_cap and not toks[i - 1].is_upper and not is_edge_word(toks[i - 1], lex)
           and not any(o.i < i and i - 1 < o.j for o in names)):
        i -= 1
    return i


def firm_tails(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each name that a capitalised tail word (``company_name_tails``, :func:`tail_end`)
    follows made a company that ends with the tail, and the sector words inside the tail dropped.

    Indonesian train split, capitalised: "Sekuritas" 8 times, "Ventura" 3, "Finance" 3, "Multifinance" 6,
    each time inside a gold name (a company's). Out of fold (scripts/cv_hybrid.py) see docs/ner.md.
    """
    from kg.extract.mentions import _name_mention

    tails = lex.optional_words("company_name_tails")
    if not tails or not names:
        return names
    toks = s.tokens
    grown: dict[int, Mention] = {}
    for n, m in enumerate(names):
        if m.type not in _NAME_TYPES or (m.source == "gazetteer" and m.type in ("Company", "Organization")):
            continue  # a list's company and its unit's word are company_unit_tails' (kg.extract.mentions)
        k = tail_end(toks, m.j, tails)
        if k > m.j and not any(o.type in _NAME_TYPES and o is not m and m.j <= o.i < k for o in names):
            # a place starts no firm's name ("Riau Ventura"); the tagger's person or company does
            i = name_start(toks, m.i, names, lex) if m.type == "Place" else m.i
            grown[n] = _name_mention(s, i, k, "Company", gaz, m.source)
    if not grown:
        return names
    spans = [(g.i, g.j) for g in grown.values()]
    return [grown.get(n, m) for n, m in enumerate(names)
            if n in grown or m.type in _NAME_TYPES or not any(a <= m.i and m.j <= b for a, b in spans)]
