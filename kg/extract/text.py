"""Tokens and sentences with character offsets into the article text.

The sentence splitter is rule-based and driven by each language's
``abbreviations.txt``: spaCy's punctuation-only sentencizer split "Woodco Inc.
of Houston, Tex. said" after "Tex." and kept "Sealy Inc. The U.S. company"
together on wire text; these rules get both right.

>>> from kg.extract.lexicon import load_lexicon
>>> text = "Woodco Inc. of Houston, Tex. said it bought Sealy Inc. The company agreed."
>>> [s.text for s in split_sentences(text, [(0, len(text))], load_lexicon("en"))]
['Woodco Inc. of Houston, Tex. said it bought Sealy Inc.', 'The company agreed.']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.extract.casing import caseless as is_caseless
from kg.extract.lexicon import Lexicon, sentence_starters
from kg.extract.tokens import Token, make_tokens
from kg.extract.websites import spaced_site

# Words may contain inner dots, hyphens, ampersands, slashes and apostrophes ("Selular.ID", "O'Brien"),
# but a possessive "'s" is its own token so that "Solvane's" still names Solvane.
_TOKEN = re.compile(r"[^\W_]+(?:(?:[.&\-/]|['’](?!s\b))[^\W_]+)*|['’]s\b|\S", re.UNICODE)
_END = frozenset(".!?…")
MAX_SENTENCE_TOKENS = 200
_CLOSERS = frozenset("\"'”’)]»")
# Initials written with inner dots ("E.F" of "E.F. Hutton", "J.P" of "J.P. Morgan"): the full stop after
# them is an abbreviation's, like "Inc.", not a sentence end.
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: offsets into the article text and its tokens."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    title_case: bool = False
    question: bool = False
    # no capital letter in it (kg.extract.casing.caseless): the caseless tagger reads it
    caseless: bool = False


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("PT Bukit Asam Tbk. (PTBA) menggandeng U.S. firms")]
    ['PT', 'Bukit', 'Asam', 'Tbk', '.', '(', 'PTBA', ')', 'menggandeng', 'U.S', '.', 'firms']
    >>> [t.text for t in tokenize("Saham BMRI-BBRI dan Coca-Cola")]
    ['Saham', 'BMRI', '-', 'BBRI', 'dan', 'Coca-Cola']
    """
    end = len(text) if end is None else end
    # column by column, the Tokens made by make_tokens: 15 % less time than one comprehension calling
    # m.start(), m.end() and m.group() per token (3.2 -> 2.7 us a token), and 0.15 us a token less than
    # map(Token, ...)
    found = list(_TOKEN.finditer(text, start, end))
    words = [m.group() for m in found]
    toks = make_tokens([m.start() for m in found], [m.end() for m in found], words, [w.lower() for w in words])
    if text.find("-", start, end) < 0 or not any("-" in t.text and _PAIR.search(t.text) for t in toks):
        return toks
    out = []
    for t in toks:
        if "-" in t.text and _PAIR.search(t.text):
            out += [Token(t.start + a, t.start + b, p, p.lower()) for a, b, p in _pieces(t.text)]
        else:
            out.append(t)
    return out


# A hyphen between two different capitalised words one of which is an acronym joins two names, not one
# ("BCA-Mandiri-BNI-BRI", "Saham PANI-CBDK", "AS-China"): on kg's annotations such pairs are two names
# 21 times in 28; without an acronym ("Allis-Chalmers", "Coca-Cola") they are one name 61 times in 69.
# A single letter is no name of its own: "PDI-P" (PDI Perjuangan) stays one token.
_PAIR = re.compile(r"(?<![^\W_])(?:[A-Z]{2,}-[A-Z][^\W_]*|[A-Z][^\W_]*-[A-Z]{2,})(?![^\W_])")
_PART = re.compile(r"[^-]+|-")


def _pieces(g: str) -> list[tuple[int, int, str]]:
    """``g`` cut at the hyphens between an acronym and another capitalised word (offsets within ``g``).

    >>> [p for _, _, p in _pieces("BCA-Mandiri-BNI-BRI")]
    ['BCA', '-', 'Mandiri', '-', 'BNI', '-', 'BRI']
    >>> [p for _, _, p in _pieces("Tiba-Tiba")], [p for _, _, p in _pieces("KRL-MRT-nya")]
    (['Tiba-Tiba'], ['KRL', '-', 'MRT-nya'])
    >>> [p for _, _, p in _pieces("PDI-P")]
    ['PDI-P']
    """
    parts = [(m.start(), m.end(), m.group()) for m in _PART.finditer(g)]
    out: list[tuple[int, int, str]] = []
    for k, (a, b, p) in enumerate(parts):
        if p == "-" and 0 < k < len(parts) - 1:
            left, right = parts[k - 1][2], parts[k + 1][2]
            if (left[0].isupper() and right[0].isupper() and left.lower() != right.lower()
                    and min(len(left), len(right)) >= 2 and (_acronym(left) or _acronym(right))):
                out.append((a, b, p))
                continue
        if out and out[-1][2] != "-" and (p == "-" or parts[k - 1][2] == "-"):
            out[-1] = (out[-1][0], b, out[-1][2] + p)  # not cut here: the piece goes on
        else:
            out.append((a, b, p))
    return out


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def token_span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """The token range covering the characters ``start:end`` (None if no token does).

    >>> token_span(tokenize("PT Bukit Asam naik"), 3, 13)
    (1, 3)
    """
    idx = [k for k, t in enumerate(tokens) if t.end > start and t.start < end]
    return (idx[0], idx[-1] + 1) if idx else None


