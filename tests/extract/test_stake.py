"""A stake below control is an investment, not an acquisition (docs/annotations.md).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract.stake import below_control
from kg.extract.text import tokenize
from tests.extract.readings import relations_of


def _types(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, status=False)


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc said it bought 9.5 pct of Lumeo Corp.",
        "Tenvar Industries Inc agreed to buy a 43 pct stake in Lumeo Corp.",
        "Tenvar Industries Inc said it has acquired 258,591 shares of Lumeo Corp.",
        "Tenvar Industries Inc said it acquired a minority stake in Lumeo Corp.",
    ],
)
def test_a_stake_is_an_investment(text):
    rels = _types(text)
    assert ("investment", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert not any(r[0] == "acquisition" for r in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc said it bought Lumeo Corp.",
        "Tenvar Industries Inc agreed to buy a 60 pct stake in Lumeo Corp.",
        "Tenvar Industries Inc agreed to buy the remaining 49 pct of Lumeo Corp.",
        "Tenvar Industries Inc agreed to acquire all the outstanding shares of Lumeo Corp.",
        "Tenvar Industries Inc extended its tender offer for Lumeo Corp shares.",
    ],
)
def test_control_stays_an_acquisition(text):
    rels = _types(text)
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels


def test_the_words_read_stop_at_another_name():
    # the 10 pct belongs to Vexo, not to the deal between Tenvar and Lumeo
    toks = tokenize("Tenvar, which owns 10 pct of Vexo, agreed to acquire Lumeo")
    assert not below_control(toks, (0, 1), (12, 13), "en")
    toks = tokenize("Tenvar agreed to buy 12 pct of Lumeo")
    assert below_control(toks, (0, 1), (6, 7), "en")
    # a share price is no stake
    toks = tokenize("Tenvar offered 27 dlrs a share for Lumeo")
    assert not below_control(toks, (0, 1), (7, 8), "en")


def _deal(text: str, rtype: str, status: str = "asserted"):  # type: ignore[no-untyped-def]
    # one sentence, "Tenvar Corp" as the buyer and "Lumeo Inc" as the target, as the engine would find them
    from kg.extract.found import Found
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

    toks = tokenize(text)
    s = Sentence(0, 0, len(text), text, tuple(toks))

    def mention(name: str, key: str) -> Mention:
        i = next(k for k, t in enumerate(toks) if t.text == name.split()[0])
        j = i + len(name.split())
        return Mention(0, i, j, toks[i].start, toks[j - 1].end, name, "Company", key, name)

    return Found(rtype, mention("Tenvar Corp", "tenvar"), mention("Lumeo Inc", "lumeo"), status, s)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tenvar Corp was barred from buying additional Lumeo Inc shares", "investment"),
        ("Tenvar Corp raised its holding to 56 pct of Lumeo Inc", "acquisition"),
        ("Tenvar Corp made a tender offer for Lumeo Inc", "acquisition"),
    ],
)
def test_one_sentence_gives_a_pair_one_deal_type(text: str, kept: str) -> None:
    from kg.extract.stake import one_deal_type

    both = [_deal(text, "acquisition"), _deal(text, "investment")]
    got = one_deal_type(both, "en", lambda m: m.key)
    assert [f.type for f in got] == [kept]
    # two statuses are two claims ("bought the stake ... no intention of seeking control"): both stay
    claims = [_deal(text, "acquisition", "denied"), _deal(text, "investment")]
    assert one_deal_type(claims, "en", lambda m: m.key) == claims
    # one type alone is never changed here
    assert one_deal_type(both[:1], "en", lambda m: m.key) == both[:1]


def test_more_shares_are_a_stake_unless_the_sentence_speaks_of_control():
    toks = tokenize("Tenvar is barred from buying additional shares of Lumeo")
    assert below_control(toks, (0, 1), (7, 8), "en")
    toks = tokenize("Tenvar said it will not buy more Lumeo stock")
    assert below_control(toks, (0, 1), (7, 8), "en")
    toks = tokenize("Tenvar agreed to limits on buying additional Lumeo shares and on seeking control of it")
    assert not below_control(toks, (0, 1), (7, 8), "en")


def test_a_description_of_the_target_is_no_other_name():
    # "Ruritanian car maker" describes the target: the stake before it is still read
    toks = tokenize("Tenvar Corp is taking a 20 pct stake in Ruritanian car maker <Lumeo SpA>")
    words = [t.text for t in toks]
    target = words.index("Lumeo")
    assert below_control(toks, (0, 2), (target, target + 2), "en")
    toks = tokenize("Tenvar Corp agreed to buy all of Ruritanian car maker Lumeo SpA")
    words = [t.text for t in toks]
    target = words.index("Lumeo")
    assert not below_control(toks, (0, 2), (target, target + 2), "en")  # all of it: control


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the denial is of control (flag not=): the stake bought stands
        ("Tenvar Industries Inc said it bought the Lumeo Corp stake for investment purposes and has no intention"
         " of seeking control of Lumeo Corp.", "asserted"),
        # what is denied is a further stake (kg.extract.statusscope.further), not the one held
        ("Tenvar Industries Inc said it would not buy more Lumeo Corp stock.", "asserted"),
    ],
)
def test_a_stake_read_as_an_acquisition_gets_the_status_of_the_investment_it_becomes(text: str, status: str) -> None:
    # the cue ("bought", "buy") is an acquisition's; the link is an investment, and its status is read as one
    rels = relations_of(text)
    assert ("investment", "Tenvar Industries Inc", "Lumeo Corp", status) in rels, rels


def test_the_status_is_read_for_the_type_the_link_will_have():
    from kg.extract.mentions import Mention
    from kg.extract.stake import status_type

    toks = tokenize("Tenvar Corp bought 9.5 pct of Lumeo Inc")

    def mention(i: int, j: int, name: str, kind: str = "Company") -> Mention:
        return Mention(0, i, j, toks[i].start, toks[j - 1].end, name, kind, name.lower(), name)

    tenvar, lumeo = mention(0, 2, "Tenvar Corp"), mention(6, 8, "Lumeo Inc")
    assert status_type("acquisition", tenvar, lumeo, toks, "en") == "investment"
    assert status_type("partnership", tenvar, lumeo, toks, "en") == "partnership"
    whole = tokenize("Tenvar Corp bought all of Lumeo Inc")
    assert status_type("acquisition", tenvar, mention(5, 7, "Lumeo Inc"), whole, "en") == "acquisition"
