"""--models DIR: every model loader reads the engine's model folder, a file it lacks from the shipped ones."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.extract import Engine, extract
from kg.model import Article
from kg.readers import read
from kg.resources import ontology_dir

_EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles() -> list[Article]:
    return [a for a in read(sorted((_EXAMPLES / "id").glob("*.txt")) + sorted((_EXAMPLES / "en").glob("*.txt")))
            if isinstance(a, Article)]


def test_a_copy_of_the_shipped_models_gives_the_same_extractions(tmp_path: Path) -> None:
    copy = tmp_path / "models"
    shutil.copytree(ontology_dir() / "models", copy)
    shutil.copyfile(ontology_dir() / "calibration.json", copy / "calibration.json")
    arts = _articles()
    assert len(arts) >= 4
    for engine in ("hybrid", "model"):
        for a in arts:
            assert extract(a, engine=Engine(engine, models=str(copy))) == extract(a, engine=engine)


def test_a_file_of_the_folder_replaces_the_shipped_one(tmp_path: Path) -> None:
    # A calibration table that trusts nothing: every entity's confidence comes from the folder's table.
    (tmp_path / "calibration.json").write_text(json.dumps({"entities": {}, "entity_prior": {"id": 0.125}}),
                                               encoding="utf-8")
    a = Article(id="a", text="Xiaomi membantah kabar kemitraan dengan Ford Motor Company.", language="id")
    shipped = extract(a)
    mine = extract(a, engine=Engine("hybrid", models=str(tmp_path)))
    assert {e.confidence for e in mine.entities} == {0.125} != {e.confidence for e in shipped.entities}
    assert [e.id for e in mine.entities] == [e.id for e in shipped.entities]  # the rest is the shipped models'


@pytest.mark.parametrize("name", ["ner-id.tsv.gz", "status.json", "relations.json", "calibration.json"])
def test_a_corrupt_model_file_is_a_data_error_naming_it(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\x1f\x8b\x08\x00 not a model")
    # a relation read by the rules (its status asks the status model) and names for the tagger and classifier
    text = "Xiaomi membantah kabar kemitraan dengan Ford Motor Company, kata Budi Santoso di Jakarta."
    a = Article(id="a", text=text, language="id")
    with pytest.raises(DataError, match=re.escape(str(tmp_path / name))):
        extract(a, engine=Engine("hybrid", models=str(tmp_path)))


def test_a_typed_bucket_outranks_its_typeless_one(tmp_path: Path) -> None:
    # The table may hold buckets with the entity's type (scripts/calibrate.py fits both): a typed bucket
    # decides for entities of its type, the typeless one for the others, the language's share for the rest.
    from kg.extract.confidence import entity_confidence, entity_features

    a = Article(id="a", text="Xiaomi membantah kabar kemitraan dengan Ford Motor Company di Jakarta.", language="id")
    table: dict[str, dict[str, float]] = {"entities": {}, "entity_prior": {"id": 0.125}}
    for casing in ("title", "sentence", "lower", "upper"):
        for src in ("gazetteer", "pattern", "alias", "ner"):
            for n in (1, 2):
                key = entity_features("id", casing, [src], n)
                table["entities"][key] = 0.5
                table["entities"][f"{key}|Company"] = 0.25
    (tmp_path / "calibration.json").write_text(json.dumps(table), encoding="utf-8")
    mine = extract(a, engine=Engine("hybrid", models=str(tmp_path)))
    assert sorted({(e.type, e.confidence) for e in mine.entities}) == [("Company", 0.25), ("Place", 0.5)]
    assert entity_confidence("id|title|ner|1", str(tmp_path), "Product") == 0.5
    assert entity_confidence("id|title|odd|1", str(tmp_path), "Company") == 0.125


def test_the_tables_floor_drops_unsure_entities_that_no_relation_needs(tmp_path: Path) -> None:
    # entity_floor (scripts/calibrate.py FLOOR): an entity below it goes, unless a relation names it
    from kg.extract.confidence import above, entity_features

    a = Article(id="a", text="Xiaomi membantah kabar kemitraan dengan Ford Motor Company di Jakarta.", language="id")
    table: dict[str, object] = {"entities": {}, "entity_prior": {"id": 0.5}, "entity_floor": {"id": 0.6}}
    (tmp_path / "calibration.json").write_text(json.dumps(table), encoding="utf-8")
    shipped = extract(a)
    mine = extract(a, engine=Engine("hybrid", models=str(tmp_path)))
    parties = {x for r in shipped.relations for x in (r.subject, r.object)}
    assert parties and parties < {e.id for e in shipped.entities}  # Jakarta is in no relation
    assert {e.id for e in mine.entities} == parties
    assert [r.id for r in mine.relations] == [r.id for r in shipped.relations]
    assert above(mine, 0.0) is mine and not above(mine, 0.51).entities  # --min-confidence works on top
    assert entity_features("id", "title", ["ner-unsure"], 1) == "id|title|ner-unsure|1"
