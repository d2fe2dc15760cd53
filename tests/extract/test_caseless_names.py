"""Names in text without capitals that the lists, model codes and the words around them give
(kg.extract.gazindex, kg.extract.coded, kg.extract.aliases, kg.extract.mentions, kg.extract.learned).
Every sentence here was written for these tests (not taken from any data set)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.edges import is_ordinary_word
from kg.extract.lexicon import load_lexicon
from kg.model import Article


def _names(text: str, language: str = "id") -> set[tuple[str, str]]:
    ex = extract(Article(id="t", text=text, language=language))
    return {(text[m.start : m.end], e.type) for e in ex.entities for m in e.mentions}


def _launches(text: str, language: str) -> tuple[set[tuple[str, str]], set[tuple[tuple[str, str], ...]]]:
    """Each entity's first mention (text, type), and the launch links between them."""
    ex = extract(Article(id="t", text=text, language=language))
    said = {e.id: (text[e.mentions[0].start : e.mentions[0].end], e.type) for e in ex.entities}
    return set(said.values()), {(said[r.subject], said[r.object]) for r in ex.relations if r.type == "launch"}


def test_one_word_list_names_that_are_no_words_stand_alone() -> None:
    got = _names("kemarin samsung dan netflix menandatangani kerja sama di jakarta .")
    assert {("samsung", "Company"), ("netflix", "Company")} <= got, got
    # the same lists know "Garuda" and "Semen Indonesia", but alone and lowercase these are words
    got = _names("harga semen naik dan burung garuda terbang rendah .")
    assert not {n for n, t in got if t in ("Company", "Organization")}, got


def test_core_acronyms_that_are_no_words() -> None:
    got = _names("ojk meminta pln menunda kenaikan tarif .")
    assert {("ojk", "Organization"), ("pln", "Company")} <= got, got
    # "as" (Amerika Serikat) is a word in lowercase: the list's acronym does not match it
    assert ("as", "Country") not in _names("sama seperti tahun lalu , harga naik sebanyak dua kali .")


def test_a_company_first_word_that_is_a_word_does_not_take_the_sector() -> None:
    text = "holding itu menyatukan sektor semen dengan induk pt semen indonesia tbk ."
    got = _names(text)
    assert ("semen", "Sector") in got, got
    assert ("pt semen indonesia tbk", "Company") in got, got
    assert ("semen", "Company") not in got


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("sony kembali merilis xperia m5 dan kawasaki memperkenalkan kawasaki z900 di jakarta .",
         {"xperia m5", "z900"}),
        ("penjualan iphone 7 plus naik 10 persen pada 2017 menjadi rp23,6 triliun .", {"iphone 7 plus"}),
        ("pangsa pasar market share 16.17 persen , pameran iims 2017 dan 5 juta unit .", set()),
        ("Maskapai itu mengoperasikan Boeing 737-300 serta DHC - 6 Twin Otter sejak 2019.",
         {"737-300", "DHC - 6 Twin Otter"}),
        ("Keputusan Lengkap BI Tahan Suku Bunga Acuan 5,75%", set()),
        ("Pabrik itu berada di Karawang Plant 3 dan naik 12%.", set()),
    ],
)
def test_products_with_a_model_code(text: str, products: set[str]) -> None:
    got = {n for n, t in _names(text) if t == "Product"}
    assert got == products, got


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        ("kemarin samsung gear 360 dan kawasaki z900 dipamerkan di jakarta .",
         {("samsung", "gear 360"), ("kawasaki", "z900")}),
        ("Maskapai itu menambah dua Boeing 737-300 pada Maret.", {("Boeing", "737-300")}),
    ],
)
def test_a_maker_before_its_model_is_a_company_that_launches_it(text: str, launched: set[tuple[str, str]]) -> None:
    # docs/annotations.md, maker + model: "samsung gear 360" is Samsung (Company) and "gear 360" (Product)
    _, links = _launches(text, "id")
    assert {((maker, "Company"), (model, "Product")) for maker, model in launched} <= links, links


def test_english_cased_text_reads_maker_and_model_but_no_dates() -> None:
    said, links = _launches("Garuda took delivery of two Airbus A330 jets on June 12th, the carrier said.", "en")
    assert ("A330", "Product") in said and ("Airbus", "Company") in said, said
    assert not {n for n, t in said if t == "Product" and "12th" in n}, said
    assert (("Airbus", "Company"), ("A330", "Product")) in links, links


