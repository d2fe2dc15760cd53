"""Relations read from names next to each other, with no relation cue between them.

"Australian miner Redgum" (based_in), "Boeing 737" (launch), "copper producer Kestrel" and "Kestrel Copper SA,
a copper producer" (operates_in), "produces iron ore and lithium" (more sectors after
the first), and the place and sector inside a resolved description ("the San
Francisco-based artificial intelligence company"). Called by
:func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.extract.found import Found
from kg.extract.joins import listed_after
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.phrasewords import words_of
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.schema import ORG_TYPES, PLACE_TYPES

__all__ = ["inside_descriptions", "maker_before_model", "more_sectors", "place_before_org", "sector_next_to_org"]

# Words between a maker's possessive and its product ("Boeing's larger 777", "Apple's forthcoming Mac OS X");
# a longer phrase is rather a description of something else the company has.
POSSESSED_GAP = 2


def place_before_org(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """ "Australian miner Redgum", "Perth-based Redgum", "perusahaan Jepang Morimoto Shoji":
    a country word or an "X-based" place right before an organisation places it there; with ``town_before_org``
    (language.toml) a town too, with nothing between ("Tokyo MAINICHI SHIMBUN", "Cape Town Supreme Court") or a
    kind of company ("Sydney broker Lumeo", even after a preposition: "Ana Diaz of Sydney broker Lumeo")."""
    toks = s.tokens
    towns = lex.setting("town_before_org") is True
    preps = lex.words("object_markers") | lex.words("agent_markers") | {"in", "di", "ke", "at"}
    for k, m in enumerate(ms):
        if m.type not in PLACE_TYPES:
            continue
        # after a preposition the place is where something else is ("Tenvar of Lyon"), unless a kind of
        # company follows it ("Ana Diaz of Sydney broker Lumeo")
        after_prep = m.i > 0 and toks[m.i - 1].low in preps
        based = toks[m.j - 1].low.endswith("-based")
        # a town right before an organisation's name places it there with nothing between ("Cape Town
        # Supreme Court", "Tokyo MAINICHI SHIMBUN"), or with a kind of company ("Sydney broker X", "Houston
        # discount brokerage firm X": _business_head); "Perth gold X" is not read
        town = m.type == "Place" and not based
        if town and not towns:
            continue
        for org in ms[k + 1 :]:
            if org.i < m.j:
                continue
            gap = toks[m.j : org.i - 1] if org.i > m.j and toks[org.i - 1].text == "<" else toks[m.j : org.i]
            if org.i - m.j > 3 or any(t.is_cap or not (t.is_word or t.text in POSSESSIVE) for t in gap):
                break
            if any(lex.cues_starting(t.text) or t.low in preps for t in gap):
                break  # "Indonesia sued Tenvar", "Panama ke BlackRock": not "Australian miner Redgum"
            if (town or after_prep) and not _business_head(gap, lex.code) and (after_prep or org.i != m.j):
                break
            if org.type in ORG_TYPES:
                if org.source != "coref" or based:
                    yield Found("based_in", org, m, "asserted", s, confidence=0.7)
                break


def _business_head(gap: Sequence[Token], language: str) -> bool:
    """Whether the lowercase words between a town and a name end with a kind of company (a ``head`` or
    ``agent`` word of ``relations/sector_phrases.txt``: "Sydney broker", "New York discount brokerage firm",
    "Atlantia electric parts distributor"). On kg's English train split the gold places the company there
    in all 7 cases where a place, such words and a name stand so (out-of-fold relation models: based_in
    +2 right links, none wrong).

    >>> from kg.extract.text import tokenize
    >>> _business_head(tokenize("discount brokerage firm"), "en"), _business_head(tokenize("sources said"), "en")
    (True, False)
    """
    if not gap or not all(t.is_word and not t.is_cap for t in gap):
        return False
    classes = words_of(language).get(gap[-1].low, frozenset())
    return bool(classes & {"head", "agent"})


def maker_before_model(s: Sentence, ms: list[Mention], lex: Lexicon | None = None) -> Iterator[Found]:
    """ "Airbus A380", "samsung gear 360", "Boeing 737-300": a company named right before a product, no
    word between, makes it (launch; docs/annotations.md, maker + model). With ``maker_possessives``
    (language.toml) so does a company whose possessive stands before the product, up to
    :data:`POSSESSED_GAP` lowercase words between ("Boeing's 787", "Apple's popular iPod"). With
    ``maker_after_product`` a company right after the product made it ("penjualan iPhone Apple").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> toks = tokenize("Garuda menambah tiga Boeing 737-300 .")
    >>> s = Sentence(0, 0, 37, "Garuda menambah tiga Boeing 737-300 .", tuple(toks))
    >>> ms = [Mention(0, 3, 4, 0, 0, "Boeing", "Company", "Boeing", "Boeing", "gazetteer"),
    ...       Mention(0, 4, 5, 0, 0, "737-300", "Product", "737-300", "737-300", "pattern")]
    >>> [(f.type, f.subject.text, f.object.text) for f in maker_before_model(s, ms)]
    [('launch', 'Boeing', '737-300')]
    >>> toks = tokenize("Boeing 's larger 777 planes")
    >>> s = Sentence(0, 0, 27, "Boeing 's larger 777 planes", tuple(toks))
    >>> ms = [Mention(0, 0, 1, 0, 0, "Boeing", "Company", "Boeing", "Boeing", "gazetteer"),
    ...       Mention(0, 3, 4, 0, 0, "777", "Product", "777", "777", "ner")]
    >>> [(f.type, f.subject.text, f.object.text) for f in maker_before_model(s, ms, load_lexicon("en"))]
    [('launch', 'Boeing', '777')]
    """
    makers = {m.j: m for m in ms if m.type == "Company" and m.source != "coref"}
    owners = lex.optional_words("maker_possessives") if lex is not None else frozenset()
    toks = s.tokens
    after = lex is not None and lex.settings.get("maker_after_product") is True
    if owners:
        # "its 777 airliner": a possessive pronoun that coreference resolved to a company is its possessive
        pronouns = lex.words("maker_possessive_pronouns") if lex is not None else frozenset()
        makers.update({m.i: m for m in ms if m.type == "Company" and m.source == "coref" and m.j == m.i + 1
                       and toks[m.i].low in pronouns})
    for p in ms:
        maker = makers.get(p.i) if p.type == "Product" else None
        if maker is not None and maker.source == "coref":
            maker = None
        if maker is None and p.type == "Product" and owners:
            maker = next((m for k, m in makers.items() if k < p.i <= k + 1 + POSSESSED_GAP
                          and (toks[k].low in owners or (m.source == "coref" and k == m.i))
                          and all(t.is_word and t.text.islower() for t in toks[k + 1 : p.i])), None)
        if maker is None and p.type == "Product" and after:
            # head-first possession: "penjualan iPhone Apple"
            maker = next((m for m in ms if m.i == p.j and m.type == "Company" and m.source != "coref"), None)
        if maker is not None:
            yield Found("launch", maker, p, "asserted", s, confidence=0.7)


def sector_next_to_org(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """ "copper producer Kestrel", "perusahaan fintech Dompet Rakyat", "online marketplace Pasar Kilat"
    (a sector word just before a company name, and the companies listed after that one) and "Kestrel
    Copper SA, a copper producer" (just after)."""
    toks = s.tokens
    # Head-first languages read "ponsel Samsung" as Samsung's phone: a sector word before a name says
    # what the company does only after a description head ("perusahaan fintech X") or as one ("maskapai X").
    heads = lex.words("sector_before_name_heads")
    need_head = bool(heads)
    ranks = lex.optional_words("sector_rank_words")
    for k, m in enumerate(ms):
        if m.type != "Sector":
            continue
        nxt = next((o for o in ms[k + 1 :] if o.i >= m.j), None)
        if (
            nxt is not None
            and nxt.type == "Company"
            and nxt.source != "coref"
            and nxt.i - m.j <= (3 if ranks else 2)
            # Reuters writes a name in brackets ("Italian car maker <Lumeo SpA>"); a headline capitalises
            # words of rank ("Produsen Baterai Terbesar Dunia CATL": sector_rank_words)
            and all((t.is_word and not t.is_cap) or t.text in ("<", "(") or t.low in ranks for t in toks[m.j : nxt.i])
            and (not need_head or toks[m.i].low in heads or (m.i > 0 and toks[m.i - 1].low in heads))
        ):
            yield Found("operates_in", nxt, m, "asserted", s, confidence=0.7)
            for more in listed_after(s, lex, ms, nxt):
                yield Found("operates_in", more, m, "asserted", s, confidence=0.65)
            continue
        first = _listed_members(s, lex, ms, k)
        if first is not None:
            yield Found("operates_in", first, m, "asserted", s, confidence=0.65)
            for more in listed_after(s, lex, ms, first):
                yield Found("operates_in", more, m, "asserted", s, confidence=0.65)
            continue
        prev = next((o for o in reversed(ms[:k]) if o.j <= m.i), None)
        if prev is not None and prev.type == "Company" and prev.j < len(toks) and toks[prev.j].text == ",":
            gap = toks[prev.j + 1 : m.i]
            if len(gap) <= 3 and all(t.is_word and not t.is_cap for t in gap):
                yield Found("operates_in", prev, m, "asserted", s, confidence=0.65)


