"""A name right after a noun for a kind of product in an Indonesian title-case headline is a product
(kg.extract.headproducts). Headlines written for these tests (fictional products)."""

from __future__ import annotations

import pytest

from kg.extract.gazindex import gaz_index
from kg.extract.headproducts import headline_head_products
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences


def _products(text: str, language: str = "id") -> list[str]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    return [m.text for m in headline_head_products(s, lex, gaz_index(language), [])]


def test_an_unknown_word_after_a_product_noun_is_the_product():
    assert _products("Pengguna Aplikasi Zorvamo Naik 22%, Nilai Transaksi Tembus Rp5 T") == ["Zorvamo"]
    assert _products("Aplikasi Z-Smile Bank Mega Jadi Pelopor Pembayaran Baru") == ["Z-Smile"]


@pytest.mark.parametrize(
    "text",
    [
        "Penjualan Mobil Listrik Naik Tajam di Awal Tahun",  # an Indonesian word: a sector or nothing
        "Alasan Ferrari Jadi Raja Mobil Eropa: Kami Bukan Perusahaan Otomotif",  # a place
        "Perusahaan BUMN Kompak Alihkan Saham Seri B Untuk Danantara",  # a letter
        "Mengenal JS Saving Plan, Produk Jiwasraya yang Jerat Dirjen",  # a listed company after "Produk"
        "Menurut analis , aplikasi Zorvamo kini dipakai banyak orang .",  # sentence case: not a headline
    ],
)
def test_ordinary_words_listed_names_and_sentence_case_are_left_alone(text):
    assert _products(text) == []


def test_english_has_no_setting():
    assert _products("Users Of App Zorvamo Jump 22%", "en") == []
