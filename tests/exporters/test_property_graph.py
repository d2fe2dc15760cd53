"""Property-graph exports, read back by independent parsers (networkx readers, csv, FalkorDB).

Every row of kg/formats.py whose writer lives in kg.exporters.property_graph is
written, checked for reproducibility, and read back to the same node ids and the
same edges (endpoints, type, status) as ``KnowledgeGraph.to_networkx()``.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.exporters import property_graph as pg
from kg.exporters.flat import LIST_SEPARATOR, relationship_type
from kg.exporters.tables import ARRAY_DELIMITER, neo4j_import_command
from kg.formats import FORMATS, Format
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Evidence, Extraction
from tests.dbs import falkordb  # noqa: F401  (fixture, requested by name in read_cypher)

PG_FORMATS = [f for f in FORMATS.values() if f.writer.partition(":")[0] == "kg.exporters.property_graph"]
PG_IDS = [f.name for f in PG_FORMATS]

# Everything that breaks naive escaping, in every field a user's article can reach.
HOSTILE = (
    "O'Brien \"Q\" \\ back\\slash \\' \\\" \\n\nnew line\r\ncrlf\ttab <script>alert(1)</script> "
    "&amp; ]]> ${x} `tick` 小米 😀 \u2028 \u0085 ; , | // /* */"
)
XML_ILLEGAL = "bell\x07 vt\x0b us\x1f"


def hostile_graph() -> KnowledgeGraph:
    """Two companies with a denied partnership, every user-supplied string hostile."""
    article_id = "news/o'brien \"x\"; 1.txt"
    sentence = f"Acme denied the partnership: {HOSTILE}"
    text = f"Title\n\n{sentence}"
    start = text.index(sentence)
    article = Article(article_id, text, title=f"Title {HOSTILE}", source=f"Wire {HOSTILE}",
                      published="2024-01-31T08:00:00+07:00", language="en")
    nodes = (
        Node("acme", "Acme", "Company", (f"Acme {HOSTILE}", f"ctl {XML_ILLEGAL}"), "Q1", (article_id,)),
        Node("beta", f"Beta {HOSTILE}", "Company", (), None, (article_id,)),
    )
    evidence = (Evidence(start, start + len(sentence), sentence),)
    claim = Claim(article_id, "denied", "acme", None, 0.75, evidence)
    link = Link("partnership/acme--beta", "partnership", "acme", "beta", (claim,))
    return KnowledgeGraph((Extraction(article),), nodes, (link,))


def expected(graph: KnowledgeGraph) -> tuple[set[str], Counter[tuple[str, str, str, str]]]:
    """Node ids and (source, target, type, status) of every edge, straight from to_networkx."""
    g = graph.to_networkx()
    return set(g.nodes), Counter((u, v, d["type"], d["status"]) for u, v, d in g.edges(data=True))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# Each reader returns node ids and Counter[(source, target, type, status)] with the kg edge type,
# or the Neo4j relationship type for the Neo4j formats (compared through relationship_type).
def read_graphml(path: Path, request: pytest.FixtureRequest):
    g = nx.read_graphml(path, edge_key_type=str)
    return set(g.nodes), Counter((u, v, d["type"], d["status"]) for u, v, d in g.edges(data=True))


def read_gexf(path: Path, request: pytest.FixtureRequest):
    g = nx.read_gexf(path)
    return set(g.nodes), Counter((u, v, d["label"], d["status"]) for u, v, d in g.edges(data=True))


def read_cytoscape(path: Path, request: pytest.FixtureRequest):
    g = nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))
    return set(g.nodes), Counter((u, v, d["type"], d["status"]) for u, v, d in g.edges(data=True))


def read_csv(path: Path, request: pytest.FixtureRequest):
    nodes, edges = _rows(path / "nodes.csv"), _rows(path / "edges.csv")
    return {r["id"] for r in nodes}, Counter(
        (r["source"], r["target"], r["type"], r["status"]) for r in edges
    )


def read_neo4j(path: Path, request: pytest.FixtureRequest):
    nodes = _rows(path / "entities.csv") + _rows(path / "relations.csv")
    edges = _rows(path / "relationships.csv")
    return {r["id:ID"] for r in nodes}, Counter(
        (r[":START_ID"], r[":END_ID"], r[":TYPE"], r["status"]) for r in edges
    )


def read_cypher(path: Path, request: pytest.FixtureRequest):
    from tests.exporters.test_cypher import dump, load

    server = request.getfixturevalue("falkordb")
    graph = server.client().select_graph("kg_read_cypher")
    try:
        # The format table writes the Neo4j dialect: its constraints are not FalkorDB syntax.
        load(graph, path.read_text(encoding="utf-8"), schema=False)
        nodes, edges = dump(graph)
    finally:
        graph.delete()
    return set(nodes), Counter((a, b, t, props["status"]) for (a, t, _, b), props in edges.items())


READERS = {"graphml": read_graphml, "gexf": read_gexf, "cytoscape": read_cytoscape, "csv": read_csv,
           "neo4j": read_neo4j, "cypher": read_cypher}
UPPER_TYPES = {"neo4j", "cypher"}


def test_every_property_graph_format_has_a_reader():
    assert PG_IDS and set(PG_IDS) == set(READERS)


def write(fmt: Format, graph: KnowledgeGraph, path: Path) -> Path:
    """Write through the format table, as ``kg build`` does."""
    out = fmt.load_writer()(graph, path)
    assert isinstance(out, Path) and out == path
    return out


def _files(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("fmt", PG_FORMATS, ids=PG_IDS)
def test_reads_back_to_the_same_graph(fmt: Format, graph, tmp_path, request):
    write(fmt, graph, tmp_path / fmt.filename)
    nodes, edges = READERS[fmt.name](tmp_path / fmt.filename, request)
    want_nodes, want_edges = expected(graph)
    if fmt.name in UPPER_TYPES:
        want_edges = Counter({(u, v, relationship_type(t), s): n for (u, v, t, s), n in want_edges.items()})
    assert nodes == want_nodes
    assert edges == want_edges
    assert sum(edges.values()) == 23 and len(nodes) == 19


@pytest.mark.parametrize("fmt", PG_FORMATS, ids=PG_IDS)
def test_output_is_reproducible_and_matches_the_generator(fmt: Format, graph, tmp_path):
    first = _files(write(fmt, graph, tmp_path / "a" / fmt.filename))
    second = _files(write(fmt, graph, tmp_path / "b" / fmt.filename))
    assert first == second
    generate = getattr(pg, fmt.writer.partition(":")[2].replace("write_", "generate_"))
    if fmt.directory:
        generated = {name: "".join(chunks).encode() for name, chunks in generate(graph)}
    else:
        generated = {fmt.filename: "".join(generate(graph)).encode()}
    assert generated == first
    assert not list((tmp_path / "a").rglob(".*.tmp"))  # atomic writes leave no temporary files


@pytest.mark.parametrize("fmt", [f for f in PG_FORMATS if f.name != "cypher"],
                         ids=[n for n in PG_IDS if n != "cypher"])
def test_hostile_text_reads_back(fmt: Format, tmp_path, request):
    graph = hostile_graph()
    path = write(fmt, graph, tmp_path / fmt.filename)
    nodes, edges = READERS[fmt.name](path, request)
    assert nodes == expected(graph)[0]
    assert sum(edges.values()) == 3  # two parties and the speaker


def test_graphml_keeps_hostile_strings_and_types(tmp_path):
    path = pg.write_graphml(hostile_graph(), tmp_path / "g.graphml")
    g = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    assert g.nodes["beta"]["label"] == f"Beta {HOSTILE}"
    # XML 1.0 cannot hold most C0 controls, even escaped: they become U+FFFD.
    assert g.nodes["acme"]["aliases"] == f"Acme {HOSTILE}{LIST_SEPARATOR}ctl bell\ufffd vt\ufffd us\ufffd"
    rel = g.nodes["partnership/acme--beta"]
    assert (rel["kind"], rel["type"], rel["status"]) == ("relation", "Partnership", "denied")
    assert (rel["claims"], rel["confidence"]) == (1, 0.75)  # typed keys: int and double, not strings
    assert rel["evidence"].endswith(HOSTILE)
    assert rel["first_published"] == "2024-01-31"
    (key,) = g["acme"]["partnership/acme--beta"]
    assert key == "acme|denies:news/o'brien \"x\"; 1.txt|partnership/acme--beta"


def test_gexf_is_dynamic_with_labels_and_reproducible_meta(graph, tmp_path):
    path = pg.write_gexf(graph, tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    gr = root.find("g:graph", ns)
    assert gr is not None and gr.get("mode") == "dynamic" and gr.get("timeformat") == "date"
    meta = root.find("g:meta", ns)
    assert meta is not None and meta.get("lastmodifieddate") == "2026-02-03"  # the latest article, not today
    assert meta.findtext("g:creator", namespaces=ns) == "kg"
    g = nx.read_gexf(path)
    assert g.nodes["xiaomi"]["label"] == "Xiaomi" and g.nodes["xiaomi"]["start"] == "2026-02-03"
    # networkx reads a GEXF file without parallel edges as a DiGraph; the edge id is kept as "id".
    edge = g.edges["xiaomi", "partnership/ford-motor-company--xiaomi"]
    assert edge["id"] == "xiaomi|denies:id/xiaomi-ford|partnership/ford-motor-company--xiaomi"
    assert (edge["label"], edge["edge_type"], edge["status"]) == ("denies", "denies", "denied")
    # Gephi reads the edge attribute 'type' as the direction: it must stay directed.
    assert {e.get("type") for e in root.iter("{http://www.gexf.net/1.2draft}edge")} == {None}


def test_gexf_keeps_hostile_strings(tmp_path):
    g = nx.read_gexf(pg.write_gexf(hostile_graph(), tmp_path / "g.gexf"))
    assert g.nodes["beta"]["label"] == f"Beta {HOSTILE}"
    assert g.nodes["partnership/acme--beta"]["evidence"].endswith(HOSTILE)
    assert g.nodes["acme"]["aliases"].endswith("ctl bell\ufffd vt\ufffd us\ufffd")


def test_cytoscape_shape_and_round_trip(graph, tmp_path):
    data = json.loads(pg.write_cytoscape(graph, tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == 19 and len(edges) == 23
    by_id = {n["data"]["id"]: n["data"] for n in nodes}
    assert by_id["xiaomi"]["name"] == "Xiaomi" and by_id["xiaomi"]["type"] == "Company"
    denial = [e["data"] for e in edges if e["data"]["interaction"] == "denies"]
    assert [(d["source"], d["target"], d["status"]) for d in denial] == [
        ("xiaomi", "partnership/ford-motor-company--xiaomi", "denied")]
    g = nx.cytoscape_graph(data)
    assert g.number_of_edges() == 23 and g.nodes["ford-motor-company"]["label"] == "Ford Motor Company"


def test_csv_columns_and_hostile_values(tmp_path):
    out = pg.write_csv(hostile_graph(), tmp_path / "csv")
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv"]
    nodes = {r["id"]: r for r in _rows(out / "nodes.csv")}
    assert nodes["beta"]["label"] == f"Beta {HOSTILE}"  # newlines, quotes and commas survive
    assert nodes["acme"]["aliases"] == f"Acme {HOSTILE}{LIST_SEPARATOR}ctl {XML_ILLEGAL}"
    assert nodes["partnership/acme--beta"]["statuses"] == "denied"
    edges = _rows(out / "edges.csv")
    assert {e["type"] for e in edges} == {"party", "denies"}
    assert all(e["first_published"] == "2024-01-31" and e["claims"] == "1" for e in edges)


_HEADER = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*)?:(?:ID|LABEL|START_ID|END_ID|TYPE)$"
                     r"|^[A-Za-z_][A-Za-z0-9_]*(?::(?:int|long|float|double|boolean|string|date)(?:\[\])?)?$")


def test_neo4j_import_files_follow_the_header_format(graph, tmp_path):
    out = pg.write_neo4j_import(graph, tmp_path / "neo4j")
    assert sorted(p.name for p in out.iterdir()) == [
        "README.txt", "entities.csv", "import.sh", "relations.csv", "relationships.csv", "schema.cypher"]
    headers = {}
    for name in ("entities.csv", "relations.csv", "relationships.csv"):
        with (out / name).open(encoding="utf-8", newline="") as f:
            headers[name] = next(csv.reader(f))
        assert all(_HEADER.match(h) for h in headers[name]), headers[name]
    assert headers["entities.csv"][:2] == ["id:ID", ":LABEL"]
    assert {"aliases:string[]", "first_published:date"} <= set(headers["entities.csv"])
    assert {"claims:int", "confidence:float", "statuses:string[]"} <= set(headers["relations.csv"])
    assert headers["relationships.csv"][:3] == [":START_ID", ":END_ID", ":TYPE"]
    nodes = _rows(out / "entities.csv") + _rows(out / "relations.csv")
    ids = [r["id:ID"] for r in nodes]
    assert len(ids) == len(set(ids)) == 19
    edges = _rows(out / "relationships.csv")
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in edges)
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", r[":TYPE"]) for r in edges)
    labels = {r["id:ID"]: r[":LABEL"] for r in nodes}
    assert labels["xiaomi"] == "Company" and labels["partnership/ford-motor-company--xiaomi"] == "Partnership"
    ev = next(r for r in _rows(out / "entities.csv") if r["id:ID"] == "electric-vehicles")
    assert ev["aliases:string[]"].split(ARRAY_DELIMITER) == ["kendaraan listrik", "EV"]
    script = (out / "import.sh").read_text()
    assert (out / "import.sh").stat().st_mode & 0o111
    assert "neo4j-admin database import full" in script and "--array-delimiter=U+001F" in script
    assert "--multiline-fields" not in script  # the sample has no line break in any value
    assert neo4j_import_command() in (out / "README.txt").read_text()
    assert "IF NOT EXISTS" in (out / "schema.cypher").read_text()


def test_neo4j_import_asks_for_multiline_fields_when_needed(tmp_path):
    out = pg.write_neo4j_import(hostile_graph(), tmp_path / "neo4j")
    assert "--multiline-fields=true" in (out / "import.sh").read_text()
    (acme,) = [r for r in _rows(out / "entities.csv") if r["id:ID"] == "acme"]
    # The one character that cannot be in an array element is the delimiter itself (U+001F).
    assert acme["aliases:string[]"].split(ARRAY_DELIMITER) == [
        f"Acme {HOSTILE}", f"ctl {XML_ILLEGAL}".replace(ARRAY_DELIMITER, "\ufffd")]


def test_generic_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    # Issue 14 F15: ids and sources like "=1+1" and "@SUM(1+1)" landed unescaped in csv/edges.csv.
    article_id = "=1+1"
    text = "Acme menggandeng Beta."
    article = Article(article_id, text, source="@SUM(1+1)", language="id")
    nodes = (Node("acme", '=HYPERLINK("http://example.org","x")', "Company", ("+cmd",), None, (article_id,)),
             Node("beta", "Beta", "Company", (), None, (article_id,)))
    claim = Claim(article_id, "asserted", None, None, 0.9, (Evidence(0, len(text), text),))
    graph = KnowledgeGraph((Extraction(article),), nodes, (Link("partnership/acme--beta", "partnership", "acme",
                                                                 "beta", (claim,)),))
    out = pg.write_csv(graph, tmp_path / "csv")
    cells = [v for name in ("nodes.csv", "edges.csv") for row in _rows(out / name) for v in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    nodes_by_id = {r["id"]: r for r in _rows(out / "nodes.csv")}
    assert nodes_by_id["acme"]["label"] == "'=HYPERLINK(\"http://example.org\",\"x\")"
    assert {r["articles"] for r in _rows(out / "edges.csv")} == {"'=1+1"}
    # The Neo4j import keeps exact values: its importer reads them as data, never as formulas.
    neo = pg.write_neo4j_import(graph, tmp_path / "neo4j")
    assert {r["label"] for r in _rows(neo / "entities.csv")} == {'=HYPERLINK("http://example.org","x")', "Beta"}
