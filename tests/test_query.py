"""The shipped SPARQL queries against a real store, and ``kg query``'s output formats."""

from __future__ import annotations

import argparse
import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest

from kg.errors import UsageError
from kg.graph import KnowledgeGraph
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.query import format_results, query_summary, query_text, run, shipped_queries
from kg.store import add_extractions, open_rdf

_T = (
    "Ford Motor Company and Xiaomi signed an EV partnership. Bukit Asam partners with United Tractors. "
    "Adaro is rumoured to team up with United Tractors. Xiaomi denied that Xiaomi EV is its subsidiary."
)
_S = _T.split(". ")


def _ev(sentence: str) -> tuple[Evidence, ...]:
    start = _T.index(sentence)
    return (Evidence(start, start + len(sentence), sentence),)


# A third article that asserts the partnership the sample's Indonesian article denies,
# and denies the subsidiary link that article asserts.
EXTRA = Extraction(
    Article("en/extra", _T, title="Deals", published="2026-03-01", language="en"),
    (
        Entity("xiaomi", "Xiaomi", "Company"),
        Entity("ford-motor-company", "Ford Motor Company", "Company"),
        Entity("bukit-asam", "Bukit Asam", "Company"),
        Entity("united-tractors", "United Tractors", "Company"),
        Entity("adaro", "Adaro", "Company"),
        Entity("xiaomi-ev", "Xiaomi EV", "Company"),
    ),
    (
        Relation(
            "partnership/ford-motor-company--xiaomi",
            "partnership",
            "ford-motor-company",
            "xiaomi",
            "asserted",
            confidence=0.8,
            evidence=_ev(_S[0]),
        ),
        Relation(
            "partnership/bukit-asam--united-tractors",
            "partnership",
            "bukit-asam",
            "united-tractors",
            "asserted",
            confidence=0.8,
            evidence=_ev(_S[1]),
        ),
        Relation(
            "partnership/adaro--united-tractors",
            "partnership",
            "adaro",
            "united-tractors",
            "rumored",
            confidence=0.6,
            evidence=_ev(_S[2]),
        ),
        Relation(
            "subsidiary_of/xiaomi-ev--xiaomi",
            "subsidiary_of",
            "xiaomi-ev",
            "xiaomi",
            "denied",
            attributed_to="xiaomi",
            confidence=0.7,
            evidence=_ev(_S[3]),
        ),
    ),
)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, graph: KnowledgeGraph) -> Path:
    path = tmp_path_factory.mktemp("q") / "sample"
    add_extractions(path, graph.extractions)
    return path


@pytest.fixture(scope="module")
def extended_store(tmp_path_factory: pytest.TempPathFactory, graph: KnowledgeGraph) -> Path:
    path = tmp_path_factory.mktemp("q") / "extended"
    add_extractions(path, [*graph.extractions, EXTRA])
    return path


def select(store: Path, name: str, **bindings: str) -> list[dict[str, str]]:
    """Run a shipped query; rows parsed from the SPARQL 1.1 JSON results with the json module."""
    with open_rdf(store) as st:
        text = "".join(format_results(run(st, query_text(name), bindings=bindings), "json"))
    doc = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


def pairs(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(r["partyA"], r["partyB"]) for r in rows]


def test_every_shipped_query_is_documented_and_answers(extended_store: Path) -> None:
    queries = shipped_queries()
    assert set(queries) == {
        "asserted-partnerships",
        "companies-by-sector",
        "company-links",
        "contradicting-claims",
        "denied-or-rumored-partnerships",
        "reversals",
    }
    docs = (Path(__file__).resolve().parent.parent / "docs" / "store.md").read_text(encoding="utf-8")
    for name, path in queries.items():
        text = path.read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        assert len(header) >= 4 and query_summary(text), name
        assert f"kg query --store DIR {name}" in text, name
        assert name in docs, name
        # Every PREFIX a query uses is declared in it, so it runs as is on any server.
        assert "PREFIX kg:" in text
        assert select(extended_store, name), f"{name} found nothing in the extended sample"


