"""kg.extract.venues: the venue frames of several sentences read in turn (the cache of recent sentences)."""

from kg.extract import venues
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences

TEXT = ("In a filing with the Securities and Exchange Commission, Tenvar said it bought Lumeo. "
        "Lumeo told Reuters it agreed. Shares of Tenvar rose.")


def test_frames_of_sentences_read_in_turn_are_those_read_alone():
    lex = load_lexicon("en")
    sents = split_sentences(TEXT, [(0, len(TEXT))], lex)
    venues._RECENT.clear()
    alone = []
    for s in sents:
        venues._RECENT.clear()
        alone.append(venues._frame_ends(s.tokens, lex))
    assert alone[0] and alone[1] and not alone[2]
    venues._RECENT.clear()
    for _ in range(3):  # three passes over the article, as coreference, the classifier and the rules make
        assert [venues._frame_ends(s.tokens, lex) for s in sents] == alone
    assert len(venues._RECENT) == len(sents)
    # another lexicon reads the same tokens again
    assert venues._frame_ends(sents[0].tokens, load_lexicon("id")) is not None


def test_the_cache_is_bounded():
    lex = load_lexicon("en")
    venues._RECENT.clear()
    for k in range(venues._RECENT_MAX + 5):
        text = f"Firm {k} told Reuters."
        venues._frame_ends(split_sentences(text, [(0, len(text))], lex)[0].tokens, lex)
    assert 0 < len(venues._RECENT) <= venues._RECENT_MAX
