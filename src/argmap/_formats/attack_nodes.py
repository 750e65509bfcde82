"""Attack nodes that aim at attack nodes (AIF's CA on CA, SADFace's conflict on conflict).

An attack node gives an attack when it aims at something that is there: a proposition, a
support that was read, or an attack node that gives an attack itself.  Attack nodes may aim at
each other in chains and cycles, so which do is found by elimination: those left without a
target are taken out one at a time, each telling the nodes that aim at it (linear time in the
nodes and edges, whatever the chains).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Mapping

__all__ = ["live_attacks"]


def live_attacks(
    candidates: Iterable[str], targets: Mapping[str, list[str]], there: Callable[[str], bool]
) -> set[str]:
    """Those of ``candidates`` (attack nodes with attackers) that give an attack: with a target
    for which ``there`` holds, or that is a candidate giving an attack itself.

    >>> sorted(live_attacks(["a", "b", "c", "d"], {"a": ["p"], "b": ["a"], "c": ["x"], "d": ["c"]},
    ...                     lambda t: t == "p"))
    ['a', 'b']
    >>> sorted(live_attacks(["a", "b"], {"a": ["b"], "b": ["a"]}, lambda t: False))  # a cycle
    ['a', 'b']
    """
    live = set(candidates)
    aimed_by: defaultdict[str, list[str]] = defaultdict(list)
    left = dict.fromkeys(live, 0)  # how many of its targets may still be there
    for node in live:
        for t in targets.get(node, ()):
            if there(t) or t in live:
                left[node] += 1
                aimed_by[t].append(node)
    dead = [node for node in live if not left[node]]
    while dead:
        gone = dead.pop()
        live.discard(gone)
        for node in aimed_by[gone]:
            left[node] -= 1
            if not left[node] and node in live:
                dead.append(node)
    return live
