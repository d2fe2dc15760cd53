"""Acronyms of common nouns: "CEO", "VIP", "IPO", "MoU", "GMT". A tagger reads a capitalised acronym as an
organisation ("signed an MoU with", "on the IPO"), or takes a title into a name ("Safaricom CEO", "CEO Israel
Kreps"). Written in capitals (dots aside: "C.E.O."), a word of ``common_acronyms.txt`` in
``ontology/lang/<code>/`` names nothing alone and starts or ends no name; a language without the file is left as
it is. kg's English train split: the listed acronyms stand 43 times in the texts, never inside a gold name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention
from kg.resources import word_set

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token


def without_common_acronyms(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` without the common acronyms at their edges, and without the names that are nothing else.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "After ten years as Safaricom CEO he signed an MoU with Vexo."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [_name_mention(s, i, j, "Company", gaz, "ner") for i, j in ((4, 6), (9, 10), (11, 12))]
    >>> [m.text for m in without_common_acronyms(s, ms, lex, gaz)]
    ['Safaricom', 'Vexo']
    """
    listed = word_set(lex.code, "common_acronyms.txt")
    if not listed or not names:
        return names
    toks = s.tokens
    out: list[Mention] = []
    changed = False
    for m in names:
        i, j = m.i, m.j
        while i < j and _listed(toks, i, listed):
            i += 1 + (i + 1 < j and toks[i + 1].text == ".")  # "C.E.O" "."
        while i < j and (_listed(toks, j - 1, listed) or (
                toks[j - 1].text == "." and j - 2 >= i and _listed(toks, j - 2, listed))):
            j -= 1 if toks[j - 1].text != "." else 2
        if (i, j) == (m.i, m.j):
            out.append(m)
            continue
        changed = True
        if i < j:
            out.append(_name_mention(s, i, j, m.type, gaz, m.source))
    return out if changed else names


def _listed(toks: Sequence[Token], k: int, listed: frozenset[str]) -> bool:
    """Whether ``toks[k]`` is a listed acronym written as one: capitals, dots aside ("CEO", "C.E.O"), or capitals
    around one small letter ("MoU").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("CEO Ceo C.E.O MoU Est")
    >>> [_listed(toks, k, frozenset({"ceo", "mou", "est"})) for k in range(5)]
    [True, False, True, True, False]
    """
    bare = toks[k].text.replace(".", "")
    if bare.lower() not in listed or len(bare) < 2:
        return False
    return bare.isupper() or (bare[0].isupper() and sum(c.isupper() for c in bare) >= 2)
