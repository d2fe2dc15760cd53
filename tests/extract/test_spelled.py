"""A tagger's bracketed acronym of a common phrase names nothing (kg.extract.spelled). Sentences written for these
tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.spelled import spelled_acronyms, spelled_by
from kg.extract.text import split_sentences, tokenize


def _kept(text: str, spans: list[tuple[int, int, str, str]], language: str = "id") -> list[str]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t, "k", "l", src)
          for i, j, t, src in spans]
    return [m.text for m in spelled_acronyms(s, ms, lex)]


def test_an_acronym_of_unnamed_words_is_dropped():
    text = "Perusahaan mengangkat tenaga Perjanjian Kerja Waktu Tertentu ( PKWT ) menjadi pegawai tetap ."
    assert _kept(text, [(8, 9, "Company", "ner")]) == []


def test_an_acronym_of_a_name_stays():
    # the words before it are a name: the acronym is its alias
    text = "Menurut Badan Pusat Statistik ( BPS ) inflasi naik ."
    assert _kept(text, [(1, 4, "Organization", "gazetteer"), (5, 6, "Organization", "ner")]) == [
        "Badan Pusat Statistik", "BPS"]


def test_only_the_taggers_acronyms_and_only_where_the_language_says(monkeypatch):
    text = "Menurut Badan Pusat Statistik ( BPS ) inflasi naik ."
    assert _kept(text, [(5, 6, "Organization", "gazetteer")]) == ["BPS"]
    text = "a new Value Added Tax ( VAT ) rule ."
    assert _kept(text, [(6, 7, "Organization", "ner")], "en") == []
    monkeypatch.setitem(load_lexicon("en").settings, "spelled_acronyms", False)
    assert _kept(text, [(6, 7, "Organization", "ner")], "en") == ["VAT"]


def test_a_mixed_case_acronym_of_a_common_phrase():
    # "MoU": English writes the function word's initial small
    text = "Acme signed a memorandum of understanding ( MoU ) with Beta ."
    assert _kept(text, [(7, 8, "Company", "ner")], "en") == []
    assert spelled_by(tokenize("a memorandum of understanding ( Mou ) ."), 5) == 0


def test_words_that_do_not_spell_it():
    assert spelled_by(tokenize("kata Bank Central Asia ( BRI ) ."), 5) == 0
    assert spelled_by(tokenize("kata Bank Central Asia ( BCA ) ."), 5) == 3
