"""HTML pages through trafilatura: main text, metadata, boilerplate left out."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.readers import read, read_html
from tests.readers.helpers import NEWS, assert_regions_valid, region_texts


def test_indonesian_page() -> None:
    path = NEWS / "id" / "bri-umkm.html"
    (a,) = read([path])
    assert not isinstance(a, InputError)
    assert (a.id, a.title, a.published, a.source, a.url, a.origin) == (
        "bri-umkm",
        "BRI Salurkan Kredit UMKM Rp 50 Triliun",
        "2026-02-10",
        "Warta Ekonomi Contoh",
        "https://wartaekonomi.example/bri-kredit-umkm",
        str(path),
    )
    assert_regions_valid(a)
    texts = region_texts(a)
    assert texts[0] == a.title
    assert texts[1].startswith("Jakarta – PT Bank Rakyat Indonesia (Persero) Tbk")
    assert len(texts) == 4
    joined = "\n".join(texts)
    for gone in ("OJK Terbitkan Aturan", "Beranda", "Mandiri Catat Laba", "Hak cipta"):
        assert gone not in joined


def test_english_page_drops_ads_read_more_and_comments() -> None:
    (a,) = read([NEWS / "en" / "chipmaker.htm"])
    assert not isinstance(a, InputError)
    assert (a.title, a.published, a.source) == (
        "Norvale Chips buys Lumen Labs for $300 million",
        "2026-01-15",
        "Tech Ledger Example",
    )
    assert "Great news for the industry" not in a.text  # comments are not extracted
    joined = "\n".join(region_texts(a))
    assert "Advertisement" not in joined and "Chip stocks rally" not in joined
    assert "Lumen Labs, founded in 2019" in joined


def test_bytes_and_url() -> None:
    page = (NEWS / "en" / "chipmaker.htm").read_bytes()
    a = read_html(page, id="p", url="https://techledger.example/norvale")
    assert a.url == "https://techledger.example/norvale"
    assert a.text.startswith("Norvale Chips buys Lumen Labs")


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("<html><body></body></html>", "no main text found in the HTML page"),
        (
            "<html><head><title>Kosong</title></head><body><script>var a = 1;</script></body></html>",
            "no main text found in the HTML page",
        ),
        (
            "<html><body><article><p>Baca Juga: Saham Teknologi Menguat</p><p>Advertisement</p>"
            "</article></body></html>",
            "no article text in the HTML page (only boilerplate lines)",
        ),
    ],
)
def test_page_without_article_text_is_an_input_error(page: str, reason: str) -> None:
    with pytest.raises(InputError) as info:
        read_html(page, id="p", origin="x.html")
    assert str(info.value) == f"x.html: {reason}"


def test_an_empty_page_is_one_error_naming_it_and_no_anonymous_warning(tmp_path, caplog) -> None:
    # Issue 14 (cosmetic): trafilatura's "discarding data: None" reached the user naming no input.
    import logging

    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        items = list(read([page]))
    assert [str(x) for x in items] == [f"{page}: no main text found in the HTML page"]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
