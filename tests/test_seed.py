"""The Done-when of the core issue: ``kg extract`` on the real sample article matches its gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.names import normalize
from kg.schema import RELATION_TYPES


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[dict, dict]:
    gold = json.loads((shared / "eval" / "seed.gold.json").read_text(encoding="utf-8"))
    src = shared / "corpus" / "id" / "selular-xiaomi-ford.txt"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(src)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    (line,) = r.stdout.splitlines()
    return json.loads(line), gold


def _names(entity: dict) -> set[str]:
    return {normalize(n) for n in (entity["label"], *entity.get("aliases", []))}


def _resolver(out: dict, gold: dict):  # type: ignore[no-untyped-def]
    """Map predicted entity ids to gold labels by name."""
    gold_names = {g["label"]: _names(g) for g in gold["entities"] + gold.get("optional_entities", [])}

    def label(eid: str | None) -> str | None:
        if eid is None:
            return None
        e = next(x for x in out["entities"] if x["id"] == eid)
        names = _names(e)
        return next((g for g, gn in gold_names.items() if gn & names), f"<unmatched {e['label']}>")

    return label


def _key(rel: dict, label) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    s, o = label(rel["subject"]) if "id" in rel else rel["subject"], label(rel["object"]) if "id" in rel else rel[
        "object"]
    if RELATION_TYPES[rel["type"]].symmetric:
        s, o = sorted([s, o])
    return rel["type"], s, o


def test_article_metadata(seed: tuple[dict, dict]) -> None:
    out, _ = seed
    assert out["article"]["title"] == "Xiaomi Bantah Isu Kemitraan EV dengan Ford"
    assert out["article"]["published"] == "2026-02-03"
    assert out["article"]["source"] == "Selular.ID"
    assert out["article"]["language"] == "id"


def test_every_gold_relation_with_its_status(seed: tuple[dict, dict]) -> None:
    out, gold = seed
    label = _resolver(out, gold)
    predicted = {_key(r, label): r for r in out["relations"]}
    for g in gold["relations"]:
        k = _key(g, lambda x: x)
        assert k in predicted, f"missing {k}"
        p = predicted[k]
        assert p["status"] == g["status"], f"{k}: status {p['status']} != {g['status']}"
        if "attributed_to" in g:
            assert label(p["attributed_to"]) == g["attributed_to"]
        if "sector" in g:
            assert label(p["sector"]) == g["sector"]


def test_no_relation_outside_the_gold(seed: tuple[dict, dict]) -> None:
    out, gold = seed
    label = _resolver(out, gold)
    allowed = {_key(g, lambda x: x) for g in gold["relations"] + gold["optional_relations"]}
    extra = [_key(r, label) for r in out["relations"] if _key(r, label) not in allowed]
    assert not extra


def test_no_forbidden_entity(seed: tuple[dict, dict]) -> None:
    out, gold = seed
    text = json.dumps(out, ensure_ascii=False)
    for name in gold["forbidden_entities"]:
        assert name not in text


def test_every_evidence_offset_points_into_the_file(seed: tuple[dict, dict], shared: Path) -> None:
    out, _ = seed
    text = (shared / "corpus" / "id" / "selular-xiaomi-ford.txt").read_text(encoding="utf-8")
    for r in out["relations"]:
        for ev in r["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
