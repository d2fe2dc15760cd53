"""Indonesian name spans: web site names, also as tokenised text writes them ("kompas . com"), and tagger names cut out
of a longer capitalised name (kg.extract.websites, kg.extract.cutshort with id's cut_name_types).

Sentences written for these tests (fictional sites and names).
"""

from __future__ import annotations

from kg.extract import extract
from kg.extract.cutshort import cut_short
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences, tokenize
from kg.extract.websites import web_sites
from kg.model import Article
from kg.names import normalize


def _sentences(text: str, language: str = "id") -> list[str]:
    return [s.text for s in split_sentences(text, [(0, len(text))], load_lexicon(language))]


def test_a_full_stop_before_a_domain_written_apart_ends_no_sentence():
    assert _sentences("beritaku . com - harga cabai naik lagi . pedagang mengeluh .") == [
        "beritaku . com - harga cabai naik lagi .", "pedagang mengeluh ."]


def test_a_full_stop_before_any_other_word_still_ends_a_caseless_sentence():
    assert _sentences("harga cabai naik . komandan pasar mengeluh .") == [
        "harga cabai naik .", "komandan pasar mengeluh ."]


def test_web_site_names_whole_or_written_apart_but_no_addresses():
    toks = tokenize("dilansir warta-kini . net dan beritaku.com , surel redaksi@beritaku.com")
    assert [" ".join(t.text for t in toks[a:b]) for a, b in web_sites(toks)] == ["warta-kini . net", "beritaku.com"]


def test_a_site_written_apart_is_one_company_in_caseless_text():
    text = "jakarta , beritaku . com - pt sinar lestari abadi menambah modal kerja pada tahun ini ."
    x = extract(Article("t", text, language="id"))
    keys = {normalize(e.label): e.type for e in x.entities}
    assert keys.get("beritaku com") == "Company"
    assert "beritaku" not in keys and "com" not in keys


def test_an_indonesian_tagger_name_before_a_capitalised_word_that_starts_no_name_is_a_piece():
    lex = load_lexicon("id")
    s = split_sentences(t := "Ia bekerja di Velaro Ratings sejak lama .", [(0, len(t))], lex)[0]
    k = next(i for i, tok in enumerate(s.tokens) if tok.text == "Velaro")
    assert cut_short(s, k, k + 1, "Organization", [], lex)
    assert not cut_short(s, k, k + 2, "Organization", [], lex)  # the whole name ends before a lowercase word
    assert not cut_short(s, k, k + 1, "Organization", [k + 1], lex)  # another name starts right after it


def test_a_weekday_or_bersaudara_after_an_indonesian_name_does_not_make_it_a_piece():
    lex = load_lexicon("id")
    for text in ("Kata Rudi Tanoyo Selasa di Jakarta .", "Karya Tanoyo Bersaudara dipamerkan ."):
        s = split_sentences(text, [(0, len(text))], lex)[0]
        k = next(i for i, tok in enumerate(s.tokens) if tok.text == "Tanoyo")
        assert not cut_short(s, k, k + 1, "Person", [], lex)


def test_a_listed_company_before_a_capitalised_foreign_word_is_a_piece_but_not_before_a_verb():
    from kg.extract.gazindex import gaz_index
    from kg.extract.listedpieces import without_listed_pieces
    from kg.extract.mentions import find_names

    lex = load_lexicon("id")

    def kept(text: str) -> list[str]:
        s = split_sentences(text, [(0, len(text))], lex)[0]
        return [m.text for m in without_listed_pieces(s, find_names(s, lex, gaz_index("id")), lex)]

    assert "Grab" not in kept("Sopir Grab Rideshare dan Gojek berdemo di Jakarta .")
    assert "Grab" in kept("Kata sumber itu , Grab Naikkan tarif di Jakarta .")  # an affixed verb follows
    assert "Grab" in kept("Sopir Grab dan Gojek berdemo di Jakarta .")
