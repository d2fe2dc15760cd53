"""Indonesian models named after their maker or described as a kind of product (kg.extract.makermodel):
"ponsel Samsung Zorvax Prima", "Zorvax S III", "Zorvax Note adalah smartphone terbaru Samsung".

Every sentence here was written for these tests (fictional products of real makers the lists know).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _read(text: str, engine: str = "rules") -> tuple[set[tuple[str, str]], set[tuple[str, ...]]]:
    x = extract(Article(id="t", text=text, language="id"), engine=engine)
    label = {e.id: e.label for e in x.entities}
    return {(e.label, e.type) for e in x.entities}, {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
@pytest.mark.parametrize(
    ("text", "product"),
    [
        # a version after the model's name
        ("Menurut analis , penjualan Samsung Zorvax S III naik tajam di pasar Asia .", "Zorvax S III"),
        # a noun for a kind of product before the maker
        ("Konsumen kini bisa membeli ponsel Samsung Zorvalite di toko resmi .", "Zorvalite"),
        # a brand's own spelling
        ("Para pengguna mulai memesan Samsung ZorvaLITE melalui toko daring .", "ZorvaLITE"),
        # one coined word, no word of the language or of English (session 14: "Toyota Sienta", "Nvidia Tegra")
        ("Samsung Zorventa dikembangkan sesuai dengan karakter konsumen Indonesia .", "Zorventa"),
    ],
)
def test_model_after_its_maker(text, product, engine):
    entities, rels = _read(text, engine)
    assert (product, "Product") in entities, entities
    assert ("Samsung", "Company") in entities, entities
    assert ("launch", "Samsung", product) in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        # the maker and a generic word name one thing (docs/annotations.md), no version or product noun
        "Kontrak dengan Sony Music diperpanjang oleh para musisi itu tahun lalu .",
        # a coined word that a capitalised word follows: a longer name kg does not know
        "Pengunjung memadati Samsung Zorvenda Avenue di pusat kota .",
        # a company of the maker's group: a company word ends the run
        "Kapal itu dibangun oleh Samsung Heavy Industries di galangan mereka .",
        # a headline capitalises every word: the maker's next word says nothing
        "Asing Kompak Serbu Saham Samsung Zorvax, Indeks Melesat 1,77%",
    ],
)
def test_no_model_after_maker(text):
    entities, _ = _read(text)
    assert not {label for label, etype in entities if etype == "Product"}, entities


def test_copula_describes_a_product_and_its_maker():
    entities, rels = _read("Dengan layar lebar , Zorvax Note adalah smartphone terbesar Samsung .")
    assert ("Zorvax Note", "Product") in entities, entities
    assert ("launch", "Samsung", "Zorvax Note") in rels, rels


def test_copula_without_a_product_noun_names_no_product():
    entities, _ = _read("Menurut dia , Zorvax Note adalah pilihan terbaik bagi kalangan muda .")
    assert ("Zorvax Note", "Product") not in entities, entities


@pytest.mark.parametrize("engine", ["rules", "hybrid"])
@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Studio itu meraup pendapatan besar lewat ' Zorva Nights 2 ' yang dirilis bulan lalu .", "Zorva Nights 2"),
        ("Sutradara itu mengatakan ‘Kelvaro’ terinspirasi dari sebuah dongeng lama .", "Kelvaro"),
    ],
)
def test_a_title_in_single_quotes_is_a_product(text, product, engine):
    entities, _ = _read(text, engine)
    assert (product, "Product") in entities, entities


@pytest.mark.parametrize(
    "text",
    [
        # all words of the language: an office, not a title
        "Tanggung jawab itu dinilai ada pada ' Bea Cukai ' pemerintah setempat .",
        # a headline quotes its catchwords
        "Saham Zorva Anjlok, Investor Sebut 'Kiamat Kecil' Datang",
        # an apostrophe, no closing quote
        "Ia dianugerahi gelar ' The Zorva ' s Golden Tweet ' oleh panitia .",
        # double quotes hold companies as often as titles: not read
        'Album pertama diproduksi di bawah label " Zorva Record " tahun itu .',
    ],
)
def test_no_title_in_quotes(text):
    entities, _ = _read(text)
    assert not any(etype == "Product" for _, etype in entities), entities


@pytest.mark.parametrize("maker", ["HTC", "Meizu", "Asus", "Acer", "Realme", "Infinix"])
def test_device_makers_the_curated_list_adds(maker):
    # ontology/gazetteer/curated.tsv lists device makers the source lists missed; the maker then splits off its model
    entities, rels = _read(f"Di pameran itu, {maker} Zorvax 5 dijual dengan harga lebih murah .")
    assert (maker, "Company") in entities, entities
    assert ("Zorvax 5", "Product") in entities, entities
    assert ("launch", maker, "Zorvax 5") in rels, rels
