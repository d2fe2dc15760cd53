"""A company ranked among its country's companies is based there (kg.extract.ranked.ranked_in). Sentences
written for these tests (fictional companies), read with the relation classifier off so that the rule is
what is tested."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.engine import Engine
from kg.model import Article
from kg.resources import ontology_dir


@pytest.fixture(scope="module")
def no_classifier(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("noclf")
    model = json.loads((Path(ontology_dir()) / "models" / "relations.json").read_text().splitlines()[0])
    model["trusted"] = {language: {} for language in model["trusted"]}
    (d / "relations.json").write_text(json.dumps(model) + "\n")
    return str(d)


def _based(text: str, models: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language="en"), engine=Engine(name="hybrid", models=models))
    label = {e.id: e.label for e in x.entities}
    return {(label[r.subject], label[r.object]) for r in x.relations if r.type == "based_in"}


@pytest.mark.parametrize(("text", "place"), [
    ("Lumeo Coal Co, the largest coal producer in Canada, had net income of 10 mln dlrs.", "Canada"),
    ("Lumeo Coal Co, Canada's third-largest coal group, said it would fund the purchase.", "Canada"),
    ("Lumeo Coal Co, which is among the 10 largest coal producers in Canada, bought a mine.", "Canada"),
])
def test_the_country_of_the_ranking(text: str, place: str, no_classifier: str) -> None:
    assert ("Lumeo Coal Co", place) in _based(text, no_classifier)


def test_not_when_other_words_part_the_company_from_the_ranking(no_classifier: str) -> None:
    assert not _based("A loss to Lumeo Coal Co stockholders, following the largest bankruptcy in Canada.",
                      no_classifier)
