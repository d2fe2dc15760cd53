"""works_for and based_in read with no relation cue: prepositions, appositions and possessives
(kg.extract.affiliation) and a town right before an organisation (kg.extract.adjacent.place_before_org)."""

from __future__ import annotations

import pytest

from kg.extract.adjacent import place_before_org
from kg.extract.affiliation import affiliations
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.relations import find_relations
from kg.extract.text import Sentence, tokenize


def _sentence(text: str, names: dict[str, str], language: str = "en") -> tuple[Sentence, list[Mention]]:
    """The sentence of ``text`` and a mention for each of ``names`` (its text: its type), found by tokens."""
    toks = tuple(tokenize(text))
    words = [t.text for t in toks]
    ms = []
    for name, typ in names.items():
        parts = [t.text for t in tokenize(name)]
        i = next(k for k in range(len(words)) if words[k : k + len(parts)] == parts)
        j = i + len(parts)
        key = name.lower().replace(" ", "-")
        ms.append(Mention(0, i, j, toks[i].start, toks[j - 1].end, name, typ, key, name, "pattern"))
    return Sentence(0, 0, len(text), text, toks), sorted(ms, key=lambda m: m.i)


def _links(text: str, names: dict[str, str], language: str = "en") -> set[tuple[str, str, str]]:
    s, ms = _sentence(text, names, language)
    lex = load_lexicon(language)
    return {(f.type, f.subject.text, f.object.text) for f in find_relations(s, lex, ms)}


@pytest.mark.parametrize(("text", "names", "link"), [
    ("`` It will pass , '' said Ana Diaz of the Tenvar Institute .",
     {"Ana Diaz": "Person", "Tenvar Institute": "Organization"}, ("works_for", "Ana Diaz", "Tenvar Institute")),
    ("Meanwhile , Wen Lo at the Institute of Optics found that the lens cracks .",
     {"Wen Lo": "Person", "Institute of Optics": "Organization"}, ("works_for", "Wen Lo", "Institute of Optics")),
    ("`` Prices will fall , '' said Rui Costa , a senior economist with Lumeo Securities .",
     {"Rui Costa": "Person", "Lumeo Securities": "Company"}, ("works_for", "Rui Costa", "Lumeo Securities")),
    ("The toys were imported by Larami Corp. of Philadelphia .",
     {"Larami Corp.": "Company", "Philadelphia": "Place"}, ("based_in", "Larami Corp.", "Philadelphia")),
    ("Scientists at the Lumeo Research Centre in Valencia , Spain , are working on a new chip .",
     {"Lumeo Research Centre": "Organization", "Valencia": "Place"},
     ("based_in", "Lumeo Research Centre", "Valencia")),
    ("A spokesman for Ruritania 's Foreign Ministry said talks would resume .",
     {"Ruritania": "Country", "Foreign Ministry": "Organization"}, ("based_in", "Foreign Ministry", "Ruritania")),
    ("The Tokyo MAINICHI SHIMBUN reported the launch .",
     {"Tokyo": "Place", "MAINICHI SHIMBUN": "Organization"}, ("based_in", "MAINICHI SHIMBUN", "Tokyo")),
    # the clause goes on after the place with a lower-case word
    ("Meanwhile , Wen Lo at the Institute of Optics of Valdora found that the lens cracks .",
     {"Wen Lo": "Person", "Institute of Optics": "Organization", "Valdora": "Place"},
     ("based_in", "Institute of Optics", "Valdora")),
    ("Her uncle was a patient at the Tenvar Clinic in Marlow in northern Ruritania until 1950 .",
     {"Tenvar Clinic": "Organization", "Marlow": "Place", "Ruritania": "Country"},
     ("based_in", "Tenvar Clinic", "Marlow")),
    # a name that opens with a demonym or a place, the place named on its own
    ("The Bolivian Water Authority said supplies would resume and Bolivia will pay for the pipes .",
     {"Bolivian Water Authority": "Organization", "Bolivia": "Country"},
     ("based_in", "Bolivian Water Authority", "Bolivia")),
    ("Talks with Japan resumed , the Chinese Coast Authority said , and China will send two ships .",
     {"Japan": "Country", "Chinese Coast Authority": "Organization", "China": "Country"},
     ("based_in", "Chinese Coast Authority", "China")),
])
def test_a_link_with_no_cue(text: str, names: dict[str, str], link: tuple[str, str, str]) -> None:
    assert link in _links(text, names)


@pytest.mark.parametrize(("text", "names"), [
    # a company of a town is not read as an institution of it
    ("Analysts expect Lyon 's Lumeo to cut prices .", {"Lyon": "Place", "Lumeo": "Company"}),
    # the place goes on: it names something else than where the company is
    ("Tenvar Corp of Lyon 's old port district built the dock .", {"Tenvar Corp": "Company", "Lyon": "Place"}),
    # a list of places says where someone worked, not where the company is
    ("De Vries was employed by Lumeo Lines in Belgium , Oman and Chile .",
     {"Lumeo Lines": "Company", "Belgium": "Country", "Oman": "Country", "Chile": "Country"}),
    # a town with a word between names no seat ("Perth miner Redgum")
    ("Perth miner Redgum said output rose .", {"Perth": "Place", "Redgum": "Company"}),
    # too long an apposition, and a capitalised word in it, describe something else
    ("Rui Costa , who last year sold most of his shares in Lumeo , resigned .",
     {"Rui Costa": "Person", "Lumeo": "Company"}),
    ("Rui Costa , a Senator from Ohio at Lumeo , resigned .", {"Rui Costa": "Person", "Lumeo": "Company"}),
    # a list joiner after the place: the places say where it works, not where it is
    ("The Tenvar Institute in Lyon and Nice runs two clinics .",
     {"Tenvar Institute": "Organization", "Lyon": "Place", "Nice": "Place"}),
    # a company whose name opens with a demonym: the country is its market, not read as its seat
    ("Bolivian Tin said exports from Bolivia fell .", {"Bolivian Tin": "Company", "Bolivia": "Country"}),
    # the place inside the name is no place named on its own
    ("The Bolivian Water Authority said supplies would resume .", {"Bolivian Water Authority": "Organization"}),
])
def test_no_link_without_the_shape(text: str, names: dict[str, str]) -> None:
    assert not {link for link in _links(text, names) if link[0] in ("works_for", "based_in")}


