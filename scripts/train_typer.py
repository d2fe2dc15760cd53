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

``--taggers DIR`` (once for the cased, once for the caseless folds of ``scripts/cv_hybrid.py train``) reads
each train unit with the taggers of the cross-validation fold that left it out: the shipped taggers were trained
on the train units, so the types they give there are better than on new text and a decision chosen on them is
too timid. The typer's folds are then the taggers' (``--folds`` must be their number: both hash the article id,
:func:`kg.train.typer.fold_of`, so fold k of one is fold k of the other), and ``--save-folds`` copies the fold's
taggers into its folder (the train split scored with taggers and typer that did not see the unit)::

    python scripts/cv_hybrid.py train --language id --folds 3 --dir CV
    python scripts/cv_hybrid.py train --language id --folds 3 --caseless --dir CV-LOWER
    python scripts/train_typer.py --language id --folds 3 --taggers CV --taggers CV-LOWER
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
from kg.extract.typer import (  # noqa: E402
    CASINGS,
    FORMAT,
    NONE,
    Typer,
    askable,
    casing_of,
    mention_features,
    model_name,
    parse,
    vouched,
)
from kg.io import atomic_write  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.train.ner_data import ANNOTATIONS, SOURCES, training_docs  # noqa: E402
from kg.train.relfolds import FORMAT as FOLDS_FORMAT  # noqa: E402
from kg.train.relfolds import MANIFEST, fold_dir, unit_key  # noqa: E402
from kg.train.typer import (  # noqa: E402
    FOLDS,
    Candidate,
    annotation_examples,
    choose,
    external_examples,
    fit,
    fold_of,
    with_decision,
)

SHARED = ROOT.parent / "shared"


Found = tuple[str, tuple[str, ...], str, "str | None", str]


def engine_mentions(units: list[Any], language: str, off: list[str]) -> list[Found]:
    """The mentions kg's engine finds on the train units with the step off (``off``: one model folder a fold
    whose typer has no decision, a unit read with its fold's: :func:`fold_of`) and may retype: (unit's
    document id, features, type, the gold type of its span, the sentence's casing)."""
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
        models = off[fold_of(ex.unit.doc_id, len(off))]
        mentions, links = read(art, language, Engine("hybrid", models=models), rules=True, learned=True)
        # only what reaches the output is scored: a sector word with no link is no entity (kg.extract.assemble)
        shown = {(sp.start, sp.end) for e in assemble(art, language, mentions, links, models=models).entities
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
    return [Candidate(cur, gold, casing, models[fold_of(doc, len(models))].probabilities(feats))
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
    ap.add_argument("--folds", type=int, default=FOLDS, help="cross-validation folds of the decision")
    ap.add_argument("--taggers", type=Path, action="append", default=[], metavar="DIR",
                    help="read each train unit with the taggers of DIR/f<k> (scripts/cv_hybrid.py train --dir DIR, "
                         "--folds of this run), k its fold; once per folder (cased, --caseless)")
    args = ap.parse_args()
    lang = args.language
    k_folds = args.folds
    taggers: list[list[Path]] = [[] for _ in range(k_folds)]  # fold -> the tagger files that did not see it
    for d in args.taggers:
        if (d / f"f{k_folds}").is_dir() or not all((d / f"f{k}").is_dir() for k in range(k_folds)):
            ap.error(f"--taggers {d}: not the {k_folds} folds of scripts/cv_hybrid.py (f0 ... f{k_folds - 1})")
        for k in range(k_folds):
            taggers[k] += sorted((d / f"f{k}").glob(f"ner-{lang}*.tsv.gz"))
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
    with tempfile.TemporaryDirectory() as tmp:
        # one model folder a fold: its taggers, and a typer without a decision, which does nothing
        # (kg.extract.typer.retyped); the shipped taggers for all without --taggers
        off = [Path(tmp) / f"f{k}" for k in (range(k_folds) if args.taggers else range(1))]
        nothing = {"format": FORMAT, "labels": [NONE], "bias": [0.0], "weights": {}, "pairs": [], "drop": {}}
        for k, d in enumerate(off):
            atomic_write(d / model_name(lang), [with_decision(nothing, {})])
            for f in taggers[k]:
                (d / f.name).symlink_to(f.resolve())
        found = engine_mentions(units, lang, [str(d) for d in off])
    # out-of-fold models: each without the annotated units of one fold (the external sets always in)
    fold_models = [fit([e for e in own if fold_of(e.doc, k_folds) != k] + ext, args.c) for k in range(k_folds)]
    cands = candidates(found, [parse(m) for m in fold_models])
    decision = choose(cands)
    print(f"candidates: {len(cands)}; decision (net fixes out of fold in chosen_gain): "
          f"{json.dumps(decision, sort_keys=True)}", file=sys.stderr)
    meta = {"language": lang, "trained_on": used, "c": args.c, "external_weight": args.external,
            "folds": k_folds, "candidates": len(cands)}
    if args.taggers:
        meta["decision_read_by"] = ("each train unit read by the taggers of its fold (scripts/cv_hybrid.py train, "
                                    f"{len(args.taggers)} sets of {k_folds} folds), which did not see it")
    if args.save_folds is not None:
        rel_units: dict[str, int] | None = None
        if args.relation_folds is not None:
            rel_units = json.loads((args.relation_folds / MANIFEST).read_text(encoding="utf-8"))["units"]
        for k, m in enumerate(fold_models):
            atomic_write(args.save_folds / fold_dir(k) / model_name(lang), [with_decision(m, decision, meta)])
            for f in taggers[k]:
                shutil.copyfile(f, args.save_folds / fold_dir(k) / f.name)
            if args.relation_folds is not None:
                shutil.copyfile(args.relation_folds / fold_dir(k) / "relations.json",
                                args.save_folds / fold_dir(k) / "relations.json")
        keys = {unit_key(ex.unit.doc_id, ex.unit.start): fold_of(ex.unit.doc_id, k_folds) for ex in units}
        if rel_units is not None:
            clash = [u for u, k in keys.items() if u in rel_units and rel_units[u] != k]
            if clash:
                print(f"relation folds differ from the typer's for {len(clash)} units", file=sys.stderr)
                return 1
        data = {"format": FOLDS_FORMAT, "folds": k_folds, "model": "typer", "units": dict(sorted(keys.items()))}
        atomic_write(args.save_folds / MANIFEST, [json.dumps(data, indent=1, sort_keys=True) + "\n"])
    if not args.no_write:
        final = fit(own + ext, args.c)
        out = args.out or ROOT / "ontology" / "models" / model_name(lang)
        atomic_write(out, [with_decision(final, decision, meta)])
        print(f"wrote {out} ({out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
