"""kg.extract.pairextra: the pair classifier's per-language features, read through kg.extract.relmodel."""

from __future__ import annotations

from kg.extract import relmodel
from kg.extract.pairextra import between_roots, pair_extras
from kg.extract.text import tokenize


def test_types_order_and_cues_are_read_per_language() -> None:
    toks = tokenize("Budi Santoso , Direktur Utama PT Lumeo Sejahtera , mengatakan")
    m = relmodel.load()
    fwd = relmodel.features(toks, (0, 2, "Person"), (6, 8, "Company"), language="id", model=m)
    back = relmodel.features(toks, (6, 8, "Company"), (0, 2, "Person"), language="id", model=m)
    assert "LT=id|PER>ORG|ab" in fwd and "LT=id|ORG>PER|ba" in back
    # the job title between the two names, with the pair's types and direction
    assert "cue_bt=PER>ORG|ab|works_for" in fwd and "cue_bt=ORG>PER|ba|works_for" in back
    # the same shape in English is another feature
    en = relmodel.features(tokenize("Ana Diaz , chief executive of Lumeo Corp , said"), (0, 2, "Person"),
                           (6, 8, "Company"), language="en", model=m)
    assert "LT=en|PER>ORG|ab" in en and not any(f.startswith("LT=id") for f in en)


def test_without_cues_no_cue_conjunction() -> None:
    toks = tokenize("Budi Santoso , Direktur Utama PT Lumeo , mengatakan")
    f = relmodel.features(toks, (0, 2, "Person"), (6, 7, "Company"), language="id")
    assert not any(x.startswith(("cue_bt=", "br=")) for x in f)
    assert pair_extras("ORG>ORG", "ba", "0", "en", []) == ["LT=en|ORG>ORG|ba", "LD=en|ORG>ORG|ba|0"]


def test_affixed_words_between_share_their_root() -> None:
    m = relmodel.load()
    cues = m.cues["id"]
    one = between_roots("id", ["resmi", "mengakuisisi"], cues)
    two = between_roots("id", ["telah", "diakuisisi"], cues)
    assert one == two == ["br=akuisisi"]
    assert between_roots("id", ["akuisisi", "2024", "PT"], cues) == []  # a root itself, a number: nothing
    assert between_roots("en", ["acquired"], m.cues["en"]) == []  # no English root dictionary


def test_role_words_are_not_between_words() -> None:
    """The object's own words are ``bnw=``, not the between-words' ``bw=`` (they once shared the name)."""
    toks = tokenize("Ana Diaz of Lumeo Motor Corp said")
    f = relmodel.features(toks, (0, 2, "Person"), (3, 6, "Company"), language="en")
    assert [x for x in f if x.startswith("bw=")] == ["bw=of"]
    assert "bnw=lumeo" in f and "anw=ana" in f
