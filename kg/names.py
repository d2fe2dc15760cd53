"""Name normalisation: one comparison key for the many spellings of an organisation's name.

News writes "PT Bukit Asam Tbk", "Bukit Asam" and "PT. Bukit Asam (Persero) Tbk." for
one company, and "Ford Motor Company", "Ford Motor Co." and "Ford Motor" for another.
:func:`normalize` maps them to one key: case-folded, accents and punctuation removed,
spaces collapsed, and the legal forms listed in ``ontology/lang/*/legal_forms.txt``
removed from both ends of the name.

>>> normalize("PT Bukit Asam Tbk") == normalize("Bukit Asam")
True
>>> normalize("Ford Motor Company") == normalize("Ford Motor Co.") == normalize("Ford Motor")
True
>>> normalize("Bank Negara Indonesia") == normalize("Bank Rakyat Indonesia")
False
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import filterfalse

__all__ = ["is_legal_form", "legal_forms", "normalize"]

# Abbreviations written with dots ("U.S.", "S.A.", "N.V."): the dots go, the letters stay together.
_DOTTED = re.compile(r"(?<![^\W_])(?:[^\W_]\.){2,}(?![^\W_])|(?<![^\W_])[^\W_]\.(?=[^\W_]\.)")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[\W_]+")
# Leading articles that are not part of the name ("The Coca-Cola Company" is "Coca-Cola").
_ARTICLES = frozenset({"the"})


@functools.cache
def legal_forms() -> frozenset[str]:
    """Every legal form of every language, as written in names (``PT``, ``Tbk``, ``Inc``, ...).

    The union of ``ontology/lang/*/legal_forms.txt``.

    >>> {"PT", "Tbk", "Persero", "Inc", "GmbH"} <= legal_forms()
    True
    >>> "AS" in legal_forms()  # "AS" is the United States in Indonesian text
    False
    """
    from kg.resources import language_dir, languages, read_lines

    forms: set[str] = set()
    for code in languages():
        path = language_dir(code) / "legal_forms.txt"
        if path.is_file():
            forms.update(read_lines(path))
    return frozenset(forms)


@functools.cache
def _legal_keys() -> frozenset[str]:
    return frozenset(_key(f) for f in legal_forms())


def _key(token: str) -> str:
    return _NON_WORD.sub("", token).casefold()


# cached: the rules ask it of the same few hundred words again and again (about 35 times a Reuters article,
# 1.9 us each for the regular expression and the case folding; 0.1 us from the cache)
@functools.lru_cache(maxsize=65536)
def is_legal_form(token: str) -> bool:
    """Whether one token is a legal form; case, dots and brackets do not matter.

    >>> [is_legal_form(t) for t in ("Tbk.", "(Persero)", "inc", "S.A.", "Bank", "")]
    [True, True, True, True, False, False]
    """
    key = _key(token)
    return bool(key) and key in _legal_keys()


def _fold(name: str) -> str:
    """Case-fold, drop accents and punctuation, collapse spaces (no legal-form removal)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    text = "".join(filterfalse(unicodedata.combining, text))  # the characters whose combining class is 0
    text = _APOSTROPHES.sub("", text)
    # every match has a dot: spare the pattern its lookarounds at every character (6.6 -> 4.8 us a name)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The comparison key of a name; never empty unless the name has no letters or digits.

    Legal forms are removed only at the ends of the name, so a form inside a name
    stays ("The Boston Company Asset Management"); a name made only of legal forms
    and articles is kept whole rather than reduced to nothing.

    >>> normalize("PT. Bank Mandiri (Persero) Tbk.")
    'bank mandiri'
    >>> normalize("Société Générale S.A.")
    'societe generale'
    >>> normalize("McDonald's Corp")
    'mcdonalds'
    >>> normalize("U.S. Steel")
    'us steel'
    >>> normalize("  Xiaomi   Inc ")
    'xiaomi'
    >>> normalize("The Group")
    'the group'
    >>> normalize("Amazon.com, Inc.")
    'amazon com'
    >>> normalize("...")
    ''
    """
    folded = _fold(name)
    tokens = folded.split()
    legal = _legal_keys()
    while tokens and tokens[-1] in legal:
        tokens.pop()
    while tokens and (tokens[0] in legal or tokens[0] in _ARTICLES):
        tokens.pop(0)
    while tokens and tokens[-1] in legal:
        tokens.pop()
    return " ".join(tokens) if tokens else folded
