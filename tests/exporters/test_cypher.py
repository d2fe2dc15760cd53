"""The Cypher script, loaded into a real FalkorDB server (tests/dbs.py) and queried back."""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ChoiceError
from kg.exporters.cypher import (
    DIALECTS,
    cypher_name,
    cypher_string,
    cypher_value,
    generate_cypher,
    schema_statements,
    statements,
)
from kg.exporters.flat import EDGE_FIELDS, NODE_FIELDS, flatten, relationship_type
from kg.graph import KnowledgeGraph
from tests import dbs
from tests.dbs import falkordb  # noqa: F401  (fixture, requested by name in db)
from tests.exporters.test_property_graph import HOSTILE, hostile_graph

_EDGE_PROPS = ("key", "relation", "status", "statuses", "articles", "sources", "claims", "confidence",
               "first_published", "last_published", "evidence", "history", "reversal", "undated", "curated")


Dump = tuple[dict[str, Any], dict[tuple[str, str, str, str], dict[str, Any]]]


def load(graph: Any, script: str, *, schema: bool = True) -> int:
    """Run a script statement by statement; FalkorDB's 'already indexed' on a rerun is expected.

    ``schema=False`` skips the schema statements (another dialect's syntax).
    """
    n = 0
    for statement in statements(script):
        if not schema and statement.startswith("CREATE "):
            continue
        try:
            graph.query(statement)
        except Exception as exc:
            if not (statement.startswith("CREATE INDEX") and "already indexed" in str(exc)):
                raise
        n += 1
    return n


def dump(graph: Any) -> Dump:
    """Every node (id -> (labels, properties)) and relationship ((a, TYPE, key, b) -> properties)."""
    nodes = {
        row[0]: (frozenset(row[1]), row[2])
        for row in graph.query("MATCH (n) RETURN n.id, labels(n), properties(n)").result_set
    }
    edges = {}
    for a, rel, key, b, props in graph.query(
        "MATCH (a)-[r]->(b) RETURN a.id, type(r), r.key, b.id, properties(r)"
    ).result_set:
        assert (a, rel, key, b) not in edges
        edges[a, rel, key, b] = props
    return nodes, edges


