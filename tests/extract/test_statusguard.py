"""The statuses the rules read from a construction, which the status model does not overrule
(kg.extract.statusguard). Sentences are written for these tests (fictional people and companies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import status as S
from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.statusguard import CONSTRUCTIONS, guarded_constructions
from kg.extract.statusrules import read_rules
from kg.extract.text import Sentence, tokenize


def _read(text: str, lang: str, a: tuple[int, int], b: tuple[int, int], relation: str,
          anchor_word: str | None = None) -> tuple[Sentence, object, tuple, tuple[int, int]]:
    lex, toks = load_lexicon(lang), tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    hits = tuple(find_cues(s, lex))
    if anchor_word is None:
        anchor = S.anchor_of(hits, relation, a, b)
    else:
        k = next(k for k, t in enumerate(toks) if t.text == anchor_word)
        anchor = (k, k + 1)
    return s, lex, hits, anchor


@pytest.mark.parametrize(
    ("text", "lang", "a", "b", "relation", "status", "name"),
    [
        ("Budi Santoso akan menjadi Direktur Utama PT Sinar Logistik Tbk", "id", (0, 2), (6, 10), "works_for",
         "planned", "post_governed"),
        ("Ana Diaz is expected to become chairman of Talon Ports", "en", (0, 2), (8, 10), "works_for",
         "planned", "post_governed"),
        ("Ana Diaz was the chief executive of Talon Ports", "en", (0, 2), (7, 9), "works_for", "ended",
         "held_before"),
        ("Acme bought Lumeo from Zeta", "en", (2, 3), (4, 5), "subsidiary_of", "ended", "handed_over"),
        ("Ana Diaz is the chief executive of Talon Ports", "en", (0, 2), (7, 9), "works_for", "asserted", ""),
        ("Norvik denied it plans to buy Talon", "en", (0, 1), (6, 7), "acquisition", "denied", ""),
    ],
)
def test_construction_names_what_set_the_rules_status(text, lang, a, b, relation, status, name):
    s, lex, hits, anchor = _read(text, lang, a, b, relation)
    lo, hi = 0, len(s.tokens)
    reading = read_rules(s, lex, hits, anchor, relation, lo, hi, (a, b))
    assert reading.status == status
    assert reading.construction == name
    assert name == "" or name in CONSTRUCTIONS


def _overruling_model(folder: Path) -> str:
    """A status model that answers asserted, sure, everywhere, and is trusted over every rule answer."""
    data = {"format": S.FORMAT, "training": {}, "trust": {"en": {}, "id": {}}, "factuality": {},
            "status": {"labels": ["asserted", "planned"], "bias": [9.0, 0.0], "features": [], "weights": []}}
    (folder / S.MODEL_FILE).write_text(json.dumps(data), encoding="utf-8")
    return str(folder)


def test_the_model_does_not_overrule_a_planned_post(tmp_path: Path) -> None:
    assert "post_governed" in guarded_constructions(load_lexicon("id"))
    models = _overruling_model(tmp_path)
    text = "Budi Santoso akan menjadi Direktur Utama PT Sinar Logistik Tbk"
    s, lex, hits, anchor = _read(text, "id", (0, 2), (6, 10), "works_for", "Direktur")
    parties = ((0, 2), (6, 10))
    assert S.decide(s, lex, hits, anchor, "works_for", 0, len(s.tokens), models=models, parties=parties) == "planned"
    # a cue word's status stays the model's to overrule
    text = "Norvik plans to buy Talon"
    s, lex, hits, anchor = _read(text, "en", (0, 1), (4, 5), "acquisition")
    assert S.decide(s, lex, hits, anchor, "acquisition", 0, len(s.tokens), models=models,
                    parties=((0, 1), (4, 5))) == "asserted"


def test_the_guarded_constructions_are_language_data_and_a_wrong_name_is_refused() -> None:
    import dataclasses

    import pytest

    from kg.errors import DataError
    from kg.extract.statusguard import guarded_constructions

    for code in ("en", "id"):
        assert guarded_constructions(load_lexicon(code)) <= set(CONSTRUCTIONS)
    lex = load_lexicon("en")
    bad = dataclasses.replace(lex, settings={**lex.settings, "status_guarded": ["held_before", "held_after"]},
                              _words={})
    with pytest.raises(DataError, match="held_after"):
        guarded_constructions(bad)
