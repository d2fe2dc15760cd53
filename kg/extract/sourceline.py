"""A wire service's source line: the place and the paper, agency or broadcaster a story was taken from.

Monitoring services (FBIS in CoNLL04) open or close a story with a line that names where it was read and
from whom: "Paris AFP", "Lima EL COMERCIO", "Beirut Radio Lebanon", or after the service's document code
"OW3004022094 Beijing XINHUA in Chinese 1149 GMT 29 Apr 94". The source is an organisation based in the
place; without a sentence around it the tagger reads it badly out of fold (CoNLL04 train, 2-fold taggers:
about 20 of the 90 such lines lost the source, and with it the based_in link). The words that make a
title-case run a broadcaster are language data (``press_source_words.txt``); a language without the file
reads no source lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.resources import word_set
from kg.schema import PLACE_TYPES

# a monitoring service's document code: two letters of the desk, then the date and the number ("OW3004022094")
_CODE = re.compile(r"[A-Z]{2}\d{10}")
# the longest source line without a code ("Sao Paulo GAZETA MERCANTIL", "Jakarta Radio Republik Indonesia Network")
_MAX_TOKENS = 7


def _source_word(t: Token) -> bool:
    """An upper-case word, a lone capital among them, or a name with a digit or a hyphen ("XINHUA", the "O" of
    "O GLOBO", "N-TV", "UT-1")."""
    return t.text.isupper() or (t.is_cap and any(c.isdigit() or c == "-" for c in t.text))


def _line(toks: Sequence[Token]) -> tuple[int, int, bool] | None:
    """Where a source line's place starts and where the line ends, and whether a document code opens it."""
    codes = [k for k, t in enumerate(toks) if len(t.text) == 12 and _CODE.fullmatch(t.text)]
    if codes:
        p = codes[-1] + 1
        e = next((k for k in range(p + 2, len(toks) - 1) if toks[k].low == "in" and toks[k + 1].is_cap), len(toks))
        return p, e, True
    if len(toks) > 2 * _MAX_TOKENS:
        return None
    # a bracket may close the line ("Beijing CHINA DAILY ( SCIENCE MEDICINE )": the paper's section)
    e = next((k for k, t in enumerate(toks) if t.text == "("), len(toks))
    if e < len(toks) and toks[-1].text != ")":
        return None
    while e > 0 and not toks[e - 1].is_word:
        e -= 1
    if not 2 <= e <= _MAX_TOKENS:
        return None
    return 0, e, False


def source_line(s: Sentence, names: list[Mention], gaz: GazIndex, lex: Lexicon) -> list[Mention]:
    """``names`` with a source line's place and source read as two names, a Place and an Organization.

    After the place (a place name kg read, or one capitalised word) the source runs to the line's end, or to
    "in <language>" after a document code, and is upper case ("AFP", "EL COMERCIO") or opens with a word of
    ``press_source_words.txt`` ("Radio Lebanon"). Without a document code, a line with a name across the place
    and the source, a word of the language for a place, or a word in lower case in the source is no source line.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> from kg.extract.lexicon import load_lexicon
    >>> s = split_sentences("Lima EL COMERCIO", [(0, 16)], load_lexicon("en"))[0]
    >>> [(m.text, m.type) for m in source_line(s, [], gaz_index("en"), load_lexicon("en"))]
    [('Lima', 'Place'), ('EL COMERCIO', 'Organization')]
    """
    words = word_set(lex.code, "press_source_words.txt")
    common = word_set(lex.code, "common_words.txt")
    if not words:
        return names
    toks = s.tokens
    line = _line(toks)
    if line is None:
        return names
    p, e, coded = line
    if e - p < 2:
        return names
    place = next((m for m in names if m.i == p and m.type in PLACE_TYPES and m.j < e), None)
    if place is not None:
        split = place.j
    else:
        # no place kg knows: the title-case words before the first upper-case word or broadcaster's word
        split = next((k for k in range(p + 1, e) if _source_word(toks[k]) or toks[k].low in words), e)
        if split == e or any(t.is_upper or not (t.is_cap and t.text.isalpha()) or t.low in common
                             for t in toks[p:split]):
            return names  # "Shares IPO": a word of the language names no place
    src = toks[split:e]
    if not src:
        return names
    if not all(t.is_cap or not t.is_word for t in src) or not (
            all(_source_word(t) or not t.is_word for t in src) or any(t.low in words for t in src)):
        return names
    if not coded and any(m.i < e and p < m.j and m is not place and not (split <= m.i and m.j <= e) for m in names):
        return names  # a name across the place and the source: no source line ("Texas Instruments")
    if not coded and place is None and gaz.lookup_name(s.text[toks[p].start - s.start:toks[e - 1].end - s.start]):
        return names
    kept = [m for m in names if not (m.i < e and (split if place else p) < m.j)]
    if place is None:
        kept.append(_name_mention(s, p, split, "Place", gaz))
    kept.append(_name_mention(s, split, e, "Organization", gaz))
    return sorted(kept, key=lambda m: m.i)
