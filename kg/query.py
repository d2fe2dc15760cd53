"""SPARQL over a store: the shipped example queries, running them, printing results.

``kg query --store DIR QUERY`` takes the query as text, as ``@file.rq``, as
``-`` (standard input) or as the name of a shipped query (``ontology/queries``).
The prefixes of :data:`kg.rdf.PREFIXES` (``kg:``, ``entity:``, ``rdfs:``,
``schema:`` ...) are predeclared, so short queries need no ``PREFIX`` lines.

>>> import pyoxigraph
>>> from kg.rdf import quads
>>> from tests.sample import sample_graph
>>> store = pyoxigraph.Store()
>>> store.extend(quads(sample_graph()))
>>> results = run(store, query_text("denied-or-rumored-partnerships"))
>>> print("".join(format_results(results, "table", max_width=20)))
partyA             | partyB | status | speaker | published  | article              | evidence
-------------------+--------+--------+---------+------------+----------------------+---------------------
Ford Motor Company | Xiaomi | denied | Xiaomi  | 2026-02-03 | article:id/xiaomi-f… | Xiaomi secara resmi…
(1 row)
<BLANKLINE>
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ChoiceError, UsageError

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "QUERY_FORMATS",
    "display_term",
    "entity_binding",
    "format_results",
    "parse_binding",
    "query_summary",
    "query_text",
    "run",
    "shipped_queries",
]

#: ``--format`` choices: a readable table, the SPARQL 1.1 result formats, and
#: Turtle / N-Triples for CONSTRUCT and DESCRIBE results.
QUERY_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "xml", "ttl", "nt")

_RESULT_FORMATS = {"csv": "CSV", "tsv": "TSV", "json": "JSON", "xml": "XML"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shipped_queries() -> dict[str, Path]:
    """The example queries shipped in ``ontology/queries``, by name.

    >>> sorted(shipped_queries())[:2]
    ['asserted-partnerships', 'companies-by-sector']
    """
    from kg.resources import ontology_dir

    folder = ontology_dir() / "queries"
    return {p.stem: p for p in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}


def query_summary(text: str) -> str:
    """The first line of a query's comment header.

    >>> query_summary("# Partnerships that stand.\\n# More.\\nSELECT * {}")
    'Partnerships that stand.'
    """
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            summary = stripped.lstrip("#").strip()
            if summary:
                return summary
        elif stripped:
            break
    return ""


def query_text(ref: str) -> str:
    """The SPARQL text ``ref`` stands for: ``@path``, ``-`` (stdin), a shipped name, or itself.

    >>> query_text("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> query_text("@/nonexistent.rq")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: cannot read query file /nonexistent.rq: ...
    """
    if ref == "-":
        return sys.stdin.read()
    if ref.startswith("@"):
        path = Path(ref[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read query file {path}: {exc}") from None
    shipped = shipped_queries()
    if ref in shipped:
        return shipped[ref].read_text(encoding="utf-8")
    if re.fullmatch(r"[\w.-]+", ref):  # one word: meant as a query name, not SPARQL
        raise ChoiceError("query name", ref, shipped)
    return ref


def _prefixes() -> dict[str, str]:
    from kg.rdf import PREFIXES

    return dict(PREFIXES)


def _display_prefixes() -> list[tuple[str, str]]:
    from kg import ids

    names = _prefixes()
    for kind in ("relation", "claim", "article", "graph"):
        names.setdefault(kind, f"{ids.RESOURCE}{kind}/")
    # Longest namespace first, so entity: wins over a shorter enclosing one.
    return sorted(((ns, p) for p, ns in names.items()), key=lambda item: (-len(item[0]), item[1]))


def parse_binding(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` from ``--bind``; VALUE is ``<iri>``, ``prefix:name`` or plain text.

    >>> parse_binding("company=entity:xiaomi")
    ('company', 'entity:xiaomi')
    >>> parse_binding("company")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --bind needs NAME=VALUE, got 'company'
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise UsageError(f"--bind needs NAME=VALUE, got {text!r}")
    return name, value


def entity_binding(store: pyoxigraph.Store, value: str) -> tuple[str, str]:
    """A ``--bind`` value given as plain text, as the entity it names when one does.

    ``<iri>`` and ``prefix:name`` are kept. Text is matched against entity ids,
    names and aliases (ignoring case): ``company=GoTo`` binds ``entity:goto``.
    Returns the value to bind and a note for the user: which entity was chosen,
    or that none matched and which are close (the text is then bound as text).

    >>> import pyoxigraph
    >>> entity_binding(pyoxigraph.Store(), "entity:goto")
    ('entity:goto', '')
    >>> entity_binding(pyoxigraph.Store(), "GoTo")[1]
    "no entity has the id, name or alias 'GoTo', so it is bound as text"
    """
    import difflib

    import pyoxigraph

    if isinstance(_term(value), pyoxigraph.NamedNode):
        return value, ""
    ns = _prefixes()["entity"]
    rows = store.query(
        "SELECT DISTINCT ?e ?name WHERE { ?e rdfs:label|skos:altLabel ?name . "
        f'FILTER(STRSTARTS(STR(?e), "{ns}")) }}',
        prefixes=_prefixes(), use_default_graph_as_union=True,
    )
    names: dict[str, set[str]] = {}
    for row in rows:  # type: ignore[union-attr]
        iri = str(row["e"].value)
        names.setdefault(iri, set()).update({str(row["name"].value), iri[len(ns):]})
    wanted = value.casefold()
    found = sorted(iri for iri, said in names.items() if any(n.casefold() == wanted for n in said))
    if found:
        # Several entities may share a name: the first id is bound, the others named.
        others = f" (also named so: {', '.join('entity:' + f[len(ns):] for f in found[1:])})" if found[1:] else ""
        return f"<{found[0]}>", f"bound to entity:{found[0][len(ns):]}{others}"
    every = {n.casefold(): iri for iri, said in names.items() for n in said}
    close = sorted({"entity:" + every[c][len(ns):] for c in difflib.get_close_matches(wanted, every, n=5, cutoff=0.6)})
    hint = f"; close: {', '.join(close)}" if close else ""
    return value, f"no entity has the id, name or alias {value!r}, so it is bound as text{hint}"


def _term(value: str) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    import pyoxigraph

    try:
        if value.startswith("<") and value.endswith(">"):
            return pyoxigraph.NamedNode(value[1:-1])
        prefix, sep, local = value.partition(":")
        names = _prefixes()
        if sep and prefix in names and not local.startswith("//"):
            return pyoxigraph.NamedNode(names[prefix] + local)
    except ValueError as exc:
        raise UsageError(f"not a valid IRI in --bind: {value!r} ({exc})") from None
    return pyoxigraph.Literal(value)


# Strings, IRIs and comments first, so that a SERVICE inside them is not a keyword; a
# keyword is a bare word, not a variable (?service), a prefixed name (ex:service) or a prefix.
_Q1, _Q2 = "'", '"'
_SPARQL_TOKEN = re.compile(
    "|".join(
        (
            rf"{_Q2 * 3}(?:[^{_Q2}\\]|\\.|{_Q2}(?!{_Q2 * 2}))*{_Q2 * 3}",  # long strings
            rf"{_Q1 * 3}(?:[^{_Q1}\\]|\\.|{_Q1}(?!{_Q1 * 2}))*{_Q1 * 3}",
            rf"{_Q2}(?:[^{_Q2}\\\n]|\\.)*{_Q2}",  # short strings
            rf"{_Q1}(?:[^{_Q1}\\\n]|\\.)*{_Q1}",
            r"<[^<>\s]*>",  # IRIs
            r"#[^\n]*",  # comments
            r"[?$:]?[A-Za-z_][\w.-]*:?",  # words, variables, prefixed names
        )
    )
)


def calls_service(sparql: str) -> bool:
    """Whether a query calls out to another endpoint (``SERVICE <iri> { ... }``).

    >>> calls_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> calls_service('SELECT ?service { ?service a kg:Company ; rdfs:label "SERVICE" } # SERVICE')
    False
    """
    return any(m.group().upper() == "SERVICE" for m in _SPARQL_TOKEN.finditer(sparql))


def run(
    store: pyoxigraph.Store, sparql: str, *, bindings: Mapping[str, str] | None = None, allow_service: bool = False
) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
    """Run a SPARQL query; ``bindings`` pre-bind variables (values as for :func:`parse_binding`).

    A query that calls ``SERVICE`` is refused unless ``allow_service``: kg runs
    offline, and a query read from a file must not reach the network unasked.

    >>> import pyoxigraph
    >>> bool(run(pyoxigraph.Store(), "ASK { ?s a kg:Company }"))
    False
    >>> run(pyoxigraph.Store(), "SELEC nothing")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: invalid SPARQL query: ...
    """
    import pyoxigraph

    if not allow_service and calls_service(sparql):
        raise UsageError("the query calls SERVICE (another SPARQL endpoint, over the network); kg query runs "
                         "offline unless --allow-service is given")
    substitutions: dict[pyoxigraph.Variable, Any] = {
        pyoxigraph.Variable(k): _term(v) for k, v in (bindings or {}).items()
    }
    try:
        return store.query(sparql, prefixes=_prefixes(), substitutions=substitutions or None)
    except SyntaxError as exc:
        raise UsageError(f"invalid SPARQL query: {exc}") from None


def display_term(term: object, *, prefixes: list[tuple[str, str]] | None = None) -> str:
    """A short, one-line, terminal-safe text for an RDF term (``""`` when unbound).

    >>> import pyoxigraph
    >>> display_term(pyoxigraph.NamedNode("https://w3id.org/kg/resource/entity/xiaomi"))
    'entity:xiaomi'
    >>> display_term(pyoxigraph.Literal("line\\nbreak \\x1b[31mred"))
    'line\\\\nbreak \\\\x1b[31mred'
    """
    import pyoxigraph

    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        iri = term.value
        for ns, prefix in prefixes if prefixes is not None else _display_prefixes():
            if iri.startswith(ns) and len(iri) > len(ns):
                text = f"{prefix}:{iri[len(ns) :]}"
                break
        else:
            text = f"<{iri}>"
    elif isinstance(term, pyoxigraph.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, pyoxigraph.Literal):
        text = term.value
    else:
        text = str(term)
    # Article text is untrusted: escape control characters so no cell can move
    # the cursor, recolour the terminal or break the table's lines.
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _table(results: pyoxigraph.QuerySolutions, max_width: int) -> Iterator[str]:
    names = [v.value for v in results.variables]
    prefixes = _display_prefixes()
    rows = [
        [_cut(display_term(row[i], prefixes=prefixes), max_width) for i in range(len(names))]
        for row in results
    ]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"

    yield line(names)
    yield "-+-".join("-" * w for w in widths) + "\n"
    for r in rows:
        yield line(r)
    yield f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n"


def format_results(results: Any, fmt: str = "table", *, max_width: int = 60) -> Iterator[str]:
    """Text chunks of query results in ``fmt`` (one of :data:`QUERY_FORMATS`).

    SELECT and ASK results take ``table`` or a SPARQL 1.1 results format (``json``
    is the SPARQL 1.1 Query Results JSON format); CONSTRUCT and DESCRIBE results
    take ``table`` (Turtle with kg's prefixes), ``ttl`` or ``nt``. ``max_width``
    cuts long cells of a table (0: never).
    """
    import pyoxigraph

    if fmt not in QUERY_FORMATS:
        raise ChoiceError("query result format", fmt, QUERY_FORMATS)
    if isinstance(results, pyoxigraph.QueryTriples):
        if fmt not in ("table", "ttl", "nt"):
            raise ChoiceError("format for CONSTRUCT/DESCRIBE results", fmt, ("table", "ttl", "nt"))
        rdf = pyoxigraph.RdfFormat.N_TRIPLES if fmt == "nt" else pyoxigraph.RdfFormat.TURTLE
        data = pyoxigraph.serialize(sorted(results, key=str), format=rdf, prefixes=_prefixes())
        yield (data or b"").decode("utf-8")
        return
    if fmt in ("ttl", "nt"):
        raise ChoiceError("format for SELECT/ASK results", fmt, ("table", *_RESULT_FORMATS))
    if fmt == "table":
        if isinstance(results, pyoxigraph.QueryBoolean):
            yield f"{str(bool(results)).lower()}\n"
        else:
            yield from _table(results, max_width or sys.maxsize)
        return
    data = results.serialize(format=getattr(pyoxigraph.QueryResultsFormat, _RESULT_FORMATS[fmt]))
    text = data.decode("utf-8")
    yield text if text.endswith("\n") else text + "\n"
