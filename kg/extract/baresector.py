"""A sector word that is also the common noun for one firm ("bank"): a line of business only where a headline
names the class.

Indonesian headlines name the banking business as a class with the bare word "Bank" ("Saham Bank Jumbo Bangkit",
"Kredit Bank Tumbuh", "OJK Perintahkan Bank dan LJK ..."), and the annotation guideline tags it as a Sector
(docs/annotations.md: "a kind of business as a class or segment is a Sector"). The same word also heads most
bank names ("Bank Raya", "MNC Bank") and names one unnamed bank ("Bank Ini", "Rekening Bank", "Rampok Uang
Bank", "Bank Sentral"), which are no Sector. The words are the language's ``sector_bare_words``; such a
mention stays only

* in a title-case headline (train id: the gold tags the bare "bank" in 47 of 148 title-case units that hold
  the word, and in none of the 32 lowercase or sentence-case ones),
* not after a word of ``sector_bare_not_after`` (one bank's money, account or secret),
* not before a word of ``sector_bare_not_before`` (a demonstrative or a word that makes it one bank's name:
  "Bank Ini", "Bank Sentral"),
* not next to another name (the word is part of it: "MNC Bank", "Amar Bank", "New Development Bank").

The words after a bare word that :func:`kg.extract.sectorspan.modifiers_end` took in are left out ("Saham
Bank Jumbo" is the sector "Bank", as the gold reads it), unless the whole span is itself a vocabulary
phrase ("Bank Digital").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence

# the types of a name a bare sector word next to it belongs to
_NAME_TYPES = frozenset(("Company", "Organization", "Product", "Person"))


def _trimmed(s: Sentence, m: Mention) -> Mention:
    """``m`` cut back to its first token."""
    end = s.tokens[m.i].end
    return replace(m, j=m.i + 1, end=end, text=s.text[m.start - s.start : end - s.start])


def _next_to_name(m: Mention, ms: Sequence[Mention]) -> bool:
    return any(o is not m and o.type in _NAME_TYPES and (o.j == m.i or o.i == m.j) for o in ms)


def _class_mention(s: Sentence, m: Mention, ms: Sequence[Mention], lex: Lexicon) -> bool:
    """Whether the bare sector word ``m`` (one token) names the line of business (module docstring)."""
    toks = s.tokens
    if not s.title_case:
        return False
    if m.i > 0 and toks[m.i - 1].low in lex.optional_words("sector_bare_not_after"):
        return False
    if m.j < len(toks) and toks[m.j].low in lex.optional_words("sector_bare_not_before"):
        return False
    return not _next_to_name(m, ms)


def held_out(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> tuple[list[Mention], list[Mention]]:
    """``names`` split into the other names and the bare sector words of ``sector_bare_words`` (module
    docstring), which wait until the tagger has read the sentence: a list name would keep the tagger from
    reading the bank name around it ("Amar Bank", "Bank Raya")."""
    words = lex.optional_words("sector_bare_words")
    if not words:
        return names, []
    bare = [m for m in names if m.type == "Sector" and s.tokens[m.i].low in words and not _phrase(s, m, gaz)]
    return ([m for m in names if m not in bare], bare) if bare else (names, [])


def _phrase(s: Sentence, m: Mention, gaz: GazIndex) -> bool:
    """Whether ``m`` opens with a longer phrase of the sector vocabulary ("Bank Digital", "bank perkreditan
    rakyat"), not with the bare word and the modifiers after it ("Bank Jumbo")."""
    if m.j - m.i == 1:
        return False
    hit = next(gaz.scan(s.tokens[m.i : m.j], title_case=s.title_case, caseless=s.caseless), None)
    return hit is not None and hit[0] == 0 and hit[1] > 1


def bare_sectors(s: Sentence, ms: list[Mention], bare: list[Mention], lex: Lexicon) -> list[Mention]:
    """``ms`` (one sentence's names) with those of the bare sector words ``bare`` (:func:`held_out`) that name
    the line of business, cut back to the word itself; not those that name one firm or are part of a name, nor
    those another name covers (module docstring).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> lex = load_lexicon("id")
    >>> def bare(text):
    ...     s = Sentence(0, 0, len(text), text, tuple(tokenize(text)), title_case=True)
    ...     k = [x.low for x in s.tokens].index("bank")
    ...     t = s.tokens[k]
    ...     m = Mention(0, k, k + 1, t.start, t.end, t.text, "Sector", "banking", "Banking")
    ...     return [x.text for x in bare_sectors(s, [], [m], lex)]
    >>> bare("Saham Bank Jumbo Bangkit"), bare("Perang Likuiditas Makin Sengit! Bank Ini Bakal Jadi Korban")
    (['Bank'], [])
    >>> bare("OJK Blokir 8.500 Rekening Bank Terkait Judol"), bare("Ekonomi Bakal Sulit, Bank Asing Ini Bagikan Rumus")
    ([], [])
    """
    if not bare:
        return ms
    out = list(ms)
    stops = lex.optional_words("sector_modifier_stops")
    for m in bare:
        if m.j - m.i > 1:
            m = _trimmed(s, m)
        if any(o.i < m.j and m.i < o.j for o in ms):
            continue  # inside a name the tagger read ("Bank Raya")
        after = m.j  # past the words that say how big or where ("Bank Asing Ini": one bank)
        while after < len(s.tokens) - 1 and s.tokens[after].low in stops:
            after += 1
        if _class_mention(s, m, ms, lex) and not (after < len(s.tokens) and
                                                   s.tokens[after].low in lex.optional_words("sector_bare_not_before")):
            out.append(m)
    return out
