"""kg.rdf: the mapping from a KnowledgeGraph to RDF (quads, named graphs, escaping)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, NamedTuple

import pyoxigraph as ox
import pytest

from kg import ids
from kg.errors import ChoiceError
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Evidence, Extraction
from kg.rdf import PREFIXES, evidence_iri, quads, statements_by_graph, to_rdflib, triple_parts
from kg.schema import RELATION_TYPES, SPEAKER_PROPERTY, link_id

KG = ids.ONTOLOGY
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"

# Everything a literal may hold: quotes, backslashes, every kind of line break,
# NUL and other controls, bidi marks, a BOM, astral characters, markup and text
# that would end a statement early if it were not escaped.
HOSTILE = (
    'He said "no" \\ not \\"yes\\"\n\r\n\r\t\x00\x07\x1b\x7f \u202eRTL\u202c \u200f \u2028\u2029 \ufeff'
    ' \uffff 🚀 <script>alert(1)</script> ]]> &amp; --> .\n<http://x> <http://y> "z" .'
)


def hostile_graph(hostile: str = HOSTILE) -> KnowledgeGraph:
    """A one-article graph whose every text field is ``hostile``."""
    aid = "my folder/a b#1?x=%20"
    sentence = f"Acme {hostile} Beta."
    text = f"{hostile}\n\n{sentence}"
    start = text.index(sentence)
    ev = Evidence(start, start + len(sentence), sentence)
    article = Article(
        aid,
        text,
        title=hostile,
        source=hostile,
        url="https://example.org/a b",
        published=hostile,
        language="id",
    )
    entities = (
        Node("acme", hostile, "Company", (hostile, "Acme"), "Q1 bad", (aid,)),
        Node("beta", "Beta", "Company", (), "Q42", (aid,)),
    )
    lid = link_id("partnership", "acme", "beta")
    links = (Link(lid, "partnership", "acme", "beta", (Claim(aid, "asserted", "beta", None, 1 / 3, (ev,)),)),)
    return KnowledgeGraph((Extraction(article),), entities, links)


def with_asserted_partnership(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The sample graph plus one asserted partnership (Indika and United Tractors)."""
    aid = "en/bukit-asam"
    text = graph.article(aid).text
    sentence = "United Tractors plans to supply trucks to Bukit Asam."
    start = text.index(sentence)
    claim = Claim(
        aid, "asserted", None, "coal-mining", 0.8, (Evidence(start, start + len(sentence), sentence),)
    )
    lid = link_id("partnership", "united-tractors", "indika")
    link = Link(lid, "partnership", "indika", "united-tractors", (claim,))
    return dataclasses.replace(graph, links=tuple(sorted((*graph.links, link), key=lambda x: x.id)))


def asserted_twice(graph: KnowledgeGraph) -> KnowledgeGraph:
    """:func:`with_asserted_partnership` plus a second article asserting the same partnership,
    with the same speaker: two claims, but the shortcut and the stance are the same triples."""
    g = with_asserted_partnership(graph)
    other = Article("en/other", "Indika and United Tractors are partners.", published="2025-07-01")
    claim = Claim("en/other", "asserted", "indika", None, 0.7, (Evidence(0, 40, other.text),))
    links = tuple(
        dataclasses.replace(link, claims=(*link.claims, claim))
        if link.id == "partnership/indika--united-tractors"
        else link
        for link in g.links
    )
    return dataclasses.replace(g, extractions=(*g.extractions, Extraction(other)), links=links)


class Row(NamedTuple):
    """A quad as plain strings: ``datatype`` is None for IRIs, ``g`` for the default graph."""

    s: str
    p: str
    o: str
    datatype: str | None
    g: str | None


def rows(qs: Iterable[Any]) -> list[Row]:
    out = []
    for q in qs:
        dt = q.object.datatype.value if isinstance(q.object, ox.Literal) else None
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.append(Row(q.subject.value, q.predicate.value, q.object.value, dt, g))
    return out


def _named(rs: list[Row], graph: str | None) -> list[Row]:
    return [r for r in rs if r.g == graph]


def _objects(rs: list[Row], s: str, p: str) -> list[str]:
    return [r.o for r in rs if r.s == s and r.p == p]


def test_quads_are_deterministic_and_ordered(graph):
    assert quads(graph) == quads(graph)
    qs = rows(quads(graph))
    names = [r.g for r in qs]
    # the default graph first, then each named graph in one run, by IRI
    runs = [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]
    assert runs[0] is None
    named = [n for n in runs[1:] if n is not None]
    articles = sorted(a.id for a in graph.articles)
    assert named == sorted(set(named)) == [ids.graph_iri(a) for a in articles]
    assert len(named) == len(runs) - 1
    for g, statements in statements_by_graph(graph):
        assert statements == sorted(set(statements))
        assert len(_named(qs, g)) == len(statements)


