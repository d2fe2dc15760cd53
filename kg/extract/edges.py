"""Where a name no list knows starts and ends: ordinary words are trimmed off, and refused alone.

A title-case headline capitalises every word, so a tagger or a pattern reading
capitals glues verbs, nouns and amounts onto names or makes them names
("Salurkan Kredit Rp1.670", "Tegaskan", "Rupiah Ditutup Perkasa"). Whatever tagger
runs, these rules hold for a name that no list confirmed:

- its first and last words are not *edge words*: words annotated news text uses
  often and (almost) never inside a name (``ontology/lang/<code>/not_name_words.txt``,
  built by ``scripts/build_name_words.py``), the language's words that start no name
  (months, weekdays, ``not_names_start``), amounts and numbers, single letters, and
  Indonesian verbs affixed on a known root ("Tegaskan" is tegas + -kan);
- in a title-case sentence, it is not one *common word* alone (``common_words.txt``:
  written in lower case almost always; or a dictionary root word, ``root_words.txt``),
  nor common words only;
- a tagger's run is cut where an affixed verb or a long edge word stands inside it
  ("Erick Thohir Bertemu AHY" is two names).

Legal forms ("PT", "Tbk", "Inc") and acronyms are never trimmed, nor, in a sentence-case sentence, a
person's initial without its full stop ("M Nazaruddin") or a one-letter Roman numeral at a name's end
("Hamengku Buwono X"); a bracket the name does not close or open is ("JK )"). In a sentence-case
sentence a capitalised affixed word inside a run is the name's own ("Kabinet Indonesia Bersatu"), and
nothing cuts inside a list's name that the run holds whole ("Kementerian pertahanan Rusia").

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.text import Token
>>> lex = load_lexicon("id")
>>> toks = [Token(0, 0, w) for w in "Denny Sumargo Mundur".split()]
>>> trim(toks, 0, 3, lex, title_case=True)
(0, 2)
>>> toks = [Token(0, 0, w) for w in "Salurkan Kredit Rp1.670".split()]
>>> trim(toks, 0, 3, lex, title_case=True) is None
True
>>> toks = [Token(0, 0, w) for w in "Erick Thohir Bertemu AHY".split()]
>>> parts(toks, 0, 4, lex, title_case=True)
[(0, 2), (3, 4)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kg.extract.lexicon import Lexicon, sentence_starters
from kg.extract.tokens import POSSESSIVE, Token
from kg.names import is_legal_form

__all__ = ["is_edge_word", "parts", "starts_amount", "trim"]

_AMOUNT = re.compile(r"(?:rp|us\$|\$|€|£|¥|idr|usd)?\d", re.IGNORECASE)
_CURRENCY = re.compile(r"(?:rp|us\$|\$|€|£|¥|idr|usd)", re.IGNORECASE)
_EDGE_MARKS = POSSESSIVE | {"-", ",", ":", ";"}  # marks that never start or end a name
# Affixes that make verbs (meN-, di-, ber-, ter-; -kan, -i, -nya): a noun's pe(N)-/ke-/se-/-an are
# left out because they also build names ("Perdana", "Sentosa").
_VERBAL = frozenset({"meng", "meny", "mem", "men", "me", "di", "ber", "be", "ter", "memper", "diper",
                     "kan", "i", "nya"})
_MIN_ROOT = 4
_ATTESTING = ("an", "kan", "i", "nya")
_ATTESTING_PREFIX = ("di", "ber", "ter")
_CLOSING = {")": "(", "]": "["}
_OPENING = {"(": ")", "[": "]"}
# Roman numerals of one letter that end a name (one-letter "I" is a word: is_ordinary_word)
_ROMAN = frozenset("VX")
# Words that may join the two halves of one name ("Bank of America", "Johnson & Johnson").
_JOINERS = frozenset({"of", "de", "van", "der", "von", "&", "and", "dan", "the", "for", "y", "la", "le", "du"})


@functools.cache
def _words(code: str, name: str) -> frozenset[str]:
    from kg.resources import language_dir, read_lines

    path = language_dir(code) / name
    return frozenset(read_lines(path)) if path.is_file() else frozenset()


@functools.cache
def _borrowed(lex: Lexicon) -> frozenset[str]:
    """Common words of the languages this one's headlines borrow from (``borrows_from`` in
    language.toml: Indonesian headlines write "Tender Offer", "Value", "Payment")."""
    codes = lex.settings.get("borrows_from", [])
    assert isinstance(codes, list)
    return frozenset().union(*(_words(str(c), "common_words.txt") for c in codes))


@functools.cache
def _starters(lex: Lexicon) -> frozenset[str]:
    from kg.readers._data import month_names, weekday_names

    return lex.words("not_names_start") | frozenset(month_names()) | weekday_names()


@functools.cache
def _vocabulary(lex: Lexicon) -> frozenset[str]:
    return (_words(lex.code, "not_name_words.txt") | _words(lex.code, "common_words.txt") | lex.cue_words
            | _words(lex.code, "root_words.txt"))


def _verbal_rules(lex: Lexicon) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    return (tuple(p for p in lex.prefixes if p[0] in _VERBAL), tuple(p for p in lex.suffixes if p[0] in _VERBAL))


def is_affixed_verb(word: str, lex: Lexicon) -> bool:
    """``word`` is a verb form of a known root: one verbal prefix and/or suffix off gives a word
    of the language's vocabulary of at least four letters ("tegaskan", "setujui", "melemah").

    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = load_lexicon("id")
    >>> is_affixed_verb("Tegaskan", lex), is_affixed_verb("Berlin", lex), is_affixed_verb("Perdana", lex)
    (True, False, False)
    """
    prefixes, suffixes = _verbal_rules(lex)
    if not prefixes and not suffixes:
        return False
    low = word.lower()
    if low in _words(lex.code, "root_words.txt"):
        return False  # a base word of its own ("menara", "mentari"), not an affixed form
    vocab = _vocabulary(lex)
    bases = {low} | {repl + low[len(a):] for a, repl in prefixes if low.startswith(a)}
    roots = {b for b in bases if b != low}
    for base in bases:
        roots |= {base[: len(base) - len(a)] + repl for a, repl in suffixes if base.endswith(a)}
    # a root is known when the vocabulary has it bare or with another affix ("salur" from "saluran")
    return any(len(r) >= _MIN_ROOT and (r in vocab or any(r + x in vocab for x in _ATTESTING)
                                        or any(x + r in vocab for x in _ATTESTING_PREFIX))
               for r in roots)


def is_edge_word(t: Token, lex: Lexicon, *, words: bool = True, nxt: Token | None = None) -> bool:
    """A token that starts or ends no name (rules in the module docstring); ``words=False`` leaves
    out the word lists and the verbs (a sentence-case capital already says "name")."""
    if len(t.text) == 1 and t.text.isalpha():
        return nxt is None or nxt.text != "."  # "H. Neil Nichols": an initial
    return _edge_text(lex, t.text, words) or starts_amount(t, nxt)


def starts_amount(t: Token, nxt: Token | None) -> bool:
    """A currency sign written apart from its number ("Rp 6,290 triliun", "US$ 7"): an amount, no name's.

    >>> from kg.extract.text import tokenize
    >>> rp, six = tokenize("Rp 6,290")[:2]
    >>> starts_amount(rp, six), starts_amount(rp, None)
    (True, False)
    """
    return nxt is not None and nxt.text[:1].isdigit() and _CURRENCY.fullmatch(t.text) is not None


@functools.lru_cache(maxsize=65536)
def _edge_text(lex: Lexicon, text: str, words: bool) -> bool:
    if _AMOUNT.match(text):
        return True
    if not text[0].isalpha():
        # markup and handles left in scraped text ("</org>", "/strong", "@user") are never names
        return text in _EDGE_MARKS or text[0] in "/<>\\@#|"
    if (len(text) > 1 and text.isupper()) or is_legal_form(text):
        return False
    low = text.lower()
    if low in _starters(lex) and (words or len(low) > 3):
        return True  # short forms ("Sun", "May") are names too often in sentence case
    return words and (low in _words(lex.code, "not_name_words.txt") or low in lex.cue_words
                      or is_affixed_verb(low, lex))


def _common(t: Token, lex: Lexicon, *, roots: bool = False) -> bool:
    """An ordinary word: from ``common_words.txt``, an edge word, or (``roots``) a root word of the
    language's dictionary (``root_words.txt``, where there is one)."""
    if t.is_upper:
        return False
    return (t.low in _words(lex.code, "common_words.txt") or is_edge_word(t, lex)
            or (roots and (t.low in _words(lex.code, "root_words.txt") or t.low in _borrowed(lex))))


