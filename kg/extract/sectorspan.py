"""Where a sector word's span ends in a head-first language: the words that narrow the line of business.

Indonesian puts the head first, and a line of business is often a sector word of kg's vocabulary
followed by the words that narrow it: "asuransi bencana", "Pertambangan Timah", "ponsel cerdas",
"minyak dan gas bumi", "Asuransi Kendaraan Listrik". The annotation guideline tags the whole phrase
(docs/annotations.md: a Sector is the words naming the line of business, without a generic head), so a
vocabulary match that stops at the sector word is a span the gold does not hold, and a false positive.

The span runs on over at most :data:`_MAX_MODIFIERS` words after the vocabulary match (only where the
language sets ``sector_modifiers_follow``, and not after an acronym: "pengembang PLTS atap PT X") while
each word is an ordinary word of the language (:func:`kg.extract.edges.is_ordinary_word`), and none of:

- a stop word, a cue word, a verb (affixed on a known root, or a bare headline verb of
  ``headline_verbs.txt``), a word of ``sector_modifier_stops`` (words that say which firm, how big or how new:
  "swasta" stays, "terbesar", "baru", "nasional" do not) or a head word
  (``sector_span_heads``, ``sector_before_name_heads``: the start of another phrase);
- capitalised (a name: "asuransi Allianz"); in a title-case headline a plain word joins only where the
  headline or its clause ends ("Cara Beli Asuransi Bencana"), and not a word of ``headline_predicates``,
  since a word there may start a name ("Emiten Tambang Sinar Mas") or be the predicate ("Industri Otomotif
  Lesu"); another sector word joins anywhere;
- a known country or place ("e-dagang indonesia"); in a sentence without capitals the span ends before
  a stop word, a verb or punctuation, or not at all ("maskapai penerbangan air asia": "air" may start a name);
- part of another name kg found (another sector word joins: "Asuransi" + "Kendaraan Listrik").

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import tokenize
>>> lex = load_lexicon("id")
>>> toks = tokenize("menggarap pertambangan pasir di lumajang")
>>> modifiers_end(toks, 2, lex, title_case=False, others=())
3
>>> toks = tokenize("maskapai penerbangan air asia menambah rute")
>>> modifiers_end(toks, 2, lex, title_case=False, others=(), caseless=True)
2
>>> toks = tokenize("produsen ponsel terbesar di dunia")
>>> modifiers_end(toks, 2, lex, title_case=False, others=())
2
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence

from kg.extract.edges import is_affixed_verb, is_ordinary_word
from kg.extract.lexicon import Lexicon
from kg.extract.text import Token
from kg.resources import word_set

_MAX_MODIFIERS = 2  # "Asuransi Wajib Motor-Mobil": a line of business is a short phrase


@functools.lru_cache(maxsize=8)
def _stops(lex: Lexicon) -> frozenset[str]:
    """Words that end a sector phrase (built once per language: every sector word asks)."""
    return (lex.optional_words("sector_modifier_stops") | lex.optional_words("sector_span_heads")
            | lex.optional_words("sector_before_name_heads") | word_set(lex.code, "stopwords.txt")
            | word_set(lex.code, "headline_verbs.txt") | lex.cue_words)


def modifiers_end(toks: Sequence[Token], j: int, lex: Lexicon, *, title_case: bool,
                  others: Collection[tuple[int, int, str]], is_place: Callable[[str], bool] = lambda w: False,
                  caseless: bool = False) -> int:
    """The end of the sector phrase whose vocabulary match ends at token ``j``: ``j`` itself, or past the
    words after it that narrow the line of business (module docstring). ``others`` are the other names
    found in the sentence, as ``(i, j, type)``: a name of another type stops the span, a sector word
    joins it. ``is_place`` says whether a word is a known country or place ("e-dagang indonesia"). In a
    ``caseless`` sentence the span ends before a word that could go on a name ("maskapai penerbangan air
    asia": "air" may start one), as in a headline."""
    if not lex.settings.get("sector_modifiers_follow", False) or toks[j - 1].is_upper:
        return j  # an acronym ("PLTS atap PT X") is whole: the words after it belong to what comes next
    stops = _stops(lex)

    def plain(t: Token) -> bool:
        return (t.is_word and not any(ch.isdigit() for ch in t.text) and not t.is_upper
                and t.low not in stops and not is_affixed_verb(t.low, lex))

    ends = [j]
    k = j
    while k < len(toks) and k - j < _MAX_MODIFIERS:
        t = toks[k]
        other = next((o for o in others if o[0] <= k < o[1]), None)
        if other is not None:
            if other[2] != "Sector" or other[0] < j:
                break
            k = other[1]  # "Asuransi Kendaraan Listrik": another sector word narrows this one
            ends.append(k)
            continue
        if not plain(t) or (t.is_cap and not title_case) or not is_ordinary_word(t.low, lex) or is_place(t.text):
            # a headline's word after a sector word may start a name ("Emiten Tambang Sinar Mas") or be
            # its predicate ("Industri Otomotif Lesu"): only another sector word joins there
            break
        k += 1
        ends.append(k)
    if caseless:
        # lowercase words say nothing of names: the span ends before a stop, a verb or punctuation
        ends = [e for e in ends if e == j or e == len(toks) or not plain(toks[e])]
    elif title_case:
        # in a headline every word is capitalised and a plain word may be the predicate ("Sekuritas Tumbuh
        # Dua Kali"): the span takes words only where the headline or its clause ends (punctuation)
        said = lex.optional_words("headline_predicates")  # "Industri Otomotif Lesu": how it fares
        ends = [e for e in ends if e == j or ((e == len(toks) or not toks[e].is_word)
                                              and not any(t.low in said for t in toks[j:e]))]
    return ends[-1]
