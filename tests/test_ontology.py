"""ontology/kg.ttl and shapes.ttl agree with kg/schema.py, the one source of the vocabularies."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

import kg
import kg.resolve
from kg.rdf import quads
from kg.resources import ontology_file
from kg.schema import ENTITY_TYPES, ORG_TYPES, PLACE_TYPES, RELATION_TYPES, SPEAKER_PROPERTY, STATUSES
from tests.test_rdf import rows

KG = rdflib.Namespace("https://w3id.org/kg/ontology#")
ONTOLOGY = rdflib.URIRef("https://w3id.org/kg/ontology")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def _classes(onto: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    """A class or an owl:unionOf of classes, as a set."""
    union = onto.value(node, OWL.unionOf)
    return set(Collection(onto, union)) if union is not None else {node}


def _most_general(types: frozenset[str]) -> set[rdflib.term.Node]:
    """kg.schema's type sets as the kg classes that cover them (Company is an Organization;
    Country is a Place, but a set with countries and no other places names kg:Country)."""
    out: set[rdflib.term.Node] = set()
    for t in types:
        if t in ORG_TYPES:
            out.add(KG.Organization)
        elif t in PLACE_TYPES:
            out.add(KG.Place if types >= PLACE_TYPES else KG[t])
        else:
            out.add(KG[t])
    return out


def _superproperties(onto: rdflib.Graph, prop: rdflib.URIRef) -> set[rdflib.term.Node]:
    return {o for o in onto.transitive_objects(prop, RDFS.subPropertyOf) if o is not None}


def test_files_parse_in_two_parsers(onto, shapes):
    import pyoxigraph

    for name in ("kg.ttl", "shapes.ttl"):
        n = sum(
            1 for _ in pyoxigraph.parse(ontology_file(name).read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
        )
        assert n == len(onto if name == "kg.ttl" else shapes) > 100


@pytest.mark.skipif(shutil.which("rapper") is None, reason="Debian's raptor2-utils (rapper) is not installed")
def test_rapper_accepts_the_ontology():
    for name in ("kg.ttl", "shapes.ttl"):
        done = subprocess.run(
            ["rapper", "-c", "-i", "turtle", str(ontology_file(name))], capture_output=True, timeout=60
        )
        assert done.returncode == 0, done.stderr.decode()


def test_header(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(ONTOLOGY, OWL.versionInfo)) == kg.__version__
    assert onto.value(ONTOLOGY, DCTERMS.license) == rdflib.URIRef("https://spdx.org/licenses/MIT")
    assert onto.value(ONTOLOGY, DCTERMS.title) is not None
    assert onto.value(ONTOLOGY, DCTERMS.description) is not None


@pytest.mark.parametrize("name", ENTITY_TYPES)
def test_entity_type_is_a_class(onto, name):
    cls = KG[name]
    assert (cls, RDF.type, OWL.Class) in onto
    assert onto.value(cls, RDFS.label) is not None
    # every entity class falls under kg:Entity, through its superclasses
    supers = set(onto.transitive_objects(cls, RDFS.subClassOf))
    assert supers & _classes(onto, KG.Entity)


@pytest.mark.parametrize("name", sorted(RELATION_TYPES))
def test_relation_type_terms(onto, name):
    rt = RELATION_TYPES[name]
    prop = KG[rt.predicate]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert ((prop, RDF.type, OWL.SymmetricProperty) in onto) == rt.symmetric
    assert _classes(onto, onto.value(prop, RDFS.domain)) == _most_general(rt.subject_types)
    assert _classes(onto, onto.value(prop, RDFS.range)) == _most_general(rt.object_types)
    if rt.node_class is None:
        assert not list(onto.subjects(KG.shortcut, prop))
        return
    cls = KG[rt.node_class]
    assert (cls, RDFS.subClassOf, KG.Relationship) in onto
    assert onto.value(cls, KG.shortcut) == prop
    assert (onto.value(cls, KG.subjectRole), onto.value(cls, KG.objectRole)) == (
        KG[rt.roles[0]],
        KG[rt.roles[1]],
    )
    for role in rt.roles:
        assert (KG[role], RDF.type, OWL.ObjectProperty) in onto
        assert KG.party in _superproperties(onto, KG[role])


def test_relationship_classes_are_exactly_the_node_classes(onto):
    declared = set(onto.subjects(RDFS.subClassOf, KG.Relationship))
    assert declared == {KG[rt.node_class] for rt in RELATION_TYPES.values() if rt.node_class}


@pytest.mark.parametrize("status", STATUSES)
def test_status_and_speaker_property(onto, status):
    assert (KG[status], RDF.type, KG.Status) in onto
    assert KG[status] in set(Collection(onto, onto.value(KG.Status, OWL.oneOf)))
    speaker = KG[SPEAKER_PROPERTY[status]]
    assert onto.value(KG[status], KG.speakerProperty) == speaker
    assert (speaker, RDF.type, OWL.ObjectProperty) in onto
    assert KG.stated in _superproperties(onto, speaker)


def test_statuses_are_closed(onto):
    assert set(Collection(onto, onto.value(KG.Status, OWL.oneOf))) == {KG[s] for s in STATUSES}
    assert set(onto.subjects(RDF.type, KG.Status)) == {KG[s] for s in STATUSES}


def test_alignments(onto):
    schema = rdflib.Namespace("https://schema.org/")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    wd = rdflib.Namespace("http://www.wikidata.org/entity/")
    skos_close = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#closeMatch")
    assert (KG.Article, RDFS.subClassOf, schema.NewsArticle) in onto
    assert (KG.Article, RDFS.subClassOf, prov.Entity) in onto
    assert (KG.Person, RDFS.subClassOf, schema.Person) in onto
    assert (KG.Country, skos_close, wd.Q6256) in onto
    assert (KG.Company, skos_close, wd.Q4830453) in onto
    assert (KG.attributedTo, RDFS.subPropertyOf, prov.wasAttributedTo) in onto
    assert (KG.worksFor, RDFS.subPropertyOf, schema.worksFor) in onto


def _kg_terms(triples) -> set[rdflib.URIRef]:
    out = set()
    for t in triples:
        for term in t:
            if isinstance(term, rdflib.URIRef) and str(term).startswith(str(KG)):
                out.add(term)
    return out


def _defined(onto: rdflib.Graph) -> set[rdflib.term.Node]:
    return set(onto.subjects(RDF.type, None))


def test_every_kg_term_an_export_uses_is_defined(onto, graph):
    used = set()
    for r in rows(quads(graph)):
        for iri in (r.p, r.o if r.datatype is None else ""):
            if iri.startswith(str(KG)):
                used.add(rdflib.URIRef(iri))
    assert used
    assert used <= _defined(onto), sorted(used - _defined(onto))


def test_every_kg_term_the_shapes_use_is_defined(onto, shapes):
    used = _kg_terms(shapes)
    assert KG.Claim in used
    assert used <= _defined(onto), sorted(used - _defined(onto))


def test_every_kg_term_the_ontology_mentions_is_defined(onto):
    used = _kg_terms(onto)
    assert used <= _defined(onto), sorted(used - _defined(onto))


def test_shapes_cover_every_relationship_class_and_predicate(shapes):
    targeted = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.targetSubjectsOf))
    for rt in RELATION_TYPES.values():
        assert KG[rt.predicate] in targeted, rt.predicate
        if rt.node_class:
            assert KG[rt.node_class] in targeted, rt.node_class
    for name in ENTITY_TYPES:
        assert KG[name] in targeted


def test_history_terms(onto, shapes):
    # The latest word counts (kg.graph.Link.status): a relationship's current status, the claims that
    # changed it, and whether its story turned round.
    assert (KG.currentStatus, RDF.type, OWL.FunctionalProperty) in onto
    assert onto.value(KG.currentStatus, RDFS.domain) == KG.Relationship
    assert onto.value(KG.currentStatus, RDFS.range) == KG.Status
    assert (onto.value(KG.supersedes, RDFS.domain), onto.value(KG.supersedes, RDFS.range)) == (KG.Claim, KG.Claim)
    assert onto.value(KG.supersedes, RDFS.subPropertyOf) == rdflib.URIRef("http://www.w3.org/ns/prov#wasRevisionOf")
    assert (KG.reversal, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(KG.reversal, RDFS.range) == rdflib.XSD.boolean
    paths = set(shapes.objects(None, SH.path))
    assert {KG.currentStatus, KG.supersedes, KG.reversal} <= paths


def test_every_kg_term_a_story_uses_is_defined(onto):
    from tests.test_history import story

    used = {rdflib.URIRef(r.p) for r in rows(quads(kg.resolve.resolve(story()))) if r.p.startswith(str(KG))}
    assert {KG.currentStatus, KG.supersedes, KG.reversal} <= used
    assert used <= _defined(onto), sorted(used - _defined(onto))
