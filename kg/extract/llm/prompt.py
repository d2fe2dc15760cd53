"""What the LLM engine asks: the JSON Schema of an answer, the instructions, and the chunks of an article.

The schema is generated from :mod:`kg.schema` (entity types, relation types with
their argument types, statuses), so it changes when the schema does; its
:func:`schema_version` is a digest of it. The instructions are data, one file per
language under ``ontology/llm/`` (``prompt.<code>.txt``, English where a language
has none), with a ``# version:`` line in their header; :func:`prompt_version` is that
version and a digest of the files, so an edited prompt is never answered from the cache.

>>> s = answer_schema()
>>> sorted(s["properties"]), s["properties"]["relations"]["items"]["properties"]["status"]["enum"][0]
(['entities', 'relations'], 'asserted')
>>> "works_for: Person -> Company|Organization" in instructions("en")
True
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from kg.extract.text import Sentence
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES

__all__ = ["Chunk", "answer_schema", "chunks", "instructions", "messages", "prompt_version", "schema_version"]

#: Bounds that keep a small model from writing forever (a cut reply keeps its complete items).
MAX_ENTITIES = 40
MAX_RELATIONS = 30
MAX_NAME = 150
MAX_QUOTE = 600
#: Text between two sentences longer than this lies outside the article's regions.
MAX_GAP = 80


def _types(names: frozenset[str]) -> str:
    return "|".join(t for t in ENTITY_TYPES if t in names)


@functools.cache
def _schema() -> str:
    name = {"type": "string", "maxLength": MAX_NAME}
    nullable = {"type": ["string", "null"], "maxLength": MAX_NAME}
    arguments = "; ".join(
        f"{r.name}: {_types(r.subject_types)} -> {_types(r.object_types)}" for r in RELATION_TYPES.values()
    )
    entity = {
        "type": "object",
        "properties": {"name": name, "type": {"type": "string", "enum": list(ENTITY_TYPES)}},
        "required": ["name", "type"],
        "additionalProperties": False,
    }
    relation = {
        "type": "object",
        "description": f"subject and object types by relation type: {arguments}",
        "properties": {
            "type": {"type": "string", "enum": list(RELATION_TYPES)},
            "subject": name,
            "object": name,
            "status": {"type": "string", "enum": list(STATUSES)},
            "attributed_to": nullable,
            "sector": nullable,
            "evidence": {"type": "string", "maxLength": MAX_QUOTE},
        },
        "required": ["type", "subject", "object", "status", "attributed_to", "sector", "evidence"],
        "additionalProperties": False,
    }
    schema = {
        "type": "object",
        "properties": {
            "entities": {"type": "array", "items": entity, "maxItems": MAX_ENTITIES},
            "relations": {"type": "array", "items": relation, "maxItems": MAX_RELATIONS},
        },
        "required": ["entities", "relations"],
        "additionalProperties": False,
    }
    return json.dumps(schema, sort_keys=True, separators=(",", ":"))


def answer_schema() -> dict[str, Any]:
    """The JSON Schema every answer must follow (a fresh copy)."""
    out: dict[str, Any] = json.loads(_schema())
    return out


def schema_version() -> str:
    """A digest of :func:`answer_schema`: it changes whenever kg's schema does.

    >>> len(schema_version())
    12
    """
    return hashlib.sha256(_schema().encode()).hexdigest()[:12]


@functools.cache
def _prompt_file(language: str) -> tuple[str, str]:
    """(version, body) of a language's prompt file, the English one where the language has none."""
    from kg.errors import DataError
    from kg.resources import ontology_dir

    folder = ontology_dir() / "llm"
    path = folder / f"prompt.{language}.txt"
    if not path.is_file():
        path = folder / "prompt.en.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    version = next((ln.split(":", 1)[1].strip() for ln in header if ln.lower().startswith("# version:")), None)
    if version is None:
        raise DataError(f"{path}: no '# version:' line in its header")
    return version, "\n".join(ln for ln in lines if not ln.startswith("#")).strip() + "\n"


@functools.cache
def prompt_version() -> str:
    """The prompts' declared version and a digest of every prompt file, e.g. ``'1-3f2a9c0d11b4'``."""
    from kg.resources import ontology_dir

    h = hashlib.sha256()
    versions = set()
    for path in sorted((ontology_dir() / "llm").glob("prompt.*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
        versions.add(_prompt_file(path.name.split(".")[1])[0])
    return f"{'+'.join(sorted(versions))}-{h.hexdigest()[:12]}"


def instructions(language: str) -> str:
    """The system prompt for an article in ``language``: its prompt file with kg's relation types filled in."""
    lines = "\n".join(
        f"- {r.name}: {_types(r.subject_types)} -> {_types(r.object_types)}" for r in RELATION_TYPES.values()
    )
    return _prompt_file(language)[1].replace("{relations}", lines)


def messages(language: str, text: str, *, schema_in_prompt: bool) -> list[dict[str, str]]:
    """The chat messages for one chunk; the schema joins the instructions for servers that cannot take it."""
    system = instructions(language)
    if schema_in_prompt:
        system += "\nThe JSON Schema of the answer:\n" + _schema() + "\n"
    return [{"role": "system", "content": system}, {"role": "user", "content": text}]


class Chunk:
    """Consecutive sentences of one article sent in one request: their text and where they lie."""

    __slots__ = ("sentences", "text")

    def __init__(self, article_text: str, sentences: Sequence[Sentence]) -> None:
        self.sentences = tuple(sentences)
        # The article's own text between its sentences (spaces, line breaks), so quotes match it; a long
        # gap is what lies outside the article's regions (menus, "Baca Juga" links): a paragraph break.
        parts: list[str] = []
        for k, s in enumerate(self.sentences):
            if k:
                gap = article_text[self.sentences[k - 1].end : s.start]
                parts.append(gap if len(gap) <= MAX_GAP else "\n\n")
            parts.append(article_text[s.start : s.end])
        self.text = "".join(parts)


def chunks(article_text: str, sentences: Sequence[Sentence], limit: int, overlap: int = 1) -> list[Chunk]:
    """Sentence-aligned chunks of at most ``limit`` characters (a longer sentence is a chunk of its own),
    each after the first repeating the last ``overlap`` sentences of the one before.

    >>> from kg.extract.text import Sentence
    >>> ss = [Sentence(i, 10 * i, 10 * i + 9, "x" * 9, ()) for i in range(5)]
    >>> [[s.index for s in c.sentences] for c in chunks("x" * 50, ss, 30)]
    [[0, 1, 2], [2, 3, 4]]
    """
    out: list[Chunk] = []
    begin = 0
    while begin < len(sentences):
        end = begin + 1
        while end < len(sentences) and sentences[end].end - sentences[begin].start <= limit:
            end += 1
        out.append(Chunk(article_text, sentences[begin:end]))
        if end >= len(sentences):
            break
        begin = max(begin + 1, end - overlap)
    return out
