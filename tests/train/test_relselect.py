"""kg.train.relselect: the relation classifier's C, extra weight and threshold chosen from per-fold figures
(made up here)."""

from __future__ import annotations

from kg.train.relselect import choose, paired_se, simplest_first, within_noise

A = (1.0, 1.0)
B = (1.0, 0.3)


def test_a_clearly_better_setting_wins() -> None:
    table = {(1.0, A, 0.3): [[0.60, 0.61, 0.59, 0.60, 0.62]], (3.0, A, 0.3): [[0.68, 0.69, 0.67, 0.70, 0.69]]}
    assert choose(table) == (3.0, A, 0.3)


def test_within_noise_the_simplest_wins() -> None:
    # C=3 is better on average by 0.004, but fold by fold the difference swings either way: noise
    table = {(1.0, A, 0.2): [[0.68, 0.70, 0.66, 0.71, 0.69]], (3.0, A, 0.2): [[0.70, 0.69, 0.68, 0.70, 0.69]],
             (3.0, A, 0.4): [[0.60, 0.62, 0.58, 0.61, 0.60]]}
    assert within_noise(table)[:2] == [(1.0, A, 0.2), (3.0, A, 0.2)]
    assert choose(table) == (1.0, A, 0.2)


def test_partitions_average_and_the_higher_threshold_wins_ties() -> None:
    two = [[0.70, 0.68, 0.72, 0.69, 0.71], [0.69, 0.70, 0.71, 0.70, 0.70]]
    table = {(3.0, A, 0.2): two, (3.0, A, 0.3): two, (3.0, B, 0.3): two}
    assert choose(table) == (3.0, A, 0.3)
    assert simplest_first(table) == [(3.0, A, 0.3), (3.0, B, 0.3), (3.0, A, 0.2)]


def test_paired_error_reads_the_folds_together() -> None:
    # the same fold-to-fold swings in both settings cancel: the difference is steady
    a, b = [0.5, 0.8, 0.6, 0.7], [0.48, 0.78, 0.58, 0.68]
    assert paired_se(a, b) == 0.0 or paired_se(a, b) < 1e-9
    assert choose({(3.0, A, 0.2): [a], (3.0, A, 0.3): [b]}) == (3.0, A, 0.2)
