"""Where kg's data lives: the ontology and per-language lexicons.

``ontology/`` at the top of the repository is the single source. A wheel ships
it as ``kg/ontology`` (see ``pyproject.toml``); a source checkout reads it in
place. Language folders are found by their code, so adding a language means
adding a folder, not code.

>>> "id" in languages() and "en" in languages()
True
>>> (ontology_dir() / "kg.ttl").is_file()
True
"""

from __future__ import annotations

import functools
from pathlib import Path

from kg.errors import ChoiceError


@functools.cache
def ontology_dir() -> Path:
    """The folder holding ``kg.ttl``, ``shapes.ttl`` and ``lang/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError(
        f"kg's ontology folder is missing (looked in {here / 'ontology'} and {here.parent / 'ontology'})"
    )


def ontology_file(name: str) -> Path:
    """A file directly under ``ontology/`` (``kg.ttl``, ``shapes.ttl``, ...)."""
    return ontology_dir() / name


@functools.cache
def languages() -> tuple[str, ...]:
    """Codes of the languages that have a lexicon folder, sorted."""
    lang = ontology_dir() / "lang"
    return tuple(sorted(p.name for p in lang.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))))


def language_dir(code: str) -> Path:
    """The lexicon folder of one language.

    >>> language_dir("xx")
    Traceback (most recent call last):
    ...
    kg.errors.ChoiceError: unknown language 'xx' (allowed: en, id)
    """
    if code not in languages():
        raise ChoiceError("language", code, languages())
    return ontology_dir() / "lang" / code


def read_lines(path: Path) -> list[str]:
    """The entries of a lexicon file: one per line; lines starting with ``#`` are comments.

    The header comment names the source of the entries; blank lines are skipped.
    A ``#`` inside an entry is kept (a boilerplate pattern or a name may contain one).
    """
    out = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@functools.cache
def word_set(language: str, name: str) -> frozenset[str]:
    """A one-column lexicon file of a language (one word or phrase per line), lowercased.

    ``name`` is relative to the language folder (``status/negation.txt``); a language
    without the file has none.

    >>> "not" in word_set("en", "status/negation.txt"), word_set("en", "no-such-file.txt")
    (True, frozenset())
    """
    path = language_dir(language) / name
    return frozenset(w.lower() for w in read_lines(path)) if path.is_file() else frozenset()


@functools.cache
def phrase_classes(language: str, name: str) -> dict[tuple[str, ...], str]:
    """A two-column lexicon file of a language (``phrase<TAB>class``), lowercased phrase -> class.

    ``name`` is relative to the language folder (``relations/sale.txt``); a language
    without the file has none.

    >>> phrase_classes("en", "relations/no-such-file.txt")
    {}
    """
    path = language_dir(language) / name
    if not path.is_file():
        return {}
    out: dict[tuple[str, ...], str] = {}
    for line in read_lines(path):
        words, _, cls = line.partition("\t")
        out[tuple(words.lower().split())] = cls.strip()
    return out
