"""Indonesian lines of business named in words, head first (kg.extract.sectorphrase with
``sector_phrase_head_first``): "perusahaan energi surya X", "X, perusahaan energi surya Jepang".

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _rules(text: str) -> set[tuple[str, ...]]:
    x = extract(Article(id="t", text=text, language="id"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    ("text", "company", "sector"),
    [
        ("Ia pernah bekerja di perusahaan akuntansi PT Tirta Loka Abadi di Bandung.", "PT Tirta Loka Abadi",
         "akuntansi"),
        ("Rudi memimpin PT Tirta Loka Abadi, perusahaan pengolahan rumput laut asal Jepang.", "PT Tirta Loka Abadi",
         "pengolahan rumput laut"),
        ("PT Tirta Loka Abadi yang merupakan produsen kamera terbesar di Asia menolak berkomentar.",
         "PT Tirta Loka Abadi", "kamera"),
        # "penyedia" only says "provides it": the convention drops it from the span
        ("PT Tirta Loka Abadi, penyedia jasa logistik untuk wilayah timur, menaikkan tarif.",
         "PT Tirta Loka Abadi", "jasa logistik"),
        # an agent noun that is itself the trade stays
        ("PT Tirta Loka Abadi, firma hukum asal Surabaya, menaikkan tarif.",
         "PT Tirta Loka Abadi", "firma hukum"),
    ],
)
def test_head_first_lines_of_business(text, company, sector):
    assert ("operates_in", company, sector) in _rules(text)


def test_listed_companies_of_a_line_of_business():
    rels = _rules("Pasar dikuasai produsen kamera premium seperti PT Tirta Loka Abadi, PT Sagara Optik"
                  " dan PT Lensa Rinjani.")
    assert {c for t, c, sec in rels if t == "operates_in" and sec == "kamera premium"} == {
        "PT Tirta Loka Abadi", "PT Sagara Optik", "PT Lensa Rinjani"}


@pytest.mark.parametrize(
    "text",
    [
        "Ia bekerja di perusahaan milik negara PT Tirta Loka Abadi.",  # what kind of company, not its business
        "Ia bekerja di perusahaan swasta PT Tirta Loka Abadi.",
        "PT Tirta Loka Abadi, perusahaan yang menyatakan rugi, menutup pabrik.",  # a clause, not a line of business
    ],
)
def test_no_line_of_business(text):
    assert not any(t == "operates_in" for t, _c, _s in _rules(text))


def test_a_headline_capitalises_the_line_of_business():
    # ordinary words of the language, capitalised in a title-case headline, after a head word
    x = extract(Article(id="t", text="Budi Santoso Beli Saham Perusahaan Kaca Sinarmas, Rogoh Rp2 M", language="id"))
    label = {e.id: e.label for e in x.entities}
    assert ("operates_in", "Sinarmas", "Kaca") in {(r.type, label[r.subject], label[r.object]) for r in x.relations}



def test_grup_is_a_head_no_line_of_business():
    # the tagger may read only "Tirta" of "Grup Tirta": "Grup" is the guideline's generic head, no sector
    from kg.extract.headfirst import head_first_spans
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import split_sentences

    text = "Emiten Grup Tirta (TRTA) Operasikan 20 Bus Baru"
    s = split_sentences(text, [(0, len(text))], load_lexicon("id"))[0]
    toks = s.tokens
    ms = [Mention(0, 2, 3, toks[2].start, toks[2].end, "Tirta", "Company", "tirta", "Tirta", "ner")]
    assert [(m.text, span) for m, span in head_first_spans(s, ms, "id")] == []
