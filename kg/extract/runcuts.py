"""A tagger's run across lower-case words is several names: cut it before it is weighed against the rules' names.

The tagger sometimes runs one name over the lower-case words between two ("Denver parts distributor K and W
Electric Supply Co", one Organization run): :func:`kg.extract.edges.parts` cuts such a run at its lower-case words
later, but the whole run is weighed first, and a run that holds a list's name ("Denver") must pass the outrank bar
(:data:`kg.extract.learned.OUTRANK`), which the tagger is rarely sure enough of for a run that long: the run, and
every name in it, was lost. Cut first, each piece is weighed alone. A language opts in with
``tagger_runs_cut_at_lowercase`` in its language.toml (in English a lower-case word inside a name is a joiner:
"of", "and", "de"; Indonesian names hold lower-case words, "Kementerian luar negeri").
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.edges import _JOINERS
from kg.extract.lexicon import Lexicon
from kg.extract.text import Sentence


def lowercase_cuts(s: Sentence, runs: Sequence[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """``runs`` (first token, one past the last, type) with each run of a sentence-case sentence cut at its
    runs of two or more lower-case words other than joiners ("of", "and") and ``name_ampersands``; a language without
    ``tagger_runs_cut_at_lowercase`` keeps its runs.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "They bought Denver parts distributor K and W Electric Supply Co."
    >>> s = split_sentences(text, [(0, len(text))], load_lexicon("en"))[0]
    >>> lowercase_cuts(s, [(2, 11, "Organization")], load_lexicon("en"))
    [(2, 3, 'Organization'), (5, 11, 'Organization')]
    >>> lowercase_cuts(s, [(2, 11, "Organization")], load_lexicon("id"))
    [(2, 11, 'Organization')]
    """
    if not lex.settings.get("tagger_runs_cut_at_lowercase", False) or s.title_case or s.caseless:
        return list(runs)
    toks = s.tokens
    amps = lex.optional_words("name_ampersands")
    out: list[tuple[int, int, str]] = []
    for i, j, etype in runs:
        low = [toks[k].text[:1].isalpha() and toks[k].text.islower() and toks[k].low not in _JOINERS
               and toks[k].low not in amps for k in range(i, j)]
        # two lower-case words in a row: a noun phrase between two names ("parts distributor"); one alone is
        # often a foreign name's connector or a word of the name ("Regie Nationale des Usines Renault")
        cuts = [k for k in range(i + 1, j - 1) if low[k - i] and (low[k - i - 1] or low[k - i + 1])]
        if not cuts:
            out.append((i, j, etype))
            continue
        for a, b in zip([i, *(c + 1 for c in cuts)], [*cuts, j], strict=True):
            # a piece starts and ends with a capitalised word ("for Suffolk county" -> "Suffolk"; "and": none)
            while a < b and not toks[a].is_cap:
                a += 1
            while b > a and not toks[b - 1].is_cap:
                b -= 1
            if b > a:
                out.append((a, b, etype))
    return out
