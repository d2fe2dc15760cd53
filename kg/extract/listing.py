"""A stock listing written in brackets after a company's name: "Southwest Airlines Co. (NYSE: LUV)",
"Manhattan Associates (NASDAQ:MANH)".

The bracket names where the company's shares trade and its ticker, not two more parties. The tagger and the
gazetteer find the exchange ("NYSE": New York Stock Exchange) and the ticker as names, and the rules and the
pair classifier then read the company's links off them: "Southwest Airlines Co. (NYSE: LUV) ... headquartered
in Dallas, Texas" gave both LUV and the New York Stock Exchange a base in Dallas and in Texas. On kg's English
train split both such brackets (two sentences) made only false links (six), from the exchange or the ticker;
the gold links neither. :func:`listed_names` gives the ticker's links to the company and drops the
exchange's.
"""

from __future__ import annotations

from kg.extract.found import Found, moved_parties
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token
from kg.schema import ORG_TYPES

__all__ = ["listed_names", "listings"]

_MAX_TICKER = 3  # tokens after the colon: "LUV", "BRK . A"


def _code(t: Token) -> bool:
    """An exchange code or a ticker part: no lower-case letter, at least one letter ("NYSE", "LUV", "TSCO")."""
    return any(c.isalpha() for c in t.text) and not any(c.islower() for c in t.text)


def _close(toks: tuple[Token, ...] | list[Token], c: int) -> int | None:
    """The index of the ")" that ends a ticker starting at ``c`` (after the colon), or None."""
    for e in range(c, min(len(toks), c + _MAX_TICKER + 1)):
        if toks[e].text == ")":
            return e if e > c else None
        if not (_code(toks[e]) or toks[e].text == "."):
            return None
    return None


def listings(s: Sentence, ms: list[Mention]) -> dict[str, Mention | None]:
    """The mentions of ``ms`` inside a listing bracket right after an organisation's name, by key: a ticker
    with the mention of that name, the exchange with None. The bracket is "(", one code, ":", a ticker of at
    most three tokens, ")"; a full stop may stand between the name and the bracket ("Co. (").

    >>> from kg.extract.text import tokenize
    >>> text = "Southwest Airlines Co. (NYSE: LUV) is based in Dallas"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 0, 3, 0, 21, "Southwest Airlines Co", "Company", "sw", "Southwest", "test"),
    ...       Mention(0, 5, 6, 24, 28, "NYSE", "Organization", "nyse", "New York Stock Exchange", "test"),
    ...       Mention(0, 7, 8, 30, 33, "LUV", "Company", "luv", "LUV", "test")]
    >>> {k: m.text if m else None for k, m in listings(s, ms).items()}
    {'nyse': None, 'luv': 'Southwest Airlines Co'}
    """
    toks = s.tokens
    out: dict[str, Mention | None] = {}
    for n in ms:
        if n.type not in ORG_TYPES or n.source == "coref":
            continue
        k = n.j + 1 if n.j < len(toks) and toks[n.j].text == "." else n.j
        if not (k + 3 < len(toks) and toks[k].text == "(" and _code(toks[k + 1]) and toks[k + 2].text == ":"):
            continue
        e = _close(toks, k + 3)
        if e is None:
            continue
        for m in ms:
            if m is n or not (k < m.i and m.j <= e):
                continue
            out[m.key] = None if m.j <= k + 2 else n
    return out


def listed_names(s: Sentence, ms: list[Mention], found: list[Found]) -> list[Found]:
    """``found`` with the links of a listing's ticker given to its company and those of its exchange
    dropped (:func:`listings`), none twice or between the company and its own ticker."""
    listed = listings(s, ms)
    if not listed:
        return found
    return moved_parties(found, listed)
