"""A line of business named in passing before a generic head: "the steel industry", "a software company".

The annotation guideline tags every mention that names a line of business, with or without a company
next to it (docs/annotations.md, "Sector conventions settled (2026-12-07)"): "another courier company",
"the automotive sector", "its courier division". In a head-last language the words before a generic
head noun name it; the heads are the language's ``sector_passing_heads`` (language.toml), the words
of a line of business are lowercase plain words back to the last stop word of
``relations/sector_phrases.txt`` ("the largest", "its", "a major"), and the span leaves the head out
("the steel industry" -> "steel"). A list is split as :func:`kg.extract.phrasewords.split_list` does.

Each such line is a Sector mention marked ``passing`` (an entity with no relation linked to it); where
kg's vocabulary already read the same words, its mention is marked instead, and vocabulary words inside
a longer line ("mortgage banking company") give way to the line. Languages without the setting
(Indonesian reads its head-first phrases in :mod:`kg.extract.headfirst`) get nothing from here.

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import Sentence, tokenize
>>> text = "Losses in the machine tool industry rose."
>>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
>>> [(m.text, m.passing) for m in passing_sectors(s, [], load_lexicon("en"))]
[('machine tool', True)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.phrasewords import MAX_WORDS, plain, split_list, words_of
from kg.extract.sectorwords import counted
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE, token_lows
from kg.ids import slug
from kg.resources import word_set

# classes of sector_phrases.txt whose words name no line of business where they open or fill the run
# ("the parent company", "a holding company" stop it; "a unit company" names none)
_NOT_LINE = frozenset(("stop", "head", "part", "of", "verb", "rank"))
_OWNER_MARKS = POSSESSIVE | {"'"}  # "Purolator's U.S. courier business", "the Lumeos' unit"


def _line_word(t: Token, words: dict[str, frozenset[str]], language: str) -> bool:
    """Whether ``t`` may be a word of a line of business read in passing: a plain lowercase word, no stop
    word, no word of the classes of ``_NOT_LINE`` or of ``relations/sector_passing_not.txt`` ("combined",
    "entire") and no participle or adverb ("proposed", "jointly").

    >>> from kg.extract.text import tokenize
    >>> [_line_word(t, words_of("en"), "en") for t in tokenize("the combined steel firm")]
    [False, False, True, False]
    """
    low = t.low
    if "edge" in words.get(low, ()):
        return True  # "chemicals and plastics": a list of lines (split_list reads it)
    return (plain(t) and low == t.text and not low.endswith(("ed", "ly")) and not low.startswith("non")
            and not (_NOT_LINE & words.get(low, frozenset()))
            and low not in word_set(language, "stopwords.txt")
            and low not in word_set(language, "relations/sector_passing_not.txt"))


def _line_before(toks: Sequence[Token], k: int, language: str) -> tuple[int, int] | None:
    """The lowercase words of a line of business right before the head at token ``k``: back to the
    last stop word, "and" at either end left out, at most ``MAX_WORDS`` words.

    >>> from kg.extract.text import tokenize
    >>> _line_before(tokenize("its chemicals and plastics business"), 4, "en")
    (1, 4)
    >>> _line_before(tokenize("the parent company"), 2, "en") is None
    True
    """
    words = words_of(language)
    if "edge" in words.get(toks[k - 1].low, ()) or toks[k - 1].text == "-":
        return None  # "the assets and business of": one of a list of nouns; "a beer - industry tiff": a modifier
    a = k
    while a > 0 and (_line_word(toks[a - 1], words, language)
                     or (toks[a - 1].text == "-" and a > 1 and _line_word(toks[a - 2], words, language))):
        a -= 1  # "fast - food": a hyphen written apart joins two words of the line
    if a > 0 and toks[a - 1].text == "-":
        return None  # "non - food businesses": the word before the hyphen, not a line's, belongs to it
    b = k
    while a < b and "edge" in words.get(toks[a].low, ()):
        a += 1
    while b > a and "edge" in words.get(toks[b - 1].low, ()):
        b -= 1
    return (a, b) if 0 < b - a <= MAX_WORDS else None


def _counted_line(toks: Sequence[Token], a: int, lex: Lexicon) -> bool:
    """Whether a number or a word of ``sector_count_words`` comes before the line starting at token ``a``,
    past capitalised words ("three European insurance companies", "10 U.S. oil companies"): a counted set
    of firms is no line of business (docs/annotations.md, "Sector conventions settled", 5).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> _counted_line(tokenize("to three European insurance companies"), 3, lex)
    True
    >>> _counted_line(tokenize("to a European insurance company"), 3, lex)
    False
    """
    i = a
    while i > 0 and (toks[i - 1].is_cap or toks[i - 1].text == "."):
        i -= 1
    return counted(toks, i, lex)


def _pattern(s: Sentence, a: int, b: int) -> Mention:
    toks = s.tokens
    start, end = toks[a].start, toks[b - 1].end
    text = s.text[start - s.start : end - s.start]
    return Mention(s.index, a, b, start, end, text, "Sector", "sector-" + slug(text), text, "pattern", passing=True)


def _without_head(s: Sentence, m: Mention, b: int) -> Mention:
    """The vocabulary's mention ``m`` ending at token ``b`` at most, marked passing ("steel industry" ->
    "steel": the span leaves the generic head out, docs/annotations.md)."""
    if m.j == b:
        return replace(m, passing=True)
    end = s.tokens[b - 1].end
    return replace(m, j=b, end=end, text=s.text[m.start - s.start : end - s.start], passing=True)


def passing_sectors(s: Sentence, ms: list[Mention], lex: Lexicon) -> list[Mention]:
    """``ms`` (one sentence's names, in any order) with the lines of business named before a head of
    ``sector_passing_heads`` as passing Sector mentions (module docstring); unchanged in a language
    without that setting."""
    heads = lex.optional_words("sector_passing_heads")
    if not heads:
        return ms
    toks = s.tokens
    if heads.isdisjoint(token_lows(toks)):  # no generic head: no line of business named before one
        return list(ms)
    out = list(ms)
    for k in range(1, len(toks)):
        if toks[k].low not in heads:
            continue
        span = _line_before(toks, k, lex.code)
        if span is None:
            continue
        if _counted_line(toks, span[0], lex):
            continue  # "three European insurance companies": a set of firms, not the line of business
        for a, b in split_list(toks, *span, lex.code):
            # a name inside the words ("U.S." is not plain; a tagger's or context name is not read here)
            inside = [m for m in out if m.i < b and a < m.j]
            if any(m.type != "Sector" for m in inside):
                continue
            same = [m for m in inside if m.i == a and m.j in (b, b + 1) and m.j <= k + 1]
            if same:  # kg's vocabulary read the line ("steel industry"): its mention stands alone, without the head
                out = [_without_head(s, m, b) if m in same else m for m in out]
                continue
            if any(m.i < a or m.j > b for m in inside):
                continue  # a vocabulary sector reaching past the line is read by the vocabulary
            covered = {q for m in inside for q in range(m.i, m.j)}
            if inside and all(q in covered or toks[q].text == "," or toks[q].low in ("and", "or", "&")
                              for q in range(a, b)):
                # "construction and real estate company": a list of the vocabulary's sectors, each its own
                out = [replace(m, passing=True) if m in inside else m for m in out]
                continue
            out = [m for m in out if m not in inside] + [_pattern(s, a, b)]
    return out


def _head_after(toks: Sequence[Token], m: Mention, heads: frozenset[str]) -> int | None:
    """The generic head a passing line ``m`` stands before: right after it, or after the rest of its list
    ("plastics and chemical business" for "plastics")."""
    for h in range(m.j, min(len(toks), m.j + MAX_WORDS + 2)):
        if toks[h].low in heads:
            return h
        if not (plain(toks[h]) or toks[h].text in (",", "-")):
            return None
    return None


def passing_links(s: Sentence, lines: list[Mention], ms: list[Mention], lex: Lexicon) -> list[Found]:
    """``operates_in`` from the company a passing line of business (``lines``) names in words, where the
    sentence names it right after the head, in an apposition: "the Philippine brewing firm, <San Miguel
    Corp>", "another publishing firm, Harcourt Brace Jovanovich Inc" (``ms``: the sentence's other
    mentions)."""
    heads = lex.optional_words("sector_passing_heads")
    if not heads:
        return []
    toks = s.tokens
    starts = {m.i: m for m in ms if m.type == "Company" and m.source != "coref"}
    owned = lex.optional_words("sector_passing_parts")
    out = []
    for line in lines:
        h = _head_after(toks, line, heads)
        if h is None:
            continue
        k = h + 2 + (h + 2 < len(toks) and toks[h + 2].text in ("<", "("))
        company = starts.get(k) if h + 2 < len(toks) and toks[h + 1].text == "," else None
        if company is None and toks[h].low in owned:
            company = _owner_before(toks, line, ms)
        if company is not None:
            out.append(Found("operates_in", company, line, "asserted", s, confidence=0.6))
    return out


def _owner_before(toks: Sequence[Token], line: Mention, ms: list[Mention]) -> Mention | None:
    """The company whose part a passing line names from before it: a company's name, with or without
    "'s", and places between ("The Borg chemical business", "Purolator's U.S. courier business", "its
    ETA Systems Inc. supercomputer business": the unit named there), or "its" and at most two words
    ("its profitable plastics and chemical business": the company coreference read "its" as, or the only one
    named before it)."""
    by_end = {m.j: m for m in ms if m.type in ("Company", "Country", "Place") and m.source != "coref"}
    k = line.i
    for _ in range(3):
        m = by_end.get(k)
        if m is not None and m.type == "Company":
            return m
        if m is not None:
            k = m.i  # "Purolator's U.S. courier business": the place says where, the company before it owns it
        elif k > 0 and toks[k - 1].text in _OWNER_MARKS:
            k -= 1
        else:
            break
    for q in range(line.i - 1, max(-1, line.i - 4), -1):
        if toks[q].low == "its":
            # the company coreference read "its" as, else the only company named before it
            coref = next((m for m in ms if m.i == q and m.source == "coref" and m.type == "Company"), None)
            before = {m.key: m for m in ms if m.type == "Company" and m.j <= q and m.source != "coref"}
            return coref or (next(iter(before.values())) if len(before) == 1 else None)
        if not plain(toks[q]):
            break
    return None
