"""An annotated map → an abstract framework, each attack with its origin.

The translation (docs/evaluation.md has worked examples):

* every proposition is an argument, and so is every support (its *inference*,
  named by the support's id);
* ``rebut a -> t`` is the attack (a, t); ``undercut u -> s`` the attack (u, s);
* an attack that is itself attacked (a named rebuttal or undercut that some
  undercut targets) or that is linked (``rebut a & b -> t``) is an argument of
  its own, named by its id (an unnamed linked attack by its text, ``a&b->t``):
  it attacks the target and needs every one of its attackers, so that attacking
  any attacker, or undercutting the attack, takes the attack away;
* an inference needs all its premises: each premise is a *necessary* support of
  it, so whatever attacks a premise attacks the inference;
* the inference supports its conclusion, read as *deductive* (the default: what
  attacks the conclusion attacks the argument for it, and the argument makes the
  conclusion's attacks its own) or as *necessary* (what attacks the inference
  attacks the conclusion, and the conclusion makes the inference's attacks its own);
* a restatement makes the two propositions interchangeable (necessary support
  both ways);
* agreements and concessions are moves in the dialogue, not logic: ignored;
  so is a proposition's voice (own, reported, supposed, ironic): whoever holds
  it, it is an argument like any other (its reason says whose it is).

Attacks are closed under these rules (Cayrol & Lagasquie-Schiex's supported,
mediated, secondary and extended attacks) until nothing changes.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from .._model import Document, Rebuttal, Undercut, UsageError, without_gc
from ..af import AF

__all__ = ["SUPPORT_READINGS", "SupportReading", "Translation", "attack_argument", "attacks_of", "to_framework"]

#: how a support acts on its conclusion (docs/evaluation.md)
SupportReading: TypeAlias = Literal["deductive", "necessary"]
SUPPORT_READINGS: tuple[SupportReading, ...] = ("deductive", "necessary")


@attrs.frozen
class Translation:
    """A map's abstract framework, with the origin of each attack in words."""

    af: AF
    #: (attacker, attacked) → how the attack arises, e.g. ``"c9 rebuts c6"``
    why: dict[tuple[str, str], str]


@without_gc  # a large map gives hundreds of thousands of attack pairs and reasons, and no cycles
def to_framework(doc: Document, *, support: SupportReading = "deductive") -> Translation:
    """The abstract framework of ``doc`` (see the module docstring), with the origin of each attack."""
    if support not in SUPPORT_READINGS:
        raise UsageError(f"support must be 'deductive' or 'necessary', not {support!r}")
    props = list(doc.propositions_by_id)
    sups = [s for s in doc.supports_by_id.values() if s.id not in doc.propositions_by_id]
    known = set(props) | {s.id for s in sups}
    inferences = _attack_inferences(doc, known)
    known |= inferences.keys()
    why: dict[tuple[str, str], str] = {}
    necessary: list[tuple[str, str]] = []  # (a, b): b needs a
    for r in attacks_of(doc):
        verb = "rebuts" if isinstance(r, Rebuttal) else "undercuts the inference"
        if r.target not in known or not all(a in known for a in r.attackers):
            continue
        name = attack_argument(r)
        if name in inferences:  # the attack is an argument: it needs its attackers
            necessary += [(a, name) for a in dict.fromkeys(r.attackers)]
            verbs = verb if not r.linked else ("rebut" if isinstance(r, Rebuttal) else "undercut the inference")
            why.setdefault((name, r.target), f"{' & '.join(r.attackers)} {verbs} {r.target}")
        else:
            why.setdefault((r.attacker, r.target), f"{r.attacker} {verb} {r.target}")
    deductive: list[tuple[str, str]] = []  # (a, b): a holding makes b hold
    for s in sups:
        if s.conclusion not in known:
            continue
        necessary += [(p, s.id) for p in dict.fromkeys(s.premises) if p in known]
        (deductive if support == "deductive" else necessary).append((s.id, s.conclusion))
    for rs in doc.restatements:
        if rs.source in known and rs.target in known and rs.source != rs.target:
            necessary += [(rs.source, rs.target), (rs.target, rs.source)]
    _close(why, necessary, deductive)
    return Translation(AF(props + [s.id for s in sups] + list(inferences), why), why)


def attack_argument(r: Rebuttal | Undercut) -> str:
    """The name of an attack's argument: its id, or (unnamed) its text without blanks,
    ``a&b->t``, which no id can be."""
    if r.id is not None:
        return r.id
    return f"{'&'.join(r.attackers)}->{r.target}"


def _attack_inferences(doc: Document, known: set[str]) -> dict[str, Rebuttal | Undercut]:
    """The attacks that are arguments of their own: linked ones, and named ones that are undercut."""
    undercut = {u.target for u in doc.undercuts}
    out: dict[str, Rebuttal | Undercut] = {}
    for r in attacks_of(doc):
        if r.linked or (r.id is not None and r.id in undercut):
            name = attack_argument(r)
            if name not in known:  # a clash of ids is R001's to report; keep the first meaning
                out.setdefault(name, r)
    return out


def _close(
    why: dict[tuple[str, str], str], necessary: list[tuple[str, str]], deductive: list[tuple[str, str]]
) -> None:
    """Add the attacks the support rules imply, until nothing changes."""
    need_of: dict[str, list[str]] = {}
    for a, b in necessary:
        need_of.setdefault(a, []).append(b)
    ded_into: dict[str, list[str]] = {}
    for a, b in deductive:
        ded_into.setdefault(b, []).append(a)
    todo = list(why)
    while todo:
        x, y = todo.pop()
        new = []
        for b in need_of.get(y, ()):  # secondary: x attacks y, y is needed by b
            new.append(((x, b), f"{x} attacks {y}, which {b} needs"))
        for b in need_of.get(x, ()):  # extended: x attacks y, x is needed by b
            new.append(((b, y), f"{b} needs {x}, which attacks {y}"))
        for a in ded_into.get(y, ()):  # mediated: x attacks y, a deductively supports y
            new.append(((x, a), f"{x} attacks {y}, the conclusion of {a}"))
        for a in ded_into.get(x, ()):  # supported: a deductively supports x, x attacks y
            new.append(((a, y), f"{a} supports {x}, which attacks {y}"))
        for pair, reason in new:
            if pair not in why:
                why[pair] = reason
                todo.append(pair)


def attacks_of(doc: Document) -> tuple[Rebuttal | Undercut, ...]:
    """Every rebuttal, then every undercut."""
    return (*doc.rebuttals, *doc.undercuts)
