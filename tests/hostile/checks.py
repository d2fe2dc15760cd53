"""Independent checks of every export of a graph: each output is parsed back with its own parser.

* RDF: pyoxigraph parses each file back to exactly :func:`kg.rdf.quads` (XML 1.0
  cannot hold some characters: RDF/XML carries U+FFFD for them); every IRI is
  absolute and valid.
* HTML: only kg's three ``<script>`` elements, no ``on*`` attribute, no
  ``javascript:`` URL, no element from the input; the embedded JSON parses and
  holds every label, alias, title and evidence sentence exactly.
* JSONL, Cytoscape JSON, GraphML/GEXF (lxml), CSV (csv module) parse and hold the
  entity labels; the Cypher script is one statement per line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from html.parser import HTMLParser
from typing import Any

import pyoxigraph as ox

from kg.formats import FORMATS, Format
from kg.graph import KnowledgeGraph

__all__ = [
    "TEXT_FORMATS",
    "check_all",
    "check_cypher",
    "check_html",
    "check_rdf",
    "expected_strings",
    "export_bytes",
]

# Characters XML 1.0 forbids even as references: the XML exports write U+FFFD instead.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What an absolute IRI may not contain (RFC 3987 excludes these from every component).
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
# Drawings are slow and hold no text to check: the checks cover everything else.
TEXT_FORMATS = [f for f in FORMATS.values() if f.name not in ("png", "svg")]


def export_bytes(graph: KnowledgeGraph, fmt: Format) -> dict[str, bytes]:
    """The export in ``fmt`` as ``{file name: bytes}``, produced by the format's generator."""
    import importlib

    module, _, writer = fmt.writer.partition(":")
    generate = getattr(importlib.import_module(module), writer.replace("write_", "generate_", 1))
    if fmt.rdf:
        from kg.exporters.rdf import generate as rdf_generate

        return {fmt.filename: b"".join(rdf_generate(graph, fmt.name))}
    out = generate(graph)
    if fmt.directory:
        return {name: _join(chunks) for name, chunks in out}
    return {fmt.filename: _join(out)}


def _join(chunks: Iterable[str | bytes]) -> bytes:
    return b"".join(c.encode("utf-8") if isinstance(c, str) else c for c in chunks)


# ------------------------------------------------------------------ RDF


def _key(q: Any, *, keep_graph: bool, xml: bool) -> tuple[str, str, str, str | None, str | None, str | None]:
    o = q.object
    dt = o.datatype.value if isinstance(o, ox.Literal) else None
    lang = o.language if isinstance(o, ox.Literal) else None
    value = XML_FORBIDDEN.sub("\ufffd", o.value) if (xml and isinstance(o, ox.Literal)) else o.value
    g = q.graph_name.value if keep_graph and not isinstance(q.graph_name, ox.DefaultGraph) else None
    return q.subject.value, q.predicate.value, value, dt, lang, g


def check_iris(quads: Iterable[Any]) -> None:
    """Every IRI is absolute (http, https or urn) and has no character RFC 3987 forbids."""
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                iri = term.value
                assert re.match(r"(https?://[^/?#]+/|urn:)", iri), f"not an absolute http(s) IRI: {iri!r}"
                assert not _IRI_BAD.search(iri), f"invalid character in IRI {iri!r}"
                assert ox.NamedNode(iri).value == iri  # pyoxigraph's own validation


def check_rdf(graph: KnowledgeGraph, fmt: Format, data: bytes) -> None:
    """``data`` (an export in ``fmt``) parses back to exactly the quads of ``kg.rdf.quads(graph)``."""
    from kg.rdf import quads

    xml = fmt.name == "rdfxml"
    expected = sorted({_key(q, keep_graph=fmt.quads, xml=xml) for q in quads(graph)})
    parsed = list(ox.parse(data, format=getattr(ox.RdfFormat, fmt.rdf or "")))
    got = sorted(_key(q, keep_graph=fmt.quads, xml=xml) for q in parsed)
    assert got == expected, f"{fmt.name}: {len(got)} statements parsed, {len(expected)} expected"
    check_iris(parsed)


# ------------------------------------------------------------------ HTML


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)


@cache
def _empty_page() -> _Page:
    """The page of an empty graph: its elements and code are what no data may change."""
    from kg.exporters.html import generate_html

    page = _Page()
    page.feed("".join(generate_html(KnowledgeGraph())))
    page.close()
    return page


def _own_scripts() -> tuple[str, ...]:
    return tuple(text for attrs, text in _empty_page().scripts if attrs.get("type") != "application/json")


_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}


