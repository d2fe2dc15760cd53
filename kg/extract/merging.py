"""One name per thing within an article: which mentions join which (kg.extract.assemble reads it).

A name joins another when it is a shorter form ("Nusantara Baterai" and "PT Nusantara Baterai Energi Tbk",
"Hyundai" and "Hyundai Motor Company"), a person's surname with or without a title ("Icahn", "Mr. Icahn"
and "Carl Icahn"), or an acronym of it ("Bank Rakyat Indonesia (BRI)", "BRI" after "Bank Rakyat
Indonesia"). The joined entity's label is cleaned (:func:`clean_label`, :func:`untitled`) and typed by
its mentions' majority (:func:`majority_type`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.extract.aliases import or_aliases
from kg.extract.mentions import Mention
from kg.names import is_legal_form, normalize
from kg.resources import word_set
from kg.schema import ORG_TYPES

_TYPE_ORDER = ("Company", "Organization", "Person", "Country", "Place", "Product", "Sector")
_PRODUCT_FIRST = ("Product", "Company", "Organization", "Person", "Country", "Place", "Sector")


def majority_type(types: Counter[str]) -> str:
    """The type most of a name's mentions have. A tie goes to a Product (its reading had a cue, "boneka
    barbie", a model code, where the other mention was a bare guess, "akan barbie": 2 type errors of the
    Indonesian train units fixed, none made), else to the first of Company, Organization, Person, Country,
    Place.

    >>> majority_type(Counter({"Company": 1, "Product": 1})), majority_type(Counter({"Person": 1, "Company": 1}))
    ('Product', 'Company')
    >>> majority_type(Counter({"Company": 2, "Product": 1}))
    'Company'
    """
    order = _PRODUCT_FIRST if "Product" in types else _TYPE_ORDER
    return sorted(types, key=lambda t: (-types[t], order.index(t)))[0]


# A trailing acronym or ticker in brackets: "Bank Rakyat Indonesia (BRI)", "Sealy Inc <SEAL>".
_TRAILING_CODE = re.compile(r"\s*[(<][A-Z0-9][A-Z0-9.&\-]{0,9}[)>]?$")


def clean_label(text: str) -> str:
    """A label as shown everywhere: white space collapsed, no trailing acronym or ticker.

    >>> clean_label("National\\nAmusements  Inc (NAI)")
    'National Amusements Inc'
    >>> clean_label("PT Bank Rakyat Indonesia (Persero) Tbk")
    'PT Bank Rakyat Indonesia (Persero) Tbk'
    """
    label = " ".join(text.split())
    short = _TRAILING_CODE.sub("", label)
    return short or label


def _honorifics(language: str) -> frozenset[str]:
    return word_set(language, "honorifics.txt")


def untitled(label: str, language: str) -> str:
    """A person's name without the titles of ``honorifics.txt`` before it.

    >>> untitled("Mr. Pesch", "en"), untitled("Gen. Nhek Bunchhay", "en"), untitled("Dr.", "en")
    ('Pesch', 'Nhek Bunchhay', 'Dr.')
    """
    raw = label.split()
    while len(raw) > 1 and raw[0].lower() in _honorifics(language):
        raw = raw[1:]
    return " ".join(raw)


def _words(m: Mention, language: str) -> tuple[str, ...]:
    """The normalised words of a mention without a leading title ("Mr. Icahn" -> ("icahn",))."""
    raw = m.text.split()
    while len(raw) > 1 and raw[0].lower() in _honorifics(language):
        raw = raw[1:]
    return tuple(normalize(" ".join(raw)).split())


def _initials(words: tuple[str, ...]) -> set[str]:
    """An acronym's possible letters: with and without the legal forms ("HMC", "HM")."""
    words = tuple(w for w in words if w not in ("of", "and", "dan", "the", "de"))
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if not is_legal_form(w))}


# the types whose full names short forms join, and the types of names that may be short forms
_NAMED = ORG_TYPES | {"Person"}
_MERGED = ORG_TYPES | {"Person", "Place", "Product"}