def test_entities_and_provenance_are_in_the_default_graph(graph):
    default = _named(rows(quads(graph)), None)
    xiaomi = ids.entity_iri("xiaomi")
    assert _objects(default, xiaomi, RDF_TYPE) == [KG + "Company"]
    assert _objects(default, xiaomi, LABEL) == ["Xiaomi"]
    assert _objects(default, xiaomi, "http://www.w3.org/2002/07/owl#sameAs") == [
        "http://www.wikidata.org/entity/Q1636958"
    ]
    assert sorted(_objects(default, ids.entity_iri("electric-vehicles"), PREFIXES["skos"] + "altLabel")) == [
        "EV",
        "kendaraan listrik",
    ]
    art = ids.article_iri("id/xiaomi-ford")
    assert _objects(default, art, RDF_TYPE) == [KG + "Article"]
    assert _objects(default, art, "https://schema.org/datePublished") == ["2026-02-03"]
    assert _objects(default, art, "https://schema.org/url") == ["https://example.org/xiaomi"]
    assert xiaomi in _objects(default, art, "https://schema.org/mentions")
    # no claim, evidence or speaker edge leaks into the default graph
    assert not [r for r in default if r.o in (KG + "Claim", KG + "Evidence")]
    assert not [r for r in default if r.p in {KG + p for p in SPEAKER_PROPERTY.values()}]


@pytest.mark.parametrize("link_index", range(13))
def test_every_link_maps_to_its_claims(graph, link_index):
    link = graph.links[link_index]
    rt = RELATION_TYPES[link.type]
    qs = rows(quads(graph))
    default = _named(qs, None)
    node = ids.link_iri(link.id)
    if rt.node_class:
        assert _objects(default, node, RDF_TYPE) == [KG + rt.node_class]
        assert sorted(
            _objects(default, node, KG + rt.roles[0]) + _objects(default, node, KG + rt.roles[1])
        ) == sorted(
            [ids.entity_iri(link.subject), ids.entity_iri(link.object)] * (1 + (rt.roles[0] == rt.roles[1]))
        )
        assert _objects(default, node, KG + "sector") == [ids.entity_iri(s) for s in link.sectors]
    else:
        assert not [r for r in qs if r.s == node]
    for c in link.claims:
        named = _named(qs, ids.graph_iri(c.article))
        claim = ids.claim_iri(c.article, link.id)
        assert _objects(named, claim, RDF_TYPE) == [KG + "Claim"]
        assert _objects(named, claim, KG + "status") == [KG + c.status]
        assert _objects(named, claim, "http://www.w3.org/ns/prov#wasDerivedFrom") == [
            ids.article_iri(c.article)
        ]
        assert _objects(named, claim, KG + "confidence") == ["0.9"]
        if rt.node_class:
            assert _objects(named, claim, KG + "about") == [node]
        else:
            assert _objects(named, claim, KG + "claimPredicate") == [KG + rt.predicate]
            assert _objects(named, claim, KG + "claimSubject") == [ids.entity_iri(link.subject)]
            assert _objects(named, claim, KG + "claimObject") == [ids.entity_iri(link.object)]
        text = graph.article(c.article).text
        for ev in c.evidence:
            e = evidence_iri(c.article, ev.start, ev.end)
            assert e in _objects(named, claim, KG + "evidence")
            start, end = (int(_objects(named, e, OA + p)[0]) for p in ("start", "end"))
            assert _objects(named, e, OA + "exact") == [text[start:end]] == [ev.text]
        shortcut = [r for r in named if r.p == KG + rt.predicate]
        assert len(shortcut) == (c.status == "asserted")
        if c.attributed_to:
            speaker = ids.entity_iri(c.attributed_to)
            stance = KG + SPEAKER_PROPERTY[c.status]
            assert _objects(named, speaker, stance) == [node if rt.node_class else claim]


def test_a_denied_or_ended_partnership_is_not_a_link(graph):
    qs = rows(quads(graph))
    assert not [r for r in qs if r.p == KG + "partnerOf"]
    named = _named(qs, ids.graph_iri("id/xiaomi-ford"))
    assert _objects(named, ids.entity_iri("xiaomi"), KG + "denies") == [
        ids.link_iri("partnership/ford-motor-company--xiaomi")
    ]


def _select(store: ox.Store, query: str) -> list[Any]:
    """Solutions of a SELECT over the union of all graphs."""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    return list(solutions)


def test_sparql_finds_only_asserted_partnerships(graph):
    query = """
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?a ?b WHERE { ?a kg:partnerOf ?b } ORDER BY ?a ?b
    """
    by_claim = """
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?p WHERE { ?p a kg:Partnership . ?c kg:about ?p ; kg:status kg:asserted }
    """
    for g, expected in ((graph, []), (with_asserted_partnership(graph), [("indika", "united-tractors")])):
        store = ox.Store()
        store.extend(quads(g))
        pairs = [(r["a"].value, r["b"].value) for r in _select(store, query)]
        assert pairs == [(ids.entity_iri(a), ids.entity_iri(b)) for a, b in expected]
        found = [r["p"].value for r in _select(store, by_claim)]
        assert found == [ids.link_iri(link_id("partnership", a, b)) for a, b in expected]
        # the denied and the ended partnership are still there, as claims
        all_partnerships = _select(
            store,
            "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?s WHERE { ?c kg:about ?p ; kg:status ?s . "
            "?p a kg:Partnership }",
        )
        assert sorted(r["s"].value for r in all_partnerships) == sorted(
            [KG + "denied", KG + "ended"] + [KG + "asserted"] * len(expected)
        )


