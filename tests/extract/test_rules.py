"""The rule engine on hand-written sentences: every relation type and status, both languages.

The sentences are written for these tests (not taken from any corpus); company
names are fictional unless they are household names.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.readings import relations_of

CASES = [
    # Indonesian
    ("id", "PT Sinar Logistik Tbk resmi menggandeng PT Garuda Nikel Indonesia untuk mengembangkan baterai.",
     ("partnership", "PT Garuda Nikel Indonesia", "PT Sinar Logistik Tbk", "asserted")),
    ("id", "PT Sinar Logistik Tbk mengakuisisi 60 persen saham PT Kapal Biru Nusantara senilai Rp 2 triliun.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted")),
    ("id", "PT Kapal Biru Nusantara diakuisisi oleh PT Sinar Logistik Tbk pada pekan lalu.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted")),
    ("id", "PT Dana Ventura Indonesia menyuntikkan dana ke PT Kode Nusantara Digital sebesar US$ 20 juta.",
     ("investment", "PT Dana Ventura Indonesia", "PT Kode Nusantara Digital", "asserted")),
    ("id", "PT Garuda Nikel Indonesia akan memasok nikel ke PT Baterai Listrik Nusantara mulai tahun depan.",
     ("supply", "PT Garuda Nikel Indonesia", "PT Baterai Listrik Nusantara", "planned")),
    ("id", "PT Tambang Sejahtera Tbk menggugat PT Kontraktor Andalan ke Pengadilan Negeri Jakarta Selatan.",
     ("legal_dispute", "PT Kontraktor Andalan", "PT Tambang Sejahtera Tbk", "asserted")),
    ("id", "PT Sinar Logistik Tbk membantah kabar akuisisi PT Kapal Biru Nusantara.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "denied")),
    ("id", "PT Sinar Logistik Tbk dikabarkan tengah menjajaki akuisisi PT Kapal Biru Nusantara.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "rumored")),
    ("id", "PT Sinar Logistik Tbk berencana mengakuisisi PT Kapal Biru Nusantara tahun ini.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "planned")),
    ("id", "PT Sinar Logistik Tbk membatalkan rencana akuisisi PT Kapal Biru Nusantara.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "ended")),
    ("id", "Direktur Utama PT Sinar Logistik Tbk, Budi Santoso, mengatakan perseroan fokus pada ekspansi.",
     ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted")),
    ("id", "PT Sinar Logistik Tbk meluncurkan aplikasi KirimCepat untuk pelanggan korporasi.",
     ("launch", "PT Sinar Logistik Tbk", "KirimCepat", "asserted")),
    # Indonesian headline and sentence shapes: an owner and, in brackets, what it owns; both parties of a
    # symmetric link before its cue; a noun cue whose agent follows its object
    ("id", "Emiten Budi Santoso (BBRI) Cetak Laba Rp 5 Triliun",
     ("investment", "Budi Santoso", "Bank Rakyat Indonesia", "asserted")),
    ("id", "PT Sinar Logistik Tbk dan PT Kapal Biru Nusantara saling menggugat di pengadilan.",
     ("legal_dispute", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted")),
    ("id", "Kabar Akuisisi PT Kapal Biru Nusantara oleh PT Sinar Logistik Tbk Tidak Benar",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "denied")),
    ("id", "Akuisisi PT Kapal Biru Nusantara oleh PT Sinar Logistik Tbk rampung pekan lalu.",
     ("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted")),
    ("id", "Bandara ini dilayani maskapai Garuda Indonesia, Lion Air, Citilink dan Wings Air.",
     ("operates_in", "Wings Air", "Airlines", "asserted")),
    ("id", "Anak usaha PT Sinar Logistik Tbk yang bergerak di jasa kurir, PT Kapal Biru Nusantara, mencatat laba.",
     ("subsidiary_of", "PT Kapal Biru Nusantara", "PT Sinar Logistik Tbk", "asserted")),
    ("en", "Apple and Samsung have sued each other in ten countries.",
     ("legal_dispute", "Apple Inc.", "Samsung", "asserted")),
    # English
    ("en", "Harbor Robotics Inc said it agreed to acquire Delta Sensors Corp for 120 mln dlrs.",
     ("acquisition", "Harbor Robotics Inc", "Delta Sensors Corp", "planned")),
    ("en", "Delta Sensors Corp was acquired by Harbor Robotics Inc last year.",
     ("acquisition", "Harbor Robotics Inc", "Delta Sensors Corp", "asserted")),
    ("en", "Harbor Robotics Inc denied reports that it was in talks to buy Delta Sensors Corp.",
     ("acquisition", "Harbor Robotics Inc", "Delta Sensors Corp", "denied")),
    ("en", "Harbor Robotics Inc is reportedly in talks to buy Delta Sensors Corp, people familiar said.",
     ("acquisition", "Harbor Robotics Inc", "Delta Sensors Corp", "rumored")),
    ("en", "Harbor Robotics Inc called off its planned merger with Delta Sensors Corp on Monday.",
     ("partnership", "Delta Sensors Corp", "Harbor Robotics Inc", "ended")),
    ("en", "Blue Peak Capital Ltd invested 40 mln dlrs in Delta Sensors Corp.",
     ("investment", "Blue Peak Capital Ltd", "Delta Sensors Corp", "asserted")),
    ("en", "Delta Sensors Corp will supply lidar units to Harbor Robotics Inc under a new contract.",
     ("supply", "Delta Sensors Corp", "Harbor Robotics Inc", "planned")),
    ("en", "Harbor Robotics Inc sued Delta Sensors Corp over a patent.",
     ("legal_dispute", "Delta Sensors Corp", "Harbor Robotics Inc", "asserted")),
    ("en", "Harbor Robotics Inc launched the Atlas Mover, a warehouse robot, on Tuesday.",
     ("launch", "Harbor Robotics Inc", "Atlas Mover", "asserted")),
]


def _rels(code: str, text: str) -> set[tuple[str, ...]]:
    return relations_of(text, code)


@pytest.mark.parametrize(("code", "text", "expected"), CASES, ids=[f"{c[0]}-{c[2][0]}-{c[2][3]}" for c in CASES])
def test_relation(code: str, text: str, expected: tuple[str, str, str, str]) -> None:
    rels = _rels(code, text)
    t, s, o, st = expected
    wanted = {(t, s, o, st)} | ({(t, o, s, st)} if t in ("partnership", "competitor_of", "legal_dispute") else set())
    assert rels & wanted, f"{expected} not in {rels}"


def test_question_headline_is_not_an_assertion() -> None:
    # a yes/no question about the link is a rumour the status model does not overrule (construction "asked")
    rels = _rels("id", "PT Sinar Logistik Tbk Akuisisi PT Kapal Biru Nusantara, Benarkah?")
    assert rels == {("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "rumored")}, rels


def test_a_wh_question_asks_about_something_else_and_the_link_stands() -> None:
    rels = _rels("id", "PT Sinar Logistik Tbk Akuisisi PT Kapal Biru Nusantara, Ada Apa?")
    assert rels == {("acquisition", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted")}, rels


def test_description_resolves_to_the_right_company() -> None:
    text = ("PT Sinar Logistik Tbk bertemu dengan Xiaomi di Jakarta. "
            "Perusahaan teknologi asal Tiongkok itu berencana menggandeng PT Garuda Nikel Indonesia.")
    rels = _rels("id", text)
    assert ("partnership", "PT Garuda Nikel Indonesia", "Xiaomi", "planned") in rels or (
        "partnership", "Xiaomi", "PT Garuda Nikel Indonesia", "planned") in rels, rels
    assert ("based_in", "Xiaomi", "China", "asserted") in rels, rels


def test_evidence_offsets_point_into_the_article() -> None:
    text = "Judul\n\nPT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia."
    x = extract(Article(id="t", text=text, language="id"))
    assert x.relations
    for r in x.relations:
        for ev in r.evidence:
            assert text[ev.start : ev.end] == ev.text
    for e in x.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_markup_left_in_scraped_text_is_no_name() -> None:
    # Seen in the NERP sentences ("</org>" tags left in the text): "/org" came out as a Company.
    x = extract(Article(id="m", text="Dalam acara itu </org> PT Sinar Baja Tbk </org> meluncurkan mobil baru.",
                        language="id"))
    assert [(e.label, e.type) for e in x.entities] == [("PT Sinar Baja Tbk", "Company")]
    x = extract(Article(id="r", text="Harbor Robotics Inc sold its unit to <Delta Sensors Corp>.", language="en"))
    assert ("Delta Sensors Corp", "Company") in [(e.label, e.type) for e in x.entities]


def test_wire_abbreviations_of_countries_are_countries() -> None:
    x = extract(Article(id="u", text="The U.K. group Harbor Robotics Ltd said it sold its U.S. unit.", language="en"))
    assert {(e.label, e.type) for e in x.entities} >= {("United Kingdom", "Country"), ("United States", "Country")}


def test_a_country_the_tagger_calls_a_place_stays_a_country() -> None:
    # Reuters capitalises the noun after "U.S." ("a U.S. Company"): the country is no part of a longer
    # name there, and a tagger's Place that the gazetteer knows as a country is that country.
    x = extract(Article(id="c", text="Harbor Robotics Inc wants a stake in a U.S. Company or two.", language="en"))
    assert [e.type for e in x.entities if e.label in ("U.S.", "United States")] == ["Country"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Headline shapes written for this test: a bid is an acquisition; a rejected rumour is a denial.
        pytest.param("Harbor Robotics Said to Weigh Bid for Delta Sensors Corp", ("acquisition", "rumored"),
                     marks=pytest.mark.xfail(strict=True, reason=(
                         "known miss: the status model retrained on session 16's annotations (59 more planned bids)"
                         " overrules the rules' rumour in this title-case headline with p >= 0.7; guarding verbs of"
                         " weighing lost out of fold on train (en 0.8248 -> 0.8230), docs/status.md"))),
        ("Harbor Robotics Weighs Bid for Delta Sensors Corp", ("acquisition", "rumored")),
        ("Harbor Robotics Inc is said to be weighing a bid for Delta Sensors Corp.", ("acquisition", "rumored")),
        ("Harbor Robotics Inc made a bid for Delta Sensors Corp last week.", ("acquisition", "planned")),
        ("Harbor Robotics Rejects Rumour It Will Invest in Delta Sensors Corp", ("investment", "denied")),
    ],
)
def test_bids_and_rejected_rumours(text: str, expected: tuple[str, str]) -> None:
    x = extract(Article(id="h", text=text, language="en"))
    assert [(r.type, r.status) for r in x.relations] == [expected]


def test_a_sector_word_heading_a_description_still_refers_back() -> None:
    """ "maskapai" is a sector word and the head of "maskapai tersebut": the description still resolves
    to the airline named before, so its deal is that airline's."""
    rels = _rels("id", "Garuda Indonesia mencatat rugi. Maskapai tersebut akan menggandeng Lion Air.")
    assert ("partnership", "Garuda Indonesia", "Lion Air", "planned") in rels or (
        "partnership", "Lion Air", "Garuda Indonesia", "planned") in rels


