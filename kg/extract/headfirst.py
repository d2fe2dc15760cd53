"""A line of business named in words in a head-first language (Indonesian): the head comes first.

``sector_phrase_head_first`` in language.toml turns it on: the plain words after a head word right
before a company ("perusahaan energi surya Lumeo", "produsen kamera premium seperti A, B dan C") or in
an apposition after it ("Lumeo, perusahaan energi surya Jepang", "Lumeo yang merupakan produsen kamera
terbesar"), with the words of ``ontology/lang/<code>/relations/sector_phrases.txt``. Read by
:func:`kg.extract.sectorphrase.sector_phrases`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import Mention
from kg.extract.phrasewords import MAX_WORDS, words_of
from kg.extract.phrasewords import plain as plain_word
from kg.extract.text import Sentence, Token, bracketed_acronym
from kg.resources import word_set


def _head_first_run(toks: Sequence[Token], k: int, end: int, words: dict[str, frozenset[str]],
                    named: frozenset[int], plain: Callable[[Token], bool] = plain_word,
                    verb: Callable[[str], bool] = lambda w: False) -> tuple[int, int] | None:
    """In a head-first language, the line of business after the head word at ``toks[k]`` ("perusahaan
    energi surya"): the plain words up to ``end`` (the company or the place after them), all of them, or
    (``end`` < 0) up to the first stop word; an agent head ("firma hukum") is kept in it."""
    cls = words.get(toks[k].low, ())
    if "head" not in cls and "agent" not in cls:
        return None
    a = k + 1
    b = a
    limit = len(toks) if end < 0 else end
    while b < limit and plain(toks[b]) and b not in named and "stop" not in words.get(toks[b].low, ()) \
            and not _verb_like(toks[b].low) and not verb(toks[b].low) and b - a < MAX_WORDS:
        b += 1
    if end >= 0 and b != end:
        return None  # "perusahaan milik negara X", "perusahaan yang memproduksi ...": no line of business
    while a < b and "edge" in words.get(toks[a].low, ()):
        a += 1
    while b > a and "edge" in words.get(toks[b - 1].low, ()):
        b -= 1
    if b - a < 1 or b - a > 4:
        return None
    return (k, b) if "agent" in cls else (a, b)


def _verb_like(word: str) -> bool:
    """An Indonesian active, intransitive or stative verb form (me-, ber-, ter-): it ends a line of business
    ("perusahaan teknologi menyatakan", "produsen kamera terbesar")."""
    return len(word) > 5 and word.startswith(("me", "ber", "ter"))


def _headline_verb(lex: Lexicon) -> Callable[[str], bool]:
    """Whether a word is verb-shaped: a headline verb (``headline_verbs.txt``), a word of
    ``headline_predicates`` or an affixed verb form of a known root. It is no line of business after a head
    word ("Perusahaan Dukung ESG", "Perusahaan Salurkan Dana").

    >>> from kg.extract.lexicon import Lexicon, load_lexicon
    >>> verb = _headline_verb(load_lexicon("id"))
    >>> verb("dukung"), verb("salurkan"), verb("energi"), verb("perbankan")
    (True, True, False, False)
    """
    from kg.extract.edges import is_affixed_verb

    listed = word_set(lex.code, "headline_verbs.txt") | lex.optional_words("headline_predicates")
    # a pe(N)-/per-/ke- ... -an confix makes a noun ("perbankan", "pembiayaan"), though "perban" + "-kan"
    # reads as a verb
    return lambda w: w in listed or (is_affixed_verb(w, lex) and not (w.startswith(("pe", "ke")) and w.endswith("an")))


# not "sebagai": "X sebagai penyedia ..." names a role (appointed as, serving as), not a line of business
_APPOSITION_LINKS = frozenset({",", "yang", "merupakan", "adalah", "salah", "satu", "sebuah", "ialah"})


def head_first_spans(s: Sentence, ms: list[Mention], language: str) -> Iterator[tuple[Mention, tuple[int, int]]]:
    """Head-first lines of business: "perusahaan energi surya [Jepang] Lumeo" (right before the company,
    a country or place and a comma or quote allowed between) and "Lumeo, perusahaan energi surya Jepang",
    "Lumeo yang merupakan produsen kamera terbesar" (an apposition right after it)."""
    from kg.extract.joins import listed_after

    toks = s.tokens
    words = words_of(language)
    lex = load_lexicon(language)
    openers = lex.words("list_openers")
    places = [m for m in ms if m.type in ("Country", "Place")]
    plain = plain_word
    verb = _headline_verb(lex)
    if s.title_case:
        from kg.extract.edges import is_ordinary_word

        def plain(t: Token) -> bool:  # a headline capitalises the ordinary words of a line of business too
            return t.is_word and not any(ch.isdigit() for ch in t.text) and is_ordinary_word(t.low, lex)
    # names other than sector words end a line of business ("perusahaan energi surya jepang")
    named = frozenset(k for m in ms if m.type != "Sector" for k in range(m.i, m.j))
    for m in ms:
        if m.type != "Company" or m.source == "coref":
            continue
        # before: skip quotes, a comma and a place of origin back from the company
        e = m.i
        # a headline's comma ends a clause ("Digugat Pemasok Komponen, X Siapkan ..."): not skipped there
        while e > 0 and toks[e - 1].text in (('"', "'", "“") if s.title_case else (",", '"', "'", "“")):
            e -= 1
        # "produsen kamera premium sekelas A, B ...": a list of the line's companies
        opener = next((n for n in (2, 1) if e - n >= 0 and " ".join(t.low for t in toks[e - n : e]) in openers), 0)
        e -= opener
        place = next((p for p in places if p.j == e), None)
        if place is not None:
            e = place.i
            if e > 0 and toks[e - 1].low in ("asal", "dari"):
                e -= 1  # "pabrikan mobil asal Prancis, Renault"
        if e > 0 and toks[e - 1].text == "(" and m.j < len(toks) and toks[m.j].text == ")":
            e -= 1  # "Emiten Tepung Jagung (ABCD)": the company named by its ticker
        k = e - 1
        while k >= 0 and plain(toks[k]) and e - k <= MAX_WORDS and "head" not in words.get(toks[k].low, ()) \
                and "agent" not in words.get(toks[k].low, ()):
            k -= 1
        span = _head_first_run(toks, k, e, words, named, plain, verb) if k >= 0 and k < e - 1 else None
        if span is not None:
            yield m, span
            for o in listed_after(s, lex, ms, m) if opener else ():
                yield o, span
        # after: "X, perusahaan ...", "X (ABC), perusahaan ...", "X yang merupakan produsen ..."
        j = m.j + 3 if bracketed_acronym(toks, m.j) else m.j
        g = j
        while g < len(toks) and g - j < 4 and toks[g].low in _APPOSITION_LINKS:
            g += 1
        if g == j or g >= len(toks) or (toks[j].text != "," and toks[j].low != "yang"):
            continue
        span = _head_first_run(toks, g, -1, words, named, plain, verb)
        if span is not None:
            yield m, span
