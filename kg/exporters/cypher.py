"""An idempotent Cypher script for Neo4j, Memgraph and FalkorDB.

The script is one statement per line: schema first (uniqueness constraints or
indexes on ``id``, in the target's own syntax, the only part that differs by
``dialect``), then ``UNWIND [literal maps] ... MERGE`` statements in batches.
Nodes are merged on ``id`` and relationships on ``key`` between the same two
nodes, so running the script twice gives the same graph as running it once.

Labels: every entity is ``:Entity`` plus its type (``:Company``, ``:Person`` ...);
every n-ary relationship is ``:Relation`` plus its class (``:Partnership`` ...).
Relationship types are UPPER_SNAKE (``PARTY``, ``DENIES``, ``SECTOR``,
``SUBSIDIARY_OF`` ...). Strings are openCypher string literals: single-quoted,
with ``\\\\``, ``\\'`` and the control characters ``\\n \\r \\t \\b \\f`` escaped
(the escapes Neo4j, Memgraph and FalkorDB all read) and everything else,
non-ASCII included, written as is, so that no raw line break ever ends up inside
a statement.

>>> print(cypher_string("O'Neil \\\\ \\"Q\\"\\nline 2 <script> 小米"))
'O\\'Neil \\\\ "Q"\\nline 2 <script> 小米'
>>> from tests.sample import sample_graph
>>> script = "".join(generate_cypher(sample_graph()))
>>> print(script.splitlines()[3])
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
>>> len(list(statements(script)))
30
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ChoiceError
from kg.exporters.flat import (
    EDGE_FIELDS,
    ENTITY_LABEL,
    NODE_FIELDS,
    RELATION_LABEL,
    flatten,
    relationship_type,
)
from kg.io import atomic_write

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "DIALECTS",
    "cypher_name",
    "cypher_string",
    "cypher_value",
    "generate_cypher",
    "schema_statements",
    "statements",
    "write_cypher",
]

DIALECTS = ("neo4j", "memgraph", "falkordb")

_ESCAPES = str.maketrans({
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
    # Neo4j and Memgraph read \u0000; FalkorDB cannot store NUL and keeps the six characters.
    "\x00": "\\u0000",
})
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Node properties outside the MERGE key, by kind; relationship properties outside the key.
_HISTORY_PROPS = ("history", "reversal", "undated", "curated")
_ENTITY_PROPS = ("kind", "type", "label", "aliases", "wikidata", "articles", "sources",
                 "first_published", "last_published", "community", "degree", "betweenness")
_RELATION_PROPS = ("kind", "type", "label", "relation_type", "status", "statuses", "sectors", "articles",
                   "sources", "claims", "confidence", "first_published", "last_published", "evidence",
                   *_HISTORY_PROPS)
_EDGE_PROPS = ("relation", "status", "statuses", "articles", "sources", "claims", "confidence",
               "first_published", "last_published", "evidence", *_HISTORY_PROPS)


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal.

    >>> cypher_string("a'b\\\\c")
    "'a\\\\'b\\\\\\\\c'"
    """
    return "'" + text.translate(_ESCAPES) + "'"


def cypher_name(name: str) -> str:
    """A label, relationship type or property key, back-quoted unless it is a plain identifier.

    >>> cypher_name("Company"), cypher_name("odd name`")
    ('Company', '`odd name```')
    """
    return name if _NAME.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_value(value: Any, kind: str = "string") -> str:
    """A Cypher literal for a flattened attribute value of type ``kind``.

    >>> cypher_value(["a", "b'"], "string[]"), cypher_value("2026-02-03", "date"), cypher_value(0.9, "float")
    ("['a', 'b\\\\'']", "date('2026-02-03')", '0.9')
    """
    if value is None:
        return "null"
    if kind.endswith("[]"):
        return "[" + ", ".join(cypher_value(v, kind[:-2]) for v in value) + "]"
    if kind == "date":
        return f"date({cypher_string(value)})"
    if kind == "int":
        return str(int(value))
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "float":
        number = float(value)
        return repr(number) if math.isfinite(number) else "null"
    return cypher_string(str(value))


def _map(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{cypher_name(k)}: {v}" for k, v in pairs) + "}"


def _props(d: dict[str, Any], names: tuple[str, ...], fields: dict[str, str]) -> str:
    return _map([(k, cypher_value(d[k], fields[k])) for k in names if d.get(k) is not None])


