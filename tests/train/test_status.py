"""kg.train.status: the choice of C and of the trust in the rules from cross-validation figures (made up here:
the out-of-fold answers of two fold partitions of two languages; the policy itself: test_statuscv.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from kg.train.status import C_GRID, choose, folds
from kg.train.statustrust import MIN_GRID, NEVER


def _cv(en: list[tuple[str, float]] | None = None) -> tuple[list[Any], dict[str, Any]]:
    # per language 40 relations the rules read as planned, 12 of them asserted; the English model is right
    # on those 12 (at every C unless ``en`` says otherwise), the Indonesian one reads 12 planned ones as asserted
    gold = (["asserted"] * 12 + ["planned"] * 28) * 2
    rule = ["planned"] * 80
    right = [("asserted", 0.95)] * 12 + [("planned", 0.9)] * 28
    id_ = [("planned", 0.9)] * 12 + [("asserted", 0.95)] * 12 + [("planned", 0.9)] * 16
    items = [SimpleNamespace(language="en" if n < 40 else "id", label=g) for n, g in enumerate(gold)]
    fold = [n % 5 for n in range(80)]
    part = {"fold": fold, "oofs": {c: (en if en is not None and c < 10 else right) + id_ for c in C_GRID}}
    return items, {"gold": gold, "rule": rule, "parts": [part, part],
                   "by_lang": {"en": list(range(40)), "id": list(range(40, 80))}}


def test_c_is_the_most_regularised_of_the_most_accurate() -> None:
    # the English model is right on the 12 asserted relations only from C=10 on
    items, cv = _cv(en=[("planned", 0.9)] * 40)
    assert choose(items, cv)["c"] == 10.0
    # at every C: the smallest
    items, cv = _cv()
    assert choose(items, cv)["c"] == C_GRID[0]


def test_each_language_gets_its_own_minimum_and_trust() -> None:
    items, cv = _cv()
    got = choose(items, cv)
    assert got["c"] == C_GRID[0] and got["partitions"] == 2
    # English: the model is right where it disagrees (12 relations back it); Indonesian: wrong, the rules stay
    assert got["minimum_backing"] == {"en": 10, "id": MIN_GRID[-1]}
    assert got["trust"]["en"]["planned"] < NEVER and got["trust"]["id"]["planned"] == NEVER
    assert got["out_of_fold"]["en"]["combined"]["accuracy"] == 1.0
    assert got["held_out_accuracy"] == {"en": 1.0, "id": 0.7}


def test_seed_zero_is_the_old_partition_and_other_seeds_keep_documents_together() -> None:
    items = [SimpleNamespace(doc=f"doc-{n // 2}") for n in range(40)]
    zero, one = folds(items), folds(items, seed=1)  # type: ignore[arg-type]
    assert zero == folds(items, seed=0) and zero != one
    assert all(f[n] == f[n + 1] for f in (zero, one) for n in range(0, 40, 2))


def test_a_fixed_c_is_kept() -> None:
    # scripts/train_status.py --c 3: the out-of-fold answers exist for that C alone
    items, cv = _cv(en=[("planned", 0.9)] * 40)
    for part in cv["parts"]:
        part["oofs"] = {3.0: part["oofs"][3.0]}
    got = choose(items, cv)
    assert got["c"] == 3.0 and got["minimum_backing"]["en"] == MIN_GRID[-1]


def test_cross_validation_does_not_ask_the_model_where_extraction_does_not() -> None:
    from kg.train.status import is_guarded, make_item, oof_predictions

    planned = [make_item(f"id{k}", "id", "Budi Santoso akan menjadi Direktur Utama PT Lumeo Tbk", (0, 12), (41, 53),
                         "works_for", "planned") for k in range(10)]
    rumour = [make_item(f"en{k}", "en", "Market sources speculated that Lumeo chairman Ana Diaz made the offer",
                        (46, 54), (31, 36), "works_for", "asserted") for k in range(10)]
    items = [it for it in planned + rumour if it is not None]
    assert len(items) == 20
    # a planned post is guarded in Indonesian; in English the model keeps the rumour next to a title
    assert is_guarded(items[0]) and not is_guarded(items[-1])
    cv = oof_predictions(items, {}, partitions=1, c_grid=(1.0,))
    oof = cv["parts"][0]["oofs"][1.0]
    assert oof[0] == ("planned", 1.0) and oof[-1][1] < 1.0
