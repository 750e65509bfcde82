"""Extension semantics on abstract frameworks.

Grounded is computed natively in linear time.  The others use a SAT solver
(python-sat) on a labelling encoding: variable ``in_a`` for each argument,
``out_a`` (attacked by an IN argument) and, where ranges matter, ``r_a``.
Preferred, semi-stable and stage extensions are found by growing a candidate
until the solver finds nothing larger (the counter-example-guided loop of the
ICCMA solvers), then blocking everything it covers.  When the grounded
labelling decides every argument, it is the only complete, preferred, stable,
semi-stable, stage and ideal extension, and no solver is started.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Literal, Sequence, TypeAlias

from ._framework import AF

__all__ = [
    "SEMANTICS",
    "SemanticsCode",
    "credulous",
    "extensions",
    "grounded",
    "grounded_labelling",
    "skeptical",
    "some_extension",
]

#: A semantics by its ICCMA code: conflict-free, admissible, complete, grounded, preferred,
#: stable, semi-stable, stage or ideal.  The functions take the codes in any case (``"pr"`` too).
SemanticsCode: TypeAlias = Literal["CF", "AD", "CO", "GR", "PR", "ST", "SST", "STG", "ID"]

#: Every semantics :func:`extensions` knows, by its ICCMA code.
SEMANTICS: tuple[SemanticsCode, ...] = ("CF", "AD", "CO", "GR", "PR", "ST", "SST", "STG", "ID")
UNDEC, IN, OUT = 0, 1, 2


def grounded_labelling(af: AF) -> list[int]:
    """IN / OUT / UNDEC per argument index, by a worklist over counts of live attackers."""
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


def grounded(af: AF) -> frozenset[str]:
    """The grounded extension: the arguments that ``grounded_labelling`` labels IN."""
    return af.names(i for i, lab in enumerate(grounded_labelling(af)) if lab == IN)


def _check(semantics: str) -> str:
    s = semantics.upper()
    if s not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")
    return s


class _Encoding:
    """A SAT solver loaded with the constraints of one semantics."""

    def __init__(self, af: AF, kind: str, grounded: list[int] | None = None) -> None:
        """``grounded``: the grounded labelling, fixed as unit clauses (sound for complete-based kinds)."""
        from pysat.solvers import Solver

        self.af = af
        self.n = n = len(af)
        self.top = 3 * n
        self.solver = Solver(name="cadical153")
        add = self.solver.add_clause
        if kind in ("CF", "STG"):
            for i in range(n):
                for j in af.attacked[i]:
                    add([-self.inn(i), -self.inn(j)])
        else:  # admissible, complete or stable labellings
            for i in range(n):
                att = af.attackers[i]
                add([-self.inn(i), -self.out(i)])
                for b in att:
                    add([-self.inn(i), self.out(b)])  # IN: every attacker OUT
                    add([-self.inn(b), self.out(i)])  # an IN attacker makes it OUT
                add([-self.out(i)] + [self.inn(b) for b in att])  # OUT: some attacker IN
                if kind != "AD":
                    add([self.inn(i)] + [-self.out(b) for b in att])  # complete: all attackers OUT -> IN
                if kind == "ST":
                    add([self.inn(i), self.out(i)])
        if grounded is not None:  # every complete extension contains the grounded one
            for i, label in enumerate(grounded):
                if label == IN:
                    add([self.inn(i)])
                elif label == OUT:
                    add([self.out(i)])
        if kind in ("SST", "STG"):
            for i in range(n):
                r = self.rng(i)
                covers = [self.inn(i)] + (
                    [self.out(i)] if kind == "SST" else [self.inn(b) for b in af.attackers[i]]
                )
                add([-r] + covers)
                for c in covers:
                    add([r, -c])

    def inn(self, i: int) -> int:
        return i + 1

    def out(self, i: int) -> int:
        return self.n + i + 1

    def rng(self, i: int) -> int:
        return 2 * self.n + i + 1

    def fresh(self) -> int:
        self.top += 1
        return self.top

    def solve(self, assumptions: Iterable[int] = ()) -> frozenset[int] | None:
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        true = {lit for lit in self.solver.get_model() if lit > 0}  # unmentioned variables are false
        return frozenset(i for i in range(self.n) if i + 1 in true)

    def range_of(self, ins: frozenset[int]) -> frozenset[int]:
        """The IN arguments and those they attack."""
        covered = set(ins)
        for i in ins:
            covered.update(self.af.attacked[i])
        return frozenset(covered)

    def close(self) -> None:
        self.solver.delete()


def _enumerate(enc: _Encoding, assumptions: Sequence[int] = ()) -> Iterator[frozenset[int]]:
    """Every model's IN set (each IN set once)."""
    act = enc.fresh()
    while True:
        ins = enc.solve(list(assumptions) + [act])
        if ins is None:
            return
        yield ins
        enc.solver.add_clause(
            [-act] + [-enc.inn(i) for i in ins] + [enc.inn(i) for i in range(enc.n) if i not in ins]
        )


def _grow_set(enc: _Encoding, ins: frozenset[int], fixed: Sequence[int] = ()) -> frozenset[int]:
    """Enlarge an IN set until no admissible/complete superset exists."""
    while True:
        act = enc.fresh()
        enc.solver.add_clause([-act] + [enc.inn(i) for i in range(enc.n) if i not in ins])
        bigger = enc.solve([enc.inn(i) for i in ins] + [act] + list(fixed))
        enc.solver.add_clause([-act])
        if bigger is None:
            return ins
        ins = bigger


