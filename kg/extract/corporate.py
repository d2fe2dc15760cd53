"""Words around a name that only a business has: a tagger's person or place there is a company.

A one-word short name ("Hayes", "Akzo", "Stora") reads like a surname or a town to a tagger that only
sees the word, but the sentence often says what it is: "shareholders of Hayes", "Akzo's board",
"a Gemina spokeswoman", "Ionic, a maker of circuit boards", "Chemlawn said its ..." (a person says "his"
or "her"). The words are language data (``company_context_*`` in ``language.toml``); a
language without them gets no retyping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.text import Token
from kg.extract.tokens import POSSESSIVE

_POSSESSIVE = POSSESSIVE | {"'", "’"}
_JOIN = {",": "comma", "and": "and"}


def company_context(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the words around ``toks[i:j]`` say that it names a business.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("The shareholders of Hayes approved it.")
    >>> company_context(toks, 3, 4, lex)
    True
    >>> toks = tokenize("Hayes's board said its offer stands; Icahn's shares rose.")
    >>> company_context(toks, 0, 1, lex), company_context(toks, 10, 11, lex)
    (True, False)
    >>> toks = tokenize("Ionic, a maker of circuit boards, hired Smith, a company director.")
    >>> company_context(toks, 0, 1, lex), company_context(toks, 11, 12, lex)
    (True, False)
    >>> toks = tokenize("Vexo agreed to acquire Turco.")
    >>> company_context(toks, 4, 5, lex)
    True
    >>> toks = tokenize("The rise ended when Gavrilo Princip, which was the spark, said its ...")
    >>> company_context(toks, 4, 6, lex)  # "which" may refer to more than the name before it
    False
    """
    n = len(toks)
    nxt = toks[j].low if j < n else ""
    if nxt in _POSSESSIVE:  # "Akzo's board", "Rospatch's outstanding common stock"
        owned = lex.optional_words("company_context_owned")
        return any(k < n and toks[k].low in owned for k in (j + 1, j + 2))
    if nxt in lex.optional_words("company_context_after"):
        return True
    if nxt in (",", "and") and j + 1 < n and toks[j + 1].low in lex.optional_words(f"company_context_{_JOIN[nxt]}"):
        return True  # "Azuma Steel, owned 41 pct by ...", "Mitsui and its group of companies"
    if _described(toks, j, lex):
        return True
    if (nxt in lex.optional_words("speech_verbs") and j + 1 < n
            and toks[j + 1].low in lex.optional_words("company_context_said")):
        return True
    if i == 0 and subject_of_it(toks, j, lex):
        return True  # "Sanwa plans to increase its stake"
    if i >= 1 and toks[i - 1].low in lex.optional_words("company_context_object"):
        return True  # "agreed to acquire Turco": no person or town is bought
    return i >= 2 and f"{toks[i - 2].low} {toks[i - 1].low}" in lex.optional_words("company_context_before")


