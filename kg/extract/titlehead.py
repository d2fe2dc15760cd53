"""Head-final job titles with their modifiers before them: "X, social media manager Lumeo", "X, brand director
untuk Lumeo". English titles borrowed into Indonesian keep English word order: the title's head ("manager",
"director") comes last and the portfolio before it, so the works_for cue (the head) does not touch the comma
after the holder. :func:`modified_title` widens the cue over those modifiers, as
:func:`kg.extract.titlechain.title_chain` widens it over joined titles; the caller
(:func:`kg.extract.relations.find_relations`) asks only when the cue alone gave no job. A language whose
``head_final_titles`` (language.toml) is empty reads none (English: its own titles are read by the cue list).
"""

from __future__ import annotations

from kg.extract.edges import is_affixed_verb
from kg.extract.found import Hit
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.resources import word_set

# Most modifier tokens before a head-final title ("External Affairs & Communication Director": 4).
TITLE_MODIFIERS = 4


def modified_title(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit) -> Hit | None:
    """The works_for cue ``h`` widened over the modifiers before it, when its last word is a head-final title
    (``head_final_titles``) and one to :data:`TITLE_MODIFIERS` modifier tokens stand between it and a comma
    right before them (the apposition "X, <modifiers> TITLE"). A modifier is a word that is no stop word, no
    speech verb, no affixed verb ("mengkritik") and no part of a name other than a sector's ("social media
    manager"), or "&" between two of them. None otherwise.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "kata budi , social media manager lumeo ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> lex = load_lexicon("id")
    >>> h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    >>> w = modified_title(s, lex, [], h)
    >>> [t.text for t in s.tokens[w.i : w.j]]
    ['social', 'media', 'manager']
    >>> text = "Anies , mengkritik manager Lumeo"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> modified_title(s, lex, [], next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")) is None
    True
    """
    heads = lex.optional_words("head_final_titles")
    toks = s.tokens
    if not heads or toks[h.j - 1].low not in heads:
        return None
    stop = word_set(lex.code, "stopwords.txt") | lex.words("speech_verbs")
    # a sector word may be the portfolio ("social media manager"); any other name ends the modifiers
    named = {k for m in ms if m.type != "Sector" for k in range(m.i, m.j)}
    k = h.i
    while k > 0 and h.i - k < TITLE_MODIFIERS:
        t = toks[k - 1]
        if k - 1 in named or not (t.is_word or (t.text == "&" and k < h.i)) or t.low in stop or \
                is_affixed_verb(t.text, lex):
            break
        k -= 1
    if k == h.i or k == 0 or toks[k - 1].text != "," or not toks[k].is_word:
        return None
    return Hit(k, h.j, h.cue)
