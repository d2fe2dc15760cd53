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

__all__ = ["between_roots", "pair_extras"]


class _Forms(Protocol):
    def forms(self, low: str) -> tuple[str, ...]: ...


def pair_extras(pair: str, o: str, dist: str, language: str, cued: Sequence[str]) -> list[str]:
    """The pair's types (``pair``, e.g. ``"PER>ORG"``) with its order (``o``: ``"ab"`` when the first
    party comes first in the text) and distance class (``dist``) in ``language``, and each cue class of
    ``cued`` (:func:`kg.extract.relmodel.feature_parts`' cue features) with the types and order."""
    out = [f"LT={language}|{pair}|{o}", f"LD={language}|{pair}|{o}|{dist}"]
    for x in cued:
        if x.startswith("cue_b="):
            out.append(f"cue_bt={pair}|{o}|{x[6:]}")
        elif x.startswith("cue_n="):
            out.append(f"cue_nt={pair}|{x[6:]}")
    return out


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
