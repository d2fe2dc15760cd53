"""Indonesian products in cased text: the cased tagger's Product runs are products (``cased_products`` in
ontology/lang/id/language.toml, kg.extract.learned), as in English.

The sentences were written for these tests (fictional products; "Samsung" as the guideline's maker).
The tagger's runs are given, so the tests do not depend on what the shipped model learnt.
"""

from __future__ import annotations

from kg.extract.brands import cased_products


def _tagged(text: str, runs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    from kg.extract.gazindex import gaz_index
    from kg.extract.learned import TaggerReading, tagged_names
    from kg.extract.lexicon import load_lexicon
    from kg.extract.ner import tagger
    from kg.extract.text import split_sentences

    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("id"))
    starts = {t.start - s.start: k for k, t in enumerate(s.tokens)}
    ends = {t.end - s.start: k + 1 for k, t in enumerate(s.tokens)}
    spans = [(starts[text.index(name)], ends[text.index(name) + len(name)], etype) for name, etype in runs]
    model = tagger("id", None)
    reading = TaggerReading(model, model.emissions(s.tokens), spans)
    return {(m.text, m.type) for m in tagged_names(s, gaz_index("id"), [], language="id", reading=reading)}


def test_indonesian_reads_cased_product_runs():
    assert cased_products("id")


def test_a_product_line_without_its_maker_is_a_product():
    text = "Pengguna Zorvix Tab 7.2 di Jakarta terus bertambah tahun ini."
    assert ("Zorvix Tab 7.2", "Product") in _tagged(text, [("Zorvix Tab 7.2", "Product"), ("Jakarta", "Place")])


def test_a_headline_product_is_a_product():
    text = "Bank Kelvora Luncurkan Kartu Zorvapay untuk Nasabah Muda"
    assert ("Zorvapay", "Product") in _tagged(text, [("Zorvapay", "Product")])


def test_the_model_returns_product_runs_when_asked():
    from kg.extract.ner import tagger
    from kg.extract.text import tokenize

    toks = tokenize("Samsung menyiapkan Zorvix Tab .")
    labels = ["B-Organization", "O", "B-Product", "I-Product", "O"]
    assert tagger("id").spans(toks, labels, products=cased_products("id")) == [(0, 1, "Organization"),
                                                                               (2, 4, "Product")]