def check_html(graph: KnowledgeGraph, page: str) -> dict[str, Any]:
    """The page is inert whatever the graph holds; returns its embedded data."""
    p = _Page()
    p.feed(page)
    p.close()
    # The data adds no element and no attribute: the page has exactly the empty graph's markup.
    assert p.tags == _empty_page().tags, [t for t in p.tags if t not in _empty_page().tags][:3]
    for tag, attrs in p.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler attribute on <{tag}>: {name}={value!r}"
            if name in _URL_ATTRS and value is not None:
                assert not re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:text")), value
    data_scripts = [(a, t) for a, t in p.scripts if a.get("type") == "application/json"]
    code = tuple(t for a, t in p.scripts if a.get("type") != "application/json")
    assert [a for a, _ in data_scripts] == [{"type": "application/json", "id": "kg-data"}]
    assert code == _own_scripts(), "an executable script differs from kg's own"
    assert all(attrs in ({}, {"type": "application/json", "id": "kg-data"}) for attrs, _ in p.scripts)
    data: dict[str, Any] = json.loads(data_scripts[0][1])
    strings = set(_strings(data))
    missing = [s for s in expected_strings(graph, html=True) if s not in strings]
    assert not missing, f"not in the page's data: {missing[:3]!r}"
    for claim in data["claims"]:
        url = claim.get("url")
        assert url is None or re.match(r"https?://", url), url
    return data


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def expected_strings(graph: KnowledgeGraph, *, html: bool = False) -> list[str]:
    """Entity labels and aliases, and (for the page) titles and evidence of every claim, as given."""
    out = [e.label for e in graph.entities] + [a for e in graph.entities for a in e.aliases]
    if html:
        for link in graph.links:
            for c in link.claims:
                title = graph.article(c.article).title
                if title is not None:
                    out.append(title)
                out += [ev.text for ev in c.evidence]
    return sorted(set(out))


# ------------------------------------------------------------------ the others


def check_cypher(graph: KnowledgeGraph, script: str) -> list[str]:
    """One statement per line, no raw line break inside a literal; returns the statements."""
    from kg.exporters.cypher import statements

    body = list(statements(script))
    for s in body:
        assert "\r" not in s and "\x00" not in s, s[:80]
        assert s.startswith(("CREATE ", "UNWIND ")), s[:80]
    return body


def _check_jsonl(graph: KnowledgeGraph, data: bytes) -> None:
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    assert [r["article"]["id"] for r in records] == [x.article.id for x in graph.extractions]
    for r, x in zip(records, graph.extractions, strict=True):
        assert r["article"]["title"] == x.article.title
        assert [e["label"] for e in r["entities"]] == [e.label for e in x.entities]


def _check_xml(graph: KnowledgeGraph, data: bytes) -> None:
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    text = {t for t in root.itertext()} | {v for el in root.iter() for v in el.attrib.values()}
    missing = [s for s in expected_strings(graph) if XML_FORBIDDEN.sub("\ufffd", s) not in text
               and not any(XML_FORBIDDEN.sub("\ufffd", s) in t for t in text)]
    assert not missing, f"not in the XML: {missing[:3]!r}"


def _check_cytoscape(graph: KnowledgeGraph, data: bytes) -> None:
    doc = json.loads(data)
    labels = {n["data"].get("label") for n in doc["elements"]["nodes"]}
    assert {e.label for e in graph.entities} <= labels


def _check_csv(graph: KnowledgeGraph, files: dict[str, bytes]) -> None:
    cells: set[str] = set()
    for name, data in files.items():
        if not name.endswith(".csv"):
            continue
        text = data.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows and all(len(r) == len(rows[0]) for r in rows), "ragged CSV"
        cells.update(c for r in rows for c in r)
    assert all(any(e.label == c or e.label in c for c in cells) for e in graph.entities)


_CHECKS: dict[str, Callable[[KnowledgeGraph, bytes], None]] = {
    "extractions": _check_jsonl,
    "graphml": _check_xml,
    "gexf": _check_xml,
    "cytoscape": _check_cytoscape,
}


def check_all(graph: KnowledgeGraph, formats: Iterable[Format] = TEXT_FORMATS) -> dict[str, dict[str, bytes]]:
    """Export ``graph`` in every format and check each; returns the bytes by format name."""
    out = {}
    for fmt in formats:
        files = export_bytes(graph, fmt)
        out[fmt.name] = files
        if fmt.rdf:
            check_rdf(graph, fmt, files[fmt.filename])
        elif fmt.name == "html":
            check_html(graph, files[fmt.filename].decode("utf-8"))
        elif fmt.name == "cypher":
            check_cypher(graph, files[fmt.filename].decode("utf-8"))
        elif fmt.directory:
            _check_csv(graph, files)
        elif fmt.name in _CHECKS:
            _CHECKS[fmt.name](graph, files[fmt.filename])
        elif fmt.name in ("png", "svg"):
            assert files[fmt.filename]
    return out
