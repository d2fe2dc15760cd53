"""Product names with a model code ("xperia m5", "Boeing 737-300").

Lowercased text ("sony merilis xperia m5", "mediatek merilis helio x20 dan helio x30") gives
no capital to start a name, but a product line names its models with a code: a word the
language does not have ("xperia", "helio"), or a maker the lists know ("kawasaki"), up to two
more words, then a code of digits ("m5", "x20", "z900", "5c", "360"). Such a run is a Product;
a maker the lists know at its start is a Company of its own and the rest the Product ("kawasaki
z900", "samsung gear 360", "Boeing 737-300": docs/annotations.md, maker + model), which
:func:`kg.extract.adjacent.maker_before_model` links by launch. A designation joined to the maker
by a hyphen stays whole ("CASA-212"). Amounts ("rp23,6", "usd530"), years ("iims 2017"), counts
("5 juta") and shares ("5 %") are no codes. A bare number after other words needs a maker or a
word of a product line before it ("samsung gear 360", "galaxy note 7"; not "market share
16.17"). A few words after the code belong to the name (``product_code_suffixes`` in
language.toml: "iphone 7 plus").

In sentence-case text, where the language says so (``model_code_products_cased``), the words
are capitalised, and a bare number follows only a maker the lists know ("Boeing 737") or a
hyphen ("DHC-6"); headlines are left to the taggers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.edges import is_affixed_verb, is_ordinary_word
from kg.extract.found import Hit
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon, sentence_starters
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.resources import word_set

__all__ = ["caseless_launched", "coded_products", "is_model_code", "launched_run", "maker_named"]

# letters (at most three) then digits, then letters or digits: "m5", "x20", "sh150i", "5c", "7420", "4.0"
_CODE = re.compile(r"[a-z]{0,3}\d+(?:[.,]\d+)?[a-z0-9]*(?:-\d+[a-z0-9]*)?")  # "737-300" one token
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # "June 12th" is a date
_MONEY = ("rp", "usd", "us", "idr", "eur", "sgd")
# words of a product line between its name and the code ("redmi note 5", "gear 360")
_MAX_MIDDLE = 2


def is_model_code(low: str) -> bool:
    """``low`` (lowercase) is a model code: digits, after at most three letters, and no year or amount.

    >>> [is_model_code(w) for w in ("m5", "x20", "sh150i", "5c", "360", "4.0", "737-300")]
    [True, True, True, True, True, True, True]
    >>> [is_model_code(w) for w in ("2017", "usd530", "g", "12th")]
    [False, False, False, False]
    """
    return (_CODE.fullmatch(low) is not None and _YEAR.fullmatch(low) is None and _ORDINAL.fullmatch(low) is None
            and not low.startswith(_MONEY) and len(low) <= 8)


def _quantity(toks: Sequence[Token], j: int, units: frozenset[str]) -> bool:
    """``toks[j]``, a number, is a measure: a unit of ``units`` written onto it ("4gb", "12mp") or after it, also
    after its decimals written with a comma that the tokenizer split off ("5,1 inci": "5", ",", "1", "inci").

    >>> from kg.extract.text import tokenize
    >>> units = frozenset({"gb", "mp", "inci"})
    >>> [_quantity(tokenize(t), 1, units) for t in ("ram 4gb", "layar 5,1 inci", "kamera 12 mp", "gear 360 baru")]
    [True, True, True, False]
    """
    if not units:
        return False
    low = toks[j].low
    digits = low.rstrip("abcdefghijklmnopqrstuvwxyz")
    if digits and digits[-1].isdigit() and digits[0].isdigit() and low[len(digits):] in units:
        return True
    k = j + 1
    if k + 1 < len(toks) and toks[k].text == "," and toks[k].start == toks[j].end and toks[k + 1].text.isdigit() \
            and toks[k + 1].start == toks[k].end:
        k += 2  # Indonesian decimals: "5,1"
    return k < len(toks) and toks[k].low in units


def _word(t: Token) -> bool:
    return t.text.isalpha() and len(t.text) >= 2


def _maker_named(gaz: GazIndex, t: Token) -> bool:
    return maker_named(gaz, t.text)


def maker_named(gaz: GazIndex, name: str) -> bool:
    """``name`` is a maker: a company the lists know with a line of business or a Wikidata item (the brand
    and curated lists give them; a bare listing, such as the Warsaw-listed "Helio" that shares a name with
    MediaTek's chips, does not)."""
    known = gaz.lookup_name(name)
    return known is not None and known.type == "Company" and (known.sector or known.wikidata) is not None


def coded_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """The product names with a model code in the caseless sentence ``s`` (nothing in text with
    capitals, where the taggers and the launch patterns read names). ``names``: the sentence's names
    so far; a product never starts or ends inside a name of several words ("pt astra honda motor").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> t = "mediatek merilis helio x20 , bukan 10 persen pada 2017 ."
    >>> s = split_sentences(t, [(0, len(t))], load_lexicon("id"))[0]
    >>> [m.text for m in coded_products(s, load_lexicon("id"), gaz_index("id"), [])]
    ['helio x20']

    A maker the lists know before the line is a Company of its own, returned too:

    >>> t = "samsung merilis samsung gear 360 ."
    >>> s = split_sentences(t, [(0, len(t))], load_lexicon("id"))[0]
    >>> [(m.text, m.type) for m in coded_products(s, load_lexicon("id"), gaz_index("id"), [])]
    [('samsung', 'Company'), ('gear 360', 'Product')]
    """
    cased = not s.caseless
    if cased and (s.title_case or not lex.settings.get("model_code_products_cased", False)):
        return []
    if not _DIGIT.search(s.text):  # no digit in the sentence's text, none in its tokens: no code
        return []
    toks = s.tokens
    # a run ends at a code at most _MAX_MIDDLE + 2 words after its start (the middle words, a hyphen):
    # starts with no code in reach are skipped before the per-word checks (most words of most sentences)
    near = [False] * len(toks)
    for k, t in enumerate(toks):
        if not t.text.isalpha() and _DIGIT.search(t.text) and is_model_code(t.low):
            for a in range(max(0, k - _MAX_MIDDLE - 2), k):
                near[a] = True
    if not any(near):
        return []
    # a company the lists know, one word, read here as the gazetteer reads it (case and tiers): a maker
    makers = {m.i for m in names if m.j - m.i == 1 and m.type == "Company" and m.source == "gazetteer"}
    companies = {m.i for m in names if m.j - m.i == 1 and m.type == "Company"}  # a maker's own name, any source
    inside = [False] * len(toks)
    for m in names:
        if m.j - m.i > 1:
            for k in range(m.i, m.j):
                inside[k] = True
    stop = sentence_starters()
    suffixes = lex.optional_words("product_code_suffixes")
    units = lex.optional_words("quantity_units")
    money = word_set(lex.code, "codes.txt")

    def word(k: int) -> bool:  # a word of a product's name: in cased text, capitalised
        t = toks[k]
        return (not inside[k] and _word(t) and t.low not in stop and not is_affixed_verb(t.low, lex)
                and (t.is_cap or not cased))

    out: list[Mention] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not near[i] or not word(i) or (len(t.text) < 3 and not (cased and t.is_upper)) or (
                is_ordinary_word(t.low, lex) and i not in makers):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i <= _MAX_MIDDLE and word(j):
            j += 1
        middle = j > i + 1  # words between the name and its code
        hyphen = cased and j + 1 < len(toks) and toks[j].text == "-" and is_model_code(toks[j + 1].low)
        if hyphen:
            j += 1  # "DHC-6", "L-1011": the tokenizer cut the code at its hyphen
        if (j >= len(toks) or inside[j] or not is_model_code(toks[j].low)
                or any(w.low.startswith(_MONEY) or w.low in money for w in toks[i:j])
                or _quantity(toks, j, units)):
            i += 1  # "cny 1499", "ram 4gb", "layar 5,1 inci": an amount or a measure, no model
            continue
        code = toks[j].low
        if cased and code.replace(".", "").replace(",", "").isdigit() and not hyphen and i not in makers:
            i += 1  # "Plant 3", "Acuan 5,75": in cased text a bare number needs a maker the lists know
            continue
        if code.replace(".", "").replace(",", "").isdigit() and middle and not (
                any(w.low in suffixes for w in toks[i + 1 : j]) or i in makers):
            i += 1  # "market share 16.17": a bare number after ordinary words needs a maker or a line word
            continue
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if nxt == "%":
            i += 1
            continue
        if code[:1].isdigit() and nxt.isalpha() and nxt not in stop and nxt not in suffixes \
                and is_ordinary_word(nxt, lex):
            i += 1  # "5 juta", "10 persen": a number of things, not a model
            continue
        end = j + 1
        while cased and end + 1 < len(toks) and toks[end].text == "-" and is_model_code(toks[end + 1].low):
            end += 2  # "Boeing 737-300"
        while end < len(toks) and (toks[end].low in suffixes or (cased and word(end) and not
                                                                  is_ordinary_word(toks[end].low, lex))):
            end += 1  # "iphone 7 plus", "DHC-6 Twin Otter"
        start = i
        if not cased and i > 0 and not inside[i - 1] and _word(toks[i - 1]) and _maker_named(gaz, toks[i - 1]):
            # "samsung gear 360": the lists' maker before the line ("gear") is the Company that makes it
            if not any(m.i == i - 1 and m.j == i for m in names):
                out.append(_name_mention(s, i - 1, i, "Company", gaz))
        elif not hyphen and (i in companies or _maker_named(gaz, t)):
            start = i + 1  # "kawasaki z900", "Boeing 737": the maker is a Company of its own
            if i not in companies:
                out.append(_name_mention(s, i, i + 1, "Company", gaz))
        out.append(_name_mention(s, start, end, "Product", gaz))
        i = end
    return out


def caseless_launched(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention],
                      hits: Sequence[Hit]) -> list[Mention]:
    """What a launch verb releases in a caseless sentence ("kami meluncurkan zorvax lumina untuk ...",
    "merilis aplikasi kamera bernama zorvax cam", "meluncurkan zorvax card dan zorvax box di ..."): after
    the verb (a cue of ``caseless_launch_verbs``) and the words for a kind of product (``launch_fillers``
    and ``product_heads`` in language.toml), a run of at most three words that starts with a word the
    language does not have or a model code and ends at a stop word, punctuation or a verb; "dan" joins a
    second such run. Released figures are no product.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.text import split_sentences
    >>> lex = load_lexicon("id")
    >>> t = "kami meluncurkan mobil baru zorvax lumina dan zorvax prima di jakarta ."
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in caseless_launched(s, lex, gaz_index("id"), [], find_cues(s, lex))]
    ['zorvax lumina', 'zorvax prima']
    """
    if not s.caseless or "caseless_launch_verbs" not in lex.settings:
        return []
    toks = s.tokens
    fillers = lex.words("launch_fillers") | lex.words("product_heads")
    verbs = lex.words("caseless_launch_verbs")
    stop = sentence_starters()
    not_products = lex.optional_words("not_products_start")
    named = {k for m in names for k in range(m.i, m.j)}
    out: list[Mention] = []
    for h in hits:
        if h.cue.relation != "launch" or h.cue.passive or lex.is_passive(toks[h.i].text, h.cue.words[0]) \
                or h.cue.words[0] not in verbs:
            continue  # "menghadirkan celine dion": a show presents performers as well
        k = h.j
        while k < len(toks) and k - h.j < 6 and (toks[k].low in fillers or toks[k].text == ","):
            k += 1
        while k < len(toks):
            end = _launched_run(toks, k, lex, stop, named, not_products)
            if end is None:
                break
            if not any(m.i == k for m in out):  # a verb that two cues match ("meluncurkan")
                out.append(_name_mention(s, k, end, "Product", gaz))
            if end + 1 >= len(toks) or toks[end].low != "dan":
                break
            k = end + 1
    return out


