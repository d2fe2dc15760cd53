"""Indonesian sector spans: the words after a sector word that narrow the line of business are part of it.

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _sector_spans(text: str, language: str = "id") -> set[str]:
    x = extract(Article(id="t", text=text, language=language))
    return {text[m.start:m.end] for e in x.entities if e.type == "Sector" for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Bos Regulator Buka Suara Soal Asuransi Kendaraan Listrik", "Asuransi Kendaraan Listrik"),  # two sectors
        ("pemerintah menilai lumeo terlalu mendominasi industri ponsel cerdas .", "ponsel cerdas"),
        ("lumeo mengincar blok minyak dan gas bumi di luar negeri .", "minyak dan gas bumi"),
        # a headline's plain word after the sector word, where the headline ends
        ("Lumeo Mulai Jual Asuransi Bencana", "Asuransi Bencana"),
        ("Aturan Baru Kerja Sama Lumeo & Asuransi Swasta, Ini Isinya", "Asuransi Swasta"),
    ],
)
def test_words_after_a_sector_word_narrow_it(text, span):
    assert span in _sector_spans(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # size, novelty and place say which firm, not what it does
        ("pt lumeo adalah perusahaan asuransi terbesar di jawa .", "asuransi"),
        ("lumeo mengembangkan e-dagang indonesia sejak 2019 .", "e-dagang"),
        # a capitalised word after it in sentence case is a name
        ("Saham sektor asuransi Lumeo naik tajam pekan ini.", "asuransi"),
        # in a headline a word after it may start a name or be the predicate
        ("Emiten Tambang Sinar Wulan Dapat Kredit Rp 1 T", "Tambang"),
        ("Penjualan Melambat, Industri Otomotif Lesu", "Otomotif"),
        # ... or before the headline goes on (the word may start a name or be the predicate)
        ("Premi Asuransi Bencana Tumbuh Dua Kali Lipat", "Asuransi"),
    ],
)
def test_a_sector_span_stops_before_words_that_do_not_narrow_it(text, span):
    assert span in _sector_spans(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a maker's generic head is left out, as "industri" is, though sectors.ttl labels hold it
        ("lumeo adalah bagian dari pabrikan mobil asal prancis .", "mobil"),
        ("Produsen mobil asal Jepang, Lumeo, menambah investasi.", "mobil"),
        # "merk"/"merek" says whose goods, not which goods
        ("industri mobil merk nasional sedang menggeliat .", "mobil"),
    ],
)
def test_a_sector_span_leaves_out_maker_heads_and_brands(text, span):
    assert _sector_spans(text) == {span}
