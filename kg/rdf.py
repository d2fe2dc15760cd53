"""The one mapping from a :class:`~kg.graph.KnowledgeGraph` to RDF.

Every RDF output of kg (the six formats of :mod:`kg.exporters.rdf`, the rdflib
view :meth:`KnowledgeGraph.to_rdflib <kg.graph.KnowledgeGraph.to_rdflib>`, SPARQL
stores) is built from :func:`statements_by_graph`, so they all say the same.
Terms are those of ``ontology/kg.ttl`` (prefix ``kg:``); ``ontology/shapes.ttl``
says what a valid result looks like.

Mapping
-------
Default graph (what kg knows about things, and where articles come from):

* entity ``<entity/ID>``: ``a kg:<Type>``; ``rdfs:label``; ``skos:altLabel`` per
  alias; ``owl:sameAs <http://www.wikidata.org/entity/Qnn>`` when linked
  (``owl:sameAs`` rather than ``schema:sameAs``: a Wikidata entity IRI denotes
  the thing itself, not a page about it, and the gazetteer's Q-ids are curated).
* article ``<article/ID>``: ``a kg:Article``; ``schema:headline``;
  ``schema:datePublished`` (``xsd:date``; a date that does not parse is kept as a
  plain ``dcterms:date``); ``schema:publisher`` (the source name, as text, which
  schema.org allows); ``schema:url`` (an IRI, or an ``xsd:anyURI`` literal when the
  URL is not a valid IRI); ``schema:inLanguage``; ``schema:mentions`` per entity.
* relationship node ``<relation/TYPE/S--O>`` for the n-ary relation types
  (Partnership, Acquisition, Investment, SupplyDeal, LegalDispute): ``a
  kg:<Class>``; its two role properties (``kg:acquirer``/``kg:target``, ...,
  ``kg:party`` twice for symmetric ones) to the parties; ``kg:sector`` per sector
  any article names.

Named graph ``<graph/ARTICLE>``, one per article (what that article says):

* claim ``<claim/ARTICLE/LINK>``: ``a kg:Claim``; ``kg:status kg:<status>``;
  ``kg:about`` the relationship node, or for the binary types
  ``kg:claimSubject``/``kg:claimPredicate``/``kg:claimObject``;
  ``kg:attributedTo`` the speaker; ``kg:sector``; ``kg:confidence``
  (``xsd:decimal``, at most 3 decimals); ``kg:evidence`` per sentence;
  ``prov:wasDerivedFrom`` the article.
* evidence ``<article/ID#char=START,END>`` (offset IRIs as in NIF/RFC 5147):
  ``a kg:Evidence``; ``oa:start``/``oa:end`` (``xsd:nonNegativeInteger``, code
  points into the article text, as the Web Annotation model counts them);
  ``oa:exact`` the sentence.
* the speaker's stance: ``<speaker> kg:denies <relationship node>`` (``asserts``,
  ``rumors``, ``plans``, ``ends``; towards the claim for binary types).
* the shortcut ``<subject> kg:<predicate> <object>`` only for *asserted* claims:
  a denied or rumoured link is not a link. Symmetric relations are stated once,
  in the order of their link id (``kg.ttl`` declares them ``owl:SymmetricProperty``;
  in SPARQL match both directions with ``kg:partnerOf|^kg:partnerOf``).

Order: the default graph, then named graphs by IRI; inside a graph, statements
sorted by their N-Triples text (so the same graph always gives the same bytes,
and a subject's statements are adjacent). Triple formats hold the same parts in
the same order, each statement once (:func:`triple_parts`).

Building RDF term objects one by one from Python costs pyoxigraph several
microseconds each; its N-Quads parser builds them much faster. So the mapping
writes N-Triples statements as text (with every literal escaped) and lets
pyoxigraph parse them, which also validates every IRI.

>>> from tests.sample import sample_graph
>>> qs = quads(sample_graph())
>>> len(qs) > 200, str(qs[0].graph_name)
(True, 'DEFAULT')
>>> sum(1 for q in qs if q.predicate.value.endswith("#partnerOf"))  # both partnerships are not asserted
0
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg import ids
from kg.errors import ChoiceError
from kg.rdf_terms import (
    DCTERMS,
    OA,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WIKIDATA,
    XSD,
    date_term,
    decimal_term,
    literal,
    typed,
    url_term,
)
from kg.schema import ENTITY_TYPES, RELATION_TYPES, SPEAKER_PROPERTY, STATUSES

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

    from kg.graph import Claim, KnowledgeGraph, Link

__all__ = [
    "PREFIXES",
    "evidence_iri",
    "iter_statements_by_graph",
    "nquads",
    "quads",
    "statements_by_graph",
    "to_rdflib",
    "triple_parts",
]

_ENTITY = f"<{ids.RESOURCE}entity/"  # how a statement about an entity starts
_QID = re.compile(r"Q[1-9][0-9]*")


def _kg(name: str) -> str:
    return f"<{ids.ONTOLOGY}{name}>"


_A = f"<{RDF}type>"
_LABEL = f"<{RDFS}label>"
_ALT = f"<{SKOS}altLabel>"
_SAME = f"<{OWL}sameAs>"
_DERIVED = f"<{PROV}wasDerivedFrom>"
_START, _END, _EXACT = f"<{OA}start>", f"<{OA}end>", f"<{OA}exact>"
_HEADLINE = f"<{SCHEMA}headline>"
_PUBLISHER, _URL, _LANG = f"<{SCHEMA}publisher>", f"<{SCHEMA}url>", f"<{SCHEMA}inLanguage>"
_MENTIONS = f"<{SCHEMA}mentions>"
_CLASSES = {t: _kg(t) for t in ENTITY_TYPES}
_STATUS = {s: _kg(s) for s in STATUSES}
_SPEAKER = {s: _kg(p) for s, p in SPEAKER_PROPERTY.items()}
_CLAIM, _EVIDENCE, _ARTICLE = _kg("Claim"), _kg("Evidence"), _kg("Article")
_ABOUT, _SUBJ, _PRED, _OBJ = _kg("about"), _kg("claimSubject"), _kg("claimPredicate"), _kg("claimObject")
_BY, _SECTOR, _CONF, _EV = _kg("attributedTo"), _kg("sector"), _kg("confidence"), _kg("evidence")
_STATUS_P = _kg("status")
_CURRENT, _REVERSAL, _SUPERSEDES = _kg("currentStatus"), _kg("reversal"), _kg("supersedes")
_TRUE = '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
_BY_CURATOR = f"<{PROV}wasAttributedTo>"


def _curation(mark: str, put: Callable[[str], None]) -> str:
    """The IRI of a curation file (``name sha256:HEX``), described once: a prov:Entity with its name and hash."""
    name, _, digest = mark.rpartition(" ")
    iri = f"<{ids.RESOURCE}curation/{digest.removeprefix('sha256:')}>"
    put(f"{iri} {_A} <{PROV}Entity>")
    put(f"{iri} {_LABEL} {literal(name)}")
    put(f"{iri} <{DCTERMS}identifier> {literal(digest)}")
    return iri


def evidence_iri(article_id: str, start: int, end: int) -> str:
    """The IRI of a stretch of an article's text (offset IRIs as in NIF).

    >>> evidence_iri("id/xiaomi-ford", 44, 133)
    'https://w3id.org/kg/resource/article/id/xiaomi-ford#char=44,133'
    """
    return f"{ids.article_iri(article_id)}#char={start},{end}"


def _check(kind: str, value: str, allowed: Iterable[str]) -> None:
    if value not in allowed:
        raise ChoiceError(kind, value, allowed)


def statements_by_graph(graph: KnowledgeGraph) -> list[tuple[str | None, list[str]]]:
    """The RDF of ``graph`` as N-Triples statements, grouped by graph (all of :func:`iter_statements_by_graph`).

    Returns ``(graph IRI or None for the default graph, statements)`` pairs, the
    default graph first, then by IRI; each statement is ``"<s> <p> o"`` without the
    final ``" ."``, sorted and unique within its graph.

    >>> from tests.sample import sample_graph
    >>> parts = statements_by_graph(sample_graph())
    >>> [g for g, _ in parts]
    [None, 'https://w3id.org/kg/resource/graph/en/bukit-asam', 'https://w3id.org/kg/resource/graph/id/xiaomi-ford']
    >>> for s in parts[0][1]:
    ...     if s.startswith("<https://w3id.org/kg/resource/entity/xiaomi>"):
    ...         print(s)
    <https://w3id.org/kg/resource/entity/xiaomi> <...#type> <https://w3id.org/kg/ontology#Company>
    <https://w3id.org/kg/resource/entity/xiaomi> <http://www.w3.org/2000/01/rdf-schema#label> "Xiaomi"
    <https://w3id.org/kg/resource/entity/xiaomi> <http://www.w3.org/2002/07/owl#sameAs> <...Q1636958>
    <https://w3id.org/kg/resource/entity/xiaomi> <...#altLabel> "Xiaomi Corporation"
    """
    return list(iter_statements_by_graph(graph))


def iter_statements_by_graph(graph: KnowledgeGraph) -> Iterator[tuple[str | None, list[str]]]:
    """:func:`statements_by_graph`, one graph at a time: an article's statements are made when asked for.

    The default graph is built whole (it must be sorted); each article's graph is
    built from references to its claims when the one before it has been used, so
    writing a 100,000-article graph never holds all of its claims as text at once.
    """
    default: list[str] = []
    add = default.append
    entity: dict[str, str] = {}

    def ent(entity_id: str) -> str:
        iri = entity.get(entity_id)
        if iri is None:
            iri = entity[entity_id] = f"<{ids.entity_iri(entity_id)}>"
        return iri

    for e in graph.entities:
        _check("entity type", e.type, ENTITY_TYPES)
        s = ent(e.id)
        add(f"{s} {_A} {_CLASSES[e.type]}")
        add(f"{s} {_LABEL} {literal(e.label)}")
        for alias in e.aliases:
            add(f"{s} {_ALT} {literal(alias)}")
        if e.wikidata and _QID.fullmatch(e.wikidata):
            add(f"{s} {_SAME} <{WIKIDATA}{e.wikidata}>")
        if e.curated:  # merged, relabelled or retyped by hand
            add(f"{s} {_BY_CURATOR} {_curation(e.curated, add)}")
        for article_id in e.articles:
            add(f"<{ids.article_iri(article_id)}> {_MENTIONS} {s}")

    for x in graph.extractions:
        a = x.article
        s = f"<{ids.article_iri(a.id)}>"
        add(f"{s} {_A} {_ARTICLE}")
        if a.title:
            add(f"{s} {_HEADLINE} {literal(a.title)}")
        if a.published:
            pred, obj = date_term(a.published)
            add(f"{s} {pred} {obj}")
        if a.source:
            add(f"{s} {_PUBLISHER} {literal(a.source)}")
        if a.url:
            add(f"{s} {_URL} {url_term(a.url)}")
        if a.language:
            add(f"{s} {_LANG} {literal(a.language)}")

    claims: dict[str, list[tuple[Link, Claim]]] = defaultdict(list)
    supersedes: dict[str, list[str]] = defaultdict(list)
    for link in graph.links:
        _check("relation type", link.type, RELATION_TYPES)
        for c in link.claims:
            _check("status", c.status, STATUSES)
        rt = RELATION_TYPES[link.type]
        if rt.node_class:
            node = f"<{ids.link_iri(link.id)}>"
            add(f"{node} {_A} {_kg(rt.node_class)}")
            add(f"{node} {_kg(rt.roles[0])} {ent(link.subject)}")
            add(f"{node} {_kg(rt.roles[1])} {ent(link.object)}")
            for sector in link.sectors:
                add(f"{node} {_SECTOR} {ent(sector)}")
            # The latest word (kg.graph.Link.status), and whether the story turned round.
            add(f"{node} {_CURRENT} {_STATUS[link.status]}")
            if link.reversal:
                add(f"{node} {_REVERSAL} {_TRUE}")
        for later, earlier in link.superseding():
            # In the later article's graph: its claim changed the link's status.
            supersedes[later.article].append(f"<{ids.claim_iri(later.article, link.id)}> {_SUPERSEDES} "
                                             f"<{ids.claim_iri(earlier.article, link.id)}>")
        for c in link.claims:
            claims[c.article].append((link, c))
    yield None, sorted(set(default))
    del default
    for g, article_id in sorted((ids.graph_iri(a), a) for a in claims):
        statements: list[str] = []
        for link, c in claims[article_id]:
            _claim_statements(link, c, statements.append, ent)
        statements.extend(supersedes.get(article_id, ()))
        yield g, sorted(set(statements))


def _claim_statements(link: Link, c: Claim, put: Callable[[str], None], ent: Callable[[str], str]) -> None:
    """The statements of one claim, for the named graph of its article."""
    rt = RELATION_TYPES[link.type]
    subj, obj, pred = ent(link.subject), ent(link.object), _kg(rt.predicate)
    node = f"<{ids.link_iri(link.id)}>" if rt.node_class else None
    article = ids.article_iri(c.article)
    claim = f"<{ids.claim_iri(c.article, link.id)}>"
    put(f"{claim} {_A} {_CLAIM}")
    put(f"{claim} {_STATUS_P} {_STATUS[c.status]}")
    put(f"{claim} {_DERIVED} <{article}>")
    if c.curated:  # added by hand: the curator is its source
        put(f"{claim} {_BY_CURATOR} {_curation(c.curated, put)}")
    if node:
        put(f"{claim} {_ABOUT} {node}")
    else:
        put(f"{claim} {_SUBJ} {subj}")
        put(f"{claim} {_PRED} {pred}")
        put(f"{claim} {_OBJ} {obj}")
    if c.attributed_to:
        speaker = ent(c.attributed_to)
        put(f"{claim} {_BY} {speaker}")
        put(f"{speaker} {_SPEAKER[c.status]} {node or claim}")
    if c.sector:
        put(f"{claim} {_SECTOR} {ent(c.sector)}")
    confidence = decimal_term(c.confidence)
    if confidence:
        put(f"{claim} {_CONF} {confidence}")
    for ev in c.evidence:
        e_iri = f"<{article}#char={ev.start},{ev.end}>"
        put(f"{claim} {_EV} {e_iri}")
        put(f"{e_iri} {_A} {_EVIDENCE}")
        put(f"{e_iri} {_START} {typed(str(ev.start), 'nonNegativeInteger')}")
        put(f"{e_iri} {_END} {typed(str(ev.end), 'nonNegativeInteger')}")
        put(f"{e_iri} {_EXACT} {literal(ev.text)}")
    if c.status == "asserted":
        put(f"{subj} {pred} {obj}")


def triple_parts(parts: Iterable[tuple[str | None, list[str]]]) -> Iterator[list[str]]:
    """The statements of all graphs as triples, each once: what Turtle, N-Triples, JSON-LD and RDF/XML hold.

    The default graph comes first, then each article's statements (by graph IRI)
    without those an earlier article already gave; each part stays sorted. Only a
    statement about an entity (the shortcut of an asserted link, a speaker's
    stance) can be in two graphs: claim and evidence IRIs name their article. So no
    set of every statement is ever needed, only of those about entities.

    >>> parts = [(None, ["<e> <p> <b>"]), ("g1", ["<c1> <p> <x>", _ENTITY + "a> <p> <b>"]),
    ...          ("g2", ["<c2> <p> <x>", _ENTITY + "a> <p> <b>"])]
    >>> [len(p) for p in triple_parts(parts)]
    [1, 2, 1]
    """
    seen: set[str] = set()
    for _, statements in parts:
        shared = [s for s in statements if s.startswith(_ENTITY)]
        if not shared:
            yield statements
            continue
        repeated = {s for s in shared if s in seen}
        seen.update(shared)
        yield [s for s in statements if s not in repeated] if repeated else statements


def nquads(parts: list[tuple[str | None, list[str]]]) -> bytes:
    """The N-Quads text of grouped statements (input for pyoxigraph's parser).

    >>> nquads([(None, ["<a:s> <a:p> <a:o>"]), ("a:g", ["<a:s> <a:p> <a:o>"])])
    b'<a:s> <a:p> <a:o> .\\n<a:s> <a:p> <a:o> <a:g> .\\n'
    """
    chunks = []
    for g, statements in parts:
        if statements:
            end = " .\n" if g is None else f" <{g}> .\n"
            chunks.append(end.join(statements) + end)
    return "".join(chunks).encode("utf-8")


def quads(graph: KnowledgeGraph) -> list[pyoxigraph.Quad]:
    """The RDF of ``graph`` as pyoxigraph quads, in the order described above.

    >>> from tests.sample import sample_graph
    >>> qs = quads(sample_graph())
    >>> qs == quads(sample_graph())
    True
    """
    import pyoxigraph

    return list(pyoxigraph.parse(nquads(statements_by_graph(graph)), format=pyoxigraph.RdfFormat.N_QUADS))


def _to_rdflib_term(term: Any, cache: dict[str, rdflib.URIRef]) -> rdflib.term.Node:
    import pyoxigraph
    import rdflib

    if isinstance(term, pyoxigraph.NamedNode):
        iri = term.value
        node = cache.get(iri)
        if node is None:
            node = cache[iri] = rdflib.URIRef(iri)
        return node
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD + "string":  # rdflib keeps "x" and "x"^^xsd:string apart
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise TypeError(f"kg's RDF has no {type(term).__name__} terms")


def to_rdflib(graph: KnowledgeGraph) -> rdflib.Dataset:
    """An rdflib Dataset with the same quads as :func:`quads` (one named graph per article).

    >>> from tests.sample import sample_graph
    >>> g = sample_graph()
    >>> ds = to_rdflib(g)
    >>> sum(1 for _ in ds.quads()) == len(quads(g))
    True
    """
    import pyoxigraph
    import rdflib

    ds = rdflib.Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, override=True, replace=True)
    cache: dict[str, rdflib.URIRef] = {}
    contexts: dict[str, rdflib.Graph] = {}

    def context(name: object) -> rdflib.Graph:
        if isinstance(name, pyoxigraph.DefaultGraph):
            return ds.default_graph
        iri = name.value  # type: ignore[attr-defined]
        if iri not in contexts:
            contexts[iri] = ds.graph(rdflib.URIRef(iri))
        return contexts[iri]

    ds.addN(
        (
            _to_rdflib_term(q.subject, cache),
            _to_rdflib_term(q.predicate, cache),
            _to_rdflib_term(q.object, cache),
            context(q.graph_name),
        )
        for q in quads(graph)
    )
    return ds
