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
