"""A country's name that is a word of a company's name: "Aluminum Co of America", "America's Pharmacy Inc".

Some names of a country are seldom the country itself in business news but often a word of a company's
name: English wire copy writes "the U.S." for the country, and "America" stands in "Bank of America",
"Hospital Corp of America", "America's InfoMart, Inc.". Where the tagger stops a company's name before such
a word, kg read a company and the country. The words are ``name_country_words`` in
``ontology/lang/<code>/language.toml``; a language without the key is left as it is.

kg's English train split, gold names: after "<legal form> of", "America" is in the company's name 7 times
of 7 (Aluminum Co, Development Corp, Financial Corp, Hospital Corp, Bank Building and Equipment Corp,
Prudential Insurance Company, all "of America"); "America's" before a company's name is its first word 2 of
2 ("America's Pharmacy Inc", "America's InfoMart, Inc."). Other countries differ ("Nippon Steel Co of
Japan", "Dominion Textiles Inc of Canada": the country apart), so they are not listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention
from kg.extract.tokens import POSSESSIVE
from kg.names import is_legal_form

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence



def _joined(s: Sentence, m: Mention, names: list[Mention]) -> tuple[Mention, int, int] | None:
    """The company whose name holds the country word ``m`` and the joined span, or None."""
    toks = s.tokens
    for c in names:
        if c.type != "Company":
            continue
        # "Development Corp" + "of America", or the tagger's "Aluminum Co of" + "America"
        end = c.j - 1 if toks[c.j - 1].low == "of" else c.j
        if end == m.i - 1 and toks[end].low == "of" and end > c.i and is_legal_form(toks[end - 1].text):
            return c, c.i, m.j
        # "America" + "'s" + "Pharmacy Inc"
        if c.i == m.j + 1 and toks[m.j].text in POSSESSIVE:
            return c, m.i, c.j
    return None


def countries_in_names(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each one-word country mention of ``name_country_words`` that a company's name takes
    in (after "<legal form> of", or before "'s" and the company's name) joined to that company.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "Development Corp of America said it merged."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [_name_mention(s, 0, 2, "Company", gaz), _name_mention(s, 3, 4, "Country", gaz)]
    >>> [(m.text, m.type) for m in countries_in_names(s, ms, lex, gaz)]
    [('Development Corp of America', 'Company')]
    """
    words = lex.optional_words("name_country_words")
    if not words or not names:
        return names
    toks = s.tokens
    out = list(names)
    for m in names:
        if m.type != "Country" or m.j - m.i != 1 or toks[m.i].low not in words:
            continue
        hit = _joined(s, m, out)
        if hit is None:
            continue
        c, i, j = hit
        if any(o is not c and o is not m and o.i < j and i < o.j for o in out):
            continue
        out = [o for o in out if o is not c and o is not m] + [_name_mention(s, i, j, "Company", gaz, c.source)]
    return sorted(out, key=lambda m: m.i) if len(out) != len(names) else names