def test_the_shapes_are_language_data() -> None:
    # Indonesian leaves the lists empty and the town setting off: no link from these shapes
    s, ms = _sentence("Harga dikutip oleh Jakarta Lumeo Securities .",
                      {"Jakarta": "Place", "Lumeo Securities": "Company"}, "id")
    lex = load_lexicon("id")
    assert list(affiliations(s, lex, ms)) == []
    assert list(place_before_org(s, lex, ms)) == []
    s, ms = _sentence("Otoritas Air Bolivia mengatakan Bolivia akan membayar .",
                      {"Otoritas Air Bolivia": "Organization", "Bolivia": "Country"}, "id")
    assert list(affiliations(s, lex, ms)) == []
    s, ms = _sentence("Harga dikutip oleh Jakarta Lumeo Securities .",
                      {"Jakarta": "Place", "Lumeo Securities": "Company"}, "en")
    assert [(f.subject.text, f.object.text) for f in place_before_org(s, load_lexicon("en"), ms)] == [
        ("Lumeo Securities", "Jakarta")]


def test_the_status_is_read_where_the_link_stands() -> None:
    s, ms = _sentence("`` Prices will fall , '' said Rui Costa , a former economist with Lumeo Securities .",
                      {"Rui Costa": "Person", "Lumeo Securities": "Company"})
    lex = load_lexicon("en")
    got = {(f.type, f.subject.text, f.object.text, f.status) for f in find_relations(s, lex, ms, learned=True)}
    assert ("works_for", "Rui Costa", "Lumeo Securities", "ended") in got


def test_a_sector_word_in_the_apposition_does_not_stop_it() -> None:
    # "publisher" is a Media mention between the person and the paper: the apposition still reads
    s, ms = _sentence("The elder Rui Costa , publisher of the Lumeo Herald , said the family is upset .",
                      {"Rui Costa": "Person", "publisher": "Sector", "Lumeo Herald": "Company"})
    assert [m.type for m in ms] == ["Person", "Sector", "Company"]
    got = {(f.type, f.subject.text, f.object.text) for f in affiliations(s, load_lexicon("en"), ms)}
    assert got == {("works_for", "Rui Costa", "Lumeo Herald")}


def test_a_person_read_across_of_is_the_person_and_the_company() -> None:
    from kg.extract.affiliation import split_person_of
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import _name_mention
    from kg.extract.text import split_sentences

    gaz = gaz_index("en")
    text = "Analyst Ana Ruiz of Tarsa Securities said the stock rose, as did Ana Ruiz of Boston."
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("en"))
    read = [_name_mention(s, 1, 6, "Person", gaz, "tagger"), _name_mention(s, 13, 17, "Person", gaz, "tagger")]
    assert [m.text for m in read] == ["Ana Ruiz of Tarsa Securities", "Ana Ruiz of Boston"]
    got = [(m.text, m.type, m.source) for m in split_person_of(s, read, gaz)]
    assert got == [("Ana Ruiz", "Person", "tagger"), ("Tarsa Securities", "Company", "tagger"),
                   ("Ana Ruiz", "Person", "tagger"), ("Boston", "Place", "tagger")]
    kept = _name_mention(s, 1, 3, "Person", gaz)
    assert split_person_of(s, [kept], gaz) == [kept]  # no "of" inside: as it was


@pytest.mark.parametrize(("text", "names"), [
    ("Tenvar Holdings Corp 's Lumeo Chemical Corp said it sold the division .",
     {"Tenvar Holdings Corp": "Company", "Lumeo Chemical Corp": "Company"}),
    ("It competes with Vexo Inc and Tenvar Holdings Corp 's < TNV > Lumeo Chemical Corp stores .",
     {"Vexo Inc": "Company", "Tenvar Holdings Corp": "Company", "Lumeo Chemical Corp": "Company"}),
])
def test_a_companys_company_is_its_unit(text: str, names: dict[str, str]) -> None:
    s, ms = _sentence(text, names)
    found = {(f.type, f.subject.text, f.object.text) for f in affiliations(s, load_lexicon("en"), ms)}
    assert ("subsidiary_of", "Lumeo Chemical Corp", "Tenvar Holdings Corp") in found


def test_a_companys_agency_is_no_unit() -> None:
    s, ms = _sentence("Tenvar Corp 's SEC filing was late .", {"Tenvar Corp": "Company", "SEC": "Organization"})
    assert not [f for f in affiliations(s, load_lexicon("en"), ms) if f.type == "subsidiary_of"]


def test_a_demonym_opening_a_name_places_it_but_a_country_name_does_not() -> None:
    from dataclasses import replace

    from kg.extract.affiliation import _name_places

    lex = load_lexicon("en")
    s, ms = _sentence("The U.S. will pay , the American Water Office and the U.S. Ports Office said .",
                      {"U.S.": "Country", "American Water Office": "Organization", "U.S. Ports Office": "Organization"})
    ms = [replace(m, key="united-states") if m.text == "U.S." else m for m in ms]
    got = [(f.subject.text, f.object.text) for f in _name_places(s, lex, ms)]
    assert got == [("American Water Office", "U.S.")]
