"""Property-graph exports: GraphML and GEXF (Gephi), Cytoscape JSON, CSV, Neo4j, Cypher.

Every format is built from the same flattened graph (:mod:`kg.exporters.flat`):
entity nodes (``kind="entity"``), relationship nodes for partnerships,
acquisitions, investments, supply deals and legal disputes
(``kind="relation"``), and edges that carry ``status``, ``statuses``, article
ids and the evidence of their first claim. Lists are joined with ``;`` in the
scalar-only formats. Nodes and edges are sorted, so the same graph always gives
the same bytes.

The CSV and Neo4j writers live in :mod:`kg.exporters.tables`, the Cypher writer
in :mod:`kg.exporters.cypher`; they are re-exported here because the format
table (:mod:`kg.formats`) names this module.

>>> from tests.sample import sample_graph
>>> text = "".join(generate_graphml(sample_graph()))
>>> text.startswith('<?xml version="1.0" encoding="utf-8"?>'), text.count("<node "), text.count("<edge ")
(True, 19, 23)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.exporters.cypher import generate_cypher, write_cypher
from kg.exporters.flat import EDGE_FIELDS, LIST_SEPARATOR, NODE_FIELDS, flatten, scalar, status_spells
from kg.exporters.tables import generate_csv, generate_neo4j_import, write_csv, write_neo4j_import
from kg.io import atomic_write

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph import KnowledgeGraph

__all__ = [
    "generate_csv",
    "generate_cypher",
    "generate_cytoscape",
    "generate_gexf",
    "generate_graphml",
    "generate_neo4j_import",
    "scalar_graph",
    "write_csv",
    "write_cypher",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
    "write_neo4j_import",
]

_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 cannot carry at all, even escaped: a file with one is rejected by every parser.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_EDGE_IDENTITY = ("id", "source", "target", "key")


def _xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_text(writer: Any) -> str:
    """A networkx XML writer's document, indented, as text with non-ASCII kept (not as &#...; refs)."""
    from xml.etree.ElementTree import tostring

    writer.indent(writer.xml)
    # ElementTree writes a CR in element text raw, and XML parsers turn it into LF: keep it as &#13;.
    return tostring(writer.xml, encoding="unicode").replace("\r", "&#13;")


def scalar_graph(graph: KnowledgeGraph, *, xml: bool = False, drop_isolated: bool = False) -> nx.MultiDiGraph:
    """The flattened graph as a networkx MultiDiGraph with scalar attributes only.

    Edge keys are the edge ids (``source|key|target``); ``xml=True`` replaces the
    characters XML cannot hold with U+FFFD; ``drop_isolated`` leaves out the
    entities that are in no link.

    >>> from tests.sample import sample_graph
    >>> g = scalar_graph(sample_graph())
    >>> g.nodes["partnership/ford-motor-company--xiaomi"]["statuses"]
    'denied'
    >>> sorted(g["xiaomi"]["partnership/ford-motor-company--xiaomi"])
    ['xiaomi|denies:id/xiaomi-ford|partnership/ford-motor-company--xiaomi']
    """
    import networkx as nx

    clean = _xml_safe if xml else (lambda v: v)
    nodes, edges = flatten(graph, drop_isolated=drop_isolated)
    g = nx.MultiDiGraph()
    for node_id, d in nodes:
        g.add_node(clean(node_id), **{k: clean(scalar(v, NODE_FIELDS[k])) for k, v in d.items() if k != "id"})
    for u, v, d in edges:
        # id, endpoints and key are the edge itself, not attributes.
        attrs = {k: clean(scalar(x, EDGE_FIELDS[k])) for k, x in d.items() if k not in _EDGE_IDENTITY}
        g.add_edge(clean(u), clean(v), key=clean(d["id"]), **attrs)
    return g


