"""The review page of kg annotate --review (kg/review.py), as written and in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.annotations import materialise_sources, read_units
from kg.cli import main
from tests.exporters.test_html import Opened, browser  # noqa: F401  (fixture, requested by name)

# Written for these tests (invented companies); the third article tries to run script in the page.
FEED = [
    {"id": "a-1", "language": "id",
     "text": "Nusa Baja Tbk membantah kabar akuisisi PT Timur Kawat. Harga baja naik tipis pekan ini."},
    {"id": "a-2", "language": "en", "text": "Harbor Robotics Inc sued Delta Sensors Corp on Monday."},
    {"id": "a-3</script><script>alert(3)</script>", "language": "en",
     "text": "Kestrel Optics Ltd <script>alert(1)</script> agreed to buy <img src=x onerror=alert(2)> Talon Ports."},
]


@pytest.fixture()
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(x) + "\n" for x in FEED), encoding="utf-8")
    assert main(["annotate", "feed.jsonl", "--engine", "rules", "-o", "ann.jsonl", "--review", "review.html",
                 "-q"]) == 0
    return tmp_path / "ann.jsonl", tmp_path / "review.html"


def test_page_shows_every_unit_escaped_and_fetches_nothing(written: tuple[Path, Path]) -> None:
    ann, page = written
    html = page.read_text(encoding="utf-8")
    units = read_units(ann)
    assert html.count('<section class="unit"') == len(units) >= 4
    assert "<script>alert" not in html and "<img" not in html and html.count("</script>") == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http://" not in html and "https://" not in html and "default-src 'none'" in html
    # the status of the denial is shown with its relation
    assert '<span class="status"' in html and "denied</span> <b>Nusa Baja Tbk</b> acquisition" in html


@pytest.mark.browser
def test_untick_one_unit_and_save_the_accepted_lines(browser, written: tuple[Path, Path]) -> None:  # noqa: F811
    ann, page = written
    lines = ann.read_text(encoding="utf-8").splitlines()
    o = Opened(browser, page)
    try:
        counts = o.js("document.getElementById('kg-counts').textContent")
        assert counts == f"{len(lines)} of {len(lines)} units accepted"
        texts = o.js("Array.from(document.querySelectorAll('p.text')).map((p) => p.textContent)")
        assert any("<script>alert(1)</script>" in t for t in texts)  # shown as text, never run
        o.page.locator("section.unit").nth(1).locator("input.accept").uncheck()
        assert o.js("document.querySelectorAll('section.unit.rejected').length") == 1
        with o.page.expect_download() as info:
            o.page.click("#kg-save")
        download = info.value
        assert download.suggested_filename == "ann.accepted.jsonl"
        saved = Path(download.path()).read_text(encoding="utf-8")
        o.clean()
    finally:
        o.page.close()
    assert saved == "".join(line + "\n" for i, line in enumerate(lines) if i != 1)
    path = ann.with_name("accepted.jsonl")
    path.write_text(saved, encoding="utf-8")
    kept = read_units(path)  # the saved file is an annotation file: kg train reads it as it is
    assert kept == [u for i, u in enumerate(read_units(ann)) if i != 1]
    assert len(materialise_sources(kept)) == len(lines) - 1
