"""The scorer behind ``kg eval``, on hand-made gold and predictions, and on the real gold files."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.evaluate import (
    Counts,
    GoldDoc,
    Report,
    add_arguments,
    derive_scheme,
    evaluate,
    load_gold,
    parse_doc,
    run,
    source_path,
)
from kg.model import Article, Entity, Extraction, Relation, Span

ROOT = Path(__file__).resolve().parent.parent

Ent = tuple[str, str] | tuple[str, str, Sequence[str]]  # (label, type[, aliases])
Rel = (
    tuple[str, str, str, str] | tuple[str, str, str, str, dict[str, str]]
)  # (subj, type, obj, status[, extra])


def gold(
    doc_id: str = "d",
    *,
    entities: Iterable[Ent] = (),
    relations: Iterable[Rel] = (),
    text: str = "text",
    **extra: Any,
) -> GoldDoc:
    raw: dict[str, Any] = {"doc_id": doc_id, "language": "en", "text": text, **extra}
    raw["entities"] = [
        {"label": e[0], "type": e[1], "aliases": list(e[2]) if len(e) > 2 else []} for e in entities
    ]
    raw["relations"] = [
        {"subject": r[0], "type": r[1], "object": r[2], "status": r[3], **(r[4] if len(r) > 4 else {})}
        for r in relations
    ]
    return parse_doc(raw)


def entity(label: str, etype: str, *aliases: str, mentions: Sequence[str] = ()) -> Entity:
    return Entity(
        label.lower().replace(" ", "-"),
        label,
        etype,
        tuple(aliases),
        mentions=tuple(Span(0, len(m), m) for m in mentions),
    )


def predicts(
    by_doc: dict[str, tuple[Sequence[Entity], Sequence[tuple[str, ...]]]],
) -> Callable[[Article], Extraction]:
    """A fake extractor: per doc id, entities and relations.

    A relation is (subject label, type, object label, status[, attributed_to label, sector label]).
    """

    def extractor(article: Article) -> Extraction:
        ents, rels = by_doc.get(article.id, ((), ()))
        ids = {e.label: e.id for e in ents}
        relations = []
        for n, r in enumerate(rels):
            att = ids[r[4]] if len(r) > 4 and r[4] else None
            sec = ids[r[5]] if len(r) > 5 and r[5] else None
            relations.append(
                Relation(f"r{n}", r[1], ids.get(r[0], r[0]), ids.get(r[2], r[2]), r[3], att, sec)
            )
        return Extraction(article, tuple(ents), tuple(relations))

    return extractor


def score(doc: GoldDoc, ents: Sequence[Entity] = (), rels: Sequence[tuple[str, ...]] = ()) -> Report:
    return evaluate([doc], predicts({doc.doc_id: (ents, rels)}))


FORD = ("Ford Motor Company", "Company", ["Ford"])
XIAOMI = ("Xiaomi", "Company", ["Xiaomi Corporation"])


# --- the basic cases ---------------------------------------------------------------------------------


def test_perfect_match_scores_one_everywhere() -> None:
    doc = gold(
        entities=[FORD, XIAOMI, ("China", "Country")],
        relations=[
            ("Xiaomi", "partnership", "Ford Motor Company", "denied"),
            ("Xiaomi", "based_in", "China", "asserted"),
        ],
    )
    r = score(
        doc,
        [entity("Ford Motor Company", "Company"), entity("Xiaomi", "Company"), entity("China", "Country")],
        [
            ("Xiaomi", "partnership", "Ford Motor Company", "denied"),
            ("Xiaomi", "based_in", "China", "asserted"),
        ],
    )
    j = r.to_json()
    for block in (
        j["entities"]["micro"],
        j["entities"]["untyped"],
        j["relations"]["micro"],
        j["relations"]["with_status"]["micro"],
    ):
        assert (block["precision"], block["recall"], block["f1"]) == (1.0, 1.0, 1.0)
    assert j["entities"]["macro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "types": 2}
    assert j["relations"]["status_accuracy"] == {"agree": 2, "total": 2, "accuracy": 1.0}
    assert r.passed and r.worst == ()
    assert r.summary.startswith("PASS: 2/2 required relations with their gold status, 3/3 required entities")


def test_missing_relation_costs_recall_only() -> None:
    doc = gold(
        entities=[FORD, XIAOMI],
        relations=[
            ("Xiaomi", "partnership", "Ford Motor Company", "denied"),
            ("Xiaomi", "competitor_of", "Ford Motor Company", "asserted"),
        ],
    )
    r = score(
        doc,
        [entity("Ford", "Company"), entity("Xiaomi", "Company")],
        [("Xiaomi", "partnership", "Ford", "denied")],
    )
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (1, 0, 1)
    assert (r.relations.precision, r.relations.recall) == (1.0, 0.5)
    assert r.documents[0].missed_relations == ("Xiaomi -competitor_of-> Ford Motor Company [asserted]",)
    assert not r.passed and r.summary.startswith("FAIL: 1/2 required relations")
    assert [d.doc_id for d in r.worst] == ["d"]


def test_a_gold_link_written_twice_in_a_document_is_one_link() -> None:
    # CoNLL04 repeats a relation once per mention pair ("NRC ... based in Rockville, Md." twice).
    link = ("Xiaomi", "partnership", "Ford Motor Company", "denied")
    doc = gold(entities=[FORD, XIAOMI], relations=[link, link])
    r = score(doc, [entity("Ford", "Company"), entity("Xiaomi", "Company")],
              [("Xiaomi", "partnership", "Ford", "denied")])
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (1, 0, 0)
    # The same pair with another status is another gold claim, and stays.
    doc = gold(entities=[FORD, XIAOMI], relations=[link, (*link[:3], "rumored")])
    assert len(doc.relations) == 2


def test_spurious_relation_costs_precision_only() -> None:
    doc = gold(entities=[FORD, XIAOMI], relations=[("Xiaomi", "partnership", "Ford Motor Company", "denied")])
    r = score(
        doc,
        [entity("Ford", "Company"), entity("Xiaomi", "Company")],
        [("Xiaomi", "partnership", "Ford", "denied"), ("Ford", "acquisition", "Xiaomi", "rumored")],
    )
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (1, 1, 0)
    assert (r.relations.precision, r.relations.recall) == (0.5, 1.0)
    assert r.documents[0].spurious_relations == ("Ford -acquisition-> Xiaomi [rumored]",)
    # Precision is not part of the seed verdict.
    assert r.passed


def test_wrong_status_matches_the_pair_but_not_with_status() -> None:
    doc = gold(entities=[FORD, XIAOMI], relations=[("Xiaomi", "partnership", "Ford Motor Company", "denied")])
    r = score(
        doc,
        [entity("Ford", "Company"), entity("Xiaomi", "Company")],
        [("Xiaomi", "partnership", "Ford", "asserted")],
    )
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (1, 0, 0)
    ws = r.relations_with_status
    assert (ws.tp, ws.fp, ws.fn, ws.f1) == (0, 1, 1, 0.0)
    j = r.to_json()["relations"]
    assert j["status_accuracy"] == {"agree": 0, "total": 1, "accuracy": 0.0}
    assert j["status_confusion"] == {"denied": {"asserted": 1}}
    assert r.documents[0].status_errors == (
        "Xiaomi -partnership-> Ford Motor Company [denied]: predicted asserted",
    )
    assert not r.passed


def test_a_prediction_with_the_right_status_is_preferred_over_one_with_the_wrong_status() -> None:
    doc = gold(entities=[FORD, XIAOMI], relations=[("Xiaomi", "partnership", "Ford Motor Company", "denied")])
    r = score(
        doc,
        [entity("Ford", "Company"), entity("Xiaomi", "Company")],
        [("Xiaomi", "partnership", "Ford", "asserted"), ("Ford", "partnership", "Xiaomi", "denied")],
    )
    assert (r.relations_with_status.tp, r.relations.fp) == (1, 1)
    assert r.documents[0].spurious_relations == ("Xiaomi -partnership-> Ford [asserted]: duplicate",)


def test_symmetric_types_match_in_either_order_and_directed_types_do_not() -> None:
    doc = gold(
        entities=[FORD, XIAOMI],
        relations=[
            ("Xiaomi", "partnership", "Ford Motor Company", "asserted"),
            ("Xiaomi", "acquisition", "Ford Motor Company", "rumored"),
        ],
    )
    r = score(
        doc,
        [entity("Ford", "Company"), entity("Xiaomi", "Company")],
        [("Ford", "partnership", "Xiaomi", "asserted"), ("Ford", "acquisition", "Xiaomi", "rumored")],
    )
    assert r.relation_types["partnership"].tp == 1
    acq = r.relation_types["acquisition"]
    assert (acq.tp, acq.fp, acq.fn) == (0, 1, 1)


def test_legal_forms_and_aliases_do_not_matter_for_names() -> None:
    doc = gold(
        entities=[("PT Bukit Asam Tbk", "Company"), ("Ford Motor Company", "Company")],
        relations=[("PT Bukit Asam Tbk", "supply", "Ford Motor Company", "planned")],
    )
    r = score(
        doc,
        [entity("Bukit Asam", "Company"), entity("Ford Motor Co.", "Company")],
        [("Bukit Asam", "supply", "Ford Motor Co.", "planned")],
    )
    assert r.entities.f1 == 1.0 and r.relations_with_status.f1 == 1.0
    # A different name is not rescued by normalisation.
    r = score(doc, [entity("Bukit Asam Energi", "Company")])
    assert r.entities_untyped.tp == 0


def test_aliases_and_mention_texts_of_predictions_count_as_names() -> None:
    doc = gold(entities=[FORD], relations=[])
    assert score(doc, [entity("Ford Otosan", "Company", "Ford")]).entities.tp == 1
    assert score(doc, [entity("FMC", "Company", mentions=["Ford Motor"])]).entities.tp == 1
    assert score(doc, [entity("FMC", "Company")]).entities.tp == 0


def test_optional_items_are_not_required_and_not_penalised() -> None:
    doc = gold(
        entities=[FORD, XIAOMI],
        relations=[("Xiaomi", "partnership", "Ford Motor Company", "denied")],
        optional_entities=[{"label": "Selular.ID", "type": "Organization", "aliases": ["Selular"]}],
        optional_relations=[
            {
                "subject": "Ford Motor Company",
                "type": "based_in",
                "object": "Selular.ID",
                "status": "asserted",
            }
        ],
    )
    ents = [entity("Ford", "Company"), entity("Xiaomi", "Company")]
    base = score(doc, ents, [("Xiaomi", "partnership", "Ford", "denied")])
    more = score(
        doc,
        [*ents, entity("Selular", "Organization")],
        [("Xiaomi", "partnership", "Ford", "denied"), ("Ford", "based_in", "Selular", "asserted")],
    )
    for r in (base, more):
        assert r.entities.f1 == 1.0 and r.relations.f1 == 1.0 and r.passed
    assert more.excluded["optional_entities_predicted"] == 1
    assert more.excluded["optional_relations_predicted"] == 1


def test_forbidden_entities_are_reported_and_count_as_false_positives() -> None:
    doc = gold(entities=[XIAOMI], forbidden_entities=["Volkswagen AG"])
    r = score(doc, [entity("Xiaomi", "Company"), entity("Volkswagen", "Company")])
    assert r.forbidden == (("d", "Volkswagen AG"),)
    assert (r.entities.tp, r.entities.fp) == (1, 1) and r.entities_untyped.fp == 1
    j = r.to_json()
    assert j["forbidden"] == {"count": 1, "predicted": [{"doc_id": "d", "name": "Volkswagen AG"}]}
    assert not r.passed and "1 forbidden entities predicted" in r.summary
    assert "forbidden entities predicted: 1 (Volkswagen AG)" in r.format()


def test_duplicate_predictions_of_one_gold_entity_count_once() -> None:
    doc = gold(entities=[FORD])
    r = score(doc, [entity("Ford", "Company"), entity("Ford Motor Company", "Company")])
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (1, 1, 0)
    assert r.documents[0].spurious_entities[0].endswith(": duplicate")


def test_a_wrong_type_is_a_false_positive_and_a_false_negative_but_right_by_name() -> None:
    doc = gold(entities=[("Jakarta", "Place"), ("Budi Santoso", "Person")])
    r = score(doc, [entity("Jakarta", "Company"), entity("Budi Santoso", "Person")])
    assert (r.entity_types["Company"].fp, r.entity_types["Place"].fn, r.entity_types["Person"].tp) == (
        1,
        1,
        1,
    )
    assert (r.entities_untyped.tp, r.entities_untyped.fp, r.entities_untyped.fn) == (2, 0, 0)
    assert r.documents[0].type_errors == ("Jakarta: gold Place, predicted Company",)


def test_the_right_type_is_preferred_when_names_are_shared() -> None:
    # Two gold entities share a name; the typed matching must not pair them crosswise.
    doc = gold(entities=[("Jaguar", "Company"), ("Jaguar F-Type", "Product", ["Jaguar"])])
    r = score(doc, [entity("Jaguar", "Product", "Jaguar F-Type"), entity("Jaguar Cars", "Company", "Jaguar")])
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (2, 0, 0)


# --- junk at a glance: casing, precision by type, the most frequent false positives ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ford denied a deal with Xiaomi on Monday.", "sentence"),
        ("Pemerintah menyatakan PT Bukit Asam Tbk akan membangun pabrik.", "sentence"),
        ("Bukit Asam Siap Bangun Pabrik Baterai di Jawa Timur", "title"),
        ("Ford Denies a Deal With Xiaomi", "title"),
        ("FORD DENIES A DEAL WITH XIAOMI", "upper"),
        ("BUKIT ASAM SIAP BANGUN PABRIK Rp2 TRILIUN", "upper"),
        ("Ford sued Tesla.", "sentence"),
        ("2024", "sentence"),
        ("ford membantah kerja sama dengan xiaomi.", "lower"),
        ("ford denied a deal with the iPhone maker", "sentence"),
    ],
)
def test_casing_by_the_share_of_capitalised_and_upper_case_words(text: str, expected: str) -> None:
    from kg.evaluate.casing import casing

    assert casing(text) == expected


def test_figures_by_casing_add_up_per_casing() -> None:
    docs = [
        gold("s", entities=[FORD], text="Ford said the plant would open in March."),
        gold("t", entities=[XIAOMI], text="Xiaomi Bantah Kerja Sama Dengan Ford"),
        gold("u", entities=[XIAOMI], text="XIAOMI BANTAH KERJA SAMA"),
    ]
    r = evaluate(docs, predicts({
        "s": ([entity("Ford", "Company")], []),
        "t": ([entity("Xiaomi", "Company"), entity("Bantah Kerja", "Person")], []),
        "u": ([], []),
    }))
    by = r.by_casing
    assert list(by) == ["sentence", "title", "upper"]
    assert by["sentence"]["entities"] == Counts(tp=1)
    assert by["title"]["entities"] == Counts(tp=1, fp=1) and by["title"]["documents"] == 1
    assert by["upper"]["entities"] == Counts(fn=1)
    j = r.to_json()
    assert j["by_casing"]["title"]["entities"]["precision"] == 0.5
    assert j["per_document"][1]["casing"] == "title"
    text = r.format()
    assert "title case (1 document):" in text
    assert "  entities                          0.500  1.000  0.667      1      1      0" in text


def test_precision_by_predicted_type_and_the_ten_most_frequent_false_positives() -> None:
    names = [("Budi Santoso", "Person"), ("Jakarta", "Place"), ("Bank Mandiri", "Company")]
    docs = [gold(f"d{i}", entities=names) for i in range(12)]
    junk = {f"d{i}": ([entity("Budi Santoso", "Person"), entity("Jakarta", "Company"),
                       entity("Tegaskan", "Company"), entity(f"Skema {i % 11}", "Person")], [])
            for i in range(12)}
    r = evaluate(docs, predicts(junk))
    top = r.top_false_positives
    assert len(top) == 10
    # A wrong type counts as a false positive of the predicted type, shown with it.
    assert top[:2] == (("Jakarta (Company)", 12), ("Tegaskan (Company)", 12))
    # Then by count, ties alphabetically; the eleventh and later are left out.
    assert top[2:5] == (("Skema 0 (Person)", 2), ("Skema 1 (Person)", 1), ("Skema 10 (Person)", 1))
    assert top[-1] == ("Skema 6 (Person)", 1)
    j = r.to_json()["entities"]
    assert j["precision_by_type"]["Person"] == 0.5 and j["precision_by_type"]["Company"] == 0.0
    assert j["top_false_positives"][0] == {"entity": "Jakarta (Company)", "count": 12}
    text = r.format()
    assert "entity precision by predicted type: Company 0.000 (0/24), Person 0.500 (12/24)" in text
    assert "most frequent false-positive entities:\n      12  Jakarta (Company)\n      12  Tegaskan (Company)\n" in text


def test_attribution_and_sector_agreement_on_matched_relations() -> None:
    doc = gold(
        entities=[FORD, XIAOMI, ("Electric vehicles", "Sector", ["EV"])],
        relations=[
            (
                "Xiaomi",
                "partnership",
                "Ford Motor Company",
                "denied",
                {"attributed_to": "Xiaomi", "sector": "Electric vehicles"},
            ),
            ("Ford Motor Company", "operates_in", "Electric vehicles", "asserted"),
        ],
    )
    ents = [entity("Ford", "Company"), entity("Xiaomi", "Company"), entity("EV", "Sector")]
    right = score(doc, ents, [("Xiaomi", "partnership", "Ford", "denied", "Xiaomi", "EV")]).to_json()[
        "relations"
    ]
    assert right["attributed_to"] == {"agree": 1, "total": 1, "accuracy": 1.0}
    assert right["sector"] == {"agree": 1, "total": 1, "accuracy": 1.0}
    wrong = score(doc, ents, [("Xiaomi", "partnership", "Ford", "denied", "Ford", "")]).to_json()["relations"]
    assert wrong["attributed_to"]["accuracy"] == 0.0 and wrong["sector"]["accuracy"] == 0.0


# --- schemes, micro and macro, edge cases ------------------------------------------------------------


def conll_doc() -> GoldDoc:
    text = "Kevin O 'Brien , a spokesman for Acme Corp in Boston , said on June 30 ."
    return gold(
        "conll04-x",
        text=text,
        entities=[
            ("Kevin O 'Brien", "Person"),
            ("Acme Corp", "Organization"),
            ("Boston", "Place"),
            ("June 30", "Other"),
        ],
        relations=[
            ("Kevin O 'Brien", "works_for", "Acme Corp", "asserted"),
            ("Acme Corp", "based_in", "Boston", "asserted"),
        ],
    )


def test_coarser_gold_scheme_maps_company_and_country_and_ignores_other() -> None:
    doc = conll_doc()
    scheme = derive_scheme([doc])
    assert scheme.name == "gold" and scheme.entity_types == ("Organization", "Person", "Place")
    assert scheme.relation_types == ("based_in", "works_for")
    r = score(
        doc,
        [
            entity("Kevin O 'Brien", "Person"),
            entity("Acme", "Company"),
            entity("Boston", "Country"),
            entity("Spokesman Services", "Sector"),
            entity("June 30", "Product"),
        ],
        [
            ("Kevin O 'Brien", "works_for", "Acme", "asserted"),
            ("Acme", "based_in", "Boston", "asserted"),
            ("Acme", "operates_in", "Spokesman Services", "asserted"),
        ],
    )
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (3, 0, 0)
    assert set(r.entity_types) == {"Organization", "Person", "Place"}
    assert r.relations.f1 == 1.0
    assert r.excluded == {
        "gold_other_entities": 1,
        "optional_entities_predicted": 1,
        "entities_outside_scheme": 1,
        "unmatched_role_labelled": 0,
        "optional_relations_predicted": 0,
        "relations_outside_scheme": 1,
    }
    assert "predicted Company counts as Organization, Country counts as Place" in r.format()


def test_coarser_scheme_scores_a_country_only_where_the_gold_names_it() -> None:
    # idner tags a country where something is placed in it, not where it acts: an unmatched Country is not
    # scored, a matched one still is, and an unmatched Place stays a false positive
    doc = conll_doc()
    assert derive_scheme([doc]).role_labelled == ("Country",)
    r = score(doc, [entity("Boston", "Country"), entity("Israel", "Country"), entity("Springfield", "Place")])
    assert (r.entities.tp, r.entities.fp) == (1, 1)
    assert r.excluded["unmatched_role_labelled"] == 1
    assert "predicted countries no gold name matches" in r.format()
    kg_doc = gold(entities=[XIAOMI])
    assert derive_scheme([kg_doc]).role_labelled == ()
    assert score(kg_doc, [entity("Xiaomi", "Company"), entity("Israel", "Country")]).entities.fp == 1


def test_kg_scheme_keeps_company_and_organization_apart() -> None:
    doc = gold(entities=[("Bursa Efek Indonesia", "Organization"), XIAOMI])
    assert derive_scheme([doc]).name == "kg"
    r = score(
        doc,
        [entity("Bursa Efek Indonesia", "Company"), entity("Xiaomi", "Company"), entity("Nickel", "Sector")],
    )
    assert (r.entity_types["Organization"].fn, r.entity_types["Company"].fp) == (1, 1)
    assert r.entity_types["Sector"].fp == 1  # every kg type is annotated in kg's scheme


def test_macro_and_micro_differ_on_uneven_types() -> None:
    companies = [(f"Company {c}", "Company") for c in "ABCDEFGHIJ"]
    doc = gold(entities=[*companies, ("Budi Santoso", "Person")])
    r = score(doc, [entity(label, "Company") for label, _ in companies[:9]])
    j = r.to_json()["entities"]
    assert j["micro"]["recall"] == round(9 / 11, 4)
    assert j["macro"] == {
        "precision": 0.5,
        "recall": 0.45,
        "f1": round((2 * 0.9 / 1.9 + 0) / 2, 4),
        "types": 2,
    }


def test_empty_gold_and_empty_predictions_do_not_divide_by_zero() -> None:
    nothing = evaluate([], predicts({}))
    j = nothing.to_json()
    assert j["entities"]["micro"] == {
        "precision": None,
        "recall": None,
        "f1": None,
        "tp": 0,
        "fp": 0,
        "fn": 0,
    }
    assert j["entities"]["macro"]["types"] == 0 and j["relations"]["status_accuracy"]["accuracy"] is None
    assert "n/a" in nothing.format() and nothing.passed

    blank = gold()
    assert score(blank).entities.f1 is None and score(blank).passed
    spurious_only = score(blank, [entity("Ford", "Company")], [("Ford", "launch", "Ford", "asserted")])
    assert (spurious_only.entities.precision, spurious_only.entities.recall, spurious_only.entities.f1) == (
        0,
        0,
        0,
    )
    assert spurious_only.relations.f1 == 0.0
    missed_only = score(gold(entities=[FORD]))
    assert (missed_only.entities.precision, missed_only.entities.f1) == (0.0, 0.0)


# --- documents that fail, reading gold --------------------------------------------------------------


def test_unreadable_or_failing_documents_are_reported_and_left_out(tmp_path: Path) -> None:
    good = gold("good", entities=[FORD])
    missing = parse_doc(
        {"doc_id": "missing", "source_file": "no/such/file.txt", "entities": []},
        gold_file=str(tmp_path / "gold.jsonl"),
    )

    def extractor(article: Article) -> Extraction:
        if article.id == "boom":
            raise RuntimeError("kaput")
        return Extraction(article, (entity("Ford", "Company"),))

    r = evaluate([good, missing, gold("boom", entities=[XIAOMI])], extractor)
    assert [d.doc_id for d in r.failed] == ["missing", "boom"]
    assert "not found" in (r.failed[0].error or "") and "RuntimeError: kaput" in (r.failed[1].error or "")
    # Failed documents count as empty predictions: their gold is missed.
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (1, 0, 1)
    assert r.documents[2].missed_entities == ("Xiaomi (Company)",)
    assert not r.passed and r.summary.endswith("2 documents failed")
    assert "failed: missing: no/such/file.txt: source file of gold document 'missing' not found" in r.format()
    assert [d.doc_id for d in r.worst][:2] == ["boom", "missing"]


def test_source_files_are_found_above_the_gold_file_and_beside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "eval" / "sub").mkdir(parents=True)
    gold_file = str(tmp_path / "eval" / "sub" / "g.jsonl")
    doc = parse_doc({"doc_id": "a", "source_file": "corpus/a.txt"}, gold_file=gold_file)
    assert source_path(doc) == tmp_path / "corpus" / "a.txt"
    in_repo = parse_doc({"doc_id": "b", "source_file": "kg/model.py"}, gold_file=gold_file)
    assert source_path(in_repo) == ROOT / "kg" / "model.py"
    beside = parse_doc({"doc_id": "c", "source_file": f"{ROOT.name}/pyproject.toml"}, gold_file=gold_file)
    assert source_path(beside) == ROOT / "pyproject.toml"
    assert (
        source_path(parse_doc({"doc_id": "d", "source_file": "corpus/zz.txt"}, gold_file=gold_file)) is None
    )


def test_a_source_file_is_read_like_any_input(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        "Ford Gandeng Xiaomi\n\nFord menggandeng Xiaomi.\n", encoding="utf-8"
    )
    doc = parse_doc(
        {
            "doc_id": "a",
            "language": "id",
            "source_file": "corpus/a.txt",
            "entities": [{"label": "Ford", "type": "Company"}, {"label": "Xiaomi", "type": "Company"}],
        },
        gold_file=str(tmp_path / "eval" / "g.jsonl"),
    )
    seen: list[Article] = []

    def extractor(article: Article) -> Extraction:
        seen.append(article)
        names = [n for n in ("Ford", "Xiaomi", "Tesla") if n in article.text]
        return Extraction(article, tuple(entity(n, "Company") for n in names))

    r = evaluate([doc], extractor)
    assert (seen[0].id, seen[0].language) == ("a", "id") and "Ford menggandeng Xiaomi." in seen[0].text
    assert r.entities.f1 == 1.0 and not r.failed


def test_jsonl_is_split_on_newlines_only(tmp_path: Path) -> None:
    text = "Ford\u2028menggandeng Xiaomi.\u2029"
    lines = [
        json.dumps(
            {"doc_id": n, "text": text, "entities": [{"label": "Ford", "type": "Company"}]},
            ensure_ascii=False,
        )
        for n in ("a", "b")
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    docs = load_gold(path)
    assert [d.doc_id for d in docs] == ["a", "b"] and docs[0].text == text
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"doc_id": "s", "text": "t"}, indent=2), encoding="utf-8")
    assert [d.doc_id for d in load_gold(single)] == ["s"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc_id": "a", "text": "t"', "g.jsonl:2: invalid JSON"),
        (
            '{"doc_id": "a", "text": "t", "entities": [{"label": "X", "type": "Firm"}]}',
            "g.jsonl:2: document 'a': unknown entity type 'Firm' (allowed: Company, Country, Organization,",
        ),
        (
            '{"doc_id": "a", "text": "t", "relations": [{"subject": "X", "type": "merger", "object": "Y", '
            '"status": "asserted"}]}',
            "unknown relation type 'merger' (allowed: acquisition,",
        ),
        (
            '{"doc_id": "a", "text": "t", "entities": [{"label": "X", "type": "Company"}], '
            '"relations": [{"subject": "X", "type": "supply", "object": "Y", "status": "asserted"}]}',
            "document 'a': relation object 'Y' is not the label of a gold entity",
        ),
        ('{"doc_id": "a"}', "document 'a': needs 'text' or 'source_file'"),
        ('{"doc_id": "first", "text": "again"}', "g.jsonl:2: doc_id 'first' repeated (first on line 1)"),
    ],
)
def test_malformed_gold_names_the_file_line_and_problem(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc_id": "first", "text": "t"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert message in str(err.value)


# --- the report as data and text, the command -------------------------------------------------------


def test_report_json_is_stable_and_agrees_with_the_text() -> None:
    doc = gold(entities=[FORD, XIAOMI], relations=[("Xiaomi", "partnership", "Ford Motor Company", "denied")])
    ex = predicts(
        {
            "d": (
                [entity("Ford", "Company"), entity("Xiaomi", "Company"), entity("Apple", "Company")],
                [("Xiaomi", "partnership", "Ford", "asserted")],
            )
        }
    )
    one, two = evaluate([doc], ex).dumps(), evaluate([doc], ex).dumps()
    assert one == two
    j = json.loads(one)
    assert list(j) == [
        "gold",
        "system",
        "documents",
        "failed",
        "scheme",
        "entities",
        "by_casing",
        "relations",
        "forbidden",
        "excluded",
        "passed",
        "summary",
        "worst",
        "per_document",
    ]
    assert j["entities"]["micro"] == {
        "precision": 0.6667,
        "recall": 1.0,
        "f1": 0.8,
        "tp": 2,
        "fp": 1,
        "fn": 0,
    }
    text = evaluate([doc], ex).format()
    assert "entities (micro)                    0.667  1.000  0.800      2      1      0" in text
    assert "spurious entities: Apple (Company)" in text
    assert "status errors: Xiaomi -partnership-> Ford Motor Company [denied]: predicted asserted" in text
    assert text.rstrip().endswith(j["summary"])


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kg eval")
    add_arguments(parser)
    return parser.parse_args(list(argv))


def test_run_prints_the_report_and_returns_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import kg.extract

    def fake_extract(article: Article, *, engine: str = "rules") -> Extraction:
        return Extraction(article, (entity("Ford", "Company"),))

    monkeypatch.setattr(kg.extract, "extract", fake_extract)
    path = tmp_path / "g.jsonl"
    path.write_text(
        json.dumps(
            {
                "doc_id": "a",
                "text": "Ford.",
                "entities": [{"label": "Ford", "type": "Company"}],
                "relations": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert run(_args(str(path), "--json")) == 0
    assert json.loads(capsys.readouterr().out)["passed"] is True
    path.write_text(
        json.dumps(
            {
                "doc_id": "a",
                "text": "Ford.",
                "entities": [{"label": "Tesla", "type": "Company"}],
                "relations": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert run(_args(str(path))) == 0
    assert "FAIL: 0/0 required relations" in capsys.readouterr().out
    assert run(_args(str(path), "--check")) == 1
    capsys.readouterr()
    assert run(_args(str(tmp_path / "nope.jsonl"))) == 2
    assert "nope.jsonl: cannot read gold file" in capsys.readouterr().err


# --- the real gold files ----------------------------------------------------------------------------


def oracle(docs: Sequence[GoldDoc]) -> Callable[[Article], Extraction]:
    """Predicts exactly the gold (minus types kg never predicts): must score 1.0."""
    by_id = {d.doc_id: d for d in docs}

    def extractor(article: Article) -> Extraction:
        d = by_id[article.id]
        ents = tuple(
            Entity(f"e{i}", e.label, e.type, e.aliases) for i, e in enumerate(d.entities) if e.type != "Other"
        )
        ids = {e.label: e.id for e in ents}
        rels = tuple(
            Relation(f"r{i}", r.type, ids[r.subject], ids[r.object], r.status)
            for i, r in enumerate(d.relations)
        )
        return Extraction(article, ents, rels)

    return extractor


@pytest.mark.parametrize(
    ("name", "n_docs", "scheme"),
    [
        (
            "conll04/dev.gold.jsonl",
            231,
            ("gold", ("Organization", "Person", "Place"), ("based_in", "works_for")),
        ),
        ("idner/dev.gold.jsonl", 367, ("gold", ("Organization", "Person", "Place"), ())),
    ],
)
def test_real_sentence_gold_loads_and_an_oracle_scores_one(
    shared: Path, name: str, n_docs: int, scheme: tuple[Any, ...]
) -> None:
    docs = load_gold(shared / "eval" / name)
    assert len(docs) == n_docs
    s = derive_scheme(docs)
    assert (s.name, s.entity_types, s.relation_types) == scheme
    r = evaluate(docs, oracle(docs))
    assert r.entities.f1 == 1.0 and r.entities.fp == 0 and r.passed
    assert r.relations.f1 == (1.0 if scheme[2] else None)
    assert r.excluded["gold_other_entities"] == (116 if "conll04" in name else 0)


def test_seed_gold_loads_and_its_source_file_resolves(shared: Path) -> None:
    (doc,) = load_gold(shared / "eval" / "seed.gold.json")
    assert doc.doc_id == "selular-xiaomi-ford" and len(doc.relations) == 7
    assert doc.forbidden_entities == ("Volkswagen",) and derive_scheme([doc]).name == "kg"
    assert source_path(doc).resolve() == (shared / "corpus" / "id" / "selular-xiaomi-ford.txt").resolve()


def test_kg_eval_passes_the_seed_with_the_rules_engine(shared: Path) -> None:
    """The seed acceptance test, end to end: the command, the reader, the rules engine, the scorer."""
    gold_file = str(shared / "eval" / "seed.gold.json")
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "eval", gold_file, "--json", "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr
    j = json.loads(r.stdout)
    assert (j["documents"], j["failed"], j["passed"]) == (1, [], True)
    assert j["relations"]["with_status"]["micro"]["tp"] == 7 and j["forbidden"]["count"] == 0
