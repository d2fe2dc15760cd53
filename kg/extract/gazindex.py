"""A token index over the gazetteer and the sector scheme for fast longest-match lookup.

Case matters for names: "Ford" is a company, "ford" is not; an all-caps alias
such as "AS" (Amerika Serikat) must match exactly. Sector labels match in any case.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.extract.text import Token, tokenize
from kg.names import legal_forms, normalize


@dataclass(frozen=True, slots=True)
class Known:
    """An entity kg knows before reading: from the gazetteer or the sector scheme."""

    id: str
    label: str
    type: str
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    known: Known
    surface: tuple[str, ...]  # original-case tokens of the surface form
    exact_case: bool


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
            self._by_tokens.setdefault(key, []).append(_Entry(known, toks, exact))
            self.max_len = max(self.max_len, len(key))
            if known.type != "Sector":
                self._by_norm.setdefault(normalize(surface), known)
            self._by_id.setdefault(known.id, known)
        for surface, known in _demonyms(g, language):
            toks = tuple(t.text for t in tokenize(surface))
            key = tuple(t.lower() for t in toks)
            self._by_tokens.setdefault(key, []).append(_Entry(known, toks, True))
            self.max_len = max(self.max_len, len(key))
        self.legal_forms = frozenset(legal_forms())

    def get(self, entity_id: str) -> Known | None:
        return self._by_id.get(entity_id)

    def lookup_name(self, name: str) -> Known | None:
        """The known organisation, person or place with this name (legal forms ignored)."""
        return self._by_norm.get(normalize(name))

    def _case_ok(self, entry: _Entry, toks: Sequence[Token]) -> bool:
        if entry.known.type == "Sector":
            return True
        if entry.exact_case:
            return all(a == b.text for a, b in zip(entry.surface, toks, strict=True))
        first = toks[0].text
        # The text must be capitalised where the name is ("Ford", not "ford"); "iPhone"-style
        # names match their own case.
        return first[0].isupper() or first[0].isdigit() or first == entry.surface[0]

    def scan(self, toks: Sequence[Token], *, title_case: bool = False) -> Iterator[tuple[int, int, Known]]:
        """Longest non-overlapping matches, left to right.

        Key prefixes are indexed, so a position is abandoned as soon as no surface
        form starts with the tokens read so far.
        """
        prefixes = self._prefixes()
        i = 0
        n = len(toks)
        while i < n:
            hit = None
            key: tuple[str, ...] = ()
            for m in range(1, min(self.max_len, n - i) + 1):
                key = (*key, toks[i + m - 1].low)
                if key not in prefixes:
                    break
                entries = self._by_tokens.get(key)
                if not entries:
                    continue
                ok = [e for e in entries if self._case_ok(e, toks[i : i + m])]
                if ok:
                    # Several entities share a surface form: prefer a name over a sector,
                    # then the entry with a Wikidata id, then the id (deterministic).
                    ok.sort(key=lambda e: (e.known.type == "Sector", e.known.wikidata is None, e.known.id))
                    hit = (i, i + m, ok[0].known)
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1

    @functools.cache  # noqa: B019 - one index per language, kept for the process
    def _prefixes(self) -> frozenset[tuple[str, ...]]:
        return frozenset(key[:n] for key in self._by_tokens for n in range(1, len(key) + 1))


def gazetteer_surfaces(g: object, language: str) -> Iterator[tuple[str, Known, bool]]:
    """(surface form, entity, exact case?) for every name and sector label of ``language``."""
    for e in g.entries:  # type: ignore[attr-defined]
        known = Known(e.id, e.label, e.type, e.wikidata or None, e.country or None, e.sector or None, tuple(e.aliases))
        for surface in (e.label, *e.aliases):
            exact = surface.isupper() and len(surface) <= 5
            yield surface, known, exact
    for c in g.countries():  # type: ignore[attr-defined]
        known = Known(c.id, c.label, "Country", c.wikidata or None, c.iso2, None, tuple(c.aliases))
        for surface, exact in c.surfaces(language):
            yield surface, known, exact
    for sec in g.sectors():  # type: ignore[attr-defined]
        known = Known(sec.id, sec.label, "Sector", sec.wikidata or None, None, None, tuple(sec.all_labels()))
        for surface in sec.labels_for(language):
            yield surface, known, False


def _demonyms(g: object, language: str) -> Iterator[tuple[str, Known]]:
    """Country adjectives of ``language`` ("Australian", "Negeri Sakura") as mentions of the country."""
    from kg.resources import language_dir, read_lines

    path = language_dir(language) / "demonyms.txt"
    if not path.is_file():
        return
    for line in read_lines(path):
        word, _, iso2 = line.partition("\t")
        c = g.country(iso2.strip())  # type: ignore[attr-defined]
        if c is not None:
            yield word, Known(c.id, c.label, "Country", c.wikidata or None, c.iso2, None, tuple(c.aliases))


@functools.cache
def gaz_index(language: str) -> GazIndex:
    """The index of one language (built once per process)."""
    return GazIndex(language)
