"""SAT encodings of Dung semantics on a :class:`~._graph.Graph`, and the searches built on them.

Variables, for local argument ``i`` of ``k``: ``in`` = i + 1 (in the set), ``out`` =
k + i + 1 (attacked by the set: exactly "some attacker is in"), and, where ranges
matter, ``rng`` = 2k + i + 1 (in the set or attacked by it).

* conflict-free: no argument both in and out;
* admissible: an argument in has every attacker out;
* complete: also, an argument whose attackers are all out is in;
* stable: every argument in or out.

The searches never list extensions to answer a question about one argument:
:func:`maximal` finds an extension that meets a condition (a preferred extension
without the query, a semi-stable one that does not attack it, …) by growing a
candidate until it is maximal among those that meet the condition, then asking
once whether anything at all is larger; if something is, every set below the
candidate is ruled out for good and the search goes on (the counter-example-guided
loop of CEGARTIX and μ-toksia).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal, TypeAlias

from ._graph import Graph

__all__ = ["By", "Encoding", "admissible_with", "enumerate_models", "ideal", "maximal", "maximal_all"]

#: what a search maximises: the set itself (preferred) or its range (semi-stable, stage)
By: TypeAlias = Literal["in", "rng"]


class Encoding:
    """A SAT solver (CaDiCaL, through python-sat) loaded with one semantics on a graph."""

    def __init__(self, g: Graph, kind: str, ranges: bool = False) -> None:
        """``kind``: CF, AD, CO or ST; ``ranges``: also define ``rng`` variables."""
        from pysat.solvers import Solver

        self.g = g
        self.k = k = len(g)
        self.top = 3 * k
        clauses: list[list[int]] = []
        add = clauses.append
        for i, att in enumerate(g.attackers):
            x, o = i + 1, k + i + 1
            add([-x, -o])  # conflict-free
            add([-o, *[b + 1 for b in att]])  # out: some attacker in ...
            for b in att:
                add([-(b + 1), o])  # ... and any attacker in makes it out
            if kind in ("AD", "CO"):
                for b in att:
                    add([-x, k + b + 1])  # in: every attacker out
            if kind == "CO":
                add([x, *[-(k + b + 1) for b in att]])  # every attacker out: in
            elif kind == "ST":
                add([x, o])
            if ranges:
                r = 2 * k + i + 1
                add([-r, x, o])
                add([r, -x])
                add([r, -o])
        self.solver = Solver(name="cadical153", bootstrap_with=clauses)

    def fresh(self) -> int:
        """A new variable, for an activation literal."""
        self.top += 1
        return self.top

    def solve(self, assumptions: Sequence[int] = ()) -> frozenset[int] | None:
        """The IN set of a model, or None when there is none."""
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        model = self.solver.get_model()  # every in variable occurs in a clause: model[i] is in_i's literal
        return frozenset(i for i in range(self.k) if model[i] > 0)

    def range_of(self, ins: frozenset[int]) -> frozenset[int]:
        """The set and what it attacks."""
        attacked = self.g.attacked
        covered = set(ins)
        for i in ins:
            covered.update(attacked[i])
        return frozenset(covered)

    def key(self, ins: frozenset[int], by: By) -> frozenset[int]:
        return ins if by == "in" else self.range_of(ins)

    def _var(self, by: By) -> int:
        return 0 if by == "in" else 2 * self.k

    def outside(self, key: frozenset[int], by: By) -> list[int]:
        """The clause "something outside ``key`` is in (by "in") / in range (by "rng")"."""
        base = self._var(by) + 1
        return [base + i for i in range(self.k) if i not in key]

    def bigger(self, ins: frozenset[int], by: By, assumptions: Sequence[int] = ()) -> frozenset[int] | None:
        """A model whose set (or range) strictly contains that of ``ins``, under ``assumptions``."""
        key = self.key(ins, by)
        outside = self.outside(key, by)
        if not outside:
            return None
        act = self.fresh()
        self.solver.add_clause([-act, *outside])
        base = self._var(by) + 1
        found = self.solve([*assumptions, act, *[base + i for i in key]])
        self.solver.add_clause([-act])  # retire the clause
        return found

    def grow(self, ins: frozenset[int], by: By, assumptions: Sequence[int] = ()) -> frozenset[int]:
        """Enlarge ``ins`` (or its range) under ``assumptions`` until nothing is larger."""
        while True:
            larger = self.bigger(ins, by, assumptions)
            if larger is None:
                return ins
            ins = larger

    def block(self, key: frozenset[int], by: By) -> None:
        """Rule out, for good, every model whose set (or range) lies inside ``key``."""
        self.solver.add_clause(self.outside(key, by))

    def close(self) -> None:
        self.solver.delete()


def maximal(enc: Encoding, by: By, condition: Sequence[int] = ()) -> frozenset[int] | None:
    """A model maximal by ``by`` among all models that satisfies ``condition`` (literals), or None.

    Blocks added here rule out only sets below a candidate that is not maximal: no maximal
    model is lost, for this search or any later one on the same encoding
    (test_counter_example_search_rules_out_only_sets_below_each_candidate).
    """
    while True:
        ins = enc.solve(condition)
        if ins is None:
            return None
        ins = enc.grow(ins, by, condition)
        key = enc.key(ins, by)
        if not condition or len(key) == enc.k or enc.bigger(ins, by) is None:
            return ins
        enc.block(key, by)


def maximal_all(enc: Encoding, by: By) -> Iterator[frozenset[int]]:
    """Every model maximal by ``by``: preferred extensions (by "in" on the complete encoding),
    semi-stable or stage extensions (by "rng"), each once."""
    while True:
        ins = enc.solve()
        if ins is None:
            return
        ins = enc.grow(ins, by)
        key = enc.key(ins, by)
        if by == "in":
            yield ins
        else:  # every extension with this maximal range: sets with one range are incomparable
            exact = [2 * enc.k + 1 + i for i in key] + [
                -(2 * enc.k + 1 + i) for i in range(enc.k) if i not in key
            ]
            while ins is not None:
                yield ins
                enc.block(ins, "in")
                ins = enc.solve(exact)
        if len(key) == enc.k:
            return
        enc.block(key, by)  # later ones are not below this one


def enumerate_models(enc: Encoding, incomparable: bool) -> Iterator[frozenset[int]]:
    """Every model's IN set once, each blocked for good as it is found (the encoding is used for
    nothing else).  ``incomparable``: no model's set contains another's (stable), so blocking
    its subsets is enough."""
    k = enc.k
    while True:
        ins = enc.solve()
        if ins is None:
            return
        yield ins
        if incomparable:
            enc.block(ins, "in")
        else:
            enc.solver.add_clause([-(i + 1) if i in ins else i + 1 for i in range(k)])


def admissible_with(g: Graph, i: int) -> frozenset[int] | None:
    """An admissible set containing local argument ``i``, by one SAT call, or None.

    Only ``in`` variables: for each attack (b, x), not both in, and x in needs some
    attacker of b in.  Credulous acceptance under complete and preferred semantics is
    credulous acceptance of this.
    """
    from pysat.solvers import Solver

    clauses: list[list[int]] = [[i + 1]]
    add = clauses.append
    attackers = g.attackers
    for x, att in enumerate(attackers):
        for b in att:
            add([-(x + 1), -(b + 1)])
            add([-(x + 1), *[c + 1 for c in attackers[b]]])
    solver = Solver(name="cadical153", bootstrap_with=clauses)
    try:
        if not solver.solve():
            return None
        true = {lit for lit in solver.get_model() if lit > 0}
        return frozenset(x for x in range(len(g)) if x + 1 in true)
    finally:
        solver.delete()


def ideal(g: Graph) -> frozenset[int]:
    """The ideal extension: the largest admissible set of arguments that no credulously
    accepted argument attacks.

    The credulously accepted arguments are collected with one SAT call per complete
    extension that brings a new one (never one per preferred extension); the largest
    admissible subset of the candidates is then a greatest fixed point, by a worklist.
    Why this is the ideal extension is in docs/evaluation.md.
    """
    k = len(g)
    enc = Encoding(g, "CO")
    accepted: set[int] = set()
    try:
        while True:
            act = enc.fresh()
            enc.solver.add_clause([-act, *[i + 1 for i in range(k) if i not in accepted]])
            found = enc.solve([act])
            enc.solver.add_clause([-act])
            if found is None:
                break
            accepted |= found
    finally:
        enc.close()
    attacked, attackers = g.attacked, g.attackers
    hit = [0] * k  # how many members of the candidate set attack each argument
    member = bytearray(k)
    for x in accepted:
        if not any(b in accepted for b in attackers[x]):
            member[x] = 1
    for x in range(k):
        if member[x]:
            for b in attacked[x]:
                hit[b] += 1
    todo = [x for x in range(k) if member[x] and any(not hit[b] for b in attackers[x])]
    while todo:  # drop members with an attacker the set does not attack, until none is left
        x = todo.pop()
        if not member[x]:
            continue
        member[x] = 0
        for b in attacked[x]:
            hit[b] -= 1
            if not hit[b]:
                todo.extend(y for y in attacked[b] if member[y])
    return frozenset(x for x in range(k) if member[x])
