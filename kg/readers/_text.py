"""Plain-text and Markdown articles: header lines, title, and the regions to extract from.

The text is kept as written (only ``\\r\\n`` becomes ``\\n``) so that evidence
offsets point into the file; what is not article text is left out of
``regions`` instead of being cut out of ``text``.

>>> doc = ("Tuesday, 3 February 2026\\nSelular.ID -\\n\\nXiaomi Bantah Isu Kemitraan\\n\\n"
...        "BACA JUGA\\n\\nXiaomi membantah.")
>>> a = read_text(doc, id="demo")
>>> a.title, a.published, a.source
('Xiaomi Bantah Isu Kemitraan', '2026-02-03', 'Selular.ID')
>>> [a.text[s:e] for s, e in a.regions]
['Xiaomi Bantah Isu Kemitraan', 'Xiaomi membantah.']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.model import Article
from kg.readers._data import header_keys, is_boilerplate, known_language
from kg.readers._dates import parse_date

__all__ = ["line_spans", "looks_like_headline", "paragraph_regions", "read_text"]

Region = tuple[int, int]

_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# Numbered items are not recognised: wrapped wire copy has lines like "16. It said ..." (end of a date).
_BULLET = re.compile(r"[-*+•][ \t]+(?=\S)")
# Markdown that is not prose: rules, a lone image, an HTML comment.
_MARKUP = re.compile(r"(?:[-*_][ \t]*){3,}$|!\[[^\]]*\]\([^)]*\)$|<!--.*-->$")
_KEY_VALUE = re.compile(r"([A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]*(.*)$")
# "Selular.ID -" alone, or "Kompas.com - 03/02/2026, 10:15 WIB".
_SOURCE = re.compile(r"(\S.{0,40}?)[ \t]*[-–—|]$")
_SOURCE_DATE = re.compile(r"(\S.{0,40}?)[ \t]+[-–—|][ \t]+(.+)$")
# A line ending in one of these may end a sentence or a clause, so it does not end a headline-like line.
_CLOSING = tuple(".!?…:;,\"”’')]»")
_MAX_HEADER_LINES = 8  # non-blank lines looked at before the title
_MAX_AFTER_TITLE = 3  # and after it (date and source lines under a headline)


def line_spans(text: str) -> list[Region]:
    """``(start, end)`` of each line of ``text``, without its ``\\n``.

    >>> line_spans("a\\n\\nbc")
    [(0, 1), (2, 2), (3, 5)]
    """
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> Region:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def looks_like_headline(line: str) -> bool:
    """Short, starts with a capital or digit, has letters and no final period or comma.

    >>> looks_like_headline("Xiaomi Bantah Isu Kemitraan EV dengan Ford")
    True
    >>> looks_like_headline("Xiaomi secara resmi membantah rumor itu.")
    False
    """
    s = line.strip()
    return (
        0 < len(s) <= 200
        and len(s.split()) <= 30
        and not s[0].islower()
        and any(c.isalpha() for c in s)
        and not s.endswith((".", ",", ";", ":"))
    )


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def _key_value(line: str) -> tuple[str, str] | None:
    """``(field, value)`` of a header line like ``Judul: ...``, when its key is known."""
    m = _KEY_VALUE.match(line)
    if m is None:
        return None
    key = re.sub(r"[ \t-]+", "_", m.group(1).strip().lower())
    fld = header_keys().get(key)
    return None if fld is None else (fld, _unquote(m.group(2)))


def _source_line(line: str) -> tuple[str, str | None] | None:
    """``(source, date or None)`` of a line naming the publication."""
    m = _SOURCE.fullmatch(line)
    if m and len(m.group(1).split()) <= 5:
        return m.group(1), None
    m = _SOURCE_DATE.fullmatch(line)
    if m and len(m.group(1).split()) <= 5 and (date := parse_date(m.group(2), strict=True)):
        return m.group(1), date
    return None


@dataclass
class _Header:
    meta: dict[str, str | None] = field(default_factory=dict)
    skip: set[int] = field(default_factory=set)  # metadata lines, left out of the regions
    title_line: int | None = None
    title: str | None = None

    def set(self, fld: str, value: str | None) -> None:
        if value is not None:
            value = value.strip() or None  # the patterns trim spaces and tabs, not "\x0b" and the like (fuzzing)
        if fld == "published" and value is not None:
            value = parse_date(value)
        if value and self.meta.get(fld) is None:
            self.meta[fld] = value


def _front_matter(lines: list[str], header: _Header) -> int:
    """Read ``---``-fenced front matter; the index of the first line after it (0 if none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for j in range(1, min(len(lines), 200)):
        if lines[j].strip() in ("---", "..."):
            for raw in lines[1:j]:
                if raw[:1].isspace():
                    continue  # nested YAML: not one of ours
                kv = _key_value(raw.strip())
                if kv:
                    header.set(*kv)
            header.skip.update(range(j + 1))
            return j + 1
    return 0


def _is_metadata(line: str) -> bool:
    return bool(
        _key_value(line) or is_boilerplate(line) or parse_date(line, strict=True) or _source_line(line)
    )


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or (ch != "" and ch in "\"'“‘(«")


def _title_case(line: str) -> bool:
    """Most words capitalised, as in "Telkomsel Jajaki Kerja Sama Satelit" (not a wrapped sentence).

    >>> _title_case("Telkomsel Jajaki Kerja Sama Satelit dengan Starlink")
    True
    >>> _title_case("Harbor Foods Inc said it agreed to acquire privately held")
    False
    """
    words = [w for w in line.split() if w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _hard_wrapped(lines: list[str], start: int) -> bool:
    """Whether the run of lines from ``start`` looks hard-wrapped: several lines, all short but the last."""
    run = list(itertools.takewhile(str.strip, lines[start : start + 6]))
    return len(run) >= 2 and all(len(line.strip()) <= 80 for line in run[:-1])


def _wraps(line: str, lines: list[str], idx: int) -> bool:
    """Whether ``line`` runs on into the next line (hard-wrapped text) rather than standing alone.

    A headline stands alone: a blank or metadata line follows it, or a line
    that starts a sentence and is at least twice as long (the first paragraph,
    unwrapped); a title-case line counts too unless the text is hard-wrapped.
    """
    nxt = lines[idx + 1].strip() if idx + 1 < len(lines) else ""
    if not nxt or _is_metadata(nxt) or line.endswith(("!", "?", "…")):
        return False
    if not _starts_sentence(nxt[0]):
        return True
    if len(line) * 2 <= len(nxt):
        return False
    return not (_title_case(line) and not _hard_wrapped(lines, idx + 1))


def _parse_header(lines: list[str]) -> _Header:
    header = _Header()
    i = _front_matter(lines, header)
    seen = 0
    for idx in range(i, len(lines)):
        s = lines[idx].strip()
        if not s:
            continue
        seen += 1
        if seen > (_MAX_HEADER_LINES if header.title_line is None else _MAX_AFTER_TITLE):
            break
        if kv := _key_value(s):
            header.set(*kv)
        elif is_boilerplate(s):
            continue  # left out of the regions anyway
        elif date := parse_date(s, strict=True):
            header.set("published", date)
        elif src := _source_line(s):
            header.set("source", src[0])
            header.set("published", src[1])
        elif header.title_line is not None:
            break
        elif m := _HEADING.match(s):
            header.title_line, header.title = idx, m.group(1).strip() or None
            seen = 0
            continue
        elif s == header.meta.get("title") or (
            header.meta.get("title") is None and looks_like_headline(s) and not _wraps(s, lines, idx)
        ):
            header.title_line, header.title = idx, s
            seen = 0
            continue
        else:
            break
        header.skip.add(idx)
    if header.meta.get("title"):
        header.title = header.meta["title"]
    return header


def _split_block(text: str, block: list[tuple[int, int, int]]) -> list[Region]:
    """Cut a run of non-blank lines into paragraphs.

    A line indented deeper than the one before starts a paragraph (wire
    copy); so does the line after a short line without closing punctuation
    (a headline or subheading directly above the body).
    """
    longest = max(e - s for s, e, _ in block)
    out: list[Region] = []
    begin = block[0][0]
    for (ps, pe, pind), (s, _e, ind) in itertools.pairwise(block):
        short_open = not text[ps:pe].endswith(_CLOSING) and (pe - ps) * 2 <= longest
        if ind > pind or (short_open and _starts_sentence(text[s])):
            out.append((begin, pe))
            begin = s
    out.append((begin, block[-1][1]))
    return out


def paragraph_regions(
    text: str,
    spans: list[Region] | None = None,
    *,
    skip: Collection[int] = (),
    single: Collection[int] = (),
    each_line: bool = False,
) -> tuple[Region, ...]:
    """The paragraphs of ``text`` as ``(start, end)`` spans, without boilerplate.

    Parameters
    ----------
    spans
        The lines of ``text`` (:func:`line_spans`), if already computed.
    skip
        Indexes of lines to leave out (metadata).
    single
        Indexes of lines that are a paragraph on their own (the title).
    each_line
        Every line is a paragraph (trafilatura's output).

    >>> t = ("Ford Gandeng Xiaomi\\nJakarta - Ford Motor Company menggandeng Xiaomi untuk\\n"
    ...      "kendaraan listrik.\\nBaca Juga: Lain")
    >>> [t[s:e] for s, e in paragraph_regions(t)]
    ['Ford Gandeng Xiaomi', 'Jakarta - Ford Motor Company menggandeng Xiaomi untuk\\nkendaraan listrik.']
    """
    spans = line_spans(text) if spans is None else spans
    regions: list[Region] = []
    block: list[tuple[int, int, int]] = []

    def flush() -> None:
        if block:
            regions.extend(_split_block(text, block))
            block.clear()

    for idx, (ls, le) in enumerate(spans):
        s, e = _trim(text, ls, le)
        if idx in skip or s == e:
            flush()
            continue
        line = text[s:e]
        if is_boilerplate(line) or _MARKUP.match(line):
            flush()
            continue
        heading, bullet = _HEADING.match(line), _BULLET.match(line)
        if heading or bullet:
            flush()
            s = s + heading.start(1) if heading else s + bullet.end()  # type: ignore[union-attr]
            s, e = _trim(text, s, s + len(heading.group(1)) if heading else e)
            if s < e:
                regions.append((s, e))
        elif each_line or idx in single:
            flush()
            regions.append((s, e))
        else:
            block.append((s, e, s - ls))
    flush()
    return tuple(regions)


def read_text(text: str, *, id: str, origin: str | None = None) -> Article:
    """An article from a plain-text or Markdown document.

    Title, date and source are read from the first lines when present: YAML
    front matter (``---`` fenced) or ``Key: value`` lines, a date line, a
    source line ("Selular.ID -"), a ``# heading`` or a headline-like line.
    Raises :class:`~kg.errors.InputError` when nothing is left to extract from.

    >>> doc = "---\\ntitle: Ford dan Xiaomi\\ndate: 2026-02-03\\n---\\n\\nFord menggandeng Xiaomi."
    >>> a = read_text(doc, id="x")
    >>> a.title, a.published, [a.text[s:e] for s, e in a.regions]
    ('Ford dan Xiaomi', '2026-02-03', ['Ford menggandeng Xiaomi.'])
    >>> read_text("Reuters\\nMarch 3, 1987\\n", id="y")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: y: no article text (only metadata and boilerplate lines)
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    where = origin or id
    if not text.strip():
        raise InputError(where, "empty text")
    spans = line_spans(text)
    lines = [text[s:e] for s, e in spans]
    header = _parse_header(lines)
    single = () if header.title_line is None else (header.title_line,)
    regions = paragraph_regions(text, spans, skip=header.skip, single=single)
    if not regions:
        raise InputError(where, "no article text (only metadata and boilerplate lines)")
    meta = header.meta
    language = known_language(meta.get("language"), where)
    return Article(
        id=id,
        text=text,
        title=header.title,
        source=meta.get("source"),
        url=meta.get("url"),
        published=meta.get("published"),
        language=language,
        origin=origin,
        regions=regions,
    )
