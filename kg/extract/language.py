"""Language identification over the languages kg has lexicons for.

lingua restricted to those languages (plus Malay, which is close to Indonesian
and would otherwise be forced into it) with a minimum relative distance, so that
"OK" is not called Indonesian (STACK.md).
"""

from __future__ import annotations

import functools
from typing import Any

from kg.resources import languages


@functools.cache
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages()]
    if Language.MALAY not in langs:
        langs.append(Language.MALAY)
    return LanguageDetectorBuilder.from_languages(*langs).with_minimum_relative_distance(0.1).build()


def detect(text: str, *, default: str = "en") -> str:
    """The code of the language of ``text`` among kg's languages (``default`` if unsure).

    >>> detect("Xiaomi secara resmi membantah rumor kemitraan dengan Ford.")
    'id'
    >>> detect("Xiaomi denied reports of a partnership with Ford.")
    'en'
    """
    sample = text[:2000]
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return default
    code = lang.iso_code_639_1.name.lower()
    if code == "ms" and "id" in languages():
        return "id"
    return code if code in languages() else default
