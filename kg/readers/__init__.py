"""Readers: files, folders and stdin in; :class:`~kg.model.Article` records out.

Formats: ``.txt``/``.md`` (title, date and source read from the first lines),
``.html``/``.htm`` (main text by trafilatura) and ``.jsonl`` (one article per
line). An input that cannot be read is yielded as an
:class:`~kg.errors.InputError`, so the other inputs are still read.

``Article.text`` is what evidence offsets point into: for text files the
file as decoded (only ``\\r\\n`` becomes ``\\n``), for JSONL the ``text`` field,
for HTML the extracted main text. ``Article.regions`` are the spans to
extract from: the title and body paragraphs, without metadata lines and
boilerplate ("Baca Juga: ...", "Advertisement"), whose cues are language data
in ``ontology/lang/<code>/boilerplate.txt``.

>>> a = read_text("Selasa, 3 Februari 2026\\n\\nFord Gandeng Xiaomi\\n\\nFord menggandeng Xiaomi.", id="x")
>>> a.published, a.title, [a.text[s:e] for s, e in a.regions]
('2026-02-03', 'Ford Gandeng Xiaomi', ['Ford Gandeng Xiaomi', 'Ford menggandeng Xiaomi.'])
"""

from __future__ import annotations

from kg.readers._dates import parse_date
from kg.readers._html import read_html
from kg.readers._read import EXTENSIONS, count_articles, read
from kg.readers._text import read_text

__all__ = ["EXTENSIONS", "count_articles", "parse_date", "read", "read_html", "read_text"]
