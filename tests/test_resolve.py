from __future__ import annotations

from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.resolve import resolve
from kg.schema import link_id


def _x(aid: str, ents: list[Entity], rels: list[Relation] = ()) -> Extraction:  # type: ignore[assignment]
    return Extraction(Article(aid, "text", published="2026-01-01"), tuple(ents), tuple(rels))


def test_same_entity_across_articles_is_one_node() -> None:
    a = _x("a", [Entity("bukit-asam", "PT Bukit Asam Tbk", "Company")])
    b = _x("b", [Entity("bukit-asam", "Bukit Asam", "Company", ("PTBA",))])
    g = resolve([a, b])
    assert [n.id for n in g.entities] == ["bukit-asam"]
    assert g.entities[0].articles == ("a", "b")


def test_alias_defined_in_one_article_merges_a_bare_acronym_elsewhere() -> None:
    a = _x("a", [Entity("bank-rakyat-indonesia", "Bank Rakyat Indonesia", "Company", ("BRI",))])
    b = _x("b", [Entity("bri", "BRI", "Company")])
    g = resolve([a, b])
    assert [n.id for n in g.entities] == ["bank-rakyat-indonesia"]
    assert g.extractions[1].entities[0].id == "bank-rakyat-indonesia"


def test_same_wikidata_id_merges_and_its_id_wins() -> None:
    a = _x("a", [Entity("tiongkok", "Tiongkok", "Country")])
    b = _x("b", [Entity("china", "China", "Country", (), "Q148"), Entity("tiongkok", "Tiongkok", "Country")])
    g = resolve([a, b])
    assert [n.id for n in g.entities] == ["china"]


def test_one_link_with_one_claim_per_article_and_the_denial_wins() -> None:
    ents = [Entity("ford", "Ford", "Company"), Entity("xiaomi", "Xiaomi", "Company")]
    ev = (Evidence(0, 4, "text"),)
    lid = link_id("partnership", "xiaomi", "ford")
    a = _x("a", ents, [Relation(lid, "partnership", "ford", "xiaomi", "rumored", evidence=ev)])
    b = _x("b", ents, [Relation(lid, "partnership", "xiaomi", "ford", "denied", "xiaomi", evidence=ev)])
    g = resolve([b, a])
    (link,) = g.links
    assert [c.article for c in link.claims] == ["a", "b"]
    assert [c.status for c in link.claims] == ["rumored", "denied"]
    assert link.status == "denied"


def test_input_order_does_not_matter() -> None:
    a = _x("a", [Entity("x", "X", "Company"), Entity("y", "Y", "Company")])
    b = _x("b", [Entity("y", "Y Corp", "Company"), Entity("z", "Z", "Person")])
    assert resolve([a, b]) == resolve([b, a])
