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

Acyclic maps are computed exactly; with cycles the update is iterated (damped)
until it settles, which it usually does; the result says whether it did.
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
    """Strength of every proposition, and whether the iteration converged.

    >>> from argmap import parse
    >>> doc = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\nsupport s: b -> a\\nrebut c -> b\\n")
    >>> scores, converged = df_quad(doc)
    >>> {k: round(v, 3) for k, v in scores.items()}, converged
    ({'a': 0.625, 'b': 0.25, 'c': 0.5}, True)
    """
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
