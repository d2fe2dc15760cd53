"""A tagger's run across lower-case words is weighed piece by piece (kg.extract.runcuts)."""

from __future__ import annotations

from kg.extract.lexicon import load_lexicon
from kg.extract.runcuts import lowercase_cuts
from kg.extract.text import split_sentences


def _sentence(text: str, language: str = "en"):  # type: ignore[no-untyped-def]
    return split_sentences(text, [(0, len(text))], load_lexicon(language))[0]


def test_a_run_is_cut_at_its_lower_case_words_but_not_at_joiners() -> None:
    s = _sentence("Vexo Inc agreed to acquire Denver parts distributor K and W Electric Supply Co for cash.")
    # "Denver parts distributor K and W Electric Supply Co" read as one run: Denver, then the company
    assert lowercase_cuts(s, [(5, 14, "Organization")], load_lexicon("en")) == [(5, 6, "Organization"),
                                                                                (8, 14, "Organization")]
    s = _sentence("He joined the Bank of America unit.")
    assert lowercase_cuts(s, [(3, 6, "Organization")], load_lexicon("en")) == [(3, 6, "Organization")]


def test_a_headline_and_a_language_without_the_setting_keep_their_runs() -> None:
    s = _sentence("Vexo Buys Denver Parts Distributor K And W Electric Supply Co")
    assert lowercase_cuts(s, [(2, 12, "Organization")], load_lexicon("en")) == [(2, 12, "Organization")]
    s = _sentence("Pejabat Kementerian luar negeri Rusia menolak tuduhan itu.", "id")
    assert lowercase_cuts(s, [(1, 5, "Organization")], load_lexicon("id")) == [(1, 5, "Organization")]


def test_the_retrained_taggers_long_run_loses_neither_name() -> None:
    from kg.extract import extract
    from kg.model import Article

    text = "Vexo Inc agreed to acquire Denver parts distributor K and W\nElectric Supply Co for cash."
    found = {(" ".join(e.label.split()), e.type) for e in extract(Article(id="t", text=text, language="en")).entities}
    assert ("K and W Electric Supply Co", "Company") in found and ("Denver", "Place") in found
