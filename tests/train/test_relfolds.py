"""kg.train.relfolds: the cross-validation's fold models saved, the train split scored out of fold with them,
and the trust table averaged over several partitions into folds."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

import pytest

from kg.errors import DataError, UsageError
from kg.extract import relmodel
from kg.train.relations import folds_of
from kg.train.relfolds import MANIFEST, mean_rows, unit_key, unit_models, write_folds
from kg.train.reltrust import OFF, choose_threshold

ROOT = Path(__file__).resolve().parents[2]


def _eval_script() -> Any:
    spec = importlib.util.spec_from_file_location("eval_annotations_relfolds", ROOT / "scripts" / "eval_annotations.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_partition_zero_is_the_old_fold_assignment_and_other_seeds_reshuffle() -> None:
    docs = [NS(id=f"reuters-{n}@0") for n in range(200)] + [NS(id="redocred-7#3"), NS(id="redocred-7#9")]
    old = [int(hashlib.sha256(re.split("[#@]", d.id)[0].encode()).hexdigest(), 16) % 5 for d in docs]
    assert folds_of(docs) == folds_of(docs, seed=0) == old  # partition 0 is the unsalted hash of the article
    other = folds_of(docs, seed=1)
    assert other != old and sorted(set(other)) == [0, 1, 2, 3, 4]
    assert other[-1] == other[-2]  # a document's sentences still share a fold
    assert folds_of(docs, seed=1) == other  # no randomness: the seed is a salt of the hash


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_units_of_one_article_share_a_fold(seed: int) -> None:
    # annotated units are "doc@start": split apart, a held-out unit's article would be in the training folds
    docs = [NS(id=f"reuters-{n}@{start}") for n in range(50) for start in (0, 611, 1440)]
    fold = folds_of(docs, seed=seed)
    assert all(len({fold[3 * n], fold[3 * n + 1], fold[3 * n + 2]}) == 1 for n in range(50))
    assert len(set(fold)) == 5


def test_the_trust_choice_reads_the_mean_of_the_partitions() -> None:
    # three partitions of Indonesian works_for: the classifier adds 13+14+12 right of 19+19+19 at 0.9 (0.684)
    summed = {0.9: (179 + 180 + 178, 14 + 13 + 15, 69 + 68 + 70), OFF: (166 * 3, 8 * 3, 82 * 3)}
    mean = mean_rows(summed, 3)
    assert mean[OFF] == (166.0, 8.0, 82.0)
    assert choose_threshold(mean, 0.7) is None  # 13 of 19 a partition: under the bar
    assert choose_threshold(mean_rows({0.9: (537, 36, 207), OFF: (498, 24, 246)}, 3), 0.7) == 0.9  # 13 of 17


def test_fold_models_and_manifest_are_written_the_same_each_time(tmp_path: Path) -> None:
    texts = ['{"a":1}\n', '{"b":2}\n', '{"c":3}\n']
    units = [("reuters-9@40", 2), ("cnbc-1@0", 0), ("reuters-9@0", 1)]
    blobs = []
    for name in ("one", "two"):
        write_folds(tmp_path / name, texts, units, {"model_sha256": "x"})
        blobs.append([(p.relative_to(tmp_path / name).as_posix(), p.read_bytes())
                      for p in sorted((tmp_path / name).rglob("*")) if p.is_file()])
    assert blobs[0] == blobs[1]
    assert [b[0] for b in blobs[0]] == ["fold0/relations.json", "fold1/relations.json", "fold2/relations.json",
                                        MANIFEST]
    manifest = json.loads((tmp_path / "one" / MANIFEST).read_text())
    assert manifest["folds"] == 3 and list(manifest["units"]) == ["cnbc-1@0", "reuters-9@0", "reuters-9@40"]
    models = unit_models(tmp_path / "one")
    assert Path(models["reuters-9@40"]) == tmp_path / "one" / "fold2"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / MANIFEST).write_text("{}")
    with pytest.raises(DataError, match="not a fold manifest"):
        unit_models(tmp_path / "bad")


def test_each_unit_is_read_with_the_model_of_the_fold_that_left_it_out(tmp_path: Path) -> None:
    ev = _eval_script()
    write_folds(tmp_path, ["{}\n"] * 5, [(unit_key("reuters-9", 0), 3), (unit_key("reuters-9", 40), 1)], {})
    calls: list[tuple[str, str | None]] = []

    def extract_with(article: Any, models: str | None) -> str:
        calls.append((article.id, models))
        return f"{article.id} by {Path(models or '').name}"

    unit = ev.fold_extractor(extract_with, tmp_path)
    assert unit(NS(id="reuters-9:40")) == "reuters-9:40 by fold1"
    assert unit(NS(id="reuters-9:0")) == "reuters-9:0 by fold3"
    with pytest.raises(UsageError, match="in no fold"):
        unit(NS(id="reuters-10:0"))  # a test unit: no fold model left it out
    # whole-article context: the article is read once per fold model, and each unit gets its own fold's reading
    calls.clear()
    text = "Lumeo bought Vexo.  Tenvar sold it."
    seen: list[str | None] = []

    def whole(article: Any, models: str | None) -> Any:
        seen.append(Path(models or "").name)
        from kg.model import Extraction

        return Extraction(article)

    unit = ev.fold_extractor(whole, tmp_path, {"reuters-9": text})
    art = NS(id="reuters-9:0", text=text[:18], language="en", published=None)
    assert unit(art).article.id == "reuters-9:0"
    assert seen == ["fold3"]


def test_saved_fold_models_load_and_carry_the_final_trust_table(shared: Path, tmp_path: Path) -> None:
    """A small training run with two partitions: five fold models of partition 0, each a loadable relation
    model with the final model's threshold and trust table, and a manifest naming every annotated unit."""
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_relations_relfolds", ROOT / "scripts" / "train_relations.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    docs = train.read_gold(shared / "eval" / "conll04" / "train.gold.jsonl")[:60]
    pairs = train.pairs_of(docs)
    per_fold: list[Any] = []
    fold_models: list[str] = []
    _text, model = train.train_model(docs, pairs, train.cue_table(), {}, 1, per_fold, fold_models, 2)
    assert len(per_fold) == 2 and all(len(p) == 5 for p in per_fold)
    assert model.meta["cross_validation"]["partitions"] == 2
    table = model.meta["cross_validation"]["pipeline"]["en"]["based_in"]
    assert table["off"]["tp"] == sum(f["en"]["based_in"]["off"][0] for p in per_fold for f in p if "en" in f)
    assert len(fold_models) == 5
    fold = folds_of(docs)
    write_folds(tmp_path, fold_models, [(d.id, fold[n]) for n, d in enumerate(docs)], {})
    for k in range(5):
        m = relmodel.load(relmodel.MODEL_FILE, str(tmp_path / f"fold{k}"))
        assert (m.threshold, m.trusted, m.labels) == (model.threshold, model.trusted, model.labels)
        assert m.meta["fold"] == k
    assert set(unit_models(tmp_path)) == {d.id for d in docs}
