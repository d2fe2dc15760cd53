"""Who did what: parties, direction, venues, countries as parties and pronouns.

Every sentence here was written for these tests (fictional companies, both languages).
"""

from __future__ import annotations

import pytest

from kg.extract.assemble import one_direction
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.relations import Found
from kg.extract.text import split_sentences
from kg.extract.venues import venues
from tests.extract.readings import relations_of


def _rels(language: str, text: str) -> set[tuple[str, str, str, str]]:
    return relations_of(text, language)


def _parties(language: str, text: str) -> set[str]:
    return {p for r in _rels(language, text) for p in r[1:3]}


# --- venues: where something was filed or said is not who did it ------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "venue"),
    [
        ("en", "In a filing with the Securities and Exchange Commission, Tenvar Industries Inc said it bought "
               "Lumeo Corp.", "Securities and Exchange Commission"),
        ("en", "Tenvar Industries Inc told Reuters it had acquired Lumeo Corp.", "Reuters"),
        ("en", "Tenvar Industries Inc acquired Lumeo Corp, according to Refinitiv Data Ltd.", "Refinitiv Data Ltd"),
        ("id", "Dalam keterbukaan informasi kepada Bursa Efek Indonesia, PT Nusantara Baterai Tbk mengakuisisi "
               "PT Sinar Logam.", "Bursa Efek Indonesia"),
        ("id", "PT Nusantara Baterai Tbk mengakuisisi PT Sinar Logam, menurut keterbukaan informasi di Bursa Efek "
               "Indonesia (BEI).", "Bursa Efek Indonesia"),
    ],
)
def test_a_venue_is_not_a_party(language, text, venue):
    rels = _rels(language, text)
    assert any(r[0] == "acquisition" for r in rels), rels
    acq = next(r for r in rels if r[0] == "acquisition")
    assert acq[1].startswith(("Tenvar", "PT Nusantara")) and acq[2].startswith(("Lumeo", "PT Sinar")), rels
    assert venue not in _parties(language, text)


def _venue_texts(language: str, text: str, names: list[tuple[int, int]]) -> list[str]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    ms = [Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end, "", "Company", "", "") for i, j in names]
    return sorted(" ".join(t.text for t in s.tokens[ms[k].i : ms[k].j]) for k in venues(s, lex, ms))


def test_kepada_is_a_venue_only_after_a_speech_verb():
    said = "Kerja sama sudah diteken, ujar Budi kepada Warta Niaga."
    sold = "PT Nusantara Baterai menjual saham kepada Warta Niaga."
    assert _venue_texts("id", said, [(6, 7), (8, 10)]) == ["Warta Niaga"]
    assert _venue_texts("id", sold, [(0, 3), (6, 8)]) == []


def test_an_acronym_after_a_venue_is_the_venue_too():
    text = "Emiten itu melapor dalam keterbukaan informasi di Bursa Efek Indonesia (BEI) kemarin."
    assert _venue_texts("id", text, [(7, 10), (11, 12)]) == ["BEI", "Bursa Efek Indonesia"]


def test_venues_are_each_sentences_own_when_sentences_alternate():
    # the frames are found once per sentence (relations, the classifier and coreference ask in turn):
    # asking of another sentence, or of the same tokens in another language, must not reuse them
    said = "Tenvar Industries Inc told Reuters it had acquired Lumeo Corp."
    plain = "Tenvar Industries Inc praised Reuters and acquired Lumeo Corp."
    for _ in range(2):
        assert _venue_texts("en", said, [(0, 3), (4, 5), (8, 10)]) == ["Reuters"]
        assert _venue_texts("en", plain, [(0, 3), (4, 5), (7, 9)]) == []
    lex_en, lex_id = load_lexicon("en"), load_lexicon("id")
    s = split_sentences(said, [(0, len(said))], lex_en)[0]
    ms = [Mention(0, i, j, 0, 0, "", "Company", "", "") for i, j in [(0, 3), (4, 5), (8, 10)]]
    assert venues(s, lex_en, ms) == {1}
    assert venues(s, lex_id, ms) == set()  # "told" is no Indonesian frame
    assert venues(s, lex_en, ms) == {1}


# --- one direction per link and article ------------------------------------------------------------------


