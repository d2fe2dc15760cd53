"""Checks a run of the name tagger must pass before it replaces or re-types the rules' names
(:func:`kg.extract.learned.tagged_names` asks them): a short form in brackets names its organisation, a
person or place in a company's context is a business, a legal-form name is not cut after its "and", and a
longer run may displace the list names it holds whole.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kg.extract.corporate import company_context
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence
from kg.extract.tokens import POSSESSIVE
from kg.schema import PLACE_TYPES

_ORGS = frozenset({"Company", "Organization"})

_DASHES = frozenset({"-", "–", "—"})


def abbreviated_org(s: Sentence, i: int, j: int, before: Sequence[Mention]) -> str | None:
    """The type of the organisation whose short form ``tokens[i:j]`` is, in round brackets right after
    its name ("Paguyuban Pengemudi Angkutan Darat (PPAD)", "Serikat Karyawan (Sekar)"): a short form
    names the same body, whatever its letters would suggest on their own."""
    toks = s.tokens
    if not (i >= 2 and toks[i - 1].text == "(" and j < len(toks) and toks[j].text == ")"):
        return None
    return next((m.type for m in before if m.j == i - 1 and m.type in _ORGS), None)


def initialled_name(toks: Sequence, i: int, j: int) -> bool:
    """Whether ``toks[i:j]`` is written as a person's name with a middle initial: a capitalised word, one capital
    letter with its full stop, a capitalised word ("Warren A. Stephens", "Melvyn N. Klein"), and perhaps "Jr."
    or "Sr.". kg's English train split, gold names so written: 44 Person, 1 Company ("Yale E. Key"). The
    tagger read two of them as organisations out of fold.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Warren A. Stephens and Stephens Inc")
    >>> initialled_name(toks, 0, 4), initialled_name(toks, 5, 7)
    (True, False)
    """
    words = [t.text for t in toks[i:j]]
    if words[-1:] == ["."] and len(words) > 4 and words[-2] in ("Jr", "Sr"):
        words = words[:-2]
    elif words[-1:] in (["Jr."], ["Sr."]):
        words = words[:-1]
    return (len(words) == 4 and words[0][:1].isupper() and words[0][1:].islower() and len(words[1]) == 1
            and words[1].isupper() and words[2] == "." and words[3][:1].isupper() and not words[3].isupper())


def is_business(s: Sentence, i: int, j: int, gaz: GazIndex, lex: Lexicon) -> bool:
    """Whether the tagger's person or place ``toks[i:j]`` is a business by its context; a listed place
    stays one ("shareholders of Texas" is rare, "control of Kuwait" is not)."""
    if not company_context(s.tokens, i, j, lex):
        return False
    known = gaz.lookup_name(s.text[s.tokens[i].start - s.start : s.tokens[j - 1].end - s.start])
    return known is None or known.type not in PLACE_TYPES


def front_cut(s: Sentence, i: int, j: int, etype: str, patterned: list[Mention],
               runs: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the tagger's run ``toks[i:j]`` is a legal-form name of its kind cut after its "and" ("Lomas and
    Nettleton Financial Corp", "Hongkong and Shanghai Hotels Ltd" read whole by the legal-form walk), where no
    person or organisation of the tagger's stands before the "and" ("Asher Edelman and Dominion Textiles Inc",
    "Wagner and Brown and AFG Industries Inc" are two names; a place there is the name's: "Hongkong and ...")."""
    if i == 0 or s.tokens[i - 1].low not in ("and", "&"):
        return False
    return any(p.i < i - 1 and j <= p.j and name_kind(p.type) == name_kind(etype) and legal_name(s, p)
               and not any(a < i - 1 and p.i < b and e in ("Person", "Organization") for a, b, e in runs)
               for p in patterned)


def name_kind(etype: str) -> str:
    """The kind a legal form vouches for: companies and organisations are one kind, places another.

    >>> name_kind("Company"), name_kind("Organization"), name_kind("Country"), name_kind("Person")
    ('org', 'org', 'place', 'Person')
    """
    return "org" if etype in _ORGS else "place" if etype in PLACE_TYPES else etype


def legal_name(s: Sentence, m: Mention) -> bool:
    """Whether a legal form vouches for the pattern's name ``m``; one that only opens names ("Grup", also an
    organisation cue: language.toml ``legal_form_prefixes``) does not ("Grup Keuangan Korea": a financial group)."""
    from kg.extract.edges import is_legal_form

    return any(is_legal_form(t.text) and t.low not in _opening_forms() for t in s.tokens[m.i : m.j])


@functools.cache
def _opening_forms() -> frozenset[str]:
    from kg.extract.lexicon import load_lexicon
    from kg.resources import languages

    lexicons = [load_lexicon(code) for code in languages()]
    return frozenset(w for lex in lexicons if "legal_form_prefixes" in lex.settings
                     for w in lex.words("legal_form_prefixes"))


def holds_whole(s: Sentence, i: int, j: int, inside: list[Mention]) -> bool:
    """The tagger's run ``(i, j)`` may displace the list's names ``inside`` it: each is a gazetteer
    name held whole and the run is longer, no dash stands apart inside it ("Straits Commerce Review -
    Microsoft Corp": a byline and a name), and no list name in it is a possessive ("Singapore's Sea")."""
    toks = s.tokens
    return (all(m.source == "gazetteer" and i <= m.i and m.j <= j and m.j - m.i < j - i for m in inside)
            and not spaced_dash(s, i, j)
            and not any(m.j < j and toks[m.j].text in POSSESSIVE for m in inside))


def spaced_dash(s: Sentence, i: int, j: int) -> bool:
    """A dash standing apart inside the run ``(i, j)`` ("Straits Commerce Review - Microsoft Corp": a byline
    and a name), which therefore displaces no pattern's or list's name."""
    toks = s.tokens
    return any(toks[k].text in _DASHES and toks[k].start > toks[k - 1].end for k in range(i + 1, j))
