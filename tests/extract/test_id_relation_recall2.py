"""Indonesian constructions added for relation recall (session 11): more job titles and the person a new
holder replaces.

Every sentence here was written for these tests (fictional people and companies). The default engine reads
them: the rules engine, having no tagger, does not find the replaced person "Andi Wijaya" after "Gantikan"; the
pair classifier gives no ended job.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _rules(text: str) -> set[tuple[str, ...]]:
    x = extract(Article(id="t", text=text, language="id"))
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object], r.status) for r in x.relations}


@pytest.mark.parametrize(
    "text",
    [
        "Budi Santoso Resmi Jadi Komut PT Sinar Logistik Tbk Gantikan Andi Wijaya",
        "Rapat pemegang saham menetapkan Budi Santoso sebagai Direktur Utama PT Sinar Logistik Tbk menggantikan "
        "Andi Wijaya.",
    ],
)
def test_the_person_a_new_holder_replaces_held_the_job_before(text):
    rels = _rules(text)
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels
    assert ("works_for", "Andi Wijaya", "PT Sinar Logistik Tbk", "ended") in rels, rels


def test_a_planned_successor_ends_no_job():
    rels = _rules("Budi Santoso akan menjadi Direktur Utama PT Sinar Logistik Tbk menggantikan Andi Wijaya.")
    assert not any(r[1] == "Andi Wijaya" and r[3] == "ended" for r in rels), rels


def test_a_president_of_a_company_works_for_it():
    rels = _rules("Presiden PT Sinar Logistik Tbk, Budi Santoso, mengatakan permintaan naik tahun ini.")
    assert ("works_for", "Budi Santoso", "PT Sinar Logistik Tbk", "asserted") in rels, rels


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("PT Sinar Logistik Tbk Rombak Jajaran Direksi, Budi Santoso Jadi Dirut", "Budi Santoso",
         "PT Sinar Logistik Tbk"),
        ("Jadi Wadirut PT Sinar Logistik Tbk, Berikut Profil Budi Santoso", "Budi Santoso", "PT Sinar Logistik Tbk"),
    ],
)
def test_a_headline_names_holder_and_employer_in_different_clauses(text, person, org):
    assert ("works_for", person, org, "asserted") in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # the title's holder is someone else: the person after the comma only answers
        "Bos PT Sinar Logistik Tbk Minta Insentif, Begini Jawaban Budi Santoso",
        # a title before a person is that person's own ("Menteri Budi"), not a job at the other clause's firm
        "Saham PT Sinar Logistik Tbk Turun, Menteri Budi Santoso Minta Tenang",
    ],
)
def test_a_headline_job_needs_the_holder_next_to_the_title(text):
    assert not any(r[0] == "works_for" for r in _rules(text))


def _mentions(text: str, spans: list[tuple[int, int, str]]):
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, tokenize

    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    ms = [Mention(0, i, j, 0, 0, " ".join(t.text for t in toks[i:j]), typ, toks[i].low, toks[i].text)
          for i, j, typ in spans]
    return s, ms


def test_a_company_right_after_a_product_made_it_in_indonesian():
    from kg.extract.adjacent import maker_before_model
    from kg.extract.lexicon import load_lexicon

    s, ms = _mentions("penjualan Zorvax Lumeo naik", [(1, 2, "Product"), (2, 3, "Company")])
    found = [(f.type, f.subject.text, f.object.text) for f in maker_before_model(s, ms, load_lexicon("id"))]
    assert found == [("launch", "Lumeo", "Zorvax")]
    # English puts the maker first: "Zorvax Lumeo" is no launch by Lumeo there
    assert list(maker_before_model(s, ms, load_lexicon("en"))) == []


def test_people_listed_after_a_holder_hold_the_same_title():
    from kg.extract.cueparties import find_cues
    from kg.extract.jobs import listed_holders
    from kg.extract.lexicon import load_lexicon

    lex = load_lexicon("id")
    s, ms = _mentions("para pebalap Lumeo , yakni Budi Santoso dan Andi Wijaya , puas",
                      [(2, 3, "Company"), (5, 7, "Person"), (8, 10, "Person")])
    h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    assert [m.text for m in listed_holders(s, lex, ms, h, ms[1])] == ["Andi Wijaya"]
    # a comma alone lists no one: it may open the next clause
    s, ms = _mentions("pebalap Lumeo , Budi Santoso , Andi Wijaya datang",
                      [(1, 2, "Company"), (3, 5, "Person"), (6, 8, "Person")])
    h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    assert listed_holders(s, lex, ms, h, ms[1]) == []


def test_signing_a_contract_with_a_company_is_a_partnership():
    rels = _rules("PT Sinar Logistik Tbk menandatangani kontrak bisnis dengan PT Lumeo Kargo di Jakarta.")
    both = {"PT Sinar Logistik Tbk", "PT Lumeo Kargo"}
    assert any(r[0] == "partnership" and {r[1], r[2]} == both for r in rels), rels


def test_a_company_preparing_a_product_plans_its_launch():
    rels = _rules("Bank Lumeo Siapkan Kartu Zorvax untuk Nasabah Muda")
    assert any(r[0] == "launch" and r[1] == "Bank Lumeo" and r[3] == "planned" for r in rels), rels


@pytest.mark.parametrize("text", ["Bank Lumeo Siapkan Rp180 T untuk Kredit", "Bank Lumeo Siapkan Modal Segini"])
def test_money_set_aside_is_no_product(text):
    x = extract(Article(id="t", text=text, language="id"))
    assert not [e for e in x.entities if e.type == "Product"]