def _found(a: Mention, b: Mention, start: int, conf: float) -> Found:
    from kg.extract.text import Sentence

    return Found("acquisition", a, b, "asserted", Sentence(start // 100, start, start + 50, "x", ()), confidence=conf)


def test_one_direction_keeps_the_better_supported_reading():
    a = Mention(0, 0, 1, 0, 1, "A", "Company", "a", "A")
    b = Mention(0, 2, 3, 2, 3, "B", "Company", "b", "B")
    groups = {
        ("acquisition", "a", "b"): [_found(a, b, 0, 0.7), _found(a, b, 200, 0.6)],
        ("acquisition", "b", "a"): [_found(b, a, 100, 0.7)],
    }
    assert list(one_direction(groups)) == [("acquisition", "a", "b")]
    # equal weight: the reading of the earlier sentence wins
    tie = {("acquisition", "b", "a"): [_found(b, a, 300, 0.7)], ("acquisition", "a", "b"): [_found(a, b, 100, 0.7)]}
    assert list(one_direction(tie)) == [("acquisition", "a", "b")]
    # symmetric types and unrelated links are left alone
    sym = {("partnership", "a", "b"): [], ("investment", "a", "b"): [], ("acquisition", "b", "a"): []}
    assert one_direction(sym) == sym


def test_an_article_never_claims_both_directions():
    text = ("Tenvar Industries Inc acquired Lumeo Corp last year. Lumeo Corp acquired Tenvar Industries Inc, "
            "the filing said. Tenvar Industries Inc completed its acquisition of Lumeo Corp in May.")
    acq = [r for r in _rels("en", text) if r[0] == "acquisition"]
    assert [(r[1], r[2]) for r in acq] == [("Tenvar Industries Inc", "Lumeo Corp")]


# --- governments and countries as parties -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Indonesia sued Tenvar Industries Inc over the smelter.",
         ("legal_dispute", "Indonesia", "Tenvar Industries Inc")),
        ("en", "The Indonesian government signed a partnership with Tenvar Industries Inc.",
         ("partnership", "Indonesia", "Tenvar Industries Inc")),
        ("id", "Pemerintah Indonesia meneken kerja sama dengan PT Sinar Logam.",
         ("partnership", "Indonesia", "PT Sinar Logam")),
    ],
)
def test_a_state_may_be_a_party(language, text, expected):
    rels = {r[:3] for r in _rels(language, text)}
    flipped = (expected[0], expected[2], expected[1])
    assert expected in rels or flipped in rels, rels
    assert not any(r[0] == "based_in" for r in rels), rels


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Chinese automaker Tenvar Industries Inc signed a partnership with Lumeo Corp."),
        ("id", "PT Nusantara Baterai Tbk membuka pabrik baru. Perusahaan teknologi asal Jepang itu menggandeng "
               "PT Sinar Logam."),
        ("id", "PT Nusantara Baterai Tbk yang berbasis di Jepang menggandeng PT Sinar Logam."),
    ],
)
def test_a_country_named_as_an_origin_is_not_a_party(language, text):
    rels = _rels(language, text)
    deals = {p for r in rels if r[0] not in ("based_in", "operates_in") for p in r[1:3]}
    assert any(r[0] == "partnership" for r in rels), rels
    assert not {"Japan", "China", "Jepang"} & deals, rels


# --- pronouns ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Tenvar Industries Inc said on Monday it would buy Lumeo Corp.",
         ("acquisition", "Tenvar Industries Inc", "Lumeo Corp")),
        ("en", "Tenvar Industries Inc reported a record profit. It also agreed to acquire Lumeo Corp.",
         ("acquisition", "Tenvar Industries Inc", "Lumeo Corp")),
        ("en", "Lumeo Corp shares rose. Tenvar Industries Inc said its board approved the acquisition of Lumeo Corp.",
         ("acquisition", "Tenvar Industries Inc", "Lumeo Corp")),
        ("id", "PT Nusantara Baterai Tbk menggelar RUPS di Jakarta. Dalam rapat itu perseroan menyetujui "
               "akuisisi PT Sinar Logam.", ("acquisition", "PT Nusantara Baterai Tbk", "PT Sinar Logam")),
    ],
)
def test_a_pronoun_gives_the_relation_its_party(language, text, expected):
    assert expected in {r[:3] for r in _rels(language, text)}, _rels(language, text)


def test_an_unclear_or_expletive_pronoun_gives_no_party():
    # two companies in the previous sentence, neither its subject: "it" is not resolved
    unclear = ("Analysts said shares of Lumeo Corp fell while Tenvar Industries Inc gained. "
               "It agreed to acquire Kestrel Mining Ltd.")
    assert not any(r[0] == "acquisition" for r in _rels("en", unclear)), _rels("en", unclear)
    expletive = "Tenvar Industries Inc reported a loss. It is expected that Lumeo Corp will be acquired."
    assert not any(r[0] == "acquisition" and r[1] == "Tenvar Industries Inc" for r in _rels("en", expletive))


def test_a_possessive_unit_names_its_parent():
    named = _rels("en", "Tenvar Industries Inc unit Lumeo Corp signed the contract on Monday.")
    assert ("subsidiary_of", "Lumeo Corp", "Tenvar Industries Inc", "asserted") in named, named
    unnamed = _rels("en", "Tenvar Industries Inc said its unit would supply Lumeo Corp with chips.")
    assert not any(r[0] == "subsidiary_of" for r in unnamed), unnamed