def acting_place(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the one-word name ``toks[i:j]`` is the subject of a word of ``company_context_acts`` ("Coloroll
    said", "Honeywell is now focusing"): a town the lists do not know does not speak or act, a business does.
    Not after a word of ``place_context_before`` or a conjunction ("of Boston said", "Pittsburgh and Delaware
    will": the subject is another name). The caller asks only the tagger's places no list knows.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("In 1986, Vexo said its sales rose; a bank of Velton said so.")
    >>> acting_place(toks, 3, 4, lex), acting_place(toks, 12, 13, lex)
    (True, False)
    """
    if j - i != 1 or j >= len(toks) or toks[j].low not in lex.optional_words("company_context_acts"):
        return False
    return i == 0 or toks[i - 1].low not in lex.optional_words("place_context_before") | {"and", "or", "&"}


def family_context(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the name ending at ``j`` is followed by a word of ``person_context_after`` ("the Kadoorie
    family"): a family is named as people are (docs/annotations.md), never a town or a company.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> family_context(tokenize("talks with the Harwick family"), 4, load_lexicon("en"))
    True
    """
    return j < len(toks) and toks[j].low in lex.optional_words("person_context_after")


def place_context(toks: Sequence[Token], i: int, j: int, lex: Lexicon, is_place: Callable[[str], bool]) -> bool:
    """Whether ``toks[i:j]`` is a town by its context: after a word of ``place_context_before`` and before a
    comma and a country or region the lists know (``is_place``), not its possessive ("of Zurich,
    Switzerland", "in Surrey, England"; not "sold to Akzo, Britain's ...").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("Swiss Reinsurance Co of Zurich, Switzerland, said; sold to Akzo, Britain's largest.")
    >>> place_context(toks, 4, 5, lex, lambda w: w in ("Switzerland", "Britain"))
    True
    >>> place_context(toks, 12, 13, lex, lambda w: w in ("Switzerland", "Britain"))
    False
    """
    n = len(toks)
    if i == 0 or toks[i - 1].low not in lex.optional_words("place_context_before") or j + 1 >= n or toks[j].text != ",":
        return False
    k = j + 1
    while k + 1 < n and toks[k + 1].is_cap and k - j < 3:
        k += 1  # "New Zealand", "West Germany"
    words = " ".join(t.text for t in toks[j + 1 : k + 1])
    return is_place(words) and not (k + 1 < n and toks[k + 1].low in _POSSESSIVE)


def clause_subject(toks: Sequence[Token], i: int, lex: Lexicon, openers: str = "clause_openers") -> bool:
    """Whether the name starting at ``i`` may be the subject of a clause: the sentence's first word, or after a
    word of the list ``openers`` ("While Roth-American said ..., Atcor said it is ...", "after Vexo said its ...").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("Vexo said so, and Velton said it would; bids for Turco rose.")
    >>> [clause_subject(toks, k, lex) for k in (0, 5, 11)]
    [True, True, False]
    """
    return i == 0 or toks[i - 1].low in lex.optional_words(openers)


def thing_subject(toks: Sequence[Token], i: int, j: int, lex: Lexicon, alone: bool = False) -> bool:
    """Whether the tagger's person or organisation ``toks[i:j]`` is taken up as a thing (a business: a public body
    is "the FTC said it", never without "the" on kg's English train split): by "it" or "its" as a clause's subject
    (:func:`clause_subject`, :func:`subject_of_it`), or, as a clause's subject too, by "which" right after it
    ("Pratt, which owns the Sands Hotel": a person is "who"; ``company_context_relative``). Or, when the
    sentence names no other organisation (``alone``), the one-word subject speaks of a company's own things
    (:func:`speaks_of_itself`).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("While Vexo said it is interested, Atcor said it is reviewing its options.")
    >>> thing_subject(toks, 1, 2, lex), thing_subject(toks, 7, 8, lex)
    (True, True)
    >>> toks = tokenize("Pratt, which owns a hotel, sued Icahn, who said he would sell.")
    >>> thing_subject(toks, 0, 1, lex), thing_subject(toks, 8, 9, lex)
    (True, False)
    """
    if not clause_subject(toks, i, lex):
        return False  # "the assassination of President Kennedy which ...": "which" takes up the whole phrase
    n = len(toks)
    k = j + (j < n and toks[j].text == ",")
    if k < n and toks[k].low in lex.optional_words("company_context_relative"):
        return True
    return subject_of_it(toks, j, lex) or (alone and j - i == 1 and speaks_of_itself(toks, j, lex))


def speaks_of_itself(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the name ending at ``j`` says something (a word of ``speech_verbs``, perhaps after one lowercase
    word: "also said") in a sentence with a word of ``company_context_self`` ("its", "the board", "unit") and
    none of ``person_context_pronouns``: "Penril further said director X has resigned from the board". The
    caller asks only when the sentence names no other organisation: a person who speaks of a company names it.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> speaks_of_itself(tokenize("Penril also said a director has left the board."), 1, lex)
    True
    >>> speaks_of_itself(tokenize("Hammer said he has left the board."), 1, lex)
    False
    """
    n = len(toks)
    says = lex.optional_words("speech_verbs")
    k = j + (j + 1 < n and toks[j].text.isalpha() and toks[j].text.islower() and toks[j + 1].low in says)
    if k >= n or toks[k].low not in says:
        return False
    words = {t.low for t in toks}
    return bool(words & lex.optional_words("company_context_self")) and not words & lex.optional_words(
        "person_context_pronouns")


def person_subject(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the tagger's organisation ``toks[i:j]`` is a clause's subject (after ``person_clause_openers``)
    that "he", "his", "she" or "her" takes up (:func:`subject_of_he`): "..., Hammer said his group ...".

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> toks = tokenize("As agreed, Hammer said his group would sell after Vexo said his offer stood.")
    >>> person_subject(toks, 3, 4, lex), person_subject(toks, 11, 12, lex)
    (True, False)
    """
    return clause_subject(toks, i, lex, "person_clause_openers") and subject_of_he(toks, j, lex)


def subject_of_it(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the sentence-initial name ending at ``j`` is taken up by "it" or "its" after nothing but lowercase
    words (``company_context_subject_*``): "Cook is negotiating with its lenders", not "Cook said he ..." nor
    "Cook, the chairman, said its ..." (a comma may bring in another subject).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> texts = ("Cook had said last week that it would sell.", "Cook said he would sell its stake.",
    ...          "Cook said Vexo sold it.")
    >>> [subject_of_it(tokenize(t), 1, lex) for t in texts]
    [True, False, False]
    """
    return _subject_pronoun(toks, j, lex) == "company"


def subject_of_he(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the sentence-initial name ending at ``j`` is taken up by "he", "his", "she" or "her" after nothing
    but lowercase words (``person_context_subject_pronouns``): "Hammer said his group ..." names a person.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("en")
    >>> subject_of_he(tokenize("Hammer said his group bought shares."), 1, lex)
    True
    """
    return _subject_pronoun(toks, j, lex) == "person"


def _subject_pronoun(toks: Sequence[Token], j: int, lex: Lexicon) -> str | None:
    """The first pronoun of ``company_context_subject_pronouns`` ("company") or ``person_context_subject_pronouns``
    ("person") in the run of lowercase words after ``toks[j - 1]``; ``None`` at any other word first."""
    its = lex.optional_words("company_context_subject_pronouns")
    his = lex.optional_words("person_context_subject_pronouns")
    stops = lex.optional_words("company_context_subject_stops")
    window = lex.settings.get("company_context_subject_window", 0)
    assert isinstance(window, int)
    for t in toks[j : j + window]:
        if t.low in its:
            return "company"
        if t.low in his:
            return "person"
        if not (t.text.isalpha() and t.text.islower()) or t.low in stops:
            return None
    return None


def _described(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """"X, a maker of ...", "X is the largest waste management company in ...": a description right after
    the name whose head (the last word of its noun phrase, so not "a company director") is a business."""
    n = len(toks)
    k = j + (j < n and toks[j].low == ",")
    k += k < n and toks[k].low in ("is", "was")
    if k >= n or toks[k].low not in ("a", "an", "the"):
        return False
    heads = company_heads(lex)
    for m in range(k + 1, min(n, k + 8)):
        if toks[m].low in heads:
            return m + 1 == n or toks[m + 1].low in lex.optional_words("company_context_head_ends")
        if not toks[m].is_word or toks[m].low == "of":
            return False  # "Martin Levin, a director of the company": the phrase's head was passed
    return False


def company_heads(lex: Lexicon) -> frozenset[str]:
    """The head nouns of a description that say a business: ``description_heads`` of type Company and
    ``company_context_heads`` ("a discount brokerage firm", "a holding company")."""
    heads = lex.settings.get("description_heads", {})
    assert isinstance(heads, dict)
    return frozenset(h for h, t in heads.items() if t == "Company") | lex.optional_words("company_context_heads")
