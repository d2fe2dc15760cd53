"""A company's line of business named in words: "Lumeo Corp, a maker of circuit boards".

kg's sector vocabulary (``ontology/sectors.ttl``) names industries; news names lines
of business in free words as well ("a hosiery manufacturer", "electrical engineering
firm X", "a producer of animal health products"). These constructions are read, with
the words of ``ontology/lang/<code>/relations/sector_phrases.txt``:

- an apposition after a company (", a/an ..." or "is a/an ..."): the lowercase words
  at its end, without a head word for "a company" ("manufacturer") and what comes
  before the last stop word ("the largest"); or a line of business with an agent noun
  ("an investment advisor"); or the words after "maker of"; or those before "unit of"
  ("X, an investment banking unit of Y");
- right before a company's name: the lowercase words ending in a head word ("the
  valve maker Lumeo Corp") or after an "X-based" place ("Denver-based overnight
  courier Lumeo Corp");
- the object of a verb of making or providing right after a company ("Lumeo Corp makes wallcoverings");
- a part of a company after "its" or "X's" ("its industrial chemicals business").

In a head-first language (``sector_phrase_head_first`` in language.toml: Indonesian) the head comes
first: :mod:`kg.extract.headfirst` reads those ("perusahaan energi surya Lumeo").

Each gives a Sector mention (source ``pattern``) and the company's ``operates_in``. A
stretch where kg's vocabulary already found a sector is left to it.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Lumeo Corp, a maker of circuit boards, said")
>>> phrase_after(toks, 2, "en")
(6, 8)
>>> toks = tokenize("the electrical engineering firm Lumeo Corp")
>>> phrase_before(toks, 4, "en")
(1, 3)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.extract.found import Found
from kg.extract.headfirst import head_first_spans
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.nearest import present_name
from kg.extract.phrasewords import MAX_WORDS, plain, split_list, vague_alone, words_of
from kg.extract.text import Sentence, Token
from kg.extract.tokens import POSSESSIVE
from kg.ids import slug

_WINDOW = 12  # tokens an apposition is read over
_AGENT_WORDS = 4  # "language services provider X": an agent noun before a name and at most three words before it
_OWNER_MARKS = POSSESSIVE | {"-"}  # a name's "'s" or hyphen between it and the words it owns


def _trim(toks: Sequence[Token], a: int, b: int, words: dict[str, frozenset[str]], *,
          head: bool, agent: bool = False) -> tuple[int, int] | None:
    """The line of business inside the lowercase run ``toks[a:b]``: after its last stop word,
    without a head word at the end (``head``: one must be there) and "and" at either end."""
    for k in range(b - 1, a - 1, -1):
        if "stop" in words.get(toks[k].low, ()):
            a = k + 1
            break
    has_head = b > a and "head" in words.get(toks[b - 1].low, ())
    if head and not has_head:
        # "an investment advisor", "a discount retailer": a line of business and an agent noun (not any
        # word in -er: "a trade newsletter"),
        # both kept ("a major shareholder" names none: one word after the stop word)
        agent = agent and "agent" in words.get(toks[b - 1].low, ()) and b - a >= 2
        return (a, b) if agent and b - a <= MAX_WORDS else None
    if has_head:
        b -= 1
    while a < b and "edge" in words.get(toks[a].low, ()):
        a += 1
    while b > a and "edge" in words.get(toks[b - 1].low, ()):
        b -= 1
    return (a, b) if 0 < b - a <= MAX_WORDS else None


_OPEN = ("<", "(")  # Reuters writes a name in brackets: "mortgage banking company <Stanwell Mortgage>"
_CLOSE = (">", ")")


def _past_brackets(toks: Sequence[Token], j: int) -> int:
    """The token after a company's closing bracket and a ticker in brackets ("<Lumeo Corp> <LUM.N>, a ...").

    >>> from kg.extract.text import tokenize
    >>> _past_brackets(tokenize("<Lumeo Corp> <LUM.N>, a maker"), 3)
    7
    """
    if j < len(toks) and toks[j].text in _CLOSE:
        j += 1
    if j + 2 < len(toks) and toks[j].text in _OPEN and toks[j + 1].is_upper and toks[j + 2].text in _CLOSE:
        j += 3
    return j


def phrase_after(toks: Sequence[Token], j: int, language: str) -> tuple[int, int] | None:
    """The line of business in the apposition starting at token ``j`` (right after a company).

    >>> from kg.extract.text import tokenize
    >>> phrase_after(tokenize("(Lumeo Inc), a U.S. insurance broker, said"), 3, "en")
    (8, 10)
    """
    words = words_of(language)
    n = len(toks)
    j = _past_brackets(toks, j)
    if not words or j + 1 >= n:
        return None
    k = j + 1 if toks[j].text == "," else j + 1 if toks[j].low in ("is", "was") else -1
    if 0 <= k < n - 2 and toks[k].low == "one" and toks[k + 1].low == "of":
        k += 2  # "X, one of the largest U.S. entertainment companies"
    # "X, the largest U.S. steel company", "X, Europe's largest tire producer"
    if k < 0 or k >= n or not (toks[k].low in ("a", "an", "the") or toks[k].is_cap):
        return None
    end = min(n, k + _WINDOW)
    m = k + (toks[k].low in ("a", "an", "the"))
    owner = m == k  # "X, Europe's largest tire producer": a name and "'s" instead of an article
    while m < end and (toks[m].is_cap or (toks[m].text == "," and m + 1 < end and toks[m + 1].is_cap)
                       or (toks[m].text == "." and toks[m - 1].is_cap)  # "a U.S. insurance broker"
                       # "a Belfast, Northern Ireland, oil company", "a Cairo, Ga., propane gas distributor": the
                       # comma that closes a town and its region
                       or (toks[m].text == "," and m > k and (toks[m - 1].is_cap or toks[m - 1].text == ".")
                           and any(t.text == "," for t in toks[k:m]))
                       or toks[m].low.endswith("-based") or toks[m].text in _OWNER_MARKS
                       or (plain(toks[m]) and "rank" in words.get(toks[m].low, ()))):
        # "a Great Falls, Va., investment firm", "the world's largest U.S. steel company": the place and the
        # rank before the line of business
        owner = owner and not (toks[m - 1].text in POSSESSIVE and "rank" in words.get(toks[m].low, ()))
        m += 1
    if owner:
        return None  # a name with no "'s" after it is no apposition of a line of business
    a = m
    heads = load_lexicon(language).optional_words("sector_apposition_heads")
    while m < end and plain(toks[m]) and not ("stop" in words.get(toks[m].low, ()) and m > a
                                                and toks[m].low != "of"):
        if toks[m].low == "of" and m > a and "of" in words.get(toks[m - 1].low, ()):
            b = m + 1  # "a maker of circuit boards"
            while b < end and plain(toks[b]) and "stop" not in words.get(toks[b].low, ()):
                b += 1
            return _trim(toks, m + 1, b, words, head=False)
        if toks[m].low == "of" and m - 1 > a and "part" in words.get(toks[m - 1].low, ()):
            # "X, an investment banking unit of Y": X is the part that operates in the line of business
            return _trim(toks, a, m - 1, words, head=False)
        if toks[m].low == "of":
            return None
        m += 1
        if toks[m - 1].low in heads and m > a + 1 and not (m < end and toks[m].low == "of") and not (
                m + 1 < end and "edge" in words.get(toks[m].low, ()) and plain(toks[m + 1])
                and "stop" not in words.get(toks[m + 1].low, ())):
            # "a software company founded by", "Japan's largest insurance company and the": a generic head ends
            # the line (not "an investment group headed by": the language's sector_apposition_heads only; "a
            # valve manufacturer and pipeline contractor" goes on to the second line)
            break
        if m + 1 < end and toks[m].text == "-" and plain(toks[m + 1]) and "stop" not in words.get(toks[m - 1].low, ()):
            m += 1  # "a fast - food company": a hyphen written apart inside the line
    if m == a or (m < n and toks[m].is_cap):
        return None  # "a unit of X", "an investor group led by ...": no line of business here
    return _trim(toks, a, m, words, head=True, agent=True)


def phrase_verb(toks: Sequence[Token], j: int, language: str) -> tuple[int, int] | None:
    """The line of business as the object of a verb right after a company ending at token ``j``.

    >>> from kg.extract.text import tokenize
    >>> phrase_verb(tokenize("Lumeo Corp makes and distributes wallcoverings and showed a profit"), 2, "en")
    (5, 6)
    >>> phrase_verb(tokenize("Lumeo Corp, which provides data processing services to banks"), 2, "en")
    (5, 8)
    >>> phrase_verb(tokenize("a plan that provides just 1.1 cents a share"), 3, "en") is None
    True
    """
    words = words_of(language)
    n = len(toks)
    k = j + (j < n and toks[j].text == ",")
    k += k < n and toks[k].low in ("which", "that")
    if k >= n or "verb" not in words.get(toks[k].low, ()):
        return None
    k += 1
    if k + 1 < n and "edge" in words.get(toks[k].low, ()) and "verb" in words.get(toks[k + 1].low, ()):
        k += 2  # "makes and sells"
    elif k + 1 < n and toks[k].low == "and" and toks[k + 1].low.endswith("s") and plain(toks[k + 1]):
        k += 2  # "manufactures and distributes"
    b = k
    while b < n and b - k < MAX_WORDS and plain(toks[b]) and "stop" not in words.get(toks[b].low, ()) \
            and not (b > k and toks[b - 1].low == "and" and toks[b].low.endswith("ed")):
        b += 1
    # the object ends at a stop word or a comma ("wallcoverings and showed": "and" before a verb ends it too)
    while b > k and "edge" in words.get(toks[b - 1].low, ()):
        b -= 1
    end_ok = b >= n or not toks[b].is_word or "stop" in words.get(toks[b].low, ()) \
        or "edge" in words.get(toks[b].low, ())
    return (k, b) if b > k and end_ok else None


def phrase_before(toks: Sequence[Token], i: int, language: str) -> tuple[int, int] | None:
    """The line of business right before a company's name starting at token ``i``.

    >>> from kg.extract.text import tokenize
    >>> phrase_before(tokenize("mortgage banking company <Lumeo Mortgage>"), 4, "en")
    (0, 2)
    """
    words = words_of(language)
    if not words:
        return None
    if i > 0 and toks[i - 1].text in _OPEN:
        i -= 1
    a = i
    while a > 0 and plain(toks[a - 1]) and i - a < MAX_WORDS + 4:
        a -= 1
    if a == i:
        return None
    based = a > 0 and toks[a - 1].low.endswith("-based")
    span = _trim(toks, a, i, words, head=not based)
    if span is None and not based and "agent" in words.get(toks[i - 1].low, ()):
        # "jewelry retailer Weisfield's Inc", "online retailer ThinkGeek": a line of business and its agent
        # noun, both kept (docs/annotations.md), back to a verb or cue ("to acquire jewelry retailer X")
        cues = load_lexicon(language).cue_words
        k = i - 1
        while (k > a and i - k < _AGENT_WORDS and toks[k - 1].low not in cues and toks[k - 1].low not in ("and", "or")
               and "stop" not in words.get(toks[k - 1].low, ()) and not toks[k - 1].low.endswith("ed")):
            k -= 1
        # one agent noun alone before the name is the trade too ("German airline Lufthansa", "Sydney broker
        # Meares and Philips", "acquired game publisher Eidos"; docs/annotations.md, "Sector conventions settled")
        return (k, i)
    return span


def phrase_its(toks: Sequence[Token], k: int, language: str) -> tuple[int, int] | None:
    """The line of business in "its <words> business" with "its" at token ``k``.

    >>> from kg.extract.text import tokenize
    >>> phrase_its(tokenize("sell its industrial chemicals business to"), 1, "en")
    (2, 4)
    """
    words = words_of(language)
    while k + 1 < len(toks) and plain(toks[k + 1]) and "stop" in words.get(toks[k + 1].low, ()):
        k += 1  # "its existing cable television business"
    b = k + 1
    while b < len(toks) and b - k <= MAX_WORDS and plain(toks[b]) and "stop" not in words.get(toks[b].low, ()):
        if "part" in words.get(toks[b].low, ()):
            return _trim(toks, k + 1, b, words, head=False) if b > k + 1 else None
        b += 1
    return None


def _its_spans(toks: Sequence[Token], ms: list[Mention], language: str) -> Iterator[tuple[Mention, tuple[int, int]]]:
    """"Dow Chemical Co agreed to sell its industrial chemicals business": the one company named before
    "its" operates in the line of business (with two companies before it, "its" is not read); so does
    the company before "'s" ("Cyclops's steel businesses"). A part named right after it ("its foodservice
    unit, Service America Corp") or right before the line ("its Bass shoe division") is the company
    that operates in it."""
    companies = {m.i: m for m in ms if m.type == "Company" and m.source != "coref"}
    by_end = {m.j: m for m in companies.values()}
    for k, t in enumerate(toks):
        if t.low == "its":
            # ("it" and "its" read as the company by coreference are not a second company)
            before = [m for m in ms if m.j <= k and m.type in ("Company", "Organization") and m.source != "coref"]
            owner = before[0] if len(before) == 1 and before[0].type == "Company" else None
        elif t.text in POSSESSIVE:
            owner = by_end.get(k)
        else:
            continue
        if owner is None:
            continue
        start = k + 1 + (k + 1 < len(toks) and toks[k + 1].text in _OPEN)
        unit = companies.get(start)
        span = phrase_its(toks, unit.j - 1, language) if unit is not None else phrase_its(toks, k, language)
        if span is None:
            continue
        # the part word ends the line of business (edge words aside); a company named after it is the part
        p = next((q for q in range(span[1], min(len(toks), span[1] + 3))
                  if "part" in words_of(language).get(toks[q].low, ())), span[1])
        after = p + 1 + (p + 1 < len(toks) and toks[p + 1].text == ",")  # "unit, Service America Corp"
        named = companies.get(after + (after < len(toks) and toks[after].text in _OPEN))
        yield unit or named or owner, span


def split_lines(toks: Sequence[Token], a: int, b: int, language: str) -> list[tuple[int, int]]:
    """The lines of business in ``toks[a:b]``: two at an "and" right after a head or agent noun,
    each with its own ("a weapons manufacturer and defense contractor", "a food wholesaler and
    building products maker"); a head word and a head that only says "supplies it" end the first,
    and the last (docs/annotations.md); a noun shared by both ("ski and tennis equipment") keeps one.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("a weapons manufacturer and defense contractor")
    >>> [" ".join(t.text for t in toks[i:j]) for i, j in split_lines(toks, 1, 6, "en")]
    ['weapons', 'defense contractor']
    >>> split_lines(tokenize("ski and tennis equipment"), 0, 4, "en")
    [(0, 4)]
    """
    words = words_of(language)
    for k in range(a + 2, b - 1):
        cls = words.get(toks[k - 1].low, frozenset())
        if "edge" in words.get(toks[k].low, ()) and ("head" in cls or "agent" in cls):
            end = k - 1 if "head" in cls or "supplies" in cls else k
            return ([(a, end)] if end > a else []) + split_lines(toks, k + 1, b, language)
    if b - a >= 2 and "supplies" in words.get(toks[b - 1].low, ()):
        b -= 1  # "language services provider X": a provider only says that it supplies them
    return [(a, b)]


def _listed(toks: Sequence[Token], a: int, b: int, inside: list[Mention], language: str) -> bool:
    """Whether ``toks[a:b]`` is a list of the sectors ``inside`` and nothing else ("steel and
    construction", "tire, broadcasting and aerospace")."""
    words = words_of(language)
    covered = {k for o in inside for k in range(o.i, o.j)}
    return all(k in covered or toks[k].text == "," or "edge" in words.get(toks[k].low, ()) for k in range(a, b))


def _pattern_sector(s: Sentence, a: int, b: int) -> Mention:
    toks = s.tokens
    start, end = toks[a].start, toks[b - 1].end
    text = s.text[start - s.start : end - s.start]
    return Mention(s.index, a, b, start, end, text, "Sector", "sector-" + slug(text), text, "pattern")


def sector_phrases(s: Sentence, ms: list[Mention], language: str) -> Iterator[Found]:
    """``operates_in`` links from a company to a line of business named in words next to it."""
    toks = s.tokens
    head_first = load_lexicon(language).setting("sector_phrase_head_first") is True
    if head_first:
        pairs: list[tuple[Mention, tuple[int, int] | None]] = list(head_first_spans(s, ms, language))
    else:
        lex = load_lexicon(language)
        # "X (formerly Y) is a video game developer": the line of business after a former name is X's
        pairs = [(present_name(s, lex, ms, m, 0) or m, span) for m in ms if m.type == "Company" and m.source != "coref"
                 for span in (phrase_after(toks, m.j, language), phrase_before(toks, m.i, language),
                              phrase_verb(toks, _past_brackets(toks, m.j), language))]
        pairs += _its_spans(toks, ms, language)
    # (a head-first language puts its heads before the line of business: nothing to split after one)
    spans = [(m, line) for m, span in pairs if span is not None
             for part in ([span] if head_first else split_lines(toks, *span, language))
             for line in ([part] if head_first else split_list(toks, *part, language))
             if not vague_alone(toks, *line, language)]
    for m, span in spans:
        a, b = span
        inside = [o for o in ms if o.i < b and a < o.j and o.source != "coref"]  # not "the valve maker" itself
        if inside:
            # kg's sector vocabulary (or another name) already reads these words: the company operates in
            # the vocabulary's sector when it is the whole line of business ("its oil and gas operations")
            same = next((o for o in inside if o.type == "Sector" and (o.i, o.j) == span), None)
            if same is not None:
                yield Found("operates_in", m, same, "asserted", s, confidence=0.6)
            if same is not None or not all(o.type == "Sector" and a <= o.i and o.j <= b for o in inside):
                continue
            if len(inside) > 1 and _listed(toks, a, b, inside, language):
                # "construction and real estate company X": a list of sectors, each the vocabulary's (a list
                # with words the vocabulary does not know, "mining and metals", is one line of business)
                for o in inside:
                    yield Found("operates_in", m, o, "asserted", s, confidence=0.6)
                continue
            if "supplies" in words_of(language).get(toks[b - 1].low, ()) and all(o.j < b for o in inside):
                # "cloud computing provider X": the vocabulary's sector, not the agent noun after it; an agent
                # noun that names the trade stays ("an insurance broker", "a film and television distributor")
                continue
            agent_first = "agent" in words_of(language).get(toks[a].low, ())
            whole = next((o for o in inside if o.type == "Sector" and (o.i, o.j) == (a + 1, b)), None)
            if agent_first and whole is not None:
                # "penyedia layanan satelit X": the vocabulary's sector after the agent noun
                yield Found("operates_in", m, whole, "asserted", s, confidence=0.6)
                continue
            # a vocabulary word inside a longer line of business: "mortgage banking", "insurance broker"
        yield Found("operates_in", m, _pattern_sector(s, a, b), "asserted", s, confidence=0.6)
