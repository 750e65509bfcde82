"""Big maps render: a synthetic 20,000-proposition thread to SVG (target: under 60 s).

    python benchmarks/bench_render.py [N]

argmap switches to the sfdp layout above argmap._render.LARGE_MAP propositions
(dot's layered layout grows much faster than linearly); the time printed is
the whole render, DOT generation included.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import thread  # noqa: E402

import argmap  # noqa: E402


def main(n: int) -> int:
    doc = argmap.parse(thread(n))
    t = time.perf_counter()
    graph = argmap.to_graphviz(doc)
    t_dot = time.perf_counter() - t
    t = time.perf_counter()
    svg = argmap.render(doc, "svg", progress=lambda m: print(f"  {m}", file=sys.stderr))
    t_svg = time.perf_counter() - t
    print(f"propositions: {n}  engine: {graph.engine}")
    print(f"DOT generation: {t_dot:.2f} s   SVG render: {t_svg:.1f} s   SVG size: {len(svg) / 1e6:.1f} MB")
    ok = t_svg < 60
    print("target SVG under 60 s:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
