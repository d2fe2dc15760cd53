"""Names no list knows, typed by the words around them.

A capitalised run of words that the gazetteer does not know becomes a Person
after a job title or a verb of saying, a Place after "berbasis di"/"based in",
a Product after a launch verb, and a Company next to a deal verb. In title-case
headlines every word is capitalised, so nothing is guessed there.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kg.extract.corporate import subject_of_it
from kg.extract.cuetails import split_tail
from kg.extract.cutshort import initial_or_title
from kg.extract.found import Hit
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon, sentence_starters
from kg.extract.mentions import Mention, _cap_run, _name_mention, named
from kg.extract.ner import organization_word
from kg.extract.text import Sentence, Token, bracketed_acronym
from kg.extract.titled import titled_products
from kg.resources import word_set
from kg.schema import ORG_TYPES

_FILLERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "new",
        "produk",
        "mobil",
        "layanan",
        "aplikasi",
        "model",
        "seri",
        "ponsel",
        "smartphone",
        "fitur",
        "platform",
    }
)


def type_by_context(s: Sentence, lex: Lexicon, gaz: GazIndex, names: list[Mention], hits: list[Hit]) -> list[Mention]:
    """Mentions for unknown names next to cues; ``names`` are the sentence's known names."""
    if s.title_case:
        return _title_case_names(s, lex, gaz, names, hits)
    toks = s.tokens
    taken = [False] * len(toks)
    for m in names:
        for k in range(m.i, m.j):
            taken[k] = True
    cue_at: dict[int, Hit] = {}
    cue_end: dict[int, Hit] = {}
    cued: set[int] = set()
    for h in hits:
        for k in range(h.i, h.j):
            taken[k] = True
            cued.add(k)
        cue_at.setdefault(h.i, h)
        cue_end.setdefault(h.j, h)
    speech = lex.words("speech_verbs")
    not_names = _not_names(lex)
    regions = word_set(lex.code, "region_adjectives.txt")
    starters = sentence_starters()
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if taken[i] or not toks[i].is_cap or not toks[i].text[0].isalpha():
            i += 1
            continue
        j = _cap_run(toks, i, lex, limit=5)
        while j > i and any(taken[k] for k in range(i, j)):
            j -= 1
        if j <= i:
            i += 1
            continue
        if split_tail(toks, i, cued):
            i = j  # "Badan Usaha Milik Negara": the last word of a name its cue words split (kg.extract.cuetails)
            continue
        if (i == 0 and toks[0].low in starters) or toks[i].low in not_names or (
                " ".join(t.low for t in toks[i:j]) in regions):
            i = j  # "its European subsidiary": a region's adjective names nothing (region_adjectives.txt)
            continue
        etype = _context_type(toks, i, j, lex, cue_at, cue_end, speech, names)
        if etype == "Product" and toks[i].low in lex.optional_words("not_products_start"):
            etype = None  # "merilis Laporan Keuangan": figures released, not a product
        elif etype == "Product" and j - i >= 2 and toks[i].low in _FILLERS | lex.optional_words("product_heads"):
            i += 1  # "Mobil Rajawali buatan X": the kind of product is no part of its name
        if etype == "Person" and i == 0 and j == 1 and _no_name_alone(toks[0].low, lex.code):
            # "Recently , analysts have said": a sentence's first word is capitalised whatever it is; one that
            # (almost) never names is no person before a job title (1 such Person on the English train split,
            # false; no gold Person is such a word)
            etype = None
        if etype == "Person" and j - i == 1 and initial_or_title(toks, i, lex):
            etype = None  # "officer H. Neil Nichols", "directors : Mr. Sugarman": no name is one initial or title
        if etype == "Person":
            # "Doug Gowland of Brown Baldwin": a person's name ends before "of"
            j = next((k for k in range(i + 1, j) if not toks[k].is_cap), j)
            place = _headed_place(s, i, j, lex, gaz)
            if place is not None:
                # "Gubernur DKI Jakarta", "Gubernur Provinsi Jawa Tengah": the place the title is held in
                i, etype = place, "Place"
            elif _portfolio(toks[i:j], lex) or organization_word(toks[i].text, lex.code):
                # "Menteri Tenaga Kerja", "pimpinan Dewan": a title's portfolio; "Ketua Komisi II", "Ketua
                # DPD Partai X": the body the title is held in, headed by an organisation word
                etype = None
        found = named(s, i, j, etype, gaz, lex) if etype else None
        if found is not None:
            out.append(found)
            for k in range(found.i, found.j):
                taken[k] = True
        i = j
    # a model code marks a product name ("xperia m5", "Boeing 737-300"; kg.extract.coded)
    from kg.extract.coded import caseless_launched, coded_products
    from kg.extract.innercap import inner_capital_products
    from kg.extract.makermodel import described_products, maker_models, quoted_products

    titled = titled_products(s, lex, gaz, [*names, *out])
    if titled:
        out = [m for m in out if not any(t.i < m.j and m.i < t.j for t in titled)] + titled
    coded = coded_products(s, lex, gaz, [*names, *out])
    coded += maker_models(s, lex, gaz, [*names, *out, *coded])  # "Toyota Sienta" (kg.extract.makermodel)
    coded += described_products(s, lex, gaz, [*names, *out, *coded])  # "Galaxy Note adalah smartphone ..."
    coded += quoted_products(s, lex, gaz, [*names, *out, *coded])  # "lewat ' The Jungle Book ' yang dirilis"
    coded += inner_capital_products(s, lex, gaz, [*names, *out, *coded])  # "penjualan iPhone Apple"
    launched = caseless_launched(s, lex, gaz, [*names, *out], hits)
    coded += [m for m in launched if not any(c.i < m.j and m.i < c.j for c in coded)]
    if not coded:
        return out
    return [m for m in out if not any(c.i < m.j and m.i < c.j for c in coded)] + coded