def _listed_members(s: Sentence, lex: Lexicon, ms: list[Mention], k: int) -> Mention | None:
    """ "maskapai yang beroperasi di Bandara X antara lain Garuda Indonesia, AirAsia dan Citilink",
    "produsen gawai sekelas Samsung, Sony ataupun LG": the first company of a list opened by a word of
    ``list_openers`` (language.toml) after a sector word that heads a kind of company (or after a short
    relative clause on it), or right after any sector word ("transportasi daring seperti X dan Y", "taksi
    online yakni X": the opener says the names are of that kind; session 15, train operates_in +5 links, no
    false one); None if the sector word opens no list."""
    openers = lex.words("list_openers")
    heads = lex.words("sector_before_name_heads")
    toks = s.tokens
    m = ms[k]
    # "Badan Usaha Milik Negara (BUMN) konstruksi seperti A, B dan C": the head may be a bracketed short form
    before = m.i - 2 if m.i > 1 and toks[m.i - 1].text == ")" else m.i - 1
    headed = toks[m.i].low in heads or (before >= 0 and toks[before].low in heads)
    if not openers:
        return None
    first = next((o for o in ms[k + 1 :] if o.i >= m.j and o.type in ORG_TYPES), None)
    if first is None or first.type != "Company" or first.source == "coref" or first.i - m.j > 12:
        return None
    gap = toks[m.j : first.i]
    words = [t.low for t in gap if t.text not in (":", ",")]
    if not words or not (words[-1] in openers or " ".join(words[-2:]) in openers):
        return None
    if not headed and not (words == [words[-1]] or " ".join(words) in openers):
        return None  # "ponsel buatan Korea seperti Samsung": without a head only the opener may follow
    if len(words) > 2 and words[0] not in lex.words("relativizers"):
        return None  # "sektor semen dengan induk PT X": no list of the sector's companies
    return first