def test_hostile_text_round_trips_exactly():
    g = hostile_graph()
    qs = rows(quads(g))
    art = ids.article_iri("my folder/a b#1?x=%20")
    assert " " not in art and "#" not in art
    default = _named(qs, None)
    acme = ids.entity_iri("acme")
    assert _objects(default, acme, LABEL) == [HOSTILE]
    assert sorted(_objects(default, acme, PREFIXES["skos"] + "altLabel")) == sorted([HOSTILE, "Acme"])
    assert _objects(default, art, "https://schema.org/headline") == [HOSTILE]
    assert _objects(default, art, "https://schema.org/publisher") == [HOSTILE]
    # a date that does not parse is kept, as text, under dcterms:date
    assert _objects(default, art, "https://schema.org/datePublished") == []
    assert _objects(default, art, "http://purl.org/dc/terms/date") == [HOSTILE]
    # a URL that is no IRI becomes an xsd:anyURI literal; a bad Q-id is dropped
    url = [(r.o, r.datatype) for r in default if r.s == art and r.p == "https://schema.org/url"]
    assert url == [("https://example.org/a b", "http://www.w3.org/2001/XMLSchema#anyURI")]
    assert _objects(default, acme, "http://www.w3.org/2002/07/owl#sameAs") == []
    ev = g.links[0].claims[0].evidence[0]
    named = _named(qs, ids.graph_iri("my folder/a b#1?x=%20"))
    exact = _objects(named, evidence_iri("my folder/a b#1?x=%20", ev.start, ev.end), OA + "exact")
    assert exact == [g.extractions[0].article.text[ev.start : ev.end]]
    assert _objects(named, ids.claim_iri("my folder/a b#1?x=%20", g.links[0].id), KG + "confidence") == [
        "0.333"
    ]


def test_script_in_the_sample_round_trips(graph):
    sentences = [r.o for r in rows(quads(graph)) if r.p == OA + "exact"]
    assert (
        'PT Bukit Asam Tbk said it completed the acquisition of "Adaro" <script>alert(1)</script>.'
        in sentences
    )
    titles = [r.o for r in rows(quads(graph)) if r.p == "https://schema.org/headline"]
    assert "Bukit Asam to buy stake in Adaro <b>now</b>" in titles


def test_triple_parts_deduplicate_across_graphs(graph):
    g = asserted_twice(graph)
    parts = statements_by_graph(g)
    shortcut = f"<{ids.entity_iri('indika')}> <{KG}partnerOf> <{ids.entity_iri('united-tractors')}>"
    assert sum(statements.count(shortcut) for _, statements in parts) == 2
    triples = list(triple_parts(parts))
    merged = [s for part in triples for s in part]
    assert merged.count(shortcut) == 1
    assert all(part == sorted(set(part)) for part in triples)
    assert len(merged) == len(set(merged)) == len({s for _, statements in parts for s in statements})


def test_to_rdflib_has_the_same_quads(graph):
    import rdflib

    ds = to_rdflib(graph)
    qs = quads(graph)
    assert sum(1 for _ in ds.quads()) == len(qs)
    assert sum(1 for _ in graph.to_rdflib().quads()) == len(qs)  # the KnowledgeGraph method
    assert len(list(ds.graphs())) >= 3  # default graph + one per article
    converted = set()
    for s, p, o, g in ds.quads():
        graph_name = None if g == rdflib.Dataset().default_graph.identifier else str(g)
        converted.add((str(s), str(p), str(o), graph_name))
    expected = {(r.s, r.p, r.o, r.g) for r in rows(qs)}
    assert converted == expected
    assert ds.namespace_manager.store.namespace("kg") == rdflib.URIRef(KG)


def test_to_rdflib_keeps_hostile_literals():
    import rdflib

    ds = to_rdflib(hostile_graph())
    labels = {
        str(o)
        for _, _, o, _ in ds.quads((rdflib.URIRef(ids.entity_iri("acme")), rdflib.RDFS.label, None, None))
    }
    assert labels == {HOSTILE}


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (lambda g: dataclasses.replace(g, entities=(Node("x", "X", "Galaxy"),)), "entity type 'Galaxy'"),
        (
            lambda g: dataclasses.replace(
                g, links=(Link("m/a--b", "merger", "a", "b", (Claim("a", "asserted"),)),)
            ),
            "relation type 'merger'",
        ),
        (
            lambda g: dataclasses.replace(
                g, links=(dataclasses.replace(g.links[0], claims=(Claim("a", "maybe"),)),)
            ),
            "status 'maybe'",
        ),
    ],
)
def test_values_outside_the_schema_are_refused(graph, change, what):
    with pytest.raises(ChoiceError, match=what):
        statements_by_graph(change(graph))


def test_empty_graph():
    assert quads(KnowledgeGraph()) == []
