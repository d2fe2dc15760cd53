"""The pair classifier's deals only where a sentence speaks of one (kg.extract.classified.deal_said)."""

from kg.extract.classified import deal_said
from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.text import Sentence, tokenize


def _said(text: str, language: str = "en") -> bool:
    s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    lex = load_lexicon(language)
    return deal_said(s, lex, find_cues(s, lex))


def test_sentences_without_a_deal_word():
    assert not _said("Roderick said USX had no immediate plans to restructure its Marathon Oil Co.")
    assert not _said("Western must discuss with its unions whether its labor contracts will be binding for Delta.")


def test_cues_and_deal_words():
    assert _said("Vexo agreed to acquire Lumeo.")  # an acquisition cue
    assert _said("Vexo completed the sale of its Lumeo unit.")  # sale.txt, and a unit cue
    assert _said("Vexo raised its holding to 12 pct.")  # stake.txt
    assert _said("Lumeo rejected the Vexo offer.")  # bid_words
    assert _said("Vexo is the rival suitor for Lumeo.")  # deal_words.txt
    assert _said("Lumeo is controlled by Tenvar.")
