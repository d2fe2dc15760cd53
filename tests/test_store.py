"""The embedded store: incremental builds, re-ingestion, removal, resuming, exports from a store."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
import pytest

from kg import ids
from kg.errors import InputError, UsageError
from kg.extract import DEFAULT_ENGINE
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdf import quads
from kg.resolve import resolve
from kg.store import (
    RECORD_DIR,
    STATE_FILE,
    StoreError,
    add_articles,
    add_extractions,
    load_extractions,
    load_graph,
    open_rdf,
    remove,
)

# Small hand-written news items, Indonesian and English. "NSTL" is introduced in
# id/nusa-sinyal-orbita and used alone in id/nstl-bantah: which entity it is
# depends on another article, so resolution has to see all of them.
ARTICLES = (
    Article(
        "id/nstl-bantah",
        "NSTL membantah kabar akuisisi PT Menara Timur Raya. Direktur NSTL, Ratna "
        "Kusumawardhani, menyebut rumor itu tidak benar.",
        title="NSTL bantah akuisisi",
        source="Warta Telko",
        published="2026-01-12",
        language="id",
    ),
    Article(
        "en/orbita-kinabalu",
        "Orbita Satcom Pte Ltd is a subsidiary of Kinabalu Digital Berhad. Kinabalu "
        "Digital Berhad is based in Malaysia.",
        title="Who owns Orbita",
        source="Example Wire",
        published="2026-01-13",
        language="en",
    ),
    Article(
        "en/telkom-xiaomi",
        "Telkom Indonesia signed a partnership with Xiaomi to sell 5G phones. Xiaomi is based in China.",
        title="Telkom and Xiaomi team up",
        published="2026-01-20",
        language="en",
    ),
    Article(
        "id/nusa-sinyal-orbita",
        "PT Nusa Sinyal Telekomunikasi Tbk (NSTL) menjalin kemitraan dengan Orbita "
        "Satcom Pte Ltd untuk layanan internet satelit di Papua.",
        title="Nusa Sinyal gandeng Orbita",
        source="Warta Telko",
        published="2026-01-15",
        language="id",
    ),
    Article(
        "id/xiaomi-bantah",
        "Xiaomi membantah kemitraan dengan Telkom Indonesia.",
        title="Xiaomi bantah",
        published="2026-01-21",
        language="id",
    ),
    Article(
        "en/lintas-data",
        "PT Lintas Data Persada competes with PT Nusa Sinyal Telekomunikasi Tbk in eastern "
        "Indonesia. Lintas Data Persada plans to acquire PT Menara Timur Raya.",
        title="Lintas Data",
        published="2026-01-22",
        language="en",
    ),
)


def nquads_of(source: str | Path) -> list[str]:
    """The store's RDF as sorted N-Quads lines (the independent view: what Oxigraph holds)."""
    with open_rdf(source) as store:
        data = store.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""
    return sorted(line for line in data.decode("utf-8").split("\n") if line)


def nquads_direct(extractions: Iterable[Extraction]) -> list[str]:
    """The RDF of a graph resolved in memory, without the store's folder, records or state.

    It goes through an in-memory Oxigraph store all the same: Oxigraph keeps
    derived integer types as xsd:integer (oxigraph/oxigraph#1413), so
    ``"37"^^xsd:nonNegativeInteger`` reads back as ``"37"^^xsd:integer`` from any
    Oxigraph store, and both sides must be compared after that step.
    """
    memory = pyoxigraph.Store()
    memory.extend(quads(resolve(extractions)))
    data = memory.dump(format=pyoxigraph.RdfFormat.N_QUADS) or b""
    return sorted(line for line in data.decode("utf-8").split("\n") if line)


def graph_names(lines: list[str]) -> set[str]:
    return {ids.graph_iri(a.id) for a in ARTICLES if any(f"<{ids.graph_iri(a.id)}> ." in x for x in lines)}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    from kg.extract import extract

    return {a.id: extract(a) for a in ARTICLES}


# -- with the real extractor ---------------------------------------------------------------------


