"""Organisation names the tagger reads as places: a place run next to an organisation's head or tail word.

The Indonesian tagger often leaves an organisation's head word out of its run and types the rest a place
("Bank Jatim" -> Place "Jatim", "Polda Jabar" -> Organization "Polda" + Place "Jabar"), or types a company
named after a place a place ("Batavia Air", "Tugu Insurance"). The words are language data
(``place_org_heads.txt`` and ``place_org_tails.txt`` of a language folder).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.text import Token

# The bar a tagger's Organization run opened by an organisation word must pass to displace the list's places
# it holds (kg.extract.learned.OUTRANK for the others): in a head-first language such a run is the body of that
# place ("Pemerintah Provinsi DKI Jakarta", "Bursa Efek Jakarta", "pemprov dki jakarta"). Out-of-fold train id
# (scripts/cv_hybrid.py): such runs below OUTRANK were 2 bodies of the gold (0.71, 0.66), none wrong.
BODY_OUTRANK = 0.5


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


def place_end(toks: Sequence[Token], i: int, j: int, said: frozenset[str], title_case: bool) -> int:
    """The end of the tagger's Place run ``toks[i:j]`` without the capitalised words of ``said``
    (``headline_predicates``: how a market or place fares) at its end, in a title-case headline or where the
    run ends its clause: a headline that :func:`kg.extract.text._is_title_case` misses, having no capitalised
    common word ("Tarif Impor Trump Bikin Wall Street Cemas"), still ends in its predicate.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Tarif Impor Trump Bikin Wall Street Cemas")
    >>> place_end(toks, 4, 7, frozenset({"cemas"}), False)
    6
    >>> toks = tokenize("Jualan Rumah di Amerika Seret, Warga Ngeluh")
    >>> place_end(toks, 3, 5, frozenset({"seret"}), False)
    4
    >>> toks = tokenize("Warga Kuat Jaya menolak")
    >>> place_end(toks, 1, 3, frozenset({"jaya"}), False)
    3
    """
    if not (title_case or j == len(toks) or not toks[j].text[:1].isalnum()):
        return j
    while j > i and toks[j - 1].low in said and _capital(toks[j - 1]):
        j -= 1
    return j


def place_body(toks: Sequence[Token], i: int, j: int, etype: str, inside: Sequence[tuple[int, int, str]],
               organization_word: Callable[[str], bool]) -> bool:
    """The tagger's run ``toks[i:j]`` is an Organization opened by an organisation word
    (``organization_word``) and every list name ``inside`` it ``(first, end, type)`` is a Place (no
    country: "Pemerintah Indonesia" is the state) that it holds whole, after the first word.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("ke Bursa Efek Jakarta ( BEJ )")
    >>> body = lambda w: w.lower() == "bursa"
    >>> place_body(toks, 1, 4, "Organization", [(3, 4, "Place")], body)
    True
    >>> place_body(toks, 1, 4, "Organization", [(3, 4, "Country")], body)
    False
    >>> place_body(toks, 2, 4, "Organization", [(3, 4, "Place")], body)
    False
    """
    return (etype == "Organization" and bool(inside) and organization_word(toks[i].text)
            and all(t == "Place" and i < a and b <= j for a, b, t in inside))
