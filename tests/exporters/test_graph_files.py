"""Files Gephi and graph-database users open directly (issue 13, part 2).

GEXF with drawing attributes that Gephi (and networkx) read back, one edge per
pair of nodes; ``kg export`` options for Cypher dialects, isolated entities and
folder formats; an output name that contradicts ``--format`` refused.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main
from kg.exporters import property_graph as pg
from kg.exporters._style import NODE_STYLE, STATUS_STYLE
from kg.exporters.cypher import statements
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Entity, Extraction
from kg.store import add_extractions
from tests.dbs import falkordb  # noqa: F401  (fixture, requested by name in db)
from tests.exporters.test_cypher import db, dump  # noqa: F401  (db is a fixture)
from tests.sample import sample_graph


def parallel_graph() -> KnowledgeGraph:
    """Two companies joined by two direct links (three claims), and a third company in no link."""
    a1, a2 = "news/1", "news/2"
    articles = (Extraction(Article(a1, "Acme and Beta.", published="2025-01-02", language="en")),
                Extraction(Article(a2, "Acme and Beta again.", published="2025-03-04", language="en")))
    nodes = (
        Node("acme", "Acme", "Company", (), None, (a1, a2)),
        Node("beta", "Beta", "Company", (), None, (a1, a2)),
        Node("lonely", "Lonely", "Company", (), None, (a1,)),
    )
    links = (
        Link("subsidiary_of/acme--beta", "subsidiary_of", "acme", "beta",
             (Claim(a1, "asserted"), Claim(a2, "asserted"))),
        Link("competitor_of/acme--beta", "competitor_of", "acme", "beta", (Claim(a2, "denied"),)),
    )
    return KnowledgeGraph(articles, nodes, links)


def test_gexf_carries_colour_size_and_position_that_networkx_reads_back(tmp_path: Path) -> None:
    graph = sample_graph()
    path = pg.write_gexf(graph, tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert "networkx_key" not in text
    g = nx.read_gexf(path)
    degree = dict(graph.to_networkx().degree())
    for n, d in g.nodes(data=True):
        viz = d["viz"]
        colour = NODE_STYLE[d["type"]].color
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(
            int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert viz["size"] == pytest.approx(10 + 4 * degree[n] ** 0.5, abs=0.06)
        assert set(viz["position"]) == {"x", "y", "z"}
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in g.nodes(data=True)}
    assert len(positions) == g.number_of_nodes()  # laid out, not piled up at the origin
    assert all(d["weight"] == d["claims"] >= 1 for _, _, d in g.edges(data=True))
    # Edges are coloured by status (networkx does not read edge viz back: read the XML).
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    root = ET.parse(path).getroot()
    denied = STATUS_STYLE["denied"].color
    for edge in root.iter("{http://www.gexf.net/1.2draft}edge"):
        if edge.get("id") == "xiaomi|denies:id/xiaomi-ford|partnership/ford-motor-company--xiaomi":
            c = edge.find("viz:color", ns)
            assert c is not None and c.get("r") == str(int(denied[1:3], 16))
            break
    else:
        raise AssertionError("the denial edge is missing")


def test_gexf_merges_parallel_edges_into_one_weighted_edge(tmp_path: Path) -> None:
    g = nx.read_gexf(pg.write_gexf(parallel_graph(), tmp_path / "g.gexf"))
    assert isinstance(g, nx.DiGraph) and not g.is_multigraph()
    assert g.number_of_edges() == 1
    e = g.edges["acme", "beta"]
    assert (e["weight"], e["claims"], e["edges"]) == (3.0, 3, 2)
    assert set(e["label"].split(";")) == {"subsidiary_of", "competitor_of"}
    assert e["status"] == "denied" and set(e["statuses"].split(";")) == {"asserted", "denied"}
    assert (e["first_published"], e["last_published"]) == ("2025-01-02", "2025-03-04")
    assert "lonely" in g and "lonely" not in nx.read_gexf(
        pg.write_gexf(parallel_graph(), tmp_path / "d.gexf", drop_isolated=True))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("files") / "store"
    lone = Extraction(Article("lone", "Lonely Corp reported.", language="en"),
                      (Entity("lonely-corp", "Lonely Corp", "Company"),))
    add_extractions(path, [*sample_graph().extractions, lone])
    return path


def test_falkordb_dialect_from_the_cli_loads_with_no_failed_statement(store: Path, tmp_path: Path, db) -> None:  # noqa: F811
    out = tmp_path / "g.cypher"
    assert main(["export", "--store", str(store), "-o", str(out), "--dialect", "falkordb"]) == 0
    script = out.read_text(encoding="utf-8")
    assert "IF NOT EXISTS" not in "".join(statements(script))  # Neo4j syntax: fails on FalkorDB
    failed = []
    done = 0
    for statement in statements(script):
        try:
            db.query(statement)
            done += 1
        except Exception as exc:  # every failure counted, the schema statements included
            failed.append((statement[:80], str(exc)))
    assert failed == [] and done > 3
    nodes, edges = dump(db)
    assert "lonely-corp" in nodes and len(edges) == 23


def test_dialect_for_another_format_is_a_usage_error(store: Path, tmp_path: Path) -> None:
    assert main(["export", "--store", str(store), "-o", str(tmp_path / "g.gexf"), "--dialect", "falkordb"]) == 2


def _ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r["id"] for r in csv.DictReader(f)}


def test_csv_goes_into_the_named_folder_and_drop_isolated_leaves_lone_entities_out(
    store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    assert main(["export", "--store", str(store), "-o", str(out), "--format", "csv"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv"]
    assert "lonely-corp" in _ids(out / "nodes.csv")
    dropped = tmp_path / "dropped"
    assert main(["export", "--store", str(store), "-o", str(dropped), "--format", "csv", "--drop-isolated"]) == 0
    assert _ids(dropped / "nodes.csv") == _ids(out / "nodes.csv") - {"lonely-corp"}
    for fmt in ("graphml", "cytoscape", "neo4j", "cypher"):
        a, b = tmp_path / f"a-{fmt}", tmp_path / f"b-{fmt}"
        assert main(["export", "--store", str(store), "-o", str(a), "--format", fmt]) == 0
        assert main(["export", "--store", str(store), "-o", str(b), "--format", fmt, "--drop-isolated"]) == 0
        text_a = "".join(p.read_text(encoding="utf-8") for p in ([a] if a.is_file() else sorted(a.iterdir())))
        text_b = "".join(p.read_text(encoding="utf-8") for p in ([b] if b.is_file() else sorted(b.iterdir())))
        assert "lonely-corp" in text_a and "lonely-corp" not in text_b, fmt


@pytest.mark.parametrize("argv", [["--store", "S"], ["IN"]], ids=["store", "inputs"])
def test_an_extension_naming_another_format_is_refused(
    argv: list[str], store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Xiaomi partners with Ford Motor Company.\n", encoding="utf-8")
    argv = [str(store) if a == "S" else str(src) if a == "IN" else a for a in argv]
    out = tmp_path / "fig.png"
    assert main(["export", *argv, "-o", str(out), "--format", "gexf"]) == 2
    assert "ends with .png, the extension of png, not of --format gexf" in capsys.readouterr().err
    assert not out.exists()