def test_two_halves_give_the_same_triples_as_one_build(
    tmp_path: Path, extracted: dict[str, Extraction]
) -> None:
    once, twice = tmp_path / "once", tmp_path / "twice"
    r = add_articles(once, ARTICLES)
    assert r.ok and set(r.added) == {a.id for a in ARTICLES}
    add_articles(twice, ARTICLES[:3])
    r2 = add_articles(twice, ARTICLES[3:])
    assert set(r2.added) == {a.id for a in ARTICLES[3:]} and r2.articles == len(ARTICLES)

    lines = nquads_of(once)
    assert lines == nquads_of(twice)
    assert lines == nquads_direct(extracted.values())
    assert graph_names(lines) == {ids.graph_iri(a.id) for a in ARTICLES if extracted[a.id].relations}
    statuses = {c.status for link in r.graph.links for c in link.claims}
    assert {"asserted", "denied"} <= statuses
    # Some link is reported in both halves: its node and claims were merged across batches.
    first = {a.id for a in ARTICLES[:3]}
    assert any(
        {c.article for c in link.claims} & first and {c.article for c in link.claims} - first
        for link in r2.graph.links
    )


def test_reingesting_changes_nothing(
    tmp_path: Path, extracted: dict[str, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "s"
    add_articles(store, ARTICLES)
    before = nquads_of(store)
    files = {p.name: p.read_bytes() for p in (store / RECORD_DIR).iterdir()}
    state = (store / STATE_FILE).read_bytes()

    import kg.extract

    def no_extraction(*_: object, **__: object) -> Extraction:
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr(kg.extract, "extract", no_extraction)
    r = add_articles(store, ARTICLES)
    assert r.added == () and r.replaced == () and set(r.unchanged) == {a.id for a in ARTICLES}
    assert nquads_of(store) == before
    assert {p.name: p.read_bytes() for p in (store / RECORD_DIR).iterdir()} == files
    assert (store / STATE_FILE).read_bytes() == state


def test_same_id_new_text_replaces_the_stored_article(tmp_path: Path) -> None:
    store = tmp_path / "s"
    add_articles(store, ARTICLES)
    old = ARTICLES[4]
    new = Article(
        old.id,
        "Xiaomi resmi menjalin kemitraan dengan Telkom Indonesia.",
        title=old.title,
        published="2026-01-25",
        language="id",
    )
    r = add_articles(store, [new])
    assert r.added == (old.id,) and r.replaced == (old.id,) and r.articles == len(ARTICLES)
    lines = nquads_of(store)
    # the old text's evidence is gone (another article's own denial, "NSTL membantah ...", stays)
    assert not any("Xiaomi membantah" in x for x in lines)
    assert any("NSTL membantah" in x for x in lines)
    assert any("resmi menjalin" in x for x in lines)
    assert lines == nquads_direct([*load_extractions(store)])


def test_same_text_under_another_id_replaces_the_stored_article(tmp_path: Path) -> None:
    store = tmp_path / "s"
    add_articles(store, ARTICLES)
    old = ARTICLES[2]
    copy = Article(
        "en/telkom-xiaomi-syndicated", old.text, title=old.title, published=old.published, language="en"
    )
    r = add_articles(store, [copy])
    assert r.added == (copy.id,) and r.replaced == (old.id,)
    assert sorted(x.article.id for x in load_extractions(store)) == sorted(
        [a.id for a in ARTICLES if a.id != old.id] + [copy.id]
    )
    assert not any(f"<{ids.graph_iri(old.id)}>" in x for x in nquads_of(store))


def test_removing_an_article_removes_exactly_its_claims(
    tmp_path: Path, extracted: dict[str, Extraction]
) -> None:
    store = tmp_path / "s"
    add_articles(store, ARTICLES)
    before = nquads_of(store)
    gone = "en/orbita-kinabalu"
    r = remove(store, [gone])
    assert r.ok and r.removed == (gone,) and r.articles == len(ARTICLES) - 1
    after = nquads_of(store)
    # Exactly what a store that never had the article holds ...
    rest = [a for a in ARTICLES if a.id != gone]
    fresh = tmp_path / "fresh"
    add_articles(fresh, rest)
    assert after == nquads_of(fresh) == nquads_direct(extracted[a.id] for a in rest)
    # ... so its named graph is gone and every other article's graph is as it was.
    assert not any(f"<{ids.graph_iri(gone)}>" in x for x in after)
    for a in rest:
        tail = f"<{ids.graph_iri(a.id)}> ."
        assert [x for x in before if x.endswith(tail)] == [x for x in after if x.endswith(tail)]
    # Entities only that article mentioned are gone; the default graph lost its metadata.
    only_there = {e.id for e in extracted[gone].entities} - {
        e.id for a in rest for e in extracted[a.id].entities
    }
    assert only_there
    for entity_id in only_there:
        assert not any(x.startswith(f"<{ids.entity_iri(entity_id)}> ") for x in after)
    assert not any(f"<{ids.article_iri(gone)}>" in x for x in after)


# -- with hand-made extractions (independent of the extractor's quality) -----------------------------


def _x(
    article_id: str, text: str, entities: list[Entity], relations: list[tuple[str, str, str, str]]
) -> Extraction:
    rels = []
    for rtype, subj, obj, status in relations:
        from kg.schema import link_id, link_key

        _, s, o = link_key(rtype, subj, obj)
        rels.append(
            Relation(
                link_id(rtype, subj, obj),
                rtype,
                s,
                o,
                status,
                confidence=0.8,
                evidence=(Evidence(0, len(text), text),),
            )
        )
    return Extraction(
        Article(article_id, text, title=article_id.upper(), language="id"), tuple(entities), tuple(rels)
    )


NSTL_ALONE = _x(
    "a-nstl",
    "NSTL membantah akuisisi Menara Timur.",
    [Entity("nstl", "NSTL", "Company"), Entity("menara-timur", "Menara Timur", "Company")],
    [("acquisition", "nstl", "menara-timur", "denied")],
)
NSTL_DEFINED = _x(
    "b-nusa",
    "PT Nusa Sinyal Telekomunikasi Tbk (NSTL) menggandeng Orbita.",
    [
        Entity("nusa-sinyal-telekomunikasi", "Nusa Sinyal Telekomunikasi", "Company", ("NSTL",)),
        Entity("orbita", "Orbita", "Company"),
    ],
    [("partnership", "nusa-sinyal-telekomunikasi", "orbita", "asserted")],
)
OTHER = _x(
    "c-other",
    "Orbita membantah kemitraan dengan Lintas Data.",
    [Entity("orbita", "Orbita", "Company"), Entity("lintas-data", "Lintas Data", "Company")],
    [("partnership", "orbita", "lintas-data", "denied")],
)


def test_resolution_is_redone_over_every_stored_article(tmp_path: Path) -> None:
    store = tmp_path / "s"
    first = add_extractions(store, [NSTL_ALONE])
    assert [n.id for n in first.graph.entities] == ["menara-timur", "nstl"]
    # The second batch defines NSTL: the claim of the first article now joins the merged entity.
    second = add_extractions(store, [NSTL_DEFINED, OTHER])
    merged = [n for n in second.graph.entities if "a-nstl" in n.articles and "b-nusa" in n.articles]
    assert len(merged) == 1 and {merged[0].id} < {"nstl", "nusa-sinyal-telekomunikasi"}
    other_id = ({"nstl", "nusa-sinyal-telekomunikasi"} - {merged[0].id}).pop()
    lines = nquads_of(store)
    assert lines == nquads_direct([NSTL_ALONE, NSTL_DEFINED, OTHER])
    assert not any(ids.entity_iri(other_id) + ">" in x for x in lines)
    # The denial (first batch) and the partnership (second batch) now share one entity.
    node = f"<{ids.entity_iri(merged[0].id)}>"
    assert any(f"<{ids.ONTOLOGY}acquirer> {node} ." in x for x in lines)
    assert any(f"<{ids.ONTOLOGY}party> {node} ." in x for x in lines)
    # Removing the article that defined the alias splits them again.
    remove(store, ["b-nusa"])
    assert nquads_of(store) == nquads_direct([NSTL_ALONE, OTHER])


def test_store_export_is_the_same_as_a_direct_export(tmp_path: Path, graph: object) -> None:
    from kg.formats import export_all

    extractions = list(graph.extractions)  # type: ignore[attr-defined]
    add_extractions(tmp_path / "s", extractions)
    assert load_graph(tmp_path / "s") == resolve(extractions)
    from kg.store import export

    written = export(tmp_path / "s", tmp_path / "a", formats=["nquads", "turtle", "extractions"])
    expected = export_all(resolve(extractions), tmp_path / "b", formats=["nquads", "turtle", "extractions"])
    assert [p.name for p in written] == [p.name for p in expected]
    for p, q in zip(written, expected, strict=True):
        assert p.read_bytes() == q.read_bytes()


def test_an_interrupted_build_resumes_without_duplicates(
    tmp_path: Path, extracted: dict[str, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.extract

    real = kg.extract.extract
    calls: list[str] = []

    def killed_at_third(article: Article, **kw: str) -> Extraction:
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(article.id)
        return real(article, **kw)

    store = tmp_path / "s"
    monkeypatch.setattr(kg.extract, "extract", killed_at_third)
    with pytest.raises(KeyboardInterrupt):
        add_articles(store, ARTICLES)
    assert json.loads((store / STATE_FILE).read_text())["rdf_synced"] is False
    # Reading the store brings its RDF in step with the two saved articles.
    assert nquads_of(store) == nquads_direct(extracted[a] for a in calls)

    resumed: list[str] = []

    def counting(article: Article, **kw: str) -> Extraction:
        resumed.append(article.id)
        return real(article, **kw)

    monkeypatch.setattr(kg.extract, "extract", counting)
    r = add_articles(store, ARTICLES)
    assert sorted(resumed) == sorted(a.id for a in ARTICLES[2:])
    assert set(r.unchanged) == set(calls)
    assert nquads_of(store) == nquads_direct(extracted.values())
    assert len(list((store / RECORD_DIR).glob("*.json"))) == len(ARTICLES)


def test_input_errors_are_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    bad = InputError("news/broken.html", "not UTF-8 text")
    r = add_articles(tmp_path / "s", [bad, ARTICLES[4]])
    assert not r.ok and r.errors == (bad,) and r.added == (ARTICLES[4].id,)


def test_remove_reports_unknown_ids_and_removes_the_others(tmp_path: Path) -> None:
    store = tmp_path / "s"
    add_extractions(store, [NSTL_ALONE, OTHER])
    r = remove(store, ["nope", "c-other"])
    assert r.removed == ("c-other",) and [e.path for e in r.errors] == ["nope"]
    assert "no article with this id" in str(r.errors[0])
    assert [x.article.id for x in load_extractions(store)] == ["a-nstl"]


def test_refuses_folders_that_are_not_stores(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(StoreError, match="not a kg store and not an empty folder"):
        add_extractions(tmp_path / "docs", [OTHER])
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["thesis.txt"]
    with pytest.raises(StoreError, match="is not a kg store"):
        load_graph(tmp_path / "docs")
    with (
        pytest.raises(StoreError, match="neither a kg store folder nor an RDF file"),
        open_rdf(tmp_path / "missing"),
    ):
        pass


def test_a_store_in_use_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from kg.store import _Session

    store = tmp_path / "s"
    add_extractions(store, [OTHER])
    holder = _Session(store, create=False)  # holds Oxigraph's lock, as another kg process would
    try:
        with pytest.raises(StoreError, match="in use by another kg process"):
            add_extractions(store, [NSTL_ALONE])
    finally:
        del holder
    assert add_extractions(store, [NSTL_ALONE]).articles == 2


def test_damaged_record_names_the_file(tmp_path: Path) -> None:
    store = tmp_path / "s"
    add_extractions(store, [OTHER])
    path = next((store / RECORD_DIR).glob("*.json"))
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match=f"damaged store file .*{path.name}"):
        load_graph(store)


def test_lost_rdf_database_is_rebuilt_from_the_extractions(tmp_path: Path) -> None:
    import shutil

    store = tmp_path / "s"
    add_extractions(store, [NSTL_ALONE, OTHER])
    before = nquads_of(store)
    shutil.rmtree(store / "oxigraph")
    assert nquads_of(store) == before


def test_rdf_written_by_another_kg_version_is_rewritten(tmp_path: Path) -> None:
    store = tmp_path / "s"
    add_extractions(store, [NSTL_ALONE, OTHER])
    before = nquads_of(store)
    # An older kg mapped to RDF differently: simulate its leftovers.
    state = json.loads((store / STATE_FILE).read_text())
    rdf = pyoxigraph.Store(str(store / "oxigraph"))
    rdf.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("http://old/s"),
            pyoxigraph.NamedNode("http://old/p"),
            pyoxigraph.Literal("stale"),
        )
    )
    rdf.flush()
    del rdf
    (store / STATE_FILE).write_text(json.dumps({**state, "kg_version": "0.0.1"}))
    assert nquads_of(store) == before
    assert json.loads((store / STATE_FILE).read_text())["kg_version"] == state["kg_version"]


# -- the commands ---------------------------------------------------------------------------------


def test_build_and_export_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store_cli import cmd_build_store, cmd_export_store

    src = tmp_path / "news"
    src.mkdir()
    for a in ARTICLES:
        (src / (a.id.replace("/", "_") + ".txt")).write_text(a.text, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    store = tmp_path / "store"
    args = argparse.Namespace(
        store=str(store), inputs=[str(src)], engine=DEFAULT_ENGINE, max_article_bytes=None, output=None, format=None
    )
    assert cmd_build_store(args) == 1  # the empty file failed; the others are stored
    err = capsys.readouterr().err
    assert "empty.txt" in err and f"{len(ARTICLES)} added" in err
    assert cmd_build_store(args) == 1
    assert f"0 added, {len(ARTICLES)} unchanged" in capsys.readouterr().err

    one = argparse.Namespace(store=str(store), output=str(tmp_path / "g.ttl"), format=None)
    assert cmd_export_store(one) == 0
    ttl = pyoxigraph.Store()
    ttl.load(path=str(tmp_path / "g.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(ttl) > 50
    folder = argparse.Namespace(store=str(store), output=str(tmp_path / "out"), format=["trig", "html"])
    assert cmd_export_store(folder) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.html", "graph.trig"]
    # The same bytes as a one-shot kg build of the same inputs.
    from kg.build import build

    build([str(src)], out=tmp_path / "direct", formats=["trig", "html"])
    for name in ("graph.trig", "graph.html"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes()


def test_remove_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.store_cli import register

    store = tmp_path / "s"
    add_extractions(store, [NSTL_ALONE, OTHER])
    parser = argparse.ArgumentParser(prog="kg")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["remove", "--store", str(store), "c-other", "nope"])
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "kg: error: nope: no article with this id in the store" in err and "1 removed" in err
    args = parser.parse_args(["remove", "--store", str(store), "a-nstl"])
    assert args.func(args) == 0
    assert load_extractions(store) == [] and nquads_of(store) == []
    args = parser.parse_args(["remove", "--store", str(tmp_path / "elsewhere"), "a-nstl"])
    with pytest.raises(UsageError, match="is not a kg store"):
        args.func(args)


def test_usage_errors_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown engine 'magic'"):
        add_articles(tmp_path / "s", ARTICLES[:1], engine="magic")
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("command", ["query", "add"])
def test_a_damaged_rdf_index_is_rebuilt_from_the_records(
    tmp_path: Path, extracted: dict[str, Extraction], command: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Issue 14 F17: `echo garbage > S/oxigraph/CURRENT` made every command a RuntimeError traceback.
    store = tmp_path / "s"
    add_extractions(store, list(extracted.values()), engine=DEFAULT_ENGINE)
    before = nquads_of(store)
    (store / "oxigraph" / "CURRENT").write_text("garbage\n")
    with caplog.at_level("WARNING", logger="kg.store"):
        if command == "add":
            add_extractions(store, list(extracted.values()), engine=DEFAULT_ENGINE)
        after = nquads_of(store)
    assert after == before
    assert any("is damaged (Corruption" in m and "so kg rebuilds it" in m for m in caplog.messages)
    assert (store / "oxigraph.damaged" / "CURRENT").read_text() == "garbage\n"


def test_an_id_from_another_file_is_refused_unless_replace(tmp_path: Path) -> None:
    # Issue 14 F5: news/2026-02/story.txt silently replaced news/2026-01/story.txt (same id "story"), exit 0.
    from kg.store import add

    for month, text in (("2026-01", "PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk."),
                        ("2026-02", "PT Alfa Baja Tbk mengakuisisi PT Beta Kawat Tbk.")):
        (tmp_path / month).mkdir()
        (tmp_path / month / "story.txt").write_text(text + "\n", encoding="utf-8")
    store = tmp_path / "s"
    assert add(store, [tmp_path / "2026-01"]).added == ("story",)
    refused = add(store, [tmp_path / "2026-02"])
    assert refused.added == () and [e.reason for e in refused.errors] == [
        f"article id 'story' is already in the store from {tmp_path / '2026-01' / 'story.txt'}; not replaced "
        "(give the article an id of its own, or --replace to replace it)"]
    assert "Sinar Baja" in json.dumps(load_extractions(store)[0].article.text)
    assert add(store, [tmp_path / "2026-01"]).unchanged == ("story",)  # the same file again is fine
    replaced = add(store, [tmp_path / "2026-02"], replace=True)
    assert replaced.added == ("story",) and replaced.errors == ()


def test_one_text_under_two_ids_is_stored_once_and_then_unchanged(tmp_path: Path) -> None:
    # Issue 14 F19: A replaced B and B replaced A on every run; the store was never "unchanged".
    from kg.store import add

    for name in ("story", "copy"):
        (tmp_path / f"{name}.txt").write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n", encoding="utf-8")
    store = tmp_path / "s"
    first = add(store, [tmp_path])
    assert first.added == ("copy",) and first.unchanged == ("story",)
    again = add(store, [tmp_path])
    assert again.added == () and sorted(again.unchanged) == ["copy", "story"]
    assert [x.article.id for x in load_extractions(store)] == ["copy"]
