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
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.exporters.cypher import generate_cypher, write_cypher
from kg.exporters.flat import EDGE_FIELDS, NODE_FIELDS, flatten, scalar, status_spells
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


def scalar_graph(graph: KnowledgeGraph, *, xml: bool = False) -> nx.MultiDiGraph:
    """The flattened graph as a networkx MultiDiGraph with scalar attributes only.

    Edge keys are the edge ids (``source|key|target``); ``xml=True`` replaces the
    characters XML cannot hold with U+FFFD.

    >>> from tests.sample import sample_graph
    >>> g = scalar_graph(sample_graph())
    >>> g.nodes["partnership/ford-motor-company--xiaomi"]["statuses"]
    'denied'
    >>> sorted(g["xiaomi"]["partnership/ford-motor-company--xiaomi"])
    ['xiaomi|denies:id/xiaomi-ford|partnership/ford-motor-company--xiaomi']
    """
    import networkx as nx

    clean = _xml_safe if xml else (lambda v: v)
    nodes, edges = flatten(graph)
    g = nx.MultiDiGraph()
    for node_id, d in nodes:
        g.add_node(clean(node_id), **{k: clean(scalar(v, NODE_FIELDS[k])) for k, v in d.items() if k != "id"})
    for u, v, d in edges:
        # id, endpoints and key are the edge itself, not attributes.
        attrs = {k: clean(scalar(x, EDGE_FIELDS[k])) for k, x in d.items() if k not in _EDGE_IDENTITY}
        g.add_edge(clean(u), clean(v), key=clean(d["id"]), **attrs)
    return g


def generate_graphml(graph: KnowledgeGraph) -> Iterator[str]:
    """GraphML (yEd, Gephi, networkx, igraph): typed ``<key>`` declarations, edge ids as edge keys."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(scalar_graph(graph, xml=True))
    # Not nx.generate_graphml: it splits lines and would cut values at U+2028.
    yield _XML_DECLARATION
    yield _xml_text(writer)
    yield "\n"


def write_graphml(graph: KnowledgeGraph, path: Path) -> Path:
    return atomic_write(path, generate_graphml(graph))


def generate_gexf(graph: KnowledgeGraph) -> Iterator[str]:
    """GEXF 1.2 for Gephi: node and edge labels, attributes, and a timeline.

    Each node and edge ``start``\\ s at its first publication date, so Gephi's
    timeline shows the graph as reported up to a date; a link's ``status_over_time``
    is dynamic (the status of each stretch of its story, from the date it began). GEXF reserves the edge
    attribute ``type`` (directed or not), so the edge type is the edge ``label``
    and the ``edge_type`` attribute.

    >>> from tests.sample import sample_graph
    >>> text = "".join(generate_gexf(sample_graph()))
    >>> 'mode="dynamic"' in text, 'timeformat="date"' in text, 'label="denies"' in text
    (True, True, True)
    """
    from networkx.readwrite.gexf import GEXFWriter

    g = scalar_graph(graph, xml=True)
    # A link's story as a dynamic attribute beside its (current) status: rumored from D1, denied from D2,
    # asserted from D3, so Gephi's timeline replays it.
    spells = {link.id: status_spells(link) for link in graph.links}
    for n, d in g.nodes(data=True):
        if "first_published" in d:
            d["start"] = d["first_published"]
        if d.get("kind") == "relation" and spells.get(n):
            d["status_over_time"] = spells[n]
    for _, _, d in g.edges(data=True):
        d["edge_type"] = d["label"] = d.pop("type")
        if "first_published" in d:
            d["start"] = d["first_published"]
        if "reversal" in d and spells.get(d.get("relation")):
            d["status_over_time"] = spells[d["relation"]]
    for u, v, key in g.edges(keys=True):
        # The edge id is the multigraph key; GEXFWriter would number edges otherwise.
        g.edges[u, v, key]["id"] = key
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


def write_gexf(graph: KnowledgeGraph, path: Path) -> Path:
    return atomic_write(path, generate_gexf(graph))


def generate_cytoscape(graph: KnowledgeGraph) -> Iterator[str]:
    """Cytoscape JSON (``.cyjs``), the shape of ``networkx.cytoscape_data``.

    Nodes carry ``name`` (the label) and edges ``interaction`` (the edge type),
    the columns Cytoscape Desktop shows by default.

    >>> from tests.sample import sample_graph
    >>> data = json.loads("".join(generate_cytoscape(sample_graph())))
    >>> len(data["elements"]["nodes"]), len(data["elements"]["edges"])
    (19, 23)
    """
    import networkx as nx

    g = scalar_graph(graph)
    for _, d in g.nodes(data=True):
        d["name"] = d["label"]
    for _, _, d in g.edges(data=True):
        d["interaction"] = d["type"]
    data = nx.cytoscape_data(g)
    yield from json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True).iterencode(data)
    yield "\n"


def write_cytoscape(graph: KnowledgeGraph, path: Path) -> Path:
    return atomic_write(path, generate_cytoscape(graph))
