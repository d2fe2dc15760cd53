"""Former and official names written beside a company's present name ("Lumeo LLC (formerly Vexo Studios)",
"Armtek Corp, formerly known as Armstrong Rubber Co", "Pittsburgh Plate Glass Company, now known as PPG
Industries", "GAC Group (officially Guangzhou Automobile Group Co., Ltd)").

Such a name is another name of the company beside it, not a second party. The rules and the pair classifier
read the present name's links off it too ("Escalation Studios" based in Dallas); :func:`present_names` gives
them to the present name. On kg's English train split the gold links none of the 13 names so written; the
relations of the sentence are the present name's.
"""

from __future__ import annotations

from itertools import pairwise

from kg.extract.found import Found, moved_parties
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.schema import ORG_TYPES

__all__ = ["former_names", "present_names"]

# what may stand between a present name and the marker: "X (formerly Y)", "X, formerly Y", "X (; formerly Y)"
_OPENERS = frozenset({"(", ",", ";"})


def former_names(s: Sentence, lex: Lexicon, ms: list[Mention]) -> dict[str, Mention]:
    """The organisations of ``ms`` named as another name of the organisation beside them, by key, each with
    the mention of its present name:
    after a comma or bracket and a ``former_name_words`` marker ("formerly", "officially"), or before one
    and a ``present_name_words`` marker ("now"); ``former_name_joiners`` ("known as", "named") and an
    article may follow the marker.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Lumeo LLC , formerly known as Vexo Studios , is in Dallas"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 0, 2, 0, 9, "Lumeo LLC", "Company", "lumeo", "Lumeo LLC", "test"),
    ...       Mention(0, 6, 8, 30, 42, "Vexo Studios", "Company", "vexo", "Vexo Studios", "test")]
    >>> {k: m.text for k, m in former_names(s, load_lexicon("en"), ms).items()}
    {'vexo': 'Lumeo LLC'}
    """
    former = lex.optional_words("former_name_words")
    present = lex.optional_words("present_name_words")
    if not former and not present:
        return {}
    joiners = lex.optional_words("former_name_joiners") | lex.words("determiners")
    toks = s.tokens
    orgs = [m for m in ms if m.type in ORG_TYPES and m.source != "coref"]
    out: dict[str, Mention] = {}
    for a, b in pairwise(orgs):
        if a.key == b.key:
            continue
        k = b.i - 1
        while k > a.j and toks[k].low in joiners:
            k -= 1
        word = toks[k].low if k >= a.j else ""
        if word not in former and word not in present:
            continue
        gap = toks[a.j : k]
        if not gap or any(t.text not in _OPENERS for t in gap):
            continue
        if word in former:
            out[b.key] = a
        else:
            out[a.key] = b
    return out


def present_names(s: Sentence, lex: Lexicon, ms: list[Mention], found: list[Found]) -> list[Found]:
    """``found`` with each link of a name :func:`former_names` finds given to the present name instead
    ("Screentime Partners" after "Outright Distribution (formerly", owned by Y: Outright Distribution is),
    and none twice or between the two names."""
    gone = former_names(s, lex, ms)
    if not gone:
        return found
    return moved_parties(found, gone)
