"""kg.extract.gazindex.GazIndex.scan: longest non-overlapping matches, left to right."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from kg.extract import gaz_index
from kg.extract.gazindex import _order
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences
from kg.model import Article
from kg.readers import read

ROOT = Path(__file__).resolve().parents[2]


def _scan_step_by_step(gaz, toks, *, title_case=False, caseless=False):
    """The scan as it was written before it visited only the words a surface form starts with: one
    step per token, a match moving on to its end."""
    prefixes, firsts = gaz._prefixes(), gaz._first_words()
    capitals = None
    out = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].low not in firsts:
            i += 1
            continue
        hit, key = None, ()
        for m in range(1, min(gaz.max_len, n - i) + 1):
            key = (*key, toks[i + m - 1].low)
            if m > 1 and key not in prefixes:
                break
            entries = gaz._by_tokens.get(key)
            if not entries:
                continue
            if capitals is None and not caseless:
                words = [t for t in toks if len(t.text) > 1 and t.text[0].isalpha()]
                capitals = len(words) >= 3 and sum(t.text.isupper() for t in words) / len(words) >= 0.6
            ok = ([e for e in entries if gaz._caseless_ok(e, toks, i, i + m)] if caseless else
                  [e for e in entries if gaz._case_ok(e, toks[i : i + m])
                   and gaz._tier_ok(e, toks, i, i + m, title_case, bool(capitals))])
            if ok:
                ok.sort(key=_order)
                hit = (i, i + m, ok[0][0])
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@pytest.mark.parametrize("language", ["en", "id"])
def test_scan_finds_what_a_step_per_token_finds_and_no_overlaps(language):
    lex, gaz = load_lexicon(language), gaz_index(language)
    arts = [a for a in read([ROOT / "examples" / language]) if isinstance(a, Article)]
    assert arts
    found = 0
    for a in arts:
        for s in split_sentences(a.text, a.segments(), lex):
            for caseless in (s.caseless, True):  # also every sentence read as caseless text
                hits = list(gaz.scan(s.tokens, title_case=s.title_case, caseless=caseless))
                assert hits == _scan_step_by_step(gaz, s.tokens, title_case=s.title_case, caseless=caseless)
                assert all(a[1] <= b[0] for a, b in pairwise(hits))
                found += len(hits)
    assert found > 0


@pytest.mark.parametrize(("language", "text", "name", "found"), [
    # two words of the language that a list also holds as one name, the second not capitalised
    ("id", "Saham bank naik setelah rilis data inflasi.", "Saham Bank", False),
    ("id", "Saham Bank naik setelah rilis data inflasi.", "Saham Bank", True),
    ("en", "General motors are what the plant needs.", "General Motors", False),
    ("en", "General Motors said the plant would close.", "General Motors", True),
])
def test_a_name_capitalised_in_the_list_is_capitalised_in_the_text(language, text, name, found):
    lex, gaz = load_lexicon(language), gaz_index(language)
    (s,) = split_sentences(text, [(0, len(text))], lex)
    labels = [known.label for _, _, known in gaz.scan(s.tokens, title_case=s.title_case, caseless=s.caseless)]
    assert (name in labels) is found
