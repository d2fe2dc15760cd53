from __future__ import annotations

import pytest

from kg.readers import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Selasa, 3 Februari 2026", "2026-02-03"),
        ("Tuesday, 3 February 2026", "2026-02-03"),
        ("03/02/2026", "2026-02-03"),  # day first, as in Indonesia
        ("3-2-2026", "2026-02-03"),
        ("02/13/2026", "2026-02-13"),  # only month-first is a date
        ("2026-02-03", "2026-02-03"),
        ("2026-02-03T23:30:00-05:00", "2026-02-03"),  # the date as written, not converted to UTC
        ("2026/02/03", "2026-02-03"),
        ("Jumat, 14 Agustus 2026 pukul 14.30 WIB", "2026-08-14"),
        ("Jum'at, 7 Nopember 2025", "2025-11-07"),
        ("Minggu, 03 Mei 2026 09:00 WIB", "2026-05-03"),
        ("February 3, 2026", "2026-02-03"),
        ("Tue, Feb. 3, 2026 at 10:15 a.m. EST", "2026-02-03"),
        ("3rd March 2026", "2026-03-03"),
        ("26-FEB-1987 15:18:06.67", "1987-02-26"),
        ("05-MAR-1987 09:01:02.00&#9;&#9;&#9;F M C", "1987-03-05"),
        ("2026-02-30", None),
        ("31/02/2026", None),
        ("3 Februari", None),
        ("Xiaomi Bantah Isu Kemitraan EV dengan Ford", None),
        ("", None),
        ("2 jam lalu", None),  # relative: would depend on the day kg runs
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Selasa, 3 Februari 2026", "2026-02-03"),
        ("Selasa, 03 Feb 2026 14:30 WIB", "2026-02-03"),
        ("3 February 2026, 10:15 GMT+7", "2026-02-03"),
        ("3 Februari 2026 Xiaomi membantah", None),
        ("26-FEB-1987 15:18:06.67&#9;F", None),
        ("Xiaomi, 3 Februari 2026", None),
    ],
)
def test_strict_needs_the_whole_line(value: str, expected: str | None) -> None:
    assert parse_date(value, strict=True) == expected
