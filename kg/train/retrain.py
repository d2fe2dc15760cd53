"""What ``kg train`` (:mod:`kg.train_cli`) retrains: a language's name tagger, the relation
classifier and the status model, each on kg's training data (``base="full"``) or the annotations alone
(``base="none"``), with dev figures of the current and the new model printed.

The annotations given to ``kg train`` are :class:`kg.annotations.Example` values. A model's dev
set is a dev set of the data folder when it has one for the language (idner-news-2k dev and
CoNLL04 dev for the tagger, CoNLL04 dev for English relations); otherwise the annotations of
the documents :func:`kg.annotations.split_of` puts on the test side, which that model is then
not trained on.

>>> held_out([])
([], [])
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import UsageError

__all__ = ["Settings", "held_out", "relation_models", "status_model", "tagger"]

HELD_OUT = "the annotations' held-out documents (kg.annotations.split_of; not trained on)"


@dataclass(frozen=True)
class Settings:
    """What one ``kg train`` run trains on: ``base`` ("full" or "none"), the data folder, kg's hand
    annotations (``scripts/annotations.py`` of a checkout, or None), the files' names for the
    model headers, and the CRF's iterations (None: as shipped)."""

    base: str
    data: Path | None
    hand: Any
    named: tuple[str, ...]
    max_iterations: int | None = None


