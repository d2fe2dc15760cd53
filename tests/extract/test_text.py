from __future__ import annotations

import pytest

from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences, tokenize


def _split(text: str, code: str) -> list[str]:
    return [s.text for s in split_sentences(text, [(0, len(text))], load_lexicon(code))]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Acme Corp. of Dallas, Tex. said it agreed. The deal closes in May.",
         ["Acme Corp. of Dallas, Tex. said it agreed.", "The deal closes in May."]),
        ("en", "Shares of Beta Inc. rose. It said so.", ["Shares of Beta Inc. rose.", "It said so."]),
        ("id", "PT Sinar Logistik Tbk. menggandeng Garuda Nikel. Nilainya Rp 1,2 triliun.",
         ["PT Sinar Logistik Tbk. menggandeng Garuda Nikel.", "Nilainya Rp 1,2 triliun."]),
        ("id", "Judul Berita\n\nParagraf pertama tanpa titik", ["Judul Berita", "Paragraf pertama tanpa titik"]),
        ("en", 'He said: "We will buy it." Then he left.', ['He said: "We will buy it."', "Then he left."]),
        # initials with inner dots end no sentence before the name they start; a stop word after them still can
        ("en", "Shares of Norbury Corp were bought by K.L. Danvers Group Inc, a spokesman said.",
         ["Shares of Norbury Corp were bought by K.L. Danvers Group Inc, a spokesman said."]),
        ("en", "The chairman is R.T. Oldfield. The company agreed.",
         ["The chairman is R.T. Oldfield.", "The company agreed."]),
        ("id", "Saham PT Arta Niaga dibeli oleh A.R. Wirasena Tbk pekan lalu.",
         ["Saham PT Arta Niaga dibeli oleh A.R. Wirasena Tbk pekan lalu."]),
    ],
)
def test_sentences(code: str, text: str, expected: list[str]) -> None:
    assert _split(text, code) == expected


def test_offsets_point_into_the_text() -> None:
    text = "Xiaomi membantah isu.  Ford diam."
    lex = load_lexicon("id")
    for s in split_sentences(text, [(0, len(text))], lex):
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text


def test_tokens_keep_dotted_names() -> None:
    assert [t.text for t in tokenize("Selular.ID – U.S. firms")] == ["Selular.ID", "–", "U.S", ".", "firms"]


def test_title_case_and_question_flags() -> None:
    text = "Xiaomi Gandeng Ford Garap Mobil Listrik, Benarkah?"
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("id"))
    assert s.title_case and s.question


@pytest.mark.parametrize(("text", "tokens"), [
    # an acronym and another capitalised word joined by a hyphen are two names
    ("Rekening BCA-Mandiri-BNI naik", ["Rekening", "BCA", "-", "Mandiri", "-", "BNI", "naik"]),
    ("Saham PANI-CBDK dan AS-China", ["Saham", "PANI", "-", "CBDK", "dan", "AS", "-", "China"]),
    # one name, a reduplicated word, a word with a suffix, a single letter: one token
    ("Allis-Chalmers and Coca-Cola", ["Allis-Chalmers", "and", "Coca-Cola"]),
    ("Tiba-Tiba E-Commerce KRL-nya", ["Tiba-Tiba", "E-Commerce", "KRL-nya"]),
    # an acronym with a single letter is one name ("PDI-P"); two longer words are still cut
    ("Kader PDI-P dan Jokowi-JK", ["Kader", "PDI-P", "dan", "Jokowi", "-", "JK"]),
    ("Partai X-DPR dan A-BCA", ["Partai", "X-DPR", "dan", "A-BCA"]),
])
def test_a_hyphen_between_an_acronym_and_a_name_is_cut(text: str, tokens: list[str]) -> None:
    toks = tokenize(text)
    assert [t.text for t in toks] == tokens
    assert all(text[t.start : t.end] == t.text for t in toks)
    from kg.extract.gazindex import token_texts

    assert token_texts(text) == tokens


