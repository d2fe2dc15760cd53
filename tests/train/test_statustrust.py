"""kg.train.statustrust: trust levels of the status model, and the backing a level needs, chosen by
cross-validation. The statuses and probabilities here are made up for these tests."""

from __future__ import annotations

import itertools

from kg.extract.status import combine
from kg.schema import STATUSES
from kg.train.status import _score
from kg.train.statustrust import (
    MIN_GRID,
    NEVER,
    TRUST_GRID,
    backing,
    choose_levels,
    choose_minimum,
    held_out_score,
    item_weights,
    one_se,
    paired_se,
    pooled_trust,
    spread,
)

GOLD = ["asserted", "asserted", "planned", "planned", "denied", "asserted", "rumored", "asserted", "planned"]
RULE = ["planned", "asserted", "planned", "asserted", "denied", "rumored", "rumored", "planned", "planned"]
OOF = [("asserted", 0.85), ("asserted", 0.9), ("planned", 0.7), ("planned", 0.65), ("asserted", 0.95),
       ("asserted", 0.75), ("asserted", 0.61), ("asserted", 0.72), ("asserted", 0.8)]


def test_the_weights_add_up_to_the_score() -> None:
    pred = ["asserted", "planned", "planned", "asserted", "denied", "asserted", "asserted", "asserted", "rumored"]
    w = item_weights(GOLD)
    assert abs(sum(x for x, g, p in zip(w, GOLD, pred, strict=True) if g == p) - _score(GOLD, pred)) < 1e-12


def test_levels_chosen_one_status_at_a_time_are_the_best_of_all_combinations() -> None:
    w = item_weights(GOLD)
    got = choose_levels(GOLD, RULE, OOF, w, range(len(GOLD)), STATUSES[1:])
    best = max(itertools.product(TRUST_GRID, repeat=4), key=lambda levels: (
        round(_score(GOLD, [combine(r, *o, dict(zip(STATUSES[1:], levels, strict=True)))
                            for r, o in zip(RULE, OOF, strict=True)]), 9), sum(levels)))
    assert got == dict(zip(STATUSES[1:], best, strict=True))
    # the rules' planned: up to 0.7 the model rightly reads two asserted and wrongly one planned, which
    # weighs as much (recall); a tie goes to the rules
    assert got["planned"] == NEVER


def test_a_status_not_free_stays_the_rules() -> None:
    got = choose_levels(GOLD, RULE, OOF, item_weights(GOLD), range(len(GOLD)), ["planned"])
    assert got["rumored"] == got["denied"] == got["ended"] == NEVER


def test_backing_counts_the_relations_a_level_can_change() -> None:
    # planned by the rules: 4 relations, the model reads 3 of them otherwise
    assert backing(RULE, OOF, range(len(RULE)), "planned") == 3
    assert backing(RULE, OOF, range(len(RULE)), "ended") == 0


def _folds(n: int) -> list[int]:
    return [k % 5 for k in range(n)]


def test_a_model_right_where_it_disagrees_is_freed_at_the_largest_minimum_its_backing_reaches() -> None:
    # 40 relations the rules read as planned: 12 the model reads asserted, rightly; 28 it agrees on
    gold = ["asserted"] * 12 + ["planned"] * 28
    rule = ["planned"] * 40
    oof = [("asserted", 0.95)] * 12 + [("planned", 0.9)] * 28
    idx = list(range(40))
    minimum, table = choose_minimum(gold, rule, [(_folds(40), oof)], idx)
    assert minimum == 10  # 12 back it (9 or 10 on four folds, scaled to the whole: 12); 15 would keep the rules
    assert table[10] > table[15] == table[MIN_GRID[-1]]


def test_a_model_wrong_where_it_disagrees_never_overrules_whatever_the_minimum() -> None:
    gold = ["planned"] * 40
    rule = ["planned"] * 40
    oof = [("asserted", 0.95)] * 12 + [("planned", 0.9)] * 28
    minimum, table = choose_minimum(gold, rule, [(_folds(40), oof)], list(range(40)))
    assert len(set(table.values())) == 1 and minimum == MIN_GRID[-1]


def test_held_out_score_reads_each_fold_at_levels_chosen_on_the_others() -> None:
    # 40 relations the rules read as planned, the model as asserted; the 2 planned ones are in fold 0
    gold = ["asserted"] * 40
    gold[0] = gold[5] = "planned"
    rule = ["planned"] * 40
    oof = [("asserted", 0.95)] * 40
    w = spread(40, list(range(40)), item_weights(gold))
    free = held_out_score(gold, rule, oof, _folds(40), list(range(40)), 1)
    kept = held_out_score(gold, rule, oof, _folds(40), list(range(40)), MIN_GRID[-1])
    # fold 0, chosen on folds without a planned relation, is read by the model (its 6 asserted right); the
    # other folds, chosen with both planned relations (recall), keep the rules (all 32 asserted wrong)
    assert free == round(6 * w[1], 9)
    assert kept == round(w[0] + w[5], 9)


