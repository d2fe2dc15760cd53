"""Entity mentions: gazetteer matches, name patterns, and definite descriptions.

A mention carries the key of the entity it names (a gazetteer id, or a slug of
the normalised name for names found by pattern). Coreference of descriptions
("perusahaan tersebut", "the company") is resolved here too, because the
relation rules need every mention of an organisation, named or not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.corporate import place_context
from kg.extract.edges import starts_amount
from kg.extract.gazindex import GazIndex, Known
from kg.extract.lexicon import Lexicon, sentence_starters
from kg.extract.sectorspan import modifiers_end
from kg.extract.sectorwords import in_passing, modifies_noun, sector_not_after, sector_span_heads
from kg.extract.text import Sentence, Token
from kg.extract.tokens import token_lows
from kg.extract.websites import web_sites
from kg.ids import slug
from kg.names import normalize
from kg.schema import ORG_TYPES, PLACE_TYPES
from kg.slotinit import fast_init, replace  # replace: dataclasses.replace, faster for a Mention


@fast_init  # slots set directly: dozens of mentions an article (kg.slotinit)
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of one sentence that names (or describes) an entity."""

    sent: int
    i: int  # first token index within the sentence
    j: int  # one past the last token index
    start: int
    end: int
    text: str
    type: str
    key: str
    label: str
    source: str = "gazetteer"  # gazetteer | pattern | coref
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    origin: str | None = None  # for descriptions: the place named in "asal X"
    passing: bool = False  # a sector word that is an entity even with no relation ("Asuransi Tak Bisa ...")
    sure: float = 1.0  # a tagger's name: its weakest token's marginal probability (kg.extract.confidence)


def _person_cues(lex: Lexicon) -> frozenset[str]:
    """Organisation cue nouns that name people as often (``org_cues_person_too``, language.toml)."""
    return lex.optional_words("org_cues_person_too")


@functools.lru_cache(maxsize=8)
def _closing_forms(forms: frozenset[str], prefixes: frozenset[str]) -> frozenset[str]:
    """The legal forms that may end a company name: all but those written only before it.

    >>> sorted(_closing_forms(frozenset({"Tbk", "Grup", "Inc"}), frozenset({"grup"})))
    ['Inc', 'Tbk']
    """
    return frozenset(f for f in forms if f.lower() not in prefixes)


def _listed_org(s: Sentence, i: int, j: int, gaz: GazIndex) -> bool:
    toks = s.tokens
    known = gaz.lookup_name(s.text[toks[i].start - s.start : toks[j - 1].end - s.start])
    return (known is not None and known.type in ORG_TYPES) or toks[j - 1].text.strip(".") in gaz.legal_forms


def _known_mention(s: Sentence, i: int, j: int, k: Known) -> Mention:
    toks = s.tokens
    start, end = toks[i].start, toks[j - 1].end
    return Mention(
        s.index,
        i,
        j,
        start,
        end,
        s.text[start - s.start : end - s.start],
        k.type,
        k.id,
        k.label,
        "gazetteer",
        k.wikidata,
        k.country,
        k.sector,
    )


def _name_mention(s: Sentence, i: int, j: int, etype: str, gaz: GazIndex, source: str = "pattern") -> Mention:
    toks = s.tokens
    start, end = toks[i].start, toks[j - 1].end
    last = toks[j - 1].text
    cut = last.rfind("-")
    if (etype in PLACE_TYPES and 0 < cut < len(last) - 1 and last[cut + 1].islower()
            and last[:cut].lower() != last[cut + 1 :]):  # "Selok Awar-awar": a doubled word is one word
        end = toks[j - 1].start + cut  # "Rhode Island-based", "Portland-area": the place ends at the hyphen
    text = s.text[start - s.start : end - s.start]
    known = gaz.lookup_name(text)
    # the same kind of thing: a company the list calls an organisation, a tagger's "Place" the list knows
    # as a country ("U.S." in "a U.S. Company", where Reuters capitalises the noun after it)
    if known is not None and (known.type == etype or {known.type, etype} <= ORG_TYPES
                              or {known.type, etype} <= PLACE_TYPES):
        return replace(_known_mention(s, i, j, known), source=source, end=end, text=text)
    key = slug(normalize(text) or text)
    # the label drops the line breaks of hard-wrapped wire copy; the mention text keeps them
    return Mention(s.index, i, j, start, end, text, etype, key, " ".join(text.split()), source)


