"""Argumentation semantics at scale, argmap against formal-argumentation and clingo.

    pip install -r benchmarks/requirements.txt     # the competitors (once)
    python benchmarks/bench_semantics.py [--only SECTION,...] [--timeout S] [--pairs-timeout S]

Sections (all by default):

* ``grounded``: grounded semantics on a random framework of 10^6 arguments and
  3*10^6 attacks (target for argmap: at most 1 s);
* ``debate``: one preferred and one stable extension (ICCMA tasks SE-PR, SE-ST) of
  the framework of a debate-like map of 10^5 propositions: a synthetic thread
  (benchmarks/synthetic.py) in which 15% of rebuttals are answered by a rebuttal
  back, translated by argmap.to_framework;
* ``pairs``: the frameworks of issue #20, 16 and 1,000 pairs of arguments attacking
  each other, an isolated argument and a 3-cycle (n = 2*pairs + 4), querying the
  isolated argument: DS-PR, SE-ID, DS-SST, DC-STG (targets: under 1 s at 16 pairs,
  under 10 s at 1,000) and EE-PR on 16 pairs (65,536 extensions; under 5 s);
* ``random``: DC-CO on a random framework of 2,000 arguments, each ordered pair an
  attack with probability 0.002 (seed 2), for a fixed list of queries (target: argmap's
  total no larger than clingo's);
* ``tree``: the same tasks on a random tree of 100,000 arguments (each attacks a random
  earlier one), querying the root;
* ``eval``: ``argmap.evaluate`` of a map of 10,000 pairs of mutually rebutting claims
  under every Dung semantics (target: each under 5 s; no competitor: labels need the
  intersection of every extension, which the others get by listing them).

Every tool runs in its own process on the same framework (an ICCMA'23 file);
each reports the time to load the framework into its own structures and the
time of the task itself, and the ratios compare the task times.  A tool that
is not installed or runs past the timeout is reported as such.

clingo runs the ASPARTIX-style encodings of benchmarks/aspartix.py: a question
that one answer set settles is one solver call with a constraint (DC-CO through
admissible sets, DC-ST, DS-ST; DS-CO by the grounded program); the others list the
subset-maximal answer sets with the domain heuristic (``--enum-mode=domRec``), as
the clingo comparison tests do, and stop at the first witness or counter-example
(for SST and STG each maximal range is searched again for an extension with or
without the query); SE-ID intersects every preferred extension and keeps its
largest admissible subset.  The process is killed at the timeout.
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


def run_argmap_iccma(task: str, path: str, query: str | None) -> dict:
    import pysat.solvers  # noqa: F401  # the SAT library is loaded before the clock starts, as clingo is

    from argmap.af import read_af, solve

    t = time.perf_counter()
    with open(path) as f:
        af = read_af(f.read(), "i23")
    load = time.perf_counter() - t
    t = time.perf_counter()
    lines = solve(af, task, query, "i23")
    elapsed = time.perf_counter() - t
    return {"load": load, "task": elapsed, "result": summary(task, lines)}


def summary(task: str, lines: list[str]) -> str:
    """YES / NO for DC and DS, the extension's size for SE, how many for EE."""
    kind = task.split("-")[0]
    if kind == "EE":
        return f"{len(lines)} extensions"
    if kind == "SE":
        return "NO" if lines == ["NO"] else f"{len(lines[0].split()) - 1} arguments"
    return lines[0]


