"""The kind of a tagger's name read from the list it stands in: names listed together are things of one kind.

"pemasok utama seperti hewlett packard , dell , sony , apple": the caseless tagger reads "hewlett packard" as a
person; every other name of the list is a company, so it is one too. The joining words are language data
(``list_joiners`` in ``ontology/lang/<code>/language.toml``); ``list_kinds = true`` there switches the reading on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

# A list holds at least this many names: two names joined may well be a person and the company they lead.
_LEAST = 3
# What a tagger's name of the first kind becomes in a list of the second: a person or a place among companies
# ("Minamas" after four plantation companies), a person among places ("limo, depok, jawa barat"). Out-of-fold
# train id (scripts/cv_hybrid.py): 5 such names, 5 of the gold's kind; a place among countries ("AS, Jepang,
# Eropa, China") is left alone (the gold keeps "Eropa" a Place).
_TURNS = {("Person", "Company"): "Company", ("Place", "Company"): "Company", ("Person", "Place"): "Place"}


def _joined(toks: Sequence[Token], j: int, i: int, joiners: frozenset[str]) -> bool:
    """Only one list joiner (or a comma and a joiner) stands between ``toks[j]`` and ``toks[i]``."""
    gap = [t.low for t in toks[j:i]]
    return (len(gap) == 1 and gap[0] in joiners) or (len(gap) == 2 and gap[0] == "," and gap[1] in joiners)


def chains(toks: Sequence[Token], ms: Sequence[Mention], joiners: frozenset[str]) -> list[list[Mention]]:
    """``ms`` (one sentence's names, in order) grouped into runs joined by ``joiners``.

    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("seperti Dell , Sony dan Apple kemarin Budi")
    >>> ms = [Mention(0, k, k + 1, 0, 0, toks[k].text, "Company", toks[k].low, toks[k].text) for k in (1, 3, 5, 7)]
    >>> [[m.text for m in c] for c in chains(toks, ms, frozenset({",", "dan"}))]
    [['Dell', 'Sony', 'Apple'], ['Budi']]
    """
    out: list[list[Mention]] = []
    for m in ms:
        if out and out[-1][-1].j <= m.i and _joined(toks, out[-1][-1].j, m.i, joiners):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def list_kinds(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each tagger's name (source ``ner``) that stands in a list of at least three names, all
    the others of one kind, given that kind where :data:`_TURNS` allows it (sectors and descriptions are no
    list members). In a title-case headline of a language whose headline comma ends a clause
    (``headline_comma_ends_clause``), the list must close with a joining word, not a comma. Off unless the
    language sets ``list_kinds``; ``list_kind_targets`` limits the kinds a name may be given.
    """
    if len(names) < _LEAST or lex.settings.get("list_kinds", False) is not True:
        return names
    members = sorted((m for m in names if m.type != "Sector" and m.source != "coref"), key=lambda m: (m.i, m.j))
    turned: dict[int, Mention] = {}
    # a headline's comma may end its clause ("Ada Pegadaian & BSI, Erick Thohir Ajak ..."): there a list closes
    # with a joining word ("..., Indofood dan Minamas")
    closed = s.title_case and lex.settings.get("headline_comma_ends_clause", False) is True
    # the kinds a name may be turned into, where the language limits them (list_kind_targets)
    targets = lex.optional_words("list_kind_targets") if "list_kind_targets" in lex.settings else None
    for chain in chains(s.tokens, members, lex.words("list_joiners")):
        if len(chain) < _LEAST or (closed and all(t.text == "," for t in s.tokens[chain[-2].j : chain[-1].i])):
            continue
        for m in chain:
            kinds = {o.type for o in chain if o is not m}
            kind = _TURNS.get((m.type, next(iter(kinds)))) if len(kinds) == 1 and m.source == "ner" else None
            if kind is not None and (targets is None or kind.lower() in targets):
                turned[id(m)] = _name_mention(s, m.i, m.j, kind, gaz, source="ner")
    return [turned.get(id(m), m) for m in names] if turned else names
