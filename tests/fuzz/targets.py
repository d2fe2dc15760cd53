"""Fuzz targets: one input in, kg's invariants checked, any other exception is a bug.

Shared by the time-bounded hypothesis run (``test_fuzz.py``) and the optional
coverage-guided atheris harness (``atheris_main.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
import tempfile
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Extraction

__all__ = ["check_article", "check_extraction", "fuzz_decode", "fuzz_extract", "fuzz_jsonl", "fuzz_push", "fuzz_read"]

_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="kg-fuzz-"))


def check_article(a: Article) -> None:
    """What every reader promises about an article."""
    assert a.id and a.text.strip(), a
    assert not _SURROGATE.search(a.text), "a lone surrogate in the text: no UTF-8 output could hold it"
    end = 0
    for s, e in a.regions:
        assert end <= s < e <= len(a.text), (a.regions, len(a.text))
        end = e
    for value in (a.title, a.source, a.url, a.published, a.language):
        assert value is None or (isinstance(value, str) and value == value.strip() and value)
    assert a.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published), a.published


def check_error(e: InputError, where: str) -> None:
    """An error names its input (``where``) and gives a one-line reason."""
    assert e.path == where, (e.path, where)
    assert e.reason and "\n" not in e.reason and "Traceback" not in e.reason, e.reason


def fuzz_decode(data: bytes) -> None:
    """Bytes to text: text, or Undecodable; never another exception, never a lone surrogate."""
    from kg.readers._decode import Undecodable, decode

    try:
        text = decode(data)
    except Undecodable as exc:
        assert str(exc).startswith(("binary ", "empty ")), exc
        return
    assert text.strip() and not _SURROGATE.search(text)
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):
            assert text == data.decode("utf-8")  # valid UTF-8 is never re-guessed


def fuzz_read(data: bytes, extension: str) -> list[Article]:
    """One file of any bytes, and the same bytes on stdin."""
    from kg.readers import read

    path = _folder() / f"input{extension}"
    path.write_bytes(data)
    articles = []
    for where, items in ((str(path), list(read([path]))), ("<stdin>", list(read(["-"], stdin=io.BytesIO(data))))):
        assert items
        for item in items:
            if isinstance(item, InputError):
                check_error(item, where)
            else:
                check_article(item)
                articles.append(item)
    return articles


def fuzz_jsonl(data: bytes) -> None:
    """A JSONL file: one article or one error per non-blank line, each error naming its line."""
    from kg.readers import read

    path = _folder() / "input.jsonl"
    path.write_bytes(data)
    items = list(read([path]))
    lines: set[int] = set()
    for item in items:
        if isinstance(item, InputError):
            check_error(item, str(path))
            if item.line is not None:
                lines.add(item.line)
        else:
            check_article(item)
            assert item.origin and item.origin.startswith(f"{path}:")
            lines.add(int(item.origin.rsplit(":", 1)[1]))
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32 files are re-encoded first
        text_lines = data.split(b"\n")
        for n in lines:
            assert 1 <= n <= len(text_lines)


def check_extraction(x: Extraction) -> None:
    """Offsets point into the text; relations join the article's own entities, within the schema."""
    from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

    text = x.article.text
    by_id = {e.id: e for e in x.entities}
    assert len(by_id) == len(x.entities), "duplicate entity ids"
    for e in x.entities:
        assert e.type in ENTITY_TYPES and e.label.strip() and e.id, e
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, (m, text[m.start : m.end])
    for r in x.relations:
        rt = RELATION_TYPES[r.type]
        assert r.status in STATUSES and 0 <= r.confidence <= 1, r
        assert r.subject in by_id and r.object in by_id and r.subject != r.object, r
        assert by_id[r.subject].type in rt.subject_types and by_id[r.object].type in rt.object_types, r
        assert r.attributed_to is None or r.attributed_to in by_id, r
        assert r.sector is None or by_id[r.sector].type == "Sector", r
        assert r.evidence, r
        for ev in r.evidence:
            assert text[ev.start : ev.end] == ev.text, (ev, text[ev.start : ev.end])
    json.dumps(x.to_json(), ensure_ascii=False).encode("utf-8")


def fuzz_extract(
    text: str, *, title: str | None = None, language: str | None = None, engine: str | None = None
) -> Extraction:
    """Extraction of any text, as the text reader prepares it (or raw if the reader refuses it).

    ``engine`` defaults to kg's default engine.
    """
    from kg.extract import DEFAULT_ENGINE, extract
    from kg.readers import read_text

    try:
        a = read_text(text, id="fuzz")
    except InputError:
        a = Article("fuzz", text)
    a = dataclasses.replace(a, title=title, language=language)
    x = extract(a, engine=engine or DEFAULT_ENGINE)
    check_extraction(x)
    assert extract(a, engine=engine or DEFAULT_ENGINE) == x, "extraction is not deterministic"
    return x


class _ScriptedServer:
    """One TCP server on 127.0.0.1 that answers each connection with the bytes of ``reply`` and closes."""

    def __init__(self) -> None:
        import socket
        import threading

        self.reply = b""
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/store"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            with conn, contextlib.suppress(OSError):
                conn.settimeout(2)
                conn.recv(1 << 16)
                conn.sendall(self.reply)


@cache
def _server() -> _ScriptedServer:
    return _ScriptedServer()


@cache
def _push_store() -> object:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://example.org/s"), pyoxigraph.NamedNode("http://example.org/p"),
                              pyoxigraph.Literal("o")))
    return store


def fuzz_push(reply: bytes, auth: str | None) -> None:
    """Push to a server that answers ``reply``: a result or a one-line PushError, never another exception.

    The credentials never appear in what kg says.
    """
    from kg.errors import PushError
    from kg.push import push

    server = _server()
    server.reply = reply
    try:
        push(_push_store(), server.url, retries=0, timeout=2, auth=auth)  # type: ignore[arg-type]
    except PushError as exc:
        message = str(exc)
        assert "Traceback" not in message
        if auth:
            assert auth.partition(":")[2] not in message, message
