"""Where the tagger's name runs are cut or joined by what the words around them say: a headline's
predicate run into a place, an "&" lost from a company's name, two names joined by a hyphen.
Plain functions over tokens and mentions, used by :mod:`kg.extract.learned` and the pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import _name_mention
from kg.extract.tokens import token_lows

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


_PLACE_KINDS = frozenset({"Place", "Country"})


def spaced_hyphens(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with a name that a hyphen standing apart and a capitalised word come right before taken back
    over them, in text tokenized word by word (Penn Treebank style: "Hewlett - Packard", "Prudential - Bache
    Securities Inc.", "Times - Mirror Publishing Group"), where a hyphen inside a word is written so; a name that
    ends at that word is joined in. Such text is told by a comma or a possessive standing apart (" , ", " 's ").
    ``hyphen_spaced_in_words`` in ``ontology/lang/<code>/language.toml`` switches the reading on.

    kg's English train split, capitalised words joined so in such text: 15 in one gold name, 3 not (an adjective,
    "Anglo - French"; a law, "Hart - Scott - Rodino Act"; "San Jose - Cisco"): a place or a country on either side
    is left apart.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "Alex Henderson , an analyst at Prudential - Bache Securities , said so ."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [_name_mention(s, 6, 7, "Company", gaz), _name_mention(s, 8, 10, "Company", gaz)]
    >>> [(m.text, m.type) for m in spaced_hyphens(s, ms, lex, gaz)]
    [('Prudential - Bache Securities', 'Company')]
    """
    if lex.settings.get("hyphen_spaced_in_words", False) is not True or not names:
        return names
    text = s.text
    if " - " not in text or not (" , " in text or " 's " in text):
        return names
    toks = s.tokens
    out = sorted(names, key=lambda m: m.i)
    n = len(out) - 1
    while n >= 0:
        m = out[n]
        i = m.i
        if (i >= 2 and toks[i - 1].text == "-" and toks[i - 2].is_cap and toks[i - 2].is_word
                and toks[i - 1].start > toks[i - 2].end and toks[i].start > toks[i - 1].end and toks[i].is_cap):
            left = next((o for o in out if o.j == i - 1), None)
            # a place or a country on either side is a pair ("San Jose - Cisco", "Anglo - French")
            if m.type not in _PLACE_KINDS and (left.type not in _PLACE_KINDS if left is not None
                                               else not any(o.i <= i - 2 < o.j for o in out)):
                a = left.i if left is not None else i - 2
                kind = m.type if left is None or m.j - m.i >= left.j - left.i else left.type
                joined = _name_mention(s, a, m.j, kind, gaz, m.source)
                out = [o for o in out if o is not m and o is not left]
                out.append(joined)
                out.sort(key=lambda o: o.i)
                n = out.index(joined)
        n -= 1
    return out if len(out) != len(names) or any(a is not b for a, b in zip(out, sorted(names, key=lambda m: m.i),
                                                                                 strict=True)) else names


def _cap_words(toks: Sequence[Token], k: int, step: int, limit: int = 3) -> int:
    """Where the capitalised words from ``toks[k]`` on (``step`` 1) or back (``step`` -1) stop, at most ``limit``."""
    n = 0
    while 0 <= k < len(toks) and n < limit and toks[k].is_cap and toks[k].is_word:
        k += step
        n += 1
    return k


def connected_names(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with the capitalised words on both sides of a connector of a foreign name (``name_connectors``,
    perhaps with an article, ``name_connector_articles``: "Petroles de Venezuela", "Regie Nationale des Usines
    Renault", "Duffour et Igon", "Eduardo de los Angeles") made one name, where a name stands on one side. A person
    on one side and no company or organisation makes a person; otherwise the name is the company or organisation
    of one side, or a company. The words are language data; a language without them is left as it is.

    kg's English train split: 19 of 20 such runs are one gold name (16 Company, 2 Person, 1 Organization), the
    other is no gold name.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "It signed with Petroles de Venezuela last week."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> [(m.text, m.type) for m in connected_names(s, [_name_mention(s, 5, 6, "Country", gaz)], lex, gaz)]
    [('Petroles de Venezuela', 'Company')]
    """
    connectors = lex.optional_words("name_connectors")
    if not connectors or not names:
        return names
    toks = s.tokens
    if connectors.isdisjoint(token_lows(toks)):  # no connector (most sentences): nothing to join
        return names
    articles = lex.optional_words("name_connector_articles")
    out = list(names)
    for k in range(1, len(toks) - 1):
        if toks[k].low not in connectors or toks[k].is_cap or not toks[k - 1].is_cap:
            continue
        r = k + 1
        if r < len(toks) and toks[r].low in articles and not toks[r].is_cap:
            r += 1
        if r >= len(toks) or not toks[r].is_cap:
            continue
        # the tagger may take the connector into the left name ("Eduardo de" + "Angeles")
        left = next((m for m in out if m.j == k or (m.j == k + 1 and m.i < k)), None)
        right = next((m for m in out if m.i == r), None)
        if left is None and right is None:
            continue
        a = left.i if left is not None else _cap_words(toks, k - 1, -1) + 1
        b = right.j if right is not None else _cap_words(toks, r, 1)
        if any(m is not left and m is not right and m.i < b and a < m.j for m in out):
            continue
        kinds = {m.type for m in (left, right) if m is not None}
        person = "Person" if "Person" in kinds else "Company"
        kind = next((t for t in ("Company", "Organization") if t in kinds), person)
        source = left.source if left is not None else right.source if right is not None else "pattern"
        out = [m for m in out if m is not left and m is not right] + [_name_mention(s, a, b, kind, gaz, source)]
    return sorted(out, key=lambda m: m.i) if len(out) != len(names) or any(
        a is not b for a, b in zip(out, names, strict=True)) else names
