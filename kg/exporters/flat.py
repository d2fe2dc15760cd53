"""The property graph flattened to scalar attributes, shared by every property-graph format.

GraphML, GEXF, CSV and Neo4j's importer cannot hold the list of claim records
that :meth:`kg.graph.KnowledgeGraph.to_networkx` puts on each edge, so each node
and edge is summarised here once: status, statuses, article ids, number of
claims, first and last publication date, the evidence of the first claim.
``NODE_FIELDS`` and ``EDGE_FIELDS`` name the attributes in a fixed order with
their types (Neo4j's import type names), so every format writes the same
columns in the same order.

>>> from tests.sample import sample_graph
>>> nodes, edges = flatten(sample_graph())
>>> len(nodes), len(edges)
(19, 23)
>>> p = dict(nodes)["partnership/ford-motor-company--xiaomi"]
>>> p["label"], p["status"], p["articles"], p["first_published"]
('Partnership: Ford Motor Company – Xiaomi', 'denied', ['id/xiaomi-ford'], '2026-02-03')
>>> u, v, e = edges[-2]
>>> u, v, e["type"], e["status"], relationship_type(e["type"])
('xiaomi', 'partnership/ford-motor-company--xiaomi', 'denies', 'denied', 'DENIES')
>>> scalar(["asserted", "denied"], "string[]")
'asserted;denied'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from kg.schema import RELATION_TYPES, strongest_status

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph, Link

__all__ = [
    "EDGE_FIELDS",
    "ENTITY_LABEL",
    "LIST_SEPARATOR",
    "NODE_FIELDS",
    "RELATION_LABEL",
    "FlatEdge",
    "FlatNode",
    "flatten",
    "iso_date",
    "relationship_type",
    "scalar",
]

# Attribute name -> type (Neo4j import type names; "date" values are ISO strings).
# The claim summary every node and edge carries, in the same column order.
_CLAIM_FIELDS: dict[str, str] = {
    "articles": "string[]",
    "sources": "string[]",
    "claims": "int",
    "confidence": "float",
    "first_published": "date",
    "last_published": "date",
    "evidence": "string",
}
# A link's story (kg.graph.Link.history): "DATE STATUS ARTICLE [by SPEAKER]" per claim, in date order;
# whether it turns round; how many claims are undated; the curation file of curated facts.
_HISTORY_FIELDS: dict[str, str] = {
    "history": "string[]",
    "reversal": "boolean",
    "undated": "int",
    "curated": "string",
}
NODE_FIELDS: dict[str, str] = {
    "id": "string",
    "kind": "string",
    "type": "string",
    "label": "string",
    "aliases": "string[]",
    "wikidata": "string",
    "relation_type": "string",
    "status": "string",
    "statuses": "string[]",
    "sectors": "string[]",
    **_CLAIM_FIELDS,
    **_HISTORY_FIELDS,
    "community": "int",
    "degree": "float",
    "betweenness": "float",
}
EDGE_FIELDS: dict[str, str] = {
    "id": "string",
    "source": "string",
    "target": "string",
    "key": "string",
    "type": "string",
    "relation": "string",
    "status": "string",
    "statuses": "string[]",
    **_CLAIM_FIELDS,
    **_HISTORY_FIELDS,
}

# The base labels of the two kinds of node (Cypher and Neo4j exports).
ENTITY_LABEL = "Entity"
RELATION_LABEL = "Relation"

# How list attributes are joined in formats that only hold scalars.
LIST_SEPARATOR = ";"

FlatNode = tuple[str, dict[str, Any]]
FlatEdge = tuple[str, str, dict[str, Any]]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def iso_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` date that a published timestamp starts with, if it is a real date.

    >>> iso_date("2026-02-03T10:00:00+07:00"), iso_date("2026-02-30"), iso_date("kemarin")
    ('2026-02-03', None, None)
    """
    if not value or not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def relationship_type(edge_type: str) -> str:
    """The UPPER_SNAKE relationship type of an edge type, for Cypher and Neo4j.

    Binary relations are named after their ontology predicate; roles, ``sector``
    and the speaker edges are upper-cased.

    >>> [relationship_type(t) for t in ("launch", "subsidiary_of", "party", "denies")]
    ['LAUNCHED', 'SUBSIDIARY_OF', 'PARTY', 'DENIES']
    """
    rt = RELATION_TYPES.get(edge_type)
    name = _CAMEL.sub("_", rt.predicate) if rt is not None else edge_type
    return name.upper()


def scalar(value: Any, kind: str) -> str | int | float | None:
    """``value`` as one scalar: lists joined with ``LIST_SEPARATOR``, empty lists as ``None``."""
    if kind.endswith("[]"):
        return LIST_SEPARATOR.join(value) if value else None
    return value


def _dates(published: list[str | None]) -> dict[str, Any]:
    dates = sorted(d for p in published if (d := iso_date(p)))
    return {"first_published": dates[0] if dates else None, "last_published": dates[-1] if dates else None}


def _summary(claims: list[dict[str, Any]]) -> dict[str, Any]:
    first = claims[0] if claims else None
    return {
        "articles": sorted({c["article"] for c in claims}),
        "sources": sorted({c["source"] for c in claims if c["source"]}),
        "claims": len(claims),
        # rounded: a denormal such as 5e-324 is valid Python but FalkorDB refuses the literal
        "confidence": max((round(float(c["confidence"]), 3) for c in claims), default=None),
        **_dates([c["published"] for c in claims]),
        "evidence": first["evidence"][0]["text"] if first and first["evidence"] else None,
    }


