"""Strongly connected components, for the checker (circular support) and DF-QuAD."""

from __future__ import annotations

from typing import Callable, Hashable, Iterable, Sequence, TypeVar

__all__ = ["strongly_connected"]

_N = TypeVar("_N", bound=Hashable)


def strongly_connected(roots: Iterable[_N], successors: Callable[[_N], Sequence[_N]]) -> list[list[_N]]:
    """The strongly connected components reachable from ``roots`` (Tarjan's algorithm, without
    recursion), each listed after every component it reaches.

    >>> steps = {"a": ["b"], "b": ["a", "c"], "c": []}
    >>> [sorted(c) for c in strongly_connected(steps, steps.__getitem__)]
    [['c'], ['a', 'b']]
    """
    index: dict[_N, int] = {}
    low: dict[_N, int] = {}
    on_stack: set[_N] = set()
    stack: list[_N] = []
    out: list[list[_N]] = []
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
                comp: list[_N] = []
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
