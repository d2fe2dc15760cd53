"""Links have a history and the latest word counts: a rumour, a denial, a later signing of one link."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

from kg.exporters.cypher import generate_cypher
from kg.exporters.html._payload import build_payload
from kg.exporters.property_graph import generate_gexf, generate_graphml
from kg.exporters.tables import generate_neo4j_import
from kg.graph import Claim, KnowledgeGraph, Link
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdf import quads
from kg.resolve import resolve

LINK = "partnership/hyundai--vale-indonesia"
STORY = (  # (article, date, status, speaker, sentence)
    ("jan-rumour", "2026-01-05", "rumored", None,
     "Vale Indonesia is reportedly in partnership talks with Hyundai."),
    ("jan-denial", "2026-01-20T09:00:00+07:00", "denied", "vale-indonesia",
     "Vale Indonesia denied any partnership talks with Hyundai."),
    ("mar-signing", "2026-03-02", "asserted", None,
     "Vale Indonesia and Hyundai signed a partnership agreement on Monday."),
)


def _article(aid: str, date: str | None, status: str, speaker: str | None, sentence: str) -> Extraction:
    text = f"{aid}\n\n{sentence}"
    start = text.index(sentence)
    ents = (Entity("hyundai", "Hyundai", "Company"), Entity("vale-indonesia", "Vale Indonesia", "Company"))
    rel = Relation("r", "partnership", "vale-indonesia", "hyundai", status, speaker, None, 0.8,
                   (Evidence(start, start + len(sentence), sentence),))
    return Extraction(Article(aid, text, title=aid, published=date, language="en"), ents, (rel,))


def story(*, undated: bool = False) -> list[Extraction]:
    # Given out of order on purpose: the history follows the dates, not the input.
    xs = [_article(*row) for row in reversed(STORY)]
    if undated:
        xs.append(_article("no-date", None, "planned", None, "Vale Indonesia plans a partnership with Hyundai."))
    return xs


@pytest.fixture(scope="module")
def kg_story() -> KnowledgeGraph:
    return resolve(story())


def link_of(graph: KnowledgeGraph) -> Link:
    (link,) = graph.links
    assert link.id == LINK
    return link


def test_latest_dated_claim_is_the_current_status_and_the_story_is_a_reversal(kg_story):
    link = link_of(kg_story)
    assert link.status == "asserted"
    assert link.reversal
    assert [(t["date"], t["status"], t["article"], t["speaker"]) for t in link.timeline()] == [
        ("2026-01-05", "rumored", "jan-rumour", None),
        ("2026-01-20", "denied", "jan-denial", "vale-indonesia"),
        ("2026-03-02", "asserted", "mar-signing", None),
    ]
    assert [c.article for c in link.claims] == ["jan-rumour", "jan-denial", "mar-signing"]
    assert [(later.article, earlier.article) for later, earlier in link.superseding()] == [
        ("jan-denial", "jan-rumour"), ("mar-signing", "jan-denial")]


def test_undated_claims_go_last_and_are_flagged_but_do_not_decide():
    link = link_of(resolve(story(undated=True)))
    assert [c.article for c in link.history()][-1] == "no-date"
    assert link.undated == 1 and link.status == "asserted"


def test_ties_within_a_date_keep_the_precedence():
    same = (Claim("a", "asserted", published="2026-01-01"), Claim("b", "denied", published="2026-01-01"))
    link = Link("partnership/a--b", "partnership", "a", "b", same)
    assert link.status == "denied"
    assert [c.status for c in link.history()] == ["asserted", "denied"]  # the winner comes last
    assert not link.reversal  # one day's disagreement is not a story that turned round


def test_a_signed_deal_later_denied_is_a_reversal_and_ended_then_rumoured_is_not():
    def link(*statuses: str) -> Link:
        cs = tuple(Claim(f"a{i}", s, published=f"2026-01-0{i + 1}") for i, s in enumerate(statuses))
        return Link("partnership/a--b", "partnership", "a", "b", cs)

    assert link("asserted", "rumored", "denied").reversal
    assert link("ended", "planned", "asserted").reversal
    assert not link("ended", "rumored").reversal
    assert not link("rumored", "planned", "asserted").reversal


def test_as_of_before_the_signing_gives_the_denial():
    before = link_of(resolve(story(undated=True), until="2026-02-28"))
    assert before.status == "denied" and not before.reversal and len(before.claims) == 2 and not before.undated
    assert link_of(resolve(story(), since="2026-01-06")).status == "asserted"
    assert resolve(story(), until="2026-01-04").links == ()


def _history(value: str) -> list[str]:
    return value.split(";")


EXPECTED_HISTORY = [
    "2026-01-05 rumored jan-rumour",
    "2026-01-20 denied jan-denial by vale-indonesia",
    "2026-03-02 asserted mar-signing",
]


def test_graphml_carries_status_history_and_reversal(kg_story):
    g = nx.read_graphml(io.BytesIO("".join(generate_graphml(kg_story)).encode()))
    node = g.nodes[LINK]
    assert node["status"] == "asserted" and node["reversal"] is True
    assert _history(node["history"]) == EXPECTED_HISTORY
    party_edges = [d for _, _, d in g.edges(data=True) if d["type"] == "party"]
    assert len(party_edges) == 2 and all(_history(d["history"]) == EXPECTED_HISTORY for d in party_edges)


def test_gexf_replays_the_story_as_dynamic_values(kg_story):
    g = nx.read_gexf(io.BytesIO("".join(generate_gexf(kg_story)).encode()))
    node = g.nodes[LINK]
    assert node["status"] == "asserted"
    spells = [(s, a, None if b == "None" else b) for s, a, b in node["status_over_time"]]
    assert spells == [("rumored", "2026-01-05", "2026-01-20"), ("denied", "2026-01-20", "2026-03-02"),
                      ("asserted", "2026-03-02", None)]


def test_neo4j_and_cypher_carry_the_history(kg_story):
    files = {name: "".join(chunks) for name, chunks in generate_neo4j_import(kg_story)}
    (row,) = list(csv.DictReader(io.StringIO(files["relations.csv"])))
    assert row["status"] == "asserted" and row["reversal:boolean"] == "true"
    assert row["history:string[]"].split("\x1f") == EXPECTED_HISTORY
    script = "".join(generate_cypher(kg_story))
    assert "history: ['2026-01-05 rumored jan-rumour', '2026-01-20 denied jan-denial by vale-indonesia'" in script
    assert "reversal: true" in script


def test_rdf_has_the_current_status_and_what_supersedes_what(kg_story):
    store = pyoxigraph.Store()
    store.extend(quads(kg_story))
    (row,) = store.query(
        "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?s ?r { ?l kg:currentStatus ?s ; kg:reversal ?r }")
    assert str(row["s"].value).endswith("#asserted") and row["r"].value == "true"
    pairs = sorted(
        (str(r["later"].value).split("/claim/")[1], str(r["earlier"].value).split("/claim/")[1])
        for r in store.query(
            "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?later ?earlier "
            "{ GRAPH ?g { ?later kg:supersedes ?earlier } }")
    )
    assert [(a.split("/")[0], b.split("/")[0]) for a, b in pairs] == [
        ("jan-denial", "jan-rumour"), ("mar-signing", "jan-denial")]


def test_the_page_payload_has_the_timeline(kg_story):
    payload = build_payload(kg_story, kg_story.to_networkx())
    (node,) = [n for n in payload["nodes"] if n["id"] == LINK]
    assert node["status"] == "asserted" and node["reversal"] is True
    assert [s[0] for s in node["spells"]] == ["rumored", "denied", "asserted"]
    assert [payload["claims"][i]["date"] for i in node["claims"]] == ["2026-01-05", "2026-01-20", "2026-03-02"]


def test_cli_as_of_on_export_and_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from kg.cli import main
    from kg.store import add_extractions

    store = tmp_path / "store"
    add_extractions(store, story())
    out = tmp_path / "before.graphml"
    assert main(["export", "--store", str(store), "-o", str(out), "--as-of", "2026-02-28"]) == 0
    assert nx.read_graphml(out).nodes[LINK]["status"] == "denied"
    assert main(["export", "--store", str(store), "-o", str(out)]) == 0
    assert nx.read_graphml(out).nodes[LINK]["status"] == "asserted"
    capsys.readouterr()
    assert main(["query", "--store", str(store), "reversals", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [(r["before"]["value"], r["after"]["value"]) for r in rows] == [("denied", "asserted")]
    assert main(["query", "--store", str(store), "reversals", "--until", "2026-02-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["bindings"] == []


def test_bad_dates_are_usage_errors(tmp_path: Path):
    from kg.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["export", "--store", str(tmp_path), "-o", str(tmp_path / "x.graphml"), "--as-of", "March"])
    assert exc.value.code == 2
    assert main(["export", "--store", str(tmp_path), "-o", str(tmp_path / "x.graphml"),
                 "--as-of", "2026-01-01", "--until", "2026-02-01"]) == 2


def test_kg_build_as_of_writes_the_graph_as_known_then(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import kg.build
    from kg.cli import main

    monkeypatch.setattr(kg.build, "extract_all", lambda *a, **k: iter(story()))
    (tmp_path / "in.txt").write_text("stand-in: extraction is replaced by the story above", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in.txt"), "-o", str(out), "--format", "graphml", "--as-of",
                 "2026-01-31", "-q"]) == 0
    assert nx.read_graphml(out / "graph.graphml").nodes[LINK]["status"] == "denied"


def test_the_story_conforms_to_the_shapes(kg_story, tmp_path: Path):
    from kg.formats import export
    from tests.exporters.test_rdf import _shacl

    conforms, text = _shacl(export(kg_story, tmp_path / "g.ttl").read_bytes())
    assert conforms, text
