"""read(): files, folders and stdin; ids, order, encodings and per-input errors."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from kg.errors import InputError, UsageError
from kg.readers import read
from tests.readers.helpers import NEWS, assert_regions_valid, region_texts, split


def _summary(items: list) -> list:
    return [str(x) if isinstance(x, InputError) else x.id for x in items]


def test_selular_sample(shared: Path) -> None:
    path = shared / "corpus" / "id" / "selular-xiaomi-ford.txt"
    (a,) = read([path])
    assert not isinstance(a, InputError)
    assert a.id == "selular-xiaomi-ford" and a.origin == str(path)
    assert a.title == "Xiaomi Bantah Isu Kemitraan EV dengan Ford"
    assert a.published == "2026-02-03"
    assert a.source == "Selular.ID"
    assert a.text == path.read_text(encoding="utf-8")  # offsets point into the file as written
    assert "Volkswagen" in a.text and "BACA JUGA" in a.text
    assert_regions_valid(a)
    texts = region_texts(a)
    assert texts[0] == a.title
    assert texts[1].startswith("Selular.ID – Xiaomi secara resmi membantah rumor")
    for t in texts:
        assert "Volkswagen" not in t and "BACA JUGA" not in t and "Advertisement" not in t
        assert "Tuesday" not in t and "BERITA TERKAIT" not in t


EXPECTED_FOLDER = [
    # id, title, published, source, url, language
    (
        "en/chipmaker",
        "Norvale Chips buys Lumen Labs for $300 million",
        "2026-01-15",
        "Tech Ledger Example",
        None,
        None,
    ),
    (
        "en/harbor-lakeside",
        "Harbor Foods agrees to buy Lakeside Dairy",
        "2026-03-03",
        "Example Wire",
        None,
        None,
    ),
    ("en/solar-partnership", "Brightwave and Sunpeak Form Solar Partnership", "2026-02-03", None, None, None),
    ("wire-7", "NORTHPOINT <NPT> TO ACQUIRE RIVERBEND", "1987-03-03", "Example Wire", None, "en"),
    ("wire-8", None, "1987-03-04", None, None, None),
    (
        "id/bri-umkm",
        "BRI Salurkan Kredit UMKM Rp 50 Triliun",
        "2026-02-10",
        "Warta Ekonomi Contoh",
        "https://wartaekonomi.example/bri-kredit-umkm",
        None,
    ),
    ("kabar-1", "GoTo Bantah Rencana Merger dengan Grab", "2026-02-14", "Kabar Pasar", None, "id"),
    ("id/kabar-pasar-2", "Astra Tambah Investasi di Sektor Nikel", "2026-02-14", None, None, None),
    (
        "id/pertamina-aljazair",
        "Pertamina Akuisisi Blok Migas di Aljazair",
        "2026-01-20",
        "Energi Kini",
        "https://energikini.example/pertamina-aljazair",
        "id",
    ),
    (
        "id/telkomsel-satelit",
        "Telkomsel Jajaki Kerja Sama Satelit dengan Starlink",
        "2026-03-12",
        "Teknologi.id",
        None,
        None,
    ),
]


def test_folder_input_sorted_recursive_with_relative_ids() -> None:
    items = list(read([NEWS]))
    arts, errs = split(items)
    assert errs == []  # notes.csv and the hidden .draft.txt are skipped silently
    got = [(a.id, a.title, a.published, a.source, a.url, a.language) for a in arts]
    assert got == EXPECTED_FOLDER
    for a in arts:
        assert_regions_valid(a)
        assert a.origin is not None and a.origin.startswith(str(NEWS) + os.sep)
    assert list(read([NEWS])) == items  # same input, same output


@pytest.mark.parametrize(
    ("name", "kept", "dropped"),
    [
        (
            "id/telkomsel-satelit.txt",
            ["Telkomsel Jajaki Kerja Sama Satelit dengan Starlink", "Menurut perusahaan"],
            ["Kamis", "BACA JUGA", "Indosat", "Advertisement", "BERITA TERKAIT"],
        ),
        (
            "id/pertamina-aljazair.md",
            ["Pertamina Akuisisi Blok Migas di Aljazair", "Rencana produksi"],
            ["title:", "tags:", "kilang.jpg", "Simak Video", "#"],
        ),
        (
            "en/solar-partnership.md",
            ["Brightwave will supply inverters.", "Sunpeak denied a report"],
            ["Jane Example", "February 3", "Read more", "Advertisement", "Scroll to continue"],
        ),
        (
            "en/harbor-lakeside.txt",
            ["Harbor Foods Inc said", "Lakeside Dairy had sales"],
            ["Title:", "Date:", "Source:", "Reuter"],
        ),
    ],
)
def test_fixture_regions(name: str, kept: list[str], dropped: list[str]) -> None:
    (a,) = read([NEWS / name])
    assert not isinstance(a, InputError)
    assert a.id == Path(name).stem  # a single file: its stem
    joined = "\n".join(region_texts(a))
    for k in kept:
        assert k in joined
    for d in dropped:
        assert d not in joined and d in a.text


def test_explicit_inputs_report_missing_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "README").write_text("x\n")
    items = list(read([tmp_path / "nope.txt", NEWS / "en" / "notes.csv", tmp_path / "README"]))
    allowed = "(allowed: .htm, .html, .jsonl, .md, .txt)"
    assert _summary(items) == [
        f"{tmp_path / 'nope.txt'}: no such file or directory",
        f"{NEWS / 'en' / 'notes.csv'}: unsupported file type '.csv' {allowed}",
        f"{tmp_path / 'README'}: unsupported file type '(no extension)' {allowed}",
    ]


TITLE = "Société Générale Beli Saham Bank Lokal"
BODY = "Société Générale membeli 20 persen saham bank itu, kata juru bicara perusahaan."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "latin-1", "cp1252"]
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = f"{TITLE}\r\n\r\n{BODY}\r\n"
    bom_be = encoding == "utf-16-be-bom"
    data = b"\xfe\xff" + text.encode("utf-16-be") if bom_be else text.encode(encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (a,) = read([path])
    assert not isinstance(a, InputError), a
    assert a.text == f"{TITLE}\n\n{BODY}\n"  # no BOM, \r\n -> \n
    assert region_texts(a) == [TITLE, BODY]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (b"\xff\xfe\x00\xd8", "binary file (starts with a utf-16-le byte-order mark but is not utf-16-le)"),
    ],
)
def test_empty_and_binary_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    assert _summary(list(read([path]))) == [f"{path}: {reason}"]


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Judul\n\n" + "Kalimat panjang. " * 10)
    size = path.stat().st_size
    (ok,) = read([path], max_article_bytes=size)
    assert not isinstance(ok, InputError)
    assert _summary(list(read([path], max_article_bytes=size - 1))) == [
        f"{path}: file is {size} bytes, larger than the limit of {size - 1} bytes (max_article_bytes)"
    ]


@pytest.mark.parametrize("bad", [0, -5, 1.5, True, "100"])
def test_bad_limit_is_a_usage_error_at_once(bad: object) -> None:
    with pytest.raises(UsageError, match="max_article_bytes"):
        read([NEWS], max_article_bytes=bad)  # type: ignore[arg-type]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops_end(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.txt").write_text("Judul\n\nIsi berita.\n")
    os.symlink("..", root / "a" / "up")  # a folder loop
    os.symlink("self.txt", root / "self.txt")  # a file that points at itself
    os.symlink("gone.txt", root / "broken.txt")  # a dangling link
    items = list(read([root]))
    assert _summary(items) == [
        "a/x",
        f"{root / 'broken.txt'}: cannot read: No such file or directory",
        f"{root / 'self.txt'}: cannot read: Too many levels of symbolic links",
    ]


def test_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_text("Judul\n\nIsi berita.\n")
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"id": "berita-2", "text": "Lain."}\n{"id": "berita", "text": "Lain."}\n')
    assert _summary(list(read([jsonl, path, path]))) == ["berita-2", "berita", "berita-3", "berita-4"]


def test_stdin_text_jsonl_html_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Selasa, 3 Februari 2026\n\nGaruda Nikel Gandeng Sinar Logistik\n\n"
        "Garuda Nikel menggandeng Sinar Logistik."
    )
    (a,) = read(["-"], stdin=io.StringIO(text))
    assert not isinstance(a, InputError)
    assert (a.id, a.origin, a.published, a.title) == (
        "stdin",
        "<stdin>",
        "2026-02-03",
        "Garuda Nikel Gandeng Sinar Logistik",
    )

    lines = '{"text": "Ford menggandeng Xiaomi."}\n\n{"text": ""}\n'.encode("utf-16")
    assert _summary(list(read(["-"], stdin=io.BytesIO(lines)))) == [
        "stdin-1",
        "<stdin>:3: field 'text' is empty",
    ]

    page = (NEWS / "en" / "chipmaker.htm").read_bytes()
    (h,) = read(["-"], stdin=io.BytesIO(page))
    assert not isinstance(h, InputError) and h.title == "Norvale Chips buys Lumen Labs for $300 million"

    assert _summary(list(read(["-"], stdin=io.StringIO(" \n")))) == ["<stdin>: empty input"]
    assert _summary(list(read(["-"], stdin=io.BytesIO(b"\x00\x01binary")))) == ["<stdin>: binary input"]

    # Without stdin=..., "-" reads sys.stdin (its binary buffer when it has one).
    fake = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (s,) = read(["-"])
    assert not isinstance(s, InputError) and s.text == text


def test_stdin_size_limit() -> None:
    items = list(read(["-"], stdin=io.StringIO("Judul\n\n" + "x" * 100), max_article_bytes=50))
    assert _summary(items) == [
        "<stdin>: input is larger than the limit of 50 bytes (max_article_bytes)"  # read no further than that
    ]


def test_a_single_path_is_one_input() -> None:
    assert _summary(list(read(NEWS / "en" / "harbor-lakeside.txt"))) == ["harbor-lakeside"]


class _Feed(io.RawIOBase):
    """A pipe of JSONL lines made on demand; counts how many lines were asked for."""

    def __init__(self, n: int) -> None:
        self.lines = (f'{{"id": "a{i}", "text": "Ford menggandeng Xiaomi {i}."}}\n'.encode() for i in range(n))
        self.made, self.pending = 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self.pending:
            line = next(self.lines, None)
            if line is None:
                return 0
            self.made += 1
            self.pending = line
        n = min(len(buffer), len(self.pending))
        buffer[:n], self.pending = self.pending[:n], self.pending[n:]
        return n


def test_stdin_jsonl_is_streamed_line_by_line() -> None:
    feed = _Feed(100_000)
    items = read(["-"], stdin=io.BufferedReader(feed))
    first = next(items)
    assert not isinstance(first, InputError) and first.id == "a0"
    assert feed.made < 1000  # a few buffers' worth, not the whole feed
    rest = list(items)
    assert len(rest) == 99_999 and feed.made == 100_000


def test_stdin_jsonl_reports_a_line_that_is_not_json() -> None:
    data = b'\n{"id": "a", "text": "Ford."}\nnot json at all\n{"id": "b", "text": "Xiaomi."}\n'
    items = list(read(["-"], stdin=io.BufferedReader(io.BytesIO(data))))
    assert [x.id if not isinstance(x, InputError) else f"line {x.line}" for x in items] == ["a", "line 3", "b"]
