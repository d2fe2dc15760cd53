"""Calendar dates in news headers and metadata, normalised to ``YYYY-MM-DD``.

Month and weekday names come from ``ontology/lang/<code>/dates.txt``. Numeric
dates are read day first (Indonesian and British usage) unless only the
other order is a valid date. Times and time zones are accepted and dropped:
the date is the one written, not converted to UTC. Relative dates ("2 jam
lalu") are not read: they would depend on the day kg runs.

>>> parse_date("Selasa, 3 Februari 2026")
'2026-02-03'
>>> parse_date("Tuesday, 3 February 2026", strict=True)
'2026-02-03'
>>> parse_date("03/02/2026"), parse_date("02/13/2026")
('2026-02-03', '2026-02-13')
>>> parse_date("26-FEB-1987 15:18:06.67&#9;&#9;&#9;F")
'1987-02-26'
>>> parse_date("26-FEB-1987 15:18:06.67&#9;F", strict=True) is None
True
>>> parse_date("2026-02-30") is None
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from kg.readers._data import month_names, time_words, weekday_names

__all__ = ["parse_date"]


def _alternation(words: frozenset[str] | set[str]) -> str:
    # Longest first, so "februari" wins over "feb".
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    mon = _alternation(set(month_names()))
    wd = _alternation(weekday_names())
    tw = _alternation(time_words()) or "(?!x)x"
    prefix = rf"(?:(?:{wd})\.?\s*,?\s*)?"
    zone = r"(?:\s*(?:z|[+-]\d{2}(?::?\d{2})?|\(?[a-z]{2,5}\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?))?"
    clock = (
        rf"(?:\s*,?\s*(?:(?:{tw})\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}}(?:[.,]\d+)?)?"
        rf"(?:\s*[ap]\.?m\.?)?{zone})?"
    )
    iso = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:t\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?" + zone + ")?"
    shapes = {
        "iso": iso,
        "ymd": r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",
        "num": r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})",
        "dmy": rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s.-]+(?P<mon>{mon})\.?,?[\s.-]+(?P<y>\d{{4}})",
        "mdy": rf"(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    }
    return tuple(
        (name, re.compile(rf"\s*{prefix}{body}{clock}", re.IGNORECASE)) for name, body in shapes.items()
    )


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: str, *, strict: bool = False) -> str | None:
    """The ``YYYY-MM-DD`` date that ``value`` starts with, or None.

    Parameters
    ----------
    value
        A date as written: ISO 8601 (date or date-time), ``D/M/YYYY``,
        ``[weekday,] D Month YYYY [time]``, ``Month D, YYYY [time]``,
        Reuters' ``DD-MON-YYYY HH:MM:SS.ss``.
    strict
        Require the whole of ``value`` to be the date (used to recognise a
        header line); otherwise anything after a leading date is ignored.

    >>> parse_date("2025-01-01T10:00:00+07:00"), parse_date("February 3, 2026 at 10:15 a.m. EST")
    ('2025-01-01', '2026-02-03')
    >>> parse_date("Selasa, 03 Feb 2026 14:30 WIB", strict=True), parse_date("Xiaomi 3 Februari")
    ('2026-02-03', None)
    """
    low = value.strip().lower()
    if not low or not low[0].isalnum():
        return None
    for name, pattern in _patterns():
        m = pattern.match(low)
        if m is None or (strict and low[m.end() :].strip(" ,")):
            continue
        g = m.groupdict()
        y = int(g["y"])
        if name == "num":
            a, b = int(g["a"]), int(g["b"])
            return _valid(y, b, a) or _valid(y, a, b)
        month = month_names()[g["mon"]] if g.get("mon") else int(g["m"])
        return _valid(y, month, int(g["d"]))
    return None
