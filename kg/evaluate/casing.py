"""The casing of a gold document: sentence case, title case, upper case or lower case.

Headlines are written in title case ("Bank Mandiri Salurkan Kredit") or upper case,
article sentences in sentence case; a tagger that trusts capitals does well on the
last and badly on the first two, and text without capitals (lowercased corpora, social
media, transcripts) gives it nothing to trust, so ``kg eval`` reports its figures by casing.

The casing is decided from the document's alphabetic words (runs of letters;
digits and punctuation split words, so ``Rp1.670`` gives ``Rp``):

- **lower** when no word has a capital letter (as :func:`kg.extract.casing.caseless` decides
  for the sentences the caseless tagger reads);
- **upper** when at least 60 % of the words of two or more letters are all capitals;
- **title** when at least 60 % of the words *after the first* start with a capital
  (the first word is capitalised in every casing, so it says nothing);
- **sentence** otherwise, and for a text without words.

>>> casing("Ford denied a deal with Xiaomi.")
'sentence'
>>> casing("Bank Mandiri Salurkan Kredit Rp1.670 Triliun ke UMKM")
'title'
>>> casing("FORD DENIES DEAL WITH XIAOMI")
'upper'
>>> casing("ford denied a deal with xiaomi."), casing("ford denied a deal with iPhone maker")
('lower', 'sentence')
>>> casing("Ford sued Tesla."), casing("123"), casing("")
('sentence', 'sentence', 'sentence')
"""

from __future__ import annotations

import functools
import re

__all__ = ["CASINGS", "casing"]

CASINGS = ("sentence", "title", "upper", "lower")
_WORD = re.compile(r"[^\W\d_]+")
_SHARE = 0.6


# The extractor asks for the casing of an article's head twice (reading and assembling it): the second
# answer is remembered, not worked out again.
@functools.lru_cache(maxsize=64)
def casing(text: str) -> str:
    """``"sentence"``, ``"title"`` or ``"upper"``: the casing of ``text`` (rules in the module docstring)."""
    words = _WORD.findall(text)
    if words and not any(map(str.isupper, "".join(words))):
        return "lower"
    n_long = n_upper = n_cap = 0
    for w in words:
        if len(w) > 1:
            n_long += 1
            n_upper += w.isupper()
        n_cap += w[0].isupper()
    if n_long and n_upper >= _SHARE * n_long:
        return "upper"
    # the first word is capitalised in every casing: it does not count
    n_rest = len(words) - 1
    if n_rest > 0 and n_cap - words[0][0].isupper() >= _SHARE * n_rest:
        return "title"
    return "sentence"
