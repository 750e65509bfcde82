"""Parts of a framework as small integer graphs: the grounded reduct, its independent
components, the ancestors of an argument, and the least complete extension above a set.

The solvers work on a :class:`Graph`: arguments numbered ``0..k-1`` locally, with the
framework's index of each in ``ids``.  Every function here is linear in the size of
what it reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._framework import AF

__all__ = ["IN", "OUT", "UNDEC", "Graph", "ancestors", "complete_closure", "components", "grounded_labelling"]

UNDEC, IN, OUT = 0, 1, 2


def grounded_labelling(af: AF) -> list[int]:
    """IN / OUT / UNDEC per argument index, by a worklist over counts of live attackers.

    Linear in the size of the framework: each attack is looked at once when its
    attacker turns OUT (1 = IN, 2 = OUT, 0 = UNDEC).  ``test_grounded_is_linear_worklist_on_a_long_chain``
    and ``bench_semantics.py`` (10^6 arguments) guard its speed.
    """
    attacked = af.attacked
    live = [len(a) for a in af.attackers]
    label = bytearray(len(live))
    todo = [i for i, c in enumerate(live) if c == 0]
    for i in todo:
        label[i] = IN
    pop, push = todo.pop, todo.append
    while todo:
        for j in attacked[pop()]:
            if not label[j]:
                label[j] = OUT
                for k in attacked[j]:
                    live[k] -= 1
                    if not live[k] and not label[k]:
                        label[k] = IN
                        push(k)
    return list(label)


def complete_closure(
    attackers: Sequence[Sequence[int]], attacked: Sequence[Sequence[int]], ins: Iterable[int]
) -> frozenset[int]:
    """The least complete extension containing the admissible set ``ins``.

    The grounded worklist started from ``ins`` as well as the unattacked arguments:
    everything IN attacks turns OUT, and whatever then has only OUT attackers turns IN.
    """
    live = [len(a) for a in attackers]
    label = bytearray(len(live))
    todo = [i for i, c in enumerate(live) if c == 0]
    todo += ins
    for i in todo:
        label[i] = IN
    result = set(todo)
    pop, push = todo.pop, todo.append
    while todo:
        for j in attacked[pop()]:
            if not label[j]:  # ins is conflict-free: nothing IN is attacked
                label[j] = OUT
                for k in attacked[j]:
                    live[k] -= 1
                    if not live[k] and not label[k]:
                        label[k] = IN
                        result.add(k)
                        push(k)
    return frozenset(result)


class Graph:
    """Arguments ``0..k-1`` with their attackers and the arguments they attack.

    ``ids[i]`` is local argument ``i``'s index in the framework; local numbers
    follow the framework's order, so two parts wired the same way have the
    same :meth:`signature`.
    """

    __slots__ = ("attacked", "attackers", "ids")

    def __init__(self, ids: list[int], attackers: list[list[int]], attacked: list[list[int]]) -> None:
        self.ids = ids
        self.attackers = attackers
        self.attacked = attacked

    def __len__(self) -> int:
        return len(self.ids)

    def signature(self) -> tuple[tuple[int, ...], ...]:
        """The local attack structure: parts with equal signatures have the same answers."""
        return tuple(map(tuple, self.attackers))

    def sub(self, nodes: Sequence[int]) -> Graph:
        """The part induced by the local arguments ``nodes`` (in increasing order)."""
        where = {x: j for j, x in enumerate(nodes)}
        attackers = [[where[b] for b in self.attackers[x] if b in where] for x in nodes]
        attacked = [[where[b] for b in self.attacked[x] if b in where] for x in nodes]
        return Graph([self.ids[x] for x in nodes], attackers, attacked)

    def globals(self, local: Iterable[int]) -> list[int]:
        """Framework indexes of local arguments."""
        ids = self.ids
        return [ids[i] for i in local]


def components(af: AF, keep: Sequence[int] | None = None) -> list[Graph]:
    """The weakly connected components of the framework restricted to the arguments where
    ``keep`` is true (all of them when ``keep`` is None), each as a :class:`Graph`.

    Parts that no attack joins are independent: under every semantics here the
    extensions of the whole are the unions of one extension of each part.
    """
    attackers, attacked = af.attackers, af.attacked
    n = len(attackers)
    wanted = bytearray(b"\x01") * n if keep is None else bytearray(1 if k else 0 for k in keep)
    local = [-1] * n
    parts: list[Graph] = []
    for root in range(n):
        if not wanted[root] or local[root] >= 0:
            continue
        members = [root]
        local[root] = 0
        for x in members:  # breadth first: the list grows while it is read
            for y in attackers[x]:
                if wanted[y] and local[y] < 0:
                    local[y] = 0
                    members.append(y)
            for y in attacked[x]:
                if wanted[y] and local[y] < 0:
                    local[y] = 0
                    members.append(y)
        members.sort()
        for j, x in enumerate(members):
            local[x] = j
        parts.append(
            Graph(
                members,
                [[local[b] for b in attackers[x] if wanted[b]] for x in members],
                [[local[b] for b in attacked[x] if wanted[b]] for x in members],
            )
        )
    return parts


def ancestors(g: Graph, i: int) -> list[int]:
    """The local arguments with an attack path to ``i`` (``i`` included), in increasing order.

    Nothing outside attacks them: by directionality the complete, preferred and
    ideal extensions of this part are those of the whole cut down to it.
    """
    seen = {i}
    todo = [i]
    attackers = g.attackers
    while todo:
        for b in attackers[todo.pop()]:
            if b not in seen:
                seen.add(b)
                todo.append(b)
    return sorted(seen)
