"""HTML pages: main text, title, date and site name by trafilatura.

>>> page = ("<html><head><title>Ford dan Xiaomi</title></head><body><article>"
...         "<p>Xiaomi membantah kabar kemitraan dengan Ford Motor Company pada hari Selasa.</p>"
...         "<p>Baca Juga: Volkswagen</p></article></body></html>")
>>> a = read_html(page, id="demo")
>>> a.title, [a.text[s:e] for s, e in a.regions]
('Ford dan Xiaomi', ['Xiaomi membantah kabar kemitraan dengan Ford Motor Company pada hari Selasa.'])
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from kg.errors import InputError
from kg.model import Article
from kg.readers._dates import parse_date
from kg.readers._text import paragraph_regions

__all__ = ["read_html"]


# trafilatura and its helpers log what they could not use ("discarding data: None", "empty HTML
# tree") without naming the page; kg reports the page itself ("no main text found"), by name.
_PARSER_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


@contextlib.contextmanager
def _quiet_parsers() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _PARSER_LOGGERS]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def read_html(
    html: str | bytes,
    *,
    id: str,
    origin: str | None = None,
    url: str | None = None,
) -> Article:
    """An article from an HTML page; ``text`` is the extracted main text.

    Comments, tables, images and links are left out; each line of the
    extracted text is a paragraph, and boilerplate lines are left out of the
    regions. ``url`` is the page's address if known (the page's canonical
    link is used otherwise). Raises :class:`~kg.errors.InputError` when the
    page has no main text.
    """
    import trafilatura

    where = origin or id
    try:
        with _quiet_parsers():
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
            )
    except Exception as exc:
        # Found by fuzzing: on "<!><svg><s></s><a>" htmldate (trafilatura's date finder) calls
        # lxml's drop_tree on the root and fails an assertion. One broken page must not stop a build.
        message = " ".join(str(exc).split())  # the reason stays one line
        detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        raise InputError(where, f"cannot parse the HTML page ({detail})") from exc
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise InputError(where, "no main text found in the HTML page")
    regions = paragraph_regions(text, each_line=True)
    if not regions:
        raise InputError(where, "no article text in the HTML page (only boilerplate lines)")

    def meta(name: str) -> str | None:
        value = getattr(doc, name, None)
        return value.strip() or None if isinstance(value, str) else None

    date = meta("date")
    return Article(
        id=id,
        text=text,
        title=meta("title"),
        source=meta("sitename"),
        url=meta("url") or url,
        published=parse_date(date) if date else None,
        origin=origin,
        regions=regions,
    )
