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

from kg.errors import ChoiceError, UsageError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    ``rdf`` names the matching ``pyoxigraph.RdfFormat`` member for RDF formats
    (``None`` otherwise); ``quads`` says whether the format keeps named graphs;
    ``directory`` formats write several files into a folder named ``filename``;
    ``view`` formats draw the graph and accept the view options ``focus``,
    ``depth`` and ``max_nodes``; ``options`` names the other keyword options the
    writer accepts (``drop_isolated``, ``dialect``).
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
    options: tuple[str, ...] = ()

    def load_writer(self) -> Callable[[KnowledgeGraph, Path], object]:
        module, _, func = self.writer.partition(":")
        return getattr(importlib.import_module(module), func)


_RDF = "kg.exporters.rdf"
_PG = "kg.exporters.property_graph"
_DROP = ("drop_isolated",)

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
        Format("graphml", (".graphml",), "application/graphml+xml", "graph.graphml", f"{_PG}:write_graphml",
               options=_DROP),
        Format("gexf", (".gexf",), "application/gexf+xml", "graph.gexf", f"{_PG}:write_gexf", options=_DROP),
        Format("cytoscape", (".cyjs",), "application/json", "graph.cyjs", f"{_PG}:write_cytoscape",
               options=_DROP),
        Format("csv", (".csv",), "text/csv", "csv", f"{_PG}:write_csv", directory=True,
               options=_DROP),
        Format("neo4j", (), "text/csv", "neo4j-import", f"{_PG}:write_neo4j_import", directory=True,
               options=_DROP),
        Format("cypher", (".cypher", ".cql"), "application/x-cypher-query", "graph.cypher",
               f"{_PG}:write_cypher", options=("dialect", *_DROP)),
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


def choose_format(path: str | os.PathLike[str], name: str | None = None) -> Format:
    """The format named ``name``, or guessed from ``path``; a name that contradicts the extension is refused.

    >>> choose_format("out/graph.gexf").name, choose_format("out/nodes", "csv").name
    ('gexf', 'csv')
    >>> choose_format("fig.png", "gexf")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: fig.png ends with .png, the extension of png, not of --format gexf (.gexf): ...
    """
    if name is None:
        return guess_format(path)
    fmt = get_format(name)
    suffix = Path(path).suffix.lower()
    other = next((f for f in FORMATS.values() if suffix in f.extensions), None)
    if other is not None and other is not fmt:
        exts = ", ".join(fmt.extensions) or "a folder"
        raise UsageError(f"{path} ends with {suffix}, the extension of {other.name}, not of --format {name} "
                         f"({exts}): rename the output or leave --format out")
    return fmt


def _write(
    fmt: Format, graph: KnowledgeGraph, path: Path, view: Mapping[str, object] | None,
    options: Mapping[str, object] | None = None,
) -> None:
    chosen = {k: v for k, v in (view or {}).items() if v is not None} if fmt.view else {}
    chosen.update({k: v for k, v in (options or {}).items() if v is not None and k in fmt.options})
    fmt.load_writer()(graph, path, **chosen)


def export(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    view: Mapping[str, object] | None = None,
    options: Mapping[str, object] | None = None,
) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (guessed from the extension if omitted).

    ``view`` (``focus``, ``depth``, ``max_nodes``) applies to the formats that draw the graph,
    ``options`` (``drop_isolated``, ``dialect``) to the formats that name them in ``Format.options``.
    """
    fmt = get_format(format) if format else guess_format(path)
    _write(fmt, graph, Path(path), view, options)
    return Path(path)


def export_all(
    graph: KnowledgeGraph,
    directory: str | os.PathLike[str],
    *,
    formats: Iterable[str] | None = None,
    view: Mapping[str, object] | None = None,
    options: Mapping[str, object] | None = None,
) -> list[Path]:
    """Write ``graph`` into ``directory`` in each format (default: the ``default`` ones)."""
    chosen = [get_format(n) for n in formats] if formats is not None else [
        f for f in FORMATS.values() if f.default
    ]
    out = []
    for fmt in chosen:
        target = Path(directory) / fmt.filename
        _write(fmt, graph, target, view, options)
        out.append(target)
    return out
