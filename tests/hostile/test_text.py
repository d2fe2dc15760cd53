"""Hostile text in titles, bodies, ids and entity names, pushed through the whole pipeline.

read_text/Article -> extract -> resolve -> every exporter of kg.formats.FORMATS
(png and svg apart: drawings, slow, and checked by their own tests). Each export
is parsed back by an independent parser (tests/hostile/checks.py). Hypothesis is
derandomized and keeps no example database, so every run tries the same inputs.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import ids
from kg.build import build
from kg.errors import InputError
from kg.extract import extract
from kg.formats import FORMATS
from kg.graph import KnowledgeGraph
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.readers import read, read_text
from kg.resolve import resolve
from kg.schema import STATUSES, link_id
from tests.hostile.checks import TEXT_FORMATS, check_all, check_html, check_iris, export_bytes
from tests.hostile.strategies import HOSTILE, LONG_NAME, hostile_strings, names, news_texts

# The strategies hold a 10,000-character name: hypothesis warns about the size of their repr.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
_QUICK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture,
          HealthCheck.filter_too_much]


def _settings(n: int) -> settings:
    return settings(max_examples=n, derandomize=True, database=None, deadline=None, suppress_health_check=_QUICK)


# ------------------------------------------------------------------ the fixed list, through kg.build


def _hostile_feed(path: Path) -> list[dict[str, str]]:
    records = []
    for i, h in enumerate(HOSTILE):
        body = (
            f"PT Garuda Nikel Indonesia menggandeng PT Sinar Logistik Tbk {h}. Menurut PT {h} Tbk, "
            f"Solvane Motors GmbH membantah kabar akuisisi oleh PT Garuda Nikel Indonesia. {h}"
        )
        records.append({"id": f"h{i:02d} {h[:40]}", "title": h, "source": h, "url": h, "text": f"{h}\n\n{body}"})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def test_every_hostile_string_survives_every_written_format(tmp_path: Path) -> None:
    records = _hostile_feed(tmp_path / "hostile.jsonl")
    out = tmp_path / "out"
    formats = [f.name for f in TEXT_FORMATS]
    result = build([tmp_path / "hostile.jsonl"], out=out, formats=formats)
    assert result.errors == ()
    g = result.graph
    assert len(g.extractions) == len(HOSTILE) and g.links
    by_id = {x.article.id: x.article for x in g.extractions}
    texts = {a.id: a.text for a in read([tmp_path / "hostile.jsonl"]) if isinstance(a, Article)}
    for i, r in enumerate(records):
        a = by_id[r["id"].strip() or f"hostile-{i + 1}"]
        assert texts[a.id] == r["text"] and a.title == (r["title"].strip() or None)
        assert a.text == ""  # the graph keeps no article text (streaming builds)
    produced = check_all(g)
    # What build wrote is what the generators give: the checks above hold for the files on disk.
    for name, files in produced.items():
        fmt = FORMATS[name]
        for filename, data in files.items():
            path = out / fmt.filename / filename if fmt.directory else out / filename
            assert path.read_bytes() == data, path
    page = (out / "graph.html").read_text(encoding="utf-8")
    payload = check_html(g, page)
    titles = {c["title"] for c in payload["claims"]}
    assert {h.strip() for h in HOSTILE if h.strip()} <= titles  # every title reaches the page, exactly
    assert "<script>alert" not in page and "<img" not in page and "<svg" not in page  # only as \\u003c in JSON
    lines = (out / "extractions.jsonl").read_text(encoding="utf-8").split("\n")
    assert {json.loads(x)["article"]["title"] for x in lines if x} == {h.strip() or None for h in HOSTILE}


# ------------------------------------------------------------------ arbitrary text through extraction


def _article(aid: str, title: str, body: str, language: str | None) -> Article:
    """As the text reader makes it, or (if it refuses the text) as a JSONL line would."""
    try:
        a = read_text(f"{title}\n\n{body}", id=aid)
    except InputError:
        a = Article(aid, f"{title}\n\n{body}", title=title.strip() or None)
    return dataclasses.replace(a, language=language, source=title, url=title)


def _check_extraction(x: Extraction) -> None:
    text = x.article.text
    known = {e.id for e in x.entities}
    for e in x.entities:
        assert all(text[m.start : m.end] == m.text for m in e.mentions), e
    for r in x.relations:
        assert {r.subject, r.object} <= known and r.status in STATUSES
        assert all(text[ev.start : ev.end] == ev.text for ev in r.evidence), r


@_settings(60)
@given(
    st.lists(st.tuples(hostile_strings(), news_texts(), st.sampled_from([None, "id", "en"])), min_size=1, max_size=3),
)
def test_arbitrary_text_through_extraction_resolution_and_every_export(
    articles: list[tuple[str, str, str | None]],
) -> None:
    xs = []
    for i, (title, body, language) in enumerate(articles):
        x = extract(_article(f"a{i}/{title[:20]}", title, body, language))
        _check_extraction(x)
        xs.append(x)
    check_all(resolve(xs))


# ------------------------------------------------------------------ arbitrary names, straight into resolution

_ORG_RELATIONS = ("partnership", "acquisition", "supply", "competitor_of", "subsidiary_of", "investment",
                  "legal_dispute")


@st.composite
def hand_made(draw: Any) -> list[Extraction]:
    """Extractions as an engine might return them, every name and sentence hostile."""
    labels = draw(st.lists(names(), min_size=2, max_size=5, unique_by=ids.slug))
    out = []
    article_ids = draw(st.lists(st.one_of(hostile_strings(), st.just("a")).filter(lambda s: s.strip() != ""),
                                min_size=1, max_size=3, unique=True))
    for aid in article_ids:
        sentences = [draw(hostile_strings()) + " " + label + " " + draw(hostile_strings()) for label in labels]
        text = draw(hostile_strings()) + "\n\n" + " ".join(sentences)
        starts = [text.index(s) for s in sentences]
        entities = tuple(
            Entity(ids.slug(label), label, draw(st.sampled_from(("Company", "Organization"))),
                   tuple(draw(st.lists(names(), max_size=2))))
            for label in labels
        )
        relations = {}
        for _ in range(draw(st.integers(1, 4))):
            s, o = draw(st.lists(st.sampled_from(entities), min_size=2, max_size=2, unique_by=lambda e: e.id))
            rtype = draw(st.sampled_from(_ORG_RELATIONS))
            k = labels.index(s.label)
            ev = Evidence(starts[k], starts[k] + len(sentences[k]), sentences[k])
            speaker = draw(st.one_of(st.none(), st.sampled_from([e.id for e in entities])))
            rel = Relation(link_id(rtype, s.id, o.id), rtype, s.id, o.id, draw(st.sampled_from(STATUSES)),
                           speaker, None, draw(st.integers(0, 1000)) / 1000, (ev,))
            relations[rel.id] = rel
        title = draw(st.one_of(st.none(), hostile_strings()))
        article = Article(aid, text, title=title, source=draw(hostile_strings()), url=draw(hostile_strings()),
                          published=draw(st.one_of(st.none(), st.just("2026-02-03"), hostile_strings())),
                          language=draw(st.sampled_from([None, "id", "en", "xx"])))
        out.append(Extraction(article, entities, tuple(relations.values())))
    return out


@_settings(60)
@given(hand_made())
def test_arbitrary_names_ids_and_metadata_through_resolution_and_every_export(xs: list[Extraction]) -> None:
    g = resolve(xs)
    assert {n.label for n in g.entities} <= {e.label for x in xs for e in x.entities}
    check_all(g)


# ------------------------------------------------------------------ into a real graph database

try:
    from tests.dbs import falkordb  # noqa: F401  (fixture, requested by name)
    from tests.exporters.test_cypher import dump, expected_dump, load
except ImportError:  # pragma: no cover - the Cypher tests are not there
    dump = expected_dump = load = None  # type: ignore[assignment]


def _falkor_expected(g: KnowledgeGraph) -> Any:
    """FalkorDB cannot store NUL: the script's ``\\u0000`` comes back as those six characters."""

    def fix(v: Any) -> Any:
        if isinstance(v, str):
            return v.replace("\x00", "\\u0000")
        if isinstance(v, list):
            return [fix(x) for x in v]
        if isinstance(v, dict):
            return {k: fix(x) for k, x in v.items()}
        return v

    nodes, edges = expected_dump(g)
    return (
        {fix(k): (labels, fix(props)) for k, (labels, props) in nodes.items()},
        {tuple(fix(x) for x in k): fix(props) for k, props in edges.items()},
    )


