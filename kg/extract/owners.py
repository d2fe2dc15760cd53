"""Ownership read from a name and the company in brackets after it: "Emiten Prajogo Pangestu (CUAN)".

Indonesian market headlines name a listed company by its owner and ticker: "Emiten Grup Lippo (SILO)",
"Emiten Tambang Salim (AMMN)", "Anak Usaha Indofarma (IGM)". The heads that introduce the construction
are data (``owner_heads`` in ``ontology/lang/<code>/language.toml``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.schema import ORG_TYPES

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence


def owned(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[tuple[str, Mention, Mention, bool]]:
    """ "Emiten Prajogo Pangestu (CUAN)", "Anak Usaha Indofarma (IGM)" (``owner_heads`` of
    language.toml): the owner named after the head owns the company named in brackets right after
    it; a person invests in it, an organisation is its parent. A sector named between the head
    and the owner ("Emiten Tambang Salim (AMMN)") is the owned company's. Yields (relation type, subject,
    object, certain): certain when the head always names a parent (``owner_heads_parent``: "Anak Usaha
    Indofarma (IGM)"), the owner is a person or a group (``owner_group_words``: "Emiten Grup Lippo (SILO)"), and
    the bracket is not the owner's own ticker ("Anak Usaha Trimegah Sekuritas (TRIM)" names Trimegah
    Sekuritas Indonesia); else the bracket may be the owner's own ticker ("Emiten Real Estate Kentanix (KSIX)")."""
    heads = [tuple(h.split()) for h in lex.words("owner_heads")]
    if not heads:
        return
    parent_heads = lex.words("owner_heads_parent")
    groups = lex.words("owner_group_words")
    toks = s.tokens
    for k, owner in enumerate(ms):
        if owner.type not in ORG_TYPES | {"Person"} or owner.j + 2 >= len(toks) or toks[owner.j].text != "(":
            continue
        owned = next((m for m in ms[k + 1 :] if m.i == owner.j + 1), None)
        if owned is None or owned.j >= len(toks) or toks[owned.j].text != ")" or owned.key == owner.key:
            continue
        if owned.type not in ORG_TYPES or owned.source == "coref" or owner.source == "coref":
            continue
        before = [m for m in ms[:k] if m.j <= owner.i]
        for p in range(owner.i, max(-1, owner.i - 4), -1):
            if p < owner.i and not toks[p].is_word:
                break
            if any(toks[p - len(h) : p] and tuple(t.low for t in toks[p - len(h) : p]) == h for h in heads):
                between = [m for m in before if m.i >= p]
                if any(m.type != "Sector" for m in between):
                    break
                head = next(h for h in heads if tuple(t.low for t in toks[p - len(h) : p]) == h)
                own_ticker = owned.key.split("-")[0] == owner.key.split("-")[0]
                certain = not own_ticker and (owner.type == "Person" or " ".join(head) in parent_heads
                                              or toks[owner.i].low in groups)
                if owner.type == "Person":
                    yield "investment", owner, owned, certain
                else:
                    yield "subsidiary_of", owned, owner, certain
                for m in between:
                    yield "operates_in", owned, m, False
                break

