"""The training and measuring data of kg's named-entity taggers (``kg train``, ``scripts/train_ner.py``).

Every source is read at run time from the training data folder (``../shared`` beside a
repository checkout) and kg's hand annotations (``annotations/``, given as ``ann``: the
module ``scripts/annotations.py`` of a checkout; none in an installed kg), converted to
:class:`Doc` sentences with character spans on kg token boundaries, typed with the
taggers' labels:

- kg's own annotations, the TRAIN split only, and those given to ``kg train``: Company and
  Organization -> Organization, Country and Place -> Place, Person, Product; Sector is
  not a name and is left out;
- idner-news-2k train, CoNLL04 train (its ``Other`` is dropped), IndoLEM NER-UI, NERGRIT
  and NERP (``../shared/train/ner-id``): exhaustive name annotation, taken as they are;
- KnowledgeNet and Re-DocRED (``../shared/train/relations-en``): their names are marked
  only where they are arguments of facts, so a sentence is kept only when every
  capitalised word in it is inside a mark or is a word the English training text also
  has in lower case; otherwise the tagger would learn that unmarked names are not names.

A sentence of a training set that kg's annotations also cover (any split) is left out:
kg's own labels replace it, and its test units never leak into training.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract.bio import align
from kg.extract.casing import recase
from kg.extract.text import Token, tokenize

LABELS = {"Company": "Organization", "Organization": "Organization", "Person": "Person",
          "Country": "Place", "Place": "Place", "Product": "Product"}
Span = tuple[int, int, str]  # character offsets and type

# (file under the shared folder, complete annotation?, source and licence as the model header names it)
SOURCES: dict[str, list[tuple[str, bool, str]]] = {
    "id": [
        ("eval/idner/train.gold.jsonl", True,
         "idner-news-2k train (github.com/khairunnisaor/idner-news-2k@625ff40f85b0, MIT)"),
        ("train/ner-id/ner-ui.gold.jsonl", True, "IndoLEM NER-UI (github.com/indolem/indolem@777fdc680cfa, CC BY 4.0)"),
        ("train/ner-id/nergrit.gold.jsonl", True,
         "NERGRIT (grit-id/nergrit-corpus via github.com/IndoNLP/indonlu@ce728f6926a3; free use crediting "
         "its contributors)"),
        ("train/ner-id/nerp.gold.jsonl", True, "NERP (via github.com/IndoNLP/indonlu@ce728f6926a3, CC BY-SA 4.0)"),
    ],
    "en": [
        ("eval/conll04/train.gold.jsonl", True,
         "CoNLL04 train (Roth & Yih 2004, via github.com/YoumiMa/TablERT-CNN@055333c2b0df; research data)"),
        ("train/relations-en/knowledgenet.gold.jsonl", False,
         "KnowledgeNet (github.com/diffbot/knowledge-net@abc4ed3ebb88, CC BY-SA 4.0)"),
        ("train/relations-en/redocred.gold.jsonl", False,
         "Re-DocRED dev+test (github.com/tonytan48/Re-DocRED@ccfb54f5ddf5, MIT; English Wikipedia text, CC BY-SA)"),
    ],
}
ANNOTATIONS = "kg's own annotations, train split (annotations/, offsets and labels by the kg team, MIT; texts: " \
              "CNBC Indonesia headlines, MIT; Reuters-21578, research use; ../shared/train, as below)"
DEV = {"id": "eval/idner/dev.gold.jsonl", "en": "eval/conll04/dev.gold.jsonl"}
_SENT_END = re.compile(r"(?<= [.!?]) (?=\S)")


@dataclass(frozen=True)
class Doc:
    id: str
    language: str
    text: str
    tokens: list[Token]
    gold: list[Span]  # character spans on token boundaries, typed with LABELS' values
    source: str = ""


def make_doc(doc_id: str, language: str, text: str, mentions: Iterable[Span], source: str,
             stats: Counter[str] | None = None) -> Doc:
    """A sentence with its mentions aligned to kg tokens (types mapped, unknown types dropped)."""
    toks = tokenize(text)
    ments = [(a, b, LABELS[t]) for a, b, t in mentions if t in LABELS]
    spans, snapped, dropped = align(toks, ments)
    if stats is not None:
        stats["mentions"] += len(ments)
        stats["snapped"] += snapped
        stats["dropped"] += dropped
    return Doc(doc_id, language, text, toks, [(toks[i].start, toks[j - 1].end, t) for i, j, t in spans], source)


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def read_gold(path: Path, source: str = "", stats: Counter[str] | None = None) -> list[Doc]:
    """One gold JSONL file (../shared/eval format), a document per record."""
    out = []
    for d in records(path):
        ments = [(m["start"], m["end"], e["type"]) for e in d["entities"] for m in e["mentions"]]
        out.append(make_doc(d["doc_id"], d["language"], d["text"], ments, source, stats))
    return out


def sentences(doc: Doc) -> list[Doc]:
    """A pre-tokenised document cut into sentences (at `` . ``, `` ! ``, `` ? ``), mentions kept
    when they fall inside one."""
    out = []
    start = 0
    cuts = [m.start() for m in _SENT_END.finditer(doc.text)] + [len(doc.text)]
    for k, end in enumerate(cuts):
        text = doc.text[start:end].rstrip()
        ments = [(a - start, b - start, t) for a, b, t in doc.gold if a >= start and b <= start + len(text)]
        if text:
            toks = tokenize(text)
            out.append(Doc(f"{doc.id}#{k}", doc.language, text, toks, ments, doc.source))
        start = end + 1
    return out


def covered(doc: Doc, lower: set[str]) -> bool:
    """Every capitalised word is inside a mention or is a word also seen in lower case."""
    inside = [any(a <= t.start and t.end <= b for a, b, _ in doc.gold) for t in doc.tokens]
    for t, ok in zip(doc.tokens, inside, strict=True):
        w = t.text
        if not ok and w[:1].isupper() and len(w) > 1 and w.lower() not in lower:
            return False
    return True


def example_docs(examples: Iterable[Any], language: str, source: str = "annotations") -> list[Doc]:
    """Annotated examples (``kg.annotations.Example``: ``unit``, ``text``, ``entities``) of one
    language, as sentences."""
    return [make_doc(f"{ex.unit.doc_id}:{ex.unit.start}", language, ex.text,
                     [(a, b, t) for a, b, t, _ in ex.entities], source)
            for ex in examples if ex.unit.language == language]


def example_units(examples: Iterable[Any], language: str) -> list[tuple[str, list[Span]]]:
    """Annotated examples of one language as ``(text, [(start, end, kg's own type)])`` (Company, Country ... kept)."""
    return [(ex.text, [(a, b, t) for a, b, t, _ in ex.entities]) for ex in examples if ex.unit.language == language]


def annotated(ann: Any, language: str, split: str, shared: Path) -> list[Doc]:
    """kg's annotated units of one language and split, as sentences (``ann``: ``scripts/annotations.py``)."""
    return example_docs(ann.examples(split, shared=shared), language)


def annotated_units(ann: Any, language: str, split: str, shared: Path) -> list[tuple[str, list[Span]]]:
    """kg's annotated units as ``(text, [(start, end, kg's own type)])`` (Company, Country ... kept)."""
    return example_units(ann.examples(split, shared=shared), language)


def training_docs(language: str, shared: Path, stats: Counter[str], ann: Any = None, *,
                  missing_ok: bool = False) -> tuple[list[Doc], list[str]]:
    """All training sentences of ``language`` in the data folder ``shared`` and the sources they came
    from (for the model header); with kg's hand annotations when ``ann`` (``scripts/annotations.py``)
    is given. With ``missing_ok`` a set the folder lacks is left out (and named so); else it is an error."""
    if ann is not None:
        skip = {u.doc_id for u in ann.read_units()}  # document ids kg's annotations cover, in any split
        _, held_keys = ann.held_out(shared=shared)  # a test-side text never trains, under any id
        docs = annotated(ann, language, "train", shared)
        used = [f"{ANNOTATIONS}: {len(docs)} units"]
    else:
        skip, held_keys, docs, used = set(), set(), [], []
    stats["annotations"] = len(docs)
    partial: list[tuple[str, list[Doc]]] = []
    for rel, complete, source in SOURCES[language]:
        if missing_ok and not (shared / rel).is_file():
            used.append(f"{source}: absent from the data folder ({rel})")
            continue
        read = [d for d in read_gold(shared / rel, Path(rel).name, stats)
                if d.id not in skip and (ann is None or ann.held_out_key(d.text) not in held_keys)]
        if complete:
            docs += read
            used.append(f"{source}: {len(read)} sentences")
            stats[Path(rel).name] = len(read)
        else:
            partial.append((source, [s for d in read for s in sentences(d)]))
    if partial:
        lower = {t.text for d in docs for t in d.tokens if t.text.islower()}
        lower |= {t.text for _, ss in partial for d in ss for t in d.tokens if t.text.islower()}
        for source, ss in partial:
            kept = [d for d in ss if d.gold and covered(d, lower)]
            docs += kept
            used.append(f"{source}: {len(kept)} of {len(ss)} sentences (those whose capitalised words are "
                        "all marked)")
            stats[source.split(" ")[0]] = len(kept)
    return docs, used


def title_copies(docs: Sequence[Doc]) -> list[Doc]:
    """Title-cased copies of the sentences that carry capitals and are not headline-cased already
    (lowercased text, as much of NERP is, would teach that capitalised names are not names)."""
    from kg.extract.casing import casing_of

    out = []
    for d in docs:
        if not any(c.isupper() for c in d.text) or casing_of([t.text for t in d.tokens]) != "as written":
            continue
        text = recase(d.text, "title")
        out.append(Doc(d.id + "~title", d.language, text, tokenize(text), d.gold, d.source))
    return out


def recased(docs: Sequence[Doc], casing: str) -> list[Doc]:
    """The documents with their text in ``casing`` (offsets unchanged, so the gold stays)."""
    out = []
    for d in docs:
        text = recase(d.text, casing)
        out.append(Doc(d.id, d.language, text, tokenize(text), d.gold, d.source))
    return out