def held_out(examples: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """``(train, held out)``: the examples by :func:`kg.annotations.split_of` of their document."""
    from kg.annotations import split_of

    test = [x for x in examples if split_of(x.unit.doc_id) == "test"]
    return [x for x in examples if split_of(x.unit.doc_id) != "test"], test


def _summary(title: str, docs: Sequence[Any], model: Any) -> str:
    from kg.train.ner import predictor, prf, score

    c = score(docs, predictor(model))
    parts = []
    for typ in ("Organization", "Person", "Place", "micro"):
        tp, npred, ngold = c["span"][typ]
        if ngold or npred:
            parts.append(f"{typ} {prf(tp, npred, ngold)[2]:.3f}")
    return f"  {title:8} span F1: " + ", ".join(parts)


def _company_weights(units: list[tuple[str, list[tuple[int, int, str]]]], lang: str) -> tuple[dict[str, float], str]:
    from kg.train import company as co

    orgs = co.examples(units, lang)
    acc, major = co.cross_validate(orgs)
    weights = co.fit(orgs)
    if acc <= major:  # the words do not beat the prior: keep the prior alone
        weights = {"bias": weights["bias"]}
    return weights, f"{len(orgs)} annotated names, 5-fold CV accuracy {acc:.3f} (majority type {major:.3f})"


def tagger(lang: str, examples: Sequence[Any], st: Settings, out: Path, tmp: Path) -> list[str]:
    """Retrain the name tagger of ``lang`` into ``out/ner-<lang>.tsv.gz``; print figures; return README lines."""
    from kg.extract.ner import Model, model_path
    from kg.train.ner import PARAMS, read_names, train
    from kg.train.ner_data import DEV, annotated_units, example_docs, example_units, read_gold, training_docs

    mine = [x for x in examples if x.unit.language == lang]
    dev_file = st.data / DEV[lang] if st.data is not None and lang in DEV else None
    if dev_file is not None and dev_file.is_file():
        dev, dev_name, new = read_gold(dev_file), f"{DEV[lang]} of the data folder", mine
    else:
        new, test = held_out(mine)
        dev, dev_name = example_docs(test, lang), HELD_OUT
    docs = example_docs(new, lang, source="kg train annotations")
    units = example_units(new, lang)
    used = [f"annotations given to kg train: {len(docs)} units of {', '.join(st.named)}"]
    if st.base == "full":
        assert st.data is not None
        base, base_used = training_docs(lang, st.data, Counter(), st.hand, missing_ok=True)
        docs, used = base + docs, base_used + used
        if st.hand is not None:
            units = annotated_units(st.hand, lang, "train", st.data) + units
    params = dict(PARAMS)
    if st.max_iterations is not None:
        params["max_iterations"] = st.max_iterations
    company, company_note = _company_weights(units, lang)
    print(f"kg train: ner-{lang}: {len(docs)} training sentences (base: {st.base}); Company or Organization: "
          f"{company_note}", flush=True)
    t0 = time.perf_counter()
    model, _ = train(docs, lang, read_names(), params, tmp, company=company)
    header = [f"Named-entity model of kg for language {lang!r}, trained by kg train (--base {st.base}) on:",
              *(f"  {u}" for u in used), "  plus title-cased copies of the sentences that carry capitals.",
              f"Settings: {params}."]
    target = model.write(out / f"ner-{lang}.tsv.gz", header)
    print(f"kg train: ner-{lang}: trained in {time.perf_counter() - t0:.1f} s -> {target}")
    if dev:
        print(f"kg train: ner-{lang}: dev figures on {dev_name} ({len(dev)} sentences)")
        print(_summary("before", dev, Model.read(model_path(lang))))
        print(_summary("after", dev, model))
    else:
        print(f"kg train: ner-{lang}: no dev figures (no dev set in the data folder, no held-out annotations)")
    return [f"- `ner-{lang}.tsv.gz`: retrained (--base {st.base}); its header names the data:",
            *(f"  - {u}" for u in used)]


def _f1_line(title: str, rows: dict[str, Any]) -> str:
    return f"  {title:8} relation F1 (gold entity spans): " + ", ".join(
        f"{k} {v['f1']:.3f}" for k, v in rows.items())


def relation_models(examples: Sequence[Any], st: Settings, out: Path) -> tuple[list[str], list[str]]:
    """Retrain the relation classifier (``relations.json``) when the training units hold relations;
    print figures; return README lines and the files written (none when nothing was retrained)."""
    import contextlib
    import io

    from kg.extract import relmodel
    from kg.train.relations import train_model
    from kg.train.reldata import EXTRA_FILES, LICENCES, annotation_docs, pairs_of, read_gold, read_sentences
    from kg.train.relfile import cue_table
    from kg.train.relscore import eval_relations

    conll_dev = st.data / "eval" / "conll04" / "dev.gold.jsonl" if st.data is not None else None
    has_dev = conll_dev is not None and conll_dev.is_file()
    # English relations are measured on CoNLL04 dev when the data folder has it; the rest on held-out units.
    train_ex, test_ex = held_out(examples)
    if has_dev:
        train_ex += [x for x in test_ex if x.unit.language == "en"]
        test_ex = [x for x in test_ex if x.unit.language != "en"]
    new = annotation_docs(train_ex)
    if not any(d.relations for d in new):
        return [], []
    train = list(new)
    sources = {"annotations given to kg train": ", ".join(st.named)}
    if st.base == "full":
        assert st.data is not None
        conll = st.data / "eval" / "conll04" / "train.gold.jsonl"
        if conll.is_file():
            train = read_gold(conll) + train
            sources["conll04/train.gold.jsonl"] = hashlib.sha256(conll.read_bytes()).hexdigest()
        if st.hand is not None:
            hand = annotation_docs(st.hand.examples("train", shared=st.data))
            train += hand
            blob = "\n".join(f"{d.id}\t{d.text}\t{d.mentions}\t{d.relations}" for d in hand).encode()
            sources["annotations (train split)"] = hashlib.sha256(blob).hexdigest()
        for name in EXTRA_FILES:
            path = st.data / "train" / name
            if path.is_file():
                train += read_sentences(path)
                sources[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    licences = {k: LICENCES[k] for k in sources if k in LICENCES}
    licences["annotations given to kg train"] = "as their texts' sources (kg annotate's input files)"
    cues = cue_table()
    pairs = pairs_of(train)
    print(f"kg train: relations: {len(train)} units, {sum(p.train for p in pairs)} pairs (base: {st.base})",
          flush=True)
    dev = [("CoNLL04 dev of the data folder", read_gold(conll_dev))] if has_dev and conll_dev is not None else []
    if test_ex:
        dev.append((HELD_OUT, annotation_docs(test_ex)))
    t0 = time.perf_counter()
    try:  # prints the cross-validation's progress (minutes with --base full)
        text, model = train_model(train, pairs, cues, {"data": sources, "licences": licences})
    except ValueError as exc:  # scikit-learn: a fold with a single class
        raise UsageError(f"kg train: too few relations in the annotations to train the relation classifier "
                         f"({sum(p.label != 'none' for p in pairs)} pairs with a relation): {exc}") from None
    print(f"kg train: relations: trained in {time.perf_counter() - t0:.1f} s; trusted (type: threshold): "
          f"{model.trusted}")
    from kg.io import atomic_write

    atomic_write(out / relmodel.MODEL_FILE, [text])
    written = [relmodel.MODEL_FILE]
    for name, docs in dev:
        with contextlib.redirect_stdout(io.StringIO()):
            before = eval_relations(name, docs, relmodel.load())
            after = eval_relations(name, docs, model)
        print(f"kg train: relations: dev figures on {name} ({len(docs)} units)")
        print(_f1_line("before", before))
        print(_f1_line("after", after))
    return [f"- {', '.join(f'`{x}`' for x in written)}: retrained (--base {st.base}); the `training` field "
            "names the data:", *(f"  - {k}" for k in sources)], written


def _status_accuracy(items: Sequence[Any], model: Any) -> float:
    """Accuracy of the rules and ``model`` combined as kg's engines combine them (``model`` None: the rules)."""
    from kg.extract import status as S
    from kg.train.status import predict_items, rules

    rule = [rules(it) for it in items]
    if model is None:
        pred = rule
    else:
        pred = [S.combine(r, m, p, model.trust_in_rules(it.language))
                for it, r, (m, p) in zip(items, rule, predict_items(model, items), strict=True)]
    return sum(p == it.label for p, it in zip(pred, items, strict=True)) / len(items)


def status_model(examples: Sequence[Any], st: Settings, out: Path) -> tuple[list[str], list[str]]:
    """Retrain the status model (``status.json``) when the training units hold relations of at least
    two statuses; print figures (on the held-out annotations); return README lines and the files written."""
    import contextlib
    import io
    import json

    from kg.extract import status as S
    from kg.train.status import FACT_FILES, LICENCES, example_items, read_factuality, train

    train_ex, test_ex = held_out(examples)
    new = example_items(train_ex)
    if len({it.label for it in new}) < 2:
        if new:
            print(f"kg train: status: the annotated relations hold one status ({new[0].label}): "
                  f"{S.MODEL_FILE} is kept")
        return [], []
    items, facts = list(new), []
    meta: dict[str, Any] = {"annotations given to kg train": {"files": list(st.named)}}
    if st.base == "full":
        assert st.data is not None
        folder = st.data / "train" / "factuality-en"
        files = [f for f in FACT_FILES if (folder / f).is_file()]
        facts = read_factuality(st.data, files, st.hand)
        for f in files:
            meta[f] = {"sha256": hashlib.sha256((folder / f).read_bytes()).hexdigest()[:16], "licence": LICENCES[f]}
        if st.hand is not None:
            items = example_items(st.hand.examples("train", shared=st.data)) + items
            meta["annotations"] = {"licence": LICENCES["annotations"]}
    print(f"kg train: status: {len(items)} annotated relations, {len(facts)} factuality events (base: {st.base})",
          flush=True)
    t0 = time.perf_counter()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            text, cv = train(facts, items, meta={"data": meta})
    except ValueError:  # scikit-learn: a cross-validation fold with a single status
        counts = dict(sorted(Counter(it.label for it in items).items()))
        print(f"kg train: status: too few relations of each status to retrain {S.MODEL_FILE} ({counts}): kept")
        return [], []
    from kg.io import atomic_write

    atomic_write(out / S.MODEL_FILE, [text])
    model = S.StatusModel(json.loads(text), source=str(out / S.MODEL_FILE))
    print(f"kg train: status: trained in {time.perf_counter() - t0:.1f} s; how sure the model must be to overrule "
          f"the rules: {cv['trust']}")
    dev = example_items(test_ex)
    if dev:
        print(f"kg train: status: dev figures on {HELD_OUT} ({len(dev)} relations): accuracy of rules and model "
              f"as combined")
        print(f"  {'before':8} {_status_accuracy(dev, S.load()):.3f} (rules alone {_status_accuracy(dev, None):.3f})")
        print(f"  {'after':8} {_status_accuracy(dev, model):.3f}")
    return [f"- `{S.MODEL_FILE}`: retrained (--base {st.base}); its `training` field names the data:",
            *(f"  - {k}" for k in meta)], [S.MODEL_FILE]
