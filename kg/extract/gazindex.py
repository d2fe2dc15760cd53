"""A token index over the gazetteer and the sector scheme for fast longest-match lookup.

Case matters for names: "Ford" is a company, "ford" is not; an all-caps alias
such as "AS" (Amerika Serikat) must match exactly. Sector labels match in any case.

The large lists (``kg.gazetteer.load_names``) add names by tier, and a list never outvotes
the text: a *plain* name (several common words, "Swedish Match") matches only in
sentence-case text, where its capitals mean something, and a *weak* name (one common
word, "Target", or a ticker that is a word, "BUKA") only when the text confirms it: a
legal form after it ("Target Corp"), an acronym or ticker in brackets after it
("Surge (WIFI)"), an organisation cue before it ("emiten Surge"), or, for a ticker, its
capitals in a sentence that is not all capitals. No list name matches in an all-capitals
sentence, where casing confirms nothing. In a sentence without capitals (``caseless``) a
list name needs the text's confirmation, as above, or several words in the core gazetteer or a
strong list name ("bank central asia"); a single word never stands alone there ("apple").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.extract.lexicon import sentence_starters
from kg.extract.surfaces import Known, demonym_surfaces, gazetteer_surfaces
from kg.extract.text import _TOKEN, Token, bracketed_acronym, tokenize
from kg.names import legal_forms, normalize
from kg.schema import PLACE_TYPES

# A surface form in the index: (entity, original-case tokens of the form, exact case?, tier), the tier being
# core (companies.tsv etc.) or strong | plain | weak | ticker (names.tsv.gz). A plain tuple: about 60,000 are
# made at every worker start.
_Entry = tuple[Known, tuple[str, ...], bool, str]


class GazIndex:
    """Surface forms of one language, keyed by their lowercased token tuple."""

    def __init__(self, language: str) -> None:
        from kg import gazetteer

        g = gazetteer.load()
        self.language = language
        self._by_tokens: dict[tuple[str, ...], list[_Entry]] = {}
        self._by_norm: dict[str, Known] = {}
        self._by_id: dict[str, Known] = {}
        self.max_len = 1
        for surface, known, exact in gazetteer_surfaces(g, language):
            toks = tuple(t.text for t in tokenize(surface))
            if not toks:
                continue
            key = tuple(t.lower() for t in toks)
            self._by_tokens.setdefault(key, []).append((known, toks, exact, "core"))
            self.max_len = max(self.max_len, len(key))
            if known.type != "Sector":
                self._by_norm.setdefault(normalize(surface), known)
            self._by_id.setdefault(known.id, known)
        for surface, known in demonym_surfaces(g, language):
            toks = tuple(t.text for t in tokenize(surface))
            key = tuple(t.lower() for t in toks)
            self._by_tokens.setdefault(key, []).append((known, toks, True, "core"))
            self.max_len = max(self.max_len, len(key))
        # One dict and one prefix set for both: the scan asks one table per token.
        self._names = _names_index()
        self._core_keys = tuple(self._by_tokens)
        merged = dict(self._names.by_tokens)
        for key, entries in self._by_tokens.items():
            merged[key] = entries + merged.get(key, [])
        self._by_tokens = merged
        self.max_len = max(self.max_len, self._names.max_len)
        self.legal_forms = frozenset(legal_forms())
        # (entity id, ticker) of the listed companies: a ticker is a name only by its capitals
        self._tickers = frozenset((e.id, e.ticker.upper()) for e in g.entries if e.ticker)
        self._legal_keys = frozenset(f.strip(".").lower() for f in self.legal_forms)
        from kg.extract.lexicon import load_lexicon

        self._lex = load_lexicon(language)
        self._cues = frozenset(self._lex.org_cues)
        self._looked_up: dict[str, Known | None] = {}

    def get(self, entity_id: str) -> Known | None:
        return self._by_id.get(entity_id) or self._names.by_id.get(entity_id)

    def is_place(self, name: str) -> bool:
        """Whether the lists know ``name`` as a country or a place."""
        known = self.lookup_name(name)
        return known is not None and known.type in PLACE_TYPES

    def lookup_name(self, name: str) -> Known | None:
        """The known organisation, person or place with this name (legal forms ignored).

        The large lists are asked second, by the name's words without legal forms at
        the ends (no list ticker: "Buka" is no name of Bukalapak).
        """
        # cached: the same names are looked up again and again (every "-based" token, every tagger name)
        if name in self._looked_up:
            return self._looked_up[name]
        if len(self._looked_up) > 100_000:  # bounded memory in long runs
            self._looked_up.clear()
        hit = self._looked_up[name] = self._lookup_name(name)
        return hit

    def _lookup_name(self, name: str) -> Known | None:
        hit = self._by_norm.get(normalize(name))
        if hit is not None:
            return hit
        # the token texts alone (token_texts: no Token objects), lowercased as Token.low is
        toks = [w.lower() for w in token_texts(name) if w[0].isalnum()]
        while len(toks) > 1 and toks[-1].strip(".") in self._legal_keys:
            toks.pop()
        while len(toks) > 1 and toks[0].strip(".") in self._legal_keys:
            toks.pop(0)
        entries = [e for e in self._names.by_tokens.get(tuple(toks), ()) if not e[2]]
        return min(entries, key=_order)[0] if entries else None

    def _case_ok(self, entry: _Entry, toks: Sequence[Token]) -> bool:
        known, surface, exact_case, _ = entry
        if known.type == "Sector":
            return True
        if exact_case:
            return all(a == b.text for a, b in zip(surface, toks, strict=True))
        first = toks[0].text
        # The text must be capitalised where the name is ("Ford", not "ford"); "iPhone"-style
        # names match their own case.
        if not (first[0].isupper() or first[0].isdigit() or first == surface[0]):
            return False
        # A later word the name capitalises is capitalised in the text too: "Saham bank naik" (shares of
        # banks rose) starts a sentence with two words that the lists also hold as one name, "Saham Bank"
        return not any(a[0].isupper() and b.text[0].islower() for a, b in zip(surface[1:], toks[1:], strict=True))

    def _after_cue(self, toks: Sequence[Token], i: int) -> bool:
        """An organisation cue of one to three words ends right before ``toks[i]`` ("emiten", "pt")."""
        return any(i >= n and tuple(t.low for t in toks[i - n : i]) in self._cues for n in (1, 2, 3))

    def _confirmed(self, toks: Sequence[Token], i: int, j: int, headline: bool, *, cue: bool = True) -> bool:
        """The text vouches for a list name at toks[i:j]: a legal form after it, an acronym or
        ticker in brackets after it (in sentence case only where the name starts: "Gas" in
        "United Cities Gas Co" is not confirmed), or an organisation cue before it (if ``cue``)."""
        if cue and self._after_cue(toks, i):
            return True
        if not headline and _name_word(toks, i - 1, -1):
            return False
        if j < len(toks) and toks[j].text.strip(".").lower() in self._legal_keys and toks[j].is_cap:
            return True
        return bracketed_acronym(toks, j)

    def _tier_ok(self, entry: _Entry, toks: Sequence[Token], i: int, j: int, headline: bool,
                 capitals: bool) -> bool:
        tier = entry[3]
        if tier == "core":
            return True
        if capitals:
            return False
        if tier == "ticker":  # a ticker that is a word: its capitals, in a sentence not all capitals
            return True
        # A weak name that is a word of a language with a dictionary ("Jumbo", "Mitra", "Kaya") after a cue
        # is mostly that word: "bank jumbo" are the big banks, "perusahaan mitra" a partner company.
        cue = not (tier == "weak" and j - i == 1 and self._own_word(toks[i]))
        if self._confirmed(toks, i, j, headline, cue=cue):
            return True
        if tier == "weak":
            return False
        if headline:
            return tier == "strong" and j - i > 1
        # In sentence case a list name is a whole name: "Bork" in "Robert Bork" and "Lyle Propane" in
        # "Lyle Propane Gas Co" are not; the tagger and the name patterns read those.
        return not _name_word(toks, i - 1, -1) and not _name_word(toks, j, 1)

    def _caseless_ok(self, entry: _Entry, toks: Sequence[Token], i: int, j: int) -> bool:
        known, _, exact_case, tier = entry
        if known.type == "Sector":
            return True
        if j - i == 1 and (known.id, toks[i].text.upper()) in self._tickers:
            # a ticker without its capitals is a word ("merk nasional", "layar 5,7 inci", "kbli"): only an
            # organisation cue before a ticker that is no word of the language confirms it ("pt emtk"; not
            # "produsen film"). Lowercase Indonesian train units: the 5 tickers standing alone as words
            # ("merk", "inci" three times, "kbli") were no company; those after "tbk (" all were
            if (i > 1 and j < len(toks) and toks[i - 1].text == "(" and toks[j].text == ")"
                    and toks[i - 2].low.strip(".") in self._legal_keys):
                return True  # "pt bank central asia tbk ( bbca )": a listed company's ticker after its legal form
            return self._unknown_word(toks[i], 3) and self._after_cue(toks, i)
        if exact_case and tier == "core" and j - i == 1 and self._unknown_word(toks[i], 3):
            # an acronym of the core lists that is no word ("kpk", "pln", "ojk"; not "as")
            return not self._name_next_to(toks, i, j)
        if exact_case or tier in ("ticker", "weak"):
            return False  # an acronym or a word ("as", "buka"): its capitals were its evidence
        if self._after_cue(toks, i):
            return True  # "emiten astra"
        if j < len(toks) and toks[j].low.strip(".") in self._legal_keys:
            return True  # "astra international tbk"
        if tier not in ("core", "strong"):
            return False
        return j - i > 1 or (self._unknown_word(toks[i]) and not self._name_next_to(toks, i, j))

    def _name_next_to(self, toks: Sequence[Token], i: int, j: int) -> bool:
        """A word that is no word of the language, or a model code, stands right before or after
        ``toks[i:j]``: the list's name is likely part of a longer one ("pt mrt jakarta", "apple music",
        "nissan uefa champions league"), which the lists do not know."""
        for k in (i - 1, j):
            if 0 <= k < len(toks):
                low = toks[k].low
                if (any(c.isdigit() for c in low) and any(c.isalpha() for c in low)) or self._unknown_word(toks[k], 3):
                    return True
        return False

    def _own_word(self, tok: Token) -> bool:
        """A word of the language's own dictionary or common words (not a borrowed one), in a language
        that has a dictionary."""
        from kg.extract.edges import has_dictionary, is_ordinary_word

        return has_dictionary(self._lex) and is_ordinary_word(tok.low, self._lex, borrowed=False)

    def _unknown_word(self, tok: Token, shortest: int = 4) -> bool:
        """A word the language does not have (no dictionary root, common word, stop word or
        affixed verb): alone in caseless text, a list name made of it is still a name ("samsung",
        "netflix"), where one made of a word is not ("garuda", "semen"). Only in a language with a
        dictionary of its words (``root_words.txt``): without one, too many words look unknown
        ("apple", "shell" in English)."""
        from kg.extract.edges import has_dictionary, is_ordinary_word

        low = tok.low
        return (len(low) >= shortest and low.isalpha() and has_dictionary(self._lex)
                and not is_ordinary_word(low, self._lex))

    def scan(self, toks: Sequence[Token], *, title_case: bool = False,
             caseless: bool = False) -> Iterator[tuple[int, int, Known]]:
        """Longest non-overlapping matches, left to right (``caseless``: in a sentence without capitals).

        Key prefixes are indexed, so a position is abandoned as soon as no surface
        form starts with the tokens read so far.
        """
        prefixes = self._prefixes()
        capitals: bool | None = None  # mostly capitals: worked out when a list name first matches
        firsts = self._first_words()
        by_tokens, max_len = self._by_tokens.get, self.max_len
        lows = [t.low for t in toks]
        n = len(toks)
        free = 0  # the first token after the last match
        # only where a surface form starts (about half of the words): one comprehension, not a Python
        # step per token
        for i in [k for k, low in enumerate(lows) if low in firsts]:
            if i < free:
                continue
            hit = None
            key: tuple[str, ...] = ()
            for m in range(1, min(max_len, n - i) + 1):
                key = (*key, lows[i + m - 1])
                if m > 1 and key not in prefixes:  # one word: in firsts
                    break
                entries = by_tokens(key)
                if not entries:
                    continue
                if capitals is None and not caseless:
                    words = [t for t in toks if len(t.text) > 1 and t.text[0].isalpha()]
                    capitals = len(words) >= 3 and sum(t.text.isupper() for t in words) / len(words) >= 0.6
                ok = ([e for e in entries if self._caseless_ok(e, toks, i, i + m)] if caseless else
                      [e for e in entries if self._case_ok(e, toks[i : i + m])
                       and self._tier_ok(e, toks, i, i + m, title_case, bool(capitals))])
                if ok:
                    # Several entities share a surface form: prefer a name over a sector,
                    # then the entry with a Wikidata id, then the id (deterministic).
                    ok.sort(key=_order)
                    hit = (i, i + m, ok[0][0])
            if hit:
                yield hit
                free = hit[1]

    @functools.cache  # noqa: B019 - one index per language, kept for the process
    def _first_words(self) -> frozenset[str]:
        """The words a surface form starts with (the one-word :meth:`_prefixes`)."""
        return frozenset(key[0] for key in self._prefixes() if len(key) == 1)

    @functools.cache  # noqa: B019 - one index per language, kept for the process
    def _prefixes(self) -> frozenset[tuple[str, ...]]:
        core = frozenset(key[:n] for key in self._core_keys for n in range(1, len(key) + 1))
        return core | self._names.prefixes


_CONNECTORS = frozenset({"of", "and", "&", "de", "van", "der", "dan", "for"})


def _name_word(toks: Sequence[Token], k: int, step: int, *, joined: bool = False) -> bool:
    """toks[k] continues a capitalised name (directly, or through "of"/"and" before a capital;
    the first word of a sentence only directly: "Robert Bork", not "Shares of Bork")."""
    if not 0 <= k < len(toks):
        return False
    t = toks[k]
    if t.low in _CONNECTORS and not joined:
        return _name_word(toks, k + step, step, joined=True)
    if not (t.text[0].isupper() and t.text[0].isalpha()):
        return False
    return not (k == 0 and (joined or t.low in sentence_starters()))


def _order(e: _Entry) -> tuple[bool, bool, bool, str]:
    known = e[0]
    return (known.type == "Sector", e[3] != "core", known.wikidata is None, known.id)


@dataclass(frozen=True, slots=True)
class _Names:
    by_tokens: dict[tuple[str, ...], list[_Entry]]
    prefixes: frozenset[tuple[str, ...]]
    by_id: dict[str, Known]
    max_len: int


def token_texts(text: str) -> list[str]:
    """The token strings of ``kg.extract.text.tokenize`` without building Token objects.

    >>> token_texts("Kirkland's Co., Ltd")
    ['Kirkland', "'s", 'Co', '.', ',', 'Ltd']
    """
    if "-" in text:
        return [t.text for t in tokenize(text)]  # an acronym pair is cut at the hyphen (kg.extract.text)
    return _TOKEN.findall(text)


@functools.cache
def _names_index() -> _Names:
    """The large lists' surface forms, one index for every language (names are not language-specific).

    A plain loop over the file's cells: this runs at every worker start, for about 50,000 names,
    with the cyclic garbage collector paused (it would walk the growing index again and again).
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_names_index()
    finally:
        if enabled:
            gc.enable()


