"""The one table of output formats.

It drives the CLI's ``--format`` choices, format guessing from a file name,
``kg build``'s default outputs and the round-trip tests. Each writer has the
shape ``write_x(graph, path)`` and is imported only when used.

>>> guess_format("out/graph.ttl").name
'turtle'
>>> guess_format("graph.xyz")
Traceback (most recent call last):
...
kg.errors.ChoiceError: unknown file extension '.xyz' (allowed: .cql, .csv, ...)
>>> [f.filename for f in FORMATS.values() if f.default][:3]
['graph.ttl', 'graph.nt', 'graph.jsonld']
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ChoiceError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    ``rdf`` names the matching ``pyoxigraph.RdfFormat`` member for RDF formats
    (``None`` otherwise); ``quads`` says whether the format keeps named graphs;
    ``directory`` formats write several files into a folder named ``filename``;
    ``view`` formats draw the graph and accept the view options ``focus``,
    ``depth`` and ``max_nodes``.
    """

    name: str
    extensions: tuple[str, ...]
    media_type: str
    filename: str
    writer: str
    default: bool = False
    rdf: str | None = None
    quads: bool = False
    directory: bool = False
    view: bool = False

    def load_writer(self) -> Callable[[KnowledgeGraph, Path], object]:
        module, _, func = self.writer.partition(":")
        return getattr(importlib.import_module(module), func)


_RDF = "kg.exporters.rdf"
_PG = "kg.exporters.property_graph"

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", (".ttl",), "text/turtle", "graph.ttl", f"{_RDF}:write_turtle", True, "TURTLE"),
        Format("ntriples", (".nt",), "application/n-triples", "graph.nt", f"{_RDF}:write_ntriples", True,
               "N_TRIPLES"),
        Format("jsonld", (".jsonld",), "application/ld+json", "graph.jsonld", f"{_RDF}:write_jsonld", True,
               "JSON_LD"),
        Format("rdfxml", (".rdf", ".owl"), "application/rdf+xml", "graph.rdf", f"{_RDF}:write_rdfxml", True,
               "RDF_XML"),
        Format("trig", (".trig",), "application/trig", "graph.trig", f"{_RDF}:write_trig", True, "TRIG",
               quads=True),
        Format("nquads", (".nq",), "application/n-quads", "graph.nq", f"{_RDF}:write_nquads", True, "N_QUADS",
               quads=True),
        Format("extractions", (".jsonl",), "application/x-ndjson", "extractions.jsonl",
               "kg.exporters.jsonl:write_extractions", True),
        Format("html", (".html", ".htm"), "text/html", "graph.html", "kg.exporters.html:write_html", True,
               view=True),
        Format("graphml", (".graphml",), "application/graphml+xml", "graph.graphml", f"{_PG}:write_graphml"),
        Format("gexf", (".gexf",), "application/gexf+xml", "graph.gexf", f"{_PG}:write_gexf"),
        Format("cytoscape", (".cyjs",), "application/json", "graph.cyjs", f"{_PG}:write_cytoscape"),
        Format("csv", (".csv",), "text/csv", "csv", f"{_PG}:write_csv", directory=True),
        Format("neo4j", (), "text/csv", "neo4j-import", f"{_PG}:write_neo4j_import", directory=True),
        Format("cypher", (".cypher", ".cql"), "application/x-cypher-query", "graph.cypher",
               f"{_PG}:write_cypher"),
        Format("png", (".png",), "image/png", "graph.png", "kg.exporters.figure:write_png", view=True),
        Format("svg", (".svg",), "image/svg+xml", "graph.svg", "kg.exporters.figure:write_svg", view=True),
    )
}


def get_format(name: str) -> Format:
    """The format called ``name``.

    >>> get_format("nq").name
    Traceback (most recent call last):
    ...
    kg.errors.ChoiceError: unknown format 'nq' (allowed: csv, cypher, cytoscape, ...)
    """
    try:
        return FORMATS[name]
    except KeyError:
        raise ChoiceError("format", name, FORMATS) from None


def guess_format(path: str | os.PathLike[str]) -> Format:
    """The format whose extension ``path`` ends with."""
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.extensions:
            return f
    raise ChoiceError("file extension", suffix, [e for f in FORMATS.values() for e in f.extensions])


def _write(fmt: Format, graph: KnowledgeGraph, path: Path, view: Mapping[str, object] | None) -> None:
    options = {k: v for k, v in (view or {}).items() if v is not None} if fmt.view else {}
    fmt.load_writer()(graph, path, **options)


def export(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    view: Mapping[str, object] | None = None,
) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (guessed from the extension if omitted).

    ``view`` (``focus``, ``depth``, ``max_nodes``) applies to the formats that draw the graph.
    """
    fmt = get_format(format) if format else guess_format(path)
    _write(fmt, graph, Path(path), view)
    return Path(path)


def export_all(
    graph: KnowledgeGraph,
    directory: str | os.PathLike[str],
    *,
    formats: Iterable[str] | None = None,
    view: Mapping[str, object] | None = None,
) -> list[Path]:
    """Write ``graph`` into ``directory`` in each format (default: the ``default`` ones)."""
    chosen = [get_format(n) for n in formats] if formats is not None else [
        f for f in FORMATS.values() if f.default
    ]
    out = []
    for fmt in chosen:
        target = Path(directory) / fmt.filename
        _write(fmt, graph, target, view)
        out.append(target)
    return out
