"""A model number ends the product name before it: "Windows Mobile 7", "redmi note 5", "Casa - 212 200"; a unit's
number ends the firm's or place's name before it in running text ("PT Angkasa Pura 2 .", "Singco 1 menerima").

The taggers and the maker-model reading often stop a product's name before its number. In the Indonesian train
annotations a product name followed by a number never leaves the number out (0 times), and 20 product names
end with one. ``product_numbers = true`` in ``ontology/lang/<code>/language.toml`` switches the reading on, and
``name_numbers = true`` the reading of other names (:func:`name_numbers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token


def model_number(toks: Sequence[Token], j: int) -> bool:
    """Whether ``toks[j]`` is a model number: one to four digits, not a year ("Galaxy S6 2015" is no
    model of 2015).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("sistem operasi Windows Mobile 7 besutan Microsoft")
    >>> model_number(toks, 4), model_number(toks, 5)
    (True, False)
    >>> model_number(tokenize("ponsel Galaxy S6 2015"), 3)
    False
    """
    if j >= len(toks):
        return False
    text = toks[j].text
    return text.isdigit() and len(text) <= 4 and not (len(text) == 4 and text[:2] in ("19", "20"))


def product_numbers(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each product that a model number (:func:`model_number`) follows ending with it, unless
    another name starts there. Off unless the language sets ``product_numbers``."""
    if lex.settings.get("product_numbers", False) is not True:
        return names
    toks = s.tokens
    out = []
    for m in names:
        if m.type == "Product" and model_number(toks, m.j) and not any(o.i == m.j for o in names):
            m = _name_mention(s, m.i, m.j + 1, "Product", gaz, m.source)
        out.append(m)
    return out


def name_numbers(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each capitalised firm, body or place name that a number of one
    or two digits follows, with a punctuation mark or an affixed verb after it, ending with the number ("PT
    Angkasa Pura 2 .", "anak perusahaannya Singco 1 menerima"): a numbered unit. Not before another word ("RI 2
    Bulan", "24 Februari", "Indofood 5 persen": an amount, a date), a percent sign, a range's dash or a decimal
    comma ("Ngegas 22,8%"). Off unless the language sets ``name_numbers``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Menteri menegur PT Angkusa Pura 2 ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> m = Mention(0, 2, 5, 16, 32, "PT Angkusa Pura", "Company", "pt-angkusa-pura", "PT Angkusa Pura",
    ...             "pattern")
    >>> [n.text for n in name_numbers(s, [m], load_lexicon("id"), gaz_index("id"))]
    ['PT Angkusa Pura 2']
    """
    if lex.settings.get("name_numbers", False) is not True:
        return names
    toks = s.tokens
    out = []
    for m in names:
        k = m.j
        if (m.type in _NUMBERED and m.source != "gazetteer" and toks[m.i].is_cap and k + 1 <= len(toks)
                and k < len(toks) and toks[k].text.isdigit() and len(toks[k].text) <= 2
                and (k + 1 == len(toks) or _after_unit(toks, k + 1, lex))
                and not any(o.i == k for o in names)):
            m = _name_mention(s, m.i, k + 1, m.type, gaz, m.source)
        out.append(m)
    return out


_NUMBERED = frozenset({"Company", "Organization", "Place"})


def _after_unit(toks: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """What may follow a unit's number, at ``toks[k]``: a punctuation mark (not "%", a range's "-", nor the
    decimal comma or point of "22,8") or an affixed verb."""
    from kg.extract.edges import is_affixed_verb

    t = toks[k]
    if not t.is_word:
        return t.text not in ("%", "-", "–") and not (
            t.text in (",", ".") and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit())
    return t.text.islower() and is_affixed_verb(t.low, lex)
