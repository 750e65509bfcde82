"""Grounded semantics at scale: 10^6 arguments and 3*10^6 random attacks.

    python benchmarks/bench_grounded.py [N]

Prints the time to build the framework and, separately, the time of the
grounded labelling itself (target: at most 1 s at 10^6 arguments).
"""

from __future__ import annotations

import random
import sys
import time

from argmap.af import AF, grounded_labelling


def main(n: int) -> int:
    rng = random.Random(1)
    names = [str(i) for i in range(n)]
    attacks = frozenset((names[rng.randrange(n)], names[rng.randrange(n)]) for _ in range(3 * n))
    t = time.perf_counter()
    af = AF(names, attacks)
    t_build = time.perf_counter() - t
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        labels = grounded_labelling(af)
        best = min(best, time.perf_counter() - t)
    print(f"arguments: {n}  attacks: {len(attacks)}  IN: {labels.count(1)}  OUT: {labels.count(2)}")
    print(f"build AF: {t_build:.1f} s   grounded (best of 3): {best:.2f} s")
    ok = best <= 1.0 * n / 1_000_000
    print("target grounded <= 1 s per 10^6 arguments:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
