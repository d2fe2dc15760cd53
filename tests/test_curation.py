"""Corrections that survive every rebuild: a curation file in kg build, kg export, kg query and a store."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

from kg.curation import CurationError, load, parse
from kg.graph import KnowledgeGraph
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdf import quads
from kg.resolve import resolve

ENTS = {
    "twa": ("TWA", "Company"),
    "trans-world-airlines": ("Trans World Airlines", "Company"),
    "transworld": ("Transworld", "Company"),
    "mr-icahn": ("Mr. Icahn", "Person"),
    "carl-icahn": ("Carl Icahn", "Person"),
    "sec": ("SEC", "Company"),
    "bank": ("Bank", "Company"),
    "ozark": ("Ozark Air Lines", "Company"),
}
# (article, date, [(type, subject, object, status)])
ARTICLES = (
    ("a1", "1985-05-01", [("investment", "carl-icahn", "twa", "rumored"), ("partnership", "twa", "bank", "asserted")]),
    ("a2", "1985-06-01", [("works_for", "mr-icahn", "trans-world-airlines", "asserted"),
                          ("partnership", "trans-world-airlines", "sec", "asserted")]),
    ("a3", "1986-09-01", [("acquisition", "transworld", "ozark", "asserted")]),
)

CURATION = """\
# Hand corrections of the TWA story.
[[merge]]
names = ["TWA", "Trans World Airlines", "Transworld"]
label = "Trans World Airlines"
id = "trans-world-airlines"
type = "Company"
wikidata = "Q1754"

[[merge]]
names = ["Mr. Icahn", "carl-icahn"]
label = "Carl Icahn"

[[retype]]
name = "SEC"
type = "Organization"

[[drop]]
name = "Bank"

[[veto]]
type = "partnership"
subject = "SEC"
object = "TWA"

