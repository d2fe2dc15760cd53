"""The bare sector word "Bank" in Indonesian headlines (kg.extract.baresector): the banking business as a class,
not one bank nor part of a bank's name.

Every headline here was written for these tests (fictional banks).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _sectors(text: str, engine: str = "hybrid") -> set[str]:
    x = extract(Article(id="t", text=text, language="id"), engine=engine)
    return {text[m.start : m.end] for e in x.entities if e.type == "Sector" for m in e.mentions}


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
def test_class_in_a_headline(engine):
    sectors = _sectors("Saham Bank Jumbo Kompak Menguat Jelang Akhir Pekan", engine)
    assert sectors and all(s.lower() in ("bank", "perbankan") for s in sectors)


@pytest.mark.parametrize(
    "text",
    [
        "Polisi Bongkar 900 Rekening Bank Penampung Dana Judi",  # one account's bank
        "Likuiditas Ketat, Bank Ini Terancam Tutup Bulan Depan",  # one unnamed bank
        "Likuiditas Ketat, Bank Asing Ini Pangkas Karyawan",
        "Rampok Uang Bank di Medan, Dua Pelaku Ditangkap",
    ],
)
def test_one_bank_is_no_sector(text):
    assert _sectors(text, "rules") == set()


def test_not_in_running_text():
    # lowercase news text: the gold never tags the bare word there (0 of 32 train units)
    assert _sectors("nasabah datang ke bank untuk menarik dana mereka .", "rules") == set()


def test_vocabulary_phrase_stays_whole():
    sectors = _sectors("Saham Bank Digital Makin Diminati Investor", "rules")
    assert any("digital" in s.lower() for s in sectors)
