"""A folder of hostile inputs: each bad one is named with its reason, every other article is built.

The folder is generated per test (tests/hostile/corpus.py); the real CLI runs it
in a subprocess once, ``kg.build`` runs it and the other cases in process.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.errors import InputError, one_line
from kg.model import Article
from kg.readers import read
from tests.hostile.corpus import ID_BODY, ID_TITLE, Corpus, write_corpus
from tests.hostile.run import deadline, kg


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return write_corpus(tmp_path / "in")


def _triples(path: Path) -> int:
    return len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))


def _relative(c: Corpus, e: InputError) -> tuple[str, int | None, str]:
    return os.path.relpath(e.path, c.root), e.line, e.reason


def test_every_bad_input_is_named_and_every_good_article_is_built(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with deadline(120):  # a FIFO or /dev/zero used to hang here
        result = build([corpus.root], out=out)
    got = sorted(_relative(corpus, e) for e in result.errors)
    assert got == sorted((e.path, e.line, e.reason) for e in corpus.errors)
    for e in result.errors:
        assert e.path.startswith(str(corpus.root))
        assert "\n" not in e.reason and e.reason
    built = {x.article.id: x.article for x in result.graph.extractions}
    assert set(built) == corpus.ids
    assert {i: built[i].title for i in corpus.titles} == corpus.titles
    assert all(a.text == "" for a in built.values())  # a build keeps no text once extracted (streaming)
    with deadline(120):
        texts = {a.id: a.text for a in read([corpus.root]) if isinstance(a, Article)}
    assert texts["enc/mixed"].startswith("Société Générale Beli Saham")
    assert "Société Générale membeli" in texts["enc/mixed"]  # the Latin-1 line, read as Latin-1
    assert "<script>" not in texts["html/malformed"]
    # errors.jsonl: the same records, one JSON object per line, in the order found
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and [json.loads(x) for x in lines[:-1]] == [e.to_json() for e in result.errors]
    assert _triples(out / "graph.ttl") > 0
    assert not list(out.glob(".*.tmp"))


def test_the_cli_reports_each_bad_input_on_one_line(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = kg("build", corpus.root, "-o", out, timeout=180)
    assert r.code == 1, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = r.stderr.rstrip("\n").split("\n")
    # Every line is kg's: errors, warnings (a renamed duplicate id) and the summary; none forged by a file name.
    assert all(line.startswith(("kg: error: ", "kg: warning: ", "kg: built ")) for line in lines), lines
    expected = sorted(
        one_line(f"kg: error: {corpus.root / e.path}{'' if e.line is None else f':{e.line}'}: {e.reason}")
        for e in corpus.errors
    )
    assert sorted(r.errors) == expected
    assert "forged\\nkg: built 99 articles.txt: binary file" in r.stderr
    assert "bidi-\\u202etxt.exe.md" in r.stderr and "\u202e" not in r.stderr
    summary = lines[-1]
    assert summary.startswith(f"kg: built {len(corpus.ids)} articles -> ")
    assert summary.endswith(f"; {len(corpus.errors)} inputs failed (see {out / 'errors.jsonl'})")
    records = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((os.path.relpath(x["path"], corpus.root), x["line"], x["error"]) for x in records) == sorted(
        (e.path, e.line, e.reason) for e in corpus.errors
    )
    assert _triples(out / "graph.ttl") > 0


def test_explicit_paths_that_cannot_be_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"{ID_TITLE}\n\n{ID_BODY}\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "dir.txt").mkdir()  # a folder named like a file is read as a folder
    (tmp_path / "dir.txt" / "in.md").write_text(f"{ID_TITLE}\n\n{ID_BODY}\n", encoding="utf-8")
    inputs = [tmp_path / "missing.txt", tmp_path / "notes.csv", good / "child.txt", tmp_path / "dir.txt", good]
    # build reads its inputs sorted by path (so the order given never matters)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.jsonl")
        inputs.append(tmp_path / "pipe.jsonl")
    with deadline(60):
        result = build(inputs)
    allowed = "(allowed: .htm, .html, .jsonl, .md, .txt)"
    expected = [
        f"{good / 'child.txt'}: no such file or directory",  # a path under a file
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / 'notes.csv'}: unsupported file type '.csv' {allowed}",
    ]
    if hasattr(os, "mkfifo"):
        fifo = "not a regular file but a FIFO (named pipe) (kg reads a pipe only as stdin: '-')"
        expected.append(f"{tmp_path / 'pipe.jsonl'}: {fifo}")
    assert [str(e) for e in result.errors] == expected
    assert sorted(x.article.id for x in result.graph.extractions) == ["good", "in"]


def test_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"{ID_TITLE}\n\n{ID_BODY}\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01")
    assert kg("build", good, "-o", tmp_path / "ok").code == 0
    r = kg("build", bad, "-o", tmp_path / "all-bad")
    assert r.code == 1 and r.errors[0] == f"kg: error: {bad}: binary file"
    assert r.errors[1].startswith("kg: error: nothing was built (1 input failed); nothing written")
    assert not (tmp_path / "all-bad" / "errors.jsonl").exists()  # nothing built: nothing written (issue 14 F13)
    r = kg("build", bad, "-o", tmp_path / "all-bad", "--allow-empty")
    assert r.code == 1 and r.errors == [f"kg: error: {bad}: binary file"]
    assert json.loads((tmp_path / "all-bad" / "errors.jsonl").read_text())["error"] == "binary file"
    assert kg("extract", good, bad).code == 1
    for args in (
        ["--max-article-bytes", "0"],
        ["--max-article-bytes", "-5"],
        ["--max-article-bytes", "lots"],
        ["--format", "xml"],
        ["--engine", "magic"],
    ):
        out = tmp_path / "usage"
        r = kg("build", good, "-o", out, *args)
        assert r.code == 2, (args, r.stderr)
        assert "error:" in r.stderr and "Traceback" not in r.stderr
        assert not out.exists(), args  # nothing is written on a usage error
    assert kg("build").code == 2


def test_hostile_stdin(tmp_path: Path) -> None:
    r = kg("extract", "-", stdin=b"\x00\x01\x02\x03 binary")
    assert (r.code, r.errors, r.stdout) == (1, ["kg: error: <stdin>: binary input"], "")
    r = kg("extract", "-", stdin=b"")
    assert (r.code, r.errors) == (1, ["kg: error: <stdin>: empty input"])
    lines = b'{"id": "a", "text": "Garuda Nikel menggandeng Sinar Logistik."}\n{"text": 5}\n'
    r = kg("extract", "-", stdin=codecs_utf16(lines))
    assert r.code == 1 and r.errors == ["kg: error: <stdin>:2: field 'text' must be a string, got number"]
    assert [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["a"]


def codecs_utf16(data: bytes) -> bytes:
    return data.decode("utf-8").encode("utf-16")  # with a byte-order mark


def test_unreadable_files_and_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root here, where chmod 000 does not stop reading: the kernel's refusal is simulated
    # at the system call kg makes (os.open for files, os.scandir for folders).
    import kg.readers._read as reader

    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    for name in ("secret.txt", "open.txt", "locked/inner.txt"):
        (root / name).write_text(f"{ID_TITLE}\n\n{ID_BODY}\n", encoding="utf-8")
    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def refusing_scandir(path: str | os.PathLike[str]) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(reader.os, "open", refusing_open)
    monkeypatch.setattr(reader.os, "scandir", refusing_scandir)
    result = build([root])
    assert [str(e) for e in result.errors] == [
        f"{root / 'locked'}: cannot read folder: Permission denied",
        f"{root / 'secret.txt'}: cannot read: Permission denied",
    ]
    assert [x.article.id for x in result.graph.extractions] == ["open"]
