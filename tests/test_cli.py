"""The kg command as a user runs it: help, exit codes, errors naming the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import make_parser

COMMANDS = sorted(make_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def kg(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command: str) -> None:
    r = kg(command, "--help")
    assert r.returncode == 0 and "usage: kg" in r.stdout


def test_usage_error_exit_code_and_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Xiaomi menggandeng Ford.", encoding="utf-8")
    r = kg("export", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.xyz"))
    assert r.returncode == 2
    assert "unknown file extension '.xyz'" in r.stderr and "allowed:" in r.stderr


def test_extract_prints_one_json_per_article_in_input_order(tmp_path: Path) -> None:
    lines = [
        {"id": "b-first", "text": "PT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia.", "language": "id"},
        {"id": "a-second", "text": "Harbor Robotics Inc sued Delta Sensors Corp.", "language": "en"},
    ]
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    r = kg("extract", str(src))
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["article"]["id"] for o in out] == ["b-first", "a-second"]
    for o in out:
        assert set(o) == {"article", "entities", "relations"}
        assert set(o["article"]) == {"id", "title", "source", "url", "published", "language"}
        ids = {e["id"] for e in o["entities"]}
        for e in o["entities"]:
            assert set(e) == {"id", "label", "type", "aliases", "wikidata", "mentions", "confidence"}
        for rel in o["relations"]:
            assert set(rel) == {"id", "type", "subject", "object", "status", "attributed_to", "sector",
                                "confidence", "evidence"}
            assert rel["subject"] in ids and rel["object"] in ids


def test_bad_input_is_named_and_the_rest_is_built(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("PT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia.\n",
                                       encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": "ok text here"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out"
    r = kg("build", str(tmp_path), "-o", str(out))
    assert r.returncode == 1
    assert "broken.jsonl:2" in r.stderr
    assert (out / "graph.ttl").is_file()
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert errors and errors[0]["line"] == 2 and errors[0]["path"].endswith("broken.jsonl")


def test_a_build_that_built_nothing_keeps_the_previous_outputs(tmp_path: Path) -> None:
    # Issue 14 F13: a mistyped path used to replace every output with an empty graph (exit 1).
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert kg("build", str(news), "-o", str(out), "-q").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    r = kg("build", str(news / "typo.txt"), "-o", str(out))
    assert r.returncode == 1
    assert "nothing was built (1 input failed); nothing written" in r.stderr and "--allow-empty" in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    r = kg("export", str(news / "typo.txt"), "-o", str(out / "graph.ttl"))
    assert r.returncode == 1 and (out / "graph.ttl").read_bytes() == before["graph.ttl"]
    r = kg("build", str(news / "typo.txt"), "-o", str(out), "--allow-empty", "-q")
    assert r.returncode == 1 and b"Timur" not in (out / "extractions.jsonl").read_bytes()


def test_a_folder_build_never_reads_its_own_outputs(tmp_path: Path) -> None:
    # Issue 14 F12: the second `kg build .` read graph.html and extractions.jsonl back as articles.
    (tmp_path / "a.txt").write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n", encoding="utf-8")
    for _ in range(2):
        r = kg("build", ".", "-q", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    (tmp_path / "elsewhere").mkdir()
    r = kg("build", ".", "-q", "-o", "elsewhere", cwd=tmp_path)  # the named output folder is skipped too
    assert r.returncode == 0, r.stderr
    r = kg("extract", ".", cwd=tmp_path)
    assert r.returncode == 0 and [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["a"]


@pytest.mark.parametrize("address", ["notaurl", "tcp://127.0.0.1:port", "tcp://host-without-port"])
def test_a_malformed_dask_address_is_a_usage_error(tmp_path: Path, address: str) -> None:
    # Issue 14 F16: a traceback (ValueError), then 20 s while the half-made client closed.
    (tmp_path / "a.txt").write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n", encoding="utf-8")
    r = kg("build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--dask", address)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"kg: error: --dask {address!r} is not a scheduler address" in r.stderr
    assert not (tmp_path / "out").exists()


def test_no_message_sends_terminal_escapes_or_forges_lines(tmp_path: Path) -> None:
    # Issue 14 F3: names, ids and replies reached the terminal raw in `kg build --store`, `kg remove`
    # and reader warnings (forged report lines, ESC[2J clearing the screen).
    news = tmp_path / "news"
    news.mkdir()
    (news / "ok.txt").write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n", encoding="utf-8")
    (news / "evil\x1b[2J\nkg: built 999 articles.txt").write_text("", encoding="utf-8")
    feed = news / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "text": "Ford membeli Kia.", "published": "\x1b[31mred\nkg: ok"}) + "\n",
                    encoding="utf-8")
    runs = [kg("build", str(news), "-o", str(tmp_path / "out")),
            kg("build", str(news), "--store", str(tmp_path / "s")),
            kg("remove", "--store", str(tmp_path / "s"), "\x1b[2J\nkg: store ok")]
    for r in runs:
        assert r.returncode == 1
        assert "\x1b" not in r.stderr and "\\x1b[2J" in r.stderr
        assert not [line for line in r.stderr.splitlines() if line.startswith(("kg: built 999", "kg: ok",
                                                                                 "kg: store ok"))]


def test_file_names_that_are_not_utf8_become_safe_ids_and_error_records(tmp_path: Path) -> None:
    # Issue 14 F2: a name like b"a\xff\xfe.txt" crashed at export (UnicodeEncodeError in IRI quoting)
    # and errors.jsonl was not written.
    news = tmp_path / "news"
    news.mkdir()
    (news / os.fsdecode(b"a\xff\xfe.txt")).write_text("PT Sinar Baja Tbk menggandeng PT Timur Kawat Tbk.\n",
                                                        encoding="utf-8")
    (news / os.fsdecode(b"d\xff.txt")).write_text("", encoding="utf-8")
    out = tmp_path / "out"
    r = kg("build", str(news), "-o", str(out))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    ids = [json.loads(x)["article"]["id"] for x in (out / "extractions.jsonl").read_text().splitlines()]
    assert ids == ["a\\xff\\xfe"]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("d\\xff.txt", "empty file")]
    assert "a%5Cxff%5Cxfe" in (out / "graph.nq").read_text()  # the article's named graph IRI