def more_sectors(s: Sentence, lex: Lexicon, ms: list[Mention], pair: tuple[Mention, Mention]) -> Iterator[Found]:
    """ "produces iron ore and lithium": further sectors listed after the first one."""
    org, sec = pair
    conj = lex.words("conjunctions") | {","}
    last = sec
    for m in ms:
        if m.i < last.j or m.type != "Sector":
            continue
        gap = s.tokens[last.j : m.i]
        if not gap or len(gap) > 2 or not all(t.low in conj for t in gap):
            break
        yield Found("operates_in", org, m, "asserted", s, confidence=0.65)
        last = m


def inside_descriptions(s: Sentence, ms: list[Mention]) -> Iterator[Found]:
    """ "the San Francisco-based artificial intelligence company" said of OpenAI: the place of
    origin and the sector named inside a resolved description are the antecedent's. A sector word
    that is the description's head ("the airline", "maskapai tersebut") only refers back: it says
    no more than the antecedent's own name did."""
    for d in ms:
        if d.source != "coref" or d.type not in ORG_TYPES:
            continue
        for m in ms:
            if m is d or m.i < d.i or m.j > d.j or (m.type == "Sector" and (m.i == d.i or m.j == d.j)):
                continue
            if m.type in PLACE_TYPES and m.key == d.origin:
                yield Found("based_in", d, m, "asserted", s, confidence=0.65)
            elif m.type == "Sector" and d.type == "Company":
                yield Found("operates_in", d, m, "asserted", s, confidence=0.6)