@functools.lru_cache(maxsize=65536)
def is_ordinary_word(low: str, lex: Lexicon, *, borrowed: bool = True) -> bool:
    """The lowercase ``low`` is a word of the language, not a name: in its vocabulary (common words,
    edge words, dictionary roots, cue words), a stop word of any language, a common word of a language
    its text borrows from (``borrows_from``; not when ``borrowed`` is false), or an affixed verb of a
    known root.

    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = load_lexicon("id")
    >>> [is_ordinary_word(w, lex) for w in ("semen", "perkebunan", "menggandeng", "samsung", "netflix")]
    [True, True, True, False, False]
    """
    return (low in _vocabulary(lex) or low in sentence_starters() or (borrowed and low in _borrowed(lex))
            or is_affixed_verb(low, lex) or _affixed_root(low, lex))


def has_dictionary(lex: Lexicon) -> bool:
    """The language ships a dictionary of its root words (``root_words.txt``), so that a word
    missing from its vocabulary is likely no word of it."""
    return bool(_words(lex.code, "root_words.txt"))


def _affixed_root(low: str, lex: Lexicon) -> bool:
    """``low`` is a dictionary root with any of the language's affixes ("perkebunan": per-kebun-an)."""
    roots = _words(lex.code, "root_words.txt")
    bases = {low} | {repl + low[len(a):] for a, repl in lex.prefixes if low.startswith(a)}
    cands = set(bases)
    for base in bases:
        cands |= {base[: len(base) - len(a)] + repl for a, repl in lex.suffixes if base.endswith(a)}
    return any(len(r) >= _MIN_ROOT and r in roots for r in cands - {low})