def test_a_news_sentence_dense_with_names_is_not_title_case() -> None:
    # most words are capitalised, but a headline leaves no verb in lower case: three lowercase content
    # words ("menuding", "diam-diam", "membiayai") make it sentence case, so "Gerakan" (also read as
    # gerak + -kan) is not trimmed off the organisation's name as a headline verb would be
    from kg.extract import extract
    from kg.model import Article

    text = ("Juru Bicara Kementerian Luar Negeri Teuku Faizasyah menuding Amerika Serikat dan Inggris diam-diam "
            "membiayai Gerakan Persatuan Rakyat Papua (GPRP) , kata Kantor Berita Antara , Selasa .")
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("id"))
    assert not s.title_case
    labels = {e.label for e in extract(Article(id="t", text=text, language="id")).entities}
    assert "Gerakan Persatuan Rakyat Papua" in labels and "Persatuan Rakyat Papua" not in labels


@pytest.mark.parametrize("text", [
    # CNBC headlines of short clauses: no capitalised stop word or cue, but capitalised words of the
    # dictionary ("Sambut", "Dibuka", "Ambruk", "Laba", "Syariah")
    "Sambut 2025, Wall Street Dibuka Semringah",
    "Rupiah Ambruk 1%, Dolar Tembus Rp16.260",
    "Laba BTPN Syariah (BTPS) Rp1,06 T di 2024",
])
def test_a_headline_without_stop_words_is_title_case(text: str) -> None:
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("id"))
    assert s.title_case


@pytest.mark.parametrize(("text", "language"), [
    # few capitals: a news sentence, whatever words they are
    ("Kresge is the forerunner of what is now the K Mart chain.", "en"),
    # names alone, in a language without a dictionary of roots: English common words also name firms
    ("Brown Disc Products Co", "en"),
    ("Kata Sri Mulyani, Bank Mandiri menguat dan BRI melemah kemarin.", "id"),
    # capitalised vocabulary inside names ("Sinar", "Data") and a lowercase verb: a news sentence
    ("PT Sinar Logistik Tbk bersama-sama dengan PT Kestrel Data meluncurkan kartu Zorvax Pay di Jakarta.", "id"),
])
def test_names_or_few_capitals_are_not_title_case(text: str, language: str) -> None:
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon(language))
    assert not s.title_case


def _title_case_as_counted(tokens: list, lex: object) -> bool:
    """The headline test counting every word before deciding (as it did before it stopped at the third
    lowercase content word): what the early stop must answer too."""
    from kg.extract.lexicon import sentence_starters
    from kg.extract.text import _LOWER_CONTENT

    words = [t for t in tokens[1:] if t.text[0].isalpha()]
    if len(words) < 3:
        return False
    common = sentence_starters()
    lower = sum(1 for t in words if not t.is_cap and t.low not in common)
    if lower >= _LOWER_CONTENT or lower / len(words) >= 0.2:
        return False
    if any(t.is_cap and not t.is_upper and (t.low in common or lex.cues_starting(t.text))  # type: ignore[attr-defined]
           for t in words):
        return True
    from kg.extract.edges import has_dictionary, is_ordinary_word
    from kg.extract.text import _TITLE_SHARE

    if lower:
        return False
    caps = [t for t in words if t.is_cap]
    return (has_dictionary(lex) and len(caps) >= _TITLE_SHARE * len(words)  # type: ignore[arg-type]
            and any(not t.is_upper and is_ordinary_word(t.low, lex) for t in caps))  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["en", "id"])
def test_title_case_stops_at_the_third_lowercase_word_with_the_same_answer(code: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.text import _is_title_case

    lex = load_lexicon(code)
    vocab = ["Xiaomi", "Bantah", "Isu", "dengan", "Ford", "EV", "the", "The", "And", "of", "said", "Says",
             "buys", "Buys", "deal", "Deal", ",", "3", "AS", "kata", "Kata", "menggandeng", "Dan", "dan"]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(vocab), min_size=1, max_size=14))
    def check(words: list[str]) -> None:
        toks = tokenize(" ".join(words))
        assert _is_title_case(toks, lex) is _title_case_as_counted(toks, lex)

    check()


def test_token_texts_lowercased_are_the_tokens_low() -> None:
    # gazindex._lookup_name reads a name's words from token_texts (no Token objects): the same
    # lowercased words as the tokens' own `low`
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.gazindex import token_texts

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("aBçÇİ-.'’& (s1X")), max_size=24))
    def check(name: str) -> None:
        assert [w.lower() for w in token_texts(name)] == [t.low for t in tokenize(name)]

    check()
