"""Maximum bipartite matching of predicted to gold items, preferred pairs first (used by :mod:`kg.evaluate.score`).

>>> max_matching([0, 1], {0: [0, 1], 1: [0]})
{1: 0, 0: 1}
>>> two_stage(2, 2, {0: [0, 1], 1: [0, 1]}, {0: [0]})
{0: 0, 1: 1}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def max_matching(lefts: Sequence[int], adj: Mapping[int, Sequence[int]]) -> dict[int, int]:
    """A maximum matching left -> right by augmenting paths (Kuhn); deterministic in input order."""
    owner: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in adj.get(u, ()):
            if v not in seen:
                seen.add(v)
                if v not in owner or augment(owner[v], seen):
                    owner[v] = u
                    return True
        return False

    for u in lefts:
        augment(u, set())
    return {u: v for v, u in owner.items()}


def two_stage(n_pred: int, n_gold: int, edges: Mapping[int, Sequence[int]],
              preferred: Mapping[int, Sequence[int]]) -> dict[int, int]:
    """Match preferred pairs (same type / same status) first, then any remaining pairs."""
    first = max_matching(range(n_pred), preferred)
    used = set(first.values())
    rest = {i: [j for j in edges.get(i, ()) if j not in used] for i in range(n_pred) if i not in first}
    return first | max_matching(sorted(rest), rest)
