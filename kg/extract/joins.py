"""How names stand next to each other in a sentence: joined by a conjunction, listed, or adjacent.

Small readers :mod:`kg.extract.relations` uses to find the parties of a link: "A dan B saling
menggugat" (both parties before the cue), "maskapai A, B dan C" (a list after a sector word),
"Direktur Utama PT X Tbk, Budi" (a person right after the organisation). The joining words are
data (``conjunctions``, ``object_markers`` and ``list_joiners`` in ``ontology/lang/<code>/language.toml``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.schema import ORG_TYPES

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token

# Mentions that describe the name right after them ("Mobil Listrik Vietnam VinFast"): its line of business
# or its country, never the second party of a pair joined before it.
_DESCRIPTIONS = frozenset({"Sector", "Country"})
# The farthest closing bracket (in tokens from the opening one) of an aside after a listed name: an acronym
# "(WIKA)" or a short note "( tujuan Cikarang , Matak , Sungaipenuh )" the list goes on after.
_BRACKET = 12

def joined_before(
    s: Sentence, lex: Lexicon, ms: list[Mention], last: Mention, lo: int
) -> tuple[Mention, Mention] | None:
    """The mention joined to ``last`` by a conjunction right before it ("A dan B", "A & B", "A and B"),
    or by a hyphen with no space around it ("BNI-VinFast Kerja Sama": a headline's pair), paired with it;
    None when there is none."""
    toks = s.tokens
    conj = lex.words("conjunctions") - lex.words("object_markers")
    start = last.i
    for m in reversed(ms):
        if m.j <= start:
            if m.type in _DESCRIPTIONS and start - m.j <= 1 and all(t.is_cap for t in toks[m.j : start]):
                # "BNI dan Mobil Listrik Vietnam VinFast Teken Kerja Sama": a line of business or a country
                # right before the name describes it (one capitalised word between: a country read as a
                # modifier and no party); the conjunction stands before the description
                start = m.i
                continue
            gap = toks[m.j : start]
            hyphen = len(gap) == 1 and gap[0].text == "-" and toks[m.j - 1].end == gap[0].start \
                and gap[0].end == toks[start].start
            ok = m.i >= lo and m.key != last.key and len(gap) == 1 and (gap[0].low in conj or hyphen)
            return (m, last) if ok else None
    return None


def next_to(toks: Sequence[Token], j: int, i: int, *, words_allowed: int = 1) -> bool:
    """Only punctuation, bracketed words (a ticker or acronym) and at most ``words_allowed`` lowercase
    words between ``toks[j]`` and ``toks[i]``."""
    words = 0
    depth = 0
    for t in toks[j:i]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.is_word:
            if t.is_cap:
                return False
            words += 1
    return words <= words_allowed


def listed_after(s: Sentence, lex: Lexicon, ms: list[Mention], first: Mention,
                 kinds: frozenset[str] = frozenset({"Company"})) -> Iterator[Mention]:
    """The companies (or products, after a product; or the names of ``kinds``) listed after ``first``
    ("maskapai Garuda Indonesia, Lion Air dan Citilink"): each joined to the one before by ``list_joiners``
    (language.toml), a bracketed acronym allowed after each."""
    toks = s.tokens
    joiners = lex.words("list_joiners")
    last = first
    while True:
        k = last.j
        if k < len(toks) and toks[k].text == "(":
            close = next((x for x in range(k + 1, min(len(toks), k + _BRACKET)) if toks[x].text == ")"), None)
            if close is None:
                return
            k = close + 1
        nxt = next((o for o in ms if o.i >= k), None)
        gap = toks[k : nxt.i] if nxt is not None else ()
        if nxt is None or not gap or len(gap) > 2 or not all(t.low in joiners for t in gap):
            return
        if (nxt.type != "Product" if first.type == "Product" else nxt.type not in kinds) or nxt.source == "coref":
            return  # "meluncurkan A dan B": the products of one launch are listed alike
        yield nxt
        last = nxt


def listed_parties(s: Sentence, lex: Lexicon, ms: list[Mention], pair: tuple[Mention, Mention], j: int
                   ) -> Iterator[tuple[Mention, Mention]]:
    """ "Jakpro akan menggandeng PT Wijaya Karya Tbk (WIKA), PT Waskita Karya Tbk dan PT Adhi Karya Tbk",
    "bersaing dengan vendor Samsung, Motorola dan LG": each company listed after the party of ``pair``
    named after the cue (ending at ``j``) is a party too, in its place; only where ``listed_parties``
    (language.toml) is on, and only for a list that ends with a conjunction ("A, B dan C"): a comma alone
    may end a headline's clause ("Hashim Tambah Kepemilikan di WIFI, ISB Beli 6 Juta Saham")."""
    if lex.setting("listed_parties") is not True:
        return
    subj, obj = pair
    last = max(pair, key=lambda m: m.i)
    # "bekerja sama dengan Bhinneka LUG dan Kementerian Pariwisata": a deal's partners may be any organisations
    kinds = ORG_TYPES if last.type in ORG_TYPES else frozenset({"Company"})
    listed = list(listed_after(s, lex, ms, last, kinds)) if last.i >= j else []
    if not listed or not {t.low for t in s.tokens[last.j : listed[-1].i]} & (lex.words("list_joiners") - {","}):
        return
    for more in listed:
        if more.key not in (subj.key, obj.key):
            yield (more, obj) if last is subj else (subj, more)


def listed_before(s: Sentence, lex: Lexicon, ms: list[Mention], last: Mention, lo: int, *,
                  accompanied: bool = True) -> list[Mention]:
    """The names listed right before ``last``, nearest first ("Walt Disney Pictures dan Pixar merilis X",
    "PT KAI, PT BNI dan PT Telkom meluncurkan X"): each joined to the next by ``list_joiners``
    (language.toml), a bracketed acronym allowed after each, of an organisation type as ``last`` is; only a
    list with a joiner other than a comma (a comma alone may end a headline's clause). With ``accompanied``
    false the ``subject_joiners`` join none: who accompanies a job's holder ("diresmikan oleh X bersama dengan
    Y selaku CEO Z") does not hold the job.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Tenvar (TNV), Lumeo dan Kestrel merilis Zeta"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, b, t="Company"): return Mention(0, a, b, 0, 0, toks[a].text, t, "", toks[a].text)
    >>> ms = [at(0, 1), at(5, 6), at(7, 8), at(9, 10, "Product")]
    >>> [m.text for m in listed_before(s, load_lexicon("id"), ms, ms[2], 0)]
    ['Lumeo', 'Tenvar']
    """
    toks = s.tokens
    joiners = lex.words("list_joiners") | (lex.optional_words("subject_joiners") if accompanied else frozenset())

    def named(m: Mention) -> Mention:
        # "PT Telekomunikasi Indonesia Tbk (Telkom)": a bracketed short form stands for the name before it
        if 0 < m.i < m.j < len(toks) and toks[m.i - 1].text == "(" and toks[m.j].text == ")":
            return next((n for n in ms if n.j == m.i - 1), m)
        return m

    out: list[Mention] = []
    words: set[str] = set()
    cur = named(last)
    while True:
        k = cur.i
        prev = next((m for m in reversed(ms) if m.j <= k), None)
        if prev is None or prev.i < lo or prev.type != cur.type or prev.source == "coref":
            break
        e = prev.j
        if e < k and toks[e].text == ")" and named(prev) is not prev:
            prev, e = named(prev), e + 1
        elif e < k and toks[e].text == "(":
            close = next((x for x in range(e + 1, min(k, e + 6)) if toks[x].text == ")"), None)
            if close is None:
                break
            e = close + 1
        gap = toks[e:k]
        if not gap or len(gap) > 2 or not all(t.low in joiners for t in gap):
            break
        words |= {t.low for t in gap}
        out.append(prev)
        cur = prev
    return out if words - {","} else []


def appositive_comma(toks: Sequence[Token], k: int, relativizers: frozenset[str]) -> int:
    """The comma that closes a name ending before ``toks[k]``, past a bracket ("PT PLN (Persero),") or a
    short relative clause of lowercase words ("PT Telkom Tbk yang bergerak di jasa seluler,"); -1 if none.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Anak usaha PT Telkom Tbk yang bergerak di jasa seluler , PT Telkomsel")
    >>> appositive_comma(toks, 5, frozenset({"yang"}))
    10
    >>> appositive_comma(toks, 5, frozenset())
    -1
    """
    if k < len(toks) and toks[k].text == "(":
        close = next((x for x in range(k + 1, min(len(toks), k + 6)) if toks[x].text == ")"), None)
        if close is None:
            return -1
        k = close + 1
    if k < len(toks) and toks[k].low in relativizers:
        end = k + 1
        while end < len(toks) and end - k <= 8 and toks[end].is_word and not toks[end].is_cap:
            end += 1
        k = end
    return k if k < len(toks) and toks[k].text == "," else -1




def fronted(s: Sentence, lex: Lexicon, ms: list[Mention], cue: tuple[int, int], lo: int, comma: int,
            types: frozenset[str], *, passive: bool, gap: int = 4, after_types: frozenset[str] | None = None
            ) -> tuple[Mention, Mention] | None:
    """A headline's clause put before a comma, whose subject is that of the clause after it: "Gandeng
    Bank Raya, DPLK BRI Pacu ..." (DPLK BRI partners Bank Raya), "Usai Dicaplok Grup Djarum, Bos DATA
    ..." (a passive cue: Grup Djarum acquires DATA). The cue (tokens ``cue``) has no name before it in
    its clause (from ``lo``) and a party after it before the comma at ``comma``; the other party is the
    first name of ``after_types`` (default ``types``) within ``gap`` words after the comma ("Pasca Tutup
    Bisnis E-Commerce, Ini Kabar dari Bukalapak": a Sector inside, the Company after). Not when the comma lists names
    ("Borong Saham BBRI, BMRI & BBNI") or a relative stands before that name ("..., Ini Profil Putra
    Konglomerat Aguan": ``kin_words``). Returns (subject, object) or None.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> def run(text, names):
    ...     toks = tokenize(text)
    ...     words = [t.text for t in toks]
    ...     ms = [Mention(0, words.index(n.split()[0]), words.index(n.split()[0]) + len(n.split()), 0, 0, n,
    ...                   "Company", n, n, "ner") for n in names]
    ...     s = Sentence(0, 0, len(text), text, tuple(toks))
    ...     pair = fronted(s, load_lexicon("id"), ms, (0, 1), 0, words.index(","), frozenset({"Company"}),
    ...                    passive=False)
    ...     return pair and [m.text for m in pair]
    >>> run("Gandeng Bank Raya , DPLK BRI Pacu Digitalisasi", ["Bank Raya", "DPLK BRI"])
    ['DPLK BRI', 'Bank Raya']
    >>> run("Borong Saham BBRI , BMRI & BBNI", ["BBRI", "BMRI", "BBNI"]) is None
    True
    """
    toks = s.tokens
    if any(lo <= m.i < cue[0] for m in ms):
        return None  # a name before the cue: the clause has its own subject
    inside = next((m for m in ms if cue[1] <= m.i and m.j <= comma and m.type in types), None)
    after = next((m for m in ms if m.i > comma and m.type in (after_types or types)), None)
    if inside is None or after is None or after.i - comma - 1 > gap or after.key == inside.key:
        return None
    if after.i == comma + 1 and after.j < len(toks) and toks[after.j].low in lex.words("list_joiners"):
        return None  # "BBRI, BMRI & BBNI": a list, not a clause
    if any(t.low in lex.words("kin_words") for t in toks[comma + 1 : after.i]):
        return None
    return (inside, after) if passive else (after, inside)
