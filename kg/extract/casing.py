"""Casing variants of a text: as written, title case (headline style), upper case, lower case.

Used to train the named-entity taggers on headline casing (``scripts/train_ner.py``)
and to measure extraction by casing; lower-case copies train the caseless tagger (text
without capitals: social media, lowercased corpora, transcripts, NERP). Every variant keeps the text's length and
character offsets, so gold mentions stay valid on the recased text; a character
whose case change would alter the length (``ß`` -> ``SS``) is left alone.

>>> recase("Bank Mandiri salurkan kredit ke UMKM di Jawa", "title")
'Bank Mandiri Salurkan Kredit Ke UMKM Di Jawa'
>>> recase("Apple's iPhone sales rose", "upper")
"APPLE'S IPHONE SALES ROSE"
>>> [casing_of(t.split()) for t in ("Apple Buys Shazam For Music", "APPLE BUYS SHAZAM", "Apple buys Shazam")]
['title', 'upper', 'as written']
>>> recase("Apple's iPhone", "lower"), caseless("apple buys shazam".split()), caseless(["apple", "iPhone"])
("apple's iphone", True, False)
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CASINGS", "caseless", "casing_of", "recase"]

CASINGS = ("as written", "title", "upper", "lower")


def _same_length(c: str, new: str) -> str:
    return new if len(new) == 1 else c


def recase(text: str, casing: str) -> str:
    """``text`` in ``casing`` (one of :data:`CASINGS`), offsets unchanged.

    Title case upper-cases the first letter of every word (a letter or digit run
    after white space or punctuation, but not after a letter and an apostrophe) and keeps the rest:
    acronyms stay upper case, as in real headlines.

    >>> recase("dia berkata 'tidak' pada PT abc", "title")
    "Dia Berkata 'Tidak' Pada PT Abc"
    >>> recase("x", "small caps")
    Traceback (most recent call last):
    ...
    ValueError: unknown casing 'small caps' (allowed: as written, title, upper, lower)
    """
    if casing == "as written":
        return text
    if casing == "upper":
        return "".join(_same_length(c, c.upper()) for c in text)
    if casing == "lower":
        return "".join(_same_length(c, c.lower()) for c in text)
    if casing != "title":
        raise ValueError(f"unknown casing {casing!r} (allowed: {', '.join(CASINGS)})")
    out = []
    before, prev = " ", " "
    for c in text:
        # after an apostrophe that follows a letter ("Apple's") the word goes on
        starts = c.isalpha() and not prev.isalnum() and not (prev in "'’" and before.isalpha())
        out.append(_same_length(c, c.upper()) if starts else c)
        before, prev = prev, c
    return "".join(out)


def casing_of(words: Sequence[str]) -> str:
    """The casing a sentence is written in, from its words: ``"upper"`` when nearly every
    word of letters is upper case, ``"title"`` when most words after the first are
    capitalised (headline style), else ``"as written"``. Needs three words of letters."""
    alpha = [w for w in words if w[:1].isalpha()]
    # map and list comprehensions, not generators: this runs twice on every sentence the tagger reads
    if len(alpha) >= 3 and sum(map(str.isupper, alpha)) >= 0.8 * len(alpha):
        return "upper"
    rest = alpha[1:]
    if len(rest) >= 3 and sum([w[0].isupper() for w in rest]) / len(rest) > 0.6:
        return "title"
    return "as written"


def caseless(words: Sequence[str]) -> bool:
    """No word holds a capital letter: the text gives no casing evidence for names (lowercased
    corpora, social media, transcripts), so the caseless tagger reads it. A sentence without
    letters is not caseless. ``casing_of`` keeps calling such text ``"as written"``: the cased
    tagger's features must not change.

    >>> caseless(["pt", "astra", "tbk", "."]), caseless(["PT", "astra"]), caseless(["12", "%"])
    (True, False, False)
    """
    letters = False
    for w in words:
        if not w.islower():  # a capital anywhere, or no letter at all
            if any(c.isupper() for c in w):
                return False
            continue
        letters = True
    return letters
