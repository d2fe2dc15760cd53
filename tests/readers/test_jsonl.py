"""JSON Lines input: one article per line, a bad line costs only itself."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.model import Article
from kg.readers import read
from tests.readers.helpers import FIXTURES, NEWS, assert_regions_valid, region_texts, split


def _write(path: Path, rows: Sequence[object], *, encoding: str = "utf-8", newline: str = "\n") -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def test_broken_lines_are_reported_and_the_rest_is_read(caplog: pytest.LogCaptureFixture) -> None:
    path = FIXTURES / "broken.jsonl"
    with caplog.at_level(logging.WARNING, logger="kg.readers"):
        items = list(read([path]))
    summary = [(x.line, x.reason) if isinstance(x, InputError) else x.id for x in items]
    assert summary == [
        "ok-1",
        (2, "invalid JSON: Unterminated string starting at column 24"),
        (3, "expected a JSON object, got array"),
        (4, "missing required field 'text'"),
        (5, "field 'text' is empty"),
        (6, "field 'title' must be a string, got number"),
        (7, "field 'text' must be a string, got array"),
        "ok-1-2",  # line 8 is blank; line 9 repeats the id "ok-1"
    ]
    for e in items[1:-1]:
        assert isinstance(e, InputError) and e.path == str(path)
        assert str(e).startswith(f"{path}:{e.line}: ")
    last = items[-1]
    assert isinstance(last, Article) and last.origin == f"{path}:9"
    assert last.published is None  # "31/02/2026" is no date
    messages = [r.getMessage() for r in caplog.records]
    assert f"{path}:9: unrecognised date '31/02/2026'; published left empty" in messages
    assert f"{path}:9: duplicate article id 'ok-1' renamed to 'ok-1-2'" in messages


def test_fields_dates_and_unicode_line_separators() -> None:
    arts, errs = split(list(read([NEWS / "id" / "kabar-pasar.jsonl"])))
    assert errs == []
    first, second = arts
    assert (first.id, first.title, first.published, first.source, first.language) == (
        "kabar-1",
        "GoTo Bantah Rencana Merger dengan Grab",
        "2026-02-14",
        "Kabar Pasar",
        "id",
    )
    assert region_texts(first) == [
        "GoTo Bantah Rencana Merger dengan Grab",
        "PT GoTo Gojek Tokopedia Tbk membantah kabar rencana merger dengan Grab Holdings.",
    ]
    # No id: file stem and line; U+2028 inside the text does not split the line.
    assert second.id == "kabar-pasar-2"
    assert "\u2028" in second.text and second.text.endswith("Nilai investasi tidak diungkapkan.")
    assert second.published == "2026-02-14"
    for a in arts:
        assert_regions_valid(a)


def test_wire_dates_and_signoff() -> None:
    arts, _ = split(list(read([NEWS / "en" / "wire.jsonl"])))
    wire7, wire8 = arts
    assert wire7.published == "1987-03-03"  # from published_raw
    assert wire8.published == "1987-03-04"
    assert wire7.title == "NORTHPOINT <NPT> TO ACQUIRE RIVERBEND"
    assert not wire7.text.startswith(wire7.title)  # a title that is not in the text is not added to it
    assert region_texts(wire7) == [
        "Northpoint Corp said it agreed to acquire\nRiverbend Inc for 15 dlrs a share.",
        "The companies said the boards approved the deal.",
    ]


def test_nulls_are_absent_and_types_are_checked(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "n.jsonl",
        [
            {"text": "Ford menggandeng Xiaomi.", "title": None, "published": None, "id": None},
            {"text": "Ford.", "published": 20260203},
            {"text": "Ford.", "id": ""},
            {"text": "Ford.", "language": ["id"]},
            {"text": "Ford.", "unknown": {"nested": True}, "published_raw": 5},
            "42",
            "{not json",
        ],
    )
    summary = [str(x) if isinstance(x, InputError) else (x.id, x.title, x.published) for x in read([path])]
    assert summary == [
        ("n-1", None, None),
        f"{path}:2: field 'published' must be a string, got number",
        ("n-3", None, None),
        f"{path}:4: field 'language' must be a string, got array",
        ("n-5", None, None),
        f"{path}:6: expected a JSON object, got number",
        f"{path}:7: invalid JSON: Expecting property name enclosed in double quotes at column 2",
    ]


def test_crlf_bom_utf16_and_latin1_lines(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "Société Générale membeli saham bank itu."}]
    crlf = _write(tmp_path / "crlf.jsonl", rows, newline="\r\n")
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + crlf.read_bytes().replace(b'"a"', b'"b"'))
    utf16 = _write(
        tmp_path / "utf16.jsonl", [{"id": "c", "text": "Société Générale membeli saham."}], encoding="utf-16"
    )
    latin1 = _write(
        tmp_path / "latin1.jsonl",
        [{"id": "d", "text": "Société Générale membeli saham."}],
        encoding="latin-1",
    )
    arts, errs = split(list(read([crlf, bom, utf16, latin1])))
    assert errs == []
    assert [a.id for a in arts] == ["a", "b", "c", "d"]
    assert all(a.text.startswith("Société Générale membeli saham") for a in arts)


def test_line_limit_applies_per_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "big.jsonl",
        [
            {"id": "small", "text": "Ford."},
            {"id": "big", "text": "x " * 500},
            {"id": "after", "text": "Xiaomi."},
        ],
    )
    summary = [str(x) if isinstance(x, InputError) else x.id for x in read([path], max_article_bytes=200)]
    assert summary == [
        "small",
        f"{path}:2: line is larger than the limit of 200 bytes (max_article_bytes)",
        "after",
    ]


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n  \n")
    assert [str(x) for x in read([tmp_path / "e.jsonl", tmp_path / "b.jsonl"])] == [
        f"{tmp_path / 'e.jsonl'}: empty file",
        f"{tmp_path / 'b.jsonl'}: empty file",
    ]


def test_binary_line(tmp_path: Path) -> None:
    path = tmp_path / "bin.jsonl"
    path.write_bytes(b'{"text": "Ford."}\n\x00\x01\x02\x03\x04\x05\x06\n')
    assert [str(x) if isinstance(x, InputError) else x.id for x in read([path])] == [
        "bin-1",
        f"{path}:2: binary line",
    ]


def test_shared_corpus_reads_without_errors(shared: Path) -> None:
    for name, count in (("id/cnbc-indonesia-headlines.jsonl", 2858), ("en/reuters-21578-acq.jsonl", 2210)):
        arts, errs = split(list(read([shared / "corpus" / name])))
        assert errs == [] and len(arts) == count
        assert all(a.published for a in arts)
        assert len({a.id for a in arts}) == count
        for a in arts:
            assert_regions_valid(a)
            # wire sign-offs are the only lines dropped
            dropped = [
                ln.strip()
                for ln in a.text.split("\n")
                if ln.strip() and not any(s <= a.text.find(ln.strip(), 0) < e for s, e in a.regions)
            ]
            assert all(d.lower().rstrip(".^m") in ("reuter", "more") for d in dropped), (a.id, dropped)


def test_a_line_python_cannot_parse_is_that_lines_error(tmp_path: Path) -> None:
    # Issue 14 F1: an integer of more than 4,300 digits raised ValueError out of the reader.
    huge = '{"text": "PT Sinar Baja menggandeng PT Timur Kawat.", "n": ' + "9" * 5000 + "}"
    path = _write(tmp_path / "feed.jsonl", [huge, "null", {"id": "ok", "text": "Ford membeli Kia."}])
    items = list(read([path]))
    summary = [(x.line, x.reason) if isinstance(x, InputError) else x.id for x in items]
    assert summary == [
        (1, "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"),
        (2, "expected a JSON object, got null"),
        "ok",
    ]


def test_a_language_kg_has_no_lexicon_for_is_detected_instead(tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    path = _write(tmp_path / "feed.jsonl", [{"id": "a", "text": "Ford buys Kia.", "language": "fr"},
                                            {"id": "b", "text": "Ford membeli Kia.", "language": " ID "}])
    with caplog.at_level(logging.WARNING, logger="kg.readers"):
        first, second = read([path])
    assert isinstance(first, Article) and first.language is None
    assert isinstance(second, Article) and second.language == "id"
    assert f"{path}:1: language 'fr' is not one of kg's (en, id); detected from the text instead" in caplog.messages


def test_utf16_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    # Issue 14 F4: UTF-16/32 JSONL was decoded whole; a bad byte at the end lost every line before it.
    rows = [{"id": f"u{i}", "text": "PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk."} for i in range(3)]
    data = ("\n".join(json.dumps(r) for r in rows) + "\n").encode("utf-16") + b"\x00\xd8\x41"
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    items = list(read([path]))
    assert [x.id for x in items[:3] if isinstance(x, Article)] == ["u0", "u1", "u2"]
    assert isinstance(items[3], InputError) and "cannot decode as UTF-16-LE (after line 3)" in items[3].reason


class _Endless(io.RawIOBase):
    """stdin that never ends (``yes | kg build -``) and counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        assert self.served < 50_000_000, "stdin was read far past the article size limit"
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        self.served += len(buffer)
        return len(buffer)


def test_endless_stdin_reads_at_most_the_limit() -> None:
    stream = _Endless()
    items = list(read(["-"], stdin=io.BufferedReader(stream), max_article_bytes=1_000_000))
    assert [(x.path, x.reason) for x in items if isinstance(x, InputError)] == [
        ("<stdin>", "input is larger than the limit of 1000000 bytes (max_article_bytes)")]
    assert stream.served < 2_000_000
