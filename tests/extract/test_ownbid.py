"""A bid named by its bidder: "USAir rejected TWA's offer" (kg.extract.ownbid)."""

from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.ownbid import possessed_bids
from kg.extract.text import Sentence, tokenize


def _read(text: str, names: list[str], language: str = "en", types: dict[str, str] | None = None):
    s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    words = [t.text for t in s.tokens]
    ms = []
    for name in names:
        parts = name.split()
        i = next(k for k in range(len(words)) if words[k : k + len(parts)] == parts)
        j = i + len(parts)
        ms.append(Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end, name, (types or {}).get(name, "Company"),
                          name.lower(), name))
    ms.sort(key=lambda m: m.i)
    lex = load_lexicon(language)
    return [(f.type, f.subject.text, f.object.text, f.status)
            for f in possessed_bids(s, lex, ms, find_cues(s, lex), [])]


def test_possessive_bidder_acquires_the_other_company():
    assert _read("USAir earlier today rejected TWA's offer.", ["USAir", "TWA"]) == [
        ("acquisition", "TWA", "USAir", "planned")]


def test_the_name_before_the_bid_word_and_modifiers():
    assert _read("The USAir board rejected the TWA offer on Friday.", ["USAir", "TWA"]) == [
        ("acquisition", "TWA", "USAir", "planned")]
    assert _read("Gillette rejected Revlon's revised takeover proposal.", ["Gillette", "Revlon"]) == [
        ("acquisition", "Revlon", "Gillette", "planned")]


def test_no_target_when_several_or_none():
    # two other companies: which one is bid for is not said
    assert _read("USAir said TWA's bid was an attempt to stop its buyout of Piedmont.",
                 ["USAir", "TWA", "Piedmont"]) == []
    assert _read("TWA's offer was raised.", ["TWA"]) == []


def test_no_bidder_without_possessive_or_article():
    assert _read("USAir said TWA offer terms were unclear.", ["USAir", "TWA"]) == []


def test_organisation_target_is_no_acquisition():
    assert _read("The SEC reviewed TWA's offer.", ["SEC", "TWA"], types={"SEC": "Organization"}) == []


def test_languages_without_the_markers_read_nothing():
    assert _read("BRI menolak tawaran Mandiri.", ["BRI", "Mandiri"], language="id") == []


def test_a_person_bidding_invests():
    assert _read("Caesars World rejected the Sosnoff takeover bid.", ["Caesars World", "Sosnoff"],
                 types={"Sosnoff": "Person"}) == [("investment", "Sosnoff", "Caesars World", "planned")]
