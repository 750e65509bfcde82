"""Gradual semantics on abstract frameworks: the h-categorizer."""

from __future__ import annotations

from typing import Mapping

from ._framework import AF

__all__ = ["h_categorizer"]


def h_categorizer(
    af: AF, weights: Mapping[str, float] | None = None, *, tolerance: float = 1e-12, max_rounds: int = 10_000
) -> dict[str, float]:
    """Scores ``w(a) / (1 + sum of the attackers' scores)``, iterated to the fixed point.

    The iteration converges on every finite framework (Pu et al. 2014); with the
    default weight 1 every score lies in (0, 1].

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> {k: round(v, 3) for k, v in h_categorizer(af).items()}
    {'a': 1.0, 'b': 0.5, 'c': 0.667}
    """
    w = [1.0 if weights is None else float(weights.get(a, 1.0)) for a in af.arguments]
    score = list(w)
    attackers = af.attackers
    for _ in range(max_rounds):
        new = [w[i] / (1.0 + sum(score[j] for j in attackers[i])) for i in range(len(score))]
        delta = max((abs(x - y) for x, y in zip(new, score)), default=0.0)
        score = new
        if delta < tolerance:
            break
    return dict(zip(af.arguments, score))
