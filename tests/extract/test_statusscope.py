"""kg.extract.statusscope: where the rules read a pair without a cue (the word before its later party).

Every sentence here is written for these tests (no corpus text); company names are fictional.
"""

from __future__ import annotations

import pytest

from kg.extract import status as S
from kg.extract.classified import pair_status
from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.statusscope import cueless_place
from kg.extract.text import Sentence, tokenize


def _read(lang: str, text: str, a: str, b: str, relation: str) -> tuple[str, tuple[int, int] | None]:
    """The rules' status of the pair ``a`` ``b`` (their words) as kg reads a gold or classified pair, and
    where :func:`cueless_place` reads it."""
    lex = load_lexicon(lang)
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    hits = find_cues(s, lex)

    def span(name: str) -> tuple[int, int]:
        words = name.split()
        i = next(k for k in range(len(toks)) if [t.text for t in toks[k:k + len(words)]] == words)
        return i, i + len(words)

    pa, pb = span(a), span(b)
    return pair_status(s, lex, hits, relation, pa, pb, learned=False), cueless_place(hits, relation, [pa, pb])


@pytest.mark.parametrize(("lang", "text", "relation", "status"), [
    # the negation and the plan stand between the parties, after the word the pair used to be read at
    ("en", "Norvik Shipping said it does not intend to seek influence over Talon Ports.", "investment", "denied"),
    ("en", "Norvik Shipping, which disclosed that it does not intend to seek influence over Talon Ports, fell.",
     "investment", "denied"),
    ("en", "Norvik Shipping said it intends to subscribe for two mln shares of Talon Ports.", "investment",
     "planned"),
    ("en", "Norvik Shipping said it held shares of Talon Ports.", "investment", "asserted"),
])
def test_a_pair_without_a_cue_is_read_before_its_later_party(lang: str, text: str, relation: str,
                                                             status: str) -> None:
    got, place = _read(lang, text, "Norvik Shipping", "Talon Ports", relation)
    assert place is not None and got == status


def test_a_pair_with_a_cue_is_read_at_its_cue() -> None:
    # "acquire" is the acquisition's own cue: the pair is read there, as before
    text = "Norvik Shipping said it does not plan to acquire Talon Ports."
    got, place = _read("en", text, "Norvik Shipping", "Talon Ports", "acquisition")
    assert place is None and got == "denied"
    # a cue of another type between the parties is the place too ("to buy 50 pct of": a stake read at "buy")
    _, place = _read("en", "Norvik Shipping may buy 20 pct of Talon Ports.", "Norvik Shipping", "Talon Ports",
                     "investment")
    assert place is None


def test_parties_side_by_side_have_no_place_between() -> None:
    lex = load_lexicon("en")
    toks = tuple(tokenize("Norvik Talon said"))
    hits = find_cues(Sentence(0, 0, 17, "", toks), lex)
    assert cueless_place(hits, "partnership", [(0, 1), (1, 2)]) is None
    assert cueless_place(hits, "partnership", [(0, 1)]) is None


def test_training_reads_the_rules_as_extraction_does() -> None:
    from kg.train.status import make_item, rules

    text = "Norvik Shipping said it does not intend to seek influence over Talon Ports."
    b = text.index("Talon Ports")
    it = make_item("d", "en", text, (0, 15), (b, b + 11), "investment", "denied")
    assert it is not None and rules(it) == "denied"
    assert S.rule_status(it.sentence.tokens, load_lexicon("en"), it.hits, it.anchor, it.lo, it.hi,
                         question=False, relation="investment", parties=(it.a, it.b)) == "asserted"