def test_web_site_names_are_companies() -> None:
    got = _names("seperti dilansir kompas.com , email ke info@abcd.co.id atau buka www.detik.com .")
    assert ("kompas.com", "Company") in got, got
    assert not {n for n, _ in got if "abcd" in n or "detik" in n}, got


def test_a_bracketed_acronym_is_the_kind_of_the_name_before_it() -> None:
    got = _names("pemeriksaan dilakukan direktorat jenderal pajak ( djpx ) di kantor wilayah .")
    types = {t for n, t in got if n == "djpx"}
    assert types <= {"Organization"}, got


def test_ordinary_words() -> None:
    lex = load_lexicon("id")
    assert [is_ordinary_word(w, lex) for w in ("pupuk", "perkebunan", "bermotor", "pegatron")] == [
        True, True, True, False]


def test_a_ber_word_inside_a_caseless_name_does_not_cut_it() -> None:
    from kg.extract.edges import parts
    from kg.extract.text import tokenize

    lex = load_lexicon("id")
    toks = tokenize("gabungan industri kendaraan bermotor indonesia")
    assert parts(toks, 0, len(toks), lex, caseless=True) == [(0, len(toks))]
    # an affixed verb still ends the name it runs into ("... menaikkan harga")
    toks = tokenize("asosiasi pengusaha ritel menaikkan harga")
    assert parts(toks, 0, len(toks), lex, caseless=True)[0] == (0, 3)


def test_the_caseless_tagger_brands_are_companies_or_products() -> None:
    from kg.extract.brands import brand_kind
    from kg.extract.gazindex import gaz_index
    from kg.extract.ner import tagger
    from kg.extract.text import tokenize

    gaz, model, lex = gaz_index("id"), tagger("id", caseless=True), load_lexicon("id")

    def kind(text: str) -> str:
        toks = tokenize(text)
        return brand_kind(toks, 0, len(toks), gaz, model, lex)

    assert kind("xyzphone x20") == "Product"  # a model code
    assert kind("samsung qwertyband") == "Product"  # after a maker the lists know
    assert kind("qwertyvision") == "Company"
    # the maker's regional arm or group business is a company, not its product
    assert kind("samsung asia tenggara") == kind("samsung electronics indonesia") == "Company"
    assert kind("samsung qwertyband indonesia") == "Product"  # not only places and company words after the maker
    assert kind("the qwertyvision") == "Product"  # a borrowed title opened by an article
    # after a noun for a kind of product, a brand no list knows is the product, a listed company its maker
    toks = tokenize("varian qwertyvision dan ponsel samsung")
    assert brand_kind(toks, 1, 2, gaz, model, lex) == "Product"
    assert brand_kind(toks, 4, 5, gaz, model, lex) == "Company"


def test_a_launched_brand_is_a_product() -> None:
    from kg.extract.brands import brand_kind
    from kg.extract.gazindex import gaz_index
    from kg.extract.ner import tagger
    from kg.extract.text import tokenize

    gaz, model, lex = gaz_index("id"), tagger("id", caseless=True), load_lexicon("id")
    # what a launch verb releases, past the words for a kind of product, and what a maker cue follows
    toks = tokenize("toyota merilis dua varian terbaru , yakni qwertyvision dan qwertybook keluaran apple")
    assert brand_kind(toks, 7, 8, gaz, model, lex) == "Product"
    assert brand_kind(toks, 9, 10, gaz, model, lex) == "Product"
    # one letter, a hyphen and a word name a model
    toks = tokenize("penjualan q-zorva naik")
    assert brand_kind(toks, 1, 2, gaz, model, lex) == "Product"
    # the same brand with neither is read as a company (the tagger's kind)
    toks = tokenize("qwertyvision dan qwertybook menaikkan harga")
    assert brand_kind(toks, 0, 1, gaz, model, lex) == brand_kind(toks, 2, 3, gaz, model, lex) == "Company"


