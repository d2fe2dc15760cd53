"""Compare trust rules for the relation classifier on one training run's per-fold counts.

Reads the JSON of ``scripts/train_relations.py --dump-folds FILE`` (per cross-validation fold, language,
relation type and threshold: kg's default engine's tp/fp/fn on the held-out units). For every rule of
:data:`kg.train.trustcv.RULES`, each fold is scored at the threshold the rule chooses on the other four
folds (:func:`kg.train.trustcv.cross_choose`); printed per language and type: the threshold the rule
chooses on all five folds (what a model file would store), the held-out choices, the links added on
held-out folds (right/all) and the held-out F1; per language the pooled figures over all types.
With ``--bootstrap``, every draw of five folds with replacement chooses and the folds not drawn are scored
(:func:`kg.train.trustcv.fold_bootstrap`). A rule qualifies when its held-out added links reach the
language's ``TRUST_PRECISION``; of those, the best held-out F1 wins (in December 2026 none reached 0.70 in
Indonesian, the strict rule included: docs/relations-model.md says how the rule was then chosen).

    python scripts/trust_rules.py /tmp/run/folds.json [--json out.json] [--partition N]

A dump holds the folds of every partition the trust table averaged (``"partitions"``); ``--partition N``
compares the rules on partition ``N``'s folds (default 0, the cross-validation's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.train.relations import TRUST_PRECISION  # noqa: E402
from kg.train.reltrust import OFF, choose_threshold, pooled_f1  # noqa: E402
from kg.train.trustcv import RULES, added, cross_choose, fold_bootstrap, fold_rows, pool  # noqa: E402


def compare(folds: list[dict[str, Any]], bootstrap: bool = False) -> dict[str, Any]:
    """Per rule and language: per type and pooled, the held-out figures of :func:`cross_choose` (or with
    ``bootstrap`` of :func:`fold_bootstrap`)."""
    out: dict[str, Any] = {}
    for name, rule in RULES.items():
        for lang in sorted(folds[0]):
            floor = TRUST_PRECISION[lang]
            total = [0, 0, 0, 0, 0]
            types: dict[str, Any] = {}
            for rtype in sorted(folds[0][lang]):
                per = [fold_rows(f[lang][rtype]) for f in folds]
                r = (fold_bootstrap if bootstrap else cross_choose)(per, floor, rule)
                everything = pool(per)
                full = choose_threshold(everything, floor, rule)
                n, right = added(everything, full)
                row = everything[OFF if full is None else full]
                types[rtype] = {"chosen": full, "oof_added": [right, n], "oof_f1": pooled_f1(*row),
                                "held_choices": list(r.choices), "held_added": [r.added_right, r.added],
                                "held_f1": pooled_f1(r.tp, r.fp, r.fn)}
                for i, v in enumerate((r.tp, r.fp, r.fn, r.added, r.added_right)):
                    total[i] += v
            out.setdefault(name, {})[lang] = {
                "types": types, "held_f1": pooled_f1(*total[:3]), "held_added": [total[4], total[3]],
                "held_added_p": round(total[4] / total[3], 4) if total[3] else None,
                "qualifies": not total[3] or total[4] >= floor * total[3]}
    return out


def show(result: dict[str, Any]) -> None:
    for name, langs in result.items():
        print(f"\n== {name}")
        for lang, r in langs.items():
            print(f"  [{lang}] held-out F1 {r['held_f1']:.4f}, added {r['held_added'][0]}/{r['held_added'][1]} "
                  f"right (p {r['held_added_p']}){'' if r['qualifies'] else '  BELOW THE BAR'}")
            for rtype, t in r["types"].items():
                if t["chosen"] is None and not any(t["held_choices"]):
                    continue
                print(f"    {rtype:<14} chosen {t['chosen']}  oof +{t['oof_added'][0]}/{t['oof_added'][1]} "
                      f"F1 {t['oof_f1']:.4f} | held choices {t['held_choices']} "
                      f"+{t['held_added'][0]}/{t['held_added'][1]} F1 {t['held_f1']:.4f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="the JSON of train_relations.py --dump-folds")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--bootstrap", action="store_true",
                    help="score each rule on the folds left out of every draw of five folds with replacement")
    ap.add_argument("--partition", type=int, default=0,
                    help="the partition into folds to read (dumps written since December 2026 hold several)")
    args = ap.parse_args(argv)
    dump = json.loads(args.dump.read_text(encoding="utf-8"))
    folds = dump["partitions"][args.partition] if "partitions" in dump else dump["folds"]
    result = compare(folds, args.bootstrap)
    show(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
