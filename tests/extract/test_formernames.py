"""A former or official name beside a company's present name is another name of it, not a party of its own
(kg.extract.formernames). Every sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.formernames import former_names
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.text import split_sentences
from kg.model import Article


@pytest.mark.parametrize(("text", "present", "former"), [
    ("Lumeo Studios LLC (formerly Vexo Games) is based in Dallas.", (0, 3), (5, 7)),
    ("Lumeo Studios LLC, formerly known as Vexo Games, is based in Dallas.", (0, 3), (7, 9)),
    ("Vexo Games, now known as Lumeo Studios LLC, is based in Dallas.", (5, 8), (0, 2)),
    ("Lumeo Studios LLC (officially Vexo Games Co) is based in Dallas.", (0, 3), (5, 8)),
])
def test_the_other_name_maps_to_the_present_one(text: str, present: tuple[int, int],
                                                 former: tuple[int, int]) -> None:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    (s,) = split_sentences(text, [(0, len(text))], lex)
    a = _name_mention(s, *present, "Company", gaz, "test")
    b = _name_mention(s, *former, "Company", gaz, "test")
    ms = sorted([a, b], key=lambda m: m.i)
    assert {k: m.text for k, m in former_names(s, lex, ms).items()} == {b.key: a.text}


def test_two_companies_in_a_list_are_not_one() -> None:
    text = "Lumeo Studios LLC, Vexo Games and Tenvar Inc are based in Dallas."
    lex, gaz = load_lexicon("en"), gaz_index("en")
    (s,) = split_sentences(text, [(0, len(text))], lex)
    ms = [_name_mention(s, 0, 3, "Company", gaz, "test"), _name_mention(s, 4, 6, "Company", gaz, "test")]
    assert former_names(s, lex, ms) == {}


def test_no_link_is_given_to_the_former_name() -> None:
    text = "Lumeo Studios LLC (formerly Vexo Games Inc) is a video game developer based in Dallas, Texas."
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    parties = {label[p] for r in x.relations for p in (r.subject, r.object)}
    assert "Vexo Games Inc" not in parties
    assert any(label[r.subject] == "Lumeo Studios LLC" and label[r.object] == "Dallas" for r in x.relations
               if r.type == "based_in")
