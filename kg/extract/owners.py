"""Ownership read from a name and the company in brackets after it: "Emiten Prajogo Pangestu (CUAN)".

Indonesian market headlines name a listed company by its owner and ticker: "Emiten Grup Lippo (SILO)",
"Emiten Tambang Salim (AMMN)", "Anak Usaha Indofarma (IGM)". The heads that introduce the construction
are data (``owner_heads`` in ``ontology/lang/<code>/language.toml``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.found import Found
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
    Sekuritas Indonesia); else the bracket may be the owner's own ticker ("Emiten Real Estate Kentanix (KSIX)").
    A bracket the lists know as a listed company whose name shares no word with the owner is another company
    than the owner ("Emiten Tambang Salim (AMMN)": Amman Mineral), so that link is certain too."""
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
                                              or toks[owner.i].low in groups or _listed_apart(owner, owned))
                if owner.type == "Person":
                    yield "investment", owner, owned, certain
                else:
                    yield "subsidiary_of", owned, owner, certain
                for m in between:
                    yield "operates_in", owned, m, False
                break


def _listed_apart(owner: Mention, owned: Mention) -> bool:
    """``owned`` is a listed company of the lists (a gazetteer match: its key is the listing's name), the
    owner a name of the lists or the tagger, and no word of ``owner`` is a word of that name: the bracket is
    not the owner's own ticker.

    >>> from kg.extract.mentions import Mention
    >>> salim = Mention(0, 1, 2, 7, 12, "Salim", "Company", "salim", "Salim", source="ner")
    >>> ammn = Mention(0, 3, 4, 14, 18, "AMMN", "Company", "amman-mineral-internasional", "Amman Mineral",
    ...                source="gazetteer")
    >>> kentanix = Mention(0, 1, 2, 7, 15, "Kentanix", "Company", "kentanix", "Kentanix", source="ner")
    >>> ksix = Mention(0, 3, 4, 17, 21, "KSIX", "Company", "kentanix-supra-international", "Kentanix Supra",
    ...                source="gazetteer")
    >>> _listed_apart(salim, ammn), _listed_apart(kentanix, ksix)
    (True, False)
    """
    if owned.source != "gazetteer" or owner.source not in ("ner", "gazetteer") or owned.key == owner.key:
        # capitalised words only the construction delimits may be a line of business ("Emiten Outsourcing
        # (SOSS)") or a person ("Emiten Lo Kheng Hong (GJTL)")
        return False
    listed = set(owned.key.split("-"))
    return not any(w in listed for w in (*owner.key.split("-"), *owner.text.lower().split()))


def ownership(s: Sentence, lex: Lexicon, ms: list[Mention], before: Sequence[Found],
              after: Sequence[Found]) -> Iterator[Found]:
    """The links of :func:`owned` between the other rules' links ``before`` and ``after``. When the bracket
    is certainly another company than the owner, a line of business named before the owner ("Emiten Bus
    Listrik Bakrie (VKTR)") is the owned company's, not the owner's, whichever rule read it."""
    owns = list(owned(s, lex, ms))
    moved: dict[str, Mention] = {}  # certain owner's key -> the company it owns
    owner_at: dict[str, int] = {}  # certain owner's key -> where the owner starts
    for t, a, b, c in owns:
        if c and t != "operates_in":
            owner, child = (b, a) if t == "subsidiary_of" else (a, b)
            moved[owner.key], owner_at[owner.key] = child, owner.i

    def placed(fs: Sequence[Found]) -> Iterator[Found]:
        for f in fs:
            k = f.subject.key
            if f.type == "operates_in" and k in moved and f.object.j <= owner_at[k]:
                f = replace(f, subject=moved[k])
            yield f

    yield from placed(before)
    # when certain, the bracket names the owned company, not the owner's ticker (kg.extract.assemble keeps
    # the two apart)
    yield from placed([Found(link, a, b, "asserted", s, confidence=0.65, whole=certain)
                       for link, a, b, certain in owns])
    yield from placed(after)
    yield from bracket_members(s, lex, ms)


def bracket_members(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """ "jaringan televisi milik Viacom (MTV, VH1 dan CMT)", "pelanggan Telkom Grup (IndiHome dan Telkomsel)":
    a list of two names or more in brackets right after an organisation names its units: a company or an
    organisation is its subsidiary, a product its own. Every item must be one name kg found whole (no
    places: "Nam Air (tujuan Cikarang, Matak)" lists destinations)."""
    toks = s.tokens
    at = {m.i: m for m in ms if m.source != "coref"}
    joins = {",", *lex.words("list_joiners")}
    for owner in ms:
        if owner.type not in ORG_TYPES or owner.source == "coref" or owner.j + 4 >= len(toks) \
                or toks[owner.j].text != "(":
            continue
        items: list[Mention] = []
        k = owner.j + 1
        while k < len(toks) and (m := at.get(k)) is not None and (m.type in ORG_TYPES or m.type == "Product"):
            items.append(m)
            k = m.j
            if k < len(toks) and toks[k].low in joins:
                k += 1
                k += k < len(toks) and toks[k].low in joins  # ", dan"
            elif k < len(toks) and toks[k].text == ")":
                break
            else:
                items = []
                break
        if len(items) < 2 or k >= len(toks) or toks[k].text != ")":
            continue
        for m in items:
            if m.key == owner.key:
                continue
            if m.type == "Product":
                yield Found("launch", owner, m, "asserted", s, confidence=0.6)
            else:
                yield Found("subsidiary_of", m, owner, "asserted", s, confidence=0.6, whole=True)
