"""Grounding: every name and every evidence quote a model gave, found in the article's text, or dropped.

A model answers with names and quotes, not offsets, and may write what the text does
not say (a small model turns the article's subject into a company). Each name is
looked for in the article: exactly (at word boundaries), then with white space and
case normalised (word by word, punctuation between words ignored), then, only in the
sentences the model read, fuzzily (a window of words :data:`NAME_RATIO` alike). Each
quote likewise: exactly, then normalised, then fuzzily within one sentence
(:data:`QUOTE_SHARE` of its characters found in order). What is not found is dropped
and counted; nothing is ever placed where the text does not say it.

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import split_sentences
>>> text = "Xiaomi membantah kabar kemitraan dengan Ford Motor Company."
>>> ss = split_sentences(text, [(0, len(text))], load_lexicon("id"))
>>> finder = Finder(text, ss)
>>> [(text[a:b], how) for _, a, b, how in finder.name("ford motor  company", ss)]
[('Ford Motor Company', 'normalised')]
>>> finder.name("Tesla", ss)
[]
>>> finder.quote("xiaomi membantah kabar kemitraan dengan Ford", ss)[1]
'normalised'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from kg.extract.text import Sentence, tokenize

__all__ = ["NAME_RATIO", "QUOTE_SHARE", "Finder"]

#: How alike (difflib ratio, case-folded) a window of words must be to a name to stand for it.
NAME_RATIO = 0.88
#: The share of a quote's characters that must be found, in order, in one sentence.
QUOTE_SHARE = 0.9
# Between two words of one name: nothing, spaces, or a dot, ampersand, hyphen or apostrophe ("PT. X", "A & B").
_JOIN = re.compile(r"[\s.&\-'’]{0,4}")
_QUOTES = "\"'“”‘’«»"

Hit = tuple[int, int, int, str]  # sentence index, start, end, how it was found


class Finder:
    """Finds names and quotes in one article's sentences."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.sentences = tuple(sentences)
        # the article's text with white space collapsed and case folded, and where each character came from
        chars: list[str] = []
        where: list[int] = []
        space = False
        for k, c in enumerate(text):
            if c.isspace():
                space = bool(chars)
                continue
            if space:
                chars.append(" ")
                where.append(k)
                space = False
            folded = c.casefold()
            chars.extend(folded)
            where.extend([k] * len(folded))
        self._flat = "".join(chars)
        self._where = where

    # ------------------------------------------------------------------ names

    def name(self, name: str, read: Sequence[Sentence]) -> list[Hit]:
        """Every place the article names ``name``: exact hits, else normalised ones, else the best
        fuzzy one among the sentences ``read`` (the model's chunk); empty when none."""
        words = [t.text for t in tokenize(name) if t.is_word]
        if not words:
            return []
        exact = self._exact_names(name.strip())
        if exact:
            return exact
        normalised = [h for s in self.sentences for h in self._word_hits(s, words)]
        if normalised:
            return normalised
        fuzzy = self._fuzzy_name(" ".join(words).casefold(), len(words), read)
        return [fuzzy] if fuzzy else []

    def _exact_names(self, name: str) -> list[Hit]:
        hits: list[Hit] = []
        for s in self.sentences:
            k = s.text.find(name)
            while k >= 0:
                a, b = s.start + k, s.start + k + len(name)
                starts = {t.start for t in s.tokens}
                ends = {t.end for t in s.tokens}
                if a in starts and b in ends:
                    hits.append((s.index, a, b, "exact"))
                k = s.text.find(name, k + 1)
        return hits

    def _word_hits(self, s: Sentence, words: list[str]) -> list[Hit]:
        toks = [t for t in s.tokens if t.is_word]
        want = [w.casefold() for w in words]
        n = len(want)
        hits: list[Hit] = []
        for i in range(len(toks) - n + 1):
            if all(toks[i + k].text.casefold() == want[k] for k in range(n)) and all(
                _JOIN.fullmatch(self.text[toks[i + k].end : toks[i + k + 1].start]) for k in range(n - 1)
            ):
                hits.append((s.index, toks[i].start, toks[i + n - 1].end, "normalised"))
        return hits

    def _fuzzy_name(self, want: str, n: int, read: Sequence[Sentence]) -> Hit | None:
        best: tuple[float, Hit] | None = None
        for s in read:
            toks = [t for t in s.tokens if t.is_word]
            for size in (n - 1, n, n + 1):
                if size < 1:
                    continue
                for i in range(len(toks) - size + 1):
                    a, b = toks[i].start, toks[i + size - 1].end
                    window = " ".join(t.text for t in toks[i : i + size]).casefold()
                    ratio = difflib.SequenceMatcher(None, want, window, autojunk=False).ratio()
                    if ratio >= NAME_RATIO and (best is None or ratio > best[0]):
                        best = (ratio, (s.index, a, b, "fuzzy"))
        return best[1] if best else None

    # ------------------------------------------------------------------ quotes

    def quote(self, quote: str, read: Sequence[Sentence]) -> tuple[list[Sentence], str]:
        """The sentences a quote lies in, and how it was found (``exact``, ``normalised``, ``fuzzy``);
        no sentences when it is not in the text."""
        q = quote.strip().strip(_QUOTES).strip()
        if len(q) < 2:
            return [], ""
        k = self.text.find(q)
        if k >= 0:
            return self._covering(k, k + len(q)), "exact"
        flat = " ".join(q.split()).casefold()
        k = self._flat.find(flat)
        if k >= 0:
            return self._covering(self._where[k], self._where[k + len(flat) - 1] + 1), "normalised"
        best: tuple[float, Sentence] | None = None
        for s in read:
            if len(flat) > 1.2 * len(s.text):
                continue
            m = difflib.SequenceMatcher(None, flat, " ".join(s.text.split()).casefold(), autojunk=False)
            share = sum(b.size for b in m.get_matching_blocks()) / len(flat)
            if share >= QUOTE_SHARE and (best is None or share > best[0]):
                best = (share, s)
        return ([best[1]], "fuzzy") if best else ([], "")

    def _covering(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start < end and start < s.end]
