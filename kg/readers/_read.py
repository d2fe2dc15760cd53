"""``read()``: files, folders and stdin in, articles and per-input errors out."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO, Any

from kg.errors import InputError, UsageError
from kg.model import Article
from kg.readers._decode import _BOMS, Undecodable, decode
from kg.readers._html import read_html
from kg.readers._jsonl import iter_lines, parse_line
from kg.readers._text import read_text

__all__ = ["EXTENSIONS", "count_articles", "read"]

log = logging.getLogger("kg.readers")

#: File extensions read, and the reader for each.
EXTENSIONS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN_NAME = "<stdin>"

Item = Article | InputError


class _Ids:
    """Article ids handed out in one run; a repeated id gets ``-2``, ``-3``, ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, article: Article) -> Article:
        wanted = new = article.id
        n = 1
        while new in self.used:
            n += 1
            new = f"{wanted}-{n}"
        self.used.add(new)
        if new == wanted:
            return article
        log.warning("%s: duplicate article id %r renamed to %r", article.origin or wanted, wanted, new)
        return dataclasses.replace(article, id=new)


def _kind(path: PurePath) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def _too_large(where: str, size: int, limit: int, *, what: str = "file") -> InputError:
    reason = f"{what} is {size} bytes, larger than the limit of {limit} bytes (max_article_bytes)"
    return InputError(where, reason)


def _read_document(data: bytes | str, kind: str, *, where: str, id: str) -> Item:
    try:
        text = data if isinstance(data, str) else decode(data)
        if kind == "html":
            return read_html(text, id=id, origin=where)
        return read_text(text, id=id, origin=where)
    except Undecodable as exc:
        return InputError(where, str(exc))
    except InputError as exc:
        return exc
    except Exception as exc:  # a reader bug must cost one input, not the whole run (as for extraction)
        return InputError(where, f"reader failed: {type(exc).__name__}: {' '.join(str(exc).split())}")


class _Utf8Lines:
    """A UTF-16/32 stream read line by line as UTF-8 bytes (what :func:`iter_lines` reads).

    UTF-16/32 cannot be split on the byte ``b"\\n"``; decoding the whole file first
    held all of it in memory, whatever its size.
    """

    def __init__(self, raw: IO[bytes], encoding: str, bom: bytes) -> None:
        raw.read(len(bom))
        self.text = io.TextIOWrapper(raw, encoding=encoding, newline="\n")

    def readline(self, size: int = -1) -> bytes:
        # ``size`` counts characters here: a line is cut at most 4x later in bytes, still bounded.
        return self.text.readline(size).encode("utf-8")


def _read_jsonl(stream: IO[bytes], *, where: str, stem: str, limit: int) -> Iterator[Item]:
    head = stream.peek(4)[:4] if isinstance(stream, io.BufferedReader) else b""
    lines: Any = stream
    for bom, encoding in _BOMS:
        if encoding != "utf-8" and head.startswith(bom):
            lines = _Utf8Lines(stream, encoding, bom)
            break
    found = False
    try:
        for number, line in iter_lines(lines, path=where, limit=limit):
            found = True
            if isinstance(line, InputError):
                yield line
            else:
                yield parse_line(line, path=where, line=number, default_id=f"{stem}-{number}")
    except UnicodeDecodeError as exc:
        yield InputError(where, f"cannot decode as {exc.encoding.upper()} (after {'line ' if found else ''}"
                                f"{number if found else 'the start'}): {exc.reason}")
        return
    if not found:
        yield InputError(where, "empty file")


