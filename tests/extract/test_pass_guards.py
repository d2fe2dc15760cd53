"""The cheap checks at the start of kg.extract.read's name-shape passes and of two loops of
kg.extract.mentions.find_names (kg.extract.tokens.token_lows, the comma and joining word of
kg.extract.partnerfirms) only skip work: with every check forced open, every
extraction is the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import (
    bodies,
    brandnouns,
    extract,
    mentions,
    nameruns,
    partnerfirms,
    passingsector,
    placechain,
    possessive,
)
from kg.extract.lexicon import load_lexicon
from kg.extract.tokens import POSSESSIVE, Token, token_lows
from kg.model import Article

# Sentences each of which sets off one of the guarded passes (their modules' own examples), and the
# bundled examples.
_TEXTS = [
    ("en", "The U.S. Supreme Court on Monday ruled against Rospatch Corp. The Presidential Commission on Good"
           " Government sued Beeba Ltd."),
    ("en", "Sotheby's, the auction house, said it would buy Lumeo Inc's stake in Springfield, Va., and Fort"
           " Worth , Texas."),
    ("en", "Goldman, Sachs and Co and Donaldson , Lufkin amp Jenrette Securities Corp. advised Salomon, Levin"
           " and Elstein Ltd."),
    ("en", "Petroles de Venezuela and Regie Nationale des Usines Renault signed a deal with Duffour et Igon."),
    ("en", "The steel industry and the Philippine brewing firm, San Miguel Corp, said Rosario Ilaqua of L.F."
           " Rothschild would join. It makes Greb, Kodiak, and Santana brand shoes."),
    ("en", "Perth-based Tenvar Ltd said its unit Lumeo Mining and the startup Orbita AI would merge."),
    ("id", "Anak usaha Lumeo, startup Nusantara AI, digugat perusahaan Jakarta-based Orbita."),
]
_EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _every_trigger() -> frozenset[str]:
    """Every word a guarded pass checks for, in both languages: with it no check can skip anything."""
    keys = ("body_heads", "brand_nouns", "name_connectors", "sector_passing_heads")
    words = {w for code in ("en", "id") for key in keys for w in load_lexicon(code).optional_words(key)}
    starts = {w for code in ("en", "id") for w in load_lexicon(code).org_cue_starts}
    return frozenset(words) | starts | POSSESSIVE | {","}


def _articles() -> list[Article]:
    arts = [Article(id=f"t{k}", text=text, language=lang) for k, (lang, text) in enumerate(_TEXTS)]
    for path in sorted(_EXAMPLES.glob("*/*.txt")):
        arts.append(Article(id=path.stem, text=path.read_text(encoding="utf-8"), language=path.parent.name))
    return arts


def test_token_lows_is_the_set_of_lowercased_words_and_remembers_the_last_tuple() -> None:
    toks = (Token(0, 7, "Goldman"), Token(8, 9, ","), Token(10, 15, "Sachs"))
    assert token_lows(toks) == {"goldman", ",", "sachs"}
    assert token_lows(toks) is token_lows(toks)
    other = (Token(0, 7, "Goldman"),)
    assert token_lows(other) == {"goldman"} and token_lows(toks) == {"goldman", ",", "sachs"}


def test_the_checks_only_skip_work(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = _articles()
    guarded = [extract(a).to_json() for a in arts]
    every = _every_trigger()
    for module in (bodies, brandnouns, mentions, nameruns, passingsector, placechain, possessive):
        monkeypatch.setattr(module, "token_lows", lambda toks: token_lows(toks) | every)
    monkeypatch.setattr(partnerfirms, "_joined_after", lambda toks, commas, joiners: True)
    opened = [extract(a).to_json() for a in arts]
    assert opened == guarded
