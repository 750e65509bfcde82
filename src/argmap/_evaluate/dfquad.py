"""DF-QuAD (Rago et al. 2016): gradual strengths on the bipolar map itself.

Each proposition starts from its base score (``base:`` in the language,
default 0.5).  Its attackers are its rebutters; its supporters are the
inferences of the supports that conclude it.  An inference starts from 1, is
weakened by its undercutters, and is only as strong as its premises together
(the product of their strengths: a linked argument needs all of them).  An attack
that is undercut, or linked (``rebut a & b -> c``), is an inference too: it
starts from 1, is weakened by its own undercutters and is only as strong as its
attackers together; it then attacks with that strength.  Strengths
combine as in DF-QuAD::

    va = 1 - prod(1 - attacker strengths),  vs = 1 - prod(1 - supporter strengths)
    strength = base - base * (va - vs)        if va >= vs
             = base + (1 - base) * (vs - va)  otherwise

The map is computed part by part, each after what it depends on: a
proposition or inference on no circle once, exactly; the members of a circle
(a strongly connected part) by repeated, damped updates of their own until
they settle, which they usually do; the result says whether they all did.
"""

from __future__ import annotations

from math import prod
from typing import Callable, Literal, Mapping, NamedTuple, TypeAlias

from .._model import Document, Proposition, Rebuttal, Support, Undercut, strongly_connected, without_gc
from .framework import attack_argument, attacks_of

__all__ = ["DEFAULT_BASE", "BipolarMap", "Node", "bipolar_map", "combine", "df_quad", "dependencies"]

DEFAULT_BASE = 0.5

#: a proposition ("p", id) or an inference ("s", id): a support's, or an attack's that is undercut
#: or linked (named by its id, or if unnamed by its text ``a&b->c``: framework.attack_argument)
Node: TypeAlias = tuple[Literal["p", "s"], str]


class BipolarMap(NamedTuple):
    """What DF-QuAD reads of a map: propositions, base scores, supports, and who rebuts,
    undercuts and supports what (by id)."""

    props: Mapping[str, Proposition]
    base: dict[str, float]
    #: the supports whose conclusion is a proposition (and whose id is not one)
    sups: dict[str, Support]
    #: proposition → what rebuts it: propositions, and attack inferences
    rebutters: dict[str, list[Node]]
    #: inference → what undercuts it: propositions, and attack inferences
    undercutters: dict[str, list[Node]]
    #: proposition → the supports that conclude it
    supporters: dict[str, list[str]]
    #: attack inference → its attackers (the attacks that are inferences: undercut or linked)
    attacks: dict[str, tuple[str, ...]]


def combine(base: float, attackers: list[float], supporters: list[float]) -> float:
    """DF-QuAD's combination of a base score with its attackers' and supporters' strengths."""
    va = 1.0 - prod(1.0 - x for x in attackers)
    vs = 1.0 - prod(1.0 - x for x in supporters)
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


@without_gc  # many small lists and tuples, no cycles
def df_quad(doc: Document, *, rounds: int = 2000, tolerance: float = 1e-10) -> tuple[dict[str, float], bool]:
    """Strength of every proposition, and whether it is settled (always so when nothing depends on itself).

    >>> from argmap import parse
    >>> doc = parse("claim a: A.\\nclaim b: B.\\nclaim c: C.\\nsupport s: b -> a\\nrebut c -> b\\n")
    >>> scores, converged = df_quad(doc)
    >>> {k: round(v, 3) for k, v in scores.items()}, converged
    ({'a': 0.625, 'b': 0.25, 'c': 0.5}, True)
    """
    m = bipolar_map(doc)
    props, base, sups, rebutters, undercutters, supporters, attacks = m
    needs = dependencies(m)
    strength: dict[str, float] = {}
    inference: dict[str, float] = {}

    def value(node: Node) -> float:
        return strength[node[1]] if node[0] == "p" else inference[node[1]]

    def inference_of(s: str) -> float:
        weakened = combine(1.0, [value(a) for a in undercutters[s]], [])
        needed = attacks[s] if s in attacks else [q for q in sups[s].premises if q in props]
        return weakened * prod(strength[q] for q in needed)

    def strength_of(p: str) -> float:
        return combine(base[p], [value(a) for a in rebutters[p]], [inference[s] for s in supporters[p]])

    settled = True
    # each part after the parts it depends on: a proposition or inference on no circle once,
    # exactly; a circle by repeated updates of its own members only
    for part in strongly_connected(needs, needs.__getitem__):
        if len(part) == 1 and part[0] not in needs[part[0]]:
            kind, x = part[0]
            if kind == "s":
                inference[x] = inference_of(x)
            else:
                strength[x] = strength_of(x)
            continue
        settled &= _iterate_circle(
            part, base, strength, inference, inference_of, strength_of, rounds, tolerance
        )
    return {p: strength[p] for p in props}, settled