def _typed(d: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    return {k: dt.date.fromisoformat(v) if fields[k] == "date" else v for k, v in d.items()}


def expected_dump(kg: KnowledgeGraph) -> Dump:
    flat_nodes, flat_edges = flatten(kg)
    nodes = {
        i: (frozenset({"Entity" if d["kind"] == "entity" else "Relation", d["type"]}), _typed(d, NODE_FIELDS))
        for i, d in flat_nodes
    }
    edges = {
        (u, relationship_type(d["type"]), d["key"], v): _typed(
            {k: d[k] for k in _EDGE_PROPS if k in d}, EDGE_FIELDS
        )
        for u, v, d in flat_edges
    }
    return nodes, edges


@pytest.fixture
def db(request):
    """An empty graph on the module's FalkorDB server, deleted after the test."""
    server = request.getfixturevalue("falkordb")
    graph = server.client().select_graph("kg_" + request.node.name.replace("[", "_").strip("]"))
    yield graph
    with contextlib.suppress(Exception):  # a test that never wrote has no graph to delete
        graph.delete()


def test_sample_loads_into_falkordb_with_every_property(graph, db):
    load(db, "".join(generate_cypher(graph, dialect="falkordb")))
    nodes, edges = dump(db)
    assert (len(nodes), len(edges)) == (19, 23)
    assert (nodes, edges) == expected_dump(graph)


def test_denied_partnership_is_found_by_cypher(graph, db):
    load(db, "".join(generate_cypher(graph, dialect="falkordb")))
    rows = db.query(
        "MATCH (x {label: 'Xiaomi'})-[d:DENIES]->(p:Partnership)-[:PARTY]->(f {label: 'Ford Motor Company'}) "
        "RETURN p.id, p.status, d.articles, p.evidence"
    ).result_set
    assert rows == [[
        "partnership/ford-motor-company--xiaomi", "denied", ["id/xiaomi-ford"],
        "Xiaomi secara resmi membantah rumor kemitraan kendaraan listrik dengan Ford Motor Company.",
    ]]
    # "A denied or rumoured link is not a link": asserted links only.
    asserted = db.query(
        "MATCH (:Company {id: 'xiaomi'})<-[:PARTY]-(p:Partnership) WHERE p.status = 'asserted' RETURN p"
    ).result_set
    assert asserted == []


def test_running_the_script_twice_changes_nothing(graph, db):
    script = "".join(generate_cypher(graph, dialect="falkordb"))
    load(db, script)
    once = dump(db)
    load(db, script)
    assert dump(db) == once
    assert db.query("MATCH (n) RETURN count(n)").result_set == [[19]]


def test_hostile_strings_come_back_byte_identical(db):
    kg = hostile_graph()
    script = "".join(generate_cypher(kg, dialect="falkordb"))
    # No raw line break inside a statement: every line is a statement or a comment.
    assert all(line.startswith(("//", "CREATE", "UNWIND")) for line in script.split("\n") if line)
    load(db, script)
    nodes, edges = dump(db)
    assert (nodes, edges) == expected_dump(kg)
    assert nodes["beta"][1]["label"] == f"Beta {HOSTILE}"
    (speaker_key,) = [k for (a, t, k, b) in edges if t == "DENIES"]
    assert speaker_key == "denies:news/o'brien \"x\"; 1.txt"


def test_batch_size_does_not_change_the_graph(graph, db):
    load(db, "".join(generate_cypher(graph, dialect="falkordb", batch_size=1)))
    assert dump(db) == expected_dump(graph)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00")))
def test_any_string_literal_round_trips_through_falkordb(db, text):
    assert db.query(f"RETURN {cypher_string(text)}").result_set == [[text]]


@pytest.mark.parametrize(("text", "literal"), [
    ("plain", "'plain'"),
    ("it's", "'it\\'s'"),
    ('say "hi"', "'say \"hi\"'"),
    ("back\\slash", "'back\\\\slash'"),
    ("a\nb\r\nc\td", "'a\\nb\\r\\nc\\td'"),
    ("\b\f", "'\\b\\f'"),
    ("nul\x00", "'nul\\u0000'"),
    ("<script>alert(1)</script>", "'<script>alert(1)</script>'"),
    ("小米 😀 \u2028", "'小米 😀 \u2028'"),
])
def test_string_literals_follow_opencypher_escapes(text, literal):
    assert cypher_string(text) == literal


def test_names_and_values():
    assert cypher_name("Partnership") == "Partnership"
    assert cypher_name("has space") == "`has space`"
    assert cypher_value(None) == "null"
    assert cypher_value(float("nan"), "float") == "null"
    assert cypher_value(3, "int") == "3"
    assert cypher_value(["x", "y"], "string[]") == "['x', 'y']"


def test_dialects_differ_only_in_schema(graph):
    scripts = {d: list(statements("".join(generate_cypher(graph, dialect=d)))) for d in DIALECTS}
    data = {d: [s for s in ss if not s.startswith("CREATE")] for d, ss in scripts.items()}
    assert data["neo4j"] == data["memgraph"] == data["falkordb"]
    assert len(data["neo4j"]) == 27
    for d in DIALECTS:
        schema = [s.rstrip(";") for s in schema_statements(dialect=d)]
        assert [s for s in scripts[d] if s.startswith("CREATE")] == schema
    assert all("IF NOT EXISTS" in s for s in schema_statements(dialect="neo4j"))


def test_unknown_dialect_names_the_allowed_ones(graph):
    allowed = r"\(allowed: falkordb, memgraph, neo4j\)"
    with pytest.raises(ChoiceError, match=rf"unknown Cypher dialect 'gremlin' {allowed}"):
        next(generate_cypher(graph, dialect="gremlin"))


def test_script_is_deterministic(graph):
    assert "".join(generate_cypher(graph)) == "".join(generate_cypher(graph))


def test_unavailable_server_skips_locally_and_fails_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no server"):
        dbs.unavailable("no server")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"no server \(CI is set"):
        dbs.unavailable("no server")


def test_a_server_that_cannot_start_is_reported_and_cleaned_up(monkeypatch, tmp_path):
    try:
        executable, _ = dbs._binaries()
    except dbs.ServerUnavailable as exc:
        dbs.unavailable(str(exc))
    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(dbs, "_binaries", lambda: (executable, tmp_path / "missing.so"))
    monkeypatch.setattr(dbs.subprocess, "Popen", popen)
    with pytest.raises(dbs.ServerUnavailable, match=r"exited with code \d+; log tail: .*missing\.so"), \
            dbs.falkordb_server(timeout=10, attempts=2):
        pytest.fail("the server should not have started")
    assert len(started) == 2 and all(p.returncode is not None for p in started)


def test_the_server_is_stopped_when_the_test_fails():
    try:
        with dbs.falkordb_server() as server:
            assert server.process.poll() is None
            raise KeyError("boom")
    except dbs.ServerUnavailable as exc:
        dbs.unavailable(str(exc))
    except KeyError:
        pass
    assert server.process.returncode is not None and not server.directory.exists()
