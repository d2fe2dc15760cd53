"""A town, a kind of company and a name: the company is based in the town ("Sydney broker <X>", "with
Toronto securities dealer X"; kg.extract.adjacent.place_before_org). Sentences written for these tests
(fictional companies and people), read with the relation classifier off so that the rule is what is tested."""

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


@pytest.mark.parametrize("text", [
    "The rally was overdone, Ana Dorval of Sydney broker <Lumeo Securities Ltd> said.",
    "Ana Dorval, an analyst with Sydney securities dealer Lumeo Securities Ltd, said the bid was low.",
])
def test_town_then_a_kind_of_company(text: str, no_classifier: str) -> None:
    assert ("Lumeo Securities Ltd", "Sydney") in _based(text, no_classifier)


def test_town_after_a_preposition_without_a_kind_of_company(no_classifier: str) -> None:
    # "of Sydney" then other words: the place belongs to what stands before it
    assert ("Lumeo Securities Ltd", "Sydney") not in _based(
        "Ana Dorval of Sydney said Lumeo Securities Ltd would bid.", no_classifier)
