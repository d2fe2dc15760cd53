"""What a launch cue releases is the product named after a title marker, not the kind of product before it.

"Samsung mengklaim tengah mempersiapkan ponsel Android paling murah bernama Galaxy Pocket": the cue's nearest
product, "Android", only says what kind of phone it is; the phone launched is the one "bernama" (named) names.
The title markers are ``title_markers`` in language.toml ("bernama", "berjudul", "bertajuk"). On the Indonesian
train split of annotations/, a launch cue with a marker and a Product after it in the same clause launches that
product 5 times of 5 ("merilis album ... bertajuk \\" Dalam Simthud Duror \\"", "merilis ... sekuel berjudul
' Finding Dory '"; in one the gold maker is another company of the sentence) and the product before the marker
0 times of 1 ("ponsel Android ... bernama Galaxy Pocket").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

__all__ = ["named_product"]

_QUOTES = frozenset({'"', "'", "‘", "’", "“", "”"})


def named_product(s: Sentence, lex: Lexicon, ms: Sequence[Mention], h: Hit, obj: Mention, hi: int) -> Mention:
    """The product a title marker names after the launch cue ``h`` and before the clause end ``hi``, when the
    cue's object ``obj`` is a product before the marker; else ``obj``.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> t = "Samsung mempersiapkan ponsel Android paling murah bernama Zorva Pocket ."
    >>> s = Sentence(0, 0, len(t), t, tuple(tokenize(t)))
    >>> lex = load_lexicon("id")
    >>> ms = [Mention(0, 3, 4, 29, 36, "Android", "Product", "android", "Android", "ner"),
    ...       Mention(0, 7, 9, 58, 70, "Zorva Pocket", "Product", "zorva pocket", "Zorva Pocket", "ner")]
    >>> h = next(h for h in find_cues(s, lex) if h.cue.relation == "launch")
    >>> named_product(s, lex, ms, h, ms[0], len(s.tokens)).text
    'Zorva Pocket'
    """
    markers = lex.optional_words("title_markers")
    if obj.type != "Product" or not markers or obj.i < h.j:
        return obj
    toks = s.tokens
    for k in range(obj.j, min(hi, len(toks))):
        if toks[k].low not in markers:
            continue
        start = k + 1
        while start < len(toks) and toks[start].text in _QUOTES:
            start += 1
        return next((m for m in ms if m.i == start and m.type == "Product"), obj)
    return obj
