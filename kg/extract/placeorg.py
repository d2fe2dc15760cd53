"""Organisation names the tagger reads as places: a place run next to an organisation's head or tail word.

The Indonesian tagger often leaves an organisation's head word out of its run and types the rest a place
("Bank Jatim" -> Place "Jatim", "Polda Jabar" -> Organization "Polda" + Place "Jabar"), or types a company
named after a place a place ("Batavia Air", "Tugu Insurance"). The words are language data
(``place_org_heads.txt`` and ``place_org_tails.txt`` of a language folder).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.text import Token


def _capital(t: Token) -> bool:
    return t.text[:1].isupper()


def place_org_runs(toks: Sequence[Token], runs: Sequence[tuple[int, int, str]], heads: frozenset[str],
                   tails: frozenset[str]) -> list[tuple[int, int, str]]:
    """The tagger's runs with each Place run that a capitalised head word of ``heads`` directly precedes,
    or that a capitalised word of ``tails`` ends or directly follows, made one Organization run with
    those words; runs the new run covers are dropped.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Bank Jatim Bidik Kredit")
    >>> place_org_runs(toks, [(1, 2, "Place")], frozenset({"bank"}), frozenset())
    [(0, 2, 'Organization')]
    >>> toks = tokenize("Polda Jabar menahan lima orang")
    >>> place_org_runs(toks, [(0, 1, "Organization"), (1, 2, "Place")], frozenset({"polda"}), frozenset())
    [(0, 2, 'Organization')]
    >>> toks = tokenize("pesawat Batavia Air jatuh di Jakarta")
    >>> place_org_runs(toks, [(1, 2, "Place"), (5, 6, "Place")], frozenset(), frozenset({"air"}))
    [(1, 3, 'Organization'), (5, 6, 'Place')]
    """
    if not heads and not tails:
        return list(runs)
    out: list[tuple[int, int, str]] = []
    for i, j, etype in runs:
        if etype == "Place":
            a, b = i, j
            while a > 0 and _capital(toks[a - 1]) and toks[a - 1].low in heads:
                a -= 1
            while b < len(toks) and _capital(toks[b]) and toks[b].low in tails:
                b += 1
            if a < i or b > j or (j - i >= 2 and toks[j - 1].low in tails and _capital(toks[j - 1])):
                while out and out[-1][1] > a:
                    out.pop()  # "Polda" the tagger read apart
                out.append((a, b, "Organization"))
                continue
        if out and out[-1][1] > i:
            continue
        out.append((i, j, etype))
    return out
