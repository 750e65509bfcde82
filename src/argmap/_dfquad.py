"""DF-QuAD (Rago et al. 2016): gradual strengths on the bipolar map itself.

Each proposition starts from its base score (``base:`` in the language,
default 0.5).  Its attackers are its rebutters; its supporters are the
inferences of the supports that conclude it.  An inference starts from 1, is
weakened by its undercutters, and is only as strong as its premises together
(the product of their strengths: a linked argument needs all of them).  Strengths
combine as in DF-QuAD::

    va = 1 - prod(1 - attacker strengths),  vs = 1 - prod(1 - supporter strengths)
    strength = base - base * (va - vs)        if va >= vs
             = base + (1 - base) * (vs - va)  otherwise

Acyclic maps are computed exactly, each strength once in dependency order;
with cycles the update is iterated (damped) until it settles, which it usually
does; the result says whether it did.
"""

from __future__ import annotations

from math import prod

from ._document import Document

__all__ = ["df_quad"]

DEFAULT_BASE = 0.5


def _combine(base: float, attackers: list[float], supporters: list[float]) -> float:
    va = 1.0 - prod(1.0 - x for x in attackers)
    vs = 1.0 - prod(1.0 - x for x in supporters)
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def df_quad(doc: Document, *, rounds: int = 2000, tolerance: float = 1e-10) -> tuple[dict[str, float], bool]:
    """Strength of every proposition, and whether it is settled (always so when nothing depends on itself).

    >>> from argmap import parse
    >>> doc = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\nsupport s: b -> a\\nrebut c -> b\\n")
    >>> scores, converged = df_quad(doc)
    >>> {k: round(v, 3) for k, v in scores.items()}, converged
    ({'a': 0.625, 'b': 0.25, 'c': 0.5}, True)
    """
    tables = _tables(doc)
    props, base, sups, rebutters, undercutters, supporters = tables
    order = _dependency_order(props, sups, rebutters, undercutters, supporters)
    if order is not None:  # acyclic: each strength once, after everything it depends on
        strength: dict[str, float] = {}
        inference: dict[str, float] = {}
        for kind, x in order:
            if kind == "s":
                inference[x] = _combine(1.0, [strength[a] for a in undercutters[x]], []) * prod(
                    strength[p] for p in sups[x].premises if p in props
                )
            else:
                strength[x] = _combine(base[x], [strength[a] for a in rebutters[x]],
                                       [inference[s] for s in supporters[x]])  # fmt: skip
        return {p: strength[p] for p in props}, True
    return _iterate(*tables, rounds, tolerance)


def _tables(doc: Document):
    """Propositions, base scores, supports, and who rebuts, undercuts and supports what."""
    props = doc.propositions_by_id
    base = {p: (q.base if q.base is not None else DEFAULT_BASE) for p, q in props.items()}
    sups = {s.id: s for s in doc.supports_by_id.values() if s.conclusion in props and s.id not in props}
    rebutters: dict[str, list[str]] = {p: [] for p in props}
    for r in doc.rebuttals:
        if r.attacker in props and r.target in props:
            rebutters[r.target].append(r.attacker)
    undercutters: dict[str, list[str]] = {s: [] for s in sups}
    for u in doc.undercuts:
        if u.target in sups and u.attacker in props:
            undercutters[u.target].append(u.attacker)
    supporters: dict[str, list[str]] = {p: [] for p in props}
    for s in sups.values():
        supporters[s.conclusion].append(s.id)
    return props, base, sups, rebutters, undercutters, supporters


def _dependency_order(props, sups, rebutters, undercutters, supporters) -> list | None:
    """Propositions ("p", id) and inferences ("s", id), each after what its strength depends
    on (Kahn's algorithm); None when they depend on each other in a circle."""
    needs: dict = {}
    for p in props:
        needs["p", p] = [("p", a) for a in rebutters[p]] + [("s", s) for s in supporters[p]]
    for s, sup in sups.items():
        needs["s", s] = [("p", a) for a in undercutters[s]] + [("p", q) for q in sup.premises if q in props]
    waiting = {node: len(deps) for node, deps in needs.items()}
    used_by: dict = {}
    for node, deps in needs.items():
        for d in deps:
            used_by.setdefault(d, []).append(node)
    ready = [node for node, n in waiting.items() if n == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for user in used_by.get(node, ()):
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    return order if len(order) == len(needs) else None


def _iterate(props, base, sups, rebutters, undercutters, supporters, rounds, tolerance):
    """Repeated (Jacobi) updates, damped after 50 rounds, until nothing moves by ``tolerance``."""
    strength = dict(base)
    damping = 1.0
    for n in range(rounds):
        new_inf = {
            s: _combine(1.0, [strength[a] for a in undercutters[s]], [])
            * prod(strength[p] for p in sups[s].premises if p in props)
            for s in sups
        }
        new = {
            p: _combine(base[p], [strength[a] for a in rebutters[p]], [new_inf[s] for s in supporters[p]])
            for p in props
        }
        delta = max([abs(new[p] - strength[p]) for p in props] + [0.0])
        if n > 50:
            damping = 0.5  # cycles can oscillate; averaging settles most of them
        strength = {p: strength[p] + damping * (new[p] - strength[p]) for p in props}
        if delta < tolerance:
            return strength, True
    return strength, False
