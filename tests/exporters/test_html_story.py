"""graph.html replays the story (issue 12): the date slider, the evidence timeline, colour by community.

A rumour in January, a denial in February and a signing in March of one partnership between two
invented companies, written here; the page is opened in Chromium and read through its own state
(the vis DataSets and data attributes), never pixels.
"""

from __future__ import annotations

import pytest

from kg.exporters.html import write_html
from kg.graph import KnowledgeGraph
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.resolve import resolve
from tests.exporters.test_html import Opened, browser, page_of, payload  # noqa: F401  (browser: fixture)

LINK = "partnership/kalimaya-energi--sinar-baja-nusantara"
RIVALS = "competitor_of"
STORY = (  # (article, title, date, status, speaker, sentence)
    ("jan-rumour", "Kabar kerja sama", "2026-01-08", "rumored", None,
     "Sinar Baja Nusantara dikabarkan menjajaki kemitraan dengan Kalimaya Energi."),
    ("feb-denial", "Bantahan", "2026-02-12", "denied", "kalimaya-energi",
     "Kalimaya Energi membantah adanya kemitraan dengan Sinar Baja Nusantara."),
    # The title tries to inject markup: the timeline must show it as text.
    ("mar-signing", "<img src=x onerror=alert(1)> Teken kontrak", "2026-03-05", "asserted", None,
     "Sinar Baja Nusantara dan Kalimaya Energi menandatangani perjanjian kemitraan."),
)
ENTITIES = {"sinar-baja-nusantara": "Sinar Baja Nusantara", "kalimaya-energi": "Kalimaya Energi",
            "tirta-dirgantara": "Tirta Dirgantara", "nusa-padi": "Nusa Padi", "bumi-lestari": "Bumi Lestari"}


def _article(aid: str, title: str, date: str | None, rtype: str, status: str, speaker: str | None,
             sentence: str, parties: tuple[str, str]) -> Extraction:
    text = f"{title}\n\n{sentence}"
    start = text.index(sentence)
    ents = tuple(Entity(e, ENTITIES[e], "Company") for e in sorted(ENTITIES) if ENTITIES[e] in sentence)
    evidence = (Evidence(start, start + len(sentence), sentence),)
    rel = Relation("r", rtype, *parties, status, speaker, None, 0.8, evidence)
    return Extraction(Article(aid, text, title=title, published=date, source="Contoh", language="id"), ents, (rel,))


def story() -> KnowledgeGraph:
    xs = [_article(a, t, d, "partnership", s, by, text, ("sinar-baja-nusantara", "kalimaya-energi"))
          for a, t, d, s, by, text in STORY]
    # An undated claim of another link: it cannot be placed in the story, so it shows at every date.
    xs.append(_article("tanpa-tanggal", "Persaingan", None, RIVALS, "asserted", None,
                       "Tirta Dirgantara bersaing dengan Kalimaya Energi.", ("tirta-dirgantara", "kalimaya-energi")))
    # A deal apart from the story, on the day of the rumour: a second community.
    xs.append(_article("lain", "Kemitraan lain", "2026-01-08", "partnership", "asserted", None,
                       "Nusa Padi resmi bermitra dengan Bumi Lestari.", ("nusa-padi", "bumi-lestari")))
    return resolve(xs)


def test_payload_carries_the_story_and_the_reversal_rules():
    data = payload(page_of(story()))
    (rel,) = [n for n in data["nodes"] if n["id"] == LINK]
    assert rel["status"] == "asserted" and rel["reversal"] is True
    assert rel["spells"] == [["rumored", "2026-01-08", "2026-02-12"], ["denied", "2026-02-12", "2026-03-05"],
                             ["asserted", "2026-03-05", None]]
    assert [data["claims"][i]["date"] for i in rel["claims"]].count(None) == 0
    assert ["denied", "asserted"] in data["style"]["reversals"]


def _state(o: Opened) -> dict:
    return o.js("""(p) => {
        const roles = kg.edges.get({filter: (e) => e.from === p && e.type !== 'sector'});
        const n = kg.nodes.get(p);
        const rivals = kg.edges.get({filter: (e) => kg.data.edges.find((d) => d.id === e.id).type === 'competitor_of'});
        return {node: n.hidden ? null : n.kgStatus, border: n.color.border,
                roles: roles.map((e) => e.hidden ? null : e.kgStatus), colours: roles.map((e) => e.color.color),
                rivals: rivals.map((e) => !e.hidden), asOf: document.documentElement.dataset.kgAsOf};
    }""", LINK)


def _drawn(o: Opened, status: str | None) -> None:
    """The partnership is drawn with ``status`` (None: hidden), its node and both party edges alike."""
    s = _state(o)
    assert s["node"] == status and s["roles"] == [status, status], s
    if status is not None:
        colour = o.js("(s) => kg.data.style.status[s].color", status)
        assert s["border"] == colour and s["colours"] == [colour, colour], s
    assert s["rivals"] == [True], s  # the undated link shows at every date


