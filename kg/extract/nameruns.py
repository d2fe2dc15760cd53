"""Where the tagger's name runs are cut or joined by what the words around them say: a headline's
predicate run into a place, an "&" lost from a company's name, two names joined by a hyphen.
Plain functions over tokens and mentions, used by :mod:`kg.extract.learned` and the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token


def before_predicate(toks: Sequence[Token], i: int, j: int, said: frozenset[str]) -> int:
    """The end of the run ``toks[i:j]`` without the words of ``said`` (``headline_predicates``: how a market or
    place fares) at its end: a headline's tagger runs a place into its predicate ("Wall Street Tumbang").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Saham Dijual, Wall Street Tumbang")
    >>> before_predicate(toks, 3, 6, frozenset({"tumbang"})), before_predicate(toks, 5, 6, frozenset({"tumbang"}))
    (5, 5)
    """
    while j > i and toks[j - 1].low in said:
        j -= 1
    return j


def ampersand_runs(toks: Sequence[Token], runs: Sequence[tuple[int, int, str]], words: frozenset[str]
                   ) -> list[tuple[int, int, str]]:
    """The tagger's name runs with those joined by a word of ``words`` made one organisation: text whose
    "&amp;" lost its "&" and ";" ("Smith Barney, Harris Upham amp Co.", "Federal Savings amp Loan
    Association") writes "amp" where the name has "&", and the tagger, which knows "&" inside names, cuts
    the name there. A run followed by the word and capitalised words ("Dow Jones amp Co.") takes them in.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("said Dow Jones amp Co. and Savings amp Loan Association")
    >>> ampersand_runs(toks, [(1, 3, "Person"), (7, 8, "Place"), (9, 11, "Organization")], frozenset({"amp"}))
    [(1, 6, 'Organization'), (7, 11, 'Organization')]
    """
    if not words:
        return list(runs)
    out: list[tuple[int, int, str]] = []
    for i, j, etype in sorted(runs):
        if out and out[-1][1] + 1 == i and toks[i - 1].low in words:
            out[-1] = (out[-1][0], j, "Organization")
            continue
        if j + 1 < len(toks) and toks[j].low in words and toks[j + 1].is_cap:
            end = j + 1
            while end < len(toks) and (toks[end].is_cap or (toks[end].text == "." and toks[end - 1].is_cap)):
                end += 1
            if not any(a < end and j < b for a, b, _ in runs if a != i):
                out.append((i, end, "Organization"))
                continue
        out.append((i, j, etype))
    return out


def joined_pair(s: Sentence, m: Mention, gaz: GazIndex, lex: Lexicon) -> bool:
    """Where the language writes pairs so (``hyphen_joins_names``), a name found by a pattern or the
    tagger that holds two names joined by a hyphen, one of them known ("Grab-Emtek", "Rusia-Ukraina",
    "Erick Thohir-Rosan Roeslani": a pair, a duo, a match in a headline) is no one name. kg's tokens do
    not split such a word, so neither half can be given alone; a known whole ("Mercedes-Benz") is the
    gazetteer's and is kept. In a headline, a person's name holding two capitalised words joined so
    ("Duet Nixon-Oni") is a pair even when neither half is known: of 111 such words in the Indonesian
    train split, none is inside a person's name; in running text a hyphenated name is a person's own
    often enough ("Jean-Marie", and idner tags a ticket "Jokowi-Kalla" as one person)."""
    if m.source not in ("pattern", "ner") or not lex.settings.get("hyphen_joins_names", False):
        return False
    for t in s.tokens[m.i : m.j]:
        halves = t.text.split("-")
        if len(halves) != 2 or not all(len(h) >= 2 and h[0].isupper() and h.isalpha() for h in halves):
            continue
        if (m.type == "Person" and s.title_case and all(len(h) >= 3 and h[1:].islower() for h in halves)) or any(
                gaz.lookup_name(h) is not None for h in halves):
            return True
    return False
