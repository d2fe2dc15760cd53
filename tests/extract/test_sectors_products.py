"""Sector words standing alone, and products read from the words around them.

Every sentence here was written for these tests (fictional companies and products).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.readings import relations_of


def _typed(text: str, language: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language=language))
    return {(e.label, e.type) for e in x.entities}


def _sectors(text: str, language: str = "id") -> set[str]:
    return {label for label, etype in _typed(text, language) if etype == "Sector"}


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Asuransi Tak Bisa Tolak Klaim Sepihak, Regulator Buka Suara", "Insurance"),
        ("Pasar Kripto Ambruk, Investor Ritel Waswas", "Cryptocurrency"),
        ("Likuiditas Perbankan Diyakini Membaik Tahun Depan", "Banking"),
        ("Pengawasan dana pensiun akan diperketat mulai tahun depan.", "Pension funds"),
        ("Penjualan naik tajam, kata pengamat industri ponsel di Jakarta.", "Smartphones"),
    ],
)
def test_an_indonesian_sector_word_is_an_entity_without_a_company(text, sector):
    assert sector in _sectors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Harga Nikel Terjun Lagi Pekan Ini",  # a commodity's price
        "Kapitalisasi Pasar Saham Tembus Rp 12.000 Triliun",  # the stock market is no industry
        "Sari Wulandari merilis ponsel barunya pekan lalu.",  # a phone, not the phone industry
        "Tarif listrik rumah tangga naik mulai Juli.",  # electricity as a good
        "Direktur jenderal ketenagalistrikan hadir di acara itu.",  # part of an office's name
    ],
)
def test_goods_prices_and_offices_are_no_sector(text):
    assert not _sectors(text)


@pytest.mark.parametrize(
    "text",
    [
        "41 Asuransi Ajukan Pemisahan Unit Usaha, Regulator Buka Suara",
        "Regulator Buka Suara Soal Kabar Dua Bank Digital Mau IPO",
        "43 Asuransi & Reasuransi Belum Penuhi Modal Minimum",
        "hakim menjatuhkan hukuman kepada lima operator seluler karena kartel tarif .",
    ],
)
def test_a_counted_set_of_firms_is_no_sector(text):
    # a number or a word of quantity before a sector word counts firms (docs/annotations.md)
    assert not _sectors(text)


def test_an_uncounted_sector_word_in_the_same_headline_stays():
    assert "Insurance" in _sectors("Saham Asuransi Melonjak, Regulator Buka Suara")


def test_english_sector_words_in_passing_stay_out():
    # English gold tags a sector only as a company's line of business (docs/annotations.md)
    assert not _sectors("Insurance stocks fell on Monday as bond yields rose.", "en")


def test_a_sector_linked_to_a_company_is_kept_in_english():
    rels = relations_of("Lumeo Corp, a maker of circuit boards, had higher sales in 2025.", status=False)
    assert ("operates_in", "Lumeo Corp", "circuit boards") in rels


@pytest.mark.parametrize(
    ("text", "company", "product"),
    [
        ("Sistem operasi Kelana OS besutan Nusapintar diprediksi laris tahun ini.", "Nusapintar", "Kelana OS"),
        ("Mobil Rajawali buatan PT Baja Nusantara dipamerkan di Jakarta.", "PT Baja Nusantara", "Rajawali"),
    ],
)
def test_a_product_before_its_maker(text, company, product):
    assert ("launch", company, product) in relations_of(text, "id", status=False)


def test_a_name_after_a_kind_of_product_is_a_product():
    typed = _typed("Pengguna ponsel Lintang X7 terus bertambah di Surabaya.", "id")
    assert ("Lintang X7", "Product") in typed


@pytest.mark.parametrize(
    "text",
    [
        "Badan Statistik Rilis Data Inflasi, Rupiah Menguat",
        "Nusapintar Rilis Laporan Keuangan 2025, Laba Naik",
    ],
)
def test_released_figures_are_no_product(text):
    assert not {label for label, etype in _typed(text, "id") if etype == "Product"}


@pytest.mark.parametrize(
    ("text", "company", "product"),
    [
        ("Bank Nusapintar Luncurkan Cicil Emas Digital pada Semester II", "Bank Nusapintar", "Cicil Emas Digital"),
        ("Tingkatkan Transaksi, Bank Nusapintar Resmi Luncurkan Fitur Tabungan Kilat", "Bank Nusapintar",
         "Fitur Tabungan Kilat"),
    ],
)
def test_a_headline_product_is_the_run_after_the_launch_verb(text, company, product):
    assert ("launch", company, product) in relations_of(text, "id", status=False)


@pytest.mark.parametrize(
    "text",
    [
        "Jelang Rilis Pertumbuhan Ekonomi, Bursa Dibuka Lesu",  # a release with no one releasing it
        "Aplikasi Nusapintar Diluncurkan Besok, Ini Fiturnya",  # the launched thing stands before the verb
    ],
)
def test_no_headline_product_without_a_launcher(text):
    assert not {label for label, etype in _typed(text, "id") if etype == "Product" and label != "Aplikasi Nusapintar"}


@pytest.mark.parametrize(
    "text",
    [
        "Resmi Diluncurkan Sutrisno Hadi, Ini Filosofi Logo Aplikasi Kilat",  # the verb's passive: who launched
        "Dompet Digital Kilat Diluncurkan Bank Nusapintar Pekan Depan",
    ],
)
def test_who_launched_after_a_passive_launch_verb_is_no_product(text):
    products = {label for label, etype in _typed(text, "id") if etype == "Product"}
    assert not products & {"Sutrisno Hadi", "Bank Nusapintar"}


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Bank Nusapintar Luncurkan Sukuk Kilat Rp 5 Triliun untuk Nasabah Ritel", "Sukuk Kilat"),
        ("Bank Nusapintar Luncurkan Tabungan Kilat Januari 2026", "Tabungan Kilat"),
    ],
)
def test_an_amount_or_a_date_after_a_launched_product_is_no_part_of_it(text, product):
    products = {label for label, etype in _typed(text, "id") if etype == "Product"}
    assert products == {product}


def test_a_sector_word_between_emiten_and_a_new_name_is_the_sector():
    # "Emiten [sector] X (TICKER)" (docs/annotations.md): the sector word is no part of the company's name
    rels = relations_of("Emiten Farmasi Nusapintar (NUSA) Bagi Dividen Rp 50 per Saham", "id", status=False)
    assert ("operates_in", "Nusapintar", "Pharmaceuticals") in rels


def test_a_sector_named_once_in_passing_in_a_long_article_is_background():
    text = (
        "Nusapintar Bantah Isu Kemitraan dengan Baja Raya\n\n"
        "Nusapintar membantah kabar kerja sama dengan Baja Raya. "
        "Perusahaan itu menyebut rencananya masih dibahas di internal. "
        "Menurut analis, perusahaan teknologi kini juga melirik perangkat lunak dan kecerdasan buatan. "
        "Nusapintar akan memberi kabar pekan depan."
    )
    assert "Artificial intelligence" not in _sectors(text)
    # the same words as a short text of their own are its subject
    assert "Artificial intelligence" in _sectors("Pengawasan kecerdasan buatan akan diperketat tahun depan.")