[[add]]
type = "investment"
subject = "Carl Icahn"
object = "TWA"
status = "asserted"
date = "1985-08-21"
note = "Icahn took control of TWA in 1985 (company filings)."
"""


def extractions() -> list[Extraction]:
    out = []
    for aid, date, rels in ARTICLES:
        text = " ".join(f"{ENTS[s][0]} {t} {ENTS[o][0]}." for t, s, o, _ in rels)
        ids = sorted({i for _, s, o, _ in rels for i in (s, o)})
        ents = tuple(Entity(i, *ENTS[i]) for i in ids)
        relations = []
        for t, s, o, st in rels:
            sentence = f"{ENTS[s][0]} {t} {ENTS[o][0]}."
            start = text.index(sentence)
            relations.append(Relation("r", t, s, o, st, None, None, 0.7,
                                      (Evidence(start, start + len(sentence), sentence),)))
        out.append(Extraction(Article(aid, text, title=aid, published=date, language="en"), ents, tuple(relations)))
    return out


@pytest.fixture
def curation_file(tmp_path: Path) -> Path:
    path = tmp_path / "curation.toml"
    path.write_text(CURATION, encoding="utf-8")
    return path


@pytest.fixture
def curated(curation_file: Path) -> KnowledgeGraph:
    return resolve(extractions(), curation=load(curation_file))


def test_merge_drop_retype_veto_add(curated: KnowledgeGraph):
    ids = {e.id: e for e in curated.entities}
    assert sorted(ids) == ["carl-icahn", "ozark", "sec", "trans-world-airlines"]
    twa = ids["trans-world-airlines"]
    assert (twa.label, twa.type, twa.wikidata) == ("Trans World Airlines", "Company", "Q1754")
    assert {"TWA", "Transworld"} <= set(twa.aliases)
    assert twa.curated and twa.curated.startswith("curation.toml sha256:")
    assert ids["carl-icahn"].label == "Carl Icahn" and ids["sec"].type == "Organization" and ids["sec"].curated
    assert ids["ozark"].curated is None
    links = {link.id: link for link in curated.links}
    # The veto took the SEC partnership, the drop took Bank and its partnership.
    # A person invests but never acquires (kg.schema): Icahn's control of TWA is an investment.
    assert sorted(links) == ["acquisition/trans-world-airlines--ozark",
                             "investment/carl-icahn--trans-world-airlines",
                             "works_for/carl-icahn--trans-world-airlines"]
    acq = links["investment/carl-icahn--trans-world-airlines"]
    # The rumour of a1, then the curator's dated statement: the latest word counts.
    assert [(c.status, c.published, bool(c.curated)) for c in acq.history()] == [
        ("rumored", "1985-05-01", False), ("asserted", "1985-08-21", True)]
    assert acq.status == "asserted"
    (added,) = [x for x in curated.extractions if x.article.id.startswith("curation/")]
    assert added.article.source == twa.curated and "company filings" in added.article.text


def test_curated_facts_are_marked_in_rdf_and_graphml(curated: KnowledgeGraph, tmp_path: Path):
    store = pyoxigraph.Store()
    store.extend(quads(curated))
    rows = list(store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?thing ?name ?hash { GRAPH ?g { ?thing prov:wasAttributedTo ?c } "
        "?c a prov:Entity ; rdfs:label ?name ; dcterms:identifier ?hash }",
        prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
    )) + list(store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?thing { ?thing prov:wasAttributedTo ?c }"))
    things = sorted(str(r["thing"].value).rsplit("/", 2)[-2] + "/" + str(r["thing"].value).rsplit("/", 1)[-1]
                    for r in rows)
    assert any("carl-icahn--trans-world-airlines" in t for t in things)  # the added claim
    assert any(t.endswith("entity/sec") for t in things)
    from kg.exporters.property_graph import generate_graphml

    g = nx.read_graphml(__import__("io").BytesIO("".join(generate_graphml(curated)).encode()))
    assert g.nodes["sec"]["curated"].startswith("curation.toml sha256:")
    assert g.nodes["investment/carl-icahn--trans-world-airlines"]["curated"].startswith("curation.toml")


def _build(tmp_path: Path, name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    import kg.build
    from kg.cli import main

    monkeypatch.setattr(kg.build, "extract_all", lambda *a, **k: iter(extractions()))
    src = tmp_path / "in.txt"
    src.write_text("stand-in: extraction is replaced by the articles above", encoding="utf-8")
    return main(["build", str(src), "-o", str(tmp_path / name), "-q", *args])


FORMATS = ["--format", "turtle", "--format", "graphml", "--format", "gexf"]


def test_a_curated_build_is_byte_identical_and_equals_the_store(
    tmp_path: Path, curation_file: Path, monkeypatch: pytest.MonkeyPatch
):
    from kg.cli import main
    from kg.store import add_extractions

    assert _build(tmp_path, "one", [*FORMATS, "--curation", str(curation_file)], monkeypatch) == 0
    assert _build(tmp_path, "two", [*FORMATS, "--curation", str(curation_file)], monkeypatch) == 0
    one = {p.name: p.read_bytes() for p in sorted((tmp_path / "one").rglob("*")) if p.is_file()}
    two = {p.name: p.read_bytes() for p in sorted((tmp_path / "two").rglob("*")) if p.is_file()}
    assert one == two and b"Trans World Airlines" in one["graph.ttl"]
    # The same curation kept by a store gives the same bytes.
    store = tmp_path / "store"
    add_extractions(store, extractions())
    from kg.store import set_curation

    assert set_curation(store, load(curation_file))
    assert not set_curation(store, load(curation_file))  # unchanged: nothing to re-resolve
    for name in ("graph.ttl", "graph.graphml", "graph.gexf"):
        assert main(["export", "--store", str(store), "-o", str(tmp_path / "st" / name)]) == 0
        assert (tmp_path / "st" / name).read_bytes() == one[name], name
    # The store remembers it: queries see the curated graph.
    with __import__("kg.store", fromlist=["open_rdf"]).open_rdf(store) as st:
        assert not bool(st.query("ASK { <https://w3id.org/kg/resource/entity/bank> ?p ?o }"))


def test_changing_a_stores_curation_re_resolves(tmp_path: Path, curation_file: Path):
    from kg.store import add_extractions, load_graph, set_curation

    store = tmp_path / "store"
    add_extractions(store, extractions())
    assert "bank" in {e.id for e in load_graph(store).entities}
    set_curation(store, load(curation_file))
    assert "bank" not in {e.id for e in load_graph(store).entities}
    other = tmp_path / "other.toml"
    other.write_text('[[drop]]\nname = "Ozark Air Lines"\n', encoding="utf-8")
    assert set_curation(store, load(other))
    ids = {e.id for e in load_graph(store).entities}
    assert "bank" in ids and "ozark" not in ids


BAD = [
    ('[[merge]]\nnames = ["TWA", "Nobody Airways"]\n',
     "curation.toml:1: [[merge]] #1: unknown entity 'Nobody Airways'"),
    ('\n[[drop]]\nid = "no-such-id"\n', "curation.toml:2: [[drop]] #1: unknown entity 'no-such-id'"),
    ('[[veto]]\ntype = "partnership"\nsubject = "SEC"\nobject = "Nobody"\n',
     "curation.toml:1: [[veto]] #1: unknown entity 'Nobody'"),
    ('[[add]]\ntype = "partnership"\nsubject = "SEC"\nobject = "Nobody"\nstatus = "asserted"\nnote = "n"\n',
     "curation.toml:1: [[add]] #1: unknown entity 'Nobody'"),
    ('[[merge]]\nnames = ["TWA", "Transworld"]\n\n[[merge]]\nnames = ["Transworld", "TWA"]\n',
     "curation.toml:4: [[merge]] #2: 'Transworld' is already merged by [[merge]] #1 (line 1)"),
    ('[[retype]]\nname = "SEC"\ntype = "Regulator"\n',
     "curation.toml:1: [[retype]] #1: type 'Regulator' is not in the ontology"),
    ('[[veto]]\ntype = "merger"\nsubject = "SEC"\nobject = "TWA"\n',
     "curation.toml:1: [[veto]] #1: relation type 'merger' is not in the ontology"),
    ('[[add]]\ntype = "partnership"\nsubject = "SEC"\nobject = "TWA"\nstatus = "maybe"\nnote = "n"\n',
     "curation.toml:1: [[add]] #1: status 'maybe' is not one of"),
    ('[[add]]\ntype = "partnership"\nsubject = "SEC"\nobject = "TWA"\nstatus = "asserted"\n',
     "curation.toml:1: [[add]] #1: missing note"),
    ('[[drop]]\nname = "Bank"\nreason = "junk"\n', "curation.toml:1: [[drop]] #1: unknown field reason"),
    ('[[drop]]\nname = "Bank"\n[[add]\n', "curation.toml: not valid TOML"),
    ('[[rename]]\nname = "Bank"\n', "curation.toml: unknown section rename"),
    ('[[add]]\ntype = "acquisition"\nsubject = "Carl Icahn"\nobject = "TWA"\nstatus = "asserted"\nnote = "n"\n',
     "curation.toml:1: [[add]] #1: acquisition does not join Person -> Company (subject: Company, Organization"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m.split(": ", 1)[1][:40] for _, m in BAD])
def test_bad_curation_stops_the_build_with_exit_2_and_writes_nothing(
    text: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "curation.toml"
    path.write_text(text, encoding="utf-8")
    assert _build(tmp_path, "out", ["--curation", str(path)], monkeypatch) == 2
    err = capsys.readouterr().err
    assert f"kg: error: {tmp_path / message}" in err or message in err, err
    assert str(path) in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_unknown_entities_are_not_errors_in_a_time_window():
    c = parse('[[drop]]\nname = "Ozark Air Lines"\n', "c.toml")
    g = resolve(extractions(), curation=c, until="1985-12-31")  # Ozark is not known yet
    assert "ozark" not in {e.id for e in g.entities}
    with pytest.raises(CurationError, match=re.escape("c.toml:1: [[drop]] #1: unknown entity 'Ozark Air Lines'")):
        resolve(extractions()[:2], curation=c)


def test_kg_entities_lists_searches_and_finds_suspects(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from kg.cli import main
    from kg.curation_cli import duplicates, junk
    from kg.store import add_extractions

    xs = extractions()
    extra = Extraction(Article("a4", "Rp 5 triliun and 2026-01-05 and sepakat.", title="x", published="1986-10-01"),
                       (Entity("rp-5-triliun", "Rp 5 triliun", "Company"), Entity("d", "2026-01-05", "Company"),
                        Entity("sepakat", "sepakat", "Organization")))
    store = tmp_path / "store"
    add_extractions(store, [*xs, extra])
    graph = resolve([*xs, extra])
    dups = {(a, b) for a, b, _ in duplicates(graph)}
    assert ("trans-world-airlines", "twa") in dups  # TWA is the acronym of Trans World Airlines
    assert ("trans-world-airlines", "transworld") in dups  # nearly the same normalised name
    assert dict(junk(graph)) == {"d": "looks like a date", "rp-5-triliun": "looks like an amount",
                                 "sepakat": "all lowercase: a verb or a common noun, not a name"}
    assert main(["entities", str(store), "--search", "icahn"]) == 0
    out = capsys.readouterr().out
    assert "carl-icahn" in out and "mr-icahn" in out and "ozark" not in out
    assert main(["entities", str(store), "--suspects", "--toml"]) == 0
    pasted = tmp_path / "pasted.toml"
    pasted.write_text(capsys.readouterr().out, encoding="utf-8")
    # Ready to paste: the suggestions parse as a curation file... and a merge chain shows as an error to fix.
    with pytest.raises(CurationError, match="already merged"):
        load(pasted)


def test_kg_merge_and_drop_append_to_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from kg.cli import main
    from kg.store import add_extractions

    path = tmp_path / "c.toml"
    assert main(["merge", "TWA", "Trans World Airlines", "Transworld", "--curation", str(path),
                 "--label", "Trans World Airlines"]) == 0
    assert main(["drop", "Bank", "--curation", str(path)]) == 0
    c = load(path)
    assert [(e.kind, e.line) for e in c.entries] == [("merge", 1), ("drop", 5)]
    assert main(["merge", "TWA", "Ozark", "--curation", str(path)]) == 2  # TWA is in a merge already
    assert "already merged" in capsys.readouterr().err
    assert load(path).sha256 == c.sha256  # the bad entry was not written
    store = tmp_path / "store"
    add_extractions(store, extractions())
    capsys.readouterr()
    assert main(["entities", str(store), "--curation", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Trans World Airlines" in out and "bank " not in out


def test_kg_build_store_curation_re_resolves_without_re_extracting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    from kg.cli import main
    from kg.store import CURATION_FILE, load_graph, open_rdf

    src = tmp_path / "a.txt"
    src.write_text("Vale Indonesia Teken Kemitraan dengan Hyundai\n\nPT Vale Indonesia Tbk menandatangani "
                   "perjanjian kemitraan dengan Hyundai Motor Company pada Senin.\n", encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(src), "--store", str(store), "-q", "--workers", "1"]) == 0
    before = load_graph(store)
    assert before.entities
    victim = before.entities[0]
    bad = tmp_path / "bad.toml"
    bad.write_text('[[drop]]\nname = "Nobody At All"\n', encoding="utf-8")
    assert main(["build", str(src), "--store", str(store), "-q", "--workers", "1", "--curation", str(bad)]) == 2
    assert "bad.toml:1: [[drop]] #1: unknown entity 'Nobody At All'" in capsys.readouterr().err
    assert not (store / CURATION_FILE).exists()
    good = tmp_path / "good.toml"
    good.write_text(f'[[drop]]\nid = "{victim.id}"\n', encoding="utf-8")
    assert main(["build", str(src), "--store", str(store), "--workers", "1", "--curation", str(good)]) == 0
    assert "0 added" in capsys.readouterr().err  # re-resolved, not re-extracted
    assert victim.id not in {e.id for e in load_graph(store).entities}
    with open_rdf(store) as st:
        assert not bool(st.query(f"ASK {{ <https://w3id.org/kg/resource/entity/{victim.id}> ?p ?o }}"))


def test_kg_query_and_export_take_a_curation(
    tmp_path: Path, curation_file: Path, capsys: pytest.CaptureFixture[str]
):
    from kg.cli import main
    from kg.store import add_extractions

    store = tmp_path / "store"
    add_extractions(store, extractions())
    ask = "ASK { <https://w3id.org/kg/resource/entity/bank> ?p ?o }"
    assert main(["query", "--store", str(store), ask]) == 0
    assert "true" in capsys.readouterr().out
    assert main(["query", "--store", str(store), ask, "--curation", str(curation_file)]) == 0
    assert "false" in capsys.readouterr().out
    out = tmp_path / "g.graphml"
    assert main(["export", "--store", str(store), "-o", str(out), "--curation", str(curation_file)]) == 0
    g = nx.read_graphml(out)
    assert "bank" not in g and g.nodes["trans-world-airlines"]["label"] == "Trans World Airlines"


def test_a_single_word_only_in_one_headline_is_a_suspect():
    from kg.curation_cli import junk
    from kg.model import Span

    text = "Daya Melonjak\n\nSaham Bukit Asam naik."
    x = Extraction(Article("h", text, title="Daya Melonjak", published="2026-01-01"),
                   (Entity("daya", "Daya", "Company", mentions=(Span(0, 4, "Daya"),)),
                    Entity("bukit-asam", "Bukit Asam", "Company", mentions=(Span(21, 31, "Bukit Asam"),))))
    assert junk(resolve([x])) == [("daya", "a single word, in one headline only")]