def ticker_end(tokens: Sequence[Token], k: int, opens: tuple[str, ...] = ("<", "("),
               closes: tuple[str, ...] = (">", ")")) -> int:
    """Past a one-token ticker in brackets at ``tokens[k]`` ("<RJR>", "(RJR)"; ``opens`` and ``closes`` the
    brackets allowed), else ``k``.

    >>> toks = tokenize("Lumeo PLC <LUM.L> and Vexo (VX)")
    >>> ticker_end(toks, 2), ticker_end(toks, 7), ticker_end(toks, 7, ("<",), (">",)), ticker_end(toks, 1)
    (5, 10, 7, 1)
    """
    if k + 2 < len(tokens) and tokens[k].text in opens and tokens[k + 2].text in closes:
        return k + 3
    return k


def bracketed_acronym(tokens: Sequence[Token], j: int) -> bool:
    """An acronym or ticker in round brackets starts at ``tokens[j]``: "Bank Central Asia (BBCA)".

    >>> toks = tokenize("Bank Central Asia (BBCA) dan (kini) BRI")
    >>> bracketed_acronym(toks, 3), bracketed_acronym(toks, 7), bracketed_acronym(toks, 9)
    (True, False, False)
    """
    return j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].is_upper and tokens[j + 2].text == ")"


# lowercase content words that make a sentence sentence case, whatever its share of capitals: on kg's
# annotations and idner train, every sentence read as title case before with three or more was a
# sentence-case news sentence (29 of 62 on idner train, 15 of 1,843 on the Indonesian annotations)
_LOWER_CONTENT = 3
# the share of capitalised words (after the first) of a title-case sentence, as kg.evaluate.casing reads one
_TITLE_SHARE = 0.6


def _is_title_case(tokens: list[Token], lex: Lexicon) -> bool:
    """Headline style: ordinary words capitalised ("Xiaomi Bantah Isu Kemitraan EV dengan Ford").

    Names alone do not make a sentence title case: it needs capitalised ordinary words
    (stop words, cue words, or words of the language's vocabulary: "Rupiah Ambruk 1%, Dolar Tembus
    Rp16.260" has no stop word) and almost no lowercase content words.
    """
    common = sentence_starters()
    words: list[Token] = []
    lower_content = 0
    for t in tokens[1:]:
        if t.text[0].isalpha():
            words.append(t)
            if not t.is_cap and t.low not in common:
                lower_content += 1
                # a headline leaves no verb or noun in lower case; a long news sentence dense with names
                # ("... mencoba menumbangkan Presiden Robert Mugabe dengan membiayai Gerakan Perubahan
                # Demokratik (MDC) , kata ...") may be mostly capitals and still has three or more. Known
                # at the third: most sentences end their reading here, after a few words
                if lower_content >= _LOWER_CONTENT:
                    return False
    if len(words) < 3 or lower_content / len(words) >= 0.2:
        return False
    if any(t.is_cap and not t.is_upper and (t.low in common or lex.cues_starting(t.text)) for t in words):
        return True
    from kg.extract.edges import has_dictionary, is_ordinary_word  # edges reads the dictionary files: not at import

    # A headline of short clauses ("Sambut 2025, Wall Street Dibuka Semringah") may hold no stop word or cue.
    # Where the language has a dictionary of its roots, a capitalised word of its vocabulary says headline
    # when most words are capitalised (as kg.evaluate.casing asks). Not without one: English common words
    # also name firms ("Brown Disc Products Co", "Robertshaw Controls Co.").
    # And no lowercase content word at all: a news sentence dense with names ("PT X bersama-sama dengan PT Y
    # meluncurkan kartu Z") has capitalised vocabulary inside its names ("Data", "Semen") and a verb in lower
    # case. On 2,858 CNBC headlines this keeps 2,854 of the 2,857 the share alone finds, and of 5,624 news
    # sentences (idner and ner-id train) it reads 202 as title case, not 249 (196 before this branch existed)
    if lower_content:
        return False
    caps = [t for t in words if t.is_cap]
    return (has_dictionary(lex) and len(caps) >= _TITLE_SHARE * len(words)
            and any(not t.is_upper and is_ordinary_word(t.low, lex) for t in caps))


