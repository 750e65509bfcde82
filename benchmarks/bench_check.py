"""Checking must cost less than parsing (issue: checker performance).

    python benchmarks/bench_check.py [N ...]

Prints, per size, the best of 3 wall-clock times for parse and for check and
the ratio check/parse (target: below 1.0 at 20,000 propositions).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import attrs  # noqa: E402
from synthetic import thread  # noqa: E402

import argmap  # noqa: E402


def best(fn, repeat: int = 3, setup=lambda: None) -> float:
    times = []
    for _ in range(repeat):
        arg = setup()
        t = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t)
    return min(times)


def main(sizes: list[int]) -> int:
    print(f"{'propositions':>12}  {'parse s':>8}  {'check s':>8}  {'check/parse':>11}")
    worst = 0.0
    for n in sizes:
        text = thread(n)
        doc = argmap.parse(text)
        t_parse = best(lambda _: argmap.parse(text))
        # a fresh copy each time: a document remembers what the rules found,
        # and the copy does not even have what parse() ran
        t_check = best(argmap.check, setup=lambda: attrs.evolve(doc))
        ratio = t_check / t_parse
        worst = max(worst, ratio)
        print(f"{n:>12}  {t_parse:8.3f}  {t_check:8.3f}  {ratio:11.2f}")
    print("target check/parse < 1.0:", "met" if worst < 1.0 else "NOT met")
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 20000]))
