"""The readers' language data: boilerplate cues, month and weekday names, header keys.

Read from every ``ontology/lang/<code>/`` folder and merged, because a reader
does not know an article's language yet. Each loader is cached, so the files
are read once per process and only when first needed.

>>> is_boilerplate("Baca Juga:\\u00a0Mobil Listrik Volkswagen Terbaru")
True
>>> is_boilerplate("Xiaomi secara resmi membantah rumor itu.")
False
>>> month_names()["februari"], month_names()["feb"], month_names()["may"]
(2, 2, 5)
>>> header_keys()["judul"], header_keys()["date"]
('title', 'published')
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from kg.errors import DataError
from kg.resources import language_dir, languages, read_lines

__all__ = [
    "HEADER_FIELDS",
    "MAX_BOILERPLATE_CHARS",
    "boilerplate_pattern",
    "header_keys",
    "is_boilerplate",
    "known_language",
    "month_names",
    "normalise_line",
    "time_words",
    "weekday_names",
]

log = logging.getLogger("kg.readers")

#: Article fields a "Key: value" header line or front matter may fill.
HEADER_FIELDS = ("title", "published", "source", "url", "language")

_SPACES = re.compile(r"\s+")


def _files(name: str) -> list[Path]:
    """``name`` in every language folder that has it, in language-code order."""
    return [p for code in languages() if (p := language_dir(code) / name).is_file()]


# Markdown bold/italic markers, removed before matching boilerplate cues.
_MD_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}|[*_]{1,3}(?![\w*_])")


def normalise_line(line: str) -> str:
    """A line as boilerplate cues see it: stripped, each run of spaces (no-break too) one space,
    and Markdown emphasis or quoting around it removed ("**Baca Juga:** [link](url)").

    >>> normalise_line("  Baca Juga:\\u00a0 Mobil  ")
    'Baca Juga: Mobil'
    >>> normalise_line("> **Baca Juga:** [Mobil](https://example.org)")
    'Baca Juga: [Mobil](https://example.org)'
    """
    return _MD_EMPHASIS.sub("", _SPACES.sub(" ", line).strip().lstrip("> ")).strip()


@functools.cache
def boilerplate_pattern() -> re.Pattern[str]:
    """One case-insensitive pattern: the union of every ``boilerplate.txt`` entry."""
    parts = []
    for path in _files("boilerplate.txt"):
        for entry in read_lines(path):
            try:
                re.compile(entry)
            except re.error as exc:
                raise DataError(f"{path}: bad regular expression {entry!r}: {exc}") from exc
            parts.append(f"(?:{entry})")
    if not parts:
        return re.compile(r"(?!x)x")  # no cues anywhere: match nothing
    return re.compile("|".join(parts), re.IGNORECASE)


#: Lines longer than this are never boilerplate.
MAX_BOILERPLATE_CHARS = 2000


def is_boilerplate(line: str) -> bool:
    """Whether a line is page furniture rather than article text ("Baca Juga: ...", "Advertisement").

    A line that starts with a lowercase letter usually continues a sentence
    (hard-wrapped wire copy), so it counts only if a cue matches all of it
    and it has at most two words (the wire sign-off "reuter").

    >>> is_boilerplate("Subscribe to our newsletter"), is_boilerplate("subscribe to the offer, it said.")
    (True, False)
    """
    if len(line) > MAX_BOILERPLATE_CHARS:
        # Page furniture is short. Normalising a huge line (a 200 MB one-line file read with a raised
        # max_article_bytes) copied it several times through two regex substitutions: minutes and GBs.
        return False
    norm = normalise_line(line)
    if not norm:
        return False
    if norm[0].islower():
        return len(norm.split()) <= 2 and boilerplate_pattern().fullmatch(norm) is not None
    return boilerplate_pattern().match(norm) is not None


def _date_entries() -> list[tuple[Path, list[str]]]:
    return [(p, line.lower().split()) for p in _files("dates.txt") for line in read_lines(p)]


@functools.cache
def month_names() -> dict[str, int]:
    """Lowercased month names and abbreviations of every language -> month number."""
    out: dict[str, int] = {}
    for path, parts in _date_entries():
        if parts[0] != "month":
            continue
        if len(parts) < 3 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
            entry = " ".join(parts)
            raise DataError(f"{path}: bad month entry {entry!r} (expected 'month <1-12> <names...>')")
        for name in parts[2:]:
            if out.setdefault(name, int(parts[1])) != int(parts[1]):
                raise DataError(f"{path}: month name {name!r} means month {out[name]} in another language")
    return out


def _words(kind: str) -> frozenset[str]:
    out: set[str] = set()
    for path, parts in _date_entries():
        if parts[0] not in ("month", "weekday", "time"):
            raise DataError(f"{path}: unknown entry kind {parts[0]!r} (allowed: month, time, weekday)")
        if parts[0] == kind:
            out.update(parts[1:])
    return frozenset(out)


@functools.cache
def weekday_names() -> frozenset[str]:
    """Lowercased weekday names and abbreviations of every language."""
    return _words("weekday")


@functools.cache
def time_words() -> frozenset[str]:
    """Words that may stand before a time of day ("pukul 14.30", "at 10:15")."""
    return _words("time")


@functools.cache
def header_keys() -> dict[str, str]:
    """Lowercased header keys of every language -> the Article field they fill."""
    out: dict[str, str] = {}
    for path in _files("header_keys.txt"):
        for line in read_lines(path):
            field, *keys = line.lower().split()
            if field not in HEADER_FIELDS or not keys:
                raise DataError(
                    f"{path}: bad entry {line!r} (expected '<field> <keys...>' with field one of "
                    f"{', '.join(HEADER_FIELDS)})"
                )
            for key in keys:
                if out.setdefault(key, field) != field:
                    raise DataError(f"{path}: header key {key!r} fills {out[key]!r} in another language")
    return out


def known_language(value: str | None, where: str) -> str | None:
    """A declared language code if kg has a lexicon for it; otherwise None (detected later), with a warning.

    >>> known_language("ID", "a.jsonl:1"), known_language(None, "a.jsonl:2")
    ('id', None)
    """
    if not value:
        return None
    code = value.strip().lower()
    if code in languages():
        return code
    log.warning("%s: language %s is not one of kg's (%s); detected from the text instead",
                where, ascii(value), ", ".join(languages()))
    return None
