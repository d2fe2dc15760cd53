"""The kg command as a user runs it: help, exit codes, errors naming the file."""

from __future__ import annotations

import json
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
