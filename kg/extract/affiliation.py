"""Who belongs where, read from a name's neighbours with no relation cue: the preposition or the
possessive that ties a person to an organisation (works_for), an organisation to a place (based_in) and a
company to the company that owns it (subsidiary_of: "Occidental Petroleum Corp's Occidental Chemical Corp").

"Alain Farley of McGill University", "Ana Diaz, an economist with Tenvar Corp" (works_for); "Larami Corp. of
Philadelphia", "McGill University in Montreal", "Russia's Foreign Ministry" (based_in). The words are
language data (``affiliation_preps``, ``affiliation_place_preps``, language.toml; empty lists switch a shape off).
With ``name_opens_with_place`` (language.toml), an organisation whose name opens with a place or its demonym
is based there when the sentence names that place on its own ("the German Government ... Germany").
Called by :func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import replace

from kg.extract.classified import pair_status
from kg.extract.cueparties import find_cues
from kg.extract.found import Found, Hit
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token, ticker_end
from kg.extract.tokens import POSSESSIVE
from kg.schema import ORG_TYPES, PLACE_TYPES

__all__ = ["affiliations", "split_person_of"]

# An apposition between a person and the preposition before its organisation ("Ana Diaz, a senior
# economist with Tenvar") holds at most this many lowercase words: longer ones describe something else.
_APPOSITION_WORDS = 5


def affiliations(s: Sentence, lex: Lexicon, ms: list[Mention], hits: Sequence[Hit] | None = None, *,
                 learned: bool = False, models: str | None = None) -> Iterator[Found]:
    """works_for and based_in links read from prepositions and possessives between two adjacent names, with
    the status read where the link stands as for the pair classifier's (``hits``: the sentence's cues,
    :func:`kg.extract.cueparties.find_cues`; ``learned``: with the status model): "Ana Diaz, a former
    economist with Tenvar" ended.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "said Ana Diaz of Tenvar Corp in Lyon ."
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> ms = [Mention(0, 1, 3, 0, 0, "Ana Diaz", "Person", "ana-diaz", "Ana Diaz"),
    ...       Mention(0, 4, 6, 0, 0, "Tenvar Corp", "Company", "tenvar", "Tenvar Corp"),
    ...       Mention(0, 7, 8, 0, 0, "Lyon", "Place", "lyon", "Lyon")]
    >>> [(f.type, f.subject.text, f.object.text) for f in affiliations(s, load_lexicon("en"), ms)]
    [('works_for', 'Ana Diaz', 'Tenvar Corp'), ('based_in', 'Tenvar Corp', 'Lyon')]
    """
    if not lex.words("affiliation_preps") and not lex.words("affiliation_place_preps"):
        return
    for f in (*_links(s, lex, ms), *_name_places(s, lex, ms)):
        if hits is None:
            hits = find_cues(s, lex)
        st = pair_status(s, lex, hits, f.type, (f.subject.i, f.subject.j), (f.object.i, f.object.j),
                         models=models, learned=learned)
        yield replace(f, status=st) if st != f.status else f


def _links(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    preps = lex.words("affiliation_preps")
    place_preps = lex.words("affiliation_place_preps")
    toks = s.tokens
    dets = lex.words("determiners")
    # a sector word is no stop between a person and the organisation ("Quayle, publisher of the Huntington
    # Herald-Press": "publisher" is a Media mention)
    named = [m for m in ms if m.source != "coref" and m.type != "Sector"]
    for k, m in enumerate(named):
        nxt = next((o for o in named[k + 1 :] if o.i >= m.j), None)
        if nxt is None:
            continue
        if m.type == "Person" and nxt.type in ORG_TYPES and preps:
            if _after_prep(toks, m.j, nxt.i, preps, dets) or _apposition(toks, m.j, nxt.i, preps, dets):
                yield Found("works_for", m, nxt, "asserted", s, confidence=0.6)
        elif m.type in ORG_TYPES and nxt.type in PLACE_TYPES and place_preps:
            # "Larami Corp. of Philadelphia", "Brown University in Providence, R.I.": the place closes the
            # phrase (a place that goes on names something else: "a plant in Ohio's capital")
            if (_after_prep(toks, m.j, nxt.i, place_preps, frozenset()) and _closes(toks, nxt.j, lex)
                    and not _listed(toks, lex, nxt, named[k + 2 :])):
                yield Found("based_in", m, nxt, "asserted", s, confidence=0.6)
        elif (m.type in PLACE_TYPES and nxt.type in ORG_TYPES and nxt.type != "Company" and place_preps
              and nxt.i == m.j + 1 and toks[m.j].text in POSSESSIVE):
            # "Russia's Foreign Ministry", "New York's Mount Sinai School of Medicine": a public body or
            # an institution of the place (a company of a country is only its market: "China's Huawei")
            yield Found("based_in", nxt, m, "asserted", s, confidence=0.6)
        elif (m.type == "Company" and nxt.type == "Company" and m.key != nxt.key and m.j < len(toks)
              and toks[m.j].text in POSSESSIVE and nxt.i == ticker_end(toks, m.j + 1, ("<",), (">",))):
            # "Occidental Petroleum Corp's Occidental Chemical Corp said", "Tandy Corp's <TAN> Radio Shack
            # stores": a company's company is its unit (train en gold: 32 of 33 such pairs subsidiary_of,
            # one an investment; 7 of them had no unit cue after the name and were missed)
            yield Found("subsidiary_of", nxt, m, "asserted", s, confidence=0.6)


def _after_prep(toks: Sequence[Token], j: int, i: int, preps: frozenset[str], dets: frozenset[str]) -> bool:
    """Whether only a word of ``preps`` and at most one determiner stand between tokens ``j`` and ``i``."""
    gap = toks[j:i]
    if not gap or gap[0].low not in preps:
        return False
    return len(gap) == 1 or (len(gap) == 2 and gap[1].low in dets)


def _apposition(toks: Sequence[Token], j: int, i: int, preps: frozenset[str], dets: frozenset[str]) -> bool:
    """ "Ana Diaz, an economist with Tenvar", "Ana Diaz, a top official of the Tenvar Group": a comma, a
    few lowercase words and a preposition of ``preps`` (a determiner after it allowed) between ``j`` and ``i``."""
    gap = toks[j:i]
    if len(gap) < 3 or gap[0].text != ",":
        return False
    end = len(gap) - 1 if gap[-1].low not in dets else len(gap) - 2
    if end < 2 or gap[end].low not in preps:
        return False
    words = gap[1:end]
    return len(words) <= _APPOSITION_WORDS and all(t.is_word and not t.is_cap for t in words)


def _listed(toks: Sequence[Token], lex: Lexicon, place: Mention, after: Sequence[Mention]) -> bool:
    """Whether ``place`` opens a list of places ("employed by X in West Germany, Saudi Arabia and the
    Netherlands": where X worked, not its seat): another place follows it across a list joiner
    (``list_joiners``, language.toml, a comma aside), or across a comma after a country ("Providence, R.I."
    is a town and its state)."""
    nxt = next((m for m in after if m.i >= place.j), None)
    if nxt is None or nxt.type not in PLACE_TYPES:
        return False
    gap = [t.low for t in toks[place.j : nxt.i]]
    if len(gap) == 1 and gap[0] != "," and gap[0] in lex.words("list_joiners"):
        return True
    return place.type == "Country" and gap == [","]


def _closes(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the phrase ends at token ``j``: the sentence's end, punctuation (a possessive goes on), or a
    lower-case word that joins no list (the clause goes on: "the Institute of Zoology of Kunming found",
    "St. Agnes Hospital in Gosforth in northeast England"; CoNLL04 train gold: 11 of 13 such organisation
    PREP place pairs are based_in, against 8 of 10 of "X in Y and Z")."""
    if j >= len(toks) or not (toks[j].is_word or toks[j].text in POSSESSIVE):
        return True
    t = toks[j]
    return (lex.settings.get("place_closes_at_lowercase", False) is True and t.is_word and t.text == t.low
            and t.low not in lex.words("list_joiners"))


def _name_places(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """based_in links from an organisation (not a company) whose name opens with the demonym of a country to
    that country, named on its own in the sentence: "the German Government ... Germany", "the Chinese Foreign
    Ministry ... China" (``name_opens_with_place``, language.toml; CoNLL04 train gold: all 6 such pairs are
    based_in, none was found before).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "The German Government said Germany and Austria agreed ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 1, 3, 0, 0, "German Government", "Organization", "german-government", "German Government"),
    ...       Mention(0, 4, 5, 0, 0, "Germany", "Country", "germany", "Germany"),
    ...       Mention(0, 6, 7, 0, 0, "Austria", "Country", "austria", "Austria")]
    >>> [(f.subject.text, f.object.text) for f in _name_places(s, load_lexicon("en"), ms)]
    [('German Government', 'Germany')]
    """
    if lex.settings.get("name_opens_with_place", False) is not True:
        return
    places = [m for m in ms if m.type in PLACE_TYPES and m.source != "coref"]
    if not places:
        return
    toks = s.tokens
    demonyms = _demonym_keys(lex.code)
    for m in ms:
        # (not a company: "Swedish Match", "Singapore Airlines" are their country's only as its market in the team's
        # English train gold, where 6 such pairs are unlinked)
        if m.type not in ORG_TYPES or m.type == "Company" or m.source == "coref" or m.j - m.i < 2:
            continue
        words = [t.low for t in toks[m.i : m.j]]
        seen: set[str] = set()
        for p in places:
            if p.key in seen or p.key == m.key or (p.i < m.j and m.i < p.j):
                continue
            if demonyms.get(words[0]) == p.key:
                seen.add(p.key)
                yield Found("based_in", m, p, "asserted", s, confidence=0.6)


@functools.cache
def _demonym_keys(code: str) -> dict[str, str]:
    """The language's demonyms (``demonyms.txt``), lowercased, to the key of their country's mentions; not the
    forms that are a country's name too ("U.S.": "U.S. House", "US Labor Department", "U.S. Strategic Defense
    Initiative Office" are not linked to the country in CoNLL04's or the team's English train gold)."""
    from kg import gazetteer
    from kg.extract.surfaces import demonym_surfaces
    from kg.extract.venues import _adjectives_of

    adjectives = _adjectives_of(code)
    return {word.lower(): known.id for word, known in demonym_surfaces(gazetteer.load(), code)
            if word.lower() in adjectives}


def split_person_of(s: Sentence, names: list[Mention], gaz: GazIndex) -> list[Mention]:
    """``names`` with each person's name read across "of" ("Rosario Ilaqua of L.F. Rothschild", as the tagger
    may read it) cut into the person and what follows: the organisation (or the place the lists know) the
    person belongs to, a name of its own (with the cross-validated tagger on the English train split, both
    such names were a person of two parties).
    """
    toks = s.tokens
    out: list[Mention] = []
    for m in names:
        if m.type != "Person":  # (checked first: the search for "of" below walks the name's words)
            out.append(m)
            continue
        k = next((k for k in range(m.i + 2, m.j - 1) if toks[k].low == "of" and toks[k + 1].is_cap), None)
        if m.type != "Person" or k is None or not all(t.is_cap for t in toks[m.i : k]):
            out.append(m)
            continue
        rest = s.text[toks[k + 1].start - s.start : toks[m.j - 1].end - s.start]
        known = gaz.lookup_name(rest)
        etype = known.type if known is not None and known.type in ORG_TYPES | PLACE_TYPES else "Company"
        out += [replace(_name_mention(s, m.i, k, "Person", gaz), source=m.source),
                replace(_name_mention(s, k + 1, m.j, etype, gaz), source=m.source)]
    return out