def _build_names_index() -> _Names:
    from kg.errors import DataError
    from kg.gazetteer import names_path, names_rows

    by_tokens: dict[tuple[str, ...], list[_Entry]] = {}
    by_id: dict[str, Known] = {}
    rows = names_rows()
    head = next(rows, None)
    if head is None:
        return _Names({}, frozenset(), {}, 1)
    col = {name: k for k, name in enumerate(head)}
    tiers = [(col[c], t) for c, t in (("strong", "strong"), ("plain", "plain"), ("weak", "weak"),
                                       ("ticker_forms", "ticker"))]
    ident, label, etype, qid, country = col["id"], col["label"], col["type"], col["wikidata"], col["country"]
    for c in rows:
        if len(c) != len(head):
            raise DataError(f"{names_path()}: a row has {len(c)} cells, the header {len(head)}")
        known = by_id.get(c[ident])
        if known is None:
            known = by_id[c[ident]] = Known(c[ident], c[label], c[etype], c[qid] or None, c[country] or None)
        for k, tier in tiers:
            if not c[k]:
                continue
            for surface in c[k].split("|"):
                # most forms are words and spaces, which the tokenizer splits at the spaces
                simple = surface.replace(" ", "").isalnum()
                toks = tuple(surface.split()) if simple else tuple(token_texts(surface))
                key = tuple(surface.lower().split()) if len(toks) == surface.count(" ") + 1 else tuple(
                    t.lower() for t in toks)
                if not key:
                    continue
                entry = (known, toks, len(surface) <= 5 and surface.isupper(), tier)
                found = by_tokens.get(key)
                if found is None:
                    by_tokens[key] = [entry]
                else:
                    found.append(entry)
    prefixes = set(by_tokens)
    for key in by_tokens:
        for n in range(1, len(key)):
            prefixes.add(key[:n])
    return _Names(by_tokens, frozenset(prefixes), by_id, max((len(k) for k in by_tokens), default=1))


@functools.cache
def gaz_index(language: str) -> GazIndex:
    """The index of one language (built once per process)."""
    return GazIndex(language)
