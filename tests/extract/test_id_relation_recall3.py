"""Indonesian job constructions added in session 12 (works_for): titles joined into one chain, the holder of a
relative clause on an apposition, people a headline presents after its title clause, the organisation's region
between it and the holder, and two refusals (a person who acts on another organisation).

Every sentence here was written for these tests (fictional people and companies).
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id")


@pytest.mark.parametrize(
    "text",
    [
        "Hal itu dikatakan Budi Santoso, wakil presiden dan analis industri di PT Sinar Logistik Tbk, kemarin.",
        "Hal itu dikatakan Budi Santoso, founder & amp ; chief community officer PT Sinar Logistik Tbk, kemarin.",
    ],
)
def test_titles_joined_into_one_chain_are_one_job(text):
    rels = _rels(text)
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels


def test_the_relative_clause_of_an_apposition_is_the_persons_job_not_the_relatives():
    rels = _rels("Rina Wulandari, Keponakan Budi Santoso yang Jadi Komisaris PT Sinar Logistik Tbk")
    assert ("works_for", "Rina Wulandari", "PT Sinar Logistik Tbk", "asserted") in rels, rels
    assert not any(r[0] == "works_for" and r[1] == "Budi Santoso" for r in rels), rels


def test_an_apposition_that_names_another_person_gives_no_job_to_the_first():
    # "Dirut X Budi" names the holder inside the description: the relative clause may be his
    rels = _rels("Rina Wulandari, Rekan Dirut PT Arta Niaga Budi Santoso yang Jadi Komisaris PT Sinar Logistik Tbk")
    assert not any(r[1] == "Rina Wulandari" and r[2] == "PT Sinar Logistik Tbk" for r in rels), rels


def test_a_headline_presents_the_holders_after_its_title_clause():
    rels = _rels("Ini Jajaran Komisaris PT Sinar Logistik Tbk, Ada Rina Wulandari hingga Budi Santoso")
    assert ("works_for", "Rina Wulandari", "PT Sinar Logistik Tbk", "asserted") in rels, rels
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels


def test_a_presented_clause_with_more_than_people_gives_no_job():
    rels = _rels("Ini Jajaran Komisaris PT Sinar Logistik Tbk, Ada Rina Wulandari di Bursa Efek Indonesia")
    assert not any(r[0] == "works_for" and r[1] == "Rina Wulandari" for r in rels), rels


def test_the_organisations_region_may_stand_between_it_and_the_holder():
    rels = _rels("Hal itu disampaikan direktur PT Sinar Logistik Tbk untuk wilayah Eropa, Budi Santoso, kemarin.")
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels


def test_a_person_who_acts_on_another_organisation_holds_no_title_after_it():
    rels = _rels("Budi Santoso Resmikan PT Arta Niaga, Bos PT Sinar Logistik Tbk Ungkap Dampaknya")
    assert not any(r[0] == "works_for" and r[1] == "Budi Santoso" for r in rels), rels


def test_the_name_right_after_a_titles_organisation_is_its_holder():
    from kg.extract.cueparties import find_cues
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, tokenize
    from kg.extract.titleholder import holders_after_title

    text = "Perkembangan terbaru , Direktur Konsumer Lumeo Rinaldo Sitompul ditetapkan menjadi tersangka ."
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    lex = load_lexicon("id")
    org = Mention(0, 5, 6, toks[5].start, toks[5].end, "Lumeo", "Company", "lumeo", "Lumeo")
    got = holders_after_title(s, [org], lex, gaz_index("id"), find_cues(s, lex))
    assert [(m.text, m.type) for m in got] == [("Lumeo", "Company"), ("Rinaldo Sitompul", "Person")]


def test_a_title_case_headline_adds_no_holder_after_the_organisation():
    from kg.extract.cueparties import find_cues
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, tokenize
    from kg.extract.titleholder import holders_after_title

    text = "Dirut Lumeo Rinaldo Borong 210.000 Saham"
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks, title_case=True)
    lex = load_lexicon("id")
    org = Mention(0, 1, 2, toks[1].start, toks[1].end, "Lumeo", "Company", "lumeo", "Lumeo")
    assert holders_after_title(s, [org], lex, gaz_index("id"), find_cues(s, lex)) == [org]


def test_a_town_after_the_organisation_before_a_comma_and_a_name_is_no_holder():
    from kg.extract.cueparties import find_cues
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, tokenize
    from kg.extract.titleholder import holders_after_title

    text = "kata Ketua DPD Lumeo Karangwetan , Rinaldo Sitompul , kemarin ."
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    lex = load_lexicon("id")
    org = Mention(0, 3, 4, toks[3].start, toks[3].end, "Lumeo", "Organization", "lumeo", "Lumeo")
    got = holders_after_title(s, [org], lex, gaz_index("id"), find_cues(s, lex))
    assert "Karangwetan" not in [m.text for m in got]