def test_one_se_takes_the_preferred_candidate_within_noise_of_the_best() -> None:
    # three minima scored on the same 10 relations; 50 (the rules) loses one relation to 1 and 10: noise
    table = {1: [1.0] * 9 + [0.0], 10: [1.0] * 9 + [0.0], 50: [1.0] * 8 + [0.0, 0.0]}
    assert one_se(table, [50, 10, 1]) == 50
    # the best on its own terms when the preferred one loses on many relations, each the same way
    table[50] = [1.0] * 4 + [0.0] * 6
    assert one_se(table, [50, 10, 1]) == 10  # 10 ties 1 and comes first
    # k = 0: the plain best, ties to the order
    assert one_se({"a": [0.0, 1.0], "b": [1.0, 1.0]}, ["a", "b"], k=0) == "b"


def test_one_se_weighs_rare_relations_as_the_score_does() -> None:
    # the complex candidate gains one denial worth 0.5 of the score: one relation, so within noise
    simple = [0.01] * 99 + [0.0]
    complex_ = [0.01] * 99 + [0.5]
    assert one_se({"s": simple, "c": complex_}, ["s", "c"]) == "s"
    # the same gain spread over 50 relations is no noise
    assert one_se({"s": [0.0] * 50 + [0.01] * 50, "c": [0.01] * 100}, ["s", "c"]) == "c"


def test_paired_se_is_zero_for_a_constant_difference() -> None:
    assert paired_se([1.0, 2.0, 3.0], [0.0, 1.0, 2.0]) == 0.0
    assert paired_se([1.0], [0.0]) == 0.0


def test_choose_minimum_scores_the_mean_of_the_partitions() -> None:
    # 40 relations the rules read as planned, 12 of them asserted. In one partition the model is right on
    # all 12 (freeing it gains 12 relations); in the other it agrees with the rules everywhere
    gold = ["asserted"] * 12 + ["planned"] * 28
    rule = ["planned"] * 40
    right = [("asserted", 0.95)] * 12 + [("planned", 0.9)] * 28
    same = [("planned", 0.9)] * 40
    idx = list(range(40))
    alone, one = choose_minimum(gold, rule, [(_folds(40), right)], idx)
    twice, two = choose_minimum(gold, rule, [(_folds(40), right), (_folds(40), right)], idx)
    assert alone == twice == 10 and one == two
    mixed, half = choose_minimum(gold, rule, [(_folds(40), right), (_folds(40), same)], idx)
    _, none = choose_minimum(gold, rule, [(_folds(40), same)], idx)
    assert half[1] == round((one[1] + none[1]) / 2, 9)
    # the gain is halved but still on the same 12 relations, every one of them the same way: no noise
    assert mixed == 10


def test_a_net_gain_within_the_square_root_of_the_relations_changed_is_noise() -> None:
    # equal weights: the best gains 6 relations and loses 4, a net 2 on 10 changed (sqrt 3.2): noise
    rules = [1.0] * 6 + [0.0] * 6 + [1.0] * 8
    model = [0.0] * 4 + [1.0] * 2 + [1.0] * 6 + [1.0] * 8
    assert sum(model) - sum(rules) == 2
    assert one_se({"rules": rules, "model": model}, ["rules", "model"]) == "rules"
    # gaining 6, losing none: not noise
    model = [1.0] * 6 + [1.0] * 6 + [1.0] * 8
    assert one_se({"rules": rules, "model": model}, ["rules", "model"]) == "model"


def test_pooled_trust_fits_every_partition() -> None:
    gold = ["asserted"] * 6 + ["planned"] * 6
    rule = ["planned"] * 12
    # partition 1: the model is 0.95 sure of the 6 asserted and wrong on 3 planned at 0.75 (0.8 and 0.9 read
    # it best, a tie to the higher); partition 2: 0.85 sure of the 6 asserted, never wrong (0.8 or lower)
    one = [("asserted", 0.95)] * 6 + [("asserted", 0.75)] * 3 + [("planned", 0.9)] * 3
    two = [("asserted", 0.85)] * 6 + [("planned", 0.9)] * 6
    idx = list(range(12))
    assert pooled_trust(gold, rule, [one], idx, 1)["planned"] == 0.9
    assert pooled_trust(gold, rule, [two], idx, 1)["planned"] == 0.8
    assert pooled_trust(gold, rule, [one, two], idx, 1)["planned"] == 0.8  # best on both
    # the minimum is met by the mean backing of a partition (9 and 6: 7.5), not by their sum
    assert pooled_trust(gold, rule, [one, two], idx, 7)["planned"] == 0.8
    assert pooled_trust(gold, rule, [one, two], idx, 8)["planned"] == NEVER
