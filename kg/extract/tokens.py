"""A token: a word or punctuation mark with its character offsets into the article text.

Its own module so that :mod:`kg.extract.lexicon` (which matches cues over tokens) and
:mod:`kg.extract.text` (which tokenizes with a lexicon's abbreviations) need not import each other.

>>> t = Token(0, 6, "Xiaomi")
>>> (t.low, t.is_word, t.is_cap, t.is_upper)
('xiaomi', True, True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    # Lowercased once: every lexicon and gazetteer lookup uses it.
    low: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.low:
            object.__setattr__(self, "low", self.text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts with an uppercase letter (``Xiaomi``, ``EV``, ``iPhone`` is not)."""
        return self.text[0].isupper()

    @property
    def is_upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()
