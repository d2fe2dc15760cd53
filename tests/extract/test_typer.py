"""kg.extract.typer: a mention's type second-guessed from its words and context, per entity.

The sentences were written for these tests. Most tests read a small hand-made model from a model folder
(``Engine(models=...)``), so that they test the step and not the shipped weights; the last ones read the
shipped model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.extract import extract
from kg.extract.engine import Engine
from kg.extract.text import tokenize
from kg.extract.typer import FORMAT, NONE, decide, features, load, model_name, parse
from kg.model import Article


def _model(folder: Path, weights: dict[str, list[float]], pairs: list[list[object]],
           drop: dict[str, float] | None = None, labels: tuple[str, ...] = ("Company", "Product", NONE)) -> str:
    data = {"format": FORMAT, "labels": list(labels), "bias": [0.0] * len(labels), "weights": weights,
            "pairs": pairs, "drop": drop or {}}
    (folder / model_name("id")).write_text(json.dumps(data), encoding="utf-8")
    load.cache_clear()
    return str(folder)


def _types(text: str, models: str | None = None) -> dict[str, str]:
    x = extract(Article(id="t", text=text, language="id"), engine=Engine("hybrid", models=models))
    return {text[m.start:m.end]: e.type for e in x.entities for m in e.mentions}


IPAD = "pengguna iphone dan ipad makin banyak ."


def _off(folder: Path) -> str:
    return _model(folder, {"h=ipad": [-9.0, 9.0, 0.0]}, [])  # a model without a decision: the step is off


def test_a_product_read_as_a_company_is_retyped(tmp_path: Path) -> None:
    (tmp_path / "off").mkdir()
    assert _types(IPAD, _off(tmp_path / "off")).get("ipad") == "Company"  # the tagger's reading, without the step
    models = _model(tmp_path, {"h=ipad": [-2.0, 2.0, 0.0]}, [["Company", "Product", "caseless", 0.3]])
    assert _types(IPAD, models)["ipad"] == "Product"


def test_the_margin_and_the_casing_limit_the_change(tmp_path: Path) -> None:
    # P(Product) - P(Company) is about 0.46 here: under a margin of 0.5 the tagger's Company stays
    assert _types(IPAD, _model(tmp_path, {"h=ipad": [-0.5, 0.5, 0.0]},
                                [["Company", "Product", "caseless", 0.5]]))["ipad"] == "Company"
    # a pair allowed only in sentences with capitals does not fire in a caseless one
    assert _types(IPAD, _model(tmp_path, {"h=ipad": [-2.0, 2.0, 0.0]},
                                [["Company", "Product", "cased", 0.0]]))["ipad"] == "Company"


@pytest.mark.parametrize("text, name", [
    ("telkomsel meluncurkan paket baru .", "telkomsel"),  # the gazetteer's company, with a Wikidata id
    ("PT Sinar Kencana Abadi Tbk meluncurkan layanan baru di Jakarta.", "PT Sinar Kencana Abadi Tbk"),  # legal form
])
def test_a_company_the_gazetteer_vouches_for_is_left_alone(tmp_path: Path, text: str, name: str) -> None:
    assert _types(text).get(name) == "Company"
    models = _model(tmp_path, {"sent=caseless": [-5.0, 5.0, 0.0], "sent=cased": [-5.0, 5.0, 0.0]},
                    [["Company", "Product", "caseless", 0.0], ["Company", "Product", "cased", 0.0]])
    assert _types(text, models)[name] == "Company"


def test_a_sector_word_that_is_no_sector_reading_is_dropped() -> None:
    model = parse({"format": FORMAT, "labels": ["Sector", NONE], "bias": [0, 0], "weights": {},
                   "pairs": [], "drop": {"cased": 0.6}})
    assert decide(model, "Sector", {"Sector": 0.3, NONE: 0.7}, "cased") == NONE
    assert decide(model, "Sector", {"Sector": 0.3, NONE: 0.7}, "caseless") == "Sector"  # no drop there
    assert decide(model, "Company", {"Company": 0.3, NONE: 0.7}, "cased") == "Company"  # only sectors go


def test_a_model_without_a_decision_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    without = _types(IPAD, str(tmp_path / "none"))  # no typer file in the folder: the shipped one
    assert _types(IPAD, _off(tmp_path)) == {**without, "ipad": "Company"}


def test_deterministic(tmp_path: Path) -> None:
    models = _model(tmp_path, {"h=ipad": [-2.0, 2.0, 0.0], "L1=pengguna": [-1.0, 1.0, 0.0]},
                    [["Company", "Product", "caseless", 0.1]])
    runs = [extract(Article(id="t", text=IPAD, language="id"), engine=Engine("hybrid", models=models))
            for _ in range(2)]
    assert runs[0] == runs[1]


def test_features_read_the_mention_and_its_neighbours() -> None:
    toks = tokenize("Apple merilis iPhone 15 di Jakarta")
    f = features(toks, 2, 4, caseless=False, known=None)
    assert {"h=15", "f=iphone", "L1=merilis", "L2=apple", "R1=di", "digit", "case=mixed", "sent=cased",
            "Lw=merilis", "gaz=None"} <= set(f)
    assert features(toks, 2, 4, caseless=False, known=None) == f


def test_a_malformed_model_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / model_name("id")).write_text(json.dumps({"format": FORMAT, "labels": ["A"]}), encoding="utf-8")
    load.cache_clear()
    with pytest.raises(DataError, match="malformed typer model"):
        load("id", str(tmp_path))
    load.cache_clear()


def test_the_shipped_model_types_a_product_by_its_neighbours() -> None:
    load.cache_clear()
    assert _types(IPAD)["ipad"] == "Product"  # "pengguna iphone dan ipad": what users own
    assert _types("telkomsel meluncurkan paket baru .")["telkomsel"] == "Company"


def test_the_shipped_model_types_a_maker_read_as_a_product_company() -> None:
    # the tagger reads the chip maker after "prosesor" as a product; the decision chosen on out-of-fold taggers
    # lets the classifier make it the company (Product -> Company in caseless text)
    load.cache_clear()
    text = "ponsel murah ini menggunakan prosesor mediatek , namun kameranya biasa saja ."
    assert _types(text)["mediatek"] == "Company"


def test_a_sector_word_goes_only_when_no_link_names_it(tmp_path: Path) -> None:
    # a model that reads every sector word as no sector reading, in sentences with capitals
    (tmp_path / "off").mkdir()
    headline = "Saham Perbankan Melonjak Jelang Akhir Pekan"
    assert "Sector" in _types(headline, _off(tmp_path / "off")).values()
    models = _model(tmp_path, {"sent=cased": [0.0, 0.0, 9.0]}, [], {"cased": 0.5})
    assert "Sector" not in _types(headline, models).values()
    listed = "Maskapai - maskapai Citilink , Batik Air dan Wings Air akan mendarat di bandara ini ."
    x = extract(Article(id="t", text=listed, language="id"), engine=Engine("hybrid", models=models))
    assert {r.subject for r in x.relations if r.type == "operates_in"} >= {"citilink", "batik-air", "wings-air"}
