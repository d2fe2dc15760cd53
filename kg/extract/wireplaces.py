"""Two wire-copy shapes of place names that the tagger and the lists misread.

- "Portland, Ore.", "Trenton, N.J.": a US state written as the AP Stylebook abbreviates it, after a town and a
  comma (``state_abbreviations.txt``). The lists hold the states' full names only, so the abbreviation was
  left to the tagger, which out of fold read "Ore." as a company and "McCook, Ill." as a product (CoNLL04 train).
  Most of these abbreviations are words or names elsewhere ("Miss.", "Wash.", "Ind.", "Ore", "Mass", "Del"):
  they are read only in the "Town, Abbr." frame, with their full stop.
- "Ford's Theater": a company's name before "'s" and a capitalised venue noun (``venue_nouns.txt``) is the
  first word of the venue's name; the company is not mentioned there.

>>> from kg.extract.gazindex import gaz_index
>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import split_sentences
>>> lex, gaz = load_lexicon("en"), gaz_index("en")
>>> text = "CH2M Hill of Corvallis, Ore., won it."
>>> s = split_sentences(text, [(0, len(text))], lex)[0]
>>> [(m.text, m.label, m.type) for m in state_abbreviations(s, [], lex, gaz)]
[('Ore.', 'Oregon', 'Place')]
"""

from __future__ import annotations

import functools

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _known_mention
from kg.extract.text import Sentence
from kg.extract.tokens import POSSESSIVE
from kg.ids import slug
from kg.resources import language_dir, read_lines, word_set
from kg.schema import ORG_TYPES, PLACE_TYPES

__all__ = ["state_abbreviations", "venue_possessives"]


@functools.cache
def _states(code: str) -> dict[str, str]:
    """Abbreviation as the tokenizer leaves it (without its final full stop: "Ore", "N.J") -> the state's name."""
    path = language_dir(code) / "state_abbreviations.txt"
    out: dict[str, str] = {}
    for line in read_lines(path) if path.is_file() else []:
        abbr, _, name = line.partition("\t")
        out[abbr.strip().removesuffix(".")] = name.strip()
    return out


def state_abbreviations(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each "Town, Abbr." state abbreviation a Place mention of its state ("Ore." -> Oregon),
    replacing whatever overlapped it (a tagger's company "Ore."). The abbreviation must follow a capitalised
    word and a comma, and carry its full stop (written against it; one space in copy tokenized with spaces,
    "Amherst , Mass ."). A state the lists know as a US place takes that entity; else a Place named by the
    state's full name, in the US.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> def read(text):
    ...     s = split_sentences(text, [(0, len(text))], lex)[0]
    ...     return [(m.text, m.label) for m in state_abbreviations(s, [], lex, gaz)]
    >>> read("Acme of Trenton, N.J., said."), read("He washed. Then, Ind. Oil said so.")
    ([('N.J.', 'New Jersey')], [])
    """
    states = _states(lex.code)
    toks = s.tokens
    if not states or len(toks) < 4:
        return list(names)
    found: list[Mention] = []
    place_ends = {m.j for m in names if m.type in PLACE_TYPES}
    common = word_set(lex.code, "common_words.txt")
    for k in range(2, len(toks) - 1):
        name = states.get(toks[k].text)
        dot, town = toks[k + 1], toks[k - 2]
        if (name is None or toks[k - 1].text != "," or dot.text != "." or dot.start - toks[k].end > 1):
            continue
        # the town: a place read there ("Mobile, Ala."), or a capitalised word that is no common word
        # ("Then, Ind. Oil said" is no address)
        if k - 1 not in place_ends and not (town.is_cap and town.text[0].isalpha() and town.low not in common):
            continue
        j = k + 2 if dot.start == toks[k].end else k + 1  # the full stop is the name's when written against it
        # a place read there keeps its span ("N.Y ." in copy tokenized with spaces, as CoNLL04 writes it)
        j = next((m.j for m in names if m.i == k and m.j in (k + 1, k + 2) and m.type in PLACE_TYPES), j)
        known = gaz.lookup_name(name)
        if known is not None and known.type == "Place" and known.country == "US":
            m = _known_mention(s, k, j, known)
        else:
            start, end = toks[k].start, toks[j - 1].end
            m = Mention(s.index, k, j, start, end, s.text[start - s.start : end - s.start], "Place", slug(name),
                        name, "gazetteer", country="US")
        found.append(m)
    if not found:
        return list(names)
    kept = [n for n in names if not any(f.i < n.j and n.i < f.j for f in found)]
    return sorted(kept + found, key=lambda m: (m.i, m.j))


def venue_possessives(s: Sentence, names: list[Mention], lex: Lexicon) -> list[Mention]:
    """``names`` without the one-word company or organisation right before "'s" and a capitalised venue noun
    ("Ford's Theater": no mention of Ford Motor Company). Not in a title-case headline, where every noun is
    capitalised ("Ford's Center Console Recall").

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import _name_mention
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "Lincoln was shot at Ford's Theater."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> venue_possessives(s, [_name_mention(s, 4, 5, "Company", gaz)], lex)
    []
    """
    venues = word_set(lex.code, "venue_nouns.txt")
    toks = s.tokens
    if not venues or s.title_case:
        return list(names)
    out = []
    for m in names:
        after = m.j + 1
        # one word, not an acronym: a surname the lists know as a company ("Ford"); a longer name owns
        # its venue ("Bar-Ilan University's Center for Strategic Studies", CoNLL04 train)
        if (m.type in ORG_TYPES and m.j - m.i == 1 and not toks[m.i].is_upper and after < len(toks)
                and toks[m.j].text in POSSESSIVE and toks[after].is_cap and toks[after].low in venues):
            continue
        out.append(m)
    return out