def _boundary_after(tokens: list[Token], i: int, text: str, lex: Lexicon, caseless: bool = False) -> bool:
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return True
    if nxt.start - tok.end > 1:  # a paragraph break needs two characters between the tokens
        gap = text[tok.end : nxt.start]
        if "\n\n" in gap or "\n\r\n" in gap:
            return True
    if tok.text not in _END:
        return False
    if tok.text == "." and i > 0 and spaced_site(tokens[i - 1], tok, nxt):
        return False  # "jawapos . com": a web site's name written apart by tokenised text, no sentence end
    if caseless and tok.text == "." and i > 0 and tokens[i - 1].end == tok.start:
        # a text without capitals: a full stop ends a sentence, after an abbreviation only before a stop word
        word = tokens[i - 1].low
        if len(word) == 1 or word in _lower_abbreviations(lex.abbreviations):
            return nxt.low in sentence_starters()
        return True
    if not (nxt.text[0].isupper() or nxt.text[0].isdigit() or nxt.text[0] in "\"'“‘([«" or caseless):
        return False
    if tok.text == "." and i > 0:
        prev = tokens[i - 1]
        adjacent = prev.end == tok.start
        if adjacent and (prev.text in lex.abbreviations or (len(prev.text) == 1 and prev.text.isupper())
                         or _INITIALS.fullmatch(prev.text)):
            # "Inc. The company" ends a sentence; "Inc. of Houston" and "Tex. said" do not.
            return nxt.low in sentence_starters() and nxt.text[0].isupper()
    return True


@functools.cache
def _lower_abbreviations(abbreviations: frozenset[str]) -> frozenset[str]:
    from kg.names import legal_forms

    # legal forms too: "pt abc tbk. melonjak" goes on, as "PT ABC Tbk. melonjak" does
    return frozenset(a.lower().strip(".") for a in abbreviations | legal_forms())


def _asks_what(toks: Sequence[Token], yes_no: frozenset[str], wh: frozenset[str]) -> bool:
    """Whether the sentence's last clause asks a wh-question ("…, Ada Apa?", "…, Siapa yang Jamin?"): it asks
    about something else while the link it reports stands, unlike a yes/no question about the link ("…, Ada
    Pandu Sjahrir?", "Benarkah?").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Saham CUAN Masuk Pantauan Bursa, Ada Apa?")
    >>> wh = frozenset({"apa"})
    >>> _asks_what(toks, frozenset({"benarkah"}), wh), _asks_what(toks[:5], frozenset(), wh)
    (True, False)
    """
    if not wh or any(t.low in yes_no for t in toks):
        return False
    last = max((k for k, t in enumerate(toks) if t.text == ","), default=-1)
    return any(t.low in wh for t in toks[last + 1 :])


def split_sentences(text: str, regions: Iterable[tuple[int, int]], lex: Lexicon) -> list[Sentence]:
    """Split each region of ``text`` into sentences; no sentence crosses a region. In a text without
    capitals a full stop, "!" or "?" ends a sentence without a capital after it.

    >>> from kg.extract.lexicon import load_lexicon
    >>> t = "saham pt abc tbk. melonjak 5 persen. kata dr. budi di jakarta."
    >>> [s.text for s in split_sentences(t, [(0, len(t))], load_lexicon("id"))]
    ['saham pt abc tbk. melonjak 5 persen.', 'kata dr. budi di jakarta.']
    >>> [s.text for s in split_sentences("Kata Dr. Budi. Saham naik.", [(0, 26)], load_lexicon("id"))]
    ['Kata Dr. Budi.', 'Saham naik.']
    """
    out: list[Sentence] = []
    # the first capital ends the search: on cased text this costs a character or two
    caseless = not any(c.isupper() for c in text)
    questions = lex.words("question_words")
    asks_what = lex.optional_words("wh_question_words")
    for rs, re_ in regions:
        tokens = tokenize(text, rs, re_)
        begin = 0
        n = len(tokens)
        for i in range(n):
            # A "sentence" of hundreds of tokens is a list or a page without full stops; cutting it
            # keeps every rule linear in the text (a cue scans its whole sentence).
            too_long = i - begin + 1 >= MAX_SENTENCE_TOKENS
            tok = tokens[i]
            if not too_long and i + 1 < n and tok.text not in _END and tokens[i + 1].start - tok.end <= 1:
                continue  # what _boundary_after says first of most tokens (no end mark, no paragraph break)
            if i + 1 == len(tokens) or too_long or _boundary_after(tokens, i, text, lex, caseless):
                j = i
                while j + 1 < len(tokens) and tokens[j + 1].text in _CLOSERS and tokens[j + 1].start == tokens[j].end:
                    j += 1
                if j < begin:
                    continue
                toks = tokens[begin : j + 1]
                if i + 1 == len(tokens):
                    toks = tokens[begin:]
                if toks:
                    s, e = toks[0].start, toks[-1].end
                    tc = _is_title_case(toks, lex)
                    q = (
                        toks[-1].text == "?"
                        or any(t.low in questions for t in toks[-3:])
                        or (tc and any(t.low in questions for t in toks))
                    ) and not _asks_what(toks, questions, asks_what)
                    low = caseless or (not toks[0].is_cap and is_caseless([t.text for t in toks]))
                    out.append(Sentence(len(out), s, e, text[s:e], tuple(toks), tc, q, low))
                begin = j + 1
                if i + 1 == len(tokens):
                    break
    return out