def run_clingo_iccma(task: str, path: str, query: str | None) -> dict:
    import clingo
    from aspartix import ADMISSIBLE, BASE, COMPLETE, ENCODINGS, RANGE, STABLE, control_arguments

    t = time.perf_counter()
    n, edges = read_i23(path)
    facts = "".join(f"arg({i}).\n" for i in range(1, n + 1)) + "".join(f"att({a},{b}).\n" for a, b in edges)
    load = time.perf_counter() - t
    t = time.perf_counter()
    kind, sem = task.split("-")

    def models(program: str, options: list[str], limit: int = 0):
        ctl = clingo.Control([str(limit), "--warn=none", *options])
        ctl.add("base", [], program + facts)
        ctl.ground([("base", [])])
        with ctl.solve(yield_=True) as handle:
            for model in handle:
                yield {int(str(s.arguments[0])) for s in model.symbols(atoms=True) if s.name == "in"}

    def first(program: str) -> set[int] | None:
        return next(models(program, [], 1), None)

    def maximal(semantics: str):  # subset-maximal answer sets (one per maximal range for SST, STG)
        return models(ENCODINGS[semantics][0], control_arguments(semantics)[1:])

    def same_range(semantics: str, ext: set[int], constraint: str) -> bool:
        covered = ext | {b for a, b in edges if a in ext}
        base = COMPLETE if semantics == "SST" else BASE
        fixed = "".join(f":- not in_range({x}).\n" for x in covered)
        return first(base + RANGE + fixed + constraint) is not None

    q = int(query) if query else None
    if kind == "DC" and sem in ("CO", "PR"):
        result = "YES" if first(ADMISSIBLE + f":- not in({q}).\n") is not None else "NO"
    elif kind == "DC" and sem == "ST":
        result = "YES" if first(STABLE + f":- not in({q}).\n") is not None else "NO"
    elif kind == "DS" and sem == "ST":
        result = "NO" if first(STABLE + f":- in({q}).\n") is not None else "YES"
    elif kind == "DS" and sem == "CO":
        result = "YES" if q in (first(ENCODINGS["GR"][0]) or set()) else "NO"
    elif kind in ("DC", "DS") and sem in ("PR", "SST", "STG"):
        want = kind == "DC"
        result = "NO" if want else "YES"
        for ext in maximal(sem):
            if (q in ext) == want or (
                sem != "PR" and same_range(sem, ext, f":- {'not ' if want else ''}in({q}).\n")
            ):
                result = "YES" if want else "NO"
                break
    elif sem == "ID":
        preferred = list(maximal("PR"))
        keep = set.intersection(*preferred) if preferred else set()
        attackers: dict[int, set[int]] = {}
        for a, b in edges:
            attackers.setdefault(b, set()).add(a)
        while True:  # the largest admissible subset of the intersection
            hit = {b for a, b in edges if a in keep}
            drop = {x for x in keep if not attackers.get(x, set()) <= hit}
            if not drop:
                break
            keep -= drop
        result = f"{len(keep)} arguments" if kind == "SE" else ("YES" if q in keep else "NO")
    elif kind == "SE":
        ext = next(maximal(sem), None) if ENCODINGS[sem][1] else first(ENCODINGS[sem][0])
        result = "NO" if ext is None else f"{len(ext)} arguments"
    elif kind == "EE" and sem in ("CO", "ST", "PR"):
        result = (
            f"{sum(1 for _ in (maximal(sem) if sem == 'PR' else models(ENCODINGS[sem][0], [])))} extensions"
        )
    else:
        raise SystemExit(f"clingo worker: {task} is not set up")
    return {"load": load, "task": time.perf_counter() - t, "result": result}


WORKERS = {"argmap": run_argmap, "formal-argumentation": run_formal_argumentation, "clingo": run_clingo}
ICCMA_WORKERS = {"argmap": run_argmap_iccma, "clingo": run_clingo_iccma}
MODULES = {"argmap": "argmap", "formal-argumentation": "argumentation", "clingo": "clingo"}


def measure(tool: str, task: str, path: str, timeout: float, query: str | None = None) -> dict:
    """Run one worker in a fresh process; its result, or why there is none."""
    try:
        __import__(MODULES[tool])
    except ImportError:
        return {"error": "not installed"}
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", tool, task, path]
    if query is not None or "-" in task:
        cmd = [sys.executable, os.path.abspath(__file__), "--iccma", tool, task, path, query or "-"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"> {timeout:.0f} s", "timeout": timeout}
    if proc.returncode != 0:
        return {"error": "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:80]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the frameworks ----------------------------------------------------------------------------


def random_framework(path: str, n: int, m: int) -> None:
    rng = random.Random(1)
    edges = {(rng.randrange(n) + 1, rng.randrange(n) + 1) for _ in range(m)}
    write_i23(path, n, sorted(edges))


def write_i23(path: str, n: int, edges: list[tuple[int, int]]) -> None:
    with open(path, "w") as f:
        f.write(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in edges))


def pairs_framework(path: str, pairs: int) -> str:
    """``pairs`` pairs attacking each other, an isolated argument, a 3-cycle; the isolated one's number."""
    edges = [(2 * k + a, 2 * k + b) for k in range(pairs) for a, b in ((1, 2), (2, 1))]
    c = 2 * pairs + 2
    edges += [(c, c + 1), (c + 1, c + 2), (c + 2, c)]
    write_i23(path, 2 * pairs + 4, edges)
    return str(2 * pairs + 1)


def density_framework(path: str, n: int, density: float, seed: int) -> int:
    """Each ordered pair (self-attacks included) an attack with probability ``density``."""
    rng = random.Random(seed)
    edges = [(i + 1, j + 1) for i in range(n) for j in range(n) if rng.random() < density]
    write_i23(path, n, edges)
    return len(edges)


