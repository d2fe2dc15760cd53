"""Jobs: who holds which title at which organisation (works_for), read around a title cue.

"Direktur Utama PT X Tbk, Budi", "Budi Resmi Jadi Komut Bank X", "Bank X Tunjuk Budi Jadi Direktur Utama",
"Katrin Vogel, Solvane's head of procurement". A name before the title holds it only across link words
(``person_title_links``), an appointing verb names the employer (``appointing_verbs``), a capitalised
word between the title and the organisation names the portfolio (``portfolio_after_title``), and the
status of a job is read in the phrase that names it. Called by :func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.found import Hit
from kg.extract.joins import next_to
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import clause, left_party, right_party
from kg.extract.text import Sentence, Token
from kg.resources import word_set
from kg.schema import ORG_TYPES, PLACE_TYPES, link_key

# Words a job's portfolio may take between the title and the organisation ("Direktur Jenderal Peternakan dan
# Kesehatan Hewan (PKH) Kementerian Pertanian X": 7), when the holder's name follows the organisation.
PORTFOLIO_WORDS = 8
# Words between a holder and the title after them, all of them person_title_links ("X Mengundurkan Diri dari
# Kursi Komisaris Y": 5).
TITLE_LINK_WORDS = 5
# Words between a job's last word and the word saying whom the holder replaces ("Jadi Komut Bank Mandiri (BMRI)
# Gantikan X": the ticker's 3).
SUCCESSION_GAP = 3


def job_pair(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, lo: int, hi: int
             ) -> tuple[Mention, Mention] | None:
    """The person and the organisation of a job title cue at ``h`` (works_for), or None."""
    orgs = ORG_TYPES
    person = frozenset({"Person"})
    org_right = right_party(ms, h.j, hi, orgs, gap=3)
    person_right = right_party(ms, h.j, hi, person, gap=6)
    if org_right is not None and person_right is None:
        # "Direktur PT Indofood Sukses Makmur Tbk (INDF), Fransiskus": a long name and its ticker
        person_right = right_party(ms, org_right.j, hi, person,
                                   gap=max(5, _past_region(s.tokens, lex, ms, org_right) - org_right.j))
    # a language with no list of link words lets any word stand between: then only two
    person_left = left_party(ms, h.i, lo, person, gap=TITLE_LINK_WORDS if lex.words("person_title_links") else 2)
    if person_left is not None and not _title_link(s.tokens[person_left.j : h.i], lex):
        person_left = None  # "Prabowo Terima Bos NDB": who receives the holder, not the holder
    if person_left is not None and org_right is None:
        # "Bank BJB Tunjuk Yusuf Saadudin Jadi Direktur Utama": the organisation that appoints
        boss = _appointer(s.tokens, lex, ms, person_left, lo)
        if boss is not None:
            return person_left, boss
    # "Bank Arta corporate secretary Dewi", "Solvane's head of", "Microsoft, led by chief executive Satya"
    org_left = left_party(ms, h.i, lo, orgs, gap=1) or left_party(ms, h.i, lo, orgs, gap=4, plain=s.tokens)
    if (person_left is not None and org_right is not None and person_right is not None
            and org_right.i < person_right.i and next_to(s.tokens, org_right.j, person_right.i)
            and h.i > person_left.j and not any(t.is_word for t in s.tokens[person_left.j : h.i])):
        # "Hasilnya, Menteri BUMN Dahlan Iskan": the person right after the title's organisation holds
        # it, not a name before a comma ("X Jadi Dirut BNI, Y Wadirut": X holds it)
        return person_right, org_right
    if person_left is not None and org_right is not None:
        return person_left, org_right
    # "Direktur Utama PT X Tbk, Budi", "CEO Indofood Anthony Salim", "Dirut Bank BJB (BJBR) Yuddy": the
    # person follows the organisation directly; "Ketua KPK Ungkap Status Ridwan Kamil" names no holder.
    if person_right is not None and org_right is not None and org_right.i < person_right.i:
        # "direktur Twitter untuk wilayah Eropa, Bruce Daisley": the organisation's region may stand between
        after = _past_region(s.tokens, lex, ms, org_right)
        return (person_right, org_right) if next_to(s.tokens, after, person_right.i) else None
    if person_right is not None and org_left is not None and next_to(s.tokens, h.j, person_right.i):
        return person_right, org_left
    if org_left is not None:
        # "Katrin Vogel, Solvane's head of procurement"
        before = left_party(ms, org_left.i, lo, person, gap=1)
        if before is not None and _title_link(s.tokens[before.j : org_left.i], lex):
            # (not "Prabowo Resmikan Danantara, Bos Bank Mandiri": a verb between, the person acts on it)
            return before, org_left
    if org_right is None and person_left is None:
        return _portfolio_then_org(s, ms, h, hi)
    return None


def _portfolio_then_org(s: Sentence, ms: list[Mention], h: Hit, hi: int) -> tuple[Mention, Mention] | None:
    """The person and organisation of "TITLE <portfolio> ORG, PERSON": a portfolio of up to
    :data:`PORTFOLIO_WORDS` words between the title and the organisation ("Direktur Jenderal Peternakan dan
    Kesehatan Hewan Kementerian Pertanian Muladno Basar", "GM Strategi Pemasaran PT Nissan Motor Indonesia
    (NMI), Budi"), no other name between, and the holder right after the organisation (only punctuation or a
    ticker between); None otherwise."""
    org = right_party(ms, h.j, hi, ORG_TYPES, gap=PORTFOLIO_WORDS)
    if org is None or any(h.j <= m.i < org.i for m in ms):
        return None
    holder = right_party(ms, org.j, hi, frozenset({"Person"}), gap=4)
    if holder is None or not next_to(s.tokens, org.j, holder.i, words_allowed=0):
        return None
    return holder, org


def portfolios(s: Sentence, lex: Lexicon, ms: list[Mention], hits: Sequence[Hit]) -> set[tuple[str, str, str]]:
    """The works_for links no one holds: a "person" right after a job title and right before an
    organisation names the title's portfolio ("Direktur Keuangan Pertamina", "Direktur SDM PT Pos",
    "Vice President Sales, PT Telkom"), where the holder's name follows the organisation
    (``portfolio_after_title``, language.toml). The pair classifier adds none of them."""
    if lex.setting("portfolio_after_title") is not True:
        return set()
    toks = s.tokens
    starts = {h.j for h in hits if h.cue.relation == "works_for"}
    orgs = [m for m in ms if m.type in ORG_TYPES]
    out: set[tuple[str, str, str]] = set()
    for m in ms:
        if m.type != "Person" or m.i not in starts:
            continue
        nxt = next((o for o in orgs if o.i >= m.j), None)
        if nxt is not None and next_to(toks, m.j, nxt.i, words_allowed=0):
            out |= {link_key("works_for", m.key, o.key) for o in orgs}
    return out


def refused_jobs(s: Sentence, lex: Lexicon, ms: list[Mention], hits: Sequence[Hit]) -> set[tuple[str, str, str]]:
    """The works_for links a job title cue rules out, which the pair classifier adds neither: the
    organisation that appoints someone to a title at another organisation ("Kementerian BUMN Tunjuk X Jadi
    Dirut BRI": X works for BRI, not for the ministry; ``appointing_verbs``, language.toml).

    :func:`job_pair`'s other refusals are no blocks: they keep the rules precise, not the facts (a person
    before the title across an unlisted word, "Patrick Walujo saat Pimpin GOTO"; a person after the title's
    organisation but not next to it, "Jadi Wadirut BNI, Berikut Profil X"). As blocks they removed 9 of the
    classifier's works_for links on the Indonesian train split, 8 of them gold.
    """
    person = frozenset({"Person"})
    out: set[tuple[str, str, str]] = set()
    for h in hits:
        if h.cue.relation != "works_for":
            continue
        lo, hi = clause(s, lex, h.i)
        org = right_party(ms, h.j, hi, ORG_TYPES, gap=3)
        before = left_party(ms, h.i, lo, person, gap=2)
        if org is None or before is None or not _title_link(s.tokens[before.j : h.i], lex):
            continue
        if (boss := _appointer(s.tokens, lex, ms, before, lo)) is not None and boss is not org:
            out.add(link_key("works_for", before.key, boss.key))
    return out


def _appointer(toks: Sequence[Token], lex: Lexicon, ms: list[Mention], person: Mention, lo: int) -> Mention | None:
    """The organisation right before an appointing verb (``appointing_verbs``, language.toml) that names
    ``person``, with at most three capitalised words of a former title between ("Bayan Resources (BYAN)
    Angkat Mantan Jaksa Agung Hendarman"); None if there is none."""
    verbs = lex.words("appointing_verbs")
    if not verbs:
        return None
    starts = {m.i for m in ms}
    k = person.i - 1
    while k >= lo and person.i - k <= 4 and toks[k].low not in verbs:
        if not toks[k].is_cap or k in starts:
            return None
        k -= 1
    if k < lo or toks[k].low not in verbs:
        return None
    before = [m for m in ms if m.j <= k and m.i >= lo]
    if not before or before[-1].type not in ORG_TYPES:
        return None
    org = before[-1]
    return org if k - org.j <= 1 and not any(t.is_word for t in toks[org.j : k]) else None


def _past_region(toks: Sequence[Token], lex: Lexicon, ms: Sequence[Mention], org: Mention) -> int:
    """Where the words naming an organisation's region after it end ("Twitter untuk wilayah Eropa": words
    of ``job_region_words``, language.toml, then a place), or its portfolio (a word of
    ``job_portfolio_openers``, then plain words and sectors up to the next name), else the organisation's end."""
    words = lex.words("job_region_words")
    k = org.j
    if k < len(toks) and toks[k].low in lex.optional_words("job_portfolio_openers"):
        # "Deputi Kementerian BUMN bidang restrukturisasi dan pengembangan usaha, Aloysius": plain words up
        # to the next name, which the caller takes as the holder only when it is next to the portfolio's end
        nxt = next((m.i for m in ms if m.i > k and m.type != "Sector"), len(toks))  # "bidang pertambangan"
        plain = toks[k + 1 : nxt]
        if nxt - k <= PORTFOLIO_WORDS + 2 and all(not t.is_cap or not t.is_word for t in plain):
            return nxt
    while k < len(toks) and toks[k].low in words:
        k += 1
    place = next((m for m in ms if m.i == k and m.type in PLACE_TYPES), None) if k > org.j else None
    return place.j if place is not None else org.j


def _title_link(gap: Sequence[Token], lex: Lexicon) -> bool:
    """Whether the words between a person and a job title after them let the person hold it:
    punctuation and the ``person_title_links`` words (language.toml; empty: any word)."""
    links = lex.words("person_title_links")
    return not links or all(t.low in links or not (t.is_word or t.text in ("&", "+", "/")) for t in gap)


def job_status_span(s: Sentence, lex: Lexicon, ms: list[Mention], h: Hit, subj: Mention, obj: Mention, lo: int,
                    hi: int) -> tuple[int, int]:
    """Where the status of a job is read: inside the phrase that names it ("Mantan Menlu X Diangkat Jadi
    Komisaris Vale": "mantan" is the ministry's; "Jadi Bos Danantara, X Pamit Mundur dari TOBA": the
    resignation is from TOBA), where ``job_status_in_phrase`` (language.toml) is on; else the clause."""
    if lex.setting("job_status_in_phrase") is not True:
        return lo, hi
    # "Eks Dirut X": a word before a title that opens the phrase; not one before a person ("Mantan Menteri
    # X Diangkat Jadi Komisaris Y")
    slo = max(lo, h.i - 2) if h.i <= min(subj.i, obj.i) else min(subj.i, obj.i)
    shi = min(hi, max(subj.j, obj.j, h.j))
    # ... but the rest of the clause is the job's when it names no other organisation ("Direktur
    # Amar Bank R. Eka Banyuaji Resign"; a ticker in brackets is the same organisation's)
    if not any(m.type in ORG_TYPES and shi <= m.i < hi and s.tokens[m.i - 1].text != "(" for m in ms):
        shi = hi
    return slo, shi


def predecessor(s: Sentence, lex: Lexicon, ms: Sequence[Mention], h: Hit, subj: Mention, obj: Mention,
                hi: int) -> Mention | None:
    """The person a new holder replaces in the job ``subj`` -> ``obj`` read at the title ``h``: a word of
    ``relations/successors.txt`` at most :data:`SUCCESSION_GAP` tokens after the job's last word, then a
    Person right after it ("Kuswiyoto Resmi Jadi Komut Bank Mandiri (BMRI) Gantikan Chatib Basri",
    "ditetapkan X sebagai dirut menggantikan Y"): that person held the same job before. None where the
    language has no such words.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Tenvar Jadi Komut Lumeo Gantikan Budi"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, t): return Mention(0, a, a + 1, 0, 0, toks[a].text, t, toks[a].low, toks[a].text)
    >>> ms = [at(0, "Person"), at(3, "Company"), at(5, "Person")]
    >>> h = next(c for c in find_cues(s, load_lexicon("id")) if c.cue.relation == "works_for")
    >>> predecessor(s, load_lexicon("id"), ms, h, ms[0], ms[1], len(toks)).text
    'Budi'
    """
    words = word_set(lex.code, "relations/successors.txt")
    if not words:
        return None
    end = max(subj.j, obj.j, h.j)
    k = next((k for k in range(end, min(end + SUCCESSION_GAP + 1, hi)) if s.tokens[k].low in words), None)
    if k is None:
        return None
    return next((m for m in ms if m.i == k + 1 and m.type == "Person" and m.key != subj.key), None)


def headline_job(s: Sentence, lex: Lexicon, ms: Sequence[Mention], h: Hit, lo: int, hi: int
                 ) -> tuple[Mention, Mention] | None:
    """The job of a title cue in a title-case headline whose holder and employer stand in different
    comma clauses ("BNI Rombak Total Jajaran Komisaris, Omar Sjawaldy Anwar Jadi Komut", "Jadi Wadirut BNI,
    Berikut Profil Alexandra Askandar"), or None. The title's clause names one party next to the title: the
    holder before it (across ``person_title_links``) or the employer after it; the other is the only name of
    its kind in the headline, in another clause. A holder after the employer's clause needs a link word
    right before the title and no name before that in its clause. The caller only asks when the title's own
    clause gave no job (:func:`job_pair`).

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Lumeo Rombak Direksi , Budi Jadi Dirut"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, t): return Mention(0, a, a + 1, 0, 0, toks[a].text, t, toks[a].low, toks[a].text)
    >>> ms = [at(0, "Company"), at(4, "Person")]
    >>> lex = load_lexicon("id")
    >>> h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for" and c.i == 6)
    >>> [m.text for m in headline_job(s, lex, ms, h, 0, len(toks))]
    ['Budi', 'Lumeo']
    """
    toks = s.tokens
    commas = [k for k in range(lo, hi) if toks[k].text == ","]
    if not commas:
        return None
    start = max((k + 1 for k in commas if k < h.i), default=lo)
    end = min((k for k in commas if k >= h.j), default=hi)
    named = [m for m in ms if lo <= m.i and m.j <= hi and not (m.i > 0 and toks[m.i - 1].text == "(")]
    people = {m.key for m in named if m.type == "Person"}
    firms = {m.key for m in named if m.type in ORG_TYPES}
    links = lex.words("person_title_links")
    # the holder before the title ("Omar Jadi Komut", "Alexandra Askandar Wadirut"; not "Menteri Prabowo":
    # a title before a person is their own), or the employer right after it
    near = [m for m in named if start <= m.i and m.j <= end and (
        (m.type == "Person" and m.j <= h.i and h.i - m.j <= 2
         and all(t.low in links or not t.is_word for t in toks[m.j : h.i]))
        or (m.type in ORG_TYPES and h.j <= m.i and next_to(toks, h.j, m.i, words_allowed=0)))]
    if len(near) != 1:
        return None
    mine = near[0]
    kind = firms if mine.type == "Person" else people
    if len(kind) != 1 or any(m.key in kind for m in named if start <= m.i < end):
        return None
    other = next(m for m in named if m.key in kind)
    if other.type == "Person" and any(m.type in ORG_TYPES and _same_clause(toks, m, other) for m in named):
        return None  # "Prabowo Resmikan Danantara, Bos Bank Mandiri Ungkap ...": he acts on another organisation
    if mine.type != "Person" and other.i > h.i and not (
            h.i > start and toks[h.i - 1].low in links and not any(start <= m.i < h.i for m in named)):
        # a holder named after the employer's clause only where a link word opens the title and no name
        # stands before it ("Jadi Wadirut BNI, Berikut Profil X"; not "Bos OJK Minta ..., Begini Jawaban X",
        # "Pejabat BI Jadi Komisaris Bank BUMN, X Buka Suara")
        return None
    return (mine, other) if mine.type == "Person" else (other, mine)


def _same_clause(toks: Sequence[Token], a: Mention, b: Mention) -> bool:
    """Whether no comma stands between two mentions."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return not any(t.text == "," for t in toks[lo.j : hi.i])


def listed_holders(s: Sentence, lex: Lexicon, ms: Sequence[Mention], h: Hit, holder: Mention) -> list[Mention]:
    """The people listed right after a holder named after the title ("para pebalap KTM, yakni Pol Espargaro
    dan Bradley Smith"): each joined to the one before by ``list_joiners`` (language.toml) alone, the list
    ending with a joiner other than a comma (a comma alone may open the next clause); they hold the same
    title. Empty for a holder before the title.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "pebalap Lumeo , yakni Budi , Andi dan Siti"
    >>> toks = tuple(tokenize(text))
    >>> s = Sentence(0, 0, len(text), text, toks)
    >>> def at(a, t): return Mention(0, a, a + 1, 0, 0, toks[a].text, t, toks[a].low, toks[a].text)
    >>> ms = [at(1, "Company"), at(4, "Person"), at(6, "Person"), at(8, "Person")]
    >>> lex = load_lexicon("id")
    >>> h = next(c for c in find_cues(s, lex) if c.cue.relation == "works_for")
    >>> [m.text for m in listed_holders(s, lex, ms, h, ms[1])]
    ['Andi', 'Siti']
    """
    if holder.i < h.j:
        return []
    toks = s.tokens
    joiners = lex.words("list_joiners")
    out: list[Mention] = []
    last = holder
    while True:
        nxt = next((o for o in ms if o.i >= last.j), None)
        gap = toks[last.j : nxt.i] if nxt is not None else ()
        if nxt is None or nxt.type != "Person" or not gap or len(gap) > 2 or not all(t.low in joiners for t in gap):
            break
        out.append(nxt)
        last = nxt
    if not out or not {t.low for t in toks[holder.j : out[-1].i]} & (joiners - {","}):
        return []
    return out