def _special(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO", ...), or None for a regular file."""
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "a file of unknown type"


def _open_regular(path: Path) -> tuple[IO[bytes] | None, str | None]:
    """``path`` opened for reading, or the reason it is not a regular file.

    Opening a FIFO blocks until something writes to it, and a device such as
    /dev/zero never ends (a JSONL line from it never ends either): a folder with
    such an entry must not hang the build. ``O_NONBLOCK`` makes the open return at
    once; ``fstat`` on the open file (not the path) then decides, so the check
    cannot be raced by swapping the path. Regular files ignore ``O_NONBLOCK``.
    """
    try:
        special = _special(os.stat(path).st_mode)  # sockets cannot be opened at all: say what they are
    except OSError:
        special = None  # let open() report it
    if special:
        return None, special
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    special = _special(os.fstat(fd).st_mode)
    if special:
        os.close(fd)
        return None, special
    return os.fdopen(fd, "rb"), None


def _read_file(path: Path, *, where: str, id: str, limit: int) -> Iterator[Item]:
    kind = _kind(path)
    try:
        f, special = _open_regular(path)
        if f is None:
            # Pipes belong on stdin ("-"), which is read whatever it is.
            yield InputError(where, f"not a regular file but {special} (kg reads a pipe only as stdin: '-')")
            return
        with f:
            size = os.fstat(f.fileno()).st_size
            if kind == "jsonl":
                yield from _read_jsonl(f, where=where, stem=id, limit=limit)
                return
            if size > limit:
                yield _too_large(where, size, limit)
                return
            data = f.read(limit + 1)
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > limit:  # grew while we looked
        yield _too_large(where, len(data), limit)
        return
    assert kind is not None
    yield _read_document(data, kind, where=where, id=id)


#: A folder holding both of these is a kg build's output, never input: ``kg build .`` twice
#: must not read its own ``graph.html`` and ``extractions.jsonl`` back as articles.
OUTPUT_MARKERS = ("errors.jsonl", "extractions.jsonl")


def _is_output_folder(folder: Path) -> bool:
    return all((folder / name).is_file() for name in OUTPUT_MARKERS)


def _inodes(paths: Iterable[str | os.PathLike[str]]) -> set[tuple[int, int]]:
    out = set()
    for p in paths:
        with contextlib.suppress(OSError):
            st = os.stat(p)
            out.add((st.st_dev, st.st_ino))
    return out


def _walk(root: Path, skip: Iterable[str | os.PathLike[str]] = ()) -> Iterator[tuple[str, Path | InputError]]:
    """``(relative path, file)`` of every readable file under ``root``, sorted by relative path.

    Hidden entries (".git") are skipped, and so are the folders in ``skip`` (the
    build's own output folder) and every folder that holds a kg build's outputs
    (:data:`OUTPUT_MARKERS`). Symlinked folders are followed once: a folder
    already seen (by device and inode) is not entered again, so a symlink loop ends.
    """
    found: list[tuple[str, Path | InputError]] = []
    seen: set[tuple[int, int]] = _inodes(skip)
    stack: list[tuple[Path, PurePath]] = [(root, PurePath())]
    while stack:
        folder, rel = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            error = InputError(text_of_path(str(folder)), f"cannot read folder: {exc.strerror or exc}")
            found.append((rel.as_posix(), error))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            sub = rel / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:  # a symlink loop: reading it reports the error if it looks like an article
                is_dir = False
            if is_dir:
                if not _is_output_folder(Path(entry.path)):
                    stack.append((Path(entry.path), sub))
            elif _kind(sub):
                found.append((sub.as_posix(), Path(entry.path)))
    found.sort(key=lambda item: item[0])
    yield from found


def _guess_kind(text: str) -> str:
    """``jsonl`` if every non-blank line starts like a JSON object, ``html`` for a page, else ``text``."""
    lines = [s for line in text.split("\n") if (s := line.strip())]
    if lines and all(s.startswith("{") for s in lines):
        return "jsonl"
    head = text.lstrip()[:200].lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def _starts_like_jsonl(source: Any) -> bool:
    """Whether a binary stream's first bytes, looked at without reading them, open a JSON object."""
    peek = getattr(source, "peek", None)
    if peek is None:
        return False
    head = peek(1 << 16).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return head.startswith(b"{")


def _read_stdin(stream: Any, *, limit: int) -> Iterator[Item]:
    source = getattr(stream, "buffer", stream)
    if _starts_like_jsonl(source):
        # `zcat year.jsonl.gz | kg build -`: line by line, never the whole feed in memory. A later
        # line that is not JSON is reported with its number, as in a .jsonl file.
        yield from _read_jsonl(source, where=STDIN_NAME, stem="stdin", limit=limit)
        return
    # At most the limit and one byte: `yes | kg build -` must end in a message, not a MemoryError.
    data: bytes | str = source.read(limit + 1)
    if len(data) > limit:
        yield InputError(STDIN_NAME, f"input is larger than the limit of {limit} bytes (max_article_bytes)")
        return
    try:
        text = data if isinstance(data, str) else decode(data, what="input")
    except Undecodable as exc:
        yield InputError(STDIN_NAME, str(exc))
        return
    text = text.removeprefix("\ufeff")
    if not text.strip():
        yield InputError(STDIN_NAME, "empty input")
        return
    kind = _guess_kind(text)
    if kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(text.encode("utf-8")), where=STDIN_NAME, stem="stdin", limit=limit)
        return
    size = len(data) if isinstance(data, bytes) else len(text.encode("utf-8"))
    if size > limit:
        yield _too_large(STDIN_NAME, size, limit, what="input")
        return
    yield _read_document(text, kind, where=STDIN_NAME, id="stdin")