def test_a_title_holder_follows_the_organisation_directly() -> None:
    """ "Ketua KPK" is followed by a headline verb, so the person named later holds no title there;
    with the person right after the organisation (a bracketed ticker between is fine) the link stands."""
    assert not {r for r in _rels("id", "Ketua KPK Ungkap Status Budi Santoso di Kasus Korupsi") if r[0] == "works_for"}
    assert ("works_for", "Budi Santoso", "Bank Rakyat Indonesia", "asserted") in _rels(
        "id", "Dirut Bank Rakyat Indonesia (BBRI) Budi Santoso Bicara Soal Kredit")


def test_two_objects_of_a_one_way_link_are_not_its_parties() -> None:
    """Two names joined by "&" after a one-way cue are two objects ("shares of BBRI and BMRI"), not an
    acquirer and a target; after a symmetric cue they are the two partners."""
    assert not {r for r in _rels("id", "Investor Asing Borong Saham BBRI & BMRI Kala IHSG Merah")
                if r[0] == "acquisition"}
    assert {r[0] for r in _rels("id", "Kemitraan PT Sinar Logistik Tbk dan PT Kapal Biru Nusantara Diperpanjang")} \
        >= {"partnership"}


def test_a_place_before_a_preposition_does_not_place_what_follows() -> None:
    rels = _rels("id", "Budi Santoso Jual Pelabuhan Panama ke BlackRock")
    assert not {r for r in rels if r[0] == "based_in"}


