"""scripts/build_name_words.py adds the hand-kept clipped words ("LN", "Medsos") to both generated lists, and
kg reads them as no name on their own."""

from __future__ import annotations

from pathlib import Path

from kg.extract.context import _no_name_alone
from tests.scripts import load_script


def test_clipped_words_are_read_from_the_hand_kept_list():
    build = load_script("scripts/build_name_words.py")
    assert {"ln", "medsos"} <= build.clipped("id")
    assert build.clipped("xx") == set()  # a language with no such file


def test_the_built_lists_hold_the_clipped_words(tmp_path: Path):
    build = load_script("scripts/build_name_words.py")
    build.SOURCES = {"id": ("one.jsonl",)}
    (tmp_path / "one.jsonl").write_text('{"text": "Saham naik.", "entities": []}\n', encoding="utf-8")
    edge, alone = build.build("id", tmp_path)
    assert "\nln\n" in edge and "\nmedsos\n" in alone


def test_a_clipped_word_is_no_name_alone():
    assert _no_name_alone("ln", "id") and _no_name_alone("medsos", "id")
