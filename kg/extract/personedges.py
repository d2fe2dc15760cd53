"""The edges of a person's name: an initial the tagger left out, a word no person's name starts with.

- "TransCanada chief financial officer H. Neil Nichols said": the tagger read "Neil Nichols" and left the
  initial "H." out; an initial right before a person, in no other name, is the name's first word
  (``person_initials``). kg's English train split, out-of-fold taggers: 2 persons cut so ("H. Neil Nichols",
  "N.J. Nicholas Jr."), 9 others read whole, and no initial before a person that the gold leaves out.
- "reflecting the damages from Hurricane Hugo", "Tonight, a spokesman for USAir said": the tagger or a pattern
  read a storm or a time word as a person's first name. A person whose first word is one of
  ``not_person_first_words`` is no name (train, out of fold: 2 such persons, no gold entity).

Both are language data in ``ontology/lang/<code>/language.toml``; a language without the keys is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

# An initial without its full stop (a token of its own), or two or three run together ("H", "N.J", "J.R.R").
_INITIAL = re.compile(r"[A-Z](?:\.[A-Z]){0,2}")


def person_edges(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each person's left-out initial put back (``person_initials``) and each person whose first
    word is one of ``not_person_first_words`` dropped.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "Its officer H. Neil Nichols said so after Hurricane Hugo hit."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [_name_mention(s, i, j, "Person", gaz, "ner") for i, j in ((4, 6), (9, 11))]
    >>> [(m.text, m.type) for m in person_edges(s, ms, lex, gaz)]
    [('H. Neil Nichols', 'Person')]
    """
    if not names or not any(m.type == "Person" for m in names):
        return names
    refused = lex.optional_words("not_person_first_words")
    initials = lex.settings.get("person_initials", False) is True
    if not refused and not initials:
        return names
    toks = s.tokens
    out: list[Mention] = []
    changed = False
    for m in names:
        if m.type != "Person":
            out.append(m)
            continue
        if toks[m.i].low in refused:
            changed = True  # "Hurricane Hugo", "Tonight": no one's name
            continue
        k = _initial_before(toks, m.i) if initials else -1
        if (k >= 0 and not (k >= 1 and toks[k - 1].text == ",")  # "Trenton, N.J. Smith": a town's state
                and not any(o is not m and o.i < m.i and k < o.j for o in names)
                and gaz.lookup_name(toks[k].text + ".") is None):  # "U.S.", "N.Y.": what the lists know
            out.append(_name_mention(s, k, m.j, "Person", gaz, m.source))
            changed = True
            continue
        out.append(m)
    return out if changed else names


def _initial_before(toks: Sequence[Token], i: int) -> int:
    """Where an initial and its full stop ("H" "."), right before the word ``i`` and a space apart from it, start;
    -1 when there is none.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("officer H. Neil Nichols and H.Smith")
    >>> [_initial_before(toks, k) for k in range(3, len(toks))]
    [1, -1, -1, -1]
    """
    k = i - 2
    if k < 0 or toks[k + 1].text != "." or not _INITIAL.fullmatch(toks[k].text):
        return -1
    return k if toks[k].end == toks[k + 1].start and toks[k + 1].end < toks[i].start else -1
