"""Indonesian constructions added in session 15 (issue 11, relation recall): English job titles whose
modifiers stand before their head ("X, social media manager Y", ``head_final_titles``) and launch cues for
bringing out and designing a product ("mengeluarkan", "membesut", "rancangan").

Every sentence here was written for these tests (fictional people and companies).
"""

from __future__ import annotations

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id", lower=True)


def _has(rels: set[tuple[str, ...]], rtype: str, a: str, b: str) -> bool:
    return any(r[0] == rtype and (r[1], r[2]) == (a, b) for r in rels)


def test_an_english_title_with_its_portfolio_before_the_head_is_a_job():
    rels = _rels("Menurut Rina Wulandari, digital marketing manager PT Sinar Logistik, penjualan naik tahun ini.")
    assert _has(rels, "works_for", "rina wulandari", "pt sinar logistik"), rels


def test_a_head_final_title_in_caseless_text():
    rels = _rels("hal itu disampaikan rina wulandari , brand director untuk pt sinar logistik , kepada wartawan .")
    assert _has(rels, "works_for", "rina wulandari", "pt sinar logistik"), rels


def test_words_before_a_head_final_title_that_are_no_portfolio_make_no_job():
    # a verb after the comma: the person acts on the manager, and is none
    rels = _rels("Menurut Rina Wulandari, mengkritik manager PT Sinar Logistik tidak ada gunanya.")
    assert not _has(rels, "works_for", "rina wulandari", "pt sinar logistik"), rels


def test_mengeluarkan_a_product_is_a_launch():
    rels = _rels("PT Sinar Ponsel akan mengeluarkan ponsel baru bernama Lumeo X2 bulan depan.")
    assert any(r[0] == "launch" and r[1] == "pt sinar ponsel" and r[2] == "lumeo x2" for r in rels), rels


def test_membesut_a_product_is_a_launch():
    rels = _rels("Rencana Lumeo Corp membesut Lumeo Lite murah juga sudah terdengar.")
    assert any(r[0] == "launch" and r[1] == "lumeo corp" and r[2] == "lumeo lite" for r in rels), rels


def test_a_product_rancangan_its_maker_is_launched_by_the_maker():
    rels = _rels("Pesawat Garuda-77 rancangan PT Sinar Dirgantara berbasis pesawat yang lebih tua.")
    assert any(r[0] == "launch" and r[1] == "pt sinar dirgantara" and r[2].endswith("garuda-77") for r in rels), rels


def test_people_listed_before_a_titles_holder_hold_it_too():
    rels = _rels("Budi Santoso, Andi Pratama & Rina Wulandari Jadi Dewan Penasihat PT Sinar Logistik")
    for who in ("budi santoso", "andi pratama", "rina wulandari"):
        assert _has(rels, "works_for", who, "pt sinar logistik"), rels


def test_who_accompanies_a_titles_holder_does_not_hold_it():
    rels = _rels("Toko itu diresmikan oleh Budi Santoso bersama dengan Rina Wulandari selaku CEO PT Sinar Logistik.")
    assert _has(rels, "works_for", "rina wulandari", "pt sinar logistik"), rels
    assert not _has(rels, "works_for", "budi santoso", "pt sinar logistik"), rels


def test_names_listed_right_after_a_sector_word_are_in_that_sector():
    rels = _rels("Pemerintah menyoroti keberadaan taksi online seperti PT Lumeo Transportasi dan PT Zorva Mobilitas.")
    for who in ("pt lumeo transportasi", "pt zorva mobilitas"):
        assert any(r[0] == "operates_in" and r[1] == who for r in rels), rels


def test_words_between_a_sector_word_and_a_list_need_a_company_head():
    # "kendaraan listrik buatan Tiongkok seperti X": where the vehicles are made stands between
    rels = _rels("Pasar dibanjiri kendaraan listrik buatan Tiongkok seperti PT Lumeo Motor dan PT Zorva Motor.")
    assert not any(r[0] == "operates_in" for r in rels), rels