def history(link: Link) -> dict[str, Any]:
    """The history attributes of a link (``history``, ``reversal``, ``undated``, ``curated``).

    >>> from kg.graph import Claim, Link
    >>> link = Link("p/a--b", "partnership", "a", "b", (Claim("x", "denied", "a", published="2026-01-10"),))
    >>> history(link)["history"]
    ['2026-01-10 denied x by a']
    """
    curated = sorted({c.curated for c in link.claims if c.curated})
    return {
        "history": [f"{t['date'] or 'undated'} {t['status']} {t['article']}"
                    + (f" by {t['speaker']}" if t["speaker"] else "") for t in link.timeline()],
        "reversal": link.reversal,
        "undated": link.undated,
        "curated": ";".join(curated) or None,
    }


def status_spells(link: Link) -> list[tuple[str, str, str | None]]:
    """``(status, from, until)`` for each stretch of a link's dated story (GEXF dynamic values).

    >>> from kg.graph import Claim, Link
    >>> cs = (Claim("a", "rumored", published="2026-01-02"), Claim("b", "denied", published="2026-02-01"))
    >>> status_spells(Link("p/a--b", "partnership", "a", "b", cs))
    [('rumored', '2026-01-02', '2026-02-01'), ('denied', '2026-02-01', None)]
    """
    by_date: dict[str, list[str]] = {}
    for c in link.claims:
        if c.published:
            by_date.setdefault(c.published, []).append(c.status)
    changes: list[tuple[str, str]] = []
    for date in sorted(by_date):
        status = strongest_status(by_date[date])
        if not changes or changes[-1][0] != status:
            changes.append((status, date))
    return [(st, start, changes[i + 1][1] if i + 1 < len(changes) else None) for i, (st, start) in enumerate(changes)]


def _clean(record: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    # Fixed field order, and no None or empty list: absent means unknown everywhere.
    return {k: record[k] for k in fields if record.get(k) not in (None, [], "")}


def flatten(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> tuple[list[FlatNode], list[FlatEdge]]:
    """Nodes sorted by id and edges sorted by (source, target, key), with scalar or string-list values.

    Relation nodes get a readable label (``Partnership: Ford Motor Company – Xiaomi``);
    each edge gets an ``id`` unique in the graph (``source|key|target``).
    ``drop_isolated`` leaves out the entities that are in no link (on real news about
    half of them: mentioned, but related to nothing).
    """
    if graph.view == "companies":
        return _flatten_companies(graph)
    g = graph.to_networkx()
    if drop_isolated:
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    articles = {a.id: a for a in graph.articles}
    links = {link.id: link for link in graph.links}
    analysis = graph_analysis(graph)
    nodes: list[FlatNode] = []
    for node_id in sorted(g.nodes):
        d = g.nodes[node_id]
        if d["kind"] == "entity":
            rec = _entity_record(node_id, d, articles, analysis)
        else:
            link = links[node_id]
            label = f"{d['type']}: {graph.entity(link.subject).label} – {graph.entity(link.object).label}"
            rec = {**d, **_summary(d["claims"]), "id": node_id, "label": label, **history(link)}
        nodes.append((node_id, _clean(rec, NODE_FIELDS)))
    edges: list[FlatEdge] = []
    for u, v, key in sorted(g.edges(keys=True)):
        d = g.edges[u, v, key]
        rec = {**d, **_summary(d["claims"]), "id": f"{u}|{key}|{v}", "source": u, "target": v, "key": key}
        if "reversal" in d:  # a link's own edges (not a speaker's): they carry its story
            rec.update(history(links[d["relation"]]))
        edges.append((u, v, _clean(rec, EDGE_FIELDS)))
    return nodes, edges


def _entity_record(node_id: str, d: dict[str, Any], articles: dict[str, Any],
                   analysis: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An entity node's attributes with its dates, sources and analysis (both views share it)."""
    arts = [articles[a] for a in d["articles"] if a in articles]
    return {**d, **_dates([a.published for a in arts]), "id": node_id,
            "sources": sorted({a.source for a in arts if a.source}), **analysis.get(node_id, {})}


def graph_analysis(graph: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """:func:`kg.analysis.analyse` of the graph, computed once per graph (every export shares it)."""
    from kg.analysis import analyse

    return graph.derived("analysis", lambda: analyse(graph))


def _flatten_companies(graph: KnowledgeGraph) -> tuple[list[FlatNode], list[FlatEdge]]:
    """The company network (:func:`kg.analysis.company_network`) flattened: organisations, one edge per link."""
    from kg.analysis import company_network

    g = company_network(graph)
    articles = {a.id: a for a in graph.articles}
    links = {link.id: link for link in graph.links}
    analysis = graph_analysis(graph)
    nodes: list[FlatNode] = []
    for node_id in sorted(g.nodes):
        nodes.append((node_id, _clean(_entity_record(node_id, g.nodes[node_id], articles, analysis), NODE_FIELDS)))
    edges: list[FlatEdge] = []
    for u, v, key in sorted(g.edges(keys=True)):
        d = g.edges[u, v, key]
        link = links[key]
        rec = {**d, **_summary(list(graph.claim_records(link))), "id": f"{u}|{d['type']}|{v}", "source": u,
               "target": v, "key": d["type"], "statuses": list(link.statuses), **history(link)}
        edges.append((u, v, _clean(rec, EDGE_FIELDS)))
    return nodes, edges