def test_buying_shares_is_a_stake_and_funding_from_names_the_investor() -> None:
    """ "Borong Saham" buys a stake (investment), not control; "Dapat Suntikan Dana ... dari Y": Y invests."""
    rels = _rels("id", "PT Sinar Logistik Tbk Borong Saham PT Kapal Biru Nusantara")
    assert ("investment", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara", "asserted") in rels
    assert not {r for r in rels if r[0] == "acquisition"}
    rels = _rels("id", "PT Kapal Biru Nusantara Dapat Suntikan Dana Rp 1 T dari PT Sinar Logistik Tbk")
    assert {r[:3] for r in rels if r[0] == "investment"} == {
        ("investment", "PT Sinar Logistik Tbk", "PT Kapal Biru Nusantara")}


def test_a_product_word_before_a_company_is_its_product_not_its_sector() -> None:
    """Indonesian puts the head first: "ponsel pintar Samsung" is Samsung's phone; "perusahaan fintech X"
    and "maskapai X" say what X does."""
    rels = _rels("id", "Penjualan ponsel pintar Samsung naik tajam tahun ini.")
    assert not {r for r in rels if r[0] == "operates_in"}
    assert ("operates_in", "PT Dompet Rakyat", "Fintech", "asserted") in _rels(
        "id", "Perusahaan fintech PT Dompet Rakyat mencatat laba.")