def named(s: Sentence, i: int, j: int, etype: str, gaz: GazIndex, lex: Lexicon,
          source: str = "pattern") -> Mention | None:
    """A mention for a name no list confirmed, its edges trimmed (:func:`kg.extract.edges.trim`);
    ``None`` when nothing name-like is left. A span the gazetteer knows as a whole is kept as is."""
    from kg.extract.edges import trim

    toks = s.tokens
    known = gaz.lookup_name(s.text[toks[i].start - s.start : toks[j - 1].end - s.start])
    if known is None or not (known.type == etype or {known.type, etype} <= ORG_TYPES):
        span = trim(toks, i, j, lex, title_case=s.title_case, person=etype == "Person")
        if span is None:
            return None
        i, j = span
    return _name_mention(s, i, j, etype, gaz, source)


def _cap_run(toks: Sequence[Token], i: int, lex: Lexicon, *, limit: int = 6) -> int:
    """End of the run of name tokens starting at ``i`` (capitalised words, acronyms,
    digits inside a name, and name-internal connectors like "&" or "of")."""
    j = i
    connectors = {"&", "of", "de", "van", "der", "dan"} if lex.code == "id" else {"&", "of", "de", "van", "der"}
    while j < len(toks) and j - i < limit:
        t = toks[j]
        inner = j > i and t.low in connectors and j + 1 < len(toks) and toks[j + 1].is_cap
        if j > i and starts_amount(t, toks[j + 1] if j + 1 < len(toks) else None):
            break  # "PT Indofood CBP Sukses Makmur Rp 6,290 triliun": the amount is no part of the name
        if t.is_cap or (j > i and t.text[0].isdigit()) or (inner and t.low != "dan"):
            j += 1
        else:
            break
    return j