def test_denied_query_returns_the_denied_partnership(sample_store: Path, graph: KnowledgeGraph) -> None:
    rows = select(sample_store, "denied-or-rumored-partnerships")
    assert pairs(rows) == [("Ford Motor Company", "Xiaomi")]
    (row,) = rows
    assert row["status"] == "denied" and row["speaker"] == "Xiaomi" and row["published"] == "2026-02-03"
    assert row["article"].endswith("/article/id/xiaomi-ford")
    assert "membantah" in row["evidence"]
    # The ended Adaro-Indika deal is neither denied nor rumoured.
    assert ("Adaro", "Indika") not in pairs(rows)


def test_denied_query_lists_rumours_too(extended_store: Path) -> None:
    rows = select(extended_store, "denied-or-rumored-partnerships")
    assert [(r["partyA"], r["partyB"], r["status"]) for r in rows] == [
        ("Adaro", "United Tractors", "rumored"),
        ("Ford Motor Company", "Xiaomi", "denied"),
    ]


def test_asserted_query_leaves_out_denied_and_ended(sample_store: Path, extended_store: Path) -> None:
    # Neither partnership of the sample is asserted (one denied, one ended).
    assert select(sample_store, "asserted-partnerships") == []
    rows = select(extended_store, "asserted-partnerships")
    # Xiaomi-Ford, denied by id/xiaomi-ford (2026-02-03), is asserted later by en/extra (2026-03-01):
    # the latest word counts, so it stands now.
    assert pairs(rows) == [("Bukit Asam", "United Tractors"), ("Ford Motor Company", "Xiaomi")]
    assert rows[0]["articles"] == "1" and rows[0]["firstReported"] == "2026-03-01"
    assert rows[0]["evidence"] == _S[1]


def test_reversals_lists_the_denial_then_the_signing(extended_store: Path) -> None:
    rows = select(extended_store, "reversals")
    assert [(r["subject"], r["relation"], r["object"], r["before"], r["after"]) for r in rows] == [
        ("Ford Motor Company", "Partnership", "Xiaomi", "denied", "asserted"),
        # The sample asserts Xiaomi EV is Xiaomi's subsidiary; en/extra, later, has Xiaomi deny it.
        ("Xiaomi EV", "subsidiaryOf", "Xiaomi", "asserted", "denied"),
    ]
    assert (rows[0]["dateBefore"], rows[0]["dateAfter"]) == ("2026-02-03", "2026-03-01")
    assert rows[0]["articleAfter"].endswith("/article/en/extra")