def launched_run(toks: Sequence[Token], k: int, lex: Lexicon, named: set[int]) -> int | None:
    """:func:`_launched_run` with the language's stop words and ``not_products_start``."""
    not_products = lex.optional_words("not_products_start")
    return _launched_run(toks, k, lex, sentence_starters(), named, not_products)


def _launched_run(toks: Sequence[Token], k: int, lex: Lexicon, stop: frozenset[str], named: set[int],
                  not_products: frozenset[str]) -> int | None:
    """The end of a product's name starting at ``toks[k]`` in caseless text, or None: a word the language
    does not have (or a model code) first, at most three words, then a stop word or punctuation."""
    first = toks[k]
    if k in named or first.low in not_products or not (
            is_model_code(first.low) or (_word(first) and not is_ordinary_word(first.low, lex))):
        return None
    j = k + 1
    while j < len(toks) and j - k < 4 and j not in named and toks[j].low not in stop and (
            _word(toks[j]) or is_model_code(toks[j].low) or "-" in toks[j].text) \
            and not is_affixed_verb(toks[j].low, lex):
        j += 1
    if sum(is_ordinary_word(t.low, lex) for t in toks[k:j]) > 1:
        return None  # "android kebun binatang": a name, then a description
    if j - k >= 4 or (j < len(toks) and toks[j].is_word and toks[j].low not in stop
                      and not is_affixed_verb(toks[j].low, lex)):
        return None  # longer than a product's name, or running into a name or a verb: a clause
    return j