def generate_graphml(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> Iterator[str]:
    """GraphML (yEd, Gephi, networkx, igraph): typed ``<key>`` declarations, edge ids as edge keys."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(scalar_graph(graph, xml=True, drop_isolated=drop_isolated))
    # Not nx.generate_graphml: it splits lines and would cut values at U+2028.
    yield _XML_DECLARATION
    yield _xml_text(writer)
    yield "\n"


def write_graphml(graph: KnowledgeGraph, path: Path, *, drop_isolated: bool = False) -> Path:
    return atomic_write(path, generate_graphml(graph, drop_isolated=drop_isolated))


def _rgb(color: str) -> dict[str, int]:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1}


def _joined(values: list[Any]) -> str | None:
    """The distinct ``;``-joined parts of several scalar list values, in first-seen order."""
    parts = dict.fromkeys(p for v in values if v for p in str(v).split(LIST_SEPARATOR))
    return LIST_SEPARATOR.join(parts) or None


def _merge_edges(u: str, v: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One GEXF edge for the parallel edges ``parts`` from ``u`` to ``v``: Gephi keeps one edge per pair.

    Their types, statuses, articles and sources are joined; ``claims`` and ``weight`` are the number
    of claims behind them all; ``status`` is the strongest (as drawn on the page); ``edges`` says how
    many kg edges were merged.
    """
    from kg.schema import STATUS_PRECEDENCE

    statuses = [p["status"] for p in parts if p.get("status")]
    firsts = sorted(p["first_published"] for p in parts if p.get("first_published"))
    lasts = sorted(p["last_published"] for p in parts if p.get("last_published"))
    claims = sum(int(p.get("claims") or 0) for p in parts)
    merged: dict[str, Any] = {
        "id": parts[0]["id"] if len(parts) == 1 else f"{u}|{v}",
        "label": _joined([p["type"] for p in parts]),
        "edge_type": _joined([p["type"] for p in parts]),
        "relation": _joined([p.get("relation") for p in parts]),
        "status": min(statuses, key=STATUS_PRECEDENCE.index) if statuses else None,
        "statuses": _joined([p.get("statuses") for p in parts]),
        "articles": _joined([p.get("articles") for p in parts]),
        "sources": _joined([p.get("sources") for p in parts]),
        "claims": claims,
        "edges": len(parts),
        "confidence": max((p["confidence"] for p in parts if p.get("confidence") is not None), default=None),
        "first_published": firsts[0] if firsts else None,
        "last_published": lasts[-1] if lasts else None,
        "evidence": next((p["evidence"] for p in parts if p.get("evidence")), None),
        "weight": float(max(claims, 1)),
    }
    if merged["first_published"]:
        merged["start"] = merged["first_published"]
    return {k: x for k, x in merged.items() if x is not None}


def generate_gexf(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> Iterator[str]:
    """GEXF 1.2 for Gephi: labels, attributes, a timeline, and how to draw it (the ``viz`` namespace).

    Nodes are coloured by entity type (relationship nodes by their class) as on
    kg's page, sized by degree and placed where kg's layout puts them; edges are
    coloured by status and ``weight`` is the number of claims behind them.
    Parallel edges are merged into one edge per pair of nodes (Gephi's importer
    keeps one): their types and statuses joined, ``edges`` counting them. Each node
    and edge ``start``\\ s at its first publication date, so Gephi's timeline shows
    the graph as reported up to a date; a link's ``status_over_time`` is dynamic (the
    status of each stretch of its story, from the date it began). GEXF reserves the
    edge attribute ``type`` (directed or not), so the edge type is the edge ``label``
    and ``edge_type``.

    >>> from tests.sample import sample_graph
    >>> text = "".join(generate_gexf(sample_graph()))
    >>> 'mode="dynamic"' in text, 'label="denies"' in text, "<viz:position" in text, "networkx_key" in text
    (True, True, True, False)
    """
    import networkx as nx
    from networkx.readwrite.gexf import GEXFWriter

    from kg.exporters._style import STATUS_STYLE, node_style
    from kg.view import layout

    multi = scalar_graph(graph, xml=True, drop_isolated=drop_isolated)
    # A link's story as a dynamic attribute beside its (current) status: rumored from D1, denied from D2,
    # asserted from D3, so Gephi's timeline replays it.
    spells = {link.id: status_spells(link) for link in graph.links}
    g = nx.DiGraph()
    for n, d in multi.nodes(data=True):
        g.add_node(n, **d, **({"start": d["first_published"]} if "first_published" in d else {}))
        if d.get("kind") == "relation" and spells.get(n):
            g.nodes[n]["status_over_time"] = spells[n]
    for u, v in sorted(set(multi.edges())):
        parts = [{"id": key, **d} for key, d in sorted(multi[u][v].items())]
        g.add_edge(u, v, **_merge_edges(u, v, parts))
        relations = {str(p.get("relation")) for p in parts}
        story = spells.get(relations.pop()) if len(relations) == 1 else None
        if story and any("reversal" in p for p in parts):
            g.edges[u, v]["status_over_time"] = story
    positions = layout(multi)
    for n, d in g.nodes(data=True):
        x, y = positions[n]
        d["viz"] = {
            "color": _rgb(node_style(str(d.get("type", ""))).color),
            "size": round(10 + 4 * math.sqrt(multi.degree(n)), 1),
            "position": {"x": x, "y": -y, "z": 0.0},  # the page's y grows downwards, Gephi's upwards
        }
    for _, _, d in g.edges(data=True):
        style = STATUS_STYLE.get(str(d.get("status")), STATUS_STYLE["asserted"])
        d["viz"] = {"color": _rgb(style.color), "thickness": round(1 + math.log2(d["weight"]), 2)}
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        # networkx stamps today's date and its own version: replace both to keep output reproducible.
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "kg"
        dates = sorted(d["last_published"] for _, d in g.nodes(data=True) if "last_published" in d)
        if dates:
            meta.set("lastmodifieddate", dates[-1])
        else:
            meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(g)
    yield _XML_DECLARATION
    yield _xml_text(writer)
    yield "\n"


def write_gexf(graph: KnowledgeGraph, path: Path, *, drop_isolated: bool = False) -> Path:
    return atomic_write(path, generate_gexf(graph, drop_isolated=drop_isolated))


def generate_cytoscape(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> Iterator[str]:
    """Cytoscape JSON (``.cyjs``), the shape of ``networkx.cytoscape_data``.

    Nodes carry ``name`` (the label) and edges ``interaction`` (the edge type),
    the columns Cytoscape Desktop shows by default.

    >>> from tests.sample import sample_graph
    >>> data = json.loads("".join(generate_cytoscape(sample_graph())))
    >>> len(data["elements"]["nodes"]), len(data["elements"]["edges"])
    (19, 23)
    """
    import networkx as nx

    g = scalar_graph(graph, drop_isolated=drop_isolated)
    for _, d in g.nodes(data=True):
        d["name"] = d["label"]
    for _, _, d in g.edges(data=True):
        d["interaction"] = d["type"]
    data = nx.cytoscape_data(g)
    yield from json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True).iterencode(data)
    yield "\n"


def write_cytoscape(graph: KnowledgeGraph, path: Path, *, drop_isolated: bool = False) -> Path:
    return atomic_write(path, generate_cytoscape(graph, drop_isolated=drop_isolated))
