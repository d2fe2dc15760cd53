"""Tabular property-graph exports: plain CSV, and the CSV files of ``neo4j-admin database import``.

Both are directory formats: ``generate_x(graph)`` yields ``(file name, chunks)``
pairs and ``write_x(graph, directory)`` writes each file atomically into the
directory. Files are UTF-8 with ``\\n`` line ends, a header row, and RFC 4180
quoting (a ``"`` inside a value is doubled), which is what Python's :mod:`csv`
and Neo4j's importer both read.

>>> from tests.sample import sample_graph
>>> files = dict(generate_neo4j_import(sample_graph()))
>>> sorted(files)
['README.txt', 'entities.csv', 'import.sh', 'relations.csv', 'relationships.csv', 'schema.cypher']
>>> "".join(files["relationships.csv"]).splitlines()[0]
':START_ID,:END_ID,:TYPE,key,relation,status,statuses:string[],articles:string[],...'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.exporters.cypher import schema_statements
from kg.exporters.flat import EDGE_FIELDS, NODE_FIELDS, flatten, relationship_type, scalar
from kg.io import atomic_write

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "ARRAY_DELIMITER",
    "ENTITY_COLUMNS",
    "RELATIONSHIP_COLUMNS",
    "RELATION_COLUMNS",
    "generate_csv",
    "generate_neo4j_import",
    "neo4j_import_command",
    "write_csv",
    "write_neo4j_import",
]

Files = Iterator[tuple[str, Iterable[str]]]

# neo4j-admin splits arrays on one character. ';' (its default) can occur in names and
# article ids; the ASCII unit separator cannot in text, so no value is ever split wrongly.
ARRAY_DELIMITER = "\x1f"

# The properties of each kind of node and of relationships in the Neo4j files (and in Cypher).
ENTITY_COLUMNS = ("id", "kind", "type", "label", "aliases", "wikidata", "articles", "sources",
                  "first_published", "last_published", "community", "degree", "betweenness")
RELATION_COLUMNS = ("id", "kind", "type", "label", "relation_type", "status", "statuses", "sectors",
                    "articles", "sources", "claims", "confidence", "first_published", "last_published",
                    "evidence", "history", "reversal", "undated", "curated")
RELATIONSHIP_COLUMNS = ("key", "relation", "status", "statuses", "articles", "sources", "claims",
                        "confidence", "first_published", "last_published", "evidence", "history", "reversal",
                        "undated", "curated")

_ROWS_PER_CHUNK = 500


def _csv_chunks(header: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    r"""CSV text in chunks, rows ending in ``\n``.

    The csv module quotes a field only for the characters of its line terminator:
    with ``"\n"`` a bare CR in a value ("0\r" as an article id) went out unquoted and
    every CSV reader split the row there. Rows are written with ``"\r\n"`` (so CR and
    LF both force quoting) and the terminator is then shortened to ``"\n"``.

    >>> "".join(_csv_chunks(["a", "b"], [["x\ry", "z"]]))
    'a,b\n"x\ry",z\n'
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def writerow(row: list[Any]) -> None:
        writer.writerow(row)
        buf.seek(buf.tell() - 2)
        buf.truncate()
        buf.write("\n")

    writerow(header)
    for n, row in enumerate(rows, 1):
        writerow(row)
        if n % _ROWS_PER_CHUNK == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula ("=1+1", "@SUM(1)"):