def test_as_of_before_the_signing_gives_the_denial(extended_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    assert main(["query", "--store", str(extended_store), "asserted-partnerships", "--as-of", "2026-02-28",
                 "--format", "csv"]) == 0
    assert "Xiaomi" not in capsys.readouterr().out
    assert main(["query", "--store", str(extended_store), "asserted-partnerships", "--as-of", "2026-03-01",
                 "--format", "csv"]) == 0
    assert "Ford Motor Company,Xiaomi" in capsys.readouterr().out
    assert main(["query", "--store", str(extended_store), "reversals", "--since", "2026-02-04"]) == 0
    assert "(0 rows)" in capsys.readouterr().out


def test_company_links_match_the_graph(extended_store: Path, graph: KnowledgeGraph) -> None:
    from kg.resolve import resolve

    g = resolve([*graph.extractions, EXTRA])
    rows = select(extended_store, "company-links", company="entity:xiaomi")
    expected = sorted(
        (link.type, c.article, c.status)
        for link in g.links
        if "xiaomi" in (link.subject, link.object)
        for c in link.claims
    )
    assert len(rows) == len(expected) >= 5
    assert {r["company"] for r in rows} == {"https://w3id.org/kg/resource/entity/xiaomi"}
    got = {(r["relation"], r["other"], r["status"], r["article"].rsplit("/article/", 1)[1]) for r in rows}
    assert ("Partnership", "Ford Motor Company", "denied", "id/xiaomi-ford") in got
    assert ("Partnership", "Ford Motor Company", "asserted", "en/extra") in got
    assert ("basedIn", "China", "asserted", "id/xiaomi-ford") in got
    assert all(r["evidence"] and r["published"] for r in rows)
    # Without a binding: every company, each claim once per company taking part.
    everyone = select(extended_store, "company-links")
    assert len(everyone) > len(rows)


def test_companies_by_sector(sample_store: Path, graph: KnowledgeGraph) -> None:
    rows = select(sample_store, "companies-by-sector")
    expected = sorted(
        (graph.entity(link.object).label, graph.entity(link.subject).label)
        for link in graph.links
        if link.type == "operates_in"
        and link.status == "asserted"
        and graph.entity(link.subject).type == "Company"
    )
    assert (
        [(r["sector"], r["company"]) for r in rows]
        == expected
        == [
            ("Coal mining", "Bukit Asam"),
            ("Electric vehicles", "Xiaomi"),
        ]
    )


def test_contradicting_claims(sample_store: Path, extended_store: Path) -> None:
    assert select(sample_store, "contradicting-claims") == []
    rows = select(extended_store, "contradicting-claims")
    assert [(r["subject"], r["relation"], r["object"], r["statusA"], r["statusB"]) for r in rows] == [
        ("Ford Motor Company", "Partnership", "Xiaomi", "asserted", "denied"),
        ("Xiaomi EV", "subsidiaryOf", "Xiaomi", "denied", "asserted"),
    ]
    assert rows[0]["dateA"] == "2026-03-01" and rows[0]["dateB"] == "2026-02-03"


# -- output formats ------------------------------------------------------------------------------


def _results(store: Path, sparql: str, fmt: str) -> str:
    with open_rdf(store) as st:
        return "".join(format_results(run(st, sparql), fmt))


def test_csv_tsv_xml_are_standard(sample_store: Path) -> None:
    q = "SELECT ?e ?label WHERE { ?e a kg:Company ; rdfs:label ?label } ORDER BY ?label"
    rows = list(csv.DictReader(io.StringIO(_results(sample_store, q, "csv"))))
    assert rows[0] == {"e": "https://w3id.org/kg/resource/entity/adaro", "label": "Adaro"}
    assert len(rows) == 7
    tsv = _results(sample_store, q, "tsv").splitlines()
    assert tsv[0] == "?e\t?label" and tsv[1] == '<https://w3id.org/kg/resource/entity/adaro>\t"Adaro"'
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(_results(sample_store, q, "xml"))
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["e", "label"]
    assert len(root.findall("s:results/s:result", ns)) == 7
    assert json.loads(_results(sample_store, "ASK { GRAPH ?g { ?x kg:denies ?y } }", "json")) == {
        "head": {},
        "boolean": True,
    }
    assert _results(sample_store, "ASK { ?x kg:partnerOf ?y }", "table") == "false\n"


def test_construct_results_are_rdf(sample_store: Path) -> None:
    q = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Sector ; rdfs:label ?l }"
    triples = list(pyoxigraph.parse(_results(sample_store, q, "ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert sorted(t.object.value for t in triples) == ["Coal mining", "Electric vehicles"]
    assert len(_results(sample_store, q, "nt").splitlines()) == 2
    with pytest.raises(UsageError, match="format for CONSTRUCT"):
        _results(sample_store, q, "csv")


def test_table_cells_cannot_drive_the_terminal() -> None:
    store = pyoxigraph.Store()
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("https://w3id.org/kg/resource/entity/x"),
            pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            pyoxigraph.Literal("evil\x1b[2J\nnext line\x07"),
        )
    )
    out = "".join(format_results(run(store, "SELECT ?e ?l WHERE { ?e rdfs:label ?l }"), "table"))
    assert "\x1b" not in out and "\x07" not in out
    lines = out.splitlines()
    assert len(lines) == 4 and lines[2].startswith("entity:x | evil\\x1b[2J\\nnext line\\x07")


# -- the command ---------------------------------------------------------------------------------


def kg_query(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``kg query ...`` through the parser that register() builds, with kg's exit codes."""
    from kg.store_cli import register

    parser = argparse.ArgumentParser(prog="kg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["query", *argv])
    try:
        code = args.func(args)
    except UsageError as exc:
        print(f"kg: error: {exc}", file=__import__("sys").stderr)
        code = 2
    out = capsys.readouterr()
    return code, out.out, out.err


def test_query_command(sample_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg_query(
        ["--store", str(sample_store), "denied-or-rumored-partnerships", "--format", "csv"], capsys
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["partyA"], r["partyB"], r["status"]) for r in rows] == [
        ("Ford Motor Company", "Xiaomi", "denied")
    ]

    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a kg:Claim } }", encoding="utf-8")
    code, out, _ = kg_query(["--store", str(sample_store), f"@{rq}"], capsys)
    assert code == 0 and out.splitlines()[2].strip() == "13"

    code, out, _ = kg_query(
        ["--store", str(sample_store), "company-links", "--bind", "company=entity:ford-motor-company"], capsys
    )
    assert code == 0 and "denied" in out and "(1 row)" in out

    code, out, _ = kg_query(["--list"], capsys)
    assert code == 0 and len(out.splitlines()) == len(shipped_queries())

    code, _, err = kg_query(["--store", str(sample_store), "SELECT ?x WHERE { ?x ?y }"], capsys)
    assert code == 2 and "invalid SPARQL query" in err
    code, _, err = kg_query(["--store", str(sample_store), "denied-partnerships"], capsys)
    assert code == 2 and "unknown query name 'denied-partnerships'" in err and "asserted-partnerships" in err
    code, _, err = kg_query(["--store", str(tmp_path / "nowhere"), "asserted-partnerships"], capsys)
    assert code == 2 and "neither a kg store folder nor an RDF file" in err


def test_query_an_rdf_file(graph: KnowledgeGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.rdf import quads

    trig = tmp_path / "graph.trig"
    trig.write_bytes(pyoxigraph.serialize(quads(graph), format=pyoxigraph.RdfFormat.TRIG) or b"")
    code, out, _ = kg_query(
        ["--store", str(trig), "denied-or-rumored-partnerships", "--format", "json"], capsys
    )
    assert code == 0
    doc: dict[str, Any] = json.loads(out)
    assert [b["partyB"]["value"] for b in doc["results"]["bindings"]] == ["Xiaomi"]
    bad = tmp_path / "graph.xyz"
    bad.write_text("x", encoding="utf-8")
    code, _, err = kg_query(["--store", str(bad), "asserted-partnerships"], capsys)
    assert code == 2 and "cannot tell the RDF format" in err


def test_service_is_refused_unless_allowed(sample_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 14 F18: kg query followed SERVICE <http://...> over the network (and gave a traceback on failure).
    from kg.cli import main

    service = "SELECT * { SERVICE <http://192.0.2.1:9/sparql> { ?s ?p ?o } }"
    with open_rdf(sample_store) as store, pytest.raises(UsageError, match="calls SERVICE"):
        run(store, service)
    assert main(["query", "--store", str(sample_store), service]) == 2
    assert "kg query runs offline unless --allow-service" in capsys.readouterr().err
    # A variable, a string or a comment named "service" is no SERVICE call.
    harmless = 'SELECT ?service { ?service a kg:Company . FILTER(?service != "SERVICE") } # SERVICE'
    assert main(["query", "--store", str(sample_store), "--format", "json", harmless]) == 0
    assert json.loads(capsys.readouterr().out)["head"]["vars"] == ["service"]


def test_rdfxml_entity_bombs_are_refused_before_parsing(tmp_path: Path) -> None:
    # Issue 14 F14: 1 KB of nested internal entities made the RDF/XML parser allocate 1.2 GB and abort.
    from kg.store import StoreError

    def doc(entities: str, value: str) -> str:
        return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{entities}\n]>\n'
                '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
                f'<rdf:Description rdf:about="http://example.org/s"><ex:p>{value}</ex:p></rdf:Description></rdf:RDF>')

    nested = '<!ENTITY a "ha">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
    external = '<!ENTITY x SYSTEM "file:///etc/passwd">'
    for name, entities, value in (("nested", nested, "&c;"), ("external", external, "&x;")):
        bomb = tmp_path / f"{name}.rdf"
        bomb.write_text(doc(entities, value), encoding="utf-8")
        with pytest.raises(StoreError, match="refusing an XML DOCTYPE"), open_rdf(bomb):
            pass
    # OWL tools' namespace abbreviations stay readable.
    fine = tmp_path / "fine.owl"
    fine.write_text(doc('<!ENTITY ex "http://example.org/">', "&ex;x"), encoding="utf-8")
    with open_rdf(fine) as store:
        assert [str(q.object.value) for q in store] == ["http://example.org/x"]
