"""RDF exports: Turtle, N-Triples, JSON-LD, RDF/XML, TriG and N-Quads.

All six come from :func:`kg.rdf.statements_by_graph` and are written by
pyoxigraph's serialisers (rdflib's Turtle serialiser is hundreds of times slower
on kg's graphs: see ``benchmarks/bench_rdf_export.py``). Triple formats
hold the union of all graphs, each triple once; TriG and N-Quads keep one named
graph per article. The same graph always gives the same bytes.

Turtle, TriG, N-Triples and N-Quads are produced in batches of statements cut at
subject boundaries, so a large graph streams out in chunks. JSON-LD (one JSON
document, written by pyoxigraph in expanded form with full IRIs) and RDF/XML
(one XML document) cannot be cut into independent pieces: pyoxigraph's
streaming writers get the same batches one after another and write into a
temporary file, which is then read out in chunks (in one piece, a 100,000-article
graph's JSON-LD took 3 GB of memory).

RDF/XML is XML 1.0, which cannot hold most control characters at all: they are
replaced by U+FFFD there (text stays the same length, so offsets still hold),
and a carriage return is written as ``&#13;`` so that XML parsers keep it. The
other formats keep every literal exactly.

>>> from tests.sample import sample_graph
>>> ttl = b"".join(generate_turtle(sample_graph()))
>>> ttl.startswith(b"@prefix ") and b"kg:denies" in ttl
True
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg.formats import FORMATS
from kg.io import atomic_write
from kg.rdf import PREFIXES, iter_statements_by_graph, nquads, triple_parts

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "generate",
    "generate_jsonld",
    "generate_nquads",
    "generate_ntriples",
    "generate_rdfxml",
    "generate_trig",
    "generate_turtle",
    "write",
    "write_jsonld",
    "write_nquads",
    "write_ntriples",
    "write_rdfxml",
    "write_trig",
    "write_turtle",
]

# Statements per parse/serialise round: large enough that the per-call cost
# vanishes, small enough that a million-triple graph streams in small chunks.
BATCH = 50_000
#: Bytes per chunk read back from a temporary file.
CHUNK = 1 << 20

_STREAMED = {"TURTLE", "TRIG", "N_TRIPLES", "N_QUADS"}
_PREFIXED = {"TURTLE", "TRIG", "RDF_XML"}
# Characters XML 1.0 forbids even as references; in UTF-8 the control bytes
# only ever stand for themselves, so bytes can be replaced directly.
_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
_REPLACEMENT = "\ufffd".encode()


def _batches(statements: list[str], size: int) -> Iterator[list[str]]:
    """Consecutive slices of about ``size`` statements, never splitting a subject.

    >>> [len(b) for b in _batches(["<a> <p> 1", "<a> <p> 2", "<b> <p> 3"], 1)]
    [2, 1]
    """
    i, n = 0, len(statements)
    while i < n:
        j = min(i + size, n)
        if j < n:
            last = statements[j - 1]
            subject = last[: last.index(" ") + 1]
            while j < n and statements[j].startswith(subject):
                j += 1
        yield statements[i:j]
        i = j


def _clean_xml(stream: IO[bytes]) -> Iterator[bytes]:
    """The chunks of an RDF/XML document with the characters XML 1.0 forbids replaced.

    Chunks are cut after a line break, so no forbidden sequence is split between two.

    >>> import io
    >>> b"".join(_clean_xml(io.BytesIO(b"<a>x\\x01\\r</a>\\n")))
    b'<a>x\\xef\\xbf\\xbd&#13;</a>\\n'
    """
    rest = b""
    while block := stream.read(CHUNK):
        data = rest + block
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        if cut:
            yield _XML_FORBIDDEN.sub(_REPLACEMENT, data[:cut]).replace(b"\r", b"&#13;")
    if rest:
        yield _XML_FORBIDDEN.sub(_REPLACEMENT, rest).replace(b"\r", b"&#13;")


def _strip_header(chunk: bytes) -> tuple[bytes, bytes]:
    """Split the ``@prefix`` lines that start a Turtle/TriG chunk from the rest."""
    end = 0
    while chunk.startswith(b"@prefix ", end):
        end = chunk.index(b"\n", end) + 1
    return chunk[:end], chunk[end:]


def generate(graph: KnowledgeGraph, name: str) -> Iterator[bytes]:
    """Yield the bytes of ``graph`` in the RDF format called ``name`` in :data:`kg.formats.FORMATS`.

    >>> from tests.sample import sample_graph
    >>> next(generate(sample_graph(), "html"))
    Traceback (most recent call last):
    ...
    kg.errors.ChoiceError: unknown RDF format 'html' (allowed: jsonld, nquads, ntriples, rdfxml, trig, turtle)
    """
    import pyoxigraph

    from kg.errors import ChoiceError

    rdf_formats = {f.name: f for f in FORMATS.values() if f.rdf}
    if name not in rdf_formats:
        raise ChoiceError("RDF format", name, rdf_formats)
    fmt = rdf_formats[name]
    assert fmt.rdf is not None
    target = getattr(pyoxigraph.RdfFormat, fmt.rdf)
    prefixes = PREFIXES if fmt.rdf in _PREFIXED else None
    parts: Iterable[tuple[str | None, list[str]]] = iter_statements_by_graph(graph)
    if not fmt.quads:
        parts = ((None, statements) for statements in triple_parts(parts))

    def serialize(batch: list[tuple[str | None, list[str]]]) -> bytes:
        parsed = pyoxigraph.parse(nquads(batch), format=pyoxigraph.RdfFormat.N_QUADS)
        data = pyoxigraph.serialize(parsed, format=target, prefixes=prefixes)
        assert data is not None  # bytes when no output is given
        return data

    if fmt.rdf not in _STREAMED:
        quads = (
            quad
            for chunk in _chunks(parts)
            for quad in pyoxigraph.parse(nquads(chunk), format=pyoxigraph.RdfFormat.N_QUADS)
        )
        with tempfile.TemporaryFile() as tmp:
            pyoxigraph.serialize(quads, tmp, format=target, prefixes=prefixes)
            tmp.seek(0)
            yield from (_clean_xml(tmp) if fmt.rdf == "RDF_XML" else iter(lambda: tmp.read(CHUNK), b""))
        return
    header: bytes | None = None
    for chunk in _chunks(parts):
        data = serialize(chunk)
        if prefixes:
            head, data = _strip_header(data)
            if header is None:
                header = head
                yield head
        yield data


def _chunks(parts: Iterable[tuple[str | None, list[str]]]) -> Iterator[list[tuple[str | None, list[str]]]]:
    """About :data:`BATCH` statements at a time: large graphs cut at subject boundaries, small ones together.

    >>> parts = [(None, ["<a> <p> 1", "<b> <p> 2"]), ("g1", ["<c> <p> 3"]), ("g2", ["<d> <p> 4"])]
    >>> [[(g, len(s)) for g, s in chunk] for chunk in _chunks(parts)]
    [[(None, 2), ('g1', 1), ('g2', 1)]]
    """
    pending: list[tuple[str | None, list[str]]] = []
    size = 0
    for g, statements in parts:
        for batch in _batches(statements, BATCH):
            pending.append((g, batch))
            size += len(batch)
            if size >= BATCH:
                yield pending
                pending, size = [], 0
    if pending:
        yield pending


def write(graph: KnowledgeGraph, path: str | Path, name: str) -> Path:
    """Write ``graph`` to ``path`` in the RDF format ``name``, atomically."""
    return atomic_write(path, generate(graph, name))


def generate_turtle(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "turtle")


def generate_ntriples(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "ntriples")


def generate_jsonld(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "jsonld")


def generate_rdfxml(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "rdfxml")


def generate_trig(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "trig")


def generate_nquads(graph: KnowledgeGraph) -> Iterator[bytes]:
    return generate(graph, "nquads")


def write_turtle(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "turtle")


def write_ntriples(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "ntriples")


def write_jsonld(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "jsonld")


def write_rdfxml(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "rdfxml")


def write_trig(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "trig")


def write_nquads(graph: KnowledgeGraph, path: str | Path) -> Path:
    return write(graph, path, "nquads")
