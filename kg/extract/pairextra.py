"""Features of an entity pair that let the pair classifier (:mod:`kg.extract.relmodel`) learn per language.

The classifier is one model for every language, and most of its examples are English (CoNLL04, the English
relation sets): a feature shared by all languages ("a person before an organisation, two words apart") carries
English news' prior into Indonesian, where the rules already read most such links. These features let the
model weigh the pair's types, order and distance per language, a cue word between the two names with the
pair's types and direction ("direktur" between a person and a company, the person first, is a job; between
two companies it is not), and the between-words by their dictionary root, so that the affixed forms of one
verb share a feature in a language whose words take affixes ("mengakuisisi", "diakuisisi", "akuisisinya").

>>> pair_extras("PER>ORG", "ab", "1", "id", ["cue_b=works_for", "cue_n=denied"])
['LT=id|PER>ORG|ab', 'LD=id|PER>ORG|ab|1', 'cue_bt=PER>ORG|ab|works_for', 'cue_nt=PER>ORG|denied']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kg.resources import word_set

__all__ = [
    "between_roots",
    "between_shape",
    "both_ends",
    "cue_with_pair",
    "dist_class",
    "pair_extras",
    "pair_head",
    "pair_near",
    "pair_words",
    "word_end",
]


class _Forms(Protocol):
    def forms(self, low: str) -> tuple[str, ...]: ...


def dist_class(n: int) -> str:
    """The class of a distance of ``n`` words that the features name.

    >>> [dist_class(n) for n in (-1, 0, 3, 4, 9, 13)]
    ['0', '0', '3', '4-5', '9-12', '13+']
    """
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12")):
        if n <= limit:
            return name
    return "13+"


def pair_head(language: str, pair: str, o: str, dist: str) -> list[str]:
    """The first features of every pair (:func:`kg.extract.relmodel.feature_parts`): a bias, the
    language, the pair's types (``pair``), with its order ``o`` and with its distance class ``dist``.

    >>> pair_head("en", "PER>ORG", "ba", "2")
    ['bias', 'lang=en', 'T=PER>ORG', 'O=PER>ORG|ba', 'D=PER>ORG|ba|2']
    """
    return ["bias", f"lang={language}", f"T={pair}", f"O={pair}|{o}", f"D={pair}|{o}|{dist}"]


def between_shape(between: Sequence[tuple[str, str, bool]]) -> str:
    """The words between a pair (``(lowercased, stem, capitalised)`` each) with each run of
    capitalised words written C: names between, "at the Institute of Mechanics" -> "at the C of C".

    >>> between_shape([("at", "at", False), ("the", "the", False), ("institute", "institute", True),
    ...                ("of", "of", False), ("mechanics", "mechanic", True)])
    'at the C of C'
    """
    shape: list[str] = []
    for low, _, cap in between:
        if not cap:
            shape.append(low)
        elif not shape or shape[-1] != "C":
            shape.append("C")
    return " ".join(shape)


def pair_words(pair: str, o: str, gap: int, words: Sequence[str], shape: str) -> list[str]:
    """The features of the ``words`` between a pair (lowercased; the first and last six of a longer
    gap) ``gap`` words apart, with its types and order: :func:`pair_near`, then :func:`word_end` of the
    first and of the last word, one feature of each in turn, and both words together.

    >>> pair_words("PER>ORG", "ab", 2, ["of", "x"], "")  # doctest: +NORMALIZE_WHITESPACE
    ['B=of x', 'Bo=ab|of x', 'Bt=PER>ORG|of x', 'bf=of', 'bl=x', 'bfo=ab|of', 'blo=ab|x',
     'bft=PER>ORG|of', 'blt=PER>ORG|x', 'bfl=of|x']
    """
    f = pair_near(pair, o, gap, words, shape)
    if words:
        first, last = word_end("f", pair, o, words[0]), word_end("l", pair, o, words[-1])
        f += [first[0], last[0], first[1], last[1], first[2], last[2]]
        if gap > 1:
            f.append(both_ends(words[0], words[-1]))
    return f


def pair_near(pair: str, o: str, gap: int, words: Sequence[str], shape: str) -> list[str]:
    """The words between a pair ``gap`` words apart as a whole: all of them when they are few
    (alone, with the order ``o``, with the types ``pair``), their :func:`between_shape` ``shape`` up
    to ten; a pair with nothing between is adjacent.

    >>> pair_near("PER>ORG", "ba", 0, [], ""), pair_near("PER>ORG", "ab", 6, ["x"] * 6, "x x C x")
    (['B=', 'Bo=ba|', 'Bt=PER>ORG|', 'adjacent|ba'], ['Bc=ab|x x C x'])
    """
    f: list[str] = []
    if gap <= 4:
        joined = " ".join(words)
        f += [f"B={joined}", f"Bo={o}|{joined}", f"Bt={pair}|{joined}"]
    elif gap <= 10:
        f.append(f"Bc={o}|{shape}")
    if not words:
        f.append(f"adjacent|{o}")
    return f


def word_end(end: str, pair: str, o: str, word: str) -> list[str]:
    """The first (``end`` "f") or last ("l") ``word`` between a pair: alone, with the order ``o``,
    with the types ``pair``.

    >>> word_end("l", "PER>ORG", "ab", "of")
    ['bl=of', 'blo=ab|of', 'blt=PER>ORG|of']
    """
    return [f"b{end}={word}", f"b{end}o={o}|{word}", f"b{end}t={pair}|{word}"]


def both_ends(first: str, last: str) -> str:
    """The first and last words between a pair together."""
    return f"bfl={first}|{last}"


def pair_extras(pair: str, o: str, dist: str, language: str, cued: Sequence[str]) -> list[str]:
    """The pair's types (``pair``, e.g. ``"PER>ORG"``) with its order (``o``: ``"ab"`` when the first
    party comes first in the text) and distance class (``dist``) in ``language``, and each cue class of
    ``cued`` (:func:`kg.extract.relmodel.feature_parts`' cue features) with the types and order."""
    out = [f"LT={language}|{pair}|{o}", f"LD={language}|{pair}|{o}|{dist}"]
    for x in cued:
        out += cue_with_pair(pair, o, x)
    return out


def cue_with_pair(pair: str, o: str, cue: str) -> list[str]:
    """The cue feature ``cue`` (``cue_b=`` between, ``cue_n=`` near) with the pair's types and order."""
    if cue.startswith("cue_b="):
        return [f"cue_bt={pair}|{o}|{cue[6:]}"]
    if cue.startswith("cue_n="):
        return [f"cue_nt={pair}|{cue[6:]}"]
    return []


# Per affix table (a model's Cues), per language and word: the root found. Keyed by the Cues object (held, so
# its id is never reused), since another table strips the same word differently.
_ROOTS: dict[int, tuple[object, dict[tuple[str, str], str]]] = {}


def between_roots(language: str, words: Sequence[str], cues: _Forms | None) -> list[str]:
    """``br=<root>`` for each word of ``words`` (lowercased) that is not itself a root but one of whose
    affix-stripped forms (``cues.forms``, the language's affix rules as the model file holds them) is a
    word of the language's ``root_words.txt``; the longest such form (the least stripped). Nothing for a
    language without that dictionary.

    >>> from kg.extract.relmodel import Cues
    >>> c = Cues([], prefixes=[["meng", ""], ["di", ""]], suffixes=[["nya", ""]])
    >>> between_roots("id", ["resmi", "mengakuisisi", "diakuisisinya", "perusahaan"], c)
    ['br=akuisisi', 'br=akuisisi']
    >>> between_roots("en", ["acquired"], c)
    []
    >>> full = Cues([], prefixes=[["per", ""]], suffixes=[["an", ""]])  # another table, its own reading
    >>> between_roots("id", ["perusahaan"], full), between_roots("id", ["perusahaan"], c)
    (['br=usaha'], [])
    """
    if cues is None:
        return []
    roots = word_set(language, "root_words.txt")
    if not roots:
        return []
    held = _ROOTS.get(id(cues))
    if held is None:
        if len(_ROOTS) > 8:  # tests build many tables; a run holds one or two
            _ROOTS.clear()
        held = _ROOTS[id(cues)] = (cues, {})
    cache = held[1]
    out = []
    for w in words:
        got = cache.get((language, w))
        if got is None:
            if len(cache) > 1 << 16:  # bounded memory in long runs
                cache.clear()
            found = [f for f in cues.forms(w)[1:] if f in roots] if w not in roots and w.isalpha() else []
            got = cache[language, w] = max(found, key=lambda f: (len(f), f)) if found else ""
        if got:
            out.append(f"br={got}")
    return out
