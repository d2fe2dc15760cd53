"""The cue phrases the relation classifier's features read (:mod:`kg.extract.relmodel`, which
re-exports :class:`Cues`): a snapshot of a language's lexicon stored in the model file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["Cues"]


class Cues:
    """The cue phrases of one language, matched on words and their affix-stripped forms.

    A snapshot of the rule engine's lexicon (``ontology/lang/<code>/relations``
    and ``status``, and the language's affix rules) taken when the model was
    trained, so that a lexicon edit cannot shift a shipped model's features.

    >>> c = Cues([[["akuisisi"], "acquisition", False], [["ambil", "alih"], "acquisition", False]],
    ...          prefixes=[["meng", ""]], suffixes=[])
    >>> c.hits(["resmi", "mengakuisisi", "x"]), c.hits(["ambil", "alih"]), c.hits(["alih"])
    (['acquisition'], ['acquisition'], [])
    """

    def __init__(self, entries: Sequence[Sequence[Any]], *, prefixes: Sequence[Sequence[str]],
                 suffixes: Sequence[Sequence[str]]) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for words, cls, exact in entries:
            self.index.setdefault(words[0], []).append((tuple(words[1:]), str(cls), bool(exact)))
        self.prefixes = tuple((str(a), str(r)) for a, r in prefixes)
        self.suffixes = tuple((str(a), str(r)) for a, r in suffixes)
        self._forms: dict[str, tuple[str, ...]] = {}
        self._starting: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}

    def forms(self, low: str) -> tuple[str, ...]:
        """``low`` and what stripping one prefix and up to two suffixes leaves (as the rule engine does)."""
        got = self._forms.get(low)
        if got is not None:
            return got
        bases = {low} | {r + low[len(a) :] for a, r in self.prefixes if low.startswith(a) and len(low) - len(a) >= 3}
        forms, frontier = set(bases), set(bases)
        for _ in range(2):
            frontier = {b[: len(b) - len(a)] + r for b in frontier for a, r in self.suffixes
                        if b.endswith(a) and len(b) - len(a) >= 3}
            forms |= frontier
        out = (low, *sorted(forms - {low}))
        if len(self._forms) > 200_000:  # bounded memory in long runs
            self._forms.clear()
        self._forms[low] = out
        return out

    def hits(self, words: Sequence[str]) -> list[str]:
        """The cue classes (relation types, statuses, ``negation``) whose phrases occur in ``words``."""
        out: set[str] = set()
        starting = self._starting.get
        for k, w in enumerate(words):
            got = starting(w)
            for rest, cls in self._cues_at(w) if got is None else got:
                if not rest or tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
                    out.add(cls)
        return sorted(out)

    def _cues_at(self, w: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The (rest of the phrase, class) of the cues the word ``w`` can start (cached: words repeat)."""
        got = self._starting.get(w)
        if got is None:
            got = tuple((rest, cls) for form in self.forms(w) for rest, cls, exact in self.index.get(form, ())
                        if not exact or form == w)
            if len(self._starting) > 200_000:  # bounded memory in long runs
                self._starting.clear()
            self._starting[w] = got
        return got
