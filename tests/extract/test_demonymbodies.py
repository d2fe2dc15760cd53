"""A body named by its country's adjective and its head word (kg.extract.demonymbodies)."""

from __future__ import annotations

import pytest

from kg.extract.demonymbodies import demonym_bodies
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, tokenize


def _read(text: str, names: dict[str, str] | None = None, language: str = "en") -> list[tuple[str, str]]:
    """The names of ``text`` after demonym_bodies, given ``names`` (text: type) as read before it."""
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    words = [t.text for t in toks]
    gaz = gaz_index(language)
    ms: list[Mention] = []
    for name, typ in (names or {}).items():
        parts = [t.text for t in tokenize(name)]
        i = next(k for k in range(len(words)) if words[k : k + len(parts)] == parts)
        ms.append(_name_mention(s, i, i + len(parts), typ, gaz, "tagger"))
    return [(m.text, m.type) for m in demonym_bodies(s, sorted(ms, key=lambda m: m.i), load_lexicon(language), gaz)]


@pytest.mark.parametrize(("text", "names", "body"), [
    ("Exports were approved by the Peruvian Government on Monday .", {}, "Peruvian Government"),
    ("Talks resumed , the Latvian Fisheries Ministry said .", {}, "Latvian Fisheries Ministry"),
    # the tagger's pieces, the country's adjective and the head, give way to the whole
    ("Talks resumed , the Latvian Fisheries Ministry said .",
     {"Latvian": "Country", "Fisheries Ministry": "Organization"}, "Latvian Fisheries Ministry"),
])
def test_a_run_from_a_demonym_to_a_body_word_is_one_organisation(text: str, names: dict[str, str],
                                                                 body: str) -> None:
    got = _read(text, names)
    assert (body, "Organization") in got
    assert [n for n, _ in got if n != body and n in body] == []


@pytest.mark.parametrize(("text", "names"), [
    # the run goes on past the body word: something else is named
    ("The Peruvian Government Bond Index rose .", {}),
    # no body word at the run's end
    ("Talks with Peruvian President Ana Roca resumed .", {"Ana Roca": "Person"}),
    # a person inside the run
    ("The Latvian Karlis Ozols Foundation paid .", {"Karlis Ozols": "Person"}),
    # a country's name, not its adjective ("U.S.")
    ("The U.S. Fisheries Service said .", {}),
    # a name crossing the run's edge is left as read
    ("Officials in Riga Latvian Fisheries Ministry said .", {"Riga Latvian": "Place"}),
])
def test_no_body_without_the_shape(text: str, names: dict[str, str]) -> None:
    assert not [n for n, t in _read(text, names) if t == "Organization" and n not in names]


def test_the_shape_is_language_data() -> None:
    # Indonesian names a body head first ("Pemerintah Peru"): the setting is off
    assert _read("Disetujui oleh Peruvian Government pada Senin .", {}, "id") == []
