"""A speaker is no party of the deal he speaks about: in "Prabowo Ungkap Gelombang Pertama Investasi
Danantara" Prabowo tells of Danantara's investment and makes none. A person before a relation cue with a verb of
revealing between them (``disclosure_verbs`` in ``ontology/lang/<code>/language.toml``) is that speaker; a
company that reveals its own deal stays its party ("Djarum Ungkap Rencana Akuisisi X"). Called by
:func:`kg.extract.relations.find_relations`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence


def spoken_subject(s: Sentence, lex: Lexicon, h: Hit, subject: Mention) -> bool:
    """Whether ``subject``, a person before the relation cue ``h``, only speaks about the deal: a verb of
    revealing stands between them.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> from kg.extract.cueparties import find_cues
    >>> lex = load_lexicon("id")
    >>> def run(text, name, cue):
    ...     toks = tokenize(text)
    ...     words = [t.text for t in toks]
    ...     s = Sentence(0, 0, len(text), text, tuple(toks))
    ...     i = words.index(name)
    ...     m = Mention(0, i, i + 1, 0, 0, name, "Person", name, name, "ner")
    ...     k = words.index(cue)
    ...     hit = next(h for h in find_cues(s, lex) if h.i == k and h.cue.relation)
    ...     return spoken_subject(s, lex, hit, m)
    >>> run("Prabowo Beberkan Investasi Awal Danantara", "Prabowo", "Investasi")
    True
    >>> run("Djarum Gelontorkan Investasi ke Danantara", "Djarum", "Investasi")
    False
    """
    if subject.j > h.i or subject.type != "Person":
        return False
    said = lex.optional_words("disclosure_verbs")
    return any(t.low in said for t in s.tokens[subject.j : h.i])
