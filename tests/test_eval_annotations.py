"""scripts/eval_annotations.py: annotated units as gold documents, and bracketed short forms.

The texts are invented for these tests (no corpus text in the repository).
"""

from __future__ import annotations

from typing import Any

import pytest

from kg.annotate import in_unit
from kg.annotations import Example, materialise, parse_unit, unit_hash
from kg.evaluate import parse_doc, score_document
from kg.evaluate.score import derive_scheme
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from tests.scripts import load_script

EV = load_script("scripts/eval_annotations.py")


def example(text: str, spans: list[tuple[str, str]], relations: tuple[tuple[int, int, str], ...] = ()) -> Example:
    """A materialised unit of ``text``: ``spans`` are (surface, type), found left to right."""
    entities, at = [], 0
    for surface, etype in spans:
        start = text.index(surface, at)
        at = start + len(surface)
        entities.append({"start": start, "end": at, "type": etype})
    record = {"doc_id": "doc-1", "unit": [0, len(text)], "language": "id", "unit_sha256": unit_hash(text),
              "entities": entities,
              "relations": [{"subject": s, "object": o, "type": t, "status": "asserted", "attributed_to": None}
                            for s, o, t in relations],
              "negative": not relations}
    return next(materialise([parse_unit(record)], {"doc-1": text}))


def score(ex: Example, mode: str, entities: list[Entity], relations: tuple[Relation, ...] = ()) -> Any:
    doc = parse_doc(EV.gold_record(ex, mode))
    x = Extraction(Article("doc-1:0", ex.text, language="id"), tuple(entities), relations)
    return score_document(doc, x, derive_scheme([doc]))


PLN = "Perusahaan Listrik Nusa (PLN) gandeng Timur Kawat"
PLN_SPANS = [("Perusahaan Listrik Nusa", "Company"), ("PLN", "Company"), ("Timur Kawat", "Company")]


def test_a_short_form_in_brackets_after_a_name_of_its_type_is_an_alias_of_that_entity() -> None:
    ex = example(PLN, PLN_SPANS, ((1, 2, "partnership"),))
    gold = EV.gold_record(ex, "alias")
    assert gold["entities"] == [
        {"label": "Perusahaan Listrik Nusa", "type": "Company", "aliases": ["PLN"]},
        {"label": "Timur Kawat", "type": "Company", "aliases": []},
    ]
    # the relation named the acronym; it now names the one entity
    assert gold["relations"][0]["subject"] == "Perusahaan Listrik Nusa"
    old = EV.gold_record(ex, "separate")
    assert [e["label"] for e in old["entities"]] == ["Perusahaan Listrik Nusa", "PLN", "Timur Kawat"]
    assert old["relations"][0]["subject"] == "PLN"


def test_one_joined_prediction_is_one_true_positive_and_no_miss() -> None:
    ex = example(PLN, PLN_SPANS)
    joined = [Entity("pln", "Perusahaan Listrik Nusa", "Company", aliases=("PLN",)),
              Entity("tk", "Timur Kawat", "Company")]
    alias, separate = score(ex, "alias", joined), score(ex, "separate", joined)
    assert (alias.entities.tp, alias.entities.fp, alias.entities.fn) == (2, 0, 0)
    assert (separate.entities.tp, separate.entities.fp, separate.entities.fn) == (2, 0, 1)


@pytest.mark.parametrize("label", ["Perusahaan Listrik Nusa", "PLN"])
def test_either_name_alone_finds_the_entity_once(label: str) -> None:
    ex = example(PLN, PLN_SPANS)
    r = score(ex, "alias", [Entity("e", label, "Company"), Entity("tk", "Timur Kawat", "Company")])
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (2, 0, 0)


def test_the_short_form_emitted_as_a_second_entity_is_a_duplicate_not_a_second_hit() -> None:
    ex = example(PLN, PLN_SPANS)
    two = [Entity("full", "Perusahaan Listrik Nusa", "Company"), Entity("short", "PLN", "Company"),
           Entity("tk", "Timur Kawat", "Company")]
    alias = score(ex, "alias", two)
    assert (alias.entities.tp, alias.entities.fp, alias.entities.fn) == (2, 1, 0)
    assert alias.spurious_entities == ("PLN (Company): duplicate",)
    separate = score(ex, "separate", two)  # the old conversion counted both as found
    assert (separate.entities.tp, separate.entities.fp, separate.entities.fn) == (3, 0, 0)


def test_a_relation_naming_the_short_form_is_found_through_the_full_name() -> None:
    ex = example(PLN, PLN_SPANS, ((1, 2, "partnership"),))
    ents = [Entity("full", "Perusahaan Listrik Nusa", "Company"), Entity("tk", "Timur Kawat", "Company")]
    rel = (Relation("r", "partnership", "full", "tk", "asserted"),)
    assert score(ex, "alias", ents, rel).relations_with_status.tp == 1
    assert score(ex, "separate", ents, rel).relations_with_status.tp == 0


def test_the_same_link_named_by_both_surfaces_is_one_gold_link() -> None:
    text = "Perusahaan Listrik Nusa (PLN) gandeng Timur Kawat; PLN gandeng Timur Kawat"
    spans = [*PLN_SPANS, ("PLN", "Company"), ("Timur Kawat", "Company")]
    ex = example(text, spans, ((0, 2, "partnership"), (3, 4, "partnership")))
    assert len(EV.gold_record(ex, "alias")["relations"]) == 1
    assert len(EV.gold_record(ex, "separate")["relations"]) == 2


