"""Text without capitals: detected per sentence, read by the caseless taggers (ner-<lang>-lower.tsv.gz)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.casing import caseless
from kg.extract.lexicon import load_lexicon
from kg.extract.ner import Model, model_path, tagger
from kg.extract.text import split_sentences, tokenize
from kg.model import Article
from tests.extract.tiny import train_twice


def _names(text: str, language: str) -> set[tuple[str, str]]:
    ex = extract(Article(id="t", text=text, language=language))
    return {(text[m.start : m.end], e.type) for e in ex.entities for m in e.mentions}


@pytest.mark.parametrize("language", ["id", "en"])
def test_shipped_caseless_model_loads_and_round_trips(language: str, tmp_path: Path) -> None:
    path = model_path(language, caseless=True)
    assert path.is_file() and path.stat().st_size < 5_000_000
    model = Model.read(path)
    assert model.res.caseless and not tagger(language).res.caseless
    # its word lists are lowercase, as the text it reads
    assert all(n == n.lower() for _, n in model.res.names) and all(w == w.lower() for w in model.res.token_type)
    out = model.write(tmp_path / "m.tsv.gz", ["a header line"])
    again = Model.read(out)
    assert again.res.caseless
    assert again.write(tmp_path / "n.tsv.gz", ["a header line"]).read_bytes() == out.read_bytes()


def test_caseless_by_sentence() -> None:
    lex = load_lexicon("en")
    text = "Shares of Acme Corp rose.\n\nthe company said nothing. it was 5 pct."
    got = [(s.text, s.caseless) for s in split_sentences(text, [(0, len(text))], lex)]
    # in a cased text a sentence is caseless only when it has no capital at all (and a full stop before
    # a lowercase word ends no sentence there)
    assert got == [("Shares of Acme Corp rose.", False), ("the company said nothing. it was 5 pct.", True)]
    text = "the company said nothing. it was 5 pct."
    assert [s.text for s in split_sentences(text, [(0, len(text))], lex)] == ["the company said nothing.",
                                                                               "it was 5 pct."]
    assert not caseless(["an", "iPhone"]) and not caseless(["5", "%"])


# Written for these tests (not taken from any data set).
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "menteri keuangan sri mulyani bertemu direksi bank mandiri di surabaya, jawa timur, pada senin.",
         {("sri mulyani", "Person"), ("bank mandiri", "Company"), ("surabaya", "Place")}),
        ("en", "john smith, the chief executive of general motors, said on monday that the plant in "
               "detroit would close.",
         {("john smith", "Person"), ("general motors", "Company"), ("detroit", "Place")}),
    ],
)
def test_lowercase_sentences_give_names_and_types(language: str, text: str, expected: set[tuple[str, str]]) -> None:
    got = _names(text, language)
    assert expected <= got, got


def test_no_single_common_word_from_the_lists() -> None:
    # "apple" and "target" are list names when capitalised; lowercase and alone they are words
    got = _names("we bought an apple and hit the target.", "en")
    assert not {n for n, _ in got} & {"apple", "target"}


def test_cased_sentences_never_ask_the_caseless_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract.ner as ner

    asked: list[bool] = []
    real = ner.tagger

    def spy(language: str, models: str | None = None, *, caseless: bool = False) -> Model:
        asked.append(caseless)
        return real(language, models, caseless=caseless)

    monkeypatch.setattr(ner, "tagger", spy)
    _names("Menteri Keuangan Sri Mulyani bertemu direksi Bank Mandiri di Surabaya.", "id")
    assert asked and not any(asked)
    asked.clear()
    _names("menteri keuangan sri mulyani bertemu direksi bank mandiri di surabaya.", "id")
    assert asked and all(asked)


def test_tiny_caseless_training_is_reproducible(tmp_path: Path) -> None:
    tiny = [("Kata Budi Santoso di Makassar.", [("Budi Santoso", "Person"), ("Makassar", "Place")]),
            ("Bank Sentosa membuka kantor di Medan.", [("Bank Sentosa", "Organization"), ("Medan", "Place")]),
            ("Harga beras turun di pasar.", [])]
    model = train_twice(tmp_path, tiny, [("place", "Makassar")], caseless=True)
    assert model.res.caseless and ("place", "makassar") in model.res.names
    # the vocabulary of words seen in lower case comes from cased text: "beras" yes, "makassar" no
    assert "seenlow" in model.res.own("beras") and "seenlow" not in model.res.own("makassar")
    toks = tokenize("bank sentosa membuka kantor di medan.")
    assert (0, 2, "Organization") in model.tag(toks)


def test_caseless_training_leaves_out_sentences_with_unmarked_organisations() -> None:
    from kg.train.ner import without_unmarked_organisations
    from kg.train.ner_data import Doc, make_doc

    def doc(n: int, text: str, names: list[tuple[str, str]], source: str) -> Doc:
        return make_doc(f"d{n}", "id", text, [(text.index(x), text.index(x) + len(x), t) for x, t in names], source)

    # a set with organisations tags "Komisi Qwerty Zyx" twice; a set without the type leaves it unmarked
    tagged = [doc(n, f"Ketua Komisi Qwerty Zyx hadir {n}", [("Komisi Qwerty Zyx", "Organization")], "a")
              for n in range(2)]
    unmarked = doc(5, "ketua komisi qwerty zyx , budi , hadir", [("budi", "Person")], "b")
    clean = doc(6, "budi hadir di jakarta", [("budi", "Person"), ("jakarta", "Place")], "b")
    kept = without_unmarked_organisations([*tagged, unmarked, clean], "id")
    assert [d.id for d in kept] == ["d0", "d1", "d6"]
    # marked, or in a set that has the type, the same words stay
    marked = doc(7, "komisi qwerty zyx hadir", [("komisi qwerty zyx", "Product")], "b")
    assert len(without_unmarked_organisations([*tagged, marked], "id")) == 3