def schema_statements(*, dialect: str = "neo4j") -> list[str]:
    """The statements that make ``id`` unique (or at least indexed) in ``dialect``.

    >>> schema_statements(dialect="falkordb")[0]
    'CREATE INDEX FOR (n:Entity) ON (n.id);'
    """
    if dialect not in DIALECTS:
        raise ChoiceError("Cypher dialect", dialect, DIALECTS)
    out = []
    for label in (ENTITY_LABEL, RELATION_LABEL):
        if dialect == "neo4j":
            out.append(f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS "
                       f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;")
        elif dialect == "memgraph":
            out.append(f"CREATE INDEX ON :{label}(id);")
            out.append(f"CREATE CONSTRAINT ON (n:{label}) ASSERT n.id IS UNIQUE;")
        else:
            out.append(f"CREATE INDEX FOR (n:{label}) ON (n.id);")
    if dialect == "neo4j":
        out.append(f"CREATE INDEX kg_entity_label IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.label);")
    elif dialect == "memgraph":
        out.append(f"CREATE INDEX ON :{ENTITY_LABEL}(label);")
    else:
        out.append(f"CREATE INDEX FOR (n:{ENTITY_LABEL}) ON (n.label);")
    return out


def _batches(rows: list[str], size: int) -> Iterator[str]:
    for start in range(0, len(rows), size):
        yield "[" + ", ".join(rows[start : start + size]) + "]"


def generate_cypher(
    graph: KnowledgeGraph, *, dialect: str = "neo4j", batch_size: int = 500, drop_isolated: bool = False
) -> Iterator[str]:
    """Yield the script, one statement per line, ``batch_size`` nodes or relationships per statement.

    ``dialect`` ("neo4j", "memgraph" or "falkordb") only changes the schema
    statements at the top; FalkorDB has no ``IF NOT EXISTS``, so there a second
    run reports "already indexed" for them, which a loader may ignore.
    """
    schema = schema_statements(dialect=dialect)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    nodes, edges = flatten(graph, drop_isolated=drop_isolated)
    yield (
        f"// kg property graph: {len(nodes)} nodes, {len(edges)} relationships; Cypher dialect {dialect}.\n"
        "// Idempotent: nodes are merged on id, relationships on key between the same two nodes.\n"
        "// One statement per line (split on \\n only); string escapes follow openCypher.\n"
    )
    if dialect == "falkordb":
        yield "// FalkorDB has no CREATE INDEX IF NOT EXISTS: on a second run, ignore 'already indexed'.\n"
    for s in schema:
        yield s + "\n"
    base = {ENTITY_LABEL: _ENTITY_PROPS, RELATION_LABEL: _RELATION_PROPS}
    labels: dict[str, str] = {}
    node_groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node_id, d in nodes:
        label = ENTITY_LABEL if d["kind"] == "entity" else RELATION_LABEL
        labels[node_id] = label
        row = _map([("id", cypher_string(node_id)), ("props", _props(d, base[label], NODE_FIELDS))])
        node_groups[label, d["type"]].append(row)
    for (label, type_label), rows in sorted(node_groups.items()):
        for batch in _batches(rows, batch_size):
            yield (
                f"UNWIND {batch} AS row MERGE (n:{label} {{id: row.id}}) "
                f"SET n:{cypher_name(type_label)}, n += row.props;\n"
            )
    edge_groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for u, v, d in edges:
        row = _map([
            ("a", cypher_string(u)),
            ("b", cypher_string(v)),
            ("key", cypher_string(d["key"])),
            ("props", _props(d, _EDGE_PROPS, EDGE_FIELDS)),
        ])
        edge_groups[relationship_type(d["type"]), labels[u], labels[v]].append(row)
    for (rel, a_label, b_label), rows in sorted(edge_groups.items()):
        for batch in _batches(rows, batch_size):
            yield (
                f"UNWIND {batch} AS row MATCH (a:{a_label} {{id: row.a}}) MATCH (b:{b_label} {{id: row.b}}) "
                f"MERGE (a)-[r:{cypher_name(rel)} {{key: row.key}}]->(b) SET r += row.props;\n"
            )


def write_cypher(
    graph: KnowledgeGraph, path: Path, *, dialect: str = "neo4j", batch_size: int = 500, drop_isolated: bool = False
) -> Path:
    return atomic_write(path, generate_cypher(graph, dialect=dialect, batch_size=batch_size,
                                              drop_isolated=drop_isolated))


def statements(script: str) -> Iterator[str]:
    """The statements of a script from :func:`generate_cypher`, without comments or the final ``;``.

    Splits on ``\\n`` only: a value may hold U+2028 or other characters that
    :meth:`str.splitlines` would break on.

    >>> list(statements("// hi\\nRETURN 'a\\u2028b';\\n\\n"))
    ["RETURN 'a\\u2028b'"]
    """
    for line in script.split("\n"):
        line = line.strip(" ")
        if line and not line.startswith("//"):
            yield line.removesuffix(";")
