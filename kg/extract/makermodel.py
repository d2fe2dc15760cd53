"""A maker's model named right after it in sentence-case text ("Toyota Sienta", "Samsung Galaxy S III").

The guideline (docs/annotations.md, "Maker + model") reads "Toyota Sienta" as the Company Toyota and the
Product Sienta, linked by launch. The taggers know the maker and leave the model's words out (they learned
people, places and organisations), and :mod:`kg.extract.coded` reads a model only by its code ("Boeing
737"), so a model named by a word ("Sienta", "Trax", "Galaxy Note") was lost with its launch link.

After a company the lists know as a maker (a line of business or a Wikidata item, as
:func:`kg.extract.coded.maker_named`), capitalised words that no list knows and the language does not have
(its own words, not the English ones a brand borrows: "Galaxy", "Nexus"), with the version after them (a
model code, a Roman numeral, one capital letter, ``product_code_suffixes``: "Galaxy S III", "Galaxy Tab
10.1"), are the Product. The run is refused when a word of a company's name ends it (``brand_company_tails``,
a legal form, an organisation word: "Samsung Heavy Industries" is a company) or a list knows a word of it.
Sentence-case text only: in a title-case headline every word is capitalised. Read where the language
says so (``maker_model_names`` in language.toml; measured on the Indonesian train split of annotations/).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.extract.found import Found
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token

__all__ = ["described_makers", "described_products", "maker_models", "quoted_products"]

# "II" to "XII": a model's generation ("Galaxy S III"); "I" alone is too often the pronoun or a list mark
_ROMAN = re.compile(r"(?:X?(?:II|III|IV|V|VI|VII|VIII|IX)|X|XI|XII)")
_MAX_WORDS = 3  # name words of a model ("Galaxy Tab", "Nexus Two"), before its version
_COPULA_REACH = 3  # words from a copula to the noun for a kind of product ("adalah ponsel kelas premium")
_QUOTED_WORDS = 5  # words of a title in quotes ("' The Jungle Book '", "' Iron Man 3 '")


def _name_word(t: Token) -> bool:
    """A capitalised word, or one with a capital inside it ("iPhone", "OmniaLITE")."""
    return t.text[:1].isalpha() and (t.is_cap or any(c.isupper() for c in t.text[1:]))


def _inner_capital(t: Token) -> bool:
    """A capital inside a word ("iPhone", "OmniaLITE"): a brand's spelling, no word of any language."""
    return any(c.isupper() for c in t.text[1:]) and not t.is_upper


def _after_head(toks: Sequence[Token], i: int, heads: frozenset[str]) -> bool:
    """A noun for a kind of product at most two words before the maker ("mobil Toyota", "ponsel baru Samsung")."""
    return any(t.low in heads for t in toks[max(0, i - 2) : i])


def _sentence_case(toks: Sequence[Token]) -> bool:
    """At least one word in three lowercase: a headline the sentence splitter did not call title case
    ("Asing Serbu Saham BBRI Cs, IHSG ...") capitalises every word, so a maker's next word says nothing."""
    low = sum(1 for t in toks if t.text[:1].isalpha() and t.text[:1].islower())
    return low >= 2 and 3 * low >= sum(1 for t in toks if t.text[:1].isalpha())


def _version(t: Token, suffixes: frozenset[str]) -> bool:
    from kg.extract.coded import is_model_code

    text = t.text
    return (is_model_code(t.low) or _ROMAN.fullmatch(text) is not None
            or (len(text) == 1 and text.isupper()) or (t.low in suffixes and t.is_cap))


