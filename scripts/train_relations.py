"""Train kg's relation classifier and measure it on held-out data.

Data (train parts only are learnt from; dev/test parts only give the figures):

* CoNLL04 (``--data``, default ``../shared/eval``: ``conll04/{train,dev}.gold.jsonl``):
  ``based_in`` and ``works_for``; only the pairs those two types could join are used.
* kg's own stand-off annotations of CNBC Indonesia headlines and Reuters sentences
  (``annotations/`` read through ``scripts/annotations.py``, train/test split by
  document hash), when present: every relation type.
  Whatever ``annotations/`` holds at run time is used.
* English relation sets (``--train-data``, default ``../shared/train``:
  ``relations-en/{knowledgenet,redocred}.gold.jsonl``): ``works_for``,
  ``subsidiary_of``, ``based_in`` and ``launch``, one example per sentence.

A multinomial logistic regression (scikit-learn, lbfgs, one BLAS thread: the same
data give the same bytes) over :func:`kg.extract.relmodel.features`. The
regularisation and the decision threshold are chosen by 5-fold cross-validation
on train (folds by document hash). Cross-validation also decides, per language and
relation type, whether the classifier is trusted at all and from which probability:
each fold's model is run through kg's own pipeline (its own entities, the default
engine) on the held-out CoNLL04 and annotated units, and a type is kept with the
probability threshold of its best out-of-fold F1, where the links the classifier adds
to the rules' reach ``TRUST_PRECISION`` (stored in the model file as ``trusted``); the held-out counts
are averaged over ``--partitions`` partitions of the units into five folds (default ``TRUST_PARTITIONS``).
Writes ``ontology/models/relations.json``; with ``--save-folds DIR`` also the five fold models, to score the
train split out of fold (``scripts/eval_annotations.py --split train --fold-models DIR``, docs/train.md).

    python scripts/train_relations.py             # train, write, print figures
    python scripts/train_relations.py --no-write  # figures of a fresh model, nothing written
    python scripts/train_relations.py --kg        # also through kg.evaluate with kg's own entities
    python scripts/train_relations.py --conll-only
    python scripts/train_relations.py --no-write --save-folds /tmp/folds   # fold models for out-of-fold scoring

Figures: relation precision/recall/F1 by type with gold entity spans (every pair
of gold mentions is classified; matched by entity), and with ``--kg`` the
``kg.evaluate`` figures of rules, model and both with kg's own entities; model
size, load time and speed (CPU time, one core).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# One BLAS thread: on a shared 2-core machine threads made each fit 15 times slower, and
# single-threaded sums keep the weights (and so the model bytes) the same from run to run.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import pairscore, relmodel  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402

# The data, training and scoring live in the package (kg train uses them too); re-exported here.
from kg.train.logreg import MIN_COUNT, fit, probabilities, vectorize  # noqa: E402, F401
from kg.train.relations import (  # noqa: E402, F401
    CV_PARTITIONS,
    EXTRA_SOURCES,
    EXTRA_WEIGHTS,
    PIPELINE_THRESHOLDS,
    REL_C_GRID,
    SCORED_SOURCES,
    THRESHOLDS,
    TRUST_MIN_PREDICTIONS,
    TRUST_PARTITIONS,
    TRUST_PRECISION,
    TRUST_SOURCES,
    cv_relations,
    folds_of,
    pipeline_thresholds,
    sample_weight,
    train_model,
    trust_table,
)
from kg.train.reldata import (  # noqa: E402, F401
    CONLL_TYPES,
    EXTRA_FILES,
    EXTRA_TYPES,
    LICENCES,
    Doc,
    Mention,
    Pair,
    annotation_docs,
    annotation_gold,
    pairs_of,
    read_gold,
    read_sentences,
    token_span,
)
from kg.train.relfile import DIGITS, cue_table, model_json, untrained  # noqa: E402, F401
from kg.train.relfolds import MANIFEST, write_folds  # noqa: E402
from kg.train.relscore import decide, eval_relations, feature_lists, prf, show, triples  # noqa: E402, F401


def read_annotations(split: str) -> list[Doc]:
    """kg's annotated units of one split; a mention's label is its index in the unit."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import annotations

    return annotation_docs(annotations.examples(split))


