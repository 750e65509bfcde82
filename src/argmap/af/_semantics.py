"""Extension semantics on abstract frameworks: extensions, acceptance, labels.

Grounded is computed natively in linear time.  Every other question is first cut
down, then handed to a SAT solver (python-sat, CaDiCaL) part by part:

* **the grounded shortcut** (complete-based semantics CO, PR, ST, SST, ID): every
  extension contains the grounded extension and leaves out what it attacks, and the
  extensions are exactly the grounded extension together with an extension of the
  *reduct*, the framework on the arguments grounded leaves undecided.  An argument
  grounded decides needs no solver.  (Not for stage semantics: a stage extension need
  not contain the grounded one.)
* **independent parts**: the weakly connected components of the reduct (of the whole
  framework for CF, AD and STG) share no attack, so every extension is one extension of
  each part put together.  Parts wired the same way are solved once.
* **targeted searches** inside a part (:mod:`._sat`): one SAT call, or a
  counter-example-guided search for an extension with or without an argument.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import product
from typing import Literal, TypeAlias

from .._model import without_gc
from ._framework import AF
from ._graph import IN, OUT, UNDEC, Graph, components, grounded_labelling
from ._parts import Part

__all__ = [
    "SEMANTICS",
    "Label",
    "SemanticsCode",
    "credulous",
    "extensions",
    "grounded",
    "grounded_labelling",
    "skeptical",
    "skeptical_labels",
    "some_extension",
]

#: A semantics by its ICCMA code: conflict-free, admissible, complete, grounded, preferred,
#: stable, semi-stable, stage or ideal.  The functions take the codes in any case (``"pr"`` too).
SemanticsCode: TypeAlias = Literal["CF", "AD", "CO", "GR", "PR", "ST", "SST", "STG", "ID"]

#: Every semantics :func:`extensions` knows, by its ICCMA code.
SEMANTICS: tuple[SemanticsCode, ...] = ("CF", "AD", "CO", "GR", "PR", "ST", "SST", "STG", "ID")

#: An argument's skeptical label: in every extension, attacked by every extension, or neither.
Label: TypeAlias = Literal["IN", "OUT", "UNDEC"]

#: semantics whose extensions are complete: they contain the grounded extension
_COMPLETE_BASED = ("CO", "PR", "ST", "SST", "ID")


def grounded(af: AF) -> frozenset[str]:
    """The grounded extension: the arguments that ``grounded_labelling`` labels IN."""
    return af.names(i for i, lab in enumerate(grounded_labelling(af)) if lab == IN)


def _check(semantics: str) -> str:
    s = semantics.upper()
    if s not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")
    return s


class _Split:
    """A framework under one semantics, cut into a fixed base and independent parts."""

    def __init__(self, af: AF, s: str) -> None:
        self.af = af
        self.s = s
        #: the grounded labelling, where it decides arguments for this semantics, else None
        self.decided: list[int] | None = None
        base: list[int] = []
        if s in _COMPLETE_BASED or s in ("GR", "STG"):
            labels = grounded_labelling(af)
            if s in _COMPLETE_BASED or s == "GR" or UNDEC not in labels:
                # grounded total: it is the only extension, stage included (it is stable)
                self.decided = labels
                base = [i for i, lab in enumerate(labels) if lab == IN]
        self.base = base
        if s == "GR":
            self.parts: list[Graph] = []
        elif self.decided is not None:
            self.parts = components(af, [lab == UNDEC for lab in self.decided])
        else:
            self.parts = components(af)
        self._memo: dict[tuple[tuple[int, ...], ...], Part] = {}

    def part(self, g: Graph) -> Part:
        """The part's answers; parts wired alike share them (many small cycles of a debate
        are the same two arguments rebutting each other: test_identical_parts_share_answers)."""
        key = g.signature()
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = Part(g, self.s)
        return found

    def owner(self, i: int) -> tuple[Graph, int]:
        """The part holding argument ``i`` (undecided by grounded), and its local number there."""
        for g in self.parts:
            j = bisect_left(g.ids, i)  # a part's ids are in increasing order
            if j < len(g.ids) and g.ids[j] == i:
                return g, j
        raise AssertionError(f"argument {i} is in no part")

    def assemble(self, home: Graph | None, local: frozenset[int]) -> frozenset[int] | None:
        """The extension made of the base, ``local`` in ``home``, and some extension of every
        other part; None when some part has none (stable semantics)."""
        whole = set(self.base)
        for g in self.parts:
            if g is home:
                whole.update(g.globals(local))
                continue
            p = self.part(g)
            ext = p.some()
            p.close()
            if ext is None:
                return None
            whole.update(g.globals(ext))
        return frozenset(whole)

    def some(self) -> frozenset[int] | None:
        return self.assemble(None, frozenset())

    def every(self) -> Iterator[list[int]]:
        """Every extension once (framework indexes, in no order): the product of every
        part's extensions."""
        per_part: list[list[list[int]]] = []
        lists: dict[tuple[tuple[int, ...], ...], list[frozenset[int]]] = {}
        for g in self.parts:
            key = g.signature()
            if key not in lists:
                p = self.part(g)
                lists[key] = list(p.every())
            per_part.append([g.globals(e) for e in lists[key]])
        base = self.base
        for choice in product(*per_part):
            whole = list(base)
            for chosen in choice:
                whole += chosen
            yield whole

    def close(self) -> None:
        for p in self._memo.values():
            p.close()


