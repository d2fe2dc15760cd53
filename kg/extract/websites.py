"""Web sites named as a source or a business: "kompas.com", "beritagar.id", and "jawapos . com" as tokenised
text writes them (the full stop apart, which :func:`kg.extract.text.split_sentences` does not take for a
sentence end before a domain of :data:`SPACED_DOMAINS`).

On the Indonesian train split of annotations/, 21 of 22 web site names are companies (the other a product);
out of fold (scripts/cv_hybrid.py), the spaced ones were read as "jawapos" and "com", two false names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.tokens import Token

__all__ = ["SPACED_DOMAINS", "spaced_site", "web_sites"]

_WEB_NAME = re.compile(r"(?!www\.)[a-z0-9][a-z0-9-]*[a-z][a-z0-9-]*(?:\.co)?\.(?:com|id|net|tv)")
# The domains after which a full stop written apart still belongs to a site's name ("kompas . com"): not
# "id" or "tv", which end sentences as words ("... di tv . ").
SPACED_DOMAINS = frozenset({"com", "net"})


def web_sites(toks: Sequence[Token]) -> list[tuple[int, int]]:
    """The token spans ``(first, one past the last)`` of the web site names in ``toks``; no address
    ("www.", an e-mail's or a path's part after "@", "/" or ":").

    >>> from kg.extract.text import tokenize
    >>> web_sites(tokenize("jakarta , kompas . com - dilansir detik.com dan www.tempo.co.id ."))
    [(2, 5), (7, 8)]
    >>> web_sites(tokenize("kirim ke info@abcd.co.id atau lihat abcd.co.id/harga"))
    []
    """
    out: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if i > 0 and toks[i - 1].text in "@/:":
            continue
        if "." in t.text and _WEB_NAME.fullmatch(t.low):
            out.append((i, i + 1))
        elif i + 2 < len(toks) and spaced_site(t, toks[i + 1], toks[i + 2]) and _WEB_NAME.fullmatch(
                f"{t.low}.{toks[i + 2].low}"):
            out.append((i, i + 3))
    return out


def spaced_site(name: Token, dot: Token, domain: Token) -> bool:
    """``name . domain`` is a web site's name as tokenised text writes it: a word, a full stop with a space on
    each side, and a domain of :data:`SPACED_DOMAINS` in lower case ("kompas . com"; not "stg. Net income").

    >>> from kg.extract.text import tokenize
    >>> [spaced_site(*tokenize(t)) for t in ("kompas . com", "stg. Net", "year . Net")]
    [True, False, False]
    """
    return (dot.text == "." and name.is_word and name.end < dot.start and dot.end < domain.start
            and domain.text in SPACED_DOMAINS)