def trim(toks: Sequence[Token], i: int, j: int, lex: Lexicon, *, title_case: bool = False,
         person: bool = False) -> tuple[int, int] | None:
    """``(i, j)`` without edge words at either end, or ``None`` when no name is left.

    In a sentence-case sentence a capital is evidence of a name (wire stories start with one:
    "Sun Chemical Corp said"), so the word lists and verbs only apply to title-case sentences;
    amounts, dates, stray letters and bare legal forms go everywhere. A ``person``'s name may be
    made of dictionary words ("Dewi Lestari"), so only the data-built lists refuse it whole.
    """

    def edge(k: int) -> bool:
        return is_edge_word(toks[k], lex, words=title_case, nxt=toks[k + 1] if k + 1 < len(toks) else None)

    def letter(k: int) -> bool:
        # a capital letter that is no word of the language ("A", "I" are) and not a headline's stray letter
        t = toks[k]
        return not title_case and len(t.text) == 1 and t.text.isupper() and not is_ordinary_word(t.low, lex)

    # "mnc group</org>.": markup left in scraped text (an end tag) ends a name
    j = next((k for k in range(i + 1, j - 1) if toks[k].text == "<" and toks[k + 1].text == "/"), j)
    while i < j and edge(i):
        if person and j - i >= 2 and letter(i) and toks[i + 1].is_cap:
            break  # an initial written without its full stop, as Indonesian news does ("M Nazaruddin")
        if (j - i >= 3 and letter(i) and toks[i + 1].low in ("and", "&") and len(toks[i + 2].text) == 1
                and toks[i + 2].text.isupper()):
            break  # two initials joined: "B and W Electric Supply Co", "S and A Truck Tire" (3 names on train)
        i += 1
    while j > i and edge(j - 1):
        if j - i >= 2 and letter(j - 1) and toks[j - 1].text in _ROMAN and toks[j - 2].is_cap:
            break  # a regnal or ordinal numeral ends the name ("Hamengku Buwono X", "Kodam V")
        j -= 1
    i, j = _balanced(toks, i, j)
    i = _prefix_start(toks, i, j, lex)
    if title_case and person and j - i >= 3 and _common(toks[j - 1], lex, roots=True):
        j -= 1  # "Sri Mulyani Lega": a headline's adjective after a full name
    if j <= i:
        return None
    if all(is_legal_form(t.text) or not t.text[0].isalnum() for t in toks[i:j]):
        return None  # "Inc", "Co": a legal form names nothing by itself
    if j - i == 1 and title_case and in_acronym_list(toks, i, lex):
        return i, j  # a dictionary word listed among acronyms names what they name
    if j - i == 1 and title_case and _common(toks[i], lex, roots=True):
        return None
    if (j - i == 1 and len(toks[i].text) > 1 and toks[i].text.isupper() and _listed_acronyms(lex)
            and toks[i].low in _words(lex.code, "not_name_words.txt")):
        return None  # an acronym the annotated text never names by ("SMS", "KSO", "RUU", "WIB"), in any casing
    if (j - i == 1 and not title_case and i > 0 and toks[i].is_cap and not toks[i].is_upper
            and _lone_edge_refused(lex) and toks[i].low in _words(lex.code, "not_name_words.txt")):
        return None  # mid-sentence, a capital alone does not make a name of a word text never names by
    if title_case and all(_common(t, lex, roots=not person) or (not person and is_affixed_verb(t.low, lex))
                          or t.low in _JOINERS for t in toks[i:j]):
        return None
    return i, j


