"""Pieces of names: a tagger's name that stops right before a capitalised word was cut out of a longer
name, a lone initial or title with its full stop starts one, and a Reuters stock code in angle brackets
codes the name before it (``stock_code``).

"the Houston Post", "the Toronto Star", "Ogden Projects", "San Diego County", "Bregman Partners": the
tagger reads the town or the surname and leaves the next word out, and the piece it keeps is a false
place or person (the whole is a newspaper or a company, often unannotated). Where the word after the name
is capitalised, starts no other name and is none of the words that follow a complete name
(``name_followers.txt``: titles, "Ohio Democrat", "Illinois Gov. James Thompson", weekdays; and the
honorifics), the piece is dropped. Title-case sentences (headlines) are not asked: every word is capitalised there.

Only the types of ``cut_name_types`` in the language's ``language.toml`` are asked (English: Person,
Place, Organization, Company; not Country, often followed by a noun in capitals, "U.S. Market"); a
language without the setting keeps every name. A name ending in its legal form is whole ("British
Petroleum Co Plc Managing Director ..."), and a single capital after it is a share class ("Rothmans B").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.text import Sentence, Token
from kg.names import is_legal_form
from kg.resources import word_set


def cut_short(s: Sentence, i: int, j: int, etype: str, starts: Collection[int], lex: Lexicon,
              people: Collection[int] = ()) -> bool:
    """Whether the tagger's name ``tokens[i:j]`` of type ``etype`` stops before a capitalised word that
    ``starts`` no other name (the token indices where another name begins) and is no title before a
    person (``people``: the token indices where a person's name begins).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex = load_lexicon("en")
    >>> s = split_sentences(t := "It competes with the Houston Post in Texas.", [(0, len(t))], lex)[0]
    >>> [t.text for t in s.tokens[4:6]], cut_short(s, 4, 5, "Place", [], lex)
    (['Houston', 'Post'], True)
    >>> s = split_sentences(t := "said Ohio Democrat Howard Metzenbaum on Friday.", [(0, len(t))], lex)[0]
    >>> cut_short(s, 1, 2, "Place", [], lex)  # a title after a complete name
    False
    >>> s = split_sentences(t := "said Highway Patrol Officer James Lee.", [(0, len(t))], lex)[0]
    >>> cut_short(s, 1, 3, "Organization", [4], lex), cut_short(s, 1, 3, "Organization", [4], lex, [4])
    (True, False)
    >>> cut_short(s, 1, 3, "Place", [4], lex, [4])
    True
    >>> s = split_sentences(t := "It owns Ogden Projects Inc.", [(0, len(t))], lex)[0]
    >>> cut_short(s, 2, 3, "Place", [3], lex), cut_short(s, 2, 3, "Country", [], lex)  # a name starts after it
    (False, False)
    """
    toks = s.tokens
    if j >= len(toks) or s.title_case or "cut_name_types" not in lex.settings:
        return False
    if etype.lower() not in lex.words("cut_name_types"):
        return False
    nxt = toks[j]
    if not (nxt.is_cap and nxt.is_word) or len(nxt.text) == 1 or j in starts:
        return False  # "Rothmans B shares": a share class
    if is_legal_form(toks[j - 1].text):
        return False  # "British Petroleum Co Plc Managing Director ...": a name with its legal form is whole
    if j + 1 in people and etype in ("Organization", "Company"):
        # "California Highway Patrol Officer James O'Brien": the organisation, a title, the person. Not a place:
        # "Roman Emperor Julius Caesar", "Dallas Police Officer J.D. Tippit" (3 false places on CoNLL04 train)
        return False
    low = nxt.low.rstrip(".")
    return low not in word_set(lex.code, "name_followers.txt") and low not in word_set(lex.code, "honorifics.txt")


def initial_or_title(toks: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``toks[i]`` is a lone capital or a word of ``honorifics.txt`` with its full stop after it: the
    start of a name the capitalised run stopped at ("H. Neil Nichols", "Mr. Sugarman"), no name itself
    (2 false people of a context pattern on kg's English train split, with the cross-validated taggers).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("officer H. Neil Nichols and Mr. Rolt met Jo.")
    >>> [initial_or_title(toks, k, load_lexicon("en")) for k in (1, 6, 10)]
    [True, True, False]
    """
    t = toks[i]
    return (i + 1 < len(toks) and toks[i + 1].text == "."
            and ((len(t.text) == 1 and t.is_cap) or t.low in word_set(lex.code, "honorifics.txt")))


def stock_code(s: Sentence, i: int, j: int) -> bool:
    """Whether ``tokens[i:j]`` is all an angle bracket holds and has no lowercase letter: a Reuters stock code
    ("<SMBS ST>", "<NCRO.L>"), which follows the name it codes. Cross-validated on kg's English train split:
    6 such tagger names were no gold name, the 3 others repeat the name before them ("UAL Inc <UAL>").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> t = "Vexo bought Lumeo AB <LUMO ST> and <Rolt Corp>."
    >>> s = split_sentences(t, [(0, len(t))], load_lexicon("en"))[0]
    >>> stock_code(s, 5, 7), stock_code(s, 9, 11)
    (True, False)
    """
    toks = s.tokens
    return (0 < i < j < len(toks) and toks[i - 1].text == "<" and toks[j].text == ">"
            and not any(c.islower() for t in toks[i:j] for c in t.text))
