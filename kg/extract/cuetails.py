"""The last word of a long capitalised name that cue words inside it split off.

In running (not title-case) text, "menggandeng Badan Usaha Milik Negara ( BUMN )" is one
name, but its words "Usaha" (a line of business) and "Milik" (an owner) are relation cues,
which the context reader (:func:`kg.extract.context.type_by_context`) sets aside. Its last
word "Negara" is then read alone, after the cue "milik", as a company. A capitalised run
whose words before it, up to a capitalised word that is no cue, are all capitalised cue
words is the tail of such a name, not a name of its own.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from kg.extract.text import Token


def split_tail(toks: Sequence[Token], i: int, cue_tokens: Container[int]) -> bool:
    """Whether the capitalised run at ``toks[i]`` follows capitalised cue words (``cue_tokens``, their
    indices) that themselves follow a capitalised word that is no cue, after a sentence's first word.

    Examples
    --------
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("menggandeng Badan Usaha Milik Negara ( BUMN )")
    >>> split_tail(toks, 4, frozenset({2, 3}))
    True
    >>> split_tail(tokenize("Direktur Utama Budi"), 2, frozenset({0, 1}))
    False
    """
    k = i - 1
    while k >= 0 and k in cue_tokens and toks[k].is_cap:
        k -= 1
    return k < i - 1 and k > 0 and toks[k].is_cap and toks[k].text[0].isalpha()
