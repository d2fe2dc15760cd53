"""N-Triples terms for :mod:`kg.rdf`: the namespaces, the prefixes outputs bind, and the writers of
literals (escaped), typed values, decimals, dates and URLs as N-Triples text.

>>> PREFIXES["kg"] == ids.ONTOLOGY
True
"""

from __future__ import annotations

import datetime
import functools
import math
import re

from kg import ids

__all__ = ["DCTERMS", "OA", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SKOS", "WIKIDATA", "XSD",
           "date_term", "decimal_term", "literal", "typed", "url_term"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
WIKIDATA = "http://www.wikidata.org/entity/"

#: Prefixes written by Turtle, TriG and RDF/XML (and bound in :func:`to_rdflib`).
#: Relation, claim and article ids hold ``/``, which a prefixed name could only
#: carry escaped (``claim:a\\/b``): those IRIs are clearer written in full.
PREFIXES: dict[str, str] = {
    "kg": ids.ONTOLOGY,
    "entity": ids.RESOURCE + "entity/",
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "wd": WIKIDATA,
}

# What N-Triples needs escaped inside "...": quote, backslash, line breaks; other
# control characters are legal raw but escaped too, so no reader chokes on them.
_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)} | {
    0x22: '\\"',
    0x5C: "\\\\",
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]')
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def literal(text: str) -> str:
    """An N-Triples string literal; any text survives (quotes, newlines, NUL, RTL marks).

    >>> print(literal('say "hi"\\n\\x00'))
    "say \\"hi\\"\\n\\u0000"
    """
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{XSD}{datatype}>'


@functools.lru_cache(maxsize=1024)
def decimal_term(value: float) -> str | None:
    """``xsd:decimal`` with at most 3 decimals, never exponent notation.

    >>> decimal_term(0.9), decimal_term(1), decimal_term(1 / 3), decimal_term(float("nan"))
    ('"0.9"^^<...#decimal>', '"1.0"^^<...#decimal>', '"0.333"^^<...#decimal>', None)
    """
    if not math.isfinite(value):
        return None
    text = f"{value:.3f}".rstrip("0")
    return typed(text + "0" if text.endswith(".") else text, "decimal")


def date_term(published: str) -> tuple[str, str]:
    """``(predicate, object)`` for a publication date: ``xsd:date`` if it parses.

    >>> date_term("2026-02-03")[1]
    '"2026-02-03"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> date_term("2026-02-03T10:00:00+07:00")[1]
    '"2026-02-03"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> date_term("kemarin")
    ('<http://purl.org/dc/terms/date>', '"kemarin"')
    """
    text = published.strip()
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        try:
            day = datetime.datetime.fromisoformat(text).date()
        except ValueError:
            return f"<{DCTERMS}date>", literal(published)
    return f"<{SCHEMA}datePublished>", typed(day.isoformat(), "date")


def url_term(url: str) -> str:
    """The article URL as an IRI when it is a web IRI, else as an ``xsd:anyURI`` literal.

    Other schemes (``javascript:``, ``file:``) stay text, so nothing that renders
    IRIs as links is handed one of them.

    >>> url_term("https://example.org/a?b=1"), url_term("not a url")
    ('<https://example.org/a?b=1>', '"not a url"^^<http://www.w3.org/2001/XMLSchema#anyURI>')
    >>> url_term("javascript:alert(1)")
    '"javascript:alert(1)"^^<http://www.w3.org/2001/XMLSchema#anyURI>'
    """
    import pyoxigraph

    if url.startswith(("http://", "https://")) and not _BAD_IRI.search(url):
        try:
            pyoxigraph.NamedNode(url)
        except ValueError:
            pass
        else:
            return f"<{url}>"
    return f"{literal(url)}^^<{XSD}anyURI>"
