"""Venues: names that say where something was filed, said or reported, not who did it.

"In a filing with the SEC, Tenvar bought Lumeo": the SEC bought nothing. Regulators,
exchanges and news outlets are recognised here by construction, not by name: the
frames ("filing with", "told", "according to", "kepada" after a speech verb,
"dalam keterbukaan informasi di") are data in ``ontology/lang/<code>/relations/venues.txt``.
The relation readers leave the names these frames introduce out of the parties.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, Token
from kg.resources import language_dir, read_lines

__all__ = ["venues"]


@functools.cache
def _venue_frames(code: str) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Venue frames of one language by first word: (the other words, speech flag)."""
    path = language_dir(code) / "relations" / "venues.txt"
    out: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for line in read_lines(path) if path.is_file() else []:
        phrase, _, flags = line.partition("\t")
        words = tuple(phrase.lower().split())
        out.setdefault(words[0], []).append((words[1:], flags.strip() == "speech"))
    return out


def _after_speech(toks: Sequence[Token], lex: Lexicon, i: int) -> bool:
    """Whether the nearest lowercase word before token ``i`` is a speech verb ("ujarnya",
    "kata Budi Santoso"): names and punctuation may stand between."""
    speech = lex.words("speech_verbs")
    for k in range(i - 1, max(-1, i - 10), -1):
        t = toks[k]
        if t.is_word and not t.is_cap:
            return bool(lex.stems(t.text) & speech)
    return False


def venues(s: Sentence, lex: Lexicon, ms: Sequence[Mention]) -> set[int]:
    """Positions in ``ms`` of the names a venue frame introduces, and the names joined to them.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "In a filing with the Securities and Exchange Commission, Tenvar said it bought Lumeo."
    >>> s = split_sentences(text, [(0, len(text))], load_lexicon("en"))[0]
    >>> def at(a, b): return Mention(0, a, b, 0, 0, "", "Company", "", "")
    >>> sorted(venues(s, load_lexicon("en"), [at(5, 9), at(10, 11), at(14, 15)]))
    [0]
    """
    frames = _venue_frames(lex.code)
    if not frames or not ms:
        return set()
    toks = s.tokens
    starts = {m.i: k for k, m in enumerate(ms)}
    out: set[int] = set()
    for i, t in enumerate(toks):
        for rest, speech in frames.get(t.low, ()):
            j = i + 1 + len(rest)
            if j > len(toks) or any(toks[i + 1 + n].low != w for n, w in enumerate(rest)):
                continue
            if speech and not _after_speech(toks, lex, i):
                continue
            # "with the SEC", "told Reuters", "kepada CNBC Indonesia": at most two lowercase words first
            k = j
            while k < len(toks) and k not in starts and k - j < 2 and toks[k].is_word and not toks[k].is_cap:
                k += 1
            n = starts.get(k)
            while n is not None and n not in out:
                out.add(n)
                # a name joined to it: adjacent, or an acronym in brackets ("(BEI)")
                nxt = ms[n].j
                if nxt < len(toks) and toks[nxt].text == "(":
                    nxt += 1
                n = starts.get(nxt)
    return out
