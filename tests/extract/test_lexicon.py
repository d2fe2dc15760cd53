"""The language folders: every language has every cue file, and the data parses."""

from __future__ import annotations

import tomllib

import pytest

from kg.extract.lexicon import load_lexicon
from kg.resources import language_dir, languages, read_lines
from kg.schema import RELATION_TYPES, STATUSES

LANGS = languages()


def test_both_languages_present() -> None:
    assert {"id", "en"} <= set(LANGS)


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", [*(f"relations/{r}.txt" for r in RELATION_TYPES),
                                  *(f"status/{s}.txt" for s in (*STATUSES[1:], "negation"))])
def test_cue_file_exists_with_source_header(code: str, name: str) -> None:
    path = language_dir(code) / name
    assert path.is_file(), f"{path} is missing"
    head = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert head.startswith("# Source:"), f"{path} must start with a '# Source:' header"
    assert read_lines(path), f"{path} has no entries"


@pytest.mark.parametrize("code", LANGS)
def test_language_settings_parse(code: str) -> None:
    with open(language_dir(code) / "language.toml", "rb") as f:
        settings = tomllib.load(f)
    lex = load_lexicon(code)
    for key in ("determiners", "agent_markers", "conjunctions", "speech_verbs", "clause_breaks",
                "description_heads", "description_stop", "question_words", "passive_prefixes"):
        assert key in settings, f"{code}/language.toml lacks {key}"
    assert lex.relation_cues and lex.status_cues and lex.negations


@pytest.mark.parametrize(
    ("code", "token", "cue"),
    [
        ("id", "menggandeng", "gandeng"),
        ("id", "digandeng", "gandeng"),
        ("id", "mengakuisisi", "akuisisi"),
        ("id", "memasok", "pasok"),
        ("id", "pemasok", "pasok"),
        ("id", "menyuntikkan", "suntik"),
        ("id", "menggugat", "gugat"),
        ("id", "diluncurkan", "luncur"),
        ("id", "kemitraannya", "kemitraan"),
        ("id", "membantah", "bantah"),
        ("en", "acquired", "acquire"),
        ("en", "supplies", "supply"),
        ("en", "invests", "invest"),
        ("en", "launching", "launch"),
    ],
)
def test_affixes_do_not_defeat_the_lexicon(code: str, token: str, cue: str) -> None:
    lex = load_lexicon(code)
    assert cue in lex.stems(token)
    assert any(c.words[0] == cue for c in lex.cues_starting(token))


def test_passive_prefix() -> None:
    lex = load_lexicon("id")
    assert lex.is_passive("diakuisisi", "akuisisi")
    assert not lex.is_passive("mengakuisisi", "akuisisi")


def test_a_noun_cue_takes_only_noun_suffixes() -> None:
    # "United" is no "unit" + "-ed": the legal-form walk kept "United Coal (Canada) Ltd" whole only without it
    lex = load_lexicon("en")
    assert not any(c.words[0] == "unit" for c in lex.cues_starting("United"))
    assert any(c.words[0] == "unit" for c in lex.cues_starting("units"))
    assert any(c.words[0] == "holding" for c in lex.cues_starting("holdings"))
    assert any(c.words[0] == "acquire" for c in lex.cues_starting("acquired"))  # a verb cue keeps every suffix
    assert load_lexicon("id").noun_suffixes is None  # a language without the setting is unchanged


@pytest.mark.parametrize("code,token,negation", [("en", "noting", "not"), ("id", "Sebelumnya", "belum")])
def test_a_negation_takes_no_affix(code: str, token: str, negation: str) -> None:
    # "Noting that Vexo is considering ..." is no "not ... considering"; "Sebelumnya ada rencana" no "belum ada rencana"
    lex = load_lexicon(code)
    assert negation in lex.stems(token)
    assert not any(c.words[0] == negation for c in lex.cues_starting(token))
    assert any(c.words[0] == negation for c in lex.cues_starting(negation))


def test_a_negation_keeps_its_particles() -> None:
    assert any(c.words[0] == "tidak" for c in load_lexicon("id").cues_starting("tidaklah"))
    assert not any(c.words[0] == "tidak" for c in load_lexicon("id").cues_starting("setidaknya"))  # "at least"


@pytest.mark.parametrize("code", LANGS)
def test_word_sets_are_cached_and_optional_ones_agree(code: str) -> None:
    # words() and optional_words() answer from one cache: the same set object on every call, in either
    # order, and a key the language leaves out is the empty set each time (never cached, never an error)
    lex = load_lexicon(code)
    lists = sorted(k for k, v in lex.settings.items() if isinstance(v, list))
    assert lists
    for key in lists:
        got = lex.optional_words(key)
        assert got is lex.words(key) is lex.optional_words(key)
        assert got == frozenset(str(v).lower() for v in lex.settings[key])
    assert lex.optional_words("no such setting") == frozenset()
    assert lex.optional_words("no such setting") == frozenset()
    with pytest.raises(Exception, match="no setting"):
        lex.words("no such setting")
