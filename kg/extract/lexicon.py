"""Per-language lexicons for the rule engine, loaded from ``ontology/lang/<code>/``.

Everything language-specific lives in data: cue lists per relation type and per
status, affix rules, description heads, abbreviations. Adding a language is
adding a folder; adding a cue is adding a line.

>>> lex = load_lexicon("id")
>>> {"gandeng", "menggandeng"} <= lex.stems("menggandeng")
True
>>> lex.is_passive("diakuisisi", "akuisisi")
True
>>> [c.relation for c in lex.relation_cues if c.words == ("kemitraan",)]
['partnership']
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DataError
from kg.resources import language_dir, languages, ontology_dir, read_lines, word_set
from kg.schema import RELATION_TYPES, STATUSES

if TYPE_CHECKING:
    from kg.extract.tokens import Token

# Most words a "..." in a cue may skip.
GAP = 3
_FLAGS = frozenset({"exact", "noun", "passive", "owner", "either", "next", "before", "within"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue entry: its words (lowercased), what it signals, and flags."""

    words: tuple[str, ...]
    relation: str | None = None
    status: str | None = None
    exact: bool = False
    noun: bool = False
    passive: bool = False
    # Ownership, not management: a person or a state after a passive cue is its subject too ("perusahaan
    # milik miliarder X" is X's investment; "led by chief executive X" names no investor).
    owner: bool = False
    # A status cue's reach relative to the relation cue ("" = the status's default: denial and
    # plan cues before it, rumour and ending cues either side; "either" = either side;
    # "next" = only right before it, as a negation: "to" in "X to buy Y"; "before" = only before
    # it, as a verb governs what follows: "considering buying Y", not "X, which owns Y, is considering ...").
    scope: str = ""
    # The words one of which must stand right before the cue (empty: any), matched like the cue's
    # own words: "reports that" is a report only after "on", "the", "denied" ..., not after the
    # party that itself reports ("Apple reports that ...").
    after: frozenset[str] = frozenset()
    # A modifier's reach (-1: the whole clause): the status cue counts only within this many words
    # of the relation cue (on the sides its scope allows): "former" in "former chairman of X" ends
    # that post, not "Y, which bought X from its former parent Z" (flags "near=3,before").
    near: int = -1
    # Relation types the status cue says nothing about (flag "not=acquisition|investment"): a sale
    # ends the seller's link ("sold its unit X to Y") and is the buyer's acquisition, which stands.
    not_for: frozenset[str] = frozenset()
    # A status cue that reaches a pair only from before its later party (flag "within"): talk of talks,
    # bidders or sources after both parties is about something else ("X made a bid for Y and Y said it is
    # in talks with two other companies", "..., sources said").
    within: bool = False

    def match(self, tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
        """One past the last token of this cue read from token ``i`` (whose first word matched), or -1.

        A cue word ``*`` stands for any one word, ``...`` for up to :data:`GAP` words (the
        nearest match wins): "dismissed ... reports" reads "dismissed the reports" and
        "dismissed media reports".

        >>> from kg.extract.text import tokenize
        >>> cue = Cue(("dismissed", "...", "reports"), status="denied")
        >>> cue.match(tokenize("X dismissed recent media reports"), 1, load_lexicon("en"))
        5
        >>> cue.match(tokenize("X dismissed it, citing reports"), 1, load_lexicon("en"))
        -1

        With ``after``, the word before the cue must be one of those words:

        >>> cue = Cue(("reports", "that"), status="rumored", after=frozenset({"on", "deny"}))
        >>> [cue.match(tokenize(t), 2, load_lexicon("en")) for t in ("X denied reports that", "Apple X reports that")]
        [4, -1]
        """
        if self.after and not self._preceded(tokens, i, lex):
            return -1
        n = len(tokens)
        k = i + 1
        gap = 0
        for w in self.words[1:]:
            if w == "...":
                gap = GAP
                continue
            if w == "*":
                if k >= n or not tokens[k].is_word:
                    return -1
                k += 1
                continue
            skipped = 0
            while True:
                if k >= n:
                    return -1
                t = tokens[k]
                if (t.low == w) if self.exact else (w in lex.stems(t.text)):
                    k += 1
                    break
                if skipped >= gap:
                    return -1
                if not t.is_word:
                    return -1  # a gap spans words only, never a comma or a bracket
                # "Borong 5,5 Juta Saham": a decimal number is one word of the gap
                k = _number_end(tokens, k)
                skipped += 1
            gap = 0
        return k

    def _preceded(self, tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
        if i == 0 or not tokens[i - 1].is_word:
            return False
        t = tokens[i - 1]
        return t.low in self.after if self.exact else not self.after.isdisjoint(lex.stems(t.text))


def _number_end(tokens: Sequence[Token], k: int) -> int:
    """One past token ``k``, or past the decimal number it starts ("5,5", "148.66" written
    without spaces: the tokenizer splits them at the mark)."""
    while (
        k + 2 < len(tokens)
        and tokens[k].text.isdigit()
        and tokens[k + 1].text in ",."
        and tokens[k + 2].text.isdigit()
        and tokens[k].end == tokens[k + 1].start
        and tokens[k + 1].end == tokens[k + 2].start
    ):
        k += 2
    return k + 1


def _parse_rules(rules: list[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for r in rules:
        affix, _, repl = r.partition(">")
        out.append((affix, repl))
    # Longest affix first so "meng" is tried before "me".
    return tuple(sorted(out, key=lambda p: (-len(p[0]), p)))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The rule engine's view of one language folder."""

    code: str
    settings: dict[str, object]
    relation_cues: tuple[Cue, ...]
    status_cues: tuple[Cue, ...]
    negations: frozenset[str]
    abbreviations: frozenset[str]
    org_cues: dict[tuple[str, ...], str]
    prefixes: tuple[tuple[str, str], ...] = ()
    suffixes: tuple[tuple[str, str], ...] = ()
    # The suffixes a noun cue takes ([morphology] noun_suffixes; None: any suffix): "units" is the cue
    # "unit", "United" is not (the verb ending "-ed" read off a noun made "United Coal Ltd" a cue).
    noun_suffixes: tuple[tuple[str, str], ...] | None = None
    # The particles a negation word takes ([morphology] negation_suffixes: "tidaklah"); no other affix.
    negation_suffixes: tuple[tuple[str, str], ...] = ()
    # Words that open a relative clause after a comma (", which", ", yang"): no status cue outside it
    # reaches into it (``status/relative.txt``).
    relatives: frozenset[str] = frozenset()
    # Verbs whose negation leaves the relation they act on as it was ("has no intention of raising its
    # offer": the offer stands): a denial or negation before one of them does not reach past it
    # (``status/shield.txt``, base forms, matched with the affix rules).
    shields: frozenset[str] = frozenset()
    # Words right after a stake's cue that make it a further stake ("would not buy more Y stock", "agreed
    # not to acquire any additional Y shares"): a denial then denies the increase, not the stake held
    # (``status/more.txt``).
    increments: frozenset[str] = frozenset()
    _index: dict[str, list[Cue]] = field(default_factory=dict, repr=False)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _starting: dict[str, tuple[Cue, ...]] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def cue_words(self) -> frozenset[str]:
        """Every word of every cue (lowercased): such words are not distinctive name parts."""
        return frozenset(w for c in (*self.relation_cues, *self.status_cues) for w in c.words)

    @functools.cached_property
    def org_cue_starts(self) -> frozenset[str]:
        """The first words of the organisation cues (``org_cues``): no cue starts at another word."""
        return frozenset(k[0] for k in self.org_cues if k)

    def setting(self, key: str) -> object:
        try:
            return self.settings[key]
        except KeyError:
            raise DataError(f"ontology/lang/{self.code}/language.toml has no setting {key!r}") from None

    def words(self, key: str) -> frozenset[str]:
        """A list setting as a set of lowercased words."""
        # asked about 375 times an article (passes read their words per sentence): a subscript in a try
        # is the cheapest hit
        try:
            return self._words[key]
        except KeyError:
            value = self.setting(key)
            assert isinstance(value, list)
            cached = self._words[key] = frozenset(str(v).lower() for v in value)
            return cached

    def optional_words(self, key: str) -> frozenset[str]:
        """A list setting a language may leave out, as :meth:`words` gives it; empty where the language
        file has no such key (a key every language must carry goes through :meth:`words`, which names
        the missing one).

        >>> load_lexicon("id").optional_words("demonym_bodies")
        frozenset()
        >>> "person" in load_lexicon("en").optional_words("cut_name_types")
        True
        """
        # a key read before: its set, without asking the settings again (about 195 calls an article; a
        # get, not a try, because a key the language leaves out is never cached and would raise each time)
        got = self._words.get(key)
        if got is not None:
            return got
        return self.words(key) if key in self.settings else frozenset()

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - lexicons are cached for the process anyway
    def stems(self, token: str) -> frozenset[str]:
        """The token lowercased plus every form left by stripping one prefix and up to two suffixes.

        Over-generation is harmless: a form only matters if a cue equals it.
        """
        low = token.lower()
        forms = {low}
        bases = {low}
        for affix, repl in self.prefixes:
            if low.startswith(affix) and len(low) - len(affix) >= 3:
                bases.add(repl + low[len(affix) :])
        forms |= bases
        for base in bases:
            frontier = {base}
            for _ in range(2):
                nxt = set()
                for b in frontier:
                    for affix, repl in self.suffixes:
                        if b.endswith(affix) and len(b) - len(affix) >= 3:
                            nxt.add(b[: len(b) - len(affix)] + repl)
                forms |= nxt
                frontier = nxt
        return frozenset(forms)

    def is_passive(self, token: str, cue_word: str) -> bool:
        """True if ``token`` is ``cue_word`` with a passive prefix (``diakuisisi``)."""
        low = token.lower()
        for p in self.words("passive_prefixes"):
            if low.startswith(p) and cue_word in self.stems(low[len(p) :]) | {low[len(p) :]}:
                return True
        return False

    def _noun_form(self, cue: Cue, low: str, form: str) -> bool:
        """Whether ``form`` (a stem of ``low``) may stand for ``cue``: a noun cue takes only noun suffixes.

        >>> lex = load_lexicon("en")
        >>> unit = next(c for c in lex.relation_cues if c.words == ("unit",))
        >>> [lex._noun_form(unit, w, "unit") for w in ("units", "united")]
        [True, False]
        """
        if not cue.noun or self.noun_suffixes is None:
            return True
        return any(low.endswith(a) and low[: len(low) - len(a)] + r == form for a, r in self.noun_suffixes)

    def _negation_form(self, low: str, form: str) -> bool:
        """Whether ``form`` (a stem of ``low``) may stand for a negation: only with the language's particles
        ([morphology] negation_suffixes), never with a prefix: "noting" is no "not" + "-ing", "sebelumnya"
        ("before") no "se-" + "belum" + "-nya"; "tidaklah" is "tidak" + "-lah".

        >>> [load_lexicon(c)._negation_form(w, f) for c, w, f in (("en", "noted", "not"), ("id", "tidaklah", "tidak"))]
        [False, True]
        """
        if form not in self.negations:
            return True
        return any(low == form + a.rstrip(">") and not r for a, r in self.negation_suffixes)

    @property
    def known_starts(self) -> dict[str, tuple[Cue, ...]]:
        """:meth:`cues_starting`'s answers so far, by token text (never change it): a loop over every token
        reads a text's cues here and asks the method only for a text not seen yet (a method call a token
        was a sixth of :func:`kg.extract.cueparties.find_cues`)."""
        return self._starting

    def cues_starting(self, token: str) -> tuple[Cue, ...]:
        """Cues whose first word this token can be (exact or after affix stripping; a noun cue only with
        the language's noun suffixes: "United" is not the cue "unit").

        >>> [c.words for c in load_lexicon("en").cues_starting("United")]
        []
        >>> [c.words for c in load_lexicon("en").cues_starting("Units")]
        [('unit',), ('unit', 'of')]
        >>> load_lexicon("en").cues_starting("noting"), load_lexicon("id").cues_starting("sebelumnya")
        ((), ())
        """
        got = self._starting.get(token)  # cached per token text: every sentence asks for every word
        if got is not None:
            return got
        out: list[Cue] = []
        low = token.lower()
        # a frozenset's order follows the per-process string hash: sorted (the word itself first),
        # so cues that tie later keep the same order in every run
        for form in sorted(self.stems(token), key=lambda f: (f != low, f)):
            for cue in self._index.get(form, ()):
                # "United" is no "unit" + "-ed" (a noun cue), "noting" no "not" + "-ing" (a negation)
                if form != low and (cue.exact or not self._noun_form(cue, low, form)
                                    or not self._negation_form(low, form)):
                    continue
                if cue not in out:
                    out.append(cue)
        if len(self._starting) >= 65536:  # bounded memory in long runs
            self._starting.clear()
        got = self._starting[token] = tuple(out)
        return got


def _read_cues(path: Path, **kind: str) -> list[Cue]:
    cues = []
    for line in read_lines(path):
        phrase, _, flags = line.partition("\t")
        flagset = {f.strip() for f in flags.split(",") if f.strip()}
        after = {f for f in flagset if f.startswith("after=")}
        near = {f for f in flagset if f.startswith("near=")}
        nots = {f for f in flagset if f.startswith("not=")}
        flagset -= after | near | nots
        not_for = frozenset(w for f in nots for w in f[len("not="):].split("|") if w)
        if not_for - set(RELATION_TYPES):
            bad = sorted(not_for - set(RELATION_TYPES))
            raise DataError(f"{path}: {phrase!r}: 'not=' names no relation type ({bad})")
        reach = [f[len("near="):] for f in near]
        if len(reach) > 1 or not all(r.isdigit() for r in reach):
            raise DataError(f"{path}: {phrase!r}: 'near=' takes one number of words (near=3)")
        before_words = frozenset(w.lower() for f in after for w in f[len("after="):].split("|") if w)
        if after and not before_words:
            raise DataError(f"{path}: {phrase!r}: 'after=' names no word (after=on|the|denied)")
        unknown = flagset - _FLAGS
        if unknown:
            raise DataError(f"{path}: unknown flag(s) {sorted(unknown)} (allowed: {', '.join(sorted(_FLAGS))})")
        words = tuple(phrase.lower().split())
        if words[0] in ("*", "...") or words[-1] in ("*", "..."):
            raise DataError(f"{path}: {phrase!r}: a cue starts and ends with a word, not a gap")
        cues.append(
            Cue(
                words,
                exact="exact" in flagset,
                noun="noun" in flagset,
                passive="passive" in flagset,
                owner="owner" in flagset,
                scope=next((f for f in ("either", "next", "before") if f in flagset), ""),
                after=before_words,
                near=int(reach[0]) if reach else -1,
                not_for=not_for,
                within="within" in flagset,
                **kind,
            )
        )
    return cues


@functools.cache
def sentence_starters() -> frozenset[str]:
    """Lowercased stop words of every language: a capitalised stop word after an
    abbreviation ("Inc. The") starts a new sentence."""
    words: set[str] = set()
    for code in languages():
        p = ontology_dir() / "lang" / code / "stopwords.txt"
        if p.is_file():
            words.update(w.lower() for w in read_lines(p))
    return frozenset(words)


@functools.cache
def load_lexicon(code: str) -> Lexicon:
    """Load (once per process) the lexicon of language ``code``."""
    folder = language_dir(code)
    with open(folder / "language.toml", "rb") as f:
        settings = tomllib.load(f)
    morph = settings.get("morphology", {})
    rel: list[Cue] = []
    for name in RELATION_TYPES:
        p = folder / "relations" / f"{name}.txt"
        if p.is_file():
            rel += _read_cues(p, relation=name)
    stat: list[Cue] = []
    for name in STATUSES:
        p = folder / "status" / f"{name}.txt"
        if p.is_file():
            stat += _read_cues(p, status=name)
    org_cues = {}
    for line in read_lines(folder / "org_cues.txt"):
        phrase, _, etype = line.partition("\t")
        org_cues[tuple(phrase.lower().split())] = etype.strip() or "Company"
    lex = Lexicon(
        code=code,
        settings=settings,
        relation_cues=tuple(rel),
        status_cues=tuple(stat),
        negations=word_set(code, "status/negation.txt"),
        relatives=word_set(code, "status/relative.txt"),
        shields=word_set(code, "status/shield.txt"),
        increments=word_set(code, "status/more.txt"),
        abbreviations=frozenset(read_lines(folder / "abbreviations.txt")),
        org_cues=org_cues,
        prefixes=_parse_rules(morph.get("prefixes", [])),
        suffixes=_parse_rules(morph.get("suffixes", [])),
        noun_suffixes=_parse_rules(morph["noun_suffixes"]) if "noun_suffixes" in morph else None,
        negation_suffixes=_parse_rules(morph.get("negation_suffixes", [])),
    )
    for cue in (*rel, *stat):
        lex._index.setdefault(cue.words[0], []).append(cue)
    return lex
