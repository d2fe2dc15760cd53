"""The status model's settings chosen from cross-validation figures (used by :mod:`kg.train.status`).

A setting is the status model's C and the minimum backing a trust level needs
(:mod:`kg.train.statustrust`). Each is read on train out of fold, averaged over several partitions of the
documents into folds, and chosen per language by the project's targets (docs/status.md):

1. **accuracy** on gold pairs, with the one-standard-error rule: every setting whose held-out accuracy is
   within one standard error of the best (:func:`within_noise`) is as good as the best;
2. among those, the most **denials** read right (the second target, denied recall);
3. then the **simplest**: the largest minimum (the rules keep more), then the smallest C.

C is the model's, one regression for both languages: each language's pick at each C, then the C by the same
three steps on both languages' relations together (:func:`choose_settings`).

>>> table = {(1.0, 50): [[1, 1, 1, 0]], (3.0, 50): [[1, 1, 1, 1]], (3.0, 5): [[1, 1, 1, 1]]}
>>> choose_settings({"en": table}, {"en": [False, False, True, False]})  # one relation apart: noise
{'en': (1.0, 50)}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from kg.extract.status import combine
from kg.schema import STATUSES
from kg.train.statustrust import MIN_GRID, accuracy_weights, held_out_items, paired_se, pooled_trust

Setting = tuple[float, int]  # the status model's C, the minimum backing of a trust level


def _score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Accuracy plus the mean recall of the statuses other than asserted (so that a rare
    denial counts for more than one asserted link).

    >>> _score(["asserted", "denied"], ["asserted", "asserted"])
    0.5
    """
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    rec = []
    for st in STATUSES[1:]:
        idx = [k for k, g in enumerate(gold) if g == st]
        if idx:
            rec.append(sum(pred[k] == st for k in idx) / len(idx))
    return acc + (sum(rec) / len(rec) if rec else 0.0)


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, recall and support per status, and the confusion matrix (gold -> read as -> count)."""
    n = len(gold)
    conf: dict[str, Counter[str]] = {g: Counter() for g in STATUSES}
    for g, p in zip(gold, pred, strict=True):
        conf[g][p] += 1
    rec = {g: round(c[g] / sum(c.values()), 3) if c else None for g, c in conf.items()}
    return {"n": n, "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4) if n else None,
            "recall": rec, "support": {g: sum(c.values()) for g, c in conf.items()},
            "confusion": {g: dict(sorted(c.items())) for g, c in conf.items() if c}}


Rows = Sequence[Sequence[float]]  # per fold partition, per relation: read right (1) or wrong (0)


def _sum(rows: Rows) -> float:
    return round(sum(sum(r) for r in rows) / len(rows), 9)


def _se(a: Rows, b: Rows) -> float:
    # the noise of one cross-validation run: the paired standard error within each partition, averaged (the
    # paired error of the partitions' mean shrinks with every partition added, and so did the choice's steadiness)
    return sum(paired_se(x, y) for x, y in zip(a, b, strict=True)) / len(a)


def within_noise(table: Mapping[Setting, Rows], k: float = 1.0) -> list[Setting]:
    """The settings of ``table`` (each with one row per fold partition of a score per relation, the same
    relations for all, higher better) whose mean sum is within ``k`` standard errors of the best (the paired
    standard error, :func:`kg.train.statustrust.paired_se`, against the best, within each partition, averaged),
    simplest first (:func:`simplest_first`).

    >>> within_noise({(1.0, 5): [[1, 1, 1, 1, 1, 1]], (1.0, 50): [[1, 1, 1, 1, 0, 1]], (3.0, 5): [[0, 0, 0, 0, 0, 1]]})
    [(1.0, 50), (1.0, 5)]
    """
    sums = {s: _sum(v) for s, v in table.items()}
    top = max(sums.values())
    best = simplest_first([s for s in table if sums[s] == top])[0]
    return [s for s in simplest_first(table) if sums[s] >= top - k * _se(table[s], table[best]) - 1e-9]


def simplest_first(settings: Sequence[Setting] | Mapping[Setting, Any]) -> list[Setting]:
    """The largest minimum first (the rules answer more), then the smallest C (the most regularised).

    >>> simplest_first([(3.0, 50), (1.0, 5), (1.0, 50)])
    [(1.0, 50), (3.0, 50), (1.0, 5)]
    """
    return sorted(settings, key=lambda s: (-s[1], s[0]))


def choose_settings(correct: Mapping[str, Mapping[Setting, Rows]], denied: Mapping[str, Sequence[bool]],
                    k: float = 1.0) -> dict[str, Setting]:
    """Per language, the setting the policy chooses (the module's docstring): ``correct[lang][setting]`` holds,
    per fold partition, each relation's held-out answer (1 right, 0 wrong), ``denied[lang]`` which of those
    relations are gold denials.

    At each C, each language takes the setting within noise (:func:`within_noise`, over that language's
    settings) that reads the most of its denials, then the simplest (if none of that C is within noise, its
    most accurate). C is shared (one regression for both languages): of the C whose picks, both languages'
    relations together, are within noise of the best C, the one whose picks read the most denials, then the
    smallest.

    >>> en = {(1.0, 50): [[1, 0, 0, 1]], (10.0, 50): [[1, 1, 1, 1]], (10.0, 5): [[1, 1, 1, 1]]}
    >>> choose_settings({"en": en}, {"en": [False, True, False, False]})  # C=1 loses 2, gains none
    {'en': (10.0, 50)}
    """
    langs = sorted(correct)
    bands = {lang: within_noise(correct[lang], k) for lang in langs}
    grid = sorted({s[0] for lang in langs for s in correct[lang]})

    def denials(lang: str, s: Setting) -> float:
        rows = correct[lang][s]
        return round(sum(v for r in rows for v, d in zip(r, denied[lang], strict=True) if d) / len(rows), 9)

    def pick(lang: str, c: float) -> Setting:
        here = [s for s in bands[lang] if s[0] == c]
        if not here:  # no setting of that C is within noise: its most accurate
            at_c = [s for s in simplest_first(correct[lang]) if s[0] == c]
            top = max(_sum(correct[lang][s]) for s in at_c)
            here = [s for s in at_c if _sum(correct[lang][s]) == top]
        return max(here, key=lambda s: (denials(lang, s), -here.index(s)))

    picks = {c: {lang: pick(lang, c) for lang in langs} for c in grid}
    # both languages' relations in one row per partition, at each C's picks
    pooled = {(c, 0): [[v for lang in langs for v in correct[lang][picks[c][lang]][p]]
                       for p in range(len(correct[langs[0]][picks[c][langs[0]]]))] for c in grid}
    shared = [s[0] for s in within_noise(pooled, k)]
    c = max(shared, key=lambda c: (round(sum(denials(lang, picks[c][lang]) for lang in langs), 9), -c))
    return picks[c]


def held_out_table(gold: Sequence[str], rule: Sequence[str], parts: Sequence[dict[str, Any]],
                   idx: Sequence[int]) -> dict[Setting, list[list[float]]]:
    """Per setting (every C of the partitions' out-of-fold answers, every minimum of
    :data:`kg.train.statustrust.MIN_GRID`) and fold partition of ``parts``
    (:func:`kg.train.status.oof_predictions`), each relation of ``idx`` read right (1) or wrong (0) when its
    fold is read at trust levels chosen by accuracy on the other folds."""
    out = {}
    for c in sorted(parts[0]["oofs"]):
        for m in MIN_GRID:
            rows = [held_out_items(gold, rule, p["oofs"][c], p["fold"], idx, m, weights=accuracy_weights)
                    for p in parts]
            out[c, m] = [[1.0 if v > 0 else 0.0 for v in row] for row in rows]
    return out


def choose(items: Sequence[Any], cv: dict[str, Any]) -> dict[str, Any]:
    """The settings (:func:`choose_settings` on :func:`held_out_table`) and trust levels (chosen by accuracy
    on all partitions at once, :func:`kg.train.statustrust.pooled_trust`) of the out-of-fold answers ``cv``
    (:func:`kg.train.status.oof_predictions`) of ``items``, with the figures that chose them."""
    gold, rule, parts, by_lang = cv["gold"], cv["rule"], cv["parts"], cv["by_lang"]
    tables = {lang: held_out_table(gold, rule, parts, idx) for lang, idx in by_lang.items()}
    denied = {lang: [gold[n] == "denied" for n in idx] for lang, idx in by_lang.items()}
    chosen = choose_settings(tables, denied)
    c = next(iter(chosen.values()))[0]
    oofs = [p["oofs"][c] for p in parts]
    trust = {lang: pooled_trust(gold, rule, oofs, idx, chosen[lang][1], accuracy_weights)
             for lang, idx in by_lang.items()}
    lang_scores: dict[str, float] = {}
    for lang, idx in by_lang.items():
        lgold = [gold[n] for n in idx]
        read = [[combine(rule[n], oof[n][0], oof[n][1], trust[lang]) for n in idx] for oof in oofs]
        lang_scores[lang] = round(sum(_score(lgold, pred) for pred in read) / len(oofs), 4)
    held = {lang: {f"C={s[0]:g} min={s[1]}": {
        "accuracy": round(_sum(rows) / len(by_lang[lang]), 4),
        "denied": round(sum(x for r in rows for x, d in zip(r, denied[lang], strict=True) if d) / len(rows), 2)}
        for s, rows in sorted(table.items())} for lang, table in tables.items()}
    rules_only = {lang: round(_score([gold[n] for n in idx], [rule[n] for n in idx]), 4)
                  for lang, idx in by_lang.items()}
    langs = len(by_lang)
    return {"c": c, "trust": trust, "minimum_backing": {lang: s[1] for lang, s in chosen.items()},
            "partitions": len(parts),
            "held_out_accuracy": {lang: held[lang][f"C={s[0]:g} min={s[1]}"]["accuracy"]
                                  for lang, s in chosen.items()},
            "cv_score": round(sum(lang_scores.values()) / langs, 4), "cv_scores": lang_scores,
            "cv_score_rules_only": round(sum(rules_only.values()) / langs, 4),
            "cv_scores_rules_only": rules_only, "table": {"held out by setting": held},
            "out_of_fold": out_of_fold(gold, by_lang, rule, oofs[0], trust),
            "answers": oofs[0]}  # partition 0's out-of-fold answers at C, per relation (for --dump; not written)


def out_of_fold(gold: Sequence[str], by_lang: Mapping[str, Sequence[int]], rule: Sequence[str],
                oof: Sequence[tuple[str, float]], trust: dict[str, dict[str, float]]) -> dict[str, dict[str, Any]]:
    """Per language (``by_lang``: its relations), the out-of-fold figures (:func:`scores`, with the confusion
    matrix) of the rules, the model alone and the two combined with ``trust``: what cross-validation expects
    of each reader on news like train's."""
    out: dict[str, dict[str, Any]] = {}
    for lang, idx in sorted(by_lang.items()):
        g = [gold[n] for n in idx]
        both = [combine(rule[n], oof[n][0], oof[n][1], trust[lang]) for n in idx]
        out[lang] = {"rules": scores(g, [rule[n] for n in idx]),
                     "model": scores(g, [oof[n][0] for n in idx]), "combined": scores(g, both)}
    return out
