"""In a headline or a caseless sentence that names one company, the products it names are that company's (launch).

A headline is short and names what it is about: "Ditopang Wondr, Tabungan BNI Naik 11%", "Lewat AgenBRILink, BRI
Dukung Asta Cita", "Mengenal JS Saving Plan, Produk Jiwasraya". The launch cues (``relations/launch.txt``) find
the maker only when the sentence says "luncurkan"; most such headlines name the product beside the company with no
cue at all. On the Indonesian train split of annotations/, where a unit names exactly one Company and a Product,
the company launched the product in 15 of 20 title-case headlines (the other 5: a payment standard of another body,
"QRIS WHIZ di Ajaib", and a product the company sells, "Agen BRILink" of BRI, whose gold leaves the link out) and
in 38 of 56 caseless sentences (NERP's short news sentences: "bri transfer lounge ... nasabah bank bri"), but only
in 29 of 53 sentence-case ones, which are longer and often name a product beside a company that only uses or
sells it: those are not read. The company must be one the lists know (a name only a tagger calls a
company is too often a product itself: "SVBI dan SUVBI") and no launch cue may stand in the sentence (the cue reads
the pair, with its status). Read where the language sets ``lone_maker = true``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.extract.found import Found

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

__all__ = ["lone_maker"]


def lone_maker(s: Sentence, lex: Lexicon, ms: Sequence[Mention], hits: Sequence[Hit], *, learned: bool = False,
               models: str | None = None) -> Iterator[Found]:
    """launch from the only company of the title-case headline or caseless sentence ``s`` to each product it names;
    ``ms``: the sentence's mentions. The status is read over the whole sentence ("BSI Mau Bikin 50 ATM Emas":
    planned).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> t = "Ditopang Zorva, Tabungan BNI Naik 11% Sepanjang 2024"
    >>> s = Sentence(0, 0, len(t), t, tuple(tokenize(t)))
    >>> ms = [Mention(0, 1, 2, 9, 14, "Zorva", "Product", "zorva", "Zorva", "ner"),
    ...       Mention(0, 4, 5, 25, 28, "BNI", "Company", "bni", "BNI", "gazetteer")]
    >>> [(f.type, f.subject.text, f.object.text, f.status) for f in lone_maker(s, load_lexicon("id"), ms, [])]
    [('launch', 'BNI', 'Zorva', 'asserted')]
    """
    if lex.settings.get("lone_maker") is not True:
        return
    products = [m for m in ms if m.type == "Product" and m.source != "coref"]
    if not products:
        return
    companies = [m for m in ms if m.type == "Company"]
    if len({m.key for m in companies}) != 1:
        return
    from kg.evaluate.casing import casing

    if casing(s.text) not in ("title", "lower"):
        return  # sentence case: 29 of 53
    from kg.extract.status import decide

    if any(h.cue.relation == "launch" for h in hits):
        return  # "Bank Mega Syariah Luncurkan Cicil Emas Digital pada Semester II": the cue reads the pair
    maker = next((m for m in companies if m.source == "gazetteer"), None)
    if maker is None:
        return  # "SVBI dan SUVBI": a name only a tagger calls a company is too often a product itself
    own = set(maker.text.lower().split()) | set(maker.label.lower().split())
    for p in products:
        if (p.i < maker.j and maker.i < p.j) or set(p.text.lower().split()) <= own:
            continue  # "Merdeka Copper (MDKA)", the ticker of Merdeka Copper Gold: the company's own words, misread
        status = decide(s, lex, hits, (p.i, p.j), "launch", 0, len(s.tokens), learned=learned, models=models,
                        parties=((maker.i, maker.j), (p.i, p.j)))
        yield Found("launch", maker, p, status, s, None, None, 0.55)
