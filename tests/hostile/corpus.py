"""Generators of hostile input folders and of large synthetic news feeds.

Everything is written at test time into a temporary folder; nothing here is
committed data. :func:`write_corpus` returns what a build of the folder must
report: the article ids it must build and the exact error of every bad input.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import socket
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "EN_BODY",
    "ID_BODY",
    "Corpus",
    "Expected",
    "synthetic_articles",
    "write_big_line",
    "write_corpus",
    "write_feed",
]

ID_TITLE = "Sinar Logistik Gandeng Garuda Nikel"
ID_BODY = (
    "PT Sinar Logistik Tbk menggandeng PT Garuda Nikel Indonesia untuk distribusi nikel dari Morowali. "
    "Kerja sama itu diteken di Jakarta pada hari Selasa."
)
EN_TITLE = "Solvane Motors signs battery supply deal"
EN_BODY = (
    "German carmaker Solvane Motors GmbH signed an agreement to buy battery cells from Nusantara Baterai Energi. "
    "The deal was signed in Jakarta on Wednesday."
)


def _doc(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


@dataclass(frozen=True)
class Expected:
    """One bad input: its path (relative to the corpus root), JSONL line and exact reason."""

    path: str
    reason: str
    line: int | None = None


@dataclass
class Corpus:
    """A written hostile folder: the ids a build must produce and the errors it must report."""

    root: Path
    ids: set[str] = field(default_factory=set)
    errors: list[Expected] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # id -> title the reader must find

    def ok(self, rel: str, data: bytes, *, id: str | None = None, title: str | None = None) -> None:
        self._write(rel, data)
        ident = id or rel.rsplit(".", 1)[0]
        self.ids.add(ident)
        if title is not None:
            self.titles[ident] = title

    def bad(self, rel: str, data: bytes | None, reason: str, *, line: int | None = None) -> None:
        if data is not None:
            self._write(rel, data)
        self.errors.append(Expected(rel, reason, line))

    def _write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# JSONL lines: (line text, expected error reason or None for an article, the article id).
def _feed_lines() -> list[tuple[bytes, str | None, str | None]]:
    good = {"id": "feed-a", "title": ID_TITLE, "text": ID_BODY}
    return [
        (json.dumps(good).encode(), None, "feed-a"),
        (b"{not json", "invalid JSON: Expecting property name enclosed in double quotes at column 2", None),
        (b'{"id": "no-text", "title": "x"}', "missing required field 'text'", None),
        (b'{"text": 42}', "field 'text' must be a string, got number", None),
        (b'{"id": 7, "text": "Garuda Nikel menggandeng Sinar Logistik."}', "field 'id' must be a string, got number",
         None),
        (b'{"title": ["a"], "text": "x"}', "field 'title' must be a string, got array", None),
        (b"[1, 2]", "expected a JSON object, got array", None),
        (b'"just a string"', "expected a JSON object, got string", None),
        (b"", None, None),  # blank lines are skipped, not errors
        (json.dumps(good).encode(), None, "feed-a-2"),  # a duplicate id is renamed, with a warning
        (b'{"text": "   "}', "field 'text' is empty", None),
        (b'{"text": "Garuda Nikel \\ud800 menggandeng."}',
         "field 'text' holds a lone surrogate \\ud800 at character 13 (not valid Unicode)", None),
        (b'{"text": "Garuda\x00Nikel"}', "binary line", None),
        (b"[" * 100_000, "invalid JSON: nested too deeply", None),
        (json.dumps({"id": "latin", "text": "Société Générale membeli saham Garuda Nikel."}, ensure_ascii=False)
         .encode("latin-1"), None, "latin"),
        (b'{"id": "cut", "text": "Garuda', "invalid JSON: Unterminated string starting at column 23", None),
    ]


def write_corpus(root: Path) -> Corpus:
    """Write the hostile folder under ``root``; return what a build of it must give.

    Special files (a FIFO, a socket, a link to /dev/zero, symlink loops) are only
    written where the platform has them.
    """
    c = Corpus(root)
    c.ok("good/first.txt", _doc(ID_TITLE, ID_BODY).encode(), id="good/first", title=ID_TITLE)
    c.ok("good/second.md", f"# {EN_TITLE}\n\n{EN_BODY}\n".encode(), id="good/second", title=EN_TITLE)
    weird = "good/weird <b>name</b> & 'quote' ☃"
    c.ok(f"{weird}.txt", _doc(EN_TITLE, EN_BODY).encode(), id=weird)
    c.bad("empty.txt", b"", "empty file")
    c.bad("blank.md", b" \n\t\r\n\n", "empty file")
    c.bad("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file")
    c.bad("noise.html", random.Random(0).randbytes(4096), "binary file")
    c.bad("nul-inside.md", _doc(ID_TITLE, ID_BODY).encode().replace(b" ", b"\x00", 3), "binary file")
    # UTF-16 without a byte-order mark is not told apart from binary data: documented, not guessed.
    c.bad("utf16-no-bom.txt", _doc(ID_TITLE, ID_BODY).encode("utf-16-le"), "binary file")
    title = "Société Générale Beli Saham Garuda Nikel"
    c.ok("enc/latin1.txt", _doc(title, "Société Générale membeli saham PT Garuda Nikel Indonesia.").encode("latin-1"),
         title=title)
    c.ok("enc/cp1252.md", _doc("“Garuda Nikel” Gandeng Sinar Logistik", ID_BODY).encode("cp1252"),
         title="“Garuda Nikel” Gandeng Sinar Logistik")
    c.ok("enc/utf16.txt", codecs.BOM_UTF16_LE + _doc(ID_TITLE, ID_BODY).encode("utf-16-le"), title=ID_TITLE)
    c.ok("enc/utf16-be.md", codecs.BOM_UTF16_BE + _doc(ID_TITLE, ID_BODY).encode("utf-16-be"), title=ID_TITLE)
    c.ok("enc/utf8-bom.txt", codecs.BOM_UTF8 + _doc(ID_TITLE, ID_BODY).encode(), title=ID_TITLE)
    # Pasted together: a UTF-8 headline over a Latin-1 body. Each line is read in its own encoding.
    c.ok("enc/mixed.txt", f"{title}\n\n".encode() + "Société Générale membeli saham Garuda Nikel.\n".encode("latin-1"),
         title=title)
    c.ok("enc/controls.txt", _doc(ID_TITLE + "\x0c", ID_BODY + "\x85\u2028\u2029\x1c\u200b\u200d\u202e").encode(),
         title=ID_TITLE)
    page = f"<html><head><title>{ID_TITLE}</title></head><body><article><p>{ID_BODY}</p><p>{ID_BODY}</p>"
    c.ok("html/truncated.html", (page + "<p>Lanjutan ber")[:-3].encode(), title=ID_TITLE)
    c.ok("html/malformed.html", (
        f"<html><body><div><p>{ID_BODY}<p><b><i>{EN_BODY}</div></span></td><<>>&&&#xffffffff;&#0;"
        "<script>alert(1)</script><img src=x onerror=alert(1)></html>"
    ).encode())
    c.bad("html/no-text.html", b"<html><body><div></div><script>var a = 1;</script></body></html>",
          "no main text found in the HTML page")
    c.bad("only-furniture.txt", b"Advertisement\n\nBaca juga: Lain\n",
          "no article text (only metadata and boilerplate lines)")
    lines = _feed_lines()
    c._write("feed.jsonl", b"\n".join(line for line, _, _ in lines))  # the last line has no newline
    for n, (_, reason, ident) in enumerate(lines, 1):
        if reason is not None:
            c.errors.append(Expected("feed.jsonl", reason, n))
        elif ident is not None:
            c.ids.add(ident)
    c.ok("utf16-feed.jsonl", codecs.BOM_UTF16_LE + (json.dumps({"id": "u16", "text": ID_BODY}) + "\n").encode(
        "utf-16-le"), id="u16")
    c.bad("empty.jsonl", b"\n\n", "empty file")
    # A folder named like a file is a folder: its articles are read.
    c.ok("folder.txt/inner.txt", _doc(ID_TITLE, ID_BODY).encode(), id="folder.txt/inner")
    # File names that would forge or reorder lines of the error report if printed raw.
    c.bad("forged\nkg: built 99 articles.txt", b"\x00\x01\x02", "binary file")
    c.bad("bidi-\u202etxt.exe.md", b"\x00\x01\x02", "binary file")
    c._write(".hidden.txt", b"\x00 never read: hidden entries are skipped")
    c._write("notes.csv", b"a,b\n")  # other extensions in a folder are skipped
    _special_files(c)
    return c


def _special_files(c: Corpus) -> None:
    root = c.root
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
        c.bad("fifo.txt", None, "not a regular file but a FIFO (named pipe) (kg reads a pipe only as stdin: '-')")
    sock = root / "sock.md"
    if hasattr(socket, "AF_UNIX") and len(os.fsencode(sock)) < 100:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(os.fspath(sock))
        c.bad("sock.md", None, "not a regular file but a socket (kg reads a pipe only as stdin: '-')")
    if hasattr(os, "symlink"):
        if os.path.exists("/dev/zero") and stat.S_ISCHR(os.stat("/dev/zero").st_mode):
            # Endless: a plain read would never find the end of the first JSONL line.
            os.symlink("/dev/zero", root / "zero.jsonl")
            c.bad("zero.jsonl", None, "not a regular file but a character device (kg reads a pipe only as stdin: '-')")
        (root / "loop").mkdir()
        os.symlink("..", root / "loop" / "up")  # a folder loop: each folder is entered once
        os.symlink("self.txt", root / "self.txt")
        c.bad("self.txt", None, "cannot read: Too many levels of symbolic links")
        os.symlink("gone.txt", root / "broken.txt")
        c.bad("broken.txt", None, "cannot read: No such file or directory")


def write_big_line(path: Path, size: int, *, unit: bytes = b"Garuda Nikel menggandeng Sinar Logistik dan ") -> Path:
    """A single-line file of ``size`` bytes, written in 1 MiB pieces (never held in memory)."""
    block = unit * (max(1, (1 << 20) // len(unit)))
    with open(path, "wb") as f:
        left = size
        while left > 0:
            piece = block[: min(left, len(block))]
            f.write(piece)
            left -= len(piece)
    return path


_SYLLABLES = ("ka", "ra", "ma", "su", "ti", "no", "ba", "lu", "wi", "de", "sa", "pu", "ga", "ri", "to", "ne")
_SUFFIX_ID = ("Tbk", "Group", "Energi", "Logistik", "Digital")
_VERBS_ID = ("menggandeng", "mengakuisisi", "berinvestasi di", "menggugat")
_VERBS_EN = ("partnered with", "agreed to buy", "invested in", "sued")


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return f"PT {word} {rng.choice(_SUFFIX_ID)}"


def synthetic_articles(n: int, *, seed: int = 0, sentences: int = 6) -> Iterator[dict[str, str]]:
    """``n`` JSONL records of made-up news, deterministic for a ``seed``: many companies, many relations."""
    rng = random.Random(seed)
    names = [_name(rng) for _ in range(max(8, n // 2))]
    for i in range(n):
        english = i % 3 == 0
        body = []
        for _ in range(sentences):
            a, b = rng.sample(names, 2)
            verb = rng.choice(_VERBS_EN if english else _VERBS_ID)
            body.append(f"{a} {verb} {b}.")
        yield {
            "id": f"syn-{seed}-{i:05d}",
            "title": f"{names[i % len(names)]} news {i}",
            "text": " ".join(body),
            "language": "en" if english else "id",
            "published": f"2026-01-{1 + i % 28:02d}",
        }


def write_feed(path: Path, n: int, *, seed: int = 0, sentences: int = 6) -> Path:
    """A JSONL feed of :func:`synthetic_articles`."""
    with open(path, "w", encoding="utf-8") as f:
        for record in synthetic_articles(n, seed=seed, sentences=sentences):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