def tree_framework(path: str, n: int) -> None:
    """A random tree: argument i > 1 attacks a random earlier argument (replies attack what they answer)."""
    rng = random.Random(3)
    write_i23(path, n, [(i, rng.randrange(1, i)) for i in range(2, n + 1)])


def debate_framework(path: str, n: int) -> str:
    from synthetic import thread

    import argmap
    from argmap.af import write_af

    doc = argmap.parse(thread(n, seed=2, mutual=0.15))
    af = argmap.to_framework(doc).af
    with open(path, "w") as f:
        f.write(write_af(af, "i23"))
    return f"{len(af)} arguments, {len(af.attacks)} attacks from {len(doc.propositions)} propositions"


def report(title: str, task: str, path: str, timeout: float) -> dict[str, dict]:
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
    return rows


def iccma_table(title: str, cases: list[tuple[str, str | None]], path: str, timeout: float) -> list[dict]:
    """argmap and clingo on each (task, query); a row per case with both times and the ratio."""
    print(f"\n{title}")
    print(f"  {'task':<14}{'argmap':>10}{'clingo':>12}{'clingo/argmap':>15}  answers")
    rows = []
    for task, query in cases:
        ours = measure("argmap", task, path, timeout, query)
        theirs = measure("clingo", task, path, timeout, query)
        row = {"task": task, "query": query, "argmap": ours, "clingo": theirs}
        rows.append(row)
        a = f"{ours['task']:.3f}s" if "task" in ours else ours["error"]
        c = f"{theirs['task']:.3f}s" if "task" in theirs else theirs["error"]
        if "task" in ours and ("task" in theirs or "timeout" in theirs):
            slower = theirs.get("task", theirs.get("timeout", 0))
            times = slower / max(ours["task"], 1e-3)
            ratio = f"{'> ' if 'timeout' in theirs else ''}{times:.0f}x" if times >= 10 else f"{times:.1f}x"
        else:
            ratio = "-"
        answers = f"{ours.get('result', '?')} / {theirs.get('result', '?')}"
        label = task + (f" {query}" if query else "")
        print(f"  {label:<14}{a:>10}{c:>12}{ratio:>15}  {answers}", flush=True)
        if "result" in ours and "result" in theirs and ours["result"] != theirs["result"]:
            print(f"  !! the answers differ on {label}")
    return rows


def run_eval(semantics: str, pairs: str) -> dict:
    """Worker: parse a map of ``pairs`` mutually rebutting pairs, then label it."""
    import argmap

    n = int(pairs)
    text = "".join(
        f"claim a{i}: A{i}.\nclaim b{i}: B{i}.\nrebut a{i} -> b{i}\nrebut b{i} -> a{i}\n" for i in range(n)
    )
    t = time.perf_counter()
    doc = argmap.parse(text)
    load = time.perf_counter() - t
    t = time.perf_counter()
    ev = argmap.evaluate(doc, semantics)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - t
    counts = {label: list(ev.labels.values()).count(label) for label in ("IN", "OUT", "UNDEC")}
    return {"load": load, "task": elapsed, "result": " ".join(f"{k} {v}" for k, v in counts.items() if v)}