def model_relations(x: Any, *, keep_rules: bool) -> Any:
    """``x`` (an Extraction) with the model's relations between pairs of its entities' mentions.

    Mentions are mapped to the tokens of kg's own sentences; a pair of entities
    takes the relation of its most probable mention pair, and its status as kg's
    engines read it (:func:`kg.extract.classified.pair_status`). With ``keep_rules`` the
    rule engine's relations stay and win when both give the same link.
    """
    from kg.extract.classified import pair_status
    from kg.extract.cueparties import find_cues
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences
    from kg.model import Evidence, Extraction, Relation
    from kg.schema import link_id, link_key

    art = x.article
    lang = art.language or "en"
    lex = load_lexicon(lang)
    sents = split_sentences(art.text, art.segments(), lex)
    spans: dict[int, list[tuple[int, int, Any]]] = defaultdict(list)
    for e in x.entities:
        for m in e.mentions:
            for s in sents:
                if s.start <= m.start and m.end <= s.end and (ts := token_span(s.tokens, m.start, m.end)):
                    spans[s.index].append((ts[0], ts[1], e))
    best: dict[tuple[str, str, str], tuple[float, Any, Any, Any]] = {}
    for s in sents:
        ms = sorted(spans.get(s.index, []), key=lambda t: (t[0], t[1], t[2].id))
        for ai, aj, ae in ms:
            for bi, bj, be in ms:
                if ae.id == be.id or (ai < bj and bi < aj):
                    continue
                a, b = (ai, aj, ae.type), (bi, bj, be.type)
                label, p = pairscore.classify(s.tokens, a, b, language=lang)
                if label and p > best.get((label, ae.id, be.id), (-1.0,))[0]:
                    best[label, ae.id, be.id] = (p, s, a, b)
    rels = list(x.relations) if keep_rules else []
    seen = {link_key(r.type, r.subject, r.object) for r in rels}
    for (t, subj, obj), (p, s, a, b) in sorted(best.items(), key=lambda kv: kv[0]):
        if link_key(t, subj, obj) in seen:
            continue
        seen.add(link_key(t, subj, obj))
        st = pair_status(s, lex, find_cues(s, lex), t, a[:2], b[:2])
        rels.append(Relation(link_id(t, subj, obj), t, subj, obj, st, confidence=round(p, 3),
                             evidence=(Evidence(s.start, s.end, s.text),)))
    return Extraction(art, x.entities, tuple(rels), x.warnings)


def ner_entities(article: Any) -> Any:
    """An Extraction whose entities are the statistical recogniser's (kg.extract.ner), no relations."""
    from kg.extract import ner
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences
    from kg.ids import slug
    from kg.model import Entity, Extraction, Span

    lang = article.language or "en"
    found: dict[str, tuple[str, str, list[Any]]] = {}
    for s in split_sentences(article.text, article.segments(), load_lexicon(lang)):
        for i, j, etype in ner.tag(s.tokens, language=lang):
            a, b = s.tokens[i].start, s.tokens[j - 1].end
            label = " ".join(article.text[a:b].split())
            found.setdefault(slug(label), (label, etype, []))[2].append(Span(a, b, article.text[a:b]))
    ents = tuple(Entity(k, label, t, mentions=tuple(ms)) for k, (label, t, ms) in sorted(found.items()))
    return Extraction(article, ents)


def eval_kg(title: str, gold_docs: list[Any], *, language: str) -> dict[str, Any]:
    """``kg.evaluate`` figures with kg's own entities: the rule engine, the model alone, both;
    and the model over the statistical recogniser's entities when its model is shipped."""
    from kg.evaluate import evaluate
    from kg.extract import extract, ner

    cache: dict[str, Any] = {}

    def rules(article: Any) -> Any:
        if article.id not in cache:
            cache[article.id] = extract(article)
        return cache[article.id]

    systems: dict[str, Callable[[Any], Any]] = {
        "rules": rules,
        "model": lambda a: model_relations(rules(a), keep_rules=False),
        "rules+model": lambda a: model_relations(rules(a), keep_rules=True),
    }
    if ner.model_path(language).is_file():
        systems["ner+model"] = lambda a: model_relations(ner_entities(a), keep_rules=False)
    out: dict[str, Any] = {}
    print(f"\n{title} through kg.evaluate, kg's own entities:")
    for name, fn in systems.items():
        rep = evaluate(gold_docs, fn, system=name)
        rows = {"relations": rep.relations, "with status": rep.relations_with_status, **rep.relation_types}
        out[name] = {k: c.to_json() for k, c in rows.items()}
        out[name]["entities"] = rep.entities.to_json()
        for k, c in rows.items():
            print(f"  {name:<12} {k:<14} P {c.precision or 0:.3f}  R {c.recall or 0:.3f}  F1 {c.f1 or 0:.3f}"
                  f"   tp {c.tp} fp {c.fp} fn {c.fn}")
    return out