def merge_map(mentions: list[Mention], text: str, language: str = "en",
               apart: frozenset[frozenset[str]] = frozenset()) -> dict[str, str]:
    """key -> canonical key for names that are shorter forms, surnames or acronyms of another; never
    for a pair in ``apart`` (two parties a construction tells apart: "Emiten Grup Lippo (SILO)"); a name
    ending in a legal form ("Dorsey Corp") is no short form of another organisation."""
    full: dict[str, tuple[str, ...]] = {}
    ftype: dict[str, str] = {}
    first: dict[str, int] = {}
    # _words of each text (a name recurs in an article, and normalize is the costly part), made once
    said: dict[str, tuple[str, ...]] = {}

    def words_of(m: Mention) -> tuple[str, ...]:
        got = said.get(m.text)
        if got is None:
            got = said[m.text] = _words(m, language)
        return got

    for m in mentions:
        first.setdefault(m.key, m.start)
        if m.source != "coref" and m.type in _NAMED:
            toks = words_of(m)
            if len(toks) > len(full.get(m.key, ())):
                full[m.key], ftype[m.key] = toks, m.type
    # candidates by the word a short form shares with them: first word (organisations), last (persons)
    by_word: dict[str, list[str]] = defaultdict(list)
    letters: dict[str, set[str]] = {}
    for key, toks in full.items():
        if len(toks) > 1:
            by_word[toks[-1] if ftype[key] == "Person" else toks[0]].append(key)
    # "Dorsey Corp" beside "Dorsey Trailers Inc": a name the article writes with its own legal form at the
    # end is a company's full name, and so is its short form ("Dorsey"), not a longer one's (a parent and
    # its unit share their first words)
    formal = {m.key for m in mentions if m.source != "coref" and m.type in ORG_TYPES and len(m.text.split()) > 1
              and is_legal_form(m.text.split()[-1])}
    key_words: dict[str, int] = {}  # most words of a key's mentions
    for m in mentions:
        key_words[m.key] = max(key_words.get(m.key, 0), len(m.text.split()))
    out: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        if m.source == "coref" or m.type not in _MERGED or (m.key, m.text) in seen:
            continue
        seen.add((m.key, m.text))
        mine = words_of(m)
        if not mine:
            continue
        acronym = len(mine) == 1 and m.text.isupper() and len(mine[0]) >= 2
        cands = by_word.get(mine[0], [])
        if acronym:
            cands = cands + [k for k in full if ftype[k] != "Person" and len(full[k]) > 1]
        best = None
        for key in cands:
            toks = full[key]
            if key == m.key or len(toks) <= len(mine) or frozenset((m.key, key)) in apart:
                continue
            if m.key in formal and ftype[key] != "Person":
                continue
            if m.source == "gazetteer" and first[key] > first[m.key]:
                # a name the gazetteer knows joins a longer one only as its short form after it
                # ("Hyundai Motor Company ... Hyundai"), not when it came first ("Xiaomi ... Xiaomi EV")
                continue
            if ftype[key] == "Person":
                # a surname ("Icahn", "Mr. Icahn") joins the person's full name, and only a person's
                # or a lone word the gazetteer read as a brand ("Harold Simmons ... Simmons told Reuters" is
                # no "Simmons Bars"; en train: 57 of 63 such words Person)
                same = ((m.type == "Person" or (m.source == "gazetteer" and key_words.get(m.key) == 1))
                        and len(mine) == 1 and toks[-1] == mine[0])
            else:
                # a person's full name never joins a company by its first words; a lone word may
                same = (m.type != "Person" or len(mine) == 1) and toks[: len(mine)] == mine
                if not same and acronym:  # an acronym of the full name ("BRI", "NAI")
                    if key not in letters:
                        raw = next(x.text for x in mentions if x.key == key and words_of(x) == toks)
                        letters[key] = _initials(tuple(w.lower() for w in re.findall(r"[^\W_]+", raw)))
                    same = mine[0] in letters[key]
            if same and (best is None or len(toks) > len(full[best])):
                best = key
        if best is not None and resolves(best, out) != m.key:
            out[m.key] = best
    for m, other in or_aliases(mentions, text, language):  # "PT Jakarta Propertindo atau Jakpro"
        if resolves(m.key, out) != other.key and frozenset((m.key, other.key)) not in apart:
            out[other.key] = m.key
    # Acronyms and tickers defined in brackets right after a name: "Bank Rakyat Indonesia (BRI)".
    for m in mentions:
        if m.source == "coref" or m.type not in ORG_TYPES:
            continue
        tail = text[m.end : m.end + 16]
        if tail.startswith(" (") and ")" in tail:
            acro = tail[2 : tail.index(")")]
            if acro.startswith(" ") and acro.endswith(" "):
                acro = acro.strip()  # tokenised text: "Bank Indonesia ( BI )"
            upper = acro.isupper() and 2 <= len(acro) <= 6
            if not upper and m.text.islower():
                # text without capitals ("( yimm )", "( gaikindo )"): nothing marks an acronym, so one word in
                # brackets names the organisation before it when kg found it as an organisation too
                acro = acro.strip()
            if upper or (m.text.islower() and acro.isalnum() and acro.islower() and 2 <= len(acro) <= 10):
                for other in mentions:
                    if (other.text == acro and other.key != m.key and resolves(m.key, out) != other.key
                            and (upper or other.type in ORG_TYPES)
                            and frozenset((m.key, other.key)) not in apart):
                        out[other.key] = m.key
    return out


def resolves(key: str, remap: dict[str, str]) -> str:
    """The key ``key`` ends at when followed through ``remap`` (a cycle stops where it closes).

    >>> resolves("a", {"a": "b", "b": "c"}), resolves("a", {"a": "b", "b": "a"}), resolves("x", {})
    ('c', 'b', 'x')
    """
    seen = {key}
    while key in remap and remap[key] not in seen:
        key = remap[key]
        seen.add(key)
    return key