def test_an_article_does_not_decide_an_organisations_kind() -> None:
    from kg.extract.brands import org_kind
    from kg.extract.ner import tagger
    from kg.extract.text import tokenize

    model, lex = tagger("id", caseless=True), load_lexicon("id")
    toks = tokenize("the qwertyvision")
    assert model.org_kind(toks, 0, 2) == "Organization"  # "The Fed" taught the weights that "the" opens a body
    assert org_kind(model, toks, 0, 2, lex) == model.org_kind(toks, 1, 2) == "Company"


def test_a_business_apposition_makes_a_company() -> None:
    from kg.extract.corporate import company_context
    from kg.extract.text import tokenize

    lex = load_lexicon("id")
    toks = tokenize("qwerty antey , perusahaan rusia , dan budi , pengusaha asal solo")
    assert company_context(toks, 0, 2, lex)
    assert not company_context(toks, 7, 8, lex)


def test_a_caseless_name_ending_in_a_legal_form_is_a_company() -> None:
    from kg.extract.mentions import Mention
    from kg.extract.typecheck import checked_type

    lex = load_lexicon("id")

    def typed(text: str, etype: str = "Person") -> str:
        return checked_type(etype, [Mention(0, 0, 2, 0, len(text), text, etype, text, text, "ner")], lex)

    # the caseless tagger reads "hani group" as a person
    assert typed("hani group") == typed("qwerty holdings") == typed("Qwerty Group") == "Company"
    # a word of the language ("asa", hope) or a form of two letters is no sign in lowercase
    assert typed("budi asa") == typed("budi co") == "Person"


def test_caseless_product_runs_are_read() -> None:
    from kg.extract.ner import tagger
    from kg.extract.text import tokenize

    model = tagger("id", caseless=True)
    # (a website is a Company or Organisation in the annotations since session 14, so the product is a phone)
    toks = tokenize("penjualan ponsel xperia m5 naik tajam bulan lalu .")
    assert ("Product", "xperia m5") in {(t, " ".join(x.text for x in toks[i:j])) for i, j, t in model.tag(toks)}
    # the cased model keeps them to itself
    assert "Product" not in {t for _, _, t in tagger("id").tag(tokenize("Menurut laporan Phonearena, Xperia M5 laku."))}


def test_a_lowercase_short_form_in_brackets_joins_its_organisation() -> None:
    # (an association no list knows: Gaikindo, the example before, is in institutions.txt now)
    text = "himpunan kawasan industri indonesia ( hki ) mencatat penjualan naik ."
    orgs = [e for e in extract(Article(id="t", text=text, language="id")).entities
            if e.type in ("Company", "Organization")]
    assert [(e.label, e.aliases) for e in orgs] == [("himpunan kawasan industri indonesia", ("hki",))]


def test_a_caseless_product_keeps_its_version_word() -> None:
    # the caseless tagger stops before a one-letter version; the product's name holds it
    assert ("xperia z", "Product") in _names("perusahaan itu merilis xperia z di jepang pekan lalu .")


def test_a_number_before_a_word_is_no_version() -> None:
    from kg.extract.brands import version_end
    from kg.extract.text import tokenize

    toks = tokenize("membeli zorvax 2 bungkus dan zorvax s , lalu zorvax 4.0")
    assert [version_end(toks, 2, []), version_end(toks, 6, []), version_end(toks, 10, [])] == [2, 7, 11]


@pytest.mark.parametrize(("text", "ticker", "company"), [
    # a listed company's ticker that is also a word or a unit, alone in lowercase text: no company
    ("mobil merk nasional mulai dijual di luar negeri .", "merk", False),
    ("ponsel itu punya layar 6,1 inci dan baterai besar .", "inci", False),
    # after its name and legal form, in brackets, or after an organisation cue, it is the company
    ("pt bank central asia tbk ( bbca ) membagikan dividen .", "bbca", True),
    ("regulator menegur pt emtk karena siaran itu .", "emtk", True),
])
def test_a_ticker_without_capitals_needs_its_context(text: str, ticker: str, company: bool) -> None:
    ex = extract(Article(id="t", text=text, language="id"))
    found = any(text[m.start : m.end] in (ticker, f"pt {ticker}") or (text.find(ticker) >= m.start and
                text.find(ticker) < m.end) for e in ex.entities if e.type == "Company" for m in e.mentions)
    assert found is company, [(e.label, e.type) for e in ex.entities]
