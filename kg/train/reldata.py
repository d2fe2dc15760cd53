"""The training and measuring data of kg's relation classifier (``kg train``,
``scripts/train_relations.py``): documents with token-span mentions and gold relations,
and every candidate pair of mentions labelled from the gold.

Sources: CoNLL04 (``eval/conll04`` of the training data folder: ``based_in`` and
``works_for`` only), the English relation sets (``train/relations-en``: KnowledgeNet,
Re-DocRED; one document per sentence), kg's hand annotations and the annotations given to
``kg train`` (:func:`annotation_docs`: every relation type, with its status).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract import relmodel
from kg.extract.text import Token, tokenize
from kg.schema import RELATION_TYPES
from kg.train.relfolds import unit_key

CONLL_TYPES = frozenset({"based_in", "works_for"})
EXTRA_TYPES = frozenset({"works_for", "subsidiary_of", "based_in", "launch"})
EXTRA_FILES = ("relations-en/knowledgenet.gold.jsonl", "relations-en/redocred.gold.jsonl")
# What each training set may be used under (named in the model file).
LICENCES = {
    "conll04/train.gold.jsonl": "CoNLL04 (Roth & Yih 2004): no explicit licence, research use",
    "annotations (train split)": "kg's own annotations (MIT) of Reuters-21578 (research use) and CNBC Indonesia "
                                 "headlines (offsets only; text read from ../shared/corpus)",
    "relations-en/knowledgenet.gold.jsonl": "KnowledgeNet (diffbot/knowledge-net): CC BY-SA 4.0",
    "relations-en/redocred.gold.jsonl": "Re-DocRED (tonytan48/Re-DocRED): MIT; texts English Wikipedia, CC BY-SA",
}
@dataclass(frozen=True)
class Mention:
    label: str
    i: int
    j: int
    type: str


@dataclass
class Doc:
    id: str
    language: str
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)  # subject, type, object, status
    only: frozenset[str] | None = None  # relation types annotated (None: all); others are not scored
    source: str = "annotations"  # the data set: cross-validation scores each one that is held out once


@dataclass(frozen=True)
class Pair:
    doc: int
    a: Mention
    b: Mention
    label: str  # relation type or "none"
    status: str | None
    train: bool  # False: a further mention pair of a related entity pair (not a clean negative)


def token_span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """Tokens overlapping the characters ``[start, end)``."""
    idx = [k for k, t in enumerate(tokens) if t.end > start and t.start < end]
    return (idx[0], idx[-1] + 1) if idx else None


def read_gold(path: Path, only: frozenset[str] = CONLL_TYPES, source: str = "conll04") -> list[Doc]:
    """A gold JSONL file in the shared eval format (CoNLL04: only its two relation types)."""
    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        raw = json.loads(line)
        tokens = tokenize(raw["text"])
        ments = []
        for e in raw["entities"]:
            if e["type"] in relmodel.ENTITY_TYPES:  # not CoNLL04 "Other"
                for m in e.get("mentions", []):
                    span = token_span(tokens, m["start"], m["end"])
                    if span:
                        ments.append(Mention(e["label"], span[0], span[1], e["type"]))
        rels = [(r["subject"], r["type"], r["object"], r["status"]) for r in raw["relations"]]
        docs.append(Doc(raw["doc_id"], raw["language"], raw["text"], tokens, ments, rels, only, source))
    return docs


def read_sentences(path: Path, only: frozenset[str] = EXTRA_TYPES, source: str = "relations-en") -> list[Doc]:
    """A gold JSONL file of passages or documents as one Doc per kg sentence.

    The classifier reads one sentence at a time, so a document-level relation
    (Re-DocRED) trains on the sentences where both parties are named; a sentence
    keeps the document's id before ``#`` so that cross-validation folds whole documents.
    """
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences

    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        raw = json.loads(line)
        text = raw["text"]
        lex = load_lexicon(raw["language"])
        spans = [(e["label"], e["type"], m["start"], m["end"]) for e in raw["entities"]
                 if e["type"] in relmodel.ENTITY_TYPES for m in e.get("mentions", [])]
        for s in split_sentences(text, [(0, len(text))], lex):
            ments = []
            for label, etype, a, b in spans:
                if s.start <= a and b <= s.end and (span := token_span(s.tokens, a, b)):
                    ments.append(Mention(label, span[0], span[1], etype))
            if len({m.label for m in ments}) < 2:
                continue  # no pair to learn from
            named = {m.label for m in ments}
            rels = [(r["subject"], r["type"], r["object"], r["status"]) for r in raw["relations"]
                    if r["subject"] in named and r["object"] in named]
            docs.append(Doc(f"{raw['doc_id']}#{s.index}", raw["language"], s.text, list(s.tokens), ments, rels,
                            only, source))
    return docs


def annotation_docs(examples: Iterable[Any], source: str = "annotations") -> list[Doc]:
    """Annotated examples (``kg.annotations.Example``) as documents; a mention's label is its index in the unit."""
    docs = []
    for ex in examples:
        tokens = tokenize(ex.text)
        ments = []
        for k, (s, e, t, _) in enumerate(ex.entities):
            span = token_span(tokens, s, e)
            if span:
                ments.append(Mention(str(k), span[0], span[1], t))
        rels = [(str(r.subject), r.type, str(r.object), r.status) for r in ex.unit.relations]
        docs.append(Doc(unit_key(ex.unit.doc_id, ex.unit.start), ex.unit.language, ex.text, tokens, ments, rels,
                        source=source))
    return docs


