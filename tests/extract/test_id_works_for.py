"""Indonesian constructions of employment and ownership the rule engine reads (kg.extract.relations,
kg.extract.owners): headline titles, who holds a title, who appoints, and an owner's bracketed company.

Every sentence here was written for these tests (fictional people and companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.readings import relations_of


def _rules(text: str) -> set[tuple[str, ...]]:
    x = extract(Article(id="t", text=text, language="id"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    "text",
    [
        "Budi Santoso Resmi Jadi Komut PT Sinar Logistik Tbk",  # a headline title after link words
        "PT Sinar Logistik Tbk Tunjuk Budi Santoso Jadi Direktur Utama",  # the appointing organisation
    ],
)
def test_headline_titles_and_appointments(text):
    rels = _rules(text)
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk") in rels, rels


def test_a_person_before_a_verb_holds_no_title():
    # a verb between the person and the title: the person meets or receives the holder
    rels = _rules("Budi Santoso Terima Direktur PT Sinar Logistik Tbk di Istana")
    assert not any(r[0] == "works_for" for r in rels), rels


def test_the_person_after_the_titles_organisation_holds_it():
    rels = relations_of("di situ , budi santoso bertemu dengan direktur utama pt sinar logistik tbk , andi wijaya .",
                        "id", status=False)
    assert ("works_for", "andi wijaya", "pt sinar logistik tbk") in rels, rels
    assert ("works_for", "budi santoso", "pt sinar logistik tbk") not in rels, rels


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        # (not "Grup Sinar": now that a headline of short clauses is known as one, the tagger reads "Grup"
        # and a word of the vocabulary as a line of business there, like "Grup Keuangan": see the session-10 note)
        ("Emiten Grup Lumeo (SNLG) Cetak Laba Rp 5 Triliun", "SNLG", "Grup Lumeo"),
        ("Anak Usaha PT Sinar Logistik Tbk (KBNU) Dinyatakan Pailit", "KBNU", "PT Sinar Logistik Tbk"),
    ],
)
def test_an_owner_and_its_company_in_brackets_stay_two(text, child, parent):
    # the bracket names the company owned, not the owner's ticker: no merging the two into one entity
    rels = relations_of(text, "id", status=False)
    assert ("subsidiary_of", child, parent) in rels, rels


def test_an_emiten_and_its_own_ticker_stay_one():
    # "Emiten [sector] X (TICKER)": the ticker is X's own, no ownership
    rels = relations_of("Emiten Logistik Sinar Logistik (SNLG) Cetak Laba", "id", status=False)
    assert not any(r[0] == "subsidiary_of" for r in rels), rels


def test_the_companies_listed_after_a_sector_word_are_in_it():
    # a list opened by "antara lain" after a kind of company and a relative clause on it
    rels = relations_of("Dia menjelaskan , maskapai yang beroperasi di bandara ini antara lain Garuda Indonesia , "
                        "Lion Air dan Citilink .", "id", status=False)
    for airline in ("Garuda Indonesia", "Lion Air", "Citilink"):
        assert ("operates_in", airline, "Airlines") in rels, rels


def test_a_headline_comma_ends_the_deal_clause():
    # "X Tuntut Ganti Rugi, Y Buka Suara": Y answers in the next clause, it is not the one sued
    text = "PT Sinar Logistik Tbk Tuntut Ganti Rugi, PT Kapal Biru Nusantara Buka Suara"
    rels = relations_of(text, "id", status=False)
    assert not any(r[0] == "legal_dispute" for r in rels), rels


def test_a_titles_portfolio_holds_no_job():
    # "Direktur Keuangan PT X, Budi": "Keuangan" (finance) names the portfolio, Budi holds the title
    rels = {r for r in relations_of("Direktur Keuangan PT Sinar Logistik Tbk , Budi Santoso , mengatakan perseroan "
                                    "akan menambah armada .", "id", status=False) if r[0] == "works_for"}
    assert rels == {("works_for", "Budi Santoso", "PT Sinar Logistik Tbk")}, rels


def test_the_company_after_a_description_of_origin_is_based_there():
    # "pabrik asal Taiwan, Y": the factory described is Y, not the company that hires it
    rels = relations_of("Untuk itu , PT Sinar Logistik Tbk menggandeng pabrik asal Taiwan , PT Kapal Biru Nusantara , "
                        "yang membuat kapal .", "id", status=False)
    assert ("based_in", "PT Kapal Biru Nusantara", "Taiwan") in rels, rels
    assert ("based_in", "PT Sinar Logistik Tbk", "Taiwan") not in rels, rels


def test_every_company_listed_after_a_party_is_a_party():
    text = "Jakpro akan menggandeng PT Wijaya Karya Tbk ( WIKA ) , PT Waskita Karya Tbk dan PT Adhi Karya Tbk ."
    partners = {frozenset(r[1:]) for r in relations_of(text, "id", status=False) if r[0] == "partnership"}
    assert {frozenset(("Jakpro", "PT Waskita Karya Tbk")), frozenset(("Jakpro", "PT Adhi Karya Tbk"))} <= partners


def test_a_comma_alone_lists_no_party():
    # "X Gandeng Y, Z Tunggu Giliran": Z is the subject of the next clause
    rels = relations_of("Jakpro Gandeng PT Waskita Karya Tbk, PT Adhi Karya Tbk Tunggu Giliran", "id", status=False)
    assert not any("PT Adhi Karya Tbk" in r for r in rels), rels


@pytest.mark.parametrize(
    ("text", "org", "status"),
    [
        # "mantan" is the earlier title's, the new seat is held
        ("Mantan Menteri Budi Santoso Diangkat Jadi Komisaris PT Sinar Logistik Tbk", "PT Sinar Logistik Tbk",
         "asserted"),
        # the resignation is from the other company named after the person
        ("Jadi Bos PT Sinar Logistik Tbk, Budi Santoso Pamit Mundur dari PT Kapal Biru Nusantara",
         "PT Sinar Logistik Tbk", "asserted"),
        ("Eks Dirut PT Sinar Logistik Tbk Budi Santoso Ditahan", "PT Sinar Logistik Tbk", "ended"),
        ("Direktur PT Sinar Logistik Tbk Budi Santoso Resign", "PT Sinar Logistik Tbk", "ended"),
    ],
)
def test_a_jobs_status_is_read_in_its_own_phrase(text, org, status):
    rels = relations_of(text, "id")
    assert ("works_for", "Budi Santoso", org, status) in rels, rels


@pytest.mark.parametrize(("text", "person", "portfolio"), [
    # ordinary words after a title, none a known first name, are its portfolio or a body, not its holder
    ("Mantan Menteri Pekerjaan Umum itu lebih memilih diam soal proyek PT Kilat Niaga Tbk.", None, "Pekerjaan Umum"),
    ("Surat itu dikirim kepada pimpinan Dewan pekan lalu oleh PT Kilat Niaga Tbk.", None, "Dewan"),
    # a known first name, or a word no dictionary holds, is someone's name
    ("Menteri Rini menolak usulan PT Kilat Niaga Tbk.", "Rini", None),
    ("Direktur Utama Kilat Niaga, Darsono Wiryakusumo, menolak usulan itu.", "Darsono Wiryakusumo", None),
])
def test_ordinary_words_after_a_title_are_a_portfolio_not_a_person(text: str, person: str | None,
                                                                  portfolio: str | None) -> None:
    people = {e.label for e in extract(Article(id="t", text=text, language="id")).entities if e.type == "Person"}
    if person is not None:
        assert person in people, people
    if portfolio is not None:
        assert portfolio not in people, people


@pytest.mark.parametrize("text", [
    # a body headed by an organisation word after a title is where the title is held, not its holder
    "Ketua DPD Partai Golkar Jawa Barat mengatakan itu .",
    "Ketua Komisi VII mengatakan hal itu .",
])
def test_a_body_after_a_title_is_no_person(text: str) -> None:
    ents = extract(Article(id="t", text=text, language="id")).entities
    assert not [e.label for e in ents if e.type == "Person"], ents


def test_the_appointer_of_a_title_elsewhere_is_no_employer(pair_classifier) -> None:  # type: ignore[no-untyped-def]
    # "X Tunjuk Budi Jadi Dirut Y": Budi works for Y, not for X, whatever the pair classifier reads
    def every_pair_a_job(tokens, a, b, *, language, models=None):  # type: ignore[no-untyped-def]
        return ("works_for", 0.99) if a[2] == "Person" and b[2] != "Person" else (None, 1.0)

    pair_classifier(every_pair_a_job)
    text = "Kementerian Koperasi Tunjuk Budi Santoso Jadi Dirut PT Sinar Logistik Tbk"
    jobs = {r for r in relations_of(text, "id", status=False) if r[0] == "works_for"}
    assert jobs == {("works_for", "Budi Santoso", "PT Sinar Logistik Tbk")}, jobs
    # with no organisation after the title the appointer is the employer, for the rules and the classifier
    jobs = {r for r in relations_of("PT Sinar Logistik Tbk Tunjuk Budi Santoso Jadi Direktur Utama", "id",
                                    status=False) if r[0] == "works_for"}
    assert jobs == {("works_for", "Budi Santoso", "PT Sinar Logistik Tbk")}, jobs


def test_a_listed_company_in_brackets_is_not_its_owners_own_ticker():
    # the lists know DSSA as Dian Swastatika Sentosa, which shares no word with Sinar Mas: two companies,
    # and the line of business named before the owner is the owned company's
    rels = relations_of("Emiten Tambang Sinar Mas (DSSA) Dapat Kredit Rp 2 T dari Bank Mandiri", "id", status=False)
    assert ("subsidiary_of", "Dian Swastatika Sentosa", "Sinar Mas") in rels, rels
    assert ("operates_in", "Dian Swastatika Sentosa", "Mining") in rels, rels
    assert not any(r[0] == "operates_in" and r[1] == "Sinar Mas" for r in rels), rels
    # a name that shares a word with the listing is the listed company itself
    rels = relations_of("Emiten Energi Dian Swastatika (DSSA) Dapat Kredit Rp 2 T dari Bank Mandiri", "id",
                        status=False)
    assert not any(r[0] == "subsidiary_of" for r in rels), rels


def test_a_list_in_brackets_after_a_group_names_its_units():
    rels = relations_of("Grup MNC (MNC Bank dan MNC Sekuritas) Cetak Laba", "id", status=False)
    assert {("subsidiary_of", "MNC Bank", "Grup MNC"), ("subsidiary_of", "MNC Sekuritas", "Grup MNC")} <= rels, rels
    # one name in brackets is the name's acronym or ticker, and places listed in brackets are no units
    assert not any(r[0] == "subsidiary_of" for r in relations_of("Grup MNC (MNC Bank) Cetak Laba", "id"))
    rels = relations_of("Maskapai Nam Air (tujuan Cikarang, Matak dan Sungaipenuh) mendarat di bandara ini.", "id")
    assert not any(r[0] == "subsidiary_of" for r in rels), rels
