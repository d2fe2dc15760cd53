"""Partnership firms named after their partners: "Goldman, Sachs and Co", "Bear , Stearns amp Co.",
"Salomon, Levin and Elstein Ltd", "Donaldson , Lufkin amp Jenrette Securities Corp.".

The tagger reads such a name as a list: a person or place for the first partner ("Dillon", "Weedon") and a
company for the rest ("Read and Co", "Sachs amp Co."). Two partners' names (one or two capitalised words
each, no legal form among them) joined by a comma, then a joining word (``partner_firm_joiners`` in
``ontology/lang/<code>/language.toml``: "and", "amp" for a lost "&") and capitalised words that end in a
legal form are one firm's name. A language without the key is left as it is.

Counted on kg's English train split (gold names): all 7 such runs are one firm (Dillon, Read and Co;
Kidder, Peabody and Co; Salomon, Levin and Elstein Ltd; Goldman / Bear / Smith Barney / Donaldson ...
amp Co.), and in the Reuters acquisitions corpus (/work/shared/corpus/en) 10 of 12 ("Goldman, Sachs and
Co" 3 times, "Sturm, Ruger and Co Inc"; "Merrill Lynch, Needham and Co" and "W. Damm, M. Frank and Co" may
be two). A list of companies has a legal form before its last comma ("Bankers Trust Co, Chemical Bank and
Morgan Guaranty Trust Co") and is not matched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention
from kg.names import is_legal_form

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

# The longest partner's name (capitalised words), and the most words between the joining word and the legal
# form that ends the firm's name: one after "and" ("Salomon, Levin and Elstein Ltd"; two would join lists such
# as "Citibank, Chemical and Bankers Trust Co"), two after an ampersand, which no list uses ("Donaldson ,
# Lufkin amp Jenrette Securities Corp.").
_PARTNER = 2
_TAIL = 1
_AMPERSAND_TAIL = 2


def _word(t: Token) -> bool:
    return t.is_cap and t.is_word and not is_legal_form(t.text)


def _partner(toks: Sequence[Token], k: int) -> int:
    """One past the capitalised words of a partner's name from ``toks[k]`` (``k`` when there is none or
    more than :data:`_PARTNER`)."""
    end = k
    while end < len(toks) and _word(toks[end]):
        end += 1
    return end if end - k <= _PARTNER else k


def firm_end(toks: Sequence[Token], i: int, joiners: frozenset[str], ampersands: frozenset[str] = frozenset()) -> int:
    """One past a partnership firm's name that starts at ``toks[i]`` (with its legal form's full stop when
    the stop is written onto it), or ``i`` when none starts there.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("said Goldman , Sachs amp Co. and others")
    >>> firm_end(toks, 1, frozenset({"amp", "and"}), frozenset({"amp"}))
    7
    >>> toks = tokenize("Hutton met Dillon, Read and Co since May")
    >>> firm_end(toks, 2, frozenset({"amp", "and"}))
    7
    >>> toks = tokenize("loans from Citibank, Chemical and Bankers Trust Co")
    >>> firm_end(toks, 2, frozenset({"amp", "and"}))
    2
    >>> toks = tokenize("analyst at Donaldson , Lufkin amp Jenrette Securities Corp. said")
    >>> firm_end(toks, 2, frozenset({"amp", "and"}), frozenset({"amp"}))
    10
    >>> toks = tokenize("rivals Ford, Chrysler and General Motors Corp")
    >>> firm_end(toks, 1, frozenset({"amp", "and"}))
    1
    """
    a = _partner(toks, i)
    if a == i or a + 1 >= len(toks) or toks[a].text != ",":
        return i
    b = _partner(toks, a + 1)
    if b == a + 1 or b >= len(toks) or toks[b].low not in joiners:
        return i
    k = b + 1
    limit = _AMPERSAND_TAIL if toks[b].low in ampersands else _TAIL
    while k < len(toks) and _word(toks[k]):
        k += 1
    if k - b - 1 > limit or k >= len(toks) or not (toks[k].is_cap and is_legal_form(toks[k].text)):
        return i
    while k < len(toks) and toks[k].is_cap and is_legal_form(toks[k].text):  # "Sturm, Ruger and Co Inc"
        k += 1
    if k < len(toks) and toks[k].text == "." and toks[k].start == toks[k - 1].end:
        k += 1
    return k


def _listed(toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` continues a name or a list of names: it follows a capitalised word, or a comma
    after a name ("Citibank, Chemical, Bank and Trust Co"); after a comma that follows a common word it starts
    afresh ("Purolator's adviser, Dillon, Read and Co")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.text == ",":
        return i >= 2 and (toks[i - 2].is_cap or not toks[i - 2].is_word)
    return prev.is_cap


def _joined_after(toks: Sequence[Token], commas: list[int], joiners: frozenset[str]) -> bool:
    """Whether a joining word stands two or three tokens after a comma: where a firm's second partner (one or
    two words, :data:`_PARTNER`) ends (:func:`firm_end`); a sentence without one holds no firm's name."""
    return any(toks[c + d].low in joiners for c in commas for d in (2, 3) if c + d < len(toks))


def partner_firms(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each partnership firm's name (:func:`firm_end`) a company, in place of the names inside
    it. A name that reaches past the firm's name leaves it as it is, and so does a firm's name that continues
    a longer name or a list (:func:`_listed`).
    """
    if "partner_firm_joiners" not in lex.settings:
        return names
    joiners, ampersands = lex.words("partner_firm_joiners"), lex.optional_words("name_ampersands")
    toks = s.tokens
    commas = [c for c, t in enumerate(toks) if t.text == ","]
    if not _joined_after(toks, commas, joiners):  # most sentences: no work
        return names
    made: list[Mention] = []
    for c in commas:
        # the first partner's name ends at the comma: one or two words before it (the longer when both fit)
        for i in range(max(c - _PARTNER, 0), c):
            if _partner(toks, i) != c or _listed(toks, i) or any(f.i <= i < f.j for f in made):
                continue
            end = firm_end(toks, i, joiners, ampersands)
            if end > i and not any(o.i < end and i < o.j and (o.i < i or o.j > end) for o in names):
                source = next((o.source for o in names if i <= o.i < end), "pattern")
                made.append(_name_mention(s, i, end, "Company", gaz, source))
            break
    if not made:
        return names
    return sorted([m for m in names if not any(f.i <= m.i and m.j <= f.j for f in made)] + made,
                  key=lambda m: m.i)