@pytest.mark.parametrize(("text", "spans", "relations"), [
    # another type in the brackets: two things
    ("Telkom Nusa (Flexa) naik", [("Telkom Nusa", "Company"), ("Flexa", "Product")], []),
    # a relation between the two says they are two things
    ("Emiten Grup Lipa (SILA) naik", [("Grup Lipa", "Company"), ("SILA", "Company")], [(1, 0, "subsidiary_of")]),
    # not right after the name, or more than the name in the brackets
    ("Bank Nusa, BNSA, naik", [("Bank Nusa", "Company"), ("BNSA", "Company")], []),
    ("Bank Nusa (saham BNSA) naik", [("Bank Nusa", "Company"), ("BNSA", "Company")], []),
])
def test_what_is_no_bracketed_alias(text: str, spans: list[tuple[str, str]],
                                    relations: list[tuple[int, int, str]]) -> None:
    ex = example(text, spans, tuple(relations))
    assert EV.bracket_aliases(ex) == {}
    assert len(EV.gold_record(ex, "alias")["entities"]) == 2


def test_a_second_name_after_atau_is_an_alias() -> None:
    text = "Pemprov melalui PT Jaya Propertia atau Jayapro , dan Grab atau Gojek naik"
    ex = example(text, [("PT Jaya Propertia", "Company"), ("Jayapro", "Company"), ("Grab", "Company"),
                        ("Gojek", "Product")])
    # another type after "atau" is another thing
    assert EV.bracket_aliases(ex) == {"Jayapro": "PT Jaya Propertia"}


def test_surfaces_join_across_the_unit_and_a_join_never_makes_a_self_link() -> None:
    # "BNSA" is the ticker of Bank Nusa; later "Nusa Group (BNSA)" would join the owner too, but the
    # subsidiary link between Bank Nusa and Nusa Group keeps them apart.
    text = "Bank Nusa (BNSA) anak usaha Nusa Group (BNSA)"
    spans = [("Bank Nusa", "Company"), ("BNSA", "Company"), ("Nusa Group", "Company"), ("BNSA", "Company")]
    ex = example(text, spans, ((0, 2, "subsidiary_of"),))
    assert EV.bracket_aliases(ex) == {"BNSA": "Bank Nusa"}
    gold = EV.gold_record(ex, "alias")
    assert [(e["label"], e["aliases"]) for e in gold["entities"]] == [("Bank Nusa", ["BNSA"]), ("Nusa Group", [])]


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown acronyms mode"):
        EV.gold_record(example(PLN, PLN_SPANS), "merge")


# --context article: the whole article is read once, each unit scored on its own span.
ARTICLE = "Harbor Robotics Inc said it agreed to buy Delta Sensors. The company said Harbor will pay cash."


def article_reading(article: Article) -> Extraction:
    """A fixed reading of ARTICLE: Harbor's full name, its short name later, and a description."""
    t = article.text
    harbor = Entity("harbor", "Harbor Robotics Inc", "Company", ("Harbor",),
                    mentions=(Span(0, 19, t[0:19]), Span(57, 68, t[57:68]), Span(74, 80, t[74:80])))
    delta = Entity("delta", "Delta Sensors", "Company", mentions=(Span(42, 55, t[42:55]),))
    buy = Relation("r1", "acquisition", "harbor", "delta", "planned", attributed_to="harbor",
                   evidence=(Evidence(0, 56, t[0:56]),))
    pays = Relation("r2", "acquisition", "harbor", "delta", "asserted", evidence=(Evidence(57, 96, t[57:96]),))
    return Extraction(article, (harbor, delta), (buy, pays))


def test_a_unit_gets_the_entities_named_in_it_with_the_articles_label_and_type() -> None:


    assert ARTICLE[57:68] == "The company" and ARTICLE[74:80] == "Harbor"
    x = article_reading(Article("a", ARTICLE))
    second = in_unit(x, 57, 96, doc_id="a:57")
    assert second.article.text == ARTICLE[57:96] and second.article.id == "a:57"
    (harbor,) = second.entities  # "The company" is a description, not a name: only "Harbor" is written
    assert (harbor.label, harbor.type, [(m.start, m.end, m.text) for m in harbor.mentions]) == (
        "Harbor Robotics Inc", "Company", [(17, 23, "Harbor")])
    # the second acquisition was read here, but Delta is not named in this sentence
    assert second.relations == ()
    first = in_unit(x, 0, 56, doc_id="a:0")
    assert [e.id for e in first.entities] == ["harbor", "delta"]
    assert [(r.id, r.attributed_to) for r in first.relations] == [("r1", "harbor")]


def test_article_context_reads_each_article_once_and_scores_units_by_their_span() -> None:
    calls: list[str] = []

    def reader(article: Article) -> Extraction:
        calls.append(article.id)
        assert article.text == ARTICLE
        return article_reading(article)

    unit = EV.article_extractor(reader, {"a": ARTICLE})
    first = unit(Article("a:0", ARTICLE[0:56], language="en"))
    second = unit(Article("a:57", ARTICLE[57:96], language="en"))
    assert calls == ["a"]
    assert [e.label for e in first.entities] == ["Harbor Robotics Inc", "Delta Sensors"]
    assert [e.label for e in second.entities] == ["Harbor Robotics Inc"]
    # scored as a unit: the gold "Harbor" (Company) is found through the article's alias
    ex = example(ARTICLE[57:96], [("Harbor", "Company")])
    doc = parse_doc(EV.gold_record(ex, "alias"))
    assert score_document(doc, second, derive_scheme([doc])).entities.tp == 1
    with pytest.raises(ValueError, match="not the text of its article"):
        unit(Article("a:1", ARTICLE[0:56], language="en"))
