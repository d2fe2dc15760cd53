"""JSON Lines: one article per line, each line checked on its own.

Lines are split on ``\\n`` only: texts may hold U+2028, which
``str.splitlines`` would also split on. A bad line becomes an
:class:`~kg.errors.InputError` naming the line and the field; the other lines
are still read.

>>> parse_line('{"text": "Ford menggandeng Xiaomi.", "published": "2026-02-03T09:00:00Z"}',
...            path="a.jsonl", line=3, default_id="a-3").published
'2026-02-03'
>>> print(parse_line('{"id": 7, "text": "x"}', path="a.jsonl", line=4, default_id="a-4"))
a.jsonl:4: field 'id' must be a string, got number
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import IO, Any

from kg.errors import InputError
from kg.model import Article
from kg.readers._data import known_language
from kg.readers._dates import parse_date
from kg.readers._decode import Undecodable, decode
from kg.readers._text import paragraph_regions

__all__ = ["OPTIONAL_FIELDS", "iter_lines", "parse_line"]

log = logging.getLogger("kg.readers")

#: Optional string fields of a JSONL article (``text`` is required).
OPTIONAL_FIELDS = ("id", "title", "url", "published", "source", "language")

_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    names: dict[type, str] = {dict: "object", list: "array", str: "string", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _published(obj: dict[str, Any], where: str) -> str | None:
    raw = obj.get("published")
    if not isinstance(raw, str) or not raw.strip():
        raw = obj.get("published_raw")  # e.g. Reuters-21578's "26-FEB-1987 15:18:06.67"
        if not isinstance(raw, str) or not raw.strip():
            return None
    date = parse_date(raw)
    if date is None:
        log.warning("%s: unrecognised date %r; published left empty", where, raw)
    return date


def parse_line(raw: str, *, path: str, line: int, default_id: str) -> Article | InputError:
    """One JSONL line as an article, or the error that says what is wrong with it."""

    def bad(reason: str) -> InputError:
        return InputError(path, reason, line=line)

    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        where = "column" if exc.msg.endswith(" at") else "at column"
        return bad(f"invalid JSON: {exc.msg} {where} {exc.colno}")
    except RecursionError:
        return bad("invalid JSON: nested too deeply")
    except ValueError as exc:
        # Python's own limits (an integer of more than 4,300 digits) raise plain ValueError:
        # still this line's problem, never the build's.
        return bad(f"invalid JSON: {str(exc).split(';')[0]}")
    if not isinstance(obj, dict):
        return bad(f"expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj or obj["text"] is None:
        return bad("missing required field 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        return bad(f"field 'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        return bad("field 'text' is empty")
    values: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return bad(f"field {name!r} must be a string, got {_json_type(value)}")
        values[name] = value.strip() or None if value else None
    for name, value in (("text", text), *values.items()):
        # JSON may escape half a surrogate pair ("\\ud800"): such a string is not Unicode text,
        # and every UTF-8 output would fail on it much later (a build used to report it as
        # "extraction failed: UnicodeEncodeError").
        if value and (m := _SURROGATE.search(value)):
            return bad(f"field {name!r} holds a lone surrogate \\u{ord(m.group()):04x} at character {m.start()}"
                       " (not valid Unicode)")
    where = f"{path}:{line}"
    regions = paragraph_regions(text)
    if not regions:
        return bad("field 'text' holds no article text (only boilerplate lines)")
    language = known_language(values["language"], where)
    return Article(
        id=values["id"] or default_id,
        text=text,
        title=values["title"],
        source=values["source"],
        url=values["url"],
        published=_published(obj, where),
        language=language,
        origin=where,
        regions=regions,
    )


def _skip_rest(stream: IO[bytes]) -> None:
    while chunk := stream.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def iter_lines(stream: IO[bytes], *, path: str, limit: int) -> Iterator[tuple[int, str | InputError]]:
    """``(line number, text)`` of each non-blank line, or an error for a line that cannot be text.

    Lines longer than ``limit`` bytes are skipped without being held in memory.
    """
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_rest(stream)
            reason = f"line is larger than the limit of {limit} bytes (max_article_bytes)"
            yield number, InputError(path, reason, line=number)
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        raw = raw.rstrip(b"\r\n")
        if b"\x00" in raw:
            yield number, InputError(path, "binary line", line=number)
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield number, decode(raw, what="line")
            except Undecodable as exc:
                yield number, InputError(path, str(exc), line=number)
