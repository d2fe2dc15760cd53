"""The smallest inputs the fuzzers and property tests found, kept as regression tests.

docs/reliability.md lists each with its symptom and fix. Bugs in kg/extract/ are
marked ``xfail(strict=True)``: the test flips to a failure the day they are fixed,
so the mark is removed then.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import InputError
from kg.formats import FORMATS
from kg.model import Article, Entity, Extraction
from kg.readers import read, read_html, read_text
from kg.resolve import resolve
from tests.fuzz.targets import check_extraction, fuzz_extract
from tests.hostile.checks import export_bytes


def test_html_that_breaks_the_date_finder_is_one_error(tmp_path: Path) -> None:
    # htmldate called lxml's drop_tree on the root element: an AssertionError escaped read() and ended the build.
    page = "<!><svg><s></s><a>"
    with pytest.raises(InputError, match=r"^x: cannot parse the HTML page \(AssertionError\)$"):
        read_html(page, id="x")
    (tmp_path / "bad.html").write_text(page)
    (tmp_path / "good.txt").write_text("Judul\n\nPT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia.\n")
    result = build([tmp_path])
    assert [e.reason for e in result.errors] == ["cannot parse the HTML page (AssertionError)"]
    assert [x.article.id for x in result.graph.extractions] == ["good"]


def test_metadata_values_are_stripped_of_every_kind_of_space() -> None:
    # The source-line pattern trimmed spaces and tabs only: "\x0b" stayed in the source name.
    a = read_text("\x01\x0b-\n\x01", id="x")
    assert a.source == "\x01"
    assert read_text("Selular.ID\x0b\x0c -\n\nXiaomi membantah kabar itu.", id="y").source == "Selular.ID"


def test_a_lone_surrogate_in_jsonl_is_refused_by_the_reader(tmp_path: Path) -> None:
    # Was read, then failed at extraction with "UnicodeEncodeError: ... surrogates not allowed".
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Garuda \\udfff Nikel"}\n{"text": "ok \\ud83d\\ude00"}\n')
    first, second = read([path])
    assert str(first) == f"{path}:1: field 'text' holds a lone surrogate \\udfff at character 7 (not valid Unicode)"
    assert isinstance(second, Article) and second.text == "ok 😀"  # a proper pair is one character


@pytest.mark.parametrize("name", ["csv", "neo4j"])
def test_a_carriage_return_in_a_value_keeps_csv_rows_whole(name: str) -> None:
    # csv.writer(lineterminator="\n") left a bare CR unquoted: every CSV reader split the row there.
    x = Extraction(Article("0\r", "x"), (Entity("a", "A\rB", "Company"),))
    for filename, data in export_bytes(resolve([x]), FORMATS[name]).items():
        if filename.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
            assert len({len(r) for r in rows}) == 1, (filename, rows)
            assert any("A\rB" in r for r in rows) or filename.startswith(("edges", "relation"))


@pytest.mark.parametrize(("text", "language"), [
    ("PT Garuda Nikel Indonesia yang berbasis di Nusantara Baterai Energi menggandeng Nusantara Baterai Energi", None),
    ("qG*G)G,GSS", "en"),  # atheris: 'G' is a place in one mention and a person in the other
])
def test_based_in_needs_a_place(text: str, language: str | None) -> None:
    fuzz_extract(text, language=language)


def test_works_for_needs_a_person() -> None:
    fuzz_extract("PT Garuda Nikel Indonesia menggandeng PT Robert Tbk. Robert, CEO PT Garuda Nikel Indonesia, berkata.")


def test_the_checks_catch_a_relation_outside_the_schema() -> None:
    from kg.model import Relation

    x = Extraction(Article("a", "A di B."), (Entity("a", "A", "Company"), Entity("b", "B", "Company")),
                   (Relation("based_in/a--b", "based_in", "a", "b", "asserted", evidence=()),))
    with pytest.raises(AssertionError):
        check_extraction(x)
