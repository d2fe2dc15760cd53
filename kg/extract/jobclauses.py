"""Jobs whose holder stands outside the title's own phrase (works_for): a relative clause on an apposition
("Djamal Attamimi, Eks Komisaris TOBA yang Jadi Bos di Danantara", "takayuki kato, cucu akira kurosawa yang
kini memimpin kurosawa production") and the people a headline presents after its title clause ("Ini Jajaran
Komisaris XLSmart, Ada Retno hingga Arsjad"). Called by :func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

from kg.extract.found import Hit
from kg.extract.joins import next_to
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import right_party
from kg.extract.text import Sentence
from kg.schema import ORG_TYPES

# Words of the description between the apposition's comma and "yang" ("Keponakan Surya Paloh", "Eks
# Komisaris TOBA", "cucu akira kurosawa").
DESCRIPTION_WORDS = 6


def relative_holder(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int, hi: int
                    ) -> tuple[Mention, Mention] | None:
    """The job of "PERSON, <description> yang <links> TITLE ORG": the relative clause (a word of
    ``relative_clause_words``, language.toml) tells of the description, which is the person's apposition, so
    the person before the comma holds the title. The description names no one but a relative's relative
    (a name right after a word of ``kin_words``: "Keponakan Surya Paloh" says whose niece she is). The
    organisation follows the title with at most one lowercase word between ("Jadi Bos di Danantara").
    None otherwise.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Ani , Keponakan Budi yang Jadi Komisaris Lumeo"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, t): return Mention(0, a, a + 1, 0, 0, toks[a].text, t, toks[a].low, toks[a].text)
    >>> ms = [at(0, "Person"), at(3, "Person"), at(7, "Company")]
    >>> lex = load_lexicon("id")
    >>> h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    >>> [m.text for m in relative_holder(s, lex, ms, h, 0, len(toks))]
    ['Ani', 'Lumeo']
    """
    relatives = lex.words("relative_clause_words")
    if not relatives:
        return None
    toks = s.tokens
    links = lex.words("person_title_links")
    k = h.i - 1
    rel = -1
    while k >= lo and toks[k].is_word and toks[k].low in links:
        if toks[k].low in relatives:
            rel = k
        k -= 1
    if rel < 0:
        return None
    comma = next((c for c in range(rel - 1, max(lo, rel - DESCRIPTION_WORDS - 1) - 1, -1) if toks[c].text == ","), -1)
    if comma <= lo:
        return None
    kin = lex.words("kin_words")
    for m in ms:
        if comma < m.i < rel and m.type == "Person" and not (m.i > 0 and toks[m.i - 1].low in kin):
            return None  # "X, Dirut Y Budi yang ...": a name in the description may be the relative clause's
    holder = next((m for m in ms if m.j == comma and m.i >= lo and m.type == "Person"), None)
    org = right_party(ms, h.j, hi, ORG_TYPES, gap=1)
    if holder is None or org is None or not next_to(toks, h.j, org.i):
        return None
    return holder, org


def presented_holders(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int, hi: int
                      ) -> list[tuple[Mention, Mention]]:
    """The jobs of a headline that names a title and its organisation in one comma clause and presents the
    holders in another, after a word of ``presentative_words`` (language.toml: "ada"): "Ini Jajaran
    Komisaris XLSmart, Ada Retno hingga Arsjad". The presented clause holds only people, joined by
    ``presentative_joiners``; the organisation follows the title directly. Empty otherwise.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Ini Jajaran Komisaris Lumeo , Ada Ani hingga Budi"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, t): return Mention(0, a, a + 1, 0, 0, toks[a].text, t, toks[a].low, toks[a].text)
    >>> ms = [at(3, "Company"), at(6, "Person"), at(8, "Person")]
    >>> lex = load_lexicon("id")
    >>> h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    >>> [(a.text, b.text) for a, b in presented_holders(s, lex, ms, h, 0, len(toks))]
    [('Ani', 'Lumeo'), ('Budi', 'Lumeo')]
    """
    words = lex.words("presentative_words")
    if not words:
        return []
    toks = s.tokens
    org = right_party(ms, h.j, hi, ORG_TYPES, gap=0)
    if org is None:
        return []
    end = next((k for k in range(org.j, hi) if toks[k].text == ","), -1)
    if end < 0 or end + 2 >= hi or toks[end + 1].low not in words or any(org.j <= m.i < end for m in ms):
        return []
    joiners = lex.words("presentative_joiners")
    people: list[Mention] = []
    k = end + 2
    for m in ms:
        if m.i < k:
            continue
        if m.type != "Person" or m.i != k:
            return []
        people.append(m)
        k = m.j
        while k < hi and toks[k].low in joiners:
            k += 1
    rest = toks[k:hi]
    if not people or any(t.is_word for t in rest):
        return []
    return [(p, org) for p in people]