def in_acronym_list(toks: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """``toks[i]`` is an item of a list of acronyms: a list joiner (``list_joiners``, or a hyphen
    between touching words) and an all-capitals word on one side. In a headline every word is
    capitalised, so a lone dictionary word is no name there ("Rupiah", "Waspada"), but one listed
    among acronyms names what they name: "Mandiri" in "Deposito BRI, BNI, BCA, Mandiri Terbaru" or
    "Rekening BCA-Mandiri-BNI" (CNBC train headlines: 7 lone dictionary words so listed, all Bank Mandiri).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("id")
    >>> [in_acronym_list(tokenize(t), 2, lex) for t in ("BCA dan Mandiri", "BCA-Mandiri", "Saham - Mandiri")]
    [True, True, False]
    """
    joiners = lex.words("list_joiners")
    for sep, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if min(sep, other) < 0 or max(sep, other) >= len(toks):
            continue
        touching = (toks[sep].text == "-" and toks[sep - 1].end == toks[sep].start
                    and toks[sep].end == toks[sep + 1].start)
        if (toks[sep].low in joiners or touching) and len(toks[other].text) > 1 and toks[other].is_upper:
            return True
    return False


def _prefix_start(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> int:
    """Where a run starts when a legal form written before names stands inside it: there ("Entitas Grup
    Emtek" is "Grup Emtek", "Sekolah Penerbangan PT Wing" is "PT Wing"); ``i`` when none does.

    >>> from kg.extract.lexicon import load_lexicon
    >>> toks = [Token(0, 0, w) for w in "Entitas Grup Emtek Borong".split()]
    >>> _prefix_start(toks, 0, 3, load_lexicon("id")), _prefix_start(toks, 0, 2, load_lexicon("id"))
    (1, 0)
    """
    prefixes = _prefixes(lex)
    for k in range(i + 1, j - 1):
        if toks[k].text.strip(".").lower() in prefixes and toks[k + 1].is_cap:
            return k
    return i


@functools.cache
def _prefixes(lex: Lexicon) -> frozenset[str]:
    return frozenset({"pt", *lex.words("legal_form_prefixes")})


def _listed_acronyms(lex: Lexicon) -> bool:
    """Whether a lone acronym whose lowercased word is in ``not_name_words.txt`` is refused (language.toml
    ``refuse_listed_acronyms``): the list is built from lowercased words, so in English "CAP" (a Reuters
    company) falls with "cap"; Indonesian acronyms are rarely ordinary words."""
    return bool(lex.settings.get("refuse_listed_acronyms", False))


def _lone_edge_refused(lex: Lexicon) -> bool:
    """Whether a sentence-case sentence refuses a capitalised edge word alone in its middle (language.toml
    ``refuse_lone_edge_words``): Indonesian capitalises "Anda" and leaves "Pada" after a lost full stop."""
    return bool(lex.settings.get("refuse_lone_edge_words", False))


def _balanced(toks: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """``(i, j)`` without a bracket at either end that the span does not close or open: "JK )" of
    "( Jokowi - JK )" is "JK", while "Angkasa Pura I ( Persero )" keeps its brackets.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("( Jokowi-JK ) PT Angkasa Pura I ( Persero )")
    >>> [t.text for t in toks][:5]
    ['(', 'Jokowi', '-', 'JK', ')']
    >>> _balanced(toks, 3, 5), _balanced(toks, 0, 2), _balanced(toks, 5, 12)
    ((3, 4), (1, 2), (5, 12))
    """
    while i < j and toks[j - 1].text in _CLOSING:
        opener = _CLOSING[toks[j - 1].text]
        if sum(t.text == opener for t in toks[i : j - 1]) >= sum(t.text == toks[j - 1].text for t in toks[i:j]):
            break
        j -= 1
    while i < j and toks[i].text in _OPENING:
        closer = _OPENING[toks[i].text]
        if sum(t.text == closer for t in toks[i + 1 : j]) >= sum(t.text == toks[i].text for t in toks[i:j]):
            break
        i += 1
    return i, j


def parts(toks: Sequence[Token], i: int, j: int, lex: Lexicon, *, title_case: bool = False,
          person: bool = False, caseless: bool = False, keep: Sequence[tuple[int, int]] = ()
          ) -> list[tuple[int, int]]:
    """A tagger's run ``(i, j)`` cut at the verbs and ordinary words inside it, each part trimmed.

    In a sentence-case sentence a capitalised word inside a run is part of the name ("Million
    Dolar Round Table"), so only affixed verbs and lower-case words cut it there; in a
    ``caseless`` sentence (no capitals at all) only affixed verbs do ("komisi pemberantasan korupsi").
    Nothing cuts inside a span of ``keep`` (a list's name the run holds whole: "Kementerian
    pertahanan Rusia" holds the ministry's name, lowercase words and all).
    """

    def cut(t: Token) -> bool:
        if t.low in _JOINERS or not t.text[0].isalpha() or t.is_upper or t.low in lex.words("name_ampersands"):
            return False  # "amp" is the "&" of a name whose "&amp;" was mangled (language.toml)
        if caseless and t.low.startswith(inner):
            return False  # "gabungan industri kendaraan bermotor indonesia" (name_inner_prefixes)
        if not title_case and not caseless and t.text.islower():
            return True
        if is_affixed_verb(t.low, lex):
            # in a sentence-case sentence a capitalised word between capitalised words is the name's own
            # ("Kabinet Indonesia Bersatu II", "Koalisi Selamatkan Darfur"): verbs there are lowercase
            return title_case or caseless or not t.is_cap
        return title_case and len(t.text) >= 4 and t.low in _words(lex.code, "not_name_words.txt")

    inner = tuple(lex.words("name_inner_prefixes")) if caseless and "name_inner_prefixes" in lex.settings else ()
    cuts = [k for k in range(i + 1, j - 1) if cut(toks[k]) and not any(a <= k < b for a, b in keep)]
    out = []
    for a, b in zip([i, *(c + 1 for c in cuts)], [*cuts, j], strict=True):
        span = trim(toks, a, b, lex, title_case=title_case, person=person) if b > a else None
        if span is not None:
            out.append(span)
    return out
