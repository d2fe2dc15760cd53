"""graph.html: static checks of the file, then the real page in headless Chromium."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.errors import ChoiceError, UsageError
from kg.exporters.html import generate_html, write_html
from kg.graph import Claim, KnowledgeGraph, Link, Node
from kg.model import Article, Extraction
from kg.view import PHYSICS_THRESHOLD, focus, select

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PARTNERSHIP = "partnership/ford-motor-company--xiaomi"


class Page(HTMLParser):
    """Every tag with its attributes, and the text of the embedded JSON."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("id") == "kg-data"

    def handle_endtag(self, tag):
        self._in_data = False

    def handle_data(self, data):
        if self._in_data:
            self.data.append(data)



def wait_until(page, predicate: str, *, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    """Poll a JavaScript predicate from Python.

    Playwright's wait_for_function evaluates its string in the page, which the page's
    Content-Security-Policy (no 'unsafe-eval') refuses whenever the first check is false.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {predicate}")
        page.wait_for_timeout(50)

def parse(text: str) -> Page:
    p = Page()
    p.feed(text)
    p.close()
    return p


def payload(text: str) -> dict:
    return json.loads("".join(parse(text).data))


def page_of(kg: KnowledgeGraph, **options) -> str:
    return "".join(generate_html(kg, **options))


def synthetic(n_entities: int) -> KnowledgeGraph:
    """A ring of companies with a partnership node every tenth step (one article)."""
    article = Article("a", "text", title="T", source="S", published="2025-01-01")
    ids = [f"c{i:04d}" for i in range(n_entities)]
    nodes = tuple(Node(i, f"Company {i}", "Company", articles=("a",)) for i in ids)
    links = []
    for k, (s, o) in enumerate(zip(ids, ids[1:] + ids[:1], strict=True)):
        rtype = "partnership" if k % 10 == 0 else "competitor_of"
        a, b = sorted((s, o))
        links.append(Link(f"{rtype}/{a}--{b}", rtype, a, b, (Claim("a", "asserted"),)))
    return KnowledgeGraph((Extraction(article),), nodes, tuple(sorted(links, key=lambda x: x.id)))


# ---------------------------------------------------------------- the file itself


def test_same_graph_same_bytes(graph, tmp_path):
    a = write_html(graph, tmp_path / "a.html").read_bytes()
    b = write_html(graph, tmp_path / "b.html").read_bytes()
    assert a == b and len(a) > 100_000
    assert page_of(graph, focus="Adaro", depth=2) == page_of(graph, focus="adaro", depth=2)


def test_self_contained_no_external_reference(graph):
    text = page_of(graph)
    p = parse(text)
    loaded = [(tag, k, v) for tag, attrs in p.tags for k, v in attrs.items() if k in ("src", "href")]
    assert loaded == []
    assert not [t for t, _ in p.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.IGNORECASE)
    scripts = [a for t, a in p.tags if t == "script"]
    assert len(scripts) == 3 and all("src" not in a for a in scripts)
    csp = [a["content"] for t, a in p.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0])


def test_hostile_text_only_inside_json_strings(graph):
    text = page_of(graph)
    assert "<script>alert" not in text and "<b>now" not in text
    data = payload(text)
    sentences = [ev["text"] for c in data["claims"] for ev in c["evidence"]]
    hostile = 'PT Bukit Asam Tbk said it completed the acquisition of "Adaro" <script>alert(1)</script>.'
    assert hostile in sentences
    assert "Bukit Asam to buy stake in Adaro <b>now</b>" in {c["title"] for c in data["claims"]}


def test_data_matches_networkx(graph):
    g = graph.to_networkx()
    data = payload(page_of(graph))
    assert {n["id"] for n in data["nodes"]} == set(g)
    assert len(data["edges"]) == g.number_of_edges()
    assert sorted((e["from"], e["to"]) for e in data["edges"]) == sorted((u, v) for u, v in g.edges())
    denies = [e for e in data["edges"] if e["type"] == "denies"]
    assert [(e["from"], e["to"], e["status"]) for e in denies] == [("xiaomi", PARTNERSHIP, "denied")]
    claim = data["claims"][denies[0]["claims"][0]]
    assert claim["by"] == "Xiaomi" and claim["source"] == "Selular.ID" and claim["url"] == "https://example.org/xiaomi"
    ev = claim["evidence"][0]
    assert [ev["text"][a:b] for a, b in ev["marks"]] == ["Xiaomi", "Ford Motor Company"]
    xiaomi = next(n for n in data["nodes"] if n["id"] == "xiaomi")
    assert xiaomi["wikidata"] == "https://www.wikidata.org/wiki/Q1636958"
    assert {s for s, _, _ in xiaomi["links"]} == {"asserted", "denied"}


def test_unsafe_urls_are_dropped(graph):
    x = graph.extractions[1]
    bad = dataclasses.replace(x, article=dataclasses.replace(x.article, url="javascript:alert(1)"))
    kg = KnowledgeGraph((graph.extractions[0], bad), graph.entities, graph.links)
    data = payload(page_of(kg))
    assert {c["url"] for c in data["claims"]} == {None}
    assert "javascript:alert" not in page_of(kg)


def test_options_focus_max_nodes_physics(graph):
    data = payload(page_of(graph, focus="Ford"))
    assert {n["id"] for n in data["nodes"]} == set(focus(graph.to_networkx(), "Ford", 1))
    assert data["meta"]["focus"] == "ford-motor-company" and data["meta"]["physics"] is True
    small = payload(page_of(graph, max_nodes=5, physics=False))
    assert len(small["nodes"]) == 5 and small["meta"]["dropped"] == len(select(graph, max_nodes=5).dropped)
    assert small["options"]["physics"] == {"enabled": False}
    with pytest.raises(UsageError):
        page_of(graph, focus="Nobody at all")
    with pytest.raises(UsageError):
        page_of(graph, depth=2)
    with pytest.raises(ChoiceError):
        page_of(graph, size_by="colour")
    by_articles = payload(page_of(graph, size_by="articles"))
    assert {n["size"] for n in by_articles["nodes"]} != {n["size"] for n in data["nodes"]}


def test_large_graph_is_laid_out_in_python():
    kg = synthetic(PHYSICS_THRESHOLD + 50)
    data = payload(page_of(kg))
    assert data["meta"]["physics"] is False and data["options"]["physics"] == {"enabled": False}
    assert data["options"]["edges"]["smooth"] is False
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def browser():
    missing = None if CHROMIUM.exists() else f"{CHROMIUM} is missing (Debian's chromium package)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed (pip install playwright; never `playwright install`)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from file:// with every console error, request and dialog recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        wait_until(self.page, "() => Boolean(window.kg && window.kg.ready)", timeout=30)

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def edge_point(self, edge_id: str) -> tuple[float, float]:
        """Where the middle of an edge is drawn, in page coordinates."""
        pt = self.js("""(id) => {
            const net = kg.network, p = net.body.edges[id].edgeType.getPoint(0.5), d = net.canvasToDOM(p);
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return {x: d.x + r.left, y: d.y + r.top, edge: net.getEdgeAt(d), node: net.getNodeAt(d)};
        }""", edge_id)
        assert pt["edge"] == edge_id and pt["node"] is None, pt
        return pt["x"], pt["y"]

    def click_edge(self, edge_id: str) -> None:
        """A real mouse click on the middle of an edge."""
        self.page.mouse.click(*self.edge_point(edge_id))

    def click_node(self, node_id: str) -> None:
        pt = self.js("""(id) => {
            const d = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return {x: d.x + r.left, y: d.y + r.top, node: kg.network.getNodeAt(d)};
        }""", node_id)
        assert pt["node"] == node_id, pt
        self.page.mouse.click(pt["x"], pt["y"])

    def visible(self, what: str = "nodes") -> set[str]:
        return set(self.js(f"kg.{what}.get({{filter: (x) => !x.hidden}}).map((x) => x.id)"))

    def clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.requests == [self.url]


@pytest.fixture(scope="module")
def sample_page(graph, tmp_path_factory):
    return write_html(graph, tmp_path_factory.mktemp("html") / "graph.html")


@pytest.fixture()
def opened(browser, sample_page):
    o = Opened(browser, sample_page)
    yield o
    o.page.close()


def edge_ids(o: Opened, **match) -> list[str]:
    return o.js("""(m) => kg.data.edges.filter((e) => Object.entries(m).every(([k, v]) => e[k] === v))
                    .map((e) => e.id)""", match)


@pytest.mark.browser
def test_page_loads_offline_and_counts_match(opened, graph):
    g = graph.to_networkx()
    counts = opened.js("""[kg.network.body.data.nodes.length, kg.network.body.data.edges.length,
                           Object.keys(kg.network.body.nodes).length, kg.nodes.length, kg.edges.length]""")
    assert counts == [g.number_of_nodes(), g.number_of_edges(), g.number_of_nodes(),
                      g.number_of_nodes(), g.number_of_edges()]
    assert opened.js("document.documentElement.dataset.kgReady") == "1"
    opened.clean()


@pytest.mark.browser
def test_denied_partnership_drawn_as_denied(opened):
    denied = opened.js("(p) => kg.edges.get().filter((e) => e.from === p || e.to === p)", PARTNERSHIP)
    assert len(denied) == 4  # two parties, the sector, and Xiaomi's denial
    for e in denied:
        assert e["color"]["color"] == "#d62728" and e["dashes"] and e["label"].startswith("✕")
    speaker = [e for e in denied if e["from"] == "xiaomi"]
    assert [e["label"] for e in speaker] == ["✕ denies"] and speaker[0]["arrows"]["to"]["enabled"]
    node = opened.js("(p) => kg.nodes.get(p)", PARTNERSHIP)
    assert node["shapeProperties"]["borderDashes"] and node["color"]["border"] == "#d62728"
    assert "denied" in node["label"]
    asserted = opened.js("kg.edges.get().find((e) => e.from === 'xiaomi' && e.to === 'china')")
    assert asserted["dashes"] is False and asserted["color"]["color"] != "#d62728"
    opened.clean()


@pytest.mark.browser
def test_status_filter_hides_denied(opened):
    denied = set(edge_ids(opened, status="denied"))
    assert len(denied) == 4 and denied <= opened.visible("edges")
    opened.page.click("#filter-status-denied")
    assert not denied & opened.visible("edges")
    assert PARTNERSHIP not in opened.visible()
    assert "xiaomi" in opened.visible() and "ford-motor-company" not in opened.visible()  # Ford's only link
    assert "Showing 17 of 19 nodes, 19 of 23 links" in opened.page.inner_text("#kg-counts")
    # "Everything but asserted": only asserted edges stay.
    for s in ("rumored", "planned", "ended"):
        opened.page.click(f"#filter-status-{s}")
    statuses = set(opened.js("kg.edges.get({filter: (x) => !x.hidden}).map((e) => e.kgStatus)"))
    assert statuses == {"asserted"}
    opened.page.click("#kg-reset")
    assert len(opened.visible("edges")) == 23
    opened.clean()


@pytest.mark.browser
def test_date_source_and_type_filters(opened):
    opened.page.fill("#kg-from", "2026-01-01")
    assert opened.visible() == {"xiaomi", "ford-motor-company", PARTNERSHIP, "china", "xiaomi-ev",
                                "electric-vehicles"}
    opened.page.click("#kg-reset")
    opened.page.uncheck("#filter-source-1")  # sources sorted: Example Wire, Selular.ID
    assert "xiaomi" not in opened.visible() and "bukit-asam" in opened.visible()
    opened.page.click("#kg-reset")
    opened.page.uncheck("#filter-type-Company")
    # Every link of this graph touches a company, so nothing is left to draw.
    assert opened.visible() == set() and opened.visible("edges") == set()
    opened.page.click("#kg-reset")
    opened.page.uncheck("#filter-rtype-partnership")
    assert not {n for n in opened.visible() if n.startswith("partnership/")}
    opened.clean()


@pytest.mark.browser
def test_search_focuses_neighbourhood(opened, graph):
    opened.page.fill("#kg-search", "ford")
    opened.page.press("#kg-search", "Enter")
    assert opened.visible() == set(focus(graph.to_networkx(), "Ford", 1))
    assert opened.page.get_attribute("#kg-panel", "data-showing") == "node:ford-motor-company"
    opened.page.fill("#kg-depth", "0")
    opened.page.click("#kg-focus")
    assert opened.visible() == {"ford-motor-company"}
    opened.page.fill("#kg-search", "no such company")
    opened.page.click("#kg-focus")
    assert "No node matches" in opened.page.inner_text("#kg-message")
    opened.page.click("#kg-clear")
    assert len(opened.visible()) == 19
    opened.clean()


@pytest.mark.browser
def test_clicking_an_edge_shows_the_evidence(opened):
    [eid] = edge_ids(opened, type="denies")
    panel = opened.page.locator("#kg-panel")
    # Hovering previews the evidence, clicking pins it.
    opened.page.mouse.move(*opened.edge_point(eid))
    wait_until(opened.page, f"() => document.getElementById('kg-panel').dataset.showing === 'edge:{eid}'")
    opened.page.mouse.move(5, 5)
    opened.click_edge(eid)
    assert opened.page.get_attribute("#kg-panel", "data-showing") == f"edge:{eid}"
    text = panel.inner_text()
    assert "Xiaomi —✕ denies→ Partnership" not in text  # the label is the type, the mark is the badge
    assert "Xiaomi —denies→ Partnership" in text
    sentence = "Xiaomi secara resmi membantah rumor kemitraan kendaraan listrik dengan Ford Motor Company."
    assert sentence in text
    assert "said by Xiaomi" in text and "Selular.ID · 2026-02-03" in text
    assert panel.locator("mark").all_inner_texts() == ["Xiaomi", "Ford Motor Company"]
    assert panel.locator("a").get_attribute("href") == "https://example.org/xiaomi"
    opened.clean()


@pytest.mark.browser
def test_hostile_text_stays_inert(opened):
    [eid] = edge_ids(opened, type="asserts")
    opened.click_edge(eid)
    panel = opened.page.locator("#kg-panel")
    text = panel.inner_text()
    assert '"Adaro" <script>alert(1)</script>.' in text
    assert "Bukit Asam to buy stake in Adaro <b>now</b>" in text
    assert opened.js("document.querySelectorAll('#kg-panel script, #kg-panel b, #kg-panel img').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3
    opened.js("kg.showNode('acquisition/bukit-asam--adaro')")
    assert "<script>alert(1)</script>" in panel.inner_text()
    opened.page.wait_for_timeout(100)
    opened.clean()


@pytest.mark.browser
def test_clicking_a_node_shows_type_names_and_links(opened):
    opened.click_node("xiaomi")
    panel = opened.page.locator("#kg-panel")
    assert opened.page.get_attribute("#kg-panel", "data-showing") == "node:xiaomi"
    text = panel.inner_text()
    assert "Company" in text and "Xiaomi Corporation" in text
    assert panel.locator("a").get_attribute("href") == "https://www.wikidata.org/wiki/Q1636958"
    headings = panel.locator("h3").all_inner_texts()
    assert headings == ["asserted (3)", "denied (2)"]
    # A link in the list opens its evidence.
    panel.get_by_role("button", name=re.compile("^denies Partnership")).click()
    assert "membantah" in panel.inner_text()
    opened.clean()


@pytest.mark.browser
def test_large_graph_draws_without_physics(browser, tmp_path):
    kg = synthetic(PHYSICS_THRESHOLD + 100)
    o = Opened(browser, write_html(kg, tmp_path / "big.html"))
    try:
        g = kg.to_networkx()
        assert o.js("[kg.nodes.length, kg.edges.length]") == [g.number_of_nodes(), g.number_of_edges()]
        assert o.js("kg.network.physics.options.enabled") is False
        assert o.js("kg.firstDraw") is not None
        o.clean()
    finally:
        o.page.close()


@pytest.mark.browser
def test_max_nodes_page_says_what_was_left_out(browser, graph, tmp_path):
    o = Opened(browser, write_html(graph, tmp_path / "small.html", max_nodes=6))
    try:
        assert o.js("kg.nodes.length") == 6
        assert "most connected of 19 nodes" in o.page.inner_text("#kg-dropped")
        o.clean()
    finally:
        o.page.close()
