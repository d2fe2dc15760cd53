"""The words of ``ontology/lang/<code>/relations/sector_phrases.txt`` by class, and what a word of a line of
business looks like: shared by :mod:`kg.extract.sectorphrase` (head-last phrases) and
:mod:`kg.extract.headfirst` (head-first ones).

>>> "head" in words_of("en")["maker"]
True
"""

from __future__ import annotations

import functools

from kg.extract.text import Token
from kg.resources import language_dir, read_lines

MAX_WORDS = 6  # a line of business is a short phrase


@functools.cache
def words_of(language: str) -> dict[str, frozenset[str]]:
    """Each listed word (lower case) with its classes ("head", "stop", "agent", ...)."""
    path = language_dir(language) / "relations" / "sector_phrases.txt"
    out: dict[str, set[str]] = {}
    for line in read_lines(path) if path.is_file() else []:
        word, _, cls = line.partition("\t")
        out.setdefault(word.strip().lower(), set()).add(cls.strip())
    return {w: frozenset(c) for w, c in out.items()}


def plain(t: Token) -> bool:
    """A lowercase word with no digit: a word a line of business is written in."""
    return t.is_word and not t.is_cap and not any(ch.isdigit() for ch in t.text)
