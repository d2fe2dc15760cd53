"""Indonesian relation cues added from train-split counts (ontology/lang/id/relations/*.txt,
ontology/lang/id/status/ended.txt) and the objects of a verb that are no symmetric pair
(kg.extract.cueparties.cue_parties).

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _links(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id")


@pytest.mark.parametrize("text, link", [
    # a credit line or loan from a bank is supply from the bank
    ("PT Tirta Loka Abadi Dapat Kredit Rp 900 Miliar dari PT Bank Mekar Sari",
     ("supply", "PT Bank Mekar Sari", "PT Tirta Loka Abadi", "asserted")),
    ("PT Tirta Loka Abadi memperoleh pinjaman Rp 2 triliun dari PT Bank Mekar Sari.",
     ("supply", "PT Bank Mekar Sari", "PT Tirta Loka Abadi", "asserted")),
    # a holder of shares invests; a tender offer is a planned investment
    ("Budi Santoso merupakan salah satu pemilik saham terbesar PT Tirta Loka Abadi.",
     ("investment", "Budi Santoso", "PT Tirta Loka Abadi", "asserted")),
    ("Budi Santoso Tawarkan Tender Offer PT Tirta Loka Abadi Rp 25 Per Saham",
     ("investment", "Budi Santoso", "PT Tirta Loka Abadi", "planned")),
])
def test_credit_holder_and_tender_cues_give_their_link(text: str, link: tuple[str, ...]) -> None:
    rels = _links(text)
    assert link in rels, rels


def test_the_objects_of_a_verb_are_no_pair_of_a_symmetric_link():
    rels = _links("Salip PT Tirta Loka Abadi dan PT Sinar Baru Jaya, PT Kali Mas Jadi Raja Kopi")
    assert not any(t == "competitor_of" and {a, b} == {"PT Tirta Loka Abadi", "PT Sinar Baru Jaya"}
                   for t, a, b, _ in rels), rels
    assert ("competitor_of", "PT Kali Mas", "PT Tirta Loka Abadi", "asserted") in rels, rels


def test_a_noun_cue_still_joins_the_two_names_after_it():
    rels = _links("Liputan ini terselenggara atas kerjasama PT Tirta Loka Abadi dan PT Sinar Baru Jaya.")
    assert any(t == "partnership" and {a, b} == {"PT Tirta Loka Abadi", "PT Sinar Baru Jaya"}
               for t, a, b, _ in rels), rels


def test_closing_a_line_of_business_ends_it():
    rels = _links("Ini Alasan PT Tirta Loka Abadi Tutup Bisnis E-Commerce")
    assert {s for t, a, _, s in rels if t == "operates_in" and a == "PT Tirta Loka Abadi"} == {"ended"}, rels


def test_a_closure_far_before_the_sector_cue_ends_nothing():
    rels = _links("PT Tirta Loka Abadi Tutup Gerai Lama di Kota, Fokus Jualan E-Commerce")
    assert not any(t == "operates_in" and s == "ended" for t, _, _, s in rels), rels


def test_organisations_acting_together_are_partners():
    rels = _links("PT Tirta Loka Abadi bersama-sama dengan PT Sinar Baru Jaya meluncurkan kartu baru di Jakarta.")
    assert any(t == "partnership" and {a, b} == {"PT Tirta Loka Abadi", "PT Sinar Baru Jaya"}
               for t, a, b, _ in rels), rels


def test_a_description_between_the_conjunction_and_the_name_keeps_the_pair():
    rels = _links("BNI dan Mobil Listrik Vietnam Lumeo Teken Kerja Sama Investasi")
    assert any(t == "partnership" and {a, b} == {"Bank Negara Indonesia", "Lumeo"} for t, a, b, _ in rels), rels


def test_a_company_joined_to_the_subject_is_in_the_sector_too():
    rels = _links("PT Tirta Loka Abadi & PT Sinar Jaya Jadi Bank Emas, Ini Dampaknya")
    subjects = {a for t, a, _, _ in rels if t == "operates_in"}
    assert {"PT Tirta Loka Abadi", "PT Sinar Jaya"} <= subjects, rels