EVAL_SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal")
PAIR_TASKS = ("DS-PR", "SE-ID", "DS-SST", "DC-STG")
SECTIONS = ("grounded", "debate", "pairs", "random", "tree", "eval")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run, of {','.join(SECTIONS)}")
    p.add_argument("--grounded-n", type=int, default=1_000_000)
    p.add_argument("--debate-n", type=int, default=100_000)
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--pairs-timeout", type=float, default=60, help="per task on the pairs frameworks")
    p.add_argument("--random-queries", default="3,5,7,8,10,20", help="DC-CO queries on the random framework")
    p.add_argument("--eval-pairs", type=int, default=10_000)
    p.add_argument("--worker", nargs=3, metavar=("TOOL", "TASK", "FILE"), help=argparse.SUPPRESS)
    p.add_argument("--iccma", nargs=4, metavar=("TOOL", "TASK", "FILE", "QUERY"), help=argparse.SUPPRESS)
    p.add_argument("--eval-worker", nargs=2, metavar=("SEMANTICS", "PAIRS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        tool, task, path = args.worker
        print(json.dumps(WORKERS[tool](task, path)))
        return 0
    if args.iccma:
        tool, task, path, query = args.iccma
        print(json.dumps(ICCMA_WORKERS[tool](task, path, None if query == "-" else query)))
        return 0
    if args.eval_worker:
        print(json.dumps(run_eval(*args.eval_worker)))
        return 0
    only = set(args.only.split(","))
    targets: list[tuple[str, bool]] = []

    def target(what: str, met: bool) -> None:
        targets.append((what, met))

    with tempfile.TemporaryDirectory() as tmp:
        if "grounded" in only:
            random_path = os.path.join(tmp, "random.i23")
            n = args.grounded_n
            random_framework(random_path, n, 3 * n)
            rows = report(
                f"grounded, random framework: {n} arguments, ~{3 * n} attacks",
                "GR",
                random_path,
                args.timeout,
            )
            limit = 1.0 * n / 1_000_000
            target(
                f"grounded at most {limit:.2f} s on {n} arguments", rows["argmap"].get("task", 1e9) <= limit
            )
        if "debate" in only:
            debate_path = os.path.join(tmp, "debate.i23")
            what = debate_framework(debate_path, args.debate_n)
            for task, name in (
                ("PR", "one preferred extension (SE-PR)"),
                ("ST", "one stable extension (SE-ST)"),
            ):
                report(f"{name}, debate-like map: {what}", task, debate_path, args.timeout)
        if "pairs" in only:
            for pairs, limit in ((16, 1.0), (1000, 10.0)):
                path = os.path.join(tmp, f"pairs{pairs}.i23")
                iso = pairs_framework(path, pairs)
                cases = [(task, iso if task[:2] in ("DC", "DS") else None) for task in PAIR_TASKS]
                if pairs == 16:
                    cases.append(("EE-PR", None))
                title = f"{pairs} mutual pairs, an isolated argument ({iso}, the query) and a 3-cycle: {2 * pairs + 4} arguments"
                for row in iccma_table(title, cases, path, args.pairs_timeout):
                    budget = 5.0 if row["task"] == "EE-PR" else limit
                    target(
                        f"{row['task']} on {pairs} pairs under {budget:g} s",
                        row["argmap"].get("task", 1e9) < budget,
                    )
        if "random" in only:
            path = os.path.join(tmp, "density.i23")
            m = density_framework(path, 2000, 0.002, seed=2)
            queries = [q for q in args.random_queries.split(",") if q]
            title = f"DC-CO, random framework: 2000 arguments, {m} attacks (density 0.002, seed 2)"
            rows = iccma_table(title, [("DC-CO", q) for q in queries], path, args.timeout)
            ours = sum(r["argmap"].get("task", args.timeout) for r in rows)
            theirs = sum(r["clingo"].get("task", r["clingo"].get("timeout", 0)) for r in rows)
            print(
                f"  {'total':<14}{ours:>9.2f}s{theirs:>11.2f}s{theirs / max(ours, 1e-3):>14.1f}x  (a timeout counts as the timeout)"
            )
            target(
                "DC-CO on the random framework no slower than clingo (total over the queries)", ours <= theirs
            )
        if "tree" in only:
            path = os.path.join(tmp, "tree.i23")
            tree_framework(path, 100_000)
            cases = [
                (task, "1" if task[:2] in ("DC", "DS") else None) for task in (*PAIR_TASKS, "DC-CO", "EE-PR")
            ]
            iccma_table(
                "a random tree of 100000 arguments (acyclic), querying the root 1", cases, path, args.timeout
            )
        if "eval" in only:
            print(
                f"\nargmap.evaluate on a map of {args.eval_pairs} pairs of claims rebutting each other ({2 * args.eval_pairs} propositions)"
            )
            print(f"  {'semantics':<14}{'parse':>9}{'labels':>10}  labels")
            for sem in EVAL_SEMANTICS:
                cmd = [sys.executable, os.path.abspath(__file__), "--eval-worker", sem, str(args.eval_pairs)]
                try:
                    proc = subprocess.run(
                        cmd, capture_output=True, text=True, timeout=args.timeout, check=False
                    )
                    r = json.loads(proc.stdout.strip().splitlines()[-1])
                    print(f"  {sem:<14}{r['load']:>8.2f}s{r['task']:>9.2f}s  {r['result']}")
                    target(f"eval {sem} of {args.eval_pairs} pairs under 5 s", r["task"] < 5.0)
                except (subprocess.TimeoutExpired, IndexError, json.JSONDecodeError):
                    print(f"  {sem:<14}{'failed or timed out':>19}")
                    target(f"eval {sem} of {args.eval_pairs} pairs under 5 s", False)
    print("\ntargets:")
    for what, met in targets:
        print(f"  {'met    ' if met else 'NOT met'}  {what}")
    return 0 if all(met for _, met in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
