"""Argumentation semantics at scale, argmap against formal-argumentation and clingo.

    pip install -r benchmarks/requirements.txt     # the competitors (once)
    python benchmarks/bench_semantics.py [--grounded-n N] [--debate-n N] [--timeout S]

1. grounded semantics on a random framework of 10^6 arguments and 3*10^6
   attacks (target for argmap: at most 1 s);
2. one preferred and one stable extension (ICCMA tasks SE-PR, SE-ST) of the
   framework of a debate-like map of 10^5 propositions: a synthetic thread
   (benchmarks/synthetic.py) in which 15% of rebuttals are answered by a
   rebuttal back, translated by argmap.to_framework.

Every tool runs in its own process on the same framework (an ICCMA'23 file);
each reports the time to load the framework into its own structures and the
time of the task itself, and the ratios compare the task times.  A tool that
is not installed or runs past the timeout is reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def read_i23(path: str) -> tuple[int, list[tuple[int, int]]]:
    n, edges = 0, []
    with open(path) as f:
        for line in f:
            if line.startswith("p af"):
                n = int(line.split()[2])
            elif line.strip() and not line.startswith("#"):
                a, b = line.split()
                edges.append((int(a), int(b)))
    return n, edges


# -- workers: one tool, one task, one file; print {"load": s, "task": s, "result": ...} -----------


def run_argmap(task: str, path: str) -> dict:
    from argmap.af import AF, grounded_labelling, some_extension

    t = time.perf_counter()
    n, edges = read_i23(path)
    af = AF([str(i) for i in range(1, n + 1)], [(str(a), str(b)) for a, b in edges])
    load = time.perf_counter() - t
    t = time.perf_counter()
    if task == "GR":
        result = grounded_labelling(af).count(1)
    else:
        ext = some_extension(af, task)
        result = None if ext is None else len(ext)
    return {"load": load, "task": time.perf_counter() - t, "result": result}


def run_formal_argumentation(task: str, path: str) -> dict:
    from argumentation.core.dung import ArgumentationFramework, grounded_extension

    t = time.perf_counter()
    n, edges = read_i23(path)
    af = ArgumentationFramework(
        arguments=frozenset(str(i) for i in range(1, n + 1)),
        defeats=frozenset((str(a), str(b)) for a, b in edges),
    )
    load = time.perf_counter() - t
    t = time.perf_counter()
    if task == "GR":
        result = len(grounded_extension(af))
    else:
        from argumentation.solving import af_sat

        find = af_sat.find_preferred_extension if task == "PR" else af_sat.find_stable_extension
        ext = find(af)
        result = None if ext is None else len(ext)
    return {"load": load, "task": time.perf_counter() - t, "result": result}


def run_clingo(task: str, path: str) -> dict:
    import clingo
    from aspartix import ENCODINGS, control_arguments

    t = time.perf_counter()
    n, edges = read_i23(path)
    facts = "".join(f"arg({i}).\n" for i in range(1, n + 1)) + "".join(f"att({a},{b}).\n" for a, b in edges)
    load = time.perf_counter() - t
    t = time.perf_counter()
    ctl = clingo.Control(control_arguments(task, models=1) + ["--warn=none"])
    ctl.add("base", [], ENCODINGS[task][0] + facts)
    ctl.ground([("base", [])])
    result = None
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            result = sum(1 for s in model.symbols(atoms=True) if s.name == "in")
            break
    return {"load": load, "task": time.perf_counter() - t, "result": result}


WORKERS = {"argmap": run_argmap, "formal-argumentation": run_formal_argumentation, "clingo": run_clingo}
MODULES = {"argmap": "argmap", "formal-argumentation": "argumentation", "clingo": "clingo"}


def measure(tool: str, task: str, path: str, timeout: float) -> dict:
    """Run one worker in a fresh process; its result, or why there is none."""
    try:
        __import__(MODULES[tool])
    except ImportError:
        return {"error": "not installed"}
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", tool, task, path]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"> {timeout:.0f} s (timed out)"}
    if proc.returncode != 0:
        return {"error": "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:80]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the frameworks ----------------------------------------------------------------------------


def random_framework(path: str, n: int, m: int) -> None:
    rng = random.Random(1)
    edges = {(rng.randrange(n) + 1, rng.randrange(n) + 1) for _ in range(m)}
    with open(path, "w") as f:
        f.write(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in sorted(edges)))


def debate_framework(path: str, n: int) -> str:
    from synthetic import thread

    import argmap
    from argmap.af import write_af

    doc = argmap.parse(thread(n, seed=2, mutual=0.15))
    af = argmap.to_framework(doc).af
    with open(path, "w") as f:
        f.write(write_af(af, "i23"))
    return f"{len(af)} arguments, {len(af.attacks)} attacks from {len(doc.propositions)} propositions"


def report(title: str, task: str, path: str, timeout: float) -> bool:
    print(f"\n{title}")
    rows = {tool: measure(tool, task, path, timeout) for tool in WORKERS}
    base = rows["argmap"].get("task")
    print(f"  {'tool':<22}{'load':>9}{'task':>10}{'ratio':>10}  result")
    for tool, r in rows.items():
        if "error" in r:
            print(f"  {tool:<22}{'':>9}{r['error']:>10}")
            continue
        ratio = f"{r['task'] / base:.1f}x" if base else "-"
        print(f"  {tool:<22}{r['load']:>8.2f}s{r['task']:>9.2f}s{ratio:>10}  {r['result']}")
    return base is not None


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--grounded-n", type=int, default=1_000_000)
    p.add_argument("--debate-n", type=int, default=100_000)
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--worker", nargs=3, metavar=("TOOL", "TASK", "FILE"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        tool, task, path = args.worker
        print(json.dumps(WORKERS[tool](task, path)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        random_path = os.path.join(tmp, "random.i23")
        n = args.grounded_n
        random_framework(random_path, n, 3 * n)
        report(
            f"grounded, random framework: {n} arguments, ~{3 * n} attacks", "GR", random_path, args.timeout
        )
        grounded = measure("argmap", "GR", random_path, args.timeout)
        debate_path = os.path.join(tmp, "debate.i23")
        what = debate_framework(debate_path, args.debate_n)
        for task, name in (("PR", "one preferred extension (SE-PR)"), ("ST", "one stable extension (SE-ST)")):
            report(f"{name}, debate-like map: {what}", task, debate_path, args.timeout)
    limit = 1.0 * n / 1_000_000
    met = grounded.get("task", float("inf")) <= limit
    print(f"\ntarget: argmap grounded at most {limit:.2f} s on {n} arguments:", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
