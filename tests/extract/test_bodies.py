"""A public body's name goes on after its head word (kg.extract.bodies).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.bodies import body_end
from kg.extract.lexicon import load_lexicon
from kg.extract.text import tokenize
from kg.model import Article


def _mentions(text: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    return {(" ".join(m.text.split()), e.type) for e in x.entities for m in e.mentions}


@pytest.mark.parametrize("text,body,inside", [
    ("Lumeo Fund said the U.S. District Court for the District of New Jersey blocked the offer.",
     "U.S. District Court for the District of New Jersey", "New Jersey"),
    ("Vexo Inc said the U.S.\nDistrict Court for the Northern District of Texas denied the motion of Lumeo Corp.",
     "U.S. District Court for the Northern District of Texas", "Texas"),
    ("The Presidential Commission on Good Government said it seized the shares of Vexo Corp.",
     "Presidential Commission on Good Government", "Good Government"),
    ("Ana Ruiz, a professor at the Lumeo Institute for Coastal Studies, said the dunes are shrinking.",
     "Lumeo Institute for Coastal Studies", "Coastal Studies"),
])
def test_a_body_keeps_its_district_or_subject(text: str, body: str, inside: str) -> None:
    found = _mentions(text)
    assert (body, "Organization") in found
    assert not any(m == inside for m, _ in found)


def test_a_date_or_a_lowercase_word_after_the_head_is_no_part_of_it() -> None:
    lex = load_lexicon("en")
    args = lex.words("body_heads"), lex.words("body_topic_joins"), ("for", "the", "district", "of")
    toks = tokenize("the Federal Court on Monday ruled")
    assert body_end(toks, 3, *args) == 3
    toks = tokenize("the Federal Court for the case")
    assert body_end(toks, 3, *args) == 3
    assert body_end(tokenize("the Lumeo Group on Friday"), 3, *args) == 3  # no body's head word


def test_the_words_are_language_data() -> None:
    assert "court" in load_lexicon("en").words("body_heads")
    assert "body_heads" not in load_lexicon("id").settings  # a language without them reads nothing there


def test_a_name_cut_before_its_head_word_takes_it() -> None:
    # the tagger ends "U.S. Supreme" before "Court on Monday"; the head word is the body's, the date is not
    lex = load_lexicon("en")
    from kg.extract.bodies import whole_bodies
    from kg.extract.gazindex import gaz_index
    from kg.extract.mentions import _name_mention
    from kg.extract.text import split_sentences
    text = "The U.S. Supreme Court on Monday ruled against Lumeo Corp."
    s = split_sentences(text, [(0, len(text))], lex)[0]
    gaz = gaz_index("en")
    court = [t.text for t in s.tokens].index("Court")
    cut = _name_mention(s, 1, court, "Organization", gaz)
    whole = whole_bodies(s, [cut], lex, gaz)
    assert [" ".join(m.text.split()) for m in whole] == ["U.S. Supreme Court"]
    other = _name_mention(s, court, court + 1, "Organization", gaz)  # a head word another name holds stays its
    assert whole_bodies(s, [cut, other], lex, gaz) == [cut, other]


def test_for_after_an_institute_opens_a_subject_but_not_a_lowercase_phrase() -> None:
    lex = load_lexicon("en")
    args = lex.words("body_heads"), lex.words("body_topic_joins"), ("for", "the", "district", "of")
    toks = tokenize("the Vexo Institute for Marine Biology said")
    assert [t.text for t in toks[1 : body_end(toks, 3, *args)]] == ["Vexo", "Institute", "for", "Marine", "Biology"]
    toks = tokenize("the Vexo Institute for two years said")
    assert body_end(toks, 3, *args) == 3
