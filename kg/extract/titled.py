"""Titles of works and apps named as such: a Product in quotes after a word that announces it or after a kind
of product ("film animasi terbaru 'Lintang Senja'"), and the name after such a marker ("aplikasi kamera bernama
Zorvax Cam"). :func:`kg.extract.context.type_by_context` asks it in sentence-case and caseless text.
"""

from __future__ import annotations

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _cap_run, _name_mention
from kg.extract.text import Sentence

_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}


def titled_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: list[Mention]) -> list[Mention]:
    """The title of a work or app in quotes right after a word that announces it (``title_markers`` in
    language.toml: "berjudul", "bertajuk") or after a kind of product or work and at most two words ("film
    animasi terbaru 'Lintang Senja'", ``product_heads`` and ``title_heads``), and the name right after such
    a marker with a kind of product before it ("aplikasi kamera bernama Zorvax Cam"): a Product, in
    sentence-case and caseless text."""
    if s.title_case or "title_markers" not in lex.settings:
        return []
    toks = s.tokens
    markers = lex.words("title_markers")
    heads = lex.optional_words("product_heads") | lex.words("title_heads")
    named_at = {k for m in names for k in range(m.i, m.j)}
    out: list[Mention] = []
    for k, t in enumerate(toks):
        if t.low in markers and k + 1 < len(toks) and k + 1 not in named_at \
                and any(x.low in heads for x in toks[max(0, k - 4) : k]):
            end = _named_after(s, lex, k + 1, named_at)
            if end is not None:
                out.append(_name_mention(s, k + 1, end, "Product", gaz))  # "aplikasi kamera bernama X"
            continue
        close = _QUOTES.get(t.text)
        if close is None or k == 0 or k in named_at:
            continue
        before = [x.low for x in toks[max(0, k - 3) : k]]
        if toks[k - 1].low not in markers and not any(w in heads for w in before):
            continue
        end = next((e for e in range(k + 1, min(len(toks), k + 10)) if toks[e].text == close), None)
        if end is None or end == k + 1 or any(e in named_at for e in range(k + 1, end)):
            continue
        if not any(x.is_word for x in toks[k + 1 : end]):
            continue
        out.append(_name_mention(s, k + 1, end, "Product", gaz))
    return out


def _named_after(s: Sentence, lex: Lexicon, k: int, named_at: set[int]) -> int | None:
    """The end of the name that starts right after "bernama" at ``toks[k]``: a capitalised run in sentence
    case; in caseless text a run that starts with a word the language does not have (kg.extract.coded)."""
    toks = s.tokens
    if not s.caseless:
        if not toks[k].is_cap or not toks[k].text[0].isalpha():
            return None
        j = _cap_run(toks, k, lex, limit=4)
        return j if all(x not in named_at for x in range(k, j)) else None
    from kg.extract.coded import launched_run

    return launched_run(toks, k, lex, named_at)