def _names(af: AF, ext: frozenset[int] | None) -> frozenset[str] | None:
    return None if ext is None else af.names(ext)


def every_extension(af: AF, semantics: str) -> Iterator[list[int]]:
    """Each extension once, as argument indexes in no particular order (for the EE task)."""
    split = _Split(af, _check(semantics))
    try:
        yield from split.every()
    finally:
        split.close()


@without_gc  # many small lists, no cycles (test_queries_run_with_the_collector_paused)
def extensions(af: AF, semantics: SemanticsCode | str) -> list[frozenset[str]]:
    """All extensions of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), sorted by size,
    then by their sorted names.

    Independent parts are enumerated separately and combined, so frameworks with
    many extensions cost about one step per extension.

    >>> af = AF(["a", "b"], [("a", "b"), ("b", "a")])
    >>> [sorted(e) for e in extensions(af, "PR")]
    [['a'], ['b']]
    """
    name = af.arguments.__getitem__
    found = [frozenset(map(name, e)) for e in every_extension(af, semantics)]
    # joined with NUL, the sorted names compare as the lists would, but in one C call
    # (65,536 extensions: bench_semantics.py EE-PR; test_extensions_come_sorted_by_size_then_names)
    return sorted(found, key=lambda e: (len(e), "\0".join(sorted(e))))


@without_gc  # many small lists, no cycles (test_queries_run_with_the_collector_paused)
def some_extension(af: AF, semantics: SemanticsCode | str) -> frozenset[str] | None:
    """One extension, or None when there is none (only stable semantics can have none)."""
    s = _check(semantics)
    split = _Split(af, s)
    try:
        return _names(af, split.some())
    finally:
        split.close()


@without_gc  # many small lists, no cycles (test_queries_run_with_the_collector_paused)
def credulous(af: AF, semantics: SemanticsCode | str, argument: str) -> tuple[bool, frozenset[str] | None]:
    """Whether ``argument`` is in some extension; with a witness extension if so.

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> accepted, witness = credulous(af, "PR", "c")
    >>> accepted, sorted(witness)
    (True, ['a', 'c'])
    """
    s = _check(semantics)
    i = af.index[argument]
    split = _Split(af, s)
    try:
        if split.decided is not None and split.decided[i] != UNDEC:
            if split.decided[i] == OUT:
                return False, None  # attacked by the grounded extension: in no extension
            witness = split.some()  # in the grounded extension: in every one there is
            return witness is not None, _names(af, witness)
        if s == "GR":
            return False, None
        g, j = split.owner(i)
        local = split.part(g).with_(j)
        if local is None:
            return False, None
        witness = split.assemble(g, local)  # stable: None when another part has none
        return witness is not None, _names(af, witness)
    finally:
        split.close()


@without_gc  # many small lists, no cycles (test_queries_run_with_the_collector_paused)
def skeptical(af: AF, semantics: SemanticsCode | str, argument: str) -> tuple[bool, frozenset[str] | None]:
    """Whether ``argument`` is in every extension; with a counter-example extension if not.

    With no extension at all (stable semantics only), every argument is skeptically accepted.

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> accepted, counter = skeptical(af, "PR", "c")
    >>> accepted, sorted(counter)
    (False, ['b'])
    """
    s = _check(semantics)
    i = af.index[argument]
    split = _Split(af, s)
    try:
        if split.decided is not None and split.decided[i] != UNDEC:
            if split.decided[i] == IN:
                return True, None  # in the grounded extension: in every extension
            counter = split.some()  # attacked by it: in none, so any extension will do
            return (True, None) if counter is None else (False, af.names(counter))
        if s == "GR":
            return False, _names(af, split.some())
        g, j = split.owner(i)
        local = split.part(g).without(j)
        counter = None if local is None else split.assemble(g, local)
        return (True, None) if counter is None else (False, af.names(counter))
    finally:
        split.close()


@without_gc  # many small lists, no cycles (test_queries_run_with_the_collector_paused)
def skeptical_labels(af: AF, semantics: SemanticsCode | str) -> dict[str, Label] | None:
    """Each argument's label: IN when it is in every extension, OUT when every extension
    attacks it, UNDEC otherwise; None when there is no extension (stable semantics only).

    Computed by acceptance queries part by part, never by listing the extensions.
    Under complete semantics the labels are the grounded labelling.

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    >>> skeptical_labels(af, "PR")
    {'a': 'UNDEC', 'b': 'UNDEC', 'c': 'UNDEC'}
    >>> skeptical_labels(AF(["a", "b"], [("a", "b")]), "ST")
    {'a': 'IN', 'b': 'OUT'}
    """
    s = _check(semantics)
    names: tuple[Label, Label, Label] = ("UNDEC", "IN", "OUT")
    if s in ("GR", "CO"):  # the grounded extension is the least complete one
        return {a: names[lab] for a, lab in zip(af.arguments, grounded_labelling(af))}
    split = _Split(af, s)
    try:
        labels = bytearray(len(af)) if split.decided is None else bytearray(split.decided)
        for g in split.parts:
            p = split.part(g)
            local = p.labels()
            p.close()
            if local is None:
                return None
            for j, i in enumerate(g.ids):
                labels[i] = local[j]
    finally:
        split.close()
    return {a: names[lab] for a, lab in zip(af.arguments, labels)}