def text_of_path(name: str) -> str:
    r"""A file name as valid Unicode text: bytes that are not UTF-8 become ``\xNN``.

    A file system may hold any bytes in a name; Python keeps the invalid ones as
    lone surrogates, which no UTF-8 output (ids, IRIs, ``errors.jsonl``) can hold.

    >>> text_of_path(os.fsdecode(b"caf\xe9-\xff.txt"))
    'caf\\xe9-\\xff.txt'
    >>> text_of_path("berita/kabar.txt")
    'berita/kabar.txt'
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _read_one(raw: str | os.PathLike[str], *, limit: int, stdin: Any,
              skip: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Item]:
    name = os.fspath(raw)
    if name == "-":
        yield from _read_stdin(sys.stdin if stdin is None else stdin, limit=limit)
        return
    path = Path(name)
    if path.is_dir():
        for rel, item in _walk(path, skip):
            if isinstance(item, InputError):
                yield item
            else:
                ident = text_of_path(PurePath(rel).with_suffix("").as_posix())
                where = text_of_path(os.path.join(name, rel))
                yield from _read_file(item, where=where, id=ident, limit=limit)
        return
    if not path.exists() and not path.is_symlink():
        yield InputError(text_of_path(name), "no such file or directory")
        return
    if _kind(path) is None:
        allowed = ", ".join(sorted(EXTENSIONS))
        suffix = path.suffix or "(no extension)"
        yield InputError(text_of_path(name), f"unsupported file type {suffix!r} (allowed: {allowed})")
        return
    yield from _read_file(path, where=text_of_path(name), id=text_of_path(path.stem), limit=limit)


def read(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    max_article_bytes: int = 20_000_000,
    stdin: Any = None,
    skip: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Article | InputError]:
    """Read articles from files, folders and stdin, in order.

    Yields an :class:`~kg.model.Article` per article and an
    :class:`~kg.errors.InputError` (yielded, not raised) per input or JSONL
    line that cannot be read, so callers go on with the rest.

    Parameters
    ----------
    inputs
        Paths of ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl`` files,
        folders (read recursively, files sorted by relative path, other
        extensions and hidden entries skipped), or ``-`` for stdin (JSONL if
        every non-blank line starts with ``{``, HTML if it starts like a page,
        else text). A single path is read as one input.
    max_article_bytes
        Files larger than this are reported instead of read; for JSONL the
        limit applies to each line.
    stdin
        The stream ``-`` reads (text or binary); ``sys.stdin`` by default.
    skip
        Folders never read when walking a folder input (the build's output
        folder). Folders holding a kg build's outputs are skipped anyway.

    Article ids are the JSONL ``id`` field (else ``<name>-<line>``), the
    path relative to a folder input without extension ("id/selular-xiaomi-ford"),
    a single file's stem, or ``stdin``. A repeated id is made unique with
    ``-2``, ``-3``, ... and a JSONL date that cannot be read becomes None;
    both are logged as warnings on the ``kg.readers`` logger.

    >>> import io
    >>> lines = '{"id": "a", "text": "Ford."}\\n{"id": "a", "text": 5}\\n{"id": "a", "text": "Xiaomi."}\\n'
    >>> items = list(read(["-", "missing.txt"], stdin=io.StringIO(lines)))
    >>> [str(x) if isinstance(x, InputError) else x.id for x in items]
    ['a', "<stdin>:2: field 'text' must be a string, got number", 'a-2',
     'missing.txt: no such file or directory']
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]  # one path, not an iterable of characters
    if isinstance(max_article_bytes, bool) or not isinstance(max_article_bytes, int) or max_article_bytes < 1:
        raise UsageError(f"max_article_bytes must be a positive number of bytes, got {max_article_bytes!r}")
    return _read_all(list(inputs), limit=max_article_bytes, stdin=stdin, skip=tuple(skip))


def _read_all(inputs: list[str | os.PathLike[str]], *, limit: int, stdin: Any,
              skip: tuple[str | os.PathLike[str], ...] = ()) -> Iterator[Item]:
    ids = _Ids()
    for raw in inputs:
        for item in _read_one(raw, limit=limit, stdin=stdin, skip=skip):
            yield item if isinstance(item, InputError) else ids.claim(item)


def _count_lines(path: Path) -> int:
    """Lines of a JSONL file, counted in binary blocks (about 1 GB/s)."""
    count = 0
    last = b"\n"
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def count_articles(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> int | None:
    """About how many articles :func:`read` will yield (for a progress bar's ETA), or None for stdin.

    Counts files, and the lines of JSONL files (blank lines too, which are
    skipped when read: the count is an estimate).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_bytes(b'{"text": "x"}\\n{"text": "y"}')
    >>> _ = (d / "b.txt").write_text("Ford.")
    >>> count_articles([d]), count_articles(["-"])
    (3, None)
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    total = 0
    for raw in inputs:
        path = Path(os.fspath(raw))
        if os.fspath(raw) == "-":
            return None
        files = [p for _, p in _walk(path) if isinstance(p, Path)] if path.is_dir() else [path]
        for f in files:
            try:
                total += _count_lines(f) if _kind(f) == "jsonl" and f.is_file() else 1
            except OSError:
                total += 1
    return total
