"""The type a name found in an article can have, from its words: legal forms and organisation words.

Used by :func:`kg.extract.assemble.assemble` when it types an entity from its mentions.
"""

from __future__ import annotations

import functools

from kg.extract.mentions import Mention
from kg.resources import word_set


def checked_type(etype: str, named: list[Mention], lex: object) -> str:
    """The type a name can have: a legal form makes a Company ("Nursery Products Inc" is no
    person), and where the language says so (``tagger_organization_is_company``), a tagger's
    Organization without a word of ``organization_words.txt`` (ministry, court ...) is a Company:
    the English business news kg reads names companies far more often than other bodies."""
    code = getattr(lex, "code", "en")
    words = [w for m in named for w in m.text.replace(",", " ").split()]
    if etype in ("Person", "Organization", "Place", "Product") and any(
        _written_legal_form(ws[0], lex) or _written_legal_form(ws[-1], lex) for m in named if (ws := m.text.split())
    ):
        return "Company"
    if etype == "Company" and _head_first_body(named, lex):
        return "Organization"  # "Komisi Pemberantasan Korupsi" read as a company by a pattern or the tagger
    if (etype not in ("Organization", "Company") or not all(m.source == "ner" for m in named)
            or not getattr(lex, "settings", {}).get("tagger_organization_is_company", False)):
        return etype
    low = {w.lower().strip(".") for w in words}
    if low & word_set(code, "company_words.txt"):
        return "Company"  # a thrift ("Savings and Loan Association") is a business
    if etype == "Organization" and not low & _organization_words(code):
        return "Company"
    if etype == "Company" and any(_organization_head(m.text, code) for m in named):
        return "Organization"  # the tagger's body, which its Company-or-Organization weights misread
    return etype


def _head_first_body(named: list[Mention], lex: object) -> bool:
    """Where the language puts the head first (``organization_head_first``), a name without a legal
    form whose first word is a word of ``organization_words.txt`` ("Komisi ...", "Badan ...") names a body.
    Gazetteer names keep their type (they never come here)."""
    if not getattr(lex, "settings", {}).get("organization_head_first", False):
        return False
    from kg.extract.ner import organization_word

    code = getattr(lex, "code", "en")
    return any((ws := m.text.split()) and organization_word(ws[0], code)
               and not any(_written_legal_form(w) for w in ws) for m in named)


def _organization_head(name: str, language: str) -> bool:
    """Whether the head of an English name is a word of ``organization_words.txt``: its last word, or
    the last before "of", "on" or "for" ("Bureau of Labor Statistics", "Committee on Trade").

    >>> _organization_head("University of Toronto", "en"), _organization_head("Union Carbide Corp", "en")
    (True, False)
    """
    words = name.replace(",", " ").split()
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "on", "for")), len(words))
    return bool(words) and words[cut - 1].lower().strip(".") in _organization_words(language)


@functools.cache
def _dotless_forms() -> frozenset[str]:
    from kg.names import legal_forms

    return frozenset(f.replace(".", "") for f in legal_forms())


def _written_legal_form(word: str, lex: object = None) -> bool:
    """A legal form written as one ("Inc", "Tbk", "ASA"), case and all: the surname "Asa" is none. In text
    without capitals ("hani group", "siberian mining group", which the caseless tagger reads as people) a
    form of three letters or more, unless it is a word of the language of ``lex`` (its root or common
    words: "asa" is hope in Indonesian).

    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = load_lexicon("id")
    >>> [_written_legal_form(w, lex) for w in ("Inc", "Asa", "group", "tbk", "asa", "co")]
    [True, False, True, True, False, False]
    """
    bare = word.strip("(),").replace(".", "")
    if bare in _dotless_forms():
        return True
    code = getattr(lex, "code", "en")
    return (bare.islower() and len(bare) >= 3 and bare in _lower_forms()
            and bare not in word_set(code, "root_words.txt") and bare not in word_set(code, "common_words.txt"))


@functools.cache
def _lower_forms() -> frozenset[str]:
    return frozenset(f.lower() for f in _dotless_forms())


def _organization_words(language: str) -> frozenset[str]:
    return word_set(language, "organization_words.txt")
