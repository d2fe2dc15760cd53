"""The graph kg builds conforms to its own SHACL shapes (ontology/shapes.ttl).

The bundled examples are real-looking articles run through the default engine, so
this catches what the hand-made sample graphs cannot: a relation that joined two
mentions of fitting types in one article but whose entity took another type once
all articles were resolved (a company "working for" a company).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.exporters import rdf as exporter
from kg.model import Article, Entity, Extraction, Relation
from kg.resolve import resolve
from kg.resources import ontology_file
from tests.conftest import ROOT


def _shacl(graph) -> tuple[bool, str]:
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    g = rdflib.Graph().parse(data=b"".join(exporter.generate_turtle(graph)), format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return bool(conforms), str(text)


def _one(rtype: str, s: Entity, o: Entity, article: str = "a", status: str = "asserted") -> Extraction:
    from kg.model import Evidence
    from kg.schema import link_id

    ev = (Evidence(0, 5, "text."),)
    rel = Relation(link_id(rtype, s.id, o.id), rtype, s.id, o.id, status, evidence=ev)
    return Extraction(Article(article, "text."), (s, o), (rel,))


def test_bundled_examples_conform_to_the_shapes():
    from kg.build import extract_all

    xs = [x for x in extract_all([ROOT / "examples"]) if isinstance(x, Extraction)]
    assert len(xs) >= 10
    graph = resolve(xs)
    assert graph.links
    conforms, report = _shacl(graph)
    assert conforms, report


@pytest.mark.parametrize("rtype", ["partnership", "investment", "supply", "legal_dispute"])
def test_a_country_may_be_a_party_of_deals_and_disputes(rtype):
    state = Entity("indonesia", "Indonesia", "Country")
    firm = Entity("nusa-baterai", "Nusa Baterai", "Company")
    graph = resolve([_one(rtype, state, firm)])
    assert [link.type for link in graph.links] == [rtype]
    conforms, report = _shacl(graph)
    assert conforms, report


def test_a_country_acquiring_a_company_violates_the_shapes():
    # The resolver keeps the schema (countries never acquire) ...
    state = Entity("indonesia", "Indonesia", "Country")
    firm = Entity("nusa-baterai", "Nusa Baterai", "Company")
    assert resolve([_one("acquisition", state, firm)]).links == ()
    # ... and the shapes say so for a graph that did not.
    other = Entity("bumi-energi", "Bumi Energi", "Company")
    graph = resolve([_one("acquisition", other, firm)])
    as_country = tuple(replace(n, type="Country") if n.id == "bumi-energi" else n for n in graph.entities)
    conforms, report = _shacl(replace(graph, entities=as_country))
    assert not conforms and "kg:Organization" in report


def test_relations_are_rechecked_against_the_resolved_types():
    """One article types "Aruna Capital" a Person working for a company; two others type it a
    Company. The graph's Aruna Capital is a Company, and the works_for claim goes."""
    person_view = Entity("aruna-capital", "Aruna Capital", "Person")
    company_view = Entity("aruna-capital", "Aruna Capital", "Company")
    other = Entity("kencana-ventura", "Kencana Ventura", "Company")
    xs = [
        _one("works_for", person_view, other, "a"),
        _one("partnership", company_view, other, "b"),
        _one("partnership", company_view, other, "c"),
    ]
    graph = resolve(xs)
    assert {n.id: n.type for n in graph.entities}["aruna-capital"] == "Company"
    assert [link.type for link in graph.links] == ["partnership"]
    conforms, report = _shacl(graph)
    assert conforms, report