def _coined(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the capitalised run ``toks[i:j]`` after a maker is one coined word, a model's own name ("Toyota
    Sienta", "Nvidia Tegra", "Samsung Exynos"): no word of the language or of English, at least 4 letters, and
    no capitalised word after it (a longer name kg does not know: "Lotte Shoping Avenue", "Nexus Two").

    Session 14, Indonesian train split of annotations/: such words read 6 gold products with their launch link
    ("Sienta" x2, "Wave", "Tegra", "Snapdragon", "Exynos") and 1 generic word ("Google Mail", kept whole by
    the gold).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Toyota Sienta dan Grab Car serta Lotte Shoping Avenue")
    >>> [_coined(toks, 1, 2, load_lexicon("id")), _coined(toks, 4, 5, load_lexicon("id")),
    ...  _coined(toks, 7, 8, load_lexicon("id"))]
    [True, False, False]
    """
    from kg.extract.edges import is_ordinary_word

    if j - i != 1 or sum(c.isalpha() for c in toks[i].text) < 4 or (j < len(toks) and _name_word(toks[j])):
        return False
    return not is_ordinary_word(toks[i].low, lex)


def maker_models(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """The models named right after a maker the lists know in the sentence-case sentence ``s``; ``names``:
    the sentence's names so far (a model never overlaps one).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.mentions import find_names
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> t = "penjualan Samsung Galaxy S III naik , tetapi saham Sony Music turun di pasar ."
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in maker_models(s, lex, gaz, find_names(s, lex, gaz))]
    ['Galaxy S III']
    """
    if s.caseless or s.title_case or lex.settings.get("maker_model_names") is not True:
        return []
    toks = s.tokens
    # most sentences have no company right before a capitalised word: nothing more is read in them
    makers = [m for m in names if m.type == "Company" and m.source != "coref" and m.j < len(toks)
              and _name_word(toks[m.j])]
    if not makers or not _sentence_case(toks):
        return []
    from kg.extract.coded import maker_named
    from kg.extract.edges import is_ordinary_word
    from kg.extract.ner import organization_word

    taken = {k for m in names for k in range(m.i, m.j)}
    tails = lex.optional_words("brand_company_tails")
    suffixes = lex.optional_words("product_code_suffixes")

    def model_word(k: int) -> bool:
        t = toks[k]
        return (k not in taken and _name_word(t) and t.low not in tails
                and not is_ordinary_word(t.low, lex, borrowed=False) and gaz.lookup_name(t.text) is None)

    heads = lex.optional_words("brand_product_heads") | lex.optional_words("product_heads")
    out: list[Mention] = []
    for m in makers:
        if not model_word(m.j) or not maker_named(gaz, m.text):
            continue
        j = m.j + 1
        while j < len(toks) and j - m.j < _MAX_WORDS and model_word(j):
            j += 1
        while j < len(toks) and j not in taken and _version(toks[j], suffixes):
            j += 1
        if j < len(toks) and toks[j].is_cap and (toks[j].low in tails or toks[j].text.strip(".") in gaz.legal_forms
                                                 or organization_word(toks[j].text, lex.code)):
            continue  # "Samsung Heavy Industries", "Toyota Tsusho Corp": the maker's own company
        if any(organization_word(t.text, lex.code) for t in toks[m.j : j]):
            continue
        if not (_version(toks[j - 1], suffixes) or any(_inner_capital(t) for t in toks[m.j : j])
                or _after_head(toks, m.i, heads) or _coined(toks, m.j, j, lex)):
            continue  # "Sony Music", "Google Mail": the maker and a generic word name one thing (the guideline)
        out.append(_name_mention(s, m.j, j, "Product", gaz))
    return out


def described_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """Names that the sentence says are a kind of product: a capitalised run no name holds, right before a
    copula (``product_copulas``: "adalah", "merupakan") with a noun for a kind of product at most
    ``_COPULA_REACH`` words after it (``product_heads``: "Galaxy Note adalah smartphone terbesar Samsung",
    "W510 merupakan ponsel pertama Samsung"). Sentence-case text only; the run is at most three name words
    and its version, and a list's name is none.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> t = "Menurut analis , Galaxy Note adalah smartphone terbesar di pasar itu ."
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in described_products(s, lex, gaz, [])]
    ['Galaxy Note']
    """
    copulas = lex.optional_words("product_copulas")
    toks = s.tokens
    if s.caseless or s.title_case or not copulas or not any(t.low in copulas for t in toks[1:]) \
            or not _sentence_case(toks):
        return []
    heads = lex.optional_words("product_heads")
    suffixes = lex.optional_words("product_code_suffixes")
    taken = {k for m in names for k in range(m.i, m.j)}
    out: list[Mention] = []
    for k, t in enumerate(toks):
        if k == 0 or t.low not in copulas or not any(w.low in heads for w in toks[k + 1 : k + 1 + _COPULA_REACH]):
            continue
        i = k
        while i > 0 and k - i < _MAX_WORDS + 2 and i - 1 not in taken and (
                _name_word(toks[i - 1]) or _version(toks[i - 1], suffixes)):
            i -= 1
        if i == k or not _name_word(toks[i]) or (i > 0 and _name_word(toks[i - 1])):
            continue  # no name, or a longer run than a product's name
        if gaz.lookup_name(s.text[toks[i].start - s.start : toks[k - 1].end - s.start]) is not None:
            continue
        out.append(_name_mention(s, i, k, "Product", gaz))
    return out


def described_makers(s: Sentence, lex: Lexicon, ms: Sequence[Mention]) -> Iterator[Found]:
    """The maker named after the kind of product a copula calls a product: "Galaxy Note adalah smartphone
    terbesar Samsung", "W510 merupakan ponsel pertama Samsung" (the copula, a word of ``product_heads``,
    at most two lowercase words, the company) → launch asserted.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "W510 merupakan ponsel pertama Samsung ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> ms = [Mention(0, 0, 1, 0, 4, "W510", "Product", "w510", "W510", "pattern"),
    ...       Mention(0, 4, 5, 30, 37, "Samsung", "Company", "samsung", "Samsung", "gazetteer")]
    >>> [(f.type, f.subject.text, f.object.text) for f in described_makers(s, load_lexicon("id"), ms)]
    [('launch', 'Samsung', 'W510')]
    """
    copulas = lex.optional_words("product_copulas")
    if not copulas or not any(m.type == "Product" for m in ms):
        return
    toks = s.tokens
    heads = lex.optional_words("product_heads")
    at = {m.i: m for m in ms if m.source != "coref"}
    for p in ms:
        if p.type != "Product" or p.j + 2 >= len(toks) or toks[p.j].low not in copulas:
            continue
        k = p.j + 1
        while k < len(toks) and k - p.j <= _COPULA_REACH and toks[k].low not in heads:
            k += 1
        if k >= len(toks) or toks[k].low not in heads:
            continue
        k += 1
        while k < len(toks) and k not in at and toks[k].is_word and not toks[k].is_cap and k - p.j <= 6:
            k += 1
        maker = at.get(k)
        if maker is not None and maker.type == "Company":
            yield Found("launch", maker, p, "asserted", s, confidence=0.65)


def quoted_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """Titles in the quotes the language sets them in (``product_title_quotes``): a film, a show or a book
    ("lewat ' The Jungle Book ' yang dirilis", "' Frozen ' terinspirasi dari"). The quoted run is one to
    ``_QUOTED_WORDS`` capitalised words (a number may follow the first: "Iron Man 3") that no name holds, no
    list knows and that are not all words of the language itself ("' Bea Cukai '" is the customs office).
    Sentence-case text only: a headline quotes its catchwords ("'Kiamat'").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> t = "Studio itu meraup pendapatan besar lewat ' Zorva Nights 2 ' yang dirilis bulan lalu ."
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in quoted_products(s, lex, gaz, [])]
    ['Zorva Nights 2']
    """
    from kg.extract.edges import is_ordinary_word

    quotes = lex.optional_words("product_title_quotes")
    toks = s.tokens
    if s.caseless or s.title_case or not quotes or not any(t.text in quotes for t in toks) \
            or not _sentence_case(toks):
        return []
    taken = {k for m in names for k in range(m.i, m.j)}
    out: list[Mention] = []
    k = 0
    while k < len(toks):
        if toks[k].text not in quotes:
            k += 1
            continue
        j = next((e for e in range(k + 1, min(len(toks), k + _QUOTED_WORDS + 2)) if toks[e].text in quotes), None)
        if j is None:
            k += 1
            continue
        run = toks[k + 1 : j]
        after = toks[j + 1].low if j + 1 < len(toks) else ""
        if (run and _name_word(run[0]) and all(_name_word(t) or (n > 0 and t.text.isdigit())
                                               for n, t in enumerate(run))
                and after != "s"  # "The World ' s": an apostrophe, no closing quote
                and not any(m in taken for m in range(k + 1, j))
                and not all(is_ordinary_word(t.low, lex, borrowed=False) for t in run)
                and gaz.lookup_name(s.text[run[0].start - s.start : run[-1].end - s.start]) is None):
            out.append(_name_mention(s, k + 1, j, "Product", gaz))
        k = j + 1
    return out
