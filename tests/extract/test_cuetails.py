"""The last word of a long name that cue words inside it split off is no name of its own
(kg.extract.cuetails, read by kg.extract.context.type_by_context). Sentences written for these tests."""

from __future__ import annotations

from kg.extract.context import type_by_context
from kg.extract.cueparties import find_cues
from kg.extract.cuetails import split_tail
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences, tokenize


def _context_names(text: str) -> list[tuple[str, str]]:
    lex = load_lexicon("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    return [(m.text, m.type) for m in type_by_context(s, lex, gaz_index("id"), [], find_cues(s, lex))]


def test_the_tail_of_a_long_name_after_capitalised_cues_is_no_company():
    assert ("Negara", "Company") not in _context_names(
        "Pemda akan menggandeng Badan Usaha Milik Negara ( BUMN ) konstruksi .")


def test_a_name_after_a_cue_in_lower_case_or_a_title_at_the_start_is_kept():
    toks = tokenize("Dirut Budi Santoso datang")
    assert not split_tail(toks, 1, frozenset({0}))  # the title is the sentence's first word
    toks = tokenize("saham milik Garuda Jaya naik")
    assert not split_tail(toks, 2, frozenset({1}))  # a lower-case cue before the name
    toks = tokenize("kata Direktur Utama Budi")
    assert not split_tail(toks, 3, frozenset({1, 2}))  # only cue words before the name
