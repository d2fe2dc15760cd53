"""A tagger Place run next to an organisation's head or tail word is an organisation (kg.extract.placeorg)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.placeorg import place_org_runs
from kg.extract.text import tokenize
from kg.model import Article
from kg.resources import word_set

HEADS = word_set("id", "place_org_heads.txt")
TAILS = word_set("id", "place_org_tails.txt")


@pytest.mark.parametrize(("text", "runs", "want"), [
    ("Bank Jatim Bidik Pertumbuhan Kredit", [(1, 2, "Place")], [(0, 2, "Organization")]),
    ("Polda Jabar menangguhkan penahanan", [(0, 1, "Organization"), (1, 2, "Place")], [(0, 2, "Organization")]),
    ("Pada 2011 Pemerintah Kabupaten Wakatobi bekerja", [(3, 5, "Place")], [(2, 5, "Organization")]),
    ("pendiri Toko Buku Gunung Agung .", [(3, 5, "Place")], [(1, 5, "Organization")]),
    ("pesawat Batavia Air jatuh", [(1, 2, "Place")], [(1, 3, "Organization")]),
    ("Tugu Insurance ( TUGU ) Mau Lepas", [(0, 2, "Place"), (3, 4, "Organization")],
     [(0, 2, "Organization"), (3, 4, "Organization")]),
])
def test_a_place_run_by_an_organisation_word_is_an_organisation(text, runs, want):
    assert place_org_runs(tokenize(text), runs, HEADS, TAILS) == want


@pytest.mark.parametrize(("text", "runs"), [
    ("Investor Bursa Wall Street Cemas", [(2, 4, "Place")]),  # "bursa" is not listed: "Bursa Wall Street" 0/2
    ("kantor bank Jatim di Surabaya", [(2, 3, "Place"), (4, 5, "Place")]),  # a lowercase word says nothing
    ("Air Mata Jakarta", [(2, 3, "Place")]),  # a tail word before the place does not join it
    ("Bank Jatim Bidik", [(1, 2, "Person")]),  # only place runs
])
def test_other_runs_are_kept(text, runs):
    assert place_org_runs(tokenize(text), runs, HEADS, TAILS) == runs


def test_a_bank_named_after_a_province_is_no_place():
    text = "Bank Jatim Bidik Pertumbuhan Kredit 14%-16% Tahun Ini"
    ents = {(e.label, e.type) for e in extract(Article(id="t", text=text, language="id")).entities}
    assert not any(t == "Place" and label == "Jatim" for label, t in ents)


@pytest.mark.parametrize(("text", "i", "j", "end"), [
    ("Tarif Impor Trump Bikin Wall Street Cemas", 4, 7, 6),  # not title case by _is_title_case: no common word
    ("Jualan Rumah di Amerika Seret , Warga Ngeluh", 3, 5, 4),  # the run ends its clause
    ("Warga Wall Street Cemas menolak kebijakan itu", 1, 4, 4),  # mid-clause in running text: kept
    ("Penduduk Sungai Kuat bertambah", 1, 3, 3),
])
def test_a_headline_predicate_ending_a_clause_is_cut_from_a_place(text, i, j, end):
    from kg.extract.lexicon import load_lexicon
    from kg.extract.placeorg import place_end

    said = load_lexicon("id").words("headline_predicates")
    assert place_end(tokenize(text), i, j, said, False) == end


@pytest.mark.parametrize(("text", "runs", "want"), [
    ("Utah International said it sold", [(0, 1, "Place")], [(0, 2, "Organization")]),
    ("the Salt Lake City Division of", [(1, 4, "Place")], [(1, 5, "Organization")]),
    ("shares of Scandinavia Fund rose", [(2, 3, "Place")], [(2, 4, "Organization")]),
    ("offices in Salt Lake City and Denver", [(2, 5, "Place"), (6, 7, "Place")],
     [(2, 5, "Place"), (6, 7, "Place")]),
])
def test_english_company_tails(text, runs, want):
    tails = word_set("en", "place_org_tails.txt")
    assert place_org_runs(tokenize(text), runs, word_set("en", "place_org_heads.txt"), tails) == want