def dependencies(m: BipolarMap) -> dict[Node, list[Node]]:
    """What each proposition ("p", id) and inference ("s", id) depends on: rebutters and
    supporting inferences; undercutters and premises."""
    props, rebutters, undercutters, supporters = m.props, m.rebutters, m.undercutters, m.supporters
    needs: dict[Node, list[Node]] = {
        ("p", p): rebutters[p] + [("s", s) for s in supporters[p]] for p in props
    }
    for s, sup in m.sups.items():
        needs["s", s] = undercutters[s] + [("p", q) for q in sup.premises if q in props]
    for s, attackers in m.attacks.items():
        needs["s", s] = undercutters[s] + [("p", a) for a in attackers]
    return needs


def _iterate_circle(
    part: list[Node],
    base: dict[str, float],
    strength: dict[str, float],
    inference: dict[str, float],
    inference_of: Callable[[str], float],
    strength_of: Callable[[str], float],
    rounds: int,
    tolerance: float,
) -> bool:
    """Update the members of one circle together (damped after 50 rounds) until none moves by
    ``tolerance``; whether that happened within ``rounds``.  Propositions start from their base
    score, inferences from 1 (an inference's own starting strength); a circle may hold
    inferences only (undercuts that undercut each other)."""
    ps = [x for kind, x in part if kind == "p"]
    ss = [x for kind, x in part if kind == "s"]
    for p in ps:
        strength[p] = base[p]
    for s in ss:
        inference[s] = 1.0
    damping = 1.0
    done = False
    for n in range(rounds):
        if n > 50:
            damping = 0.5  # circles can oscillate; averaging settles most of them
        new_s = [inference_of(s) for s in ss]
        delta = max((abs(v - inference[s]) for s, v in zip(ss, new_s)), default=0.0)
        for s, v in zip(ss, new_s):
            inference[s] += damping * (v - inference[s])
        new_p = [strength_of(p) for p in ps]
        delta = max([delta, *(abs(v - strength[p]) for p, v in zip(ps, new_p))])
        for p, v in zip(ps, new_p):
            strength[p] += damping * (v - strength[p])
        if delta < tolerance:
            done = True
            break
    return done


def bipolar_map(doc: Document) -> BipolarMap:
    """The :class:`BipolarMap` of ``doc``."""
    props = doc.propositions_by_id
    base = {p: (q.base if q.base is not None else DEFAULT_BASE) for p, q in props.items()}
    sups = {s.id: s for s in doc.supports_by_id.values() if s.conclusion in props and s.id not in props}
    undercut = {u.target for u in doc.undercuts}
    attacks: dict[str, tuple[str, ...]] = {}
    rebutters: dict[str, list[Node]] = {p: [] for p in props}
    undercutters: dict[str, list[Node]] = {s: [] for s in sups}
    for r in attacks_of(doc):
        if r.linked or (r.id is not None and r.id in undercut):
            name = attack_argument(r)
            if name not in props and name not in sups and all(a in props for a in r.attackers):
                attacks.setdefault(name, r.attackers)
                undercutters.setdefault(name, [])
    for r in attacks_of(doc):
        if not all(a in props for a in r.attackers):
            continue
        name = attack_argument(r)
        node: Node = ("s", name) if name in attacks and attacks[name] == r.attackers else ("p", r.attacker)
        if isinstance(r, Rebuttal) and r.target in props:
            rebutters[r.target].append(node)
        elif isinstance(r, Undercut) and r.target in undercutters:
            undercutters[r.target].append(node)
    supporters: dict[str, list[str]] = {p: [] for p in props}
    for s in sups.values():
        supporters[s.conclusion].append(s.id)
    return BipolarMap(props, base, sups, rebutters, undercutters, supporters, attacks)