@pytest.mark.skipif(load is None, reason="tests/exporters/test_cypher.py is not available")
@settings(max_examples=12, derandomize=True, database=None, deadline=None, suppress_health_check=_QUICK)
@given(xs=hand_made())
def test_the_cypher_script_of_any_graph_loads_into_falkordb(falkordb: Any, xs: list[Extraction]) -> None:
    from kg.exporters.cypher import generate_cypher

    g = resolve(xs)
    db = falkordb.client().select_graph("kg_hostile")
    try:
        load(db, "".join(generate_cypher(g, dialect="falkordb")))
        assert dump(db) == _falkor_expected(g)
    finally:
        db.delete()


def test_a_10000_character_name_in_every_format() -> None:
    text = f"{LONG_NAME} menggandeng Solvane Motors GmbH."
    ev = Evidence(0, len(text), text)
    a = Entity(ids.slug(LONG_NAME), LONG_NAME, "Company", (LONG_NAME[:5000],))
    b = Entity("solvane", "Solvane", "Company")
    x = Extraction(Article(LONG_NAME, text, title=LONG_NAME), (a, b),
                   (Relation(link_id("partnership", a.id, b.id), "partnership", a.id, b.id, "asserted", a.id, None,
                             0.7, (ev,)),))
    g = resolve([x])
    assert len(a.id) <= 80 and LONG_NAME in {n.label for n in g.entities}
    check_all(g)


# ------------------------------------------------------------------ IRIs from user-supplied ids


