"""Synthetic annotated threads of N propositions, with a realistic mix.

Deterministic for a given (n, seed).  Per post: 1-5 propositions; about 45%
of relations are supports (a fifth of them linked), 30% rebuttals, 5%
undercuts, 10% agreements or concessions, 10% restatements; most posts reply
to an earlier one and a quarter quote it.

    python benchmarks/synthetic.py 20000 > big.argmap
"""

from __future__ import annotations

import random
import sys

WORDS = (
    "alliance security Japan Korea China history apology treaty navy exercise trust "
    "trade bloc threat island dispute market pressure region democracy cooperation"
).split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize() + "."


def thread(n: int, seed: int = 0, mutual: float = 0.0) -> str:
    """Annotated text with ``n`` propositions.

    ``mutual``: the share of rebuttals answered by a rebuttal back (two claims
    that contradict each other), which makes the attack graph cyclic.
    """
    rng = random.Random(seed)
    lines = [f"title: Synthetic thread of {n} propositions", "language: en", ""]
    props: list[str] = []
    supports: list[str] = []
    bodies: dict[int, str] = {}
    post = 0
    authors = [f"user{i}" for i in range(max(2, n // 40))]
    while len(props) < n:
        header = f"post {post} by {rng.choice(authors)}"
        if post and rng.random() < 0.8:
            header += f" reply-to {rng.randrange(max(0, post - 30), post)}"
        lines.append(header)
        body = sentence(rng)
        bodies[post] = body
        lines.append(f"  | {body}")
        if post and rng.random() < 0.25:
            src = rng.randrange(max(0, post - 30), post)
            words = bodies[src].rstrip(".").split()
            lines.append(f"  quote {src}: {' '.join(words[:4])}")
        mine = []
        for _ in range(min(rng.randint(1, 5), n - len(props))):
            pid = f"c{len(props)}"
            kind = rng.choice(("claim", "claim", "premise", "evidence"))
            lines.append(f"  {kind} {pid}: {sentence(rng)}")
            props.append(pid)
            mine.append(pid)
        for pid in mine:
            if len(props) < 2:
                break
            r = rng.random()
            other = props[rng.randrange(max(0, len(props) - 200), len(props) - 1)]
            if other == pid:
                continue
            if r < 0.45:
                sid = f"s{len(supports)}"
                premises = [pid]
                if rng.random() < 0.2 and len(mine) > 1:
                    extra = rng.choice(mine)
                    if extra not in (pid, other):
                        premises.append(extra)
                conclusion = other if int(other[1:]) < int(pid[1:]) else pid
                premises = [p for p in premises if p != conclusion] or [other]
                if conclusion in premises:
                    continue
                lines.append(f"  support {sid}: {' & '.join(premises)} -> {conclusion}")
                supports.append(sid)
            elif r < 0.75:
                lines.append(f"  rebut {pid} -> {other}")
                if rng.random() < mutual:
                    lines.append(f"  rebut {other} -> {pid}")
            elif r < 0.80 and supports:
                lines.append(f"  undercut {pid} -> {rng.choice(supports[-50:])}")
            elif r < 0.90:
                lines.append(f"  {rng.choice(('agree', 'concede'))} {other}")
            else:
                lines.append(f"  restate {pid} -> {other}")
        lines.append("")
        post += 1
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(thread(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
