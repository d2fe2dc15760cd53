"""Indonesian parties read across a headline's comma, past an amount, and from a description
(kg.extract.joins.fronted, kg.extract.lexicon.Cue.match, kg.extract.relations._proxy, kg.extract.origin).

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _links(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id")


def test_a_fronted_clause_takes_its_subject_after_the_comma():
    rels = _links("Gandeng PT Tirta Loka Abadi, PT Sinar Baru Jaya Pacu Ekspor Kopi")
    assert ("partnership", "PT Sinar Baru Jaya", "PT Tirta Loka Abadi", "asserted") in rels, rels


def test_a_fronted_passive_names_the_agent_inside_it():
    rels = _links("Usai Dicaplok PT Tirta Loka Abadi, Bos PT Sinar Baru Jaya Ungkap Rencana")
    assert ("acquisition", "PT Tirta Loka Abadi", "PT Sinar Baru Jaya", "asserted") in rels, rels


def test_a_comma_that_lists_names_fronts_no_clause():
    rels = _links("Borong Saham PT Tirta Loka Abadi, PT Sinar Baru Jaya & PT Kali Mas Jaya")
    assert not any(t == "investment" for t, *_ in rels), rels


@pytest.mark.parametrize("amount", ["5,5 Juta", "Rp 148,66 Miliar", "7,3 Juta Lembar"])
def test_an_amount_between_the_verb_and_saham(amount):
    rels = _links(f"Budi Santoso Borong {amount} Saham PT Tirta Loka Abadi")
    assert ("investment", "Budi Santoso", "PT Tirta Loka Abadi", "asserted") in rels, rels


def test_a_relative_of_the_named_person_is_who_buys():
    assert ("investment", "Budi Santoso", "PT Tirta Loka Abadi", "asserted") in _links(
        "Budi Santoso membeli 5,5 juta saham PT Tirta Loka Abadi.")
    rels = _links("Putra Budi Santoso membeli 5,5 juta saham PT Tirta Loka Abadi.")
    assert not any(t == "investment" for t, *_ in rels), rels


def test_a_description_after_the_name_gives_its_country():
    rels = _links("Sebelumnya PT Tirta Loka Abadi, perusahaan pengolahan kopi Jepang, menolak tawaran itu.")
    assert ("based_in", "PT Tirta Loka Abadi", "Japan", "asserted") in rels, rels


def test_a_description_before_the_name_gives_its_country():
    rels = _links("Pemerintah menggandeng perusahaan asal Jepang, PT Tirta Loka Abadi, untuk proyek itu.")
    assert ("based_in", "PT Tirta Loka Abadi", "Japan", "asserted") in rels, rels


def test_a_description_belongs_to_the_name_before_it():
    rels = _links("PT Tirta Loka Abadi merupakan perusahaan Jepang, PT Sinar Baru Jaya pun menolak.")
    assert not any(t == "based_in" and a == "PT Sinar Baru Jaya" for t, a, *_ in rels), rels


def test_owned_by_a_person_is_an_investment_by_an_organisation_a_subsidiary():
    rels = _links("PT Tirta Loka Abadi merupakan perusahaan milik pengusaha Budi Santoso.")
    assert ("investment", "Budi Santoso", "PT Tirta Loka Abadi", "asserted") in rels, rels
    rels = _links("PT Tirta Loka Abadi milik PT Sinar Baru Jaya terus bertumbuh.")
    assert ("subsidiary_of", "PT Tirta Loka Abadi", "PT Sinar Baru Jaya", "asserted") in rels, rels
    assert not any(t == "investment" for t, *_ in rels), rels


def test_a_state_owned_enterprise_names_no_owner():
    # "milik negara" is the kind of owner; the name after it is the minister, who owns nothing
    rels = _links("PT Tirta Loka Abadi mengundang menteri badan usaha milik negara Budi Santoso ke pabriknya.")
    assert not any(t in ("investment", "subsidiary_of") for t, *_ in rels), rels


def test_a_fronted_line_of_business_is_the_company_after_the_comma():
    rels = _links("Perkuat Bisnis Batu Bara, PT Tirta Loka Abadi Siapkan Rp 2 Triliun")
    assert any(t == "operates_in" and a == "PT Tirta Loka Abadi" for t, a, *_ in rels), rels


def test_the_agent_after_the_party_acted_on_pairs_with_it():
    # the regulator named before the deal is neither of its parties
    rels = _links("Otoritas Jasa Keuangan menyoroti permasalahan akuisisi PT Tirta Loka Abadi oleh PT Sinar Baru Jaya.")
    acquisitions = {(a, b) for t, a, b, _s in rels if t == "acquisition"}
    assert acquisitions == {("PT Sinar Baru Jaya", "PT Tirta Loka Abadi")}, rels


def test_two_names_joined_by_a_hyphen_before_a_symmetric_cue():
    # (two listed names the gazetteer knows, so that the tagger reads two names, not one)
    rels = _links("BTN-VinFast Kerja Sama Garap Ekspor Kopi")
    assert any(t == "partnership" and "VinFast" in (a, b) for t, a, b, _s in rels), rels