def speed(docs: list[Doc]) -> dict[str, float]:
    relmodel.load.cache_clear()
    t0 = time.perf_counter()
    relmodel.load()
    load_ms = (time.perf_counter() - t0) * 1000
    args = [(docs[p.doc].tokens, (p.a.i, p.a.j, p.a.type), (p.b.i, p.b.j, p.b.type), docs[p.doc].language)
            for p in pairs_of(docs)]
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < 2.0:
        for toks, a, b, lang in args:
            pairscore.classify(toks, a, b, language=lang)
        n += len(args)
    rate = n / (time.process_time() - t0)
    print(f"\nload {load_ms:.0f} ms; classify {rate:,.0f} pairs/s (CPU time, one core, {len(args)} distinct pairs)")
    return {"load_ms": round(load_ms), "pairs_per_s": round(rate)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ontology_dir() / "models")
    ap.add_argument("--no-write", action="store_true", help="measure a fresh model, write nothing")
    ap.add_argument("--kg", action="store_true", help="also score through kg.evaluate with kg's own entities")
    ap.add_argument("--conll-only", action="store_true", help="ignore kg's annotations and the extra sets")
    ap.add_argument("--train-data", type=Path, default=ROOT.parent / "shared" / "train",
                    help="the shared training folder holding relations-en/")
    ap.add_argument("--no-extra", action="store_true", help="leave out relations-en (KnowledgeNet, Re-DocRED)")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    ap.add_argument("--workers", type=int, default=1,
                    help="processes for the cross-validation folds (the same model bytes; default 1)")
    ap.add_argument("--dump-folds", type=Path,
                    help="write each cross-validation fold's pipeline counts here (JSON; for scripts/trust_rules.py)")
    ap.add_argument("--save-folds", type=Path, metavar="DIR",
                    help="also write the five cross-validation fold models here (DIR/fold<k>/relations.json and "
                         "DIR/folds.json), to score the train split out of fold: scripts/eval_annotations.py "
                         "--split train --fold-models DIR")
    ap.add_argument("--partitions", type=int, default=TRUST_PARTITIONS,
                    help=f"partitions into five folds whose held-out counts the trust table averages "
                         f"(default {TRUST_PARTITIONS})")
    ap.add_argument("--cv-partitions", type=int, default=CV_PARTITIONS,
                    help=f"partitions into five folds whose per-fold F1 chooses C, the extra sets' weight and the "
                         f"threshold (default {CV_PARTITIONS})")
    ap.add_argument("--no-test", action="store_true",
                    help="read no test split (for tuning): CoNLL04 dev figures only")
    args = ap.parse_args(argv)

    conll = {s: read_gold(args.data / "conll04" / f"{s}.gold.jsonl") for s in ("train", "dev")}
    ann = {} if args.conll_only else {s: read_annotations(s) for s in ("train", *(() if args.no_test else ("test",)))}
    extra_files = () if args.conll_only or args.no_extra else EXTRA_FILES
    extra = [d for name in extra_files for d in read_sentences(args.train_data / name)]
    train = conll["train"] + ann.get("train", []) + extra
    cues = cue_table()
    pairs = pairs_of(train)
    sources = {"conll04/train.gold.jsonl": hashlib.sha256((args.data / "conll04" / "train.gold.jsonl").read_bytes())
               .hexdigest()}
    for name in extra_files:
        sources[name] = hashlib.sha256((args.train_data / name).read_bytes()).hexdigest()
    if ann:
        blob = "\n".join(f"{d.id}\t{d.text}\t{d.mentions}\t{d.relations}" for d in ann["train"]).encode()
        sources["annotations (train split)"] = hashlib.sha256(blob).hexdigest()
    print(f"train: {len(train)} units, {sum(p.train for p in pairs)} pairs "
          f"({dict(sorted(Counter(p.label for p in pairs if p.train).items()))})")
    figures: dict[str, Any] = {}
    licences = {k: LICENCES[k] for k in sources}
    per_fold: list[Any] = []
    fold_models: list[str] = []
    text, model = train_model(train, pairs, cues, {"data": sources, "licences": licences}, args.workers, per_fold,
                              fold_models if args.save_folds else None, args.partitions, args.cv_partitions)
    if args.dump_folds:
        # "folds": partition 0 (what trust_rules.py cross-validates), "partitions": every partition's folds
        args.dump_folds.write_text(json.dumps({"folds": per_fold[0], "partitions": per_fold, "trusted": model.trusted},
                                              indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.save_folds:
        fold = folds_of(train)
        write_folds(args.save_folds, fold_models,
                    [(d.id, fold[n]) for n, d in enumerate(train) if d.source == "annotations"],
                    {"model_sha256": hashlib.sha256(text.encode()).hexdigest(), "data": sources})
        print(f"wrote {len(fold_models)} fold models and {MANIFEST} to {args.save_folds}")
    figures["conll04_dev"] = eval_relations("CoNLL04 dev", conll["dev"], model)
    for lang in ("en", "id") if "test" in ann else ():
        figures[f"annotations_test_{lang}"] = eval_relations(
            f"annotations test [{lang}]", [d for d in ann["test"] if d.language == lang], model)
    if args.no_write:
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / relmodel.MODEL_FILE
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    relmodel.load.cache_clear()
    figures["speed"] = speed(conll["dev"])
    if args.kg:
        from kg.evaluate import load_gold

        figures["kg_conll04_dev"] = eval_kg("CoNLL04 dev", load_gold(args.data / "conll04" / "dev.gold.jsonl"),
                                            language="en")
        for lang in ("en", "id") if "test" in ann else ():
            figures[f"kg_annotations_test_{lang}"] = eval_kg(
                f"annotations test [{lang}]", annotation_gold([d for d in ann["test"] if d.language == lang]),
                language=lang)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
