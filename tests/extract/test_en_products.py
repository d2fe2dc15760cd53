"""English products in sentence-case text: the cased tagger's Product runs (``cased_products``), cut at list
words (kg.extract.brands.product_pieces), and the maker's possessive before a product as a launch
(kg.extract.adjacent.maker_before_model with ``maker_possessives``).

The sentences were written for these tests (fictional buyers; real makers and models as the guideline's
examples, docs/annotations.md "Maker + model").
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.adjacent import maker_before_model
from kg.extract.brands import cased_products, product_pieces
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.ner import tagger
from kg.extract.text import Sentence, tokenize
from kg.model import Article


def _read(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    return {(e.label, e.type) for e in x.entities}, {(r.type, label[r.subject], label[r.object]) for r in x.relations}


def test_the_setting_is_read_per_language():
    assert cased_products("en")
    assert cased_products("id")  # tests/extract/test_id_cased_products.py


def test_the_cased_model_returns_product_runs_only_when_asked():
    toks = tokenize("Apple showed the iPod Nano today .")
    labels = ["B-Organization", "O", "O", "B-Product", "I-Product", "O", "O"]
    model = tagger("en")
    assert model.spans(toks, labels) == [(0, 1, "Organization")]
    assert model.spans(toks, labels, products=True) == [(0, 1, "Organization"), (3, 5, "Product")]


@pytest.mark.parametrize(
    ("text", "i", "j", "pieces"),
    [
        ("the iPod Classic , Nano and Shuffle", 1, 7, [(1, 3), (4, 5), (6, 7)]),
        ("the new 787 Dreamliner", 2, 4, [(2, 4)]),  # the model number stays (trimming other names drops it)
        ("the Mac OS X Lion '' event", 1, 6, [(1, 5)]),  # a closing quote the run took along
        ("the iPod , and", 1, 4, [(1, 2)]),
    ],
)
def test_product_pieces(text, i, j, pieces):
    assert product_pieces(tokenize(text), i, j, load_lexicon("en")) == pieces


def _mention(toks, i, j, etype, source="ner"):
    text = " ".join(t.text for t in toks[i:j])
    return Mention(0, i, j, toks[i].start, toks[j - 1].end, text, etype, text, text, source)


@pytest.mark.parametrize(
    ("text", "maker", "product", "linked"),
    [
        ("Boeing 's 787 flew .", (0, 1), (2, 3), True),
        ("Boeing 's larger new 777 flew .", (0, 1), (4, 5), True),  # two lowercase words between
        ("Boeing 's much larger new 777 flew .", (0, 1), (5, 6), False),  # more than POSSESSED_GAP
        ("Boeing 's Seattle 777 flew .", (0, 1), (3, 4), False),  # a name between: not the maker's
        ("Boeing and the 777 flew .", (0, 1), (3, 4), False),  # no possessive
        ("Boeing 737 flew .", (0, 1), (1, 2), True),  # maker + model, as before
    ],
)
def test_maker_possessive(text, maker, product, linked):
    toks = tokenize(text)
    s = Sentence(0, 0, len(text), text, tuple(toks))
    ms = [_mention(toks, *maker, "Company"), _mention(toks, *product, "Product")]
    found = [(f.type, f.subject.text, f.object.text) for f in maker_before_model(s, ms, load_lexicon("en"))]
    assert (found == [("launch", ms[0].text, ms[1].text)]) is linked, found
    # without the language's possessives only "maker + model" links
    assert bool(list(maker_before_model(s, ms))) is (maker[1] == product[0])


def test_a_pronoun_resolved_to_the_maker():
    text = "Boeing unveiled a version of its 777 airliner ."
    toks = tokenize(text)
    s = Sentence(0, 0, len(text), text, tuple(toks))
    boeing = _mention(toks, 0, 1, "Company", "gazetteer")
    its = Mention(0, 5, 6, toks[5].start, toks[5].end, "its", "Company", "Boeing", "Boeing", "coref")
    ms = [boeing, its, _mention(toks, 6, 7, "Product")]
    assert [(f.type, f.subject.source) for f in maker_before_model(s, ms, load_lexicon("en"))] == [("launch", "coref")]
    # a pronoun right before a product is no "maker + model"
    assert list(maker_before_model(s, ms)) == []


def test_end_to_end():
    entities, rels = _read("Boeing unveiled a new long-range version of its 777 airliner .")
    assert ("777", "Product") in entities
    assert ("launch", "Boeing", "777") in rels
    entities, _ = _read("Apple Inc. introduced the iPod Classic , Nano and Shuffle on Tuesday .")
    assert {("iPod Classic", "Product"), ("Nano", "Product"), ("Shuffle", "Product")} <= entities