def _portfolio(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Where the language ships a dictionary, capitalised words after a job title that are all ordinary
    words of it, none a known first name (``ontology/models/names.tsv``), name the title's portfolio or
    a body ("Menteri Tenaga Kerja", "Direktur Keuangan"), not its holder ("Menteri Budi", "Dirut Nicke")."""
    from kg.extract.edges import has_dictionary, is_ordinary_word

    first = _first_names()
    return has_dictionary(lex) and all(t.is_word and is_ordinary_word(t.low, lex) and t.low not in first
                                       for t in toks)


def _headed_place(s: Sentence, i: int, j: int, lex: Lexicon, gaz: GazIndex) -> int | None:
    """Where the place starts when ``toks[i:j]`` ends in a place or country the gazetteer knows and any
    words before it are ordinary words of the language ("Provinsi Jawa Tengah", "Kabupaten Bogor"): the
    place a title is held in, not its holder. A first name before the place keeps a person ("George
    Washington"): ``None``."""
    from kg.extract.edges import is_ordinary_word

    toks = s.tokens
    for k in range(i, j):
        if k > i and not (toks[k - 1].is_word and is_ordinary_word(toks[k - 1].low, lex)):
            return None
        known = gaz.lookup_name(s.text[toks[k].start - s.start : toks[j - 1].end - s.start])
        if known is not None and known.type in ("Place", "Country"):
            return k
    return None


@functools.cache
def _first_names() -> frozenset[str]:
    from kg.extract.nerfeat import read_names

    return frozenset(name.strip().lower() for kind, name in read_names() if kind == "first")


def _context_type(
    toks: Sequence[Token],
    i: int,
    j: int,
    lex: Lexicon,
    cue_at: dict[int, Hit],
    cue_end: dict[int, Hit],
    speech: frozenset[str],
    names: list[Mention],
) -> str | None:
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[j].low if j < len(toks) else ""
    # A job title just before ("CEO Jane Doe", "Direktur Utama PT X, Budi") or after (", CEO of").
    for end in range(i, max(0, i - 9), -1):
        h = cue_end.get(end)
        if (
            h
            and h.cue.relation == "works_for"
            and all(t.text in ",:" or any(m.i <= idx < m.j for m in names) for idx, t in enumerate(toks[h.j : i], h.j))
        ):
            return "Person"
    if nxt == "," and j + 1 < len(toks):
        h = cue_at.get(j + 1) or cue_at.get(j + 2)
        if h and h.cue.relation == "works_for":
            return "Person"
    if (prev in speech or nxt in speech) and j - i >= 2:
        # "Continental Can said it would ...": the subject "it" takes up is a business (kg.extract.corporate)
        return "Company" if i == 0 and subject_of_it(toks, j, lex) else "Person"
    h = cue_end.get(i) or (cue_end.get(i - 1) if i > 0 and toks[i - 1].low in _FILLERS else None)
    if h is None and i > 1 and toks[i - 1].low in _FILLERS and toks[i - 2].low in _FILLERS:
        h = cue_end.get(i - 2)
    if h and h.cue.relation == "based_in":
        return "Place"
    if h and h.cue.relation == "launch" and not (lex.is_passive(toks[h.i].text, h.cue.words[0])
                                                 and not h.cue.passive):
        # "besutan Nusapintar" names the maker; after a verb's passive ("Diluncurkan Prabowo") stands who
        # launched it, a person as often as a company: no guess from the verb
        return "Company" if h.cue.passive else "Product"
    if prev in lex.optional_words("product_heads") and i > 0 and not toks[i - 1].is_cap:
        return "Product"  # "ponsel Galaxy Note", "sistem operasi Bada": a name after a kind of product
    if h and h.cue.relation in (
        "acquisition",
        "investment",
        "supply",
        "partnership",
        "competitor_of",
        "legal_dispute",
        "subsidiary_of",
    ):
        return "Company"
    h2 = cue_at.get(j)
    if h2 and h2.cue.relation == "launch" and h2.cue.passive:
        return "Product"  # "Bada OS besutan Samsung": the maker follows the product
    if (
        h2
        and h2.cue.relation
        in ("acquisition", "investment", "supply", "partnership", "competitor_of", "legal_dispute", "launch")
        and j - i >= 1
        and i > 0
    ):
        return "Company"
    return None


def _launched_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: list[Mention],
                       hits: list[Hit]) -> list[Mention]:
    """In a headline, the capitalised run right after a launch verb is what was launched, ordinary words and
    cue words included ("Luncurkan Cicil Emas Digital pada ...", "Luncurkan Investasi Saham AS"); it ends at
    a lowercase word, punctuation, a known name or a sector word, and released figures are no product."""
    toks = s.tokens
    named_at = {k for m in names for k in range(m.i, m.j)}
    heads = lex.optional_words("sector_span_heads")
    out = []
    stop = sentence_starters()
    for h in hits:
        if h.cue.relation != "launch" or h.cue.passive or h.j >= len(toks) or h.j in named_at:
            continue
        if lex.is_passive(toks[h.i].text, h.cue.words[0]):
            continue  # "Danantara Diluncurkan Besok": what was launched stands before the verb
        if not any(m.type in ORG_TYPES and h.i - 3 <= m.j <= h.i for m in names):
            continue  # "Jelang Rilis Pertumbuhan Ekonomi": a release with no one releasing is a noun
        j = h.j
        while (j < len(toks) and j - h.j < 5 and toks[j].is_cap and toks[j].is_word and j not in named_at
               and toks[j].low not in heads and toks[j].low not in stop and not _amount_at(toks, j, lex)):
            j += 1
        if j == h.j or toks[h.j].low in lex.optional_words("not_products_start") or toks[h.j].low in _not_names(lex):
            continue
        if j < len(toks) and toks[j].is_cap and toks[j].is_word and j not in named_at:
            continue  # longer than a product name: a clause, not a name
        out.append(_name_mention(s, h.j, j, "Product", gaz))
    return out


def _launched_by(toks: Sequence[Token], h: Hit, lex: Lexicon) -> bool:
    """A launch verb in the passive ("Diluncurkan Prabowo", "besutan Samsung"): what follows it is who
    launched, a person as often as a company, and never the product."""
    return h.cue.relation == "launch" and (h.cue.passive or lex.is_passive(toks[h.i].text, h.cue.words[0]))


def _amount_at(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """A word that starts no name followed by a number ("Rp 5 T", "Januari 2025", or written together:
    "Rp180"): an amount or a date after a product's name, no part of it ("Luncurkan Sukuk Rp 10 T")."""
    if toks[j].low in _not_names(lex) and j + 1 < len(toks) and toks[j + 1].text[:1].isdigit():
        return True
    # written together: "Siapkan Rp180 T", "Insentif Rp130 T"
    low = toks[j].low.rstrip("0123456789.,")
    return low != toks[j].low and low in _not_names(lex)


def _no_name_alone(low: str, code: str) -> bool:
    """A word that is no name on its own however capitalised (``common_words.txt``) or that (almost)
    never is inside one (``not_name_words.txt``).

    >>> _no_name_alone("recently", "en"), _no_name_alone("smith", "en")
    (True, False)
    """
    return low in word_set(code, "common_words.txt") or low in word_set(code, "not_name_words.txt")


@functools.lru_cache(maxsize=8)
def _not_names(lex: Lexicon) -> frozenset[str]:
    """Lowercased capitalised words that start no name: month and weekday names ("Monday
    launched ..."), currency and funding-round words ("Rp", "Seri C"). Built once per language
    (every sentence asks; the union was 4 % of reading CNBC headlines)."""
    from kg.readers._data import month_names, weekday_names

    return lex.words("not_names_start") | frozenset(month_names()) | weekday_names()


@functools.lru_cache(maxsize=8)
def _headline_common(lex: Lexicon) -> frozenset[str]:
    """The words a headline's name does not start or run through: stop words, cue words and
    :func:`_not_names` (built once per language, not once per headline)."""
    return sentence_starters() | lex.cue_words | _not_names(lex)


_ORG_RELATIONS = frozenset(
    {"acquisition", "investment", "supply", "partnership", "competitor_of", "legal_dispute", "subsidiary_of", "launch"}
)


def _title_case_names(s: Sentence, lex: Lexicon, gaz: GazIndex, names: list[Mention], hits: list[Hit]) -> list[Mention]:
    """Headlines capitalise every word, so a name is a capitalised run that stops at ordinary
    words (stop words, cue words, numbers): "Grup Djarum Bakal Akuisisi 40% Saham Remala Abadi
    (DATA)". Only runs right next to a deal cue, or followed by a ticker in brackets, count."""
    toks = s.tokens
    common = _headline_common(lex)
    blocked = [False] * len(toks)
    for m in names:
        if m.type == "Sector":
            continue  # "Media Group Network": a sector word can start a name
        for k in range(m.i, m.j):
            blocked[k] = True
    for h in hits:
        for k in range(h.i, h.j):
            blocked[k] = True
    out: list[Mention] = []
    status_at = {k for h in hits if h.cue.status for k in range(h.i, h.j)}
    deal_at = {h.i: h for h in hits if h.cue.relation in _ORG_RELATIONS}
    deal_end = {h.j: h for h in hits if h.cue.relation in _ORG_RELATIONS}
    i = 0
    while i < len(toks):
        t = toks[i]
        if blocked[i] or not t.is_cap or not t.text[0].isalpha() or t.low in common:
            i += 1
            continue
        j = i
        while j < len(toks) and j - i < 5 and not blocked[j] and toks[j].is_cap and toks[j].low not in common:
            j += 1
        ticker = bracketed_acronym(toks, j)
        # skip status words ("Mau", "Bakal") between the run and a cue after it
        k = j
        while k in status_at:
            k += 1
        before_cue = k in deal_at
        # skip numbers and "Saham" ("Akuisisi 40% Saham Remala Abadi") between a cue and the run
        b = i
        while b > 0 and (
            toks[b - 1].text[0].isdigit() or toks[b - 1].text in "%$" or toks[b - 1].low in ("saham", "stake")
        ):
            b -= 1
        after_cue = b in deal_end
        only_sector = any(m.type == "Sector" and m.i == i and m.j >= j for m in names)
        launched_by = after_cue and _launched_by(toks, deal_end[b], lex)
        if (ticker or before_cue or (after_cue and not launched_by)) and not only_sector:
            etype = "Product" if after_cue and deal_end[b].cue.relation == "launch" else "Company"
            if etype == "Product" and t.low in lex.optional_words("not_products_start"):
                i = max(j, i + 1)
                continue  # "BPS Rilis Data PDB": figures released, not a product
            a = i
            lead = next((m for m in names if m.type == "Sector" and m.i == i and m.j < j), None)
            if lead is not None and i > 0 and toks[i - 1].low in lex.words("sector_before_name_heads"):
                a = lead.j  # "Emiten Real Estate Kentanix (KSIX)": the sector, then the name
            found = named(s, a, j, etype, gaz, lex)
            if found is not None:
                out.append(found)
        i = max(j, i + 1)
    # what a launch verb releases: read once the launcher before it is known ("Bank Nusapintar Luncurkan ...")
    others = [m for m in out if m.type != "Product"]
    products = _launched_products(s, lex, gaz, names + others, hits)
    if products:
        out = others + products + [m for m in out if m.type == "Product"
                                   and not any(p.i < m.j and m.i < p.j for p in products)]
    from kg.extract.headproducts import headline_head_products

    headed = headline_head_products(s, lex, gaz, names + out)  # "Pengguna Aplikasi BRImo Naik"
    if headed:
        out = [m for m in out if not any(p.i < m.j and m.i < p.j for p in headed)] + headed
    return out
