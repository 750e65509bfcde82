"""Strongly connected components, for the checker (circular support) and DF-QuAD."""

from __future__ import annotations

from typing import Callable, Hashable, Iterable, Sequence

__all__ = ["strongly_connected"]


def strongly_connected(roots: Iterable[Hashable], successors: Callable[[Hashable], Sequence]) -> list[list]:
    """The strongly connected components reachable from ``roots`` (Tarjan's algorithm, without
    recursion), each listed after every component it reaches.

    >>> steps = {"a": ["b"], "b": ["a", "c"], "c": []}
    >>> [sorted(c) for c in strongly_connected(steps, steps.__getitem__)]
    [['c'], ['a', 'b']]
    """
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    out: list[list] = []
    for root in roots:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            nexts = successors(node)
            if i < len(nexts):
                work.append((node, i + 1))
                nxt = nexts[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                out.append(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out
