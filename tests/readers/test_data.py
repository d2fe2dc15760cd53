"""The readers' language data: every file parses, and the cues hit what they should and nothing else."""

from __future__ import annotations

import re

import pytest

from kg.readers._data import (
    HEADER_FIELDS,
    header_keys,
    is_boilerplate,
    month_names,
    weekday_names,
)
from kg.resources import language_dir, languages, read_lines


def _header(path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.startswith("#")]


@pytest.mark.parametrize("code", languages())
@pytest.mark.parametrize("name", ["boilerplate.txt", "dates.txt", "header_keys.txt"])
def test_every_language_has_the_reader_files_with_a_source(code: str, name: str) -> None:
    path = language_dir(code) / name
    assert path.is_file(), f"{path} is missing"
    assert any("Source:" in line for line in _header(path)), f"{path} names no source"
    assert read_lines(path), f"{path} has no entries"


@pytest.mark.parametrize("code", languages())
def test_boilerplate_entries_compile_on_their_own(code: str) -> None:
    for entry in read_lines(language_dir(code) / "boilerplate.txt"):
        # Each entry goes into one alternation: it must compile alone, without global flags.
        compiled = re.compile(f"(?:{entry})", re.IGNORECASE)
        assert not compiled.match(""), f"{entry!r} matches an empty line"
        assert not entry.startswith("(?i") and "(?i)" not in entry, entry


@pytest.mark.parametrize("code", languages())
def test_dates_file_names_every_month(code: str) -> None:
    months: dict[int, list[str]] = {}
    for line in read_lines(language_dir(code) / "dates.txt"):
        kind, *rest = line.split()
        if kind == "month":
            months.setdefault(int(rest[0]), []).extend(rest[1:])
    assert sorted(months) == list(range(1, 13))


def test_merged_names_and_keys() -> None:
    names = month_names()
    assert names["agustus"] == names["aug"] == 8
    assert names["mei"] == names["may"] == 5
    assert {"selasa", "tuesday", "jum'at"} <= weekday_names()
    assert set(header_keys().values()) == set(HEADER_FIELDS)


@pytest.mark.parametrize(
    "line",
    [
        "BACA JUGA",
        "Baca Juga:\u00a0Mobil Listrik Volkswagen Terbaru Sabet Penghargaan",
        "BERITA TERKAIT",
        "Berita Pilihan",
        "BERITA TERBARU",
        "- Advertisement 1-",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Sunpeak shares jump on Asian expansion",
        "Related:",
        "Also read: Chip stocks rally",
        "Scroll to continue with content",
        "Simak Video: Pertamina Bangun Kilang Baru",
        "Share this article",
        "Subscribe to our newsletter",
        "Ikuti kami di Google News",
        "(fdl/fdl)",
        "[Gambas:Video CNBC]",
        "By Jane Example",
        "Reuter",
        "REUTER...",
        "reuter",
        "© 2026 Example Media",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Xiaomi secara resmi membantah rumor kemitraan dengan Ford.",
        "Advertisement revenue rose 12 pct in the quarter, the company said.",
        "share on sales of 40.8 mln dlrs.",  # a wrapped wire line, not a share button
        "by Dudley Example.",
        "subscribe to the offer, the company said.",
        "Related companies include Ford and Xiaomi.",
        "Copyright Office ruled on the dispute on Monday",
        "Berita terkait kemitraan itu beredar sejak Januari.",
        "Reuters reported the talks on Tuesday.",
        "",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