# OWASP's CSV-injection advice is to make it text with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a string starting like a formula gets a leading ``'``.

    >>> [spreadsheet_safe(v) for v in ("=1+1", "@SUM(1+1)", "-2+3", "Xiaomi", -2, 0.5)]
    ["'=1+1", "'@SUM(1+1)", "'-2+3", 'Xiaomi', -2, 0.5]
    """
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _write_dir(directory: Path, files: Files, executable: frozenset[str] = frozenset()) -> Path:
    directory = Path(directory)
    for name, chunks in files:
        atomic_write(directory / name, chunks, executable=name in executable)
    return directory


def generate_csv(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> Files:
    """``nodes.csv`` and ``edges.csv``: every attribute a column, lists joined with ``;``.

    These files are for spreadsheets, so a text cell that a spreadsheet would run as a
    formula is written with a leading ``'`` (:func:`spreadsheet_safe`); the Neo4j import
    files keep every value exactly.

    >>> from tests.sample import sample_graph
    >>> files = dict(generate_csv(sample_graph()))
    >>> "".join(files["edges.csv"]).splitlines()[0]
    'id,source,target,key,type,relation,status,statuses,articles,sources,claims,confidence,...'
    """
    nodes, edges = flatten(graph, drop_isolated=drop_isolated)
    yield "nodes.csv", _csv_chunks(
        list(NODE_FIELDS),
        ([spreadsheet_safe(scalar(d.get(k), t)) for k, t in NODE_FIELDS.items()] for _, d in nodes),
    )
    yield "edges.csv", _csv_chunks(
        list(EDGE_FIELDS),
        ([spreadsheet_safe(scalar(d.get(k), t)) for k, t in EDGE_FIELDS.items()] for _, _, d in edges),
    )


def write_csv(graph: KnowledgeGraph, path: Path, *, drop_isolated: bool = False) -> Path:
    """Write ``nodes.csv`` and ``edges.csv`` into the directory ``path``."""
    return _write_dir(path, generate_csv(graph, drop_isolated=drop_isolated))


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _neo4j_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, "\ufffd") for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return value


def neo4j_import_command(*, database: str = "neo4j", multiline: bool = False) -> str:
    """The ``neo4j-admin`` command that loads the files of :func:`generate_neo4j_import`.

    >>> print(neo4j_import_command())
    neo4j-admin database import full neo4j \\
      --nodes=Entity=entities.csv \\
      --nodes=Relation=relations.csv \\
      --relationships=relationships.csv \\
      --array-delimiter=U+001F
    """
    lines = [
        f"neo4j-admin database import full {database}",
        "  --nodes=Entity=entities.csv",
        "  --nodes=Relation=relations.csv",
        "  --relationships=relationships.csv",
        f"  --array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
    ]
    if multiline:
        lines.append("  --multiline-fields=true")
    return " \\\n".join(lines)


_README = """\
Neo4j bulk import files written by kg ({nodes} nodes, {edges} relationships).

  entities.csv       one row per entity; labels Entity and its type (Company, Person, ...)
  relations.csv      one row per partnership, acquisition, investment, supply deal or legal
                     dispute; labels Relation and its class (Partnership, ...)
  relationships.csv  one row per relationship; the :TYPE column holds PARTY, DENIES, SECTOR, ...
  schema.cypher      uniqueness constraints on Entity.id and Relation.id, to run after the import
  import.sh          the command below

Headers follow the neo4j-admin header format: id:ID (kept as the property id), :LABEL,
:START_ID, :END_ID, :TYPE, typed columns (claims:int, confidence:float, first_published:date,
aliases:string[]); untyped columns are strings, empty cells are absent properties. Arrays are
separated by the ASCII unit separator U+001F, hence --array-delimiter=U+001F. Quotes inside a
value are doubled (RFC 4180). The files are UTF-8.

Stop the database, then run from this directory (Neo4j 5 or 2025.x; the database must be new
or empty, or add --overwrite-destination to replace it):

{command}

and start the database and create the constraints:

  cypher-shell -d neo4j -f schema.cypher
"""


def generate_neo4j_import(graph: KnowledgeGraph, *, drop_isolated: bool = False) -> Files:
    """The CSV files of ``neo4j-admin database import full``, with ``import.sh`` and ``README.txt``."""
    nodes, edges = flatten(graph, drop_isolated=drop_isolated)
    multiline = any(
        "\n" in v or "\r" in v
        for d in [*(d for _, d in nodes), *(d for _, _, d in edges)]
        for v in d.values()
        if isinstance(v, str)
    )

    def node_file(kind: str, columns: tuple[str, ...]) -> Iterable[str]:
        header = ["id:ID", ":LABEL"] + [_header(c, NODE_FIELDS[c]) for c in columns[1:]]
        rows = (
            [node_id, d["type"]] + [_neo4j_value(d.get(c), NODE_FIELDS[c]) for c in columns[1:]]
            for node_id, d in nodes
            if d["kind"] == kind
        )
        return _csv_chunks(header, rows)

    yield "entities.csv", node_file("entity", ENTITY_COLUMNS)
    yield "relations.csv", node_file("relation", RELATION_COLUMNS)
    header = [":START_ID", ":END_ID", ":TYPE"] + [_header(c, EDGE_FIELDS[c]) for c in RELATIONSHIP_COLUMNS]
    rows = (
        [u, v, relationship_type(d["type"])]
        + [_neo4j_value(d.get(c), EDGE_FIELDS[c]) for c in RELATIONSHIP_COLUMNS]
        for u, v, d in edges
    )
    yield "relationships.csv", _csv_chunks(header, rows)
    yield "schema.cypher", [s + "\n" for s in schema_statements(dialect="neo4j")]
    command = neo4j_import_command(database='"${1:-neo4j}"', multiline=multiline)
    yield "import.sh", [
        "#!/bin/sh\n"
        "# Bulk-load this directory into a new, empty Neo4j database (stop it first).\n"
        "# Usage: sh import.sh [DATABASE]; then: cypher-shell -d DATABASE -f schema.cypher\n"
        'set -eu\ncd "$(dirname "$0")"\n',
        command + "\n",
    ]
    yield "README.txt", [
        _README.format(
            nodes=len(nodes), edges=len(edges), command=neo4j_import_command(multiline=multiline)
        )
    ]


def write_neo4j_import(graph: KnowledgeGraph, path: Path, *, drop_isolated: bool = False) -> Path:
    """Write the Neo4j import files into the directory ``path`` (``import.sh`` executable)."""
    return _write_dir(path, generate_neo4j_import(graph, drop_isolated=drop_isolated),
                      executable=frozenset({"import.sh"}))
