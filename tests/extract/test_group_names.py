"""A business group's name opens with "Grup" ("Grup Djarum"): the word is a legal form written before names
(ontology/lang/id/legal_forms.txt, language.toml legal_form_prefixes), as "Group" is after English names."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.edges import trim
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _closing_forms
from kg.extract.text import Token
from kg.model import Article
from kg.names import legal_forms, normalize


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.type) for e in extract(Article(id="t", text=text, language="id")).entities]


def test_grup_compares_as_a_legal_form():
    assert normalize("Grup MNC") == normalize("MNC") == normalize("MNC Group")
    assert normalize("Grup Djarum") != normalize("Djarum Foundation")


def test_grup_opens_but_never_closes_a_company_name():
    closing = _closing_forms(legal_forms(), load_lexicon("id").words("legal_form_prefixes"))
    assert "Grup" in legal_forms() and "Grup" not in closing and "Tbk" in closing
    assert "Grup" in _closing_forms(legal_forms(), load_lexicon("en").words("legal_form_prefixes"))


@pytest.mark.parametrize(("text", "i", "j", "want"), [
    ("Entitas Grup Emtek Borong", 0, 3, (1, 3)),   # the name starts at its legal form
    ("Sekolah Penerbangan PT Wing", 0, 4, (2, 4)),
    ("Grup Djarum Akuisisi", 0, 2, (0, 2)),
])
def test_a_run_starts_at_a_legal_form_written_before_names(text, i, j, want):
    toks = [Token(0, 0, w) for w in text.split()]
    assert trim(toks, i, j, load_lexicon("id"), title_case=False) == want


@pytest.mark.parametrize(("text", "want", "unwanted"), [
    ("Hary Tanoe Hadiri Pelantikan Trump, Saham Grup MNC Malah Ambruk", ("Grup MNC", "Company"), "MNC"),
    ("Entitas Grup Emtek Borong Saham Bukalapak Rp 1,34 T", ("Grup Emtek", "Company"), "Entitas Grup Emtek"),
])
def test_headline_groups(text, want, unwanted):
    found = _entities(text)
    assert want in found
    assert all(label != unwanted for label, _ in found)


def test_a_headline_word_before_grup_is_no_company():
    # "Grup" ended "... Saham Grup" as a company before it was known to open names only
    assert all("Grup" not in label for label, _ in _entities("IHSG Terkapar Lagi Gegara Saham Grup Konglomerat Ambruk"))


def test_grup_before_a_common_word_is_no_company_name():
    # "Grup" is also an organisation cue: its pattern name is checked by the tagger like any cue's,
    # a legal form written only before names does not vouch for it
    found = _entities("Bank Arta Samudra Bakal Diakuisisi Grup Keuangan Korea, Benarkah?")
    # (the bare "Bank" before a bank's name no list or tagger knows is read as the banking sector: a known
    # error of kg.extract.baresector, which only names it next to a name it knows)
    assert [f for f in found if f[1] != "Sector"] == [("South Korea", "Country")]
