"""Status on gold pairs in ``kg eval``: the status reader alone, the parties taken from the gold.

Every text here is written for these tests; company names are fictional.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from kg.evaluate import GoldDoc, evaluate, parse_doc
from kg.evaluate.command import add_arguments, pair_reader, run
from kg.evaluate.goldstatus import gold_pair_statuses, summary
from kg.extract import extract
from kg.extract.engine import Engine
from kg.model import Article, Extraction


def _doc(text: str, relations: list[tuple[str, str, str, str]], lang: str = "en",
         entities: tuple[str, ...] = ("Norvik Shipping", "Talon Ports", "Arvo Bank")) -> GoldDoc:
    return parse_doc({"doc_id": "d", "language": lang, "text": text,
                      "entities": [{"label": e, "type": "Company"} for e in entities],
                      "relations": [{"subject": s, "type": t, "object": o, "status": st}
                                    for s, t, o, st in relations]})


def test_each_gold_pair_is_read_where_its_parties_stand() -> None:
    doc = _doc("Norvik Shipping denied reports that it will buy Talon Ports. "
               "Arvo Bank signed a partnership agreement with Talon Ports on Monday.",
               [("Norvik Shipping", "acquisition", "Talon Ports", "denied"),
                ("Arvo Bank", "partnership", "Talon Ports", "asserted"),
                ("Norvik Shipping", "partnership", "Arvo Bank", "asserted")])  # never in one sentence
    assert gold_pair_statuses(doc, doc.text, "en", learned=False) == (("denied", "denied"),
                                                                      ("asserted", "asserted"))


def test_a_pair_read_in_several_sentences_takes_the_strongest_status() -> None:
    doc = _doc("Norvik Shipping will buy Talon Ports. Norvik Shipping later denied it would buy Talon Ports.",
               [("Norvik Shipping", "acquisition", "Talon Ports", "denied")])
    assert gold_pair_statuses(doc, doc.text, "en", learned=False) == (("denied", "denied"),)


def test_summary_has_accuracy_recall_and_confusion() -> None:
    got = summary([("denied", "denied"), ("denied", "rumored"), ("asserted", "asserted"),
                   ("planned", "asserted")], total=5)
    assert got == {"read": 4, "relations": 5, "accuracy": 0.5,
                   "recall": {"asserted": 1.0, "denied": 0.5, "planned": 0.0},
                   "confusion": {"asserted": {"asserted": 1}, "denied": {"denied": 1, "rumored": 1},
                                 "planned": {"asserted": 1}}}


def test_report_shows_status_on_gold_pairs_even_when_entities_are_missed() -> None:
    # the extractor finds nothing at all: relation F1 is 0, the status reader is still measured
    doc = _doc("PT Samudra Niaga membantah kabar akuisisi PT Pelabuhan Talon.",
               [("PT Samudra Niaga", "acquisition", "PT Pelabuhan Talon", "denied")], lang="id",
               entities=("PT Samudra Niaga", "PT Pelabuhan Talon"))
    report = evaluate([doc], lambda a: Extraction(a), pairs=pair_reader(Engine("rules")))
    assert report.relations.tp == 0
    g = report.to_json()["relations"]["status_on_gold_pairs"]
    assert g["accuracy"] == 1.0 and g["confusion"] == {"denied": {"denied": 1}}
    text = report.format()
    assert "status on gold pairs (the parties given): 1.000 (1 of 1 gold relations" in text
    assert "gold denied    recall 1.000: read as denied 1" in text
    assert evaluate([doc], lambda a: Extraction(a)).to_json()["relations"]["status_on_gold_pairs"] is None


def test_llm_engines_have_no_gold_pair_reader() -> None:
    assert pair_reader(Engine("llm")) is None
    assert pair_reader(Engine("hybrid")) is not None


def test_kg_eval_json_has_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "language": "en",
                                "text": "Norvik Shipping Ltd has no plans to buy Talon Ports Inc.",
                                "entities": [{"label": "Norvik Shipping Ltd", "type": "Company"},
                                             {"label": "Talon Ports Inc", "type": "Company"}],
                                "relations": [{"subject": "Norvik Shipping Ltd", "type": "acquisition",
                                               "object": "Talon Ports Inc", "status": "denied"}]}) + "\n",
                    encoding="utf-8")
    p = argparse.ArgumentParser()
    add_arguments(p)
    assert run(p.parse_args([str(gold), "--json", "--engine", "rules"])) == 0
    got = json.loads(capsys.readouterr().out)["relations"]["status_on_gold_pairs"]
    assert got["confusion"] == {"denied": {"denied": 1}}
    # the same reading as extraction's where both find the relation
    x = extract(Article(id="d", text="Norvik Shipping Ltd has no plans to buy Talon Ports Inc.", language="en"),
                engine="rules")
    assert {r.status for r in x.relations if r.type == "acquisition"} == {"denied"}
