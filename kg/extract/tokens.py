"""A token: a word or punctuation mark with its character offsets into the article text.

Its own module so that :mod:`kg.extract.lexicon` (which matches cues over tokens) and
:mod:`kg.extract.text` (which tokenizes with a lexicon's abbreviations) need not import each other.

>>> t = Token(0, 6, "Xiaomi")
>>> (t.low, t.is_word, t.is_cap, t.is_upper)
('xiaomi', True, True, False)
>>> sorted(POSSESSIVE)
["'s", '’s']
"""

from __future__ import annotations

import collections
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field

#: A possessive "'s" token, straight or curly apostrophe: kg.extract.text makes it a token of its own
#: ("Solvane's" -> "Solvane", "'s"). Compared with a token's ``text`` or ``low``.
POSSESSIVE = frozenset({"'s", "’s"})


# init=False: the generated __init__ of a frozen dataclass sets each field through object.__setattr__ and
# calls __post_init__, 2.8 us a token; setting the slots directly (_SET below) takes 2.0 us, and an article
# has about 150 tokens. Equality, hash, repr and the FrozenInstanceError on assignment stay the dataclass's.
@dataclass(frozen=True, slots=True, init=False)
class Token:
    start: int
    end: int
    text: str
    # Lowercased once: every lexicon and gazetteer lookup uses it.
    low: str = field(default="", compare=False, repr=False)

    def __init__(self, start: int, end: int, text: str, low: str = "") -> None:
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_low(self, low or text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts with an uppercase letter (``Xiaomi``, ``EV``, ``iPhone`` is not)."""
        return self.text[0].isupper()

    @property
    def is_upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


# The slots' own setters (member descriptors), which the frozen class's __setattr__ does not guard.
_set_start, _set_end, _set_text, _set_low = (Token.__dict__[f].__set__ for f in ("start", "end", "text", "low"))
_NEW = object.__new__
_COLUMNS = 32  # from this many tokens on, make_tokens sets the slots column by column


def make_tokens(starts: Sequence[int], ends: Sequence[int], texts: Sequence[str], lows: Sequence[str]) -> list[Token]:
    """``[Token(*t) for t in zip(starts, ends, texts, lows)]`` (``lows``: the texts lowercased), the same
    tokens made column by column: each slot set by a C loop over all tokens (``map`` over its setter), no
    Python ``__init__`` call a token: 130 -> 104 us for 240 tokens. The five loops cost about 2 us more to set
    up, so a short text (a headline: about 11 tokens, 5.5 -> 7.7 us) is made token by token.

    >>> make_tokens([0, 4], [3, 7], ["New", "Inc"], ["new", "inc"]) == [Token(0, 3, "New"), Token(4, 7, "Inc")]
    True
    """
    if len(texts) < _COLUMNS:
        return list(map(Token, starts, ends, texts, lows))
    toks = list(map(_NEW, itertools.repeat(Token, len(texts))))
    for put, column in ((_set_start, starts), (_set_end, ends), (_set_text, texts), (_set_low, lows)):
        collections.deque(map(put, toks, column), maxlen=0)  # run the setters, keep nothing
    return toks

_LOW = operator.attrgetter("low")
# The last token tuple asked for and its words (one reference, swapped whole: safe across threads). The
# name-shape passes of kg.extract.read ask for one sentence's tokens in turn, so one slot serves them all;
# holding the tuple keeps it alive, so an ``is`` match cannot be a new tuple at a reused address.
_LAST: list[tuple[tuple[Token, ...], frozenset[str]]] = [((), frozenset())]


def token_lows(toks: tuple[Token, ...]) -> frozenset[str]:
    """The lowercased words of ``toks`` as a set: a pass checks with it, once per sentence, whether any of
    its trigger words occurs at all before it walks the tokens (most sentences have none). The set of the
    last tuple asked for is remembered.

    >>> toks = (Token(0, 5, "Sachs"), Token(6, 9, "and"), Token(10, 12, "Co"))
    >>> sorted(token_lows(toks))
    ['and', 'co', 'sachs']
    >>> token_lows(toks) is token_lows(toks)
    True
    """
    last, lows = _LAST[0]
    if last is toks:
        return lows
    lows = frozenset(map(_LOW, toks))
    _LAST[0] = (toks, lows)
    return lows
