"""Train kg's context typer (``ontology/models/typer-<language>.json``; :mod:`kg.extract.typer`, docs/ner.md).

Data: the gold mentions of kg's annotations (train split) and the typed NER training sets
(``../shared``, as ``kg.train.ner_data.training_docs`` reads them), see :mod:`kg.train.typer`.
The decision (type pairs, margin, sector drop) is chosen on out-of-fold probabilities for the
mentions kg's engine finds on the train units with the step switched off. The test split is never read.

    python scripts/train_typer.py --language id                 # writes ontology/models/typer-id.json
    python scripts/train_typer.py --language id --out /tmp/m/typer-id.json --save-folds /tmp/typer-folds
    python scripts/train_typer.py --language id --save-folds DIR --relation-folds /work/retrain15/fold-models

``--save-folds DIR`` also writes the five fold models (each with the chosen decision) as model folders and a
``folds.json`` for ``scripts/eval_annotations.py --split train --fold-models DIR`` (the train split scored with
typer weights that did not see the unit); ``--relation-folds`` copies the relation classifier's fold models
(``scripts/train_relations.py --save-folds``, the same folds) into them, so both are out of fold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import annotations  # noqa: E402  (scripts/annotations.py)
from kg.extract import read  # noqa: E402
from kg.extract.assemble import assemble  # noqa: E402
from kg.extract.engine import Engine  # noqa: E402
from kg.extract.gazindex import gaz_index  # noqa: E402
from kg.extract.typer import CASINGS, NONE, Typer, askable, casing_of, mention_features, model_name, parse, vouched  # noqa: E402
from kg.io import atomic_write  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.train.ner_data import ANNOTATIONS, SOURCES, training_docs  # noqa: E402
from kg.train.relfolds import FORMAT as FOLDS_FORMAT  # noqa: E402
from kg.train.relfolds import MANIFEST, fold_dir, unit_key  # noqa: E402
from kg.train.typer import FOLDS, Candidate, annotation_examples, choose, external_examples, fit, fold_of, with_decision  # noqa: E402

SHARED = ROOT.parent / "shared"


Found = tuple[str, tuple[str, ...], str, "str | None", str]


def engine_mentions(units: list[Any], language: str, off: str) -> list[Found]:
    """The mentions kg's engine finds on the train units with the step off (``off``: a model folder whose
    typer has no decision) and may retype: (unit's document id, features, type, the gold type of its span,
    the sentence's casing)."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.text import split_sentences

    gaz = gaz_index(language)
    lex = load_lexicon(language)
    # a decision that may change every type and drop any passing sector: the mentions the step could read
    types = ("Company", "Country", "Organization", "Person", "Place", "Product", "Sector")
    everything = Typer((*types, NONE), {}, (0.0,) * (len(types) + 1),
                       {(a, b, c): 0.0 for a in types for b in types for c in CASINGS if a != b},
                       dict.fromkeys(CASINGS, 0.0))
    out = []
    for ex in units:
        art = Article(id=f"{ex.unit.doc_id}:{ex.unit.start}", text=ex.text, language=language)
        mentions, links = read(art, language, Engine("hybrid", models=off), rules=True, learned=True)
        # only what reaches the output is scored: a sector word with no link is no entity (kg.extract.assemble)
        shown = {(sp.start, sp.end) for e in assemble(art, language, mentions, links, models=off).entities
                 for sp in e.mentions}
        sentences = split_sentences(art.text, art.segments(), lex)
        linked = {m.key for f in links for m in (f.subject, f.object, f.sector) if m is not None}
        gold = {(a, b): t for a, b, t, _ in ex.entities}
        for m in mentions:
            s = sentences[m.sent]
            if (m.start, m.end) not in shown or not askable(m, casing_of(s), everything) or vouched(s, m, gaz):
                continue
            if m.type == "Sector" and m.key in linked:  # a sector word a link names stays (unread_sectors)
                continue
            feats = mention_features(s, m, gaz)
            out.append((ex.unit.doc_id, tuple(feats), m.type, gold.get((m.start, m.end)), casing_of(s)))
    return out


def candidates(found: list[Found], models: list[Any]) -> list[Candidate]:
    """The engine's mentions with the probabilities of the fold model that did not see their unit."""
    return [Candidate(cur, gold, casing, models[fold_of(doc)].probabilities(feats))
            for doc, feats, cur, gold, casing in found]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--language", default="id", choices=sorted(SOURCES))
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--external", type=float, default=0.3, help="weight of a NER training set's mention "
                    "(kg's own: 1; 0 leaves the sets out)")
    ap.add_argument("--out", type=Path, help="the model file (default ontology/models/typer-<language>.json)")
    ap.add_argument("--no-write", action="store_true", help="choose and report only")
    ap.add_argument("--save-folds", type=Path, metavar="DIR", help="also write the fold models and folds.json")
    ap.add_argument("--relation-folds", type=Path, metavar="DIR",
                    help="copy the relation fold models of this --save-folds folder into the typer's fold folders")
    args = ap.parse_args()
    lang = args.language
    gaz = gaz_index(lang)
    units = [ex for ex in annotations.examples("train", shared=SHARED) if ex.unit.language == lang]
    own = annotation_examples(units, lang, gaz)
    used = [f"{ANNOTATIONS}: {len(units)} units, {len(own)} mentions"]
    ext: list[Any] = []
    if args.external > 0:
        stats: Counter[str] = Counter()
        docs, sources = training_docs(lang, SHARED, stats, annotations)
        docs = [d for d in docs if d.source != "annotations"]
        ext = external_examples(docs, gaz, args.external)
        used += [s for s in sources if not s.startswith(ANNOTATIONS)]
        used.append(f"NER training sets: {len(ext)} mentions typed (weight {args.external})")
    print(f"examples: {len(own)} own ({Counter(e.label for e in own).most_common()}), {len(ext)} external "
          f"({Counter(e.label for e in ext).most_common()})", file=sys.stderr)
    # out-of-fold models: each without the annotated units of one fold (the external sets always in)
    fold_models = [fit([e for e in own if fold_of(e.doc) != k] + ext, args.c) for k in range(FOLDS)]
    with tempfile.TemporaryDirectory() as tmp:
        # the step off: a model without a decision does nothing (kg.extract.typer.retyped)
        atomic_write(Path(tmp) / model_name(lang), [with_decision(fold_models[0], {})])
        found = engine_mentions(units, lang, tmp)
    cands = candidates(found, [parse(m) for m in fold_models])
    decision = choose(cands)
    print(f"candidates: {len(cands)}; decision (net fixes out of fold in chosen_gain): "
          f"{json.dumps(decision, sort_keys=True)}", file=sys.stderr)
    meta = {"language": lang, "trained_on": used, "c": args.c, "external_weight": args.external,
            "folds": FOLDS, "candidates": len(cands)}
    if args.save_folds is not None:
        rel_units: dict[str, int] | None = None
        if args.relation_folds is not None:
            rel_units = json.loads((args.relation_folds / MANIFEST).read_text(encoding="utf-8"))["units"]
        for k, m in enumerate(fold_models):
            atomic_write(args.save_folds / fold_dir(k) / model_name(lang), [with_decision(m, decision, meta)])
            if args.relation_folds is not None:
                shutil.copyfile(args.relation_folds / fold_dir(k) / "relations.json",
                                args.save_folds / fold_dir(k) / "relations.json")
        keys = {unit_key(ex.unit.doc_id, ex.unit.start): fold_of(ex.unit.doc_id) for ex in units}
        if rel_units is not None:
            clash = [u for u, k in keys.items() if u in rel_units and rel_units[u] != k]
            if clash:
                print(f"relation folds differ from the typer's for {len(clash)} units", file=sys.stderr)
                return 1
        data = {"format": FOLDS_FORMAT, "folds": FOLDS, "model": "typer", "units": dict(sorted(keys.items()))}
        atomic_write(args.save_folds / MANIFEST, [json.dumps(data, indent=1, sort_keys=True) + "\n"])
    if not args.no_write:
        final = fit(own + ext, args.c)
        out = args.out or ROOT / "ontology" / "models" / model_name(lang)
        atomic_write(out, [with_decision(final, decision, meta)])
        print(f"wrote {out} ({out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
