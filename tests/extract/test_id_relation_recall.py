"""Indonesian constructions added for relation recall (session 10): a person after a venue frame, a job's
portfolio between title and organisation, link words before a title, and launchers listed before the cue.

Every sentence here was written for these tests (fictional people, companies and products). The rules
engine reads them, so the pair classifier cannot stand in for the constructions.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _rules(text: str) -> set[tuple[str, ...]]:
    x = extract(Article(id="t", text=text, language="id"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object], r.status) for r in x.relations}


def test_a_person_after_menurut_holds_the_title_after_them():
    rels = _rules("Menurut Budi Santoso, CEO PT Sinar Logistik Tbk, permintaan naik tahun ini.")
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels


def test_a_news_outlet_after_menurut_stays_a_venue():
    rels = _rules("Menurut Reuters, PT Sinar Logistik Tbk mengakuisisi PT Lumeo Kargo.")
    assert not any("Reuters" in r for r in rels), rels


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a portfolio of several words between the title and the organisation, the holder right after it
        ("Direktur Jenderal Peternakan dan Kesehatan Hewan Kementerian Pertanian Budi Santoso mengatakan harga "
         "naik.", "Budi Santoso", "Kementerian Pertanian"),
        ("Hal itu disampaikan Direktur Pemasaran, Penjualan dan Layanan Pelanggan PT Sinar Logistik Tbk, Budi "
         "Santoso, di Jakarta.", "Budi Santoso", "PT Sinar Logistik Tbk"),
        # link words before the title
        ("Budi Santoso Mengundurkan Diri dari Kursi Komisaris PT Sinar Logistik Tbk", "Budi Santoso",
         "PT Sinar Logistik Tbk"),
    ],
)
def test_job_constructions(text, person, org):
    rels = {r[:3] for r in _rules(text)}
    assert ("works_for", person, org) in rels, rels


def test_resigning_from_a_seat_ends_the_job():
    rels = _rules("Budi Santoso Mengundurkan Diri dari Kursi Komisaris PT Sinar Logistik Tbk")
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "ended") in rels, rels


def test_a_name_between_title_and_organisation_is_no_holder():
    # the person named right after the title is the holder; the one after the organisation is not
    rels = {r[:3] for r in _rules("Direktur PT Sinar Logistik Tbk Budi Santoso bertemu PT Lumeo Kargo Andi Wijaya.")}
    assert ("works_for", "Andi Wijaya", "PT Sinar Logistik Tbk") not in rels, rels


def test_every_launcher_listed_before_the_cue_launches():
    rels = {r[:3] for r in _rules("PT Sinar Logistik Tbk bersama-sama dengan PT Lumeo Kargo dan PT Kestrel Data "
                                  "meluncurkan kartu Zorvax Pay di Jakarta.")}
    for maker in ("PT Sinar Logistik Tbk", "PT Lumeo Kargo", "PT Kestrel Data"):
        assert ("launch", maker, "Zorvax Pay") in rels, rels


def test_a_comma_alone_lists_no_launchers():
    # "A, B meluncurkan X": a comma alone may end a clause, so only the name next to the cue launches
    rels = {r[:3] for r in _rules("Usai rapat dengan PT Lumeo Kargo, PT Sinar Logistik Tbk meluncurkan kartu "
                                  "Zorvax Pay.")}
    assert ("launch", "PT Lumeo Kargo", "Zorvax Pay") not in rels, rels


def test_a_bracketed_head_before_a_sector_opens_a_list():
    rels = {r[:3] for r in _rules("Jakpro akan menggandeng Badan Usaha Milik Negara (BUMN) konstruksi seperti PT Sinar "
                                  "Logistik Tbk (SNLG), PT Lumeo Kargo dan PT Kestrel Data.")}
    assert ("operates_in", "PT Sinar Logistik Tbk", "Construction") in rels, rels


def test_ataupun_ends_a_list():
    rels = {r[:3] for r in _rules("produsen ponsel sekelas PT Sinar Logistik Tbk, PT Lumeo Kargo, ataupun PT Kestrel "
                                  "Data wajib waspada.")}
    assert ("operates_in", "PT Kestrel Data", "Smartphones") in rels, rels


def test_the_launcher_of_a_model_named_after_its_brand():
    # the brand before the model's name is its maker, and the company before the cue launches the model
    rels = {r[:3] for r in _rules("PT Sinar Logistik Tbk meluncurkan skuter premium, yakni Honda Zorvax 150, di "
                                  "Jakarta.")}
    assert ("launch", "PT Sinar Logistik Tbk", "Zorvax 150") in rels, rels
    assert ("launch", "Honda", "Zorvax 150") in rels, rels
