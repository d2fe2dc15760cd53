"""An amount written apart from its currency sign, and scraped markup, end a name (kg.extract.edges,
kg.extract.mentions._cap_run)."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.edges import trim
from kg.extract.lexicon import load_lexicon
from kg.extract.text import tokenize
from kg.model import Article


def _trimmed(text: str, *, title_case: bool = False) -> str | None:
    toks = tokenize(text)
    span = trim(toks, 0, len(toks), load_lexicon("id"), title_case=title_case)
    return None if span is None else " ".join(t.text for t in toks[span[0] : span[1]])


def test_a_currency_sign_before_a_number_ends_a_name() -> None:
    assert _trimmed("Sukses Makmur Rp 6") == "Sukses Makmur"
    assert _trimmed("Sukses Makmur USD 7") == "Sukses Makmur"


def test_a_currency_word_without_a_number_stays() -> None:
    assert _trimmed("Bank Rp Sejahtera") == "Bank Rp Sejahtera"


def test_an_end_tag_ends_a_name() -> None:
    # NERP text keeps scraped markup: "mnc group</org>." is "mnc group"
    assert _trimmed("mnc group < / org > .") == "mnc group"
    assert _trimmed("android authority < / org > .") == "android authority"


def test_a_legal_form_pattern_stops_before_an_amount() -> None:
    text = ("Dua calon emiten telah menggelar penawaran umum yaitu : PT Indofood CBP Sukses Makmur "
            "Rp 6,290 triliun .")
    x = extract(Article(id="t", text=text, language="id"))
    labels = {e.label for e in x.entities if e.type == "Company"}
    assert not any("Rp" in label for label in labels)