@pytest.mark.browser
def test_slider_replays_rumour_denial_signing(browser, tmp_path):  # noqa: F811
    o = Opened(browser, write_html(story(), tmp_path / "graph.html"))
    try:
        assert o.js("kg.dates") == ["2026-01-08", "2026-02-12", "2026-03-05"]
        assert "1 claim has no date" in o.page.text_content("#kg-undated")
        _drawn(o, "asserted")  # every claim: the latest word
        before = o.js("kg.network.getPositions()")
        # A real slider, moved with the keyboard: before the first date, then one day at a time.
        o.page.focus("#kg-asof")
        steps = [("Home", None, "0000-00-00"), ("ArrowRight", "rumored", "2026-01-08"),
                 ("ArrowRight", "denied", "2026-02-12"), ("ArrowRight", "asserted", "all")]
        for key, status, as_of in steps:
            o.page.keyboard.press(key)
            o.page.wait_for_timeout(50)
            for _ in range(100):
                if _state(o)["asOf"] == as_of:
                    break
                o.page.wait_for_timeout(50)
            _drawn(o, status)
        # Dates between the claims: the status of the last claim on or before the date.
        for date, status in (("2026-01-01", None), ("2026-01-31", "rumored"), ("2026-02-20", "denied"),
                             ("2026-03-05", "asserted"), ("2027-01-01", "asserted")):
            o.js("(d) => kg.setAsOf(d)", date)
            _drawn(o, status)
        o.js("(d) => kg.setAsOf(d)", "2026-01-01")
        assert o.visible() == {"kalimaya-energi", "tirta-dirgantara"}  # Sinar Baja has no link yet; nor Nusa Padi
        o.js("(d) => kg.setAsOf(d)", "")
        assert o.page.input_value("#kg-asof") == "3"
        assert o.js("kg.network.getPositions()") == before  # the slider never moves a node
        o.clean()
    finally:
        o.page.close()


@pytest.mark.browser
def test_evidence_panel_shows_the_timeline_with_the_reversal(browser, tmp_path):  # noqa: F811
    o = Opened(browser, write_html(story(), tmp_path / "graph.html"))
    try:
        o.js("(p) => kg.showNode(p)", LINK)
        claims = o.page.locator("#kg-panel li.claim")
        assert claims.count() == 3
        rows = [(claims.nth(i).get_attribute("data-date"), claims.nth(i).get_attribute("data-status"),
                 claims.nth(i).get_attribute("data-reversal")) for i in range(3)]
        assert rows == [("2026-01-08", "rumored", None), ("2026-02-12", "denied", None),
                        ("2026-03-05", "asserted", "1")]
        assert "said by Kalimaya Energi" in claims.nth(1).text_content()
        assert "Reversal" in o.page.text_content("#kg-panel .reversal-note")
        signing = claims.nth(2)
        assert "<img src=x onerror=alert(1)> Teken kontrak" in signing.text_content()
        assert o.page.locator("#kg-panel img").count() == 0
        # With the slider before the signing, the later claim is shown as not yet reported.
        o.js("(d) => kg.setAsOf(d)", "2026-02-20")  # the panel is redrawn for the new date
        assert o.page.text_content("#kg-panel .facts .badge") == "✕ denied"
        assert [h.text_content() for h in o.page.locator("#kg-panel h3").all()][:1] == ["denied (3)"]
        assert [o.page.locator("#kg-panel li.claim").nth(i).get_attribute("class") for i in range(3)] == [
            "claim", "claim", "claim later"]
        # An undated claim is listed and said to be undated.
        rival = o.js("kg.data.edges.find((e) => e.type === 'competitor_of').id")
        o.js("(e) => kg.showEdge(e)", rival)
        assert "no date: shown at every date" in o.page.text_content("#kg-panel li.claim")
        o.clean()
    finally:
        o.page.close()


@pytest.mark.browser
def test_colour_by_community_toggle(browser, tmp_path):  # noqa: F811
    o = Opened(browser, write_html(story(), tmp_path / "graph.html"))
    try:
        def colours() -> dict[str, str]:
            return o.js("""() => Object.fromEntries(kg.data.nodes.filter((n) => n.community !== undefined)
                           .map((n) => [n.id, kg.nodes.get(n.id).color.background]))""")

        by_type = colours()
        assert set(by_type) >= {"kalimaya-energi", "sinar-baja-nusantara"}  # partners in an asserted deal
        assert len(set(by_type.values())) == 1  # all companies: one type colour
        o.page.check("#kg-community")
        by_community = colours()
        community = o.js("() => Object.fromEntries(kg.data.nodes.filter((n) => n.community !== undefined)"
                         ".map((n) => [n.id, n.community]))")
        # Same community, same colour; the colour is no longer the type's.
        assert by_community["kalimaya-energi"] == by_community["sinar-baja-nusantara"]
        assert community["kalimaya-energi"] == community["sinar-baja-nusantara"]
        assert by_community != by_type
        other = by_community["nusa-padi"]
        assert other == by_community["bumi-lestari"] != by_community["kalimaya-energi"]
        assert community["nusa-padi"] != community["kalimaya-energi"]
        assert not set(by_community.values()) & set(o.js("Object.values(kg.data.style.nodes).map((s) => s.color)"))
        assert o.js("document.documentElement.dataset.kgCommunity") == "1"
        o.page.uncheck("#kg-community")
        assert colours() == by_type
        o.clean()
    finally:
        o.page.close()