def pairs_of(docs: Sequence[Doc]) -> list[Pair]:
    """Every ordered mention pair some relation type allows, labelled from the gold.

    Pairs of a set that annotates only some types (CoNLL04) are negatives for the
    others too: its Organization pairs in general news are realistic "no link"
    examples (cross-validation scored this the same as leaving them out). A pair of
    entities related several times over (repeated names) trains on its closest
    mention pair only; the others are neither positive nor negative. Symmetric
    relations label both orders.
    """
    out = []
    for d_i, d in enumerate(docs):
        gold: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for s, t, o, st in d.relations:
            gold[s, o].append((t, st))
            if RELATION_TYPES[t].symmetric:
                gold[o, s].append((t, st))
        cands: list[tuple[Mention, Mention]] = []
        closest: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
        for a in d.mentions:
            for b in d.mentions:
                fits = relmodel.allowed(a.type, b.type)
                if a.label == b.label or (a.i < b.j and b.i < a.j) or not fits:
                    continue
                cands.append((a, b))
                gap = max(b.i - a.j, a.i - b.j)
                key = (a.label, b.label)
                if key in gold and (key not in closest or gap < closest[key][0]):
                    closest[key] = (gap, a, b)
        for a, b in cands:
            key = (a.label, b.label)
            if key not in gold:
                out.append(Pair(d_i, a, b, "none", None, True))
            for t, st in dict.fromkeys(gold.get(key, [])):
                out.append(Pair(d_i, a, b, t, st, closest[key][1:] == (a, b)))
    return out


def annotation_gold(docs: list[Doc]) -> list[Any]:
    """Annotated units as kg gold documents: an entity's label is its mention text."""
    from kg.evaluate import parse_doc

    out = []
    for d in docs:
        names = {m.label: " ".join(d.text[d.tokens[m.i].start : d.tokens[m.j - 1].end].split()) for m in d.mentions}
        ents: dict[str, dict[str, Any]] = {}
        for m in d.mentions:
            ents.setdefault(names[m.label], {"label": names[m.label], "type": m.type, "mentions": []})
        rels = [{"subject": names[s], "type": t, "object": names[o], "status": st}
                for s, t, o, st in d.relations if s in names and o in names and names[s] != names[o]]
        out.append(parse_doc({"doc_id": d.id, "language": d.language, "text": d.text, "entities": list(ents.values()),
                              "relations": rels}))
    return out
