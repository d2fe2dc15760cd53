"""The LLM engines: a language model's reading of an article, grounded in its text (docs/llm.md).

``--engine llm`` sends an article, in sentence-aligned chunks with overlap, to an
OpenAI-compatible chat-completions server (:mod:`kg.extract.llm.client`) with kg's
schema and instructions (:mod:`kg.extract.llm.prompt`); every name and quote of the
answers is found in the text (:mod:`kg.extract.llm.ground`) or dropped and counted;
relations outside the schema are dropped and counted. What remains becomes mentions
and sentence-level relations, which :func:`kg.extract.assemble.assemble` turns into the
same :class:`~kg.model.Extraction` as the other engines make.

``--engine llm+hybrid`` joins the model's reading to the hybrid engine's: a name the
rules found keeps the rules' span and type, a link both read keeps the rules' status
and evidence (the rules' negation and status cues are what kg measures; see
docs/llm.md), and the model adds the names and links the rules missed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from kg.errors import UsageError
from kg.extract.engine import Engine
from kg.extract.gazindex import GazIndex
from kg.extract.llm.ground import Finder, Hit
from kg.extract.mentions import Mention
from kg.extract.relations import Found
from kg.extract.text import Sentence
from kg.model import Article, Extraction
from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES, link_key

__all__ = ["RAW_CONFIDENCE", "extract_llm"]

#: The raw confidence of a relation the model read (calibrated like the rules' scores: kg.extract.confidence).
RAW_CONFIDENCE = 0.6

# What grounding counts when it drops something (the summary's words).
NOT_IN_TEXT = "names not in the text"
NO_QUOTE = "quotes not in the text"
OUTSIDE_SCHEMA = "relations outside the schema"
WRONG_TYPES = "relations breaking the argument types"
UNKNOWN_ARGUMENT = "relations with an ungrounded party"
MALFORMED = "malformed items"
NO_SPEAKER = "ungrounded attributions"


def extract_llm(article: Article, language: str, engine: Engine, *, hybrid: bool = False) -> Extraction:
    """One article read by the model of ``engine.llm`` (joined to the hybrid engine's reading with ``hybrid``)."""
    from kg.extract import read
    from kg.extract.assemble import assemble
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.llm import client
    from kg.extract.llm.prompt import chunks
    from kg.extract.text import split_sentences

    settings = engine.llm
    if settings is None:
        raise UsageError(f"--engine {engine.name} needs a server: --llm-url URL (or KG_LLM_URL)")
    sentences = split_sentences(article.text, article.segments(), load_lexicon(language))
    base: tuple[list[Mention], list[Found]] = (
        read(article, language, engine, rules=True, learned=True) if hybrid else ([], [])
    )
    reading = _Reading(article.text, sentences, gaz_index(language), base[0])
    for chunk in chunks(article.text, sentences, settings.chunk_chars):
        reading.add(client.ask(settings, language, chunk.text), chunk.sentences)
    client.STATS.drop(reading.drops)
    known = {link_key(f.type, f.subject.key, f.object.key) for f in base[1]}
    found = base[1] + [f for f in reading.found if link_key(f.type, f.subject.key, f.object.key) not in known]
    return assemble(article, language, reading.mentions(), found, models=engine.models)


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Reading:
    """The grounded mentions and relations of one article's answers, chunk by chunk."""

    def __init__(self, text: str, sentences: Sequence[Sentence], gaz: GazIndex, base: list[Mention]) -> None:
        self.finder = Finder(text, sentences)
        self.sentences = {s.index: s for s in sentences}
        self.gaz = gaz
        self.base = list(base)
        self.own: list[Mention] = []
        self.found: list[Found] = []
        self.drops: Counter[str] = Counter()

    def mentions(self) -> list[Mention]:
        return sorted(self.base + self.own, key=lambda m: (m.start, -m.end, m.key))

    def add(self, answer: dict[str, Any], read: Sequence[Sentence]) -> None:
        """Ground one chunk's answer: its entities (by name, in every sentence), then its relations."""
        entities: dict[str, list[Mention]] = {}
        for item in _items(answer, "entities"):
            name, etype = item.get("name"), item.get("type")
            if not isinstance(name, str) or etype not in ENTITY_TYPES:
                self.drops[MALFORMED] += 1
                continue
            if _norm(name) in entities:
                continue
            found = self._mentions(self.finder.name(name, read), str(etype))
            if found:
                entities[_norm(name)] = found
            else:
                self.drops[NOT_IN_TEXT] += 1
        for item in _items(answer, "relations"):
            self._relation(item, entities, read)

    def _mentions(self, hits: list[Hit], etype: str) -> list[Mention]:
        """The mentions of these places: a place overlapping a known mention is that mention (the rules'
        in llm+hybrid, or the first the model named)."""
        out: list[Mention] = []
        for sent, a, b, _ in hits:
            same = next((m for m in self.base + self.own if m.start < b and a < m.end), None)
            if same is None:
                same = _mention(self.sentences[sent], a, b, etype, self.gaz)
                if same is None:
                    continue
                self.own.append(same)
            if same not in out:
                out.append(same)
        return out

    def _relation(self, item: dict[str, Any], entities: dict[str, list[Mention]], read: Sequence[Sentence]) -> None:
        rtype, status = item.get("type"), item.get("status")
        names = [item.get(k) for k in ("subject", "object")]
        if not all(isinstance(n, str) for n in names):
            self.drops[MALFORMED] += 1
            return
        if rtype not in RELATION_TYPES or status not in STATUSES:
            self.drops[OUTSIDE_SCHEMA] += 1
            return
        subjects, objects = (entities.get(_norm(str(n))) for n in names)
        if subjects is None or objects is None:
            self.drops[UNKNOWN_ARGUMENT] += 1
            return
        spec = RELATION_TYPES[str(rtype)]
        if subjects[0].type not in spec.subject_types or objects[0].type not in spec.object_types:
            self.drops[WRONG_TYPES] += 1
            return
        quote = item.get("evidence")
        where, _ = self.finder.quote(quote, read) if isinstance(quote, str) else ([], "")
        if not where:
            self.drops[NO_QUOTE] += 1
            return
        speaker = self._party(item.get("attributed_to"), entities)
        sector = self._party(item.get("sector"), entities, read, "Sector")
        for s in where:
            self.found.append(Found(
                str(rtype), _in(subjects, s), _in(objects, s), str(status), s,
                _in(speaker, s) if speaker else None, _in(sector, s) if sector else None, RAW_CONFIDENCE,
            ))

    def _party(self, name: object, entities: dict[str, list[Mention]], read: Sequence[Sentence] = (),
               etype: str | None = None) -> list[Mention] | None:
        """The mentions of a speaker or sector; a sector the entities did not list is looked for in the text."""
        if not isinstance(name, str) or not name.strip():
            return None
        ms = entities.get(_norm(name))
        if ms is None and etype is not None:
            ms = self._mentions(self.finder.name(name, read), etype) or None
            if ms is not None:
                entities[_norm(name)] = ms
        if ms is None:
            self.drops[NO_SPEAKER if etype is None else NOT_IN_TEXT] += 1
        return ms


def _items(answer: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = answer.get(name)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _in(ms: list[Mention], s: Sentence) -> Mention:
    """The mention of this sentence, or the first one (the quote names the party by a pronoun)."""
    return next((m for m in ms if m.sent == s.index), ms[0])


def _mention(s: Sentence, start: int, end: int, etype: str, gaz: GazIndex) -> Mention | None:
    """A mention over the tokens of ``s`` covering ``start:end``: the gazetteer's entry where it knows the name."""
    from dataclasses import replace

    from kg.extract.mentions import _name_mention

    toks = s.tokens
    i = next((k for k, t in enumerate(toks) if t.end > start), len(toks))
    j = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].start < end), -1) + 1
    if i >= j:
        return None
    m = _name_mention(s, i, j, etype, gaz, source="llm")
    # a name the gazetteer knows (and took, its type fitting) is as good as the rules' (kg.extract.confidence)
    known = gaz.lookup_name(m.text)
    return replace(m, source="gazetteer") if known is not None and known.id == m.key else m
