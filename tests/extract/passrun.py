"""Set-ups shared by the tests of kg.extract's rules: a sentence written for the test, its mentions set by
hand (so the tests do not depend on what a model learnt), and a name-shape pass run on them.

A pass is a function ``(sentence, mentions, lexicon, gazetteer) -> mentions``; the tests compare the
``(text, type)`` of what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kg.extract.gazindex import GazIndex, gaz_index
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, split_sentences

Pass = Callable[[Sentence, list[Mention], Lexicon, GazIndex], Iterable[Mention]]


def run_pass(fn: Pass, text: str, spans: Sequence[tuple[int, int, str]], language: str, *,
             source: str = "ner", looked_up: bool = True) -> list[tuple[str, str]]:
    """``(text, type)`` of what ``fn`` returns for the first sentence of ``text`` and mentions over the token
    spans ``(i, j, type)``: looked up in the gazetteer as kg makes them (``looked_up``), or plain (key and
    label the text itself, as a tagger's unknown name)."""
    lex, gaz = load_lexicon(language), gaz_index(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    if looked_up:
        ms = [_name_mention(s, i, j, t, gaz, source) for i, j, t in spans]
    else:
        ms = []
        for i, j, t in spans:
            name = text[toks[i].start : toks[j - 1].end]
            ms.append(Mention(0, i, j, toks[i].start, toks[j - 1].end, name, t, name.lower(), name, source))
    return [(m.text, m.type) for m in fn(s, ms, lex, gaz)]


def one_sentence(text: str, language: str = "en") -> Sentence:
    """``text`` as the one sentence it is (an error when kg splits it in two)."""
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon(language))
    return s


def mention_at(s: Sentence, words: str, kind: str, nth: int = 0, language: str = "en") -> Mention:
    """The mention of ``words`` (their ``nth`` occurrence as whole tokens) typed ``kind``, made as kg makes a
    name's mention (looked up in ``language``'s gazetteer)."""
    toks = [t.text for t in s.tokens]
    parts = words.split()
    i = [k for k in range(len(toks)) if toks[k : k + len(parts)] == parts][nth]
    return _name_mention(s, i, i + len(parts), kind, gaz_index(language), "test")
