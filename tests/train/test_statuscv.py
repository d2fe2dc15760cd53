"""kg.train.statuscv: the status model's settings chosen from tables of cross-validation figures (made up here:
each setting's held-out accuracy per relation, and which relations are denials)."""

from __future__ import annotations

from kg.train.statuscv import choose_settings, simplest_first, within_noise
from kg.train.statustrust import MIN_GRID, NEVER, accuracy_weights, item_weights, pooled_trust

RULES = MIN_GRID[-1]


def _row(right: int, n: int = 100) -> list[float]:
    return [1.0] * right + [0.0] * (n - right)


def _one(table: dict[tuple[float, int], list[float]]) -> dict[tuple[float, int], list[list[float]]]:
    """One fold partition."""
    return {s: [row] for s, row in table.items()}


def test_accuracy_comes_first() -> None:
    # C=10 with the model free reads 20 more relations right than the rules, and loses none: no noise
    table = {(1.0, RULES): _row(70), (10.0, RULES): _row(70), (10.0, 10): _row(90)}
    denied = [False] * 95 + [True] * 5  # the rules' setting is no better on denials
    assert choose_settings({"en": _one(table)}, {"en": denied}) == {"en": (10.0, 10)}


def test_within_noise_the_most_denials_win() -> None:
    # as accurate: the free model reads one denial more (95) and one asserted relation less (0) than the rules
    rules, free = _row(92), _row(92)
    free[0], free[95] = 0.0, 1.0
    denied = [False] * 90 + [True] * 10
    table = {(1.0, RULES): rules, (1.0, 10): free}
    assert within_noise(_one(table)) == [(1.0, RULES), (1.0, 10)]
    assert choose_settings({"en": _one(table)}, {"en": denied}) == {"en": (1.0, 10)}
    # the denial lost elsewhere: the rules again
    free[0], free[91] = 1.0, 0.0
    assert choose_settings({"en": _one(table)}, {"en": denied}) == {"en": (1.0, RULES)}


def test_within_noise_and_as_many_denials_the_simplest_wins() -> None:
    # three settings one or two relations apart, none on a denial: the largest minimum, then the smallest C
    a, b, c = _row(90), _row(91), _row(92)
    table = {(10.0, 10): c, (1.0, 30): b, (3.0, 30): a, (10.0, 30): b}
    denied = [False] * 100
    assert choose_settings({"en": _one(table)}, {"en": denied}) == {"en": (1.0, 30)}
    assert simplest_first(table) == [(1.0, 30), (3.0, 30), (10.0, 30), (10.0, 10)]


def test_c_is_shared_and_each_language_takes_its_own_minimum() -> None:
    # English: C=1 and C=10 tie. Indonesian: C=10 is clearly better. One C for both: 10; each its own minimum
    en = {(1.0, 50): _row(80), (10.0, 50): _row(80), (1.0, 10): _row(60), (10.0, 10): _row(60)}
    id_ = {(1.0, 50): _row(60), (10.0, 50): _row(70), (1.0, 10): _row(60), (10.0, 10): _row(85)}
    got = choose_settings({"en": _one(en), "id": _one(id_)}, {"en": [False] * 100, "id": [False] * 100})
    assert got == {"en": (10.0, 50), "id": (10.0, 10)}


def test_c_is_chosen_on_both_languages_relations_together() -> None:
    # English wants C=1 (by 30), Indonesian C=10 (by 10): C=1 reads more right over both languages
    en = {(1.0, 50): _row(90), (10.0, 50): _row(60)}
    id_ = {(1.0, 50): _row(70), (10.0, 50): _row(80)}
    got = choose_settings({"en": _one(en), "id": _one(id_)}, {"en": [False] * 100, "id": [False] * 100})
    assert got == {"en": (1.0, 50), "id": (1.0, 50)}


def test_trust_chosen_by_accuracy_keeps_the_rules_where_the_score_would_chase_recall() -> None:
    # the rules read 8 relations as planned, 6 of them asserted; the model reads all 8 asserted at 0.95.
    # Accuracy frees the model (6 right, 2 wrong); the score keeps the rules (2 of the 6 planned relations
    # are a third of planned recall, worth more than 6 asserted ones)
    gold = ["asserted"] * 6 + ["planned"] * 2 + ["asserted"] * 40 + ["planned"] * 4
    rule = ["planned"] * 8 + ["asserted"] * 40 + ["planned"] * 4
    oof = [("asserted", 0.95)] * 8 + [("asserted", 0.9)] * 40 + [("planned", 0.9)] * 4
    idx = list(range(len(gold)))
    assert pooled_trust(gold, rule, [oof], idx, 1, accuracy_weights)["planned"] == 0.9  # ties: the highest
    assert pooled_trust(gold, rule, [oof], idx, 1, item_weights)["planned"] == NEVER


def test_the_noise_is_that_of_one_partition() -> None:
    # the free model gains 4 relations in each of two partitions, but different ones and losing 2 others: in
    # each partition 6 changes for a net 2 (noise); their mean alone (each change counted half) would not be
    rules = [_row(90), _row(90)]
    free = [_row(90), _row(90)]
    free[0][90:94], free[0][0:2] = [1.0] * 4, [0.0, 0.0]
    free[1][94:98], free[1][2:4] = [1.0] * 4, [0.0, 0.0]
    table = {(1.0, RULES): rules, (1.0, 10): free}
    assert within_noise(table) == [(1.0, RULES), (1.0, 10)]


def test_a_denial_breaks_a_tie_of_accuracy() -> None:
    w = accuracy_weights(["asserted", "denied"] * 10)
    assert w[1] > w[0] and 1000 * (w[1] - w[0]) < w[0] + 1e-12