def _cue_at(toks: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether a cue's words start at ``toks[k]`` (all of them: "General Medical Corp" holds no "general
    counsel", "Media General Inc" no "media reports"). English train split, out of fold: 4 names more
    whole, none lost against stopping at any word a cue may start with."""
    return any(all(k + n < len(toks) and toks[k + n].low == w for n, w in enumerate(c.words) if n)
               for c in lex.cues_starting(toks[k].text))


def before_qualifier(toks: Sequence[Token], i: int) -> int:
    """Where the name before the legal form ``toks[i]`` ends: before a bracketed qualifier of one or
    two capitalised words ("Bache Securities (Japan) Ltd", "Brunner Mond (UK) Limited": the place or
    line in brackets is part of the company's name, 8 of 8 such names on the English train split),
    else at ``i``.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Bache Securities (Japan) Ltd analyst")
    >>> before_qualifier(toks, 5), before_qualifier(tokenize("Lumeo Corp"), 1)
    (2, 1)
    """
    for width in (1, 2):
        k = i - width - 2  # the opening bracket
        if (k >= 1 and toks[i - 1].text == ")" and toks[k].text == "(" and toks[k - 1].is_cap
                and all(t.is_cap for t in toks[k + 1 : i - 1])):
            return k
    return i


def _sentence_case(toks: Sequence[Token]) -> bool:
    """Fewer than 60 % of the words after the first are capitalised (kg.evaluate.casing, on tokens)."""
    words = [t for t in toks if t.text[0].isalpha()]
    return len(words) < 2 or sum(t.is_cap for t in words[1:]) < 0.6 * (len(words) - 1)


def _inside_longer_name(toks: Sequence[Token], i: int, j: int, hits: list[tuple[int, int, Known]],
                        lex: Lexicon) -> bool:
    """A place or country sits inside a longer capitalised name: a capitalised word (not a date word,
    not another known name) touches it in a sentence-case sentence."""
    from kg.extract.edges import is_edge_word

    others = {k for a, b, _ in hits if (a, b) != (i, j) for k in range(a, b)}

    def name_word(k: int) -> bool:
        t = toks[k]
        return (0 <= k < len(toks) and k not in others and t.is_cap and t.text[0].isalpha()
                and not is_edge_word(t, lex, words=False))

    return (i > 1 and name_word(i - 1)) or (j < len(toks) and name_word(j))


# Reuters writes a company's ticker in angle brackets after its name: <CPML>, <TSCO.L>, <SKPS ST>.
_TICKER = re.compile(r"[A-Z]{1,6}([. ][A-Z]{1,3})?")


def _bracketed_ticker(s: Sentence, i: int, j: int) -> bool:
    """``toks[i:j]`` is all of a ticker in angle brackets right after a capitalised word."""
    toks = s.tokens
    if not (i >= 2 and j < len(toks) and toks[i - 1].text == "<" and toks[j].text == ">" and toks[i - 2].is_cap):
        return False
    return _TICKER.fullmatch(s.text[toks[i].start - s.start : toks[j - 1].end - s.start]) is not None


def names_currency(s: Sentence, m: Mention, lex: Lexicon) -> bool:
    """A country or place name that is part of a currency's name ("US$ 7 billion", "350 mln U.S. dlrs",
    "Dolar AS"): the words after or before it are the language's ``currency_after`` / ``currency_before``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "It paid US$ 7 billion."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> us = Mention(0, 2, 3, 8, 10, "US", "Country", "united-states", "United States")
    >>> names_currency(s, us, load_lexicon("en"))
    True
    """
    if m.type not in PLACE_TYPES:
        return False
    toks = s.tokens
    return ((m.j < len(toks) and toks[m.j].low in lex.words("currency_after"))
            or (m.i > 0 and toks[m.i - 1].low in lex.words("currency_before")))


def find_names(s: Sentence, lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """Named mentions in one sentence: gazetteer matches, then patterns around them."""
    toks = s.tokens
    found: list[Mention] = []
    taken = [False] * len(toks)

    def take(m: Mention | None) -> None:
        # A longer pattern name replaces the gazetteer names it contains ("Xiaomi EV" over "Xiaomi").
        nonlocal found
        if m is None:
            return
        found = [f for f in found if f.j <= m.i or f.i >= m.j]
        for k in range(m.i, m.j):
            taken[k] = True
        found.append(m)

    hits = list(gaz.scan(toks, title_case=s.title_case, caseless=s.caseless))
    plain: bool | None = None  # decided once, and only for a sentence with a place in it
    sector_end = -1  # the end of the last sector phrase: a sector word it took in is no mention of its own
    for i, j, known in hits:
        if known.type == "Sector" and i < sector_end:
            continue
        if _bracketed_ticker(s, i, j):
            continue  # "Waste Management Inc <WNX>": the name's ticker, though a list knows it as a name
        if known.type == "Sector" and i > 0 and toks[i - 1].low in sector_not_after(lex):
            continue  # "Harga Nikel Terjun": a commodity's price, not the industry
        if known.type in ORG_TYPES and j - i == 1 and place_context(toks, i, j, lex, gaz.is_place):
            take(_name_mention(s, i, j, "Place", gaz))  # "Swiss Reinsurance Co of Zurich, Switzerland"
            continue
        if (known.type == "Sector" and not s.title_case and not any(t.is_cap for t in toks[i:j])
                and modifies_noun(toks, j, lex)):
            # "stock market rumors": the rumours' kind, no company's line of business (a capitalised "AI" in
            # "AI services" stays, or the words would be read as a company's name)
            continue
        if (known.type in ("Country", "Place") or (known.type == "Sector" and toks[i].is_cap)) and not s.title_case:
            if plain is None:
                plain = _sentence_case(toks)
            if plain and _inside_longer_name(toks, i, j, hits, lex):
                # "Nippon Steel Corp", "West Virginia Power", "Trans World Airlines": the place or
                # sector word names part of another name
                continue
        if known.type == "Sector" and j - i >= 2 and toks[i].low in sector_span_heads(lex):
            i += 1  # "Industri Perbankan": the sector is "Perbankan" (docs/annotations.md)
        passing = known.type == "Sector" and in_passing(toks, i, j, lex)
        if known.type == "Sector" and lex.settings.get("sector_modifiers_follow", False):
            # "Pertambangan Timah", "ponsel cerdas": the words after it narrow the line of business
            j = modifiers_end(toks, j, lex, title_case=s.title_case,
                              others=[(a, b, k.type) for a, b, k in hits if b > j], is_place=gaz.is_place,
                              caseless=s.caseless)
            sector_end = j
            # a sector word it took in may stand alone where the head does not ("tambang pasir besi")
            passing = passing or any(in_passing(toks, a, b, lex) for a, b, k in hits
                                     if k.type == "Sector" and i < a and b <= j)
        k = j
        if known.type == "Company":
            # "BCA Digital", "Prudential Syariah", "BRI Life": a listed company and the capitalised word of a
            # unit (company_unit_tails) name a company of its own, which the lists may not know
            while k < len(toks) and toks[k].is_cap and toks[k].low in lex.optional_words("company_unit_tails"):
                k += 1
        # the unit's name is a list name too: a tagger's run of the bare company inside it does not displace it
        m = _known_mention(s, i, j, known) if k == j else _name_mention(s, i, k, "Company", gaz, "gazetteer")
        take(replace(m, passing=True) if passing else m)

    # (the sentence's text holds every token's: most sentences have no "-based" and skip the loop)
    for i, t in enumerate(toks if "-based" in s.text.lower() else ()):
        # "Perth-based", "Jakarta-based": the place inside the token.
        if t.low.endswith("-based") and len(t.text) > 7 and not taken[i]:
            place = t.text[:-6]
            b = i
            # "San Francisco-based": the place may start in the tokens before.
            while b > 0 and toks[b - 1].is_cap and i - b < 3:
                longer = s.text[toks[b - 1].start - s.start : t.start - s.start] + place
                if gaz.lookup_name(longer) is None:
                    break
                b -= 1
                place = longer
            known_place = gaz.lookup_name(place)
            if known_place is None and place[0].isupper():
                known_place = Known(slug(place), place, "Place")
            if known_place is not None and known_place.type in ("Place", "Country"):
                start = toks[b].start
                found.append(
                    Mention(
                        s.index,
                        b,
                        i + 1,
                        start,
                        start + len(place),
                        place,
                        known_place.type,
                        known_place.id,
                        known_place.label,
                        "gazetteer",
                        known_place.wikidata,
                        known_place.country,
                    )
                )
                taken[i] = True

    legal_tail = _closing_forms(gaz.legal_forms, lex.words("legal_form_prefixes"))
    for i, t in enumerate(toks):
        # "PT Nama Perusahaan (Persero) Tbk" / "Nama Perusahaan Inc": legal forms make a company.
        if t.text in ("PT", "PT.") and i + 1 < len(toks) and toks[i + 1].is_cap and not s.title_case:
            j = _cap_run(toks, i + 1, lex)
            while j < len(toks) and (
                toks[j].text.strip(".") in legal_tail
                or (toks[j].text in "()" and j + 1 < len(toks) and toks[j + 1].text == "Persero")
            ):
                j += 1 if toks[j].text != "(" else 3
            j = min(j, len(toks))
            if j > i + 1:
                take(_name_mention(s, i, j, "Company", gaz))
        elif (
            t.text.strip(".") in legal_tail
            and t.text not in ("PT", "Co")
            and i > 0
            and toks[before_qualifier(toks, i) - 1].is_cap
            and not taken[i]
        ):
            q = before_qualifier(toks, i)
            b = q - 1
            while (
                b > 0
                # "Johnson and Johnson Co", but "Tenvar Inc and Lumeo Corp" are two companies
                and (toks[b - 1].is_cap or (toks[b - 1].low in ("and", "&", "of") and b > 1 and toks[b - 2].is_cap
                                            and toks[b - 2].text.strip(".") not in legal_tail))
                and q - b < 6
                and toks[b].text != "PT"
                and not _cue_at(toks, b - 1, lex)
                and not (b - 1 == 0 and toks[0].low in sentence_starters())
            ):
                b -= 1
            if any(f.i <= b < f.j and f.type not in ORG_TYPES for f in found):
                continue
            take(named(s, b, i + 1, "Company", gaz, lex))
        elif t.text == "<" and i + 2 < len(toks):
            # Reuters marks company names as <Sedio N.V.>.
            j = i + 1
            while j < len(toks) and toks[j].text != ">" and j - i < 10:
                j += 1
            inside = s.text[toks[i + 1].start - s.start : toks[j - 1].end - s.start] if j > i + 1 else ""
            # <CPML>, <TSCO.L>, <SKPS ST>: a ticker after a name, not a name of its own
            ticker = _TICKER.fullmatch(inside) is not None
            # "</org>", "<b>": markup in scraped text, not a name (Reuters' names start with a capital)
            markup = not inside[:1].isalnum() or inside[:1].islower()
            if j < len(toks) and toks[j].text == ">" and j > i + 1 and not ticker and not markup:
                take(_name_mention(s, i + 1, j, "Company", gaz))

    for i, j in web_sites(toks):
        # a web site named as a source or a business is a company (kg.extract.websites); written apart
        # ("kompas . com") it holds the list's name before its full stop
        if not any(taken[i:j]) or (j > i + 1 and all(i <= f.i and f.j <= j for f in found if f.i < j and i < f.j)):
            take(_name_mention(s, i, j, "Company", gaz))

    # Organisation cue nouns announce a name: "unit Xiaomi EV", "startup Nusantara AI".
    if not s.title_case and not lex.org_cue_starts.isdisjoint(token_lows(toks)):
        starts = lex.org_cue_starts
        for i in range(len(toks)):
            if (toks[i].is_cap and i > 0) or toks[i].low not in starts:
                continue
            for n in (3, 2, 1):
                etype = lex.org_cues.get(tuple(t.low for t in toks[i : i + n]))
                if etype is None:
                    continue
                b = i + n
                j = _cap_run(toks, b, lex) if b < len(toks) and toks[b].is_cap else b
                blocked = any(f.i <= b < f.j and f.type not in ORG_TYPES | {"Sector"} for f in found)
                same = any(f.i == b and f.j == j for f in found)
                if j - b >= 2 and " ".join(t.low for t in toks[i:b]) in _person_cues(lex) and not _listed_org(
                        s, b, j, gaz):
                    break  # "investor Asher Edelman", "producer Burt Sugarman": the tagger tells a person
                if j > b and not blocked and not same:
                    take(named(s, b, j, etype, gaz, lex))
                break
    return sorted(found, key=lambda m: m.i)
