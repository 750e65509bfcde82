"""Every command-line task on two sizes of map, as whole processes: nothing may grow much faster than the map.

    python benchmarks/bench_commands.py [--sizes 10000 100000] [--write-docs]

For each task (checking with the full report, formatting, statistics,
evaluation, drawing DOT, writing and reading every interchange format) it
prints the time at each size and how much the time per proposition grows from
the smaller to the larger.  Linear work grows little (the CPU caches make a
large map somewhat slower per item, see docs/performance.md); work that grows
with the square of the map shows as a factor near the size ratio.  Exit 1 if
a task's time per proposition grows more than 3x.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

#: (task, arguments; F is the map, O the output stem, and "<format>:" a map written in that format first)
TASKS = [
    ("check (full report)", ["check", "F"]),
    ("check --format json", ["check", "--format", "json", "F"]),
    ("fmt", ["fmt", "F"]),
    ("stats", ["stats", "F"]),
    ("eval grounded", ["eval", "--semantics", "grounded", "F"]),
    ("eval preferred", ["eval", "--semantics", "preferred", "F"]),
    ("eval h-categorizer", ["eval", "--semantics", "h-categorizer", "F"]),
    ("eval df-quad", ["eval", "--semantics", "df-quad", "F"]),
    ("render DOT", ["render", "F", "-o", "O.dot"]),
    ("render DOT, a cluster per post", ["render", "F", "--cluster", "post", "-o", "O.dot"]),
    *[
        (f"write {fmt}", ["convert", "F", "--to", fmt, "-o", f"O.{fmt}"])
        for fmt in ("json", "argdown", "aif", "sadface", "graphml")
    ],  # fmt: skip
    *[
        (f"read {fmt}", ["convert", f"{fmt}:", "--from", fmt, "--to", "argmap", "-o", "O.argmap"])
        for fmt in ("json", "argdown", "aif", "sadface")
    ],  # fmt: skip
]
LIMIT = 3.0


def run_task(args: list[str], files: dict[str, str], out: str) -> tuple[float, int]:
    argv = []
    for a in args:
        if a == "F":
            a = files["argmap"]
        elif a.endswith(":"):
            a = files[a[:-1]]
        elif a.startswith("O."):
            a = out + a[1:]
        argv.append(a)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return time.perf_counter() - t, proc.returncode


def main(argv=None) -> int:
    from synthetic import thread

    import argmap

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs=2, default=[10000, 100000])
    p.add_argument("--write-docs", action="store_true", help="put the table into docs/performance.md")
    args = p.parse_args(argv)
    small, large = args.sizes
    times: dict[str, dict[int, float]] = {}
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (small, large):
            print(f"{n:,} propositions …", file=sys.stderr)
            doc = argmap.parse(thread(n))
            files = {"argmap": os.path.join(tmp, f"t{n}.argmap")}
            with open(files["argmap"], "w", encoding="utf-8") as f:
                f.write(argmap.format(doc))
            for fmt, suffix in (
                ("json", "json"),
                ("argdown", "argdown"),
                ("aif", "json"),
                ("sadface", "json"),
            ):
                files[fmt] = os.path.join(tmp, f"t{n}.{fmt}.{suffix}")
                with open(files[fmt], "w", encoding="utf-8") as f:
                    f.write(argmap.write(doc, fmt))
            for name, task in TASKS:
                seconds, code = run_task(task, files, os.path.join(tmp, f"out{n}"))
                if code not in (0, 1):  # 1: the map has findings of error severity
                    failed.append(f"{name} at {n:,}: exit {code}")
                times.setdefault(name, {})[n] = seconds
    rows = [
        f"| task | {small:,} | {large:,} | time per proposition, {large:,} / {small:,} |",
        "|---|---|---|---|",
    ]
    worst = 0.0
    for name, _ in TASKS:
        a, b = times[name][small], times[name][large]
        growth = (b / large) / (a / small)
        worst = max(worst, growth)
        rows.append(f"| {name} | {a:.2f} s | {b:.2f} s | {growth:.2f}x |")
    ok = worst <= LIMIT and not failed
    verdict = f"largest growth of the time per proposition: {worst:.2f}x (limit {LIMIT}x)"
    text = "\n".join(rows) + "\n\n" + "".join(f"- failed: {line}\n" for line in failed) + f"- {verdict}\n"
    print(text)
    if args.write_docs:
        path = os.path.join(os.path.dirname(HERE), "docs", "performance.md")
        with open(path, encoding="utf-8") as f:
            old = f.read()
        stamp = time.strftime("%Y-%m-%d")
        head = f"Measured {stamp} by `python benchmarks/bench_commands.py --write-docs`:\n\n"
        new = re.sub(r"(<!-- commands -->\n).*?(<!-- /commands -->)",
                     lambda m: m.group(1) + head + text + m.group(2), old, flags=re.S)  # fmt: skip
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    print("targets:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
