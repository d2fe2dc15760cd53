"""kg.extract.tokens.Token: its own __init__ (a speed-up) keeps the frozen dataclass's behaviour."""

import dataclasses
import pickle

import pytest

from kg.extract.text import tokenize
from kg.extract.tokens import Token


def test_low_is_the_lowercased_text_unless_given():
    assert Token(0, 6, "Xiaomi").low == "xiaomi"
    assert Token(0, 6, "Xiaomi", "given").low == "given"


def test_equality_and_hash_ignore_low():
    a, b = Token(0, 6, "Xiaomi"), Token(0, 6, "Xiaomi", "other")
    assert a == b and hash(a) == hash(b)
    assert a != Token(1, 6, "Xiaomi")
    assert repr(a) == "Token(start=0, end=6, text='Xiaomi')"


def test_frozen():
    t = Token(0, 6, "Xiaomi")
    for name in ("start", "end", "text", "low"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(t, name, 1)
    # no new attribute either (Python's frozen slotted dataclasses raise TypeError here, as before)
    with pytest.raises((AttributeError, TypeError)):
        t.other = 1  # type: ignore[attr-defined]


def test_replace_pickle_and_fields():
    t = Token(3, 9, "Xiaomi")
    assert dataclasses.replace(t, start=4) == Token(4, 9, "Xiaomi")
    u = pickle.loads(pickle.dumps(t))
    assert u == t and u.low == "xiaomi"
    assert [f.name for f in dataclasses.fields(Token)] == ["start", "end", "text", "low"]


def test_tokenize_offsets_and_lowercase():
    text = "Kata  ÇELİK Holding, Tbk."
    toks = tokenize(text)
    assert [(t.text, t.low) for t in toks] == [
        ("Kata", "kata"), ("ÇELİK", "çeli̇k"), ("Holding", "holding"), (",", ","), ("Tbk", "tbk"), (".", ".")]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in tokenize(text, 6, 11)] == ["ÇELİK"]
