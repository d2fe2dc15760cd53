"""What kg knows before reading a text: the entities of the gazetteer, the language's country names and
demonyms, former countries and state institutions, and the sector labels, each with its surface forms
(read by ``kg.extract.gazindex`` into its token index)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.ids import slug
from kg.names import normalize
from kg.resources import language_dir, read_lines, word_set

if TYPE_CHECKING:
    from kg.gazetteer import Country


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



def gazetteer_surfaces(g: object, language: str) -> Iterator[tuple[str, Known, bool]]:
    """(surface form, entity, exact case?) for every name and sector label of ``language``."""
    for e in g.entries:  # type: ignore[attr-defined]
        known = Known(e.id, e.label, e.type, e.wikidata or None, e.country or None, e.sector or None, tuple(e.aliases))
        for surface in (e.label, *e.aliases):
            exact = surface.isupper() and len(surface) <= 5
            yield surface, known, exact
    for c in g.countries():  # type: ignore[attr-defined]
        known = _country_known(c, language)
        for surface, exact in c.surfaces(language):
            yield surface, known, exact
    for names in _former_countries(language):
        known = Known(slug(names[0]), names[0], "Country", None, None, None, names[1:])
        for surface in names:
            yield surface, known, surface.isupper() and len(surface) <= 5
    listed = {normalize(n) for e in g.entries for n in (e.label, *e.aliases)}  # type: ignore[attr-defined]
    for etype, names in _institutions(language):
        # the core lists keep their own entity for a name both have ("BI", "OJK" in curated.tsv)
        kept = tuple(n for n in names if normalize(n) not in listed)
        if kept:
            known = Known(slug(names[0]), names[0], etype, None, None, None, names[1:])
            for surface in kept:
                yield surface, known, surface.isupper() and len(surface) <= 5
    for sec in g.sectors():  # type: ignore[attr-defined]
        known = Known(sec.id, sec.label, "Sector", sec.wikidata or None, None, None, tuple(sec.all_labels()))
        for surface in sec.labels_for(language):
            yield surface, known, False


def demonym_surfaces(g: object, language: str) -> Iterator[tuple[str, Known]]:
    """Country adjectives of ``language`` ("Australian", "Negeri Sakura") as mentions of the country."""
    path = language_dir(language) / "demonyms.txt"
    if not path.is_file():
        return
    for line in read_lines(path):
        word, _, iso2 = line.partition("\t")
        c = g.country(iso2.strip())  # type: ignore[attr-defined]
        if c is not None:
            yield word, _country_known(c, language)


def _country_known(c: Country, language: str) -> Known:
    """An entry of kg's country list as the entity its names and demonyms mention."""
    return Known(c.id, c.label, country_type(c.iso2, language), c.wikidata or None, c.iso2, None, tuple(c.aliases))


def country_type(iso2: str, language: str) -> str:
    """The type of an entry of kg's country list in ``language``: Place for the dependent territories
    the language's ``territories.txt`` lists ("Hong Kong", "Puerto Rico": no sovereign states), else Country.

    >>> country_type("HK", "en"), country_type("JP", "en")
    ('Place', 'Country')
    """
    return "Place" if iso2.lower() in word_set(language, "territories.txt") else "Country"


def _former_countries(language: str) -> Iterator[tuple[str, ...]]:
    """Countries that kg's country list lacks, each as its names: those of older news ("West Germany",
    the language's ``former_countries.txt``) and the countries of a state ("England",
    ``constituent_countries.txt``)."""
    for name in ("former_countries.txt", "constituent_countries.txt"):
        path = language_dir(language) / name
        for line in read_lines(path) if path.is_file() else []:
            yield tuple(n.strip() for n in line.split("|") if n.strip())


def _institutions(language: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """State bodies and state-owned enterprises of the language's country that the company lists lack
    ("BPOM", "KSSK", "MIND ID"), each as its type and names, from the language's ``institutions.txt``."""
    path = language_dir(language) / "institutions.txt"
    for line in read_lines(path) if path.is_file() else []:
        etype, _, names = line.partition("\t")
        yield etype.strip(), tuple(n.strip() for n in names.split("|") if n.strip())