def _preferred(af: AF, enc: _Encoding, fixed: Sequence[int] = ()) -> Iterator[frozenset[int]]:
    while True:
        ins = enc.solve(fixed)
        if ins is None:
            return
        ins = _grow_set(enc, ins, fixed)
        yield ins
        outside = [enc.inn(i) for i in range(enc.n) if i not in ins]
        if not outside:
            return
        enc.solver.add_clause(outside)  # later extensions are not subsets of this one


def _range_maximal(af: AF, enc: _Encoding, kind: str) -> Iterator[frozenset[int]]:
    """Semi-stable (kind SST) or stage (STG) extensions: maximal range, every extension of it."""
    while True:
        ins = enc.solve()
        if ins is None:
            return
        rng = enc.range_of(ins)
        while True:  # grow the range
            act = enc.fresh()
            enc.solver.add_clause([-act] + [enc.rng(i) for i in range(enc.n) if i not in rng])
            bigger = enc.solve([enc.rng(i) for i in rng] + [act])
            enc.solver.add_clause([-act])
            if bigger is None:
                break
            ins, rng = bigger, enc.range_of(bigger)
        exact = [enc.rng(i) for i in rng] + [-enc.rng(i) for i in range(enc.n) if i not in rng]
        yield from _enumerate(enc, exact)
        outside = [enc.rng(i) for i in range(enc.n) if i not in rng]
        if not outside:
            return
        enc.solver.add_clause(outside)  # later ranges are not subsets of this one


def _ideal(af: AF) -> frozenset[int]:
    exts = [frozenset(af.index[a] for a in e) for e in extensions(af, "PR")]
    keep = set(frozenset.intersection(*exts)) if exts else set()
    changed = True
    while changed:  # the largest admissible subset: drop what keep does not defend
        changed = False
        attacked_by_keep = {j for i in keep for j in af.attacked[i]}
        for i in list(keep):
            if any(b not in attacked_by_keep for b in af.attackers[i]):
                keep.discard(i)
                changed = True
    return frozenset(keep)


def _iter(af: AF, s: str) -> Iterator[frozenset[int]]:
    if s == "GR":
        yield frozenset(i for i, lab in enumerate(grounded_labelling(af)) if lab == IN)
        return
    labels: list[int] | None = None
    if s not in ("CF", "AD"):
        labels = grounded_labelling(af)
        if UNDEC not in labels:  # the grounded extension is the only one (acyclic frameworks, say)
            yield frozenset(i for i, lab in enumerate(labels) if lab == IN)
            return
    if s == "ID":
        yield _ideal(af)
        return
    kind = {"PR": "CO"}.get(s, s)
    enc = _Encoding(af, kind, labels if s in ("CO", "PR", "ST", "SST") else None)
    try:
        if s == "PR":
            yield from _preferred(af, enc)
        elif s in ("SST", "STG"):
            yield from _range_maximal(af, enc, s)
        else:
            yield from _enumerate(enc)
    finally:
        enc.close()


def extensions(af: AF, semantics: SemanticsCode | str) -> list[frozenset[str]]:
    """All extensions of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), sorted.

    >>> af = AF(["a", "b"], [("a", "b"), ("b", "a")])
    >>> [sorted(e) for e in extensions(af, "PR")]
    [['a'], ['b']]
    """
    s = _check(semantics)
    found = [af.names(e) for e in _iter(af, s)]
    return sorted(set(found), key=lambda e: (len(e), sorted(e)))


def some_extension(af: AF, semantics: SemanticsCode | str) -> frozenset[str] | None:
    """One extension, or None when there is none (only stable semantics can have none)."""
    s = _check(semantics)
    for e in _iter(af, s):
        return af.names(e)
    return None


def credulous(af: AF, semantics: SemanticsCode | str, argument: str) -> tuple[bool, frozenset[str] | None]:
    """Whether ``argument`` is in some extension; with a witness extension if so."""
    s = _check(semantics)
    i = af.index[argument]
    if s in ("GR", "ID"):
        only = some_extension(af, s)
        assert only is not None  # grounded and ideal: always exactly one extension
        return (argument in only, only if argument in only else None)
    if s in ("CF", "AD", "CO", "PR", "ST"):
        kind = {"PR": "CO"}.get(s, s)
        enc = _Encoding(af, kind)
        try:
            ins = enc.solve([enc.inn(i)])
            if ins is None:
                return False, None
            if s == "PR":
                ins = _grow_set(enc, ins)
            return True, af.names(ins)
        finally:
            enc.close()
    for e in _iter(af, s):
        if i in e:
            return True, af.names(e)
    return False, None


def skeptical(af: AF, semantics: SemanticsCode | str, argument: str) -> tuple[bool, frozenset[str] | None]:
    """Whether ``argument`` is in every extension; with a counter-example extension if not.

    With no extension at all (stable semantics only), every argument is skeptically accepted.
    """
    s = _check(semantics)
    i = af.index[argument]
    if s in ("GR", "ID", "CO"):
        only = some_extension(af, "GR" if s == "CO" else s)
        assert only is not None  # grounded and ideal: always exactly one extension
        return (True, None) if argument in only else (False, only)
    if s == "ST":
        enc = _Encoding(af, "ST")
        try:
            ins = enc.solve([-enc.inn(i)])
            return (True, None) if ins is None else (False, af.names(ins))
        finally:
            enc.close()
    for e in _iter(af, s):
        if i not in e:
            return False, af.names(e)
    return True, None
