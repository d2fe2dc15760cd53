"""kg.extract.nerbatch: an article's emission scores at once are, float for float, each sentence's alone."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import load_lexicon
from kg.extract.ner import tagger
from kg.extract.nerbatch import emission_arrays
from kg.extract.text import split_sentences, tokenize

# Written for this test: sentence case, a headline, an upper-case line, one-word and punctuation-only
# sentences, a sentence without capitals.
TEXTS = {
    "en": ["Tenvar Industries Inc said on Monday it agreed to buy Lumeo Corp of Toledo, Ohio, for 12 mln dlrs.",
           "Lumeo Shares Jump After Tenvar Deal", "TENVAR TO BUY LUMEO", "OK", "...",
           "the deal needs approval from regulators.", "Analysts at Vexo Capital said the price was fair."],
    "id": ["PT Sarana Mitra Persada Tbk menggandeng Bank Mandiri untuk membiayai proyek di Surabaya.",
           "Sarana Mitra Bantah Isu Akuisisi", "SAHAM BBRI NAIK", "Ya", "saham bank naik tipis hari ini."],
}


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("caseless", [False, True])
def test_same_floats_as_one_sentence_at_a_time(language: str, caseless: bool) -> None:
    model = tagger(language, caseless=caseless)
    sents = [tokenize(t) for t in TEXTS[language]]
    got = emission_arrays(model, sents)
    assert len(got) == len(sents)
    for rows, toks in zip(got, sents, strict=True):
        alone = model.emission_array(toks)
        assert rows.shape == alone.shape == (len(toks), len(model.labels))
        assert rows.tolist() == alone.tolist()


def test_an_article_split_into_sentences_and_a_cache_that_starts_again() -> None:
    text = " ".join(TEXTS["en"][:1] + TEXTS["en"][5:]) * 3
    sents = [s.tokens for s in split_sentences(text, [(0, len(text))], load_lexicon("en"))]
    model = tagger("en")
    first = [r.tolist() for r in emission_arrays(model, sents)]
    model._vec.clear()  # as when the cache is full: the rows are made again, the same
    model._used = 0
    assert [r.tolist() for r in emission_arrays(model, sents)] == first
    assert first == [model.emission_array(s).tolist() for s in sents]
    assert emission_arrays(model, []) == []


def test_an_article_longer_than_the_cache_is_read_sentence_by_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    model = tagger("en")
    sents = [tokenize(t) for t in TEXTS["en"]]
    expected = [model.emission_array(s).tolist() for s in sents]
    monkeypatch.setattr("kg.extract.ner._ROWS", 20)
    assert [r.tolist() for r in emission_arrays(model, sents)] == expected


def test_one_sentence() -> None:
    model = tagger("en")
    toks = tokenize(TEXTS["en"][0])
    (rows,) = emission_arrays(model, [toks])
    assert rows.tolist() == model.emission_array(toks).tolist()
