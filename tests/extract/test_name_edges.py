"""Initials and numerals at the edges of a name (kg.extract.edges.trim)."""

from __future__ import annotations

import pytest

from kg.extract.edges import trim
from kg.extract.lexicon import load_lexicon
from kg.extract.text import Token, tokenize


def _trimmed(text: str, code: str, *, person: bool, title_case: bool = False) -> str | None:
    toks = tokenize(text)
    span = trim(toks, 0, len(toks), load_lexicon(code), title_case=title_case, person=person)
    return None if span is None else " ".join(t.text for t in toks[span[0] : span[1]])


@pytest.mark.parametrize(("text", "code", "person", "expected"), [
    # Indonesian news writes a person's initial without its full stop
    ("M Romli", "id", True, "M Romli"),
    ("D Kusuma Wardhana", "id", True, "D Kusuma Wardhana"),
    # an initial only starts a person's name; "A" and "I" are words, and a lone letter is nothing
    ("M Romli", "id", False, "Romli"),
    ("A Smithfield", "en", True, "Smithfield"),
    ("M", "id", True, None),
    # a regnal or ordinal numeral ends a name; "I" is also a word, so it is not kept
    ("Sultan Hamengku Buwono X", "id", True, "Sultan Hamengku Buwono X"),
    ("Kodam V", "id", False, "Kodam V"),
    ("Komando Daerah I", "id", False, "Komando Daerah"),
])
def test_initials_and_numerals(text: str, code: str, person: bool, expected: str | None) -> None:
    assert _trimmed(text, code, person=person) == expected


def test_a_headline_letter_is_still_trimmed() -> None:
    # in a title-case headline a lone capital is as likely a stray letter as an initial
    assert _trimmed("M Romli", "id", person=True, title_case=True) == "Romli"


def test_a_held_list_name_is_not_cut_at_its_lowercase_words() -> None:
    from kg.extract.edges import parts

    toks = tokenize("Kementerian perhubungan Malaysia membantah")
    lex = load_lexicon("id")
    # sentence case: a lowercase word cuts a tagger's run ...
    assert parts(toks, 0, 3, lex) == [(0, 1), (2, 3)]
    # ... except inside a list's name the run holds whole ("Kementerian perhubungan")
    assert parts(toks, 0, 3, lex, keep=[(0, 2)]) == [(0, 3)]


def test_a_capitalised_affixed_word_cuts_a_run_only_in_a_headline() -> None:
    from kg.extract.edges import parts

    lex = load_lexicon("id")
    # "Bersatu" is ber- + satu: in a headline a verb, in a sentence-case sentence part of the name
    toks = tokenize("Kabinet Nusantara Bersatu Jilid II")
    assert parts(toks, 0, 5, lex) == [(0, 5)]
    toks = tokenize("Erick Thohir Bertemu Kepala Bappenas")
    assert parts(toks, 0, 5, lex, title_case=True)[0] == (0, 2)


@pytest.mark.parametrize(("text", "want"), [
    ("SMS", None),     # an acronym the annotated text never names by (not_name_words.txt)
    ("KSO", None),
    ("BRI", (0, 1)),   # an acronym that names
    ("PT SMS", (0, 2)),  # inside a longer name it stays
])
def test_a_lone_acronym_that_names_nothing_is_refused(text, want):
    toks = [Token(0, 0, w) for w in text.split()]
    assert trim(toks, 0, len(toks), load_lexicon("id"), title_case=False) == want


def test_english_keeps_acronyms_that_are_listed_words():
    # "cap" is an English edge word, "CAP" a Reuters company: refuse_listed_acronyms is off in English
    assert trim([Token(0, 0, "CAP")], 0, 1, load_lexicon("en"), title_case=False) == (0, 1)


@pytest.mark.parametrize(("text", "k", "kept"), [
    # a lone dictionary word in a headline is no name, unless it is listed among acronyms
    ("Deposito BRI, BNI, BCA, Mandiri Terbaru", 7, True),
    ("Rekening BCA-Mandiri-BNI Terbaru", 3, True),
    ("Saldo BCA dan Mandiri Naik", 3, True),
    ("Rupiah Mandiri Menguat Tajam", 1, False),
    ("Saham Naik - Mandiri Turun", 3, False),
])
def test_a_dictionary_word_listed_among_acronyms_is_a_name(text: str, k: int, kept: bool) -> None:
    toks = tokenize(text)
    assert toks[k].text == "Mandiri"
    span = trim(toks, k, k + 1, load_lexicon("id"), title_case=True)
    assert (span == (k, k + 1)) is kept


@pytest.mark.parametrize(("words", "k", "code", "kept"), [
    # mid-sentence, a capitalised word the annotated text never names by is no name alone
    ("kerja sama dengan Anda", 3, "id", False),
    ("dan investor Pada bulan", 2, "id", False),
    # the sentence's first word, an acronym and a word no list refuses keep their capital's evidence
    ("Pada bulan", 0, "id", True),
    ("kerja sama dengan BCA", 3, "id", True),
    ("kata Jonan", 1, "id", True),
    # English keeps its sentence-case capitals ("Sun Chemical Corp said"): the setting is off there
    ("shares of Sun", 2, "en", True),
])
def test_a_lone_capitalised_edge_word_mid_sentence(words: str, k: int, code: str, kept: bool) -> None:
    toks = tokenize(words)
    assert (trim(toks, k, k + 1, load_lexicon(code), title_case=False) is not None) is kept
