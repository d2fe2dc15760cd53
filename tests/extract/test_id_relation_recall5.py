"""Indonesian constructions added in session 14 for works_for, partnership and operates_in: a job title after
a venue frame in lowercase text, a list of partners that goes on with an organisation, words that say a person
joins, leaves or sits on the board of an organisation, words of rank between a sector and a company in a
headline, and a portfolio opened by "bidang" between the organisation and the holder.

Every sentence here was written for these tests (fictional people and companies).
"""

from __future__ import annotations

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id", lower=True)


def _has(rels: set[tuple[str, ...]], rtype: str, a: str, b: str) -> bool:
    return any(r[0] == rtype and {a, b} <= {r[1], r[2]} for r in rels)


def test_a_title_after_menurut_names_the_speakers_employer_not_a_venue():
    rels = _rels("menurut presiden direktur pt sinar logistik , budi santoso , penjualan naik tahun ini .")
    assert _has(rels, "works_for", "budi santoso", "pt sinar logistik"), rels


def test_a_venue_after_menurut_stays_a_venue():
    # "menurut Bursa Efek Indonesia": the exchange says it, and is no party
    rels = _rels("menurut bursa efek indonesia , pt sinar logistik membeli saham pt arta niaga .")
    assert not any("bursa efek indonesia" in r[1:3] for r in rels), rels


def test_partners_listed_after_dengan_may_be_organisations():
    rels = _rels("PT Sinar Logistik, bekerja sama dengan PT Arta Niaga dan Kementerian Perhubungan, menggelar pameran.")
    assert _has(rels, "partnership", "pt sinar logistik", "kementerian perhubungan"), rels


def test_a_person_who_joins_an_organisation_works_for_it():
    rels = _rels("Budi Santoso Bergabung dengan PT Sinar Logistik")
    assert ("works_for", "budi santoso", "pt sinar logistik", "asserted") in rels, rels


def test_a_person_who_steps_down_from_an_organisation_worked_for_it():
    rels = _rels("Budi Santoso Pamit Mundur dari PT Sinar Logistik")
    assert ("works_for", "budi santoso", "pt sinar logistik", "ended") in rels, rels


def test_words_of_rank_between_a_sector_and_a_company_in_a_headline():
    rels = _rels("Produsen Baterai Terbesar Dunia PT Sinar Volta Mau IPO Rp 80 Triliun")
    assert any(r[0] == "operates_in" and r[1] == "pt sinar volta" for r in rels), rels


def test_a_portfolio_after_the_organisation_reaches_to_the_holder():
    rels = _rels("deputi kementerian perhubungan bidang sarana dan prasarana , budi santoso , mengatakan "
                 "proyek itu berjalan .")
    assert _has(rels, "works_for", "budi santoso", "kementerian perhubungan"), rels