def _remove_dot_segments(iri: str) -> str:
    """RFC 3986 §5.2.4, as RDF parsers apply it when they resolve an IRI (raptor does)."""
    scheme, _, rest = iri.partition("://")
    authority, slash, path = rest.partition("/")
    out: list[str] = []
    for seg in ("/" + path).split("/")[1:]:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if path.split("/")[-1] in (".", ".."):
        out.append("")
    return f"{scheme}://{authority}{slash}{'/'.join(out)}"


ID_ATTACKS = ["../entity/xiaomi", "a/./b", "a/b", ".", "..", "a/../../x", "%2e%2e", "a b#c?d", "<x>", "\u202ex"]


def test_hostile_article_ids_give_valid_distinct_iris() -> None:
    xs = [Extraction(Article(aid, f"Teks {i}.", title=f"T{i}")) for i, aid in enumerate(ID_ATTACKS)]
    g = resolve(xs)
    iris = {aid: ids.article_iri(aid) for aid in ID_ATTACKS}
    assert len(set(iris.values())) == len(ID_ATTACKS)
    from kg.rdf import quads

    check_iris(quads(g))
    check_all(g, [FORMATS["nquads"], FORMATS["turtle"], FORMATS["rdfxml"]])


def test_article_iris_stay_distinct_and_in_their_namespace_after_rfc3986_resolution() -> None:
    for kind, make in (("article", ids.article_iri), ("graph", ids.graph_iri)):
        resolved = {aid: _remove_dot_segments(make(aid)) for aid in ID_ATTACKS}
        assert all(iri.startswith(f"{ids.RESOURCE}{kind}/") for iri in resolved.values()), resolved
        assert len(set(resolved.values())) == len(ID_ATTACKS), resolved


def test_every_text_format_is_covered() -> None:
    # A new format in kg.formats must be checked here too (or named as a drawing).
    assert {f.name for f in TEXT_FORMATS} | {"png", "svg"} == set(FORMATS)
    assert all(export_bytes(KnowledgeGraph(), f) is not None for f in TEXT_FORMATS)


# ------------------------------------------------------------------ in a real browser

try:
    from tests.exporters.test_html import Opened, browser  # noqa: F401  (fixture, requested by name)
except ImportError:  # pragma: no cover - the HTML tests are not there
    Opened = None  # type: ignore[assignment,misc]


def _open(browser: Any, path: Path) -> Any:
    """Like ``Opened``, but polling from Python: Playwright's in-page polling of a string
    predicate uses eval(), which the page's Content-Security-Policy rightly forbids."""
    import time

    o = Opened.__new__(Opened)
    o.url, o.errors, o.requests, o.dialogs = path.resolve().as_uri(), [], [], []
    o.page = browser.new_page(viewport={"width": 1400, "height": 900})
    o.page.on("console", o._console)
    o.page.on("pageerror", lambda e: o.errors.append(str(e)))
    o.page.on("request", lambda r: o.requests.append(r.url))
    o.page.on("dialog", o._dialog)
    o.page.goto(o.url)
    end = time.monotonic() + 30
    while not o.page.evaluate("() => Boolean(window.kg && window.kg.ready)"):
        assert time.monotonic() < end, "the page did not get ready in 30 s"
        o.page.wait_for_timeout(50)
    return o


@pytest.mark.browser
@pytest.mark.skipif(Opened is None, reason="tests/exporters/test_html.py is not available")
def test_the_hostile_page_stays_inert_in_chromium(browser: Any, tmp_path: Path) -> None:
    _hostile_feed(tmp_path / "hostile.jsonl")
    result = build([tmp_path / "hostile.jsonl"], out=tmp_path / "out", formats=["html"])
    o = _open(browser, tmp_path / "out" / "graph.html")
    try:
        # Every node and every edge in the details panel (what hover and click show).
        shown = o.js("""() => {
            let text = '';
            for (const n of kg.data.nodes) { kg.showNode(n.id); text += document.getElementById('kg-panel').innerText; }
            for (const e of kg.data.edges) { kg.showEdge(e.id); text += document.getElementById('kg-panel').innerText; }
            return text;
        }""")
        for h in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "Robert'); DROP TABLE articles;--"):
            assert h in shown  # displayed as text ...
        # ... never as markup: no element, handler or URL from the data anywhere in the document
        bad = o.js("""() => [...document.querySelectorAll('*')].filter((el) =>
            ['IMG', 'A', 'IFRAME', 'OBJECT', 'EMBED', 'B', 'FORM', 'BASE'].includes(el.tagName.toUpperCase()) ||
            [...el.attributes].some((a) => a.name.startsWith('on') ||
                (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name) &&
                 /^\\s*javascript:/i.test(a.value)))
        ).map((el) => el.outerHTML.slice(0, 80))""")
        assert bad == []
        assert o.js("document.querySelectorAll('script').length") == 3
        o.page.wait_for_timeout(200)
        o.clean()  # no dialog (alert), no console error, no request but the page itself
    finally:
        o.page.close()
    assert len(result.graph.links) > 0
