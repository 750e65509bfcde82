"""Structure rules: what makes an argument's shape wrong, whoever wrote it."""

from __future__ import annotations

from typing import Iterator

from ..._model import Context, Finding, Related, Support, relation_sources, relation_target, strongly_connected, tables
from ..registry import rule

_HEAD = "post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  claim c: Tea is cheap.\n"


@rule(
    "S101", "self-support", "error",
    summary="A support lists its own conclusion among its premises: the claim is offered as a reason for itself.",
    bad=_HEAD + "  support s1: a & b -> a\n",
    good=_HEAD + "  support s1: b -> a\n",
)  # fmt: skip
def self_support(ctx: Context) -> Iterator[Finding]:
    for s in ctx.doc.supports:
        if s.conclusion in s.premises:
            i = s.premises.index(s.conclusion)
            yield Finding(
                f"support {s.id} gives {s.conclusion} as a reason for itself",
                ctx.ref_span(s, i),
                hint="remove the conclusion from the premises",
            )


@rule(
    "S102", "self-attack", "error",
    summary="A proposition rebuts itself, or restates itself, or an undercut attacks itself.",
    bad=_HEAD + "  rebut a -> a\n",
    good=_HEAD + "  rebut b -> a\n",
)  # fmt: skip
def self_attack(ctx: Context) -> Iterator[Finding]:
    for r in ctx.doc.rebuttals:
        if r.target in r.attackers:
            yield Finding(
                f"{r.target} rebuts itself", r.span, hint="a rebuttal needs two different propositions"
            )
    for u in ctx.doc.undercuts:
        if u.id is not None and u.target == u.id:
            yield Finding(f"undercut {u.id} attacks itself", u.span, hint="an undercut attacks another inference")
    for rs in ctx.doc.restatements:
        if rs.source == rs.target:
            yield Finding(f"{rs.source} restates itself", rs.span)


@rule(
    "S103", "circular-support", "error",
    summary="Supports form a cycle: each claim rests on the next and the last on the first (begging the question).",
    bad=_HEAD + "  support s1: b -> a\n  support s2: c -> b\n  support s3: a -> c\n",
    good=_HEAD + "  support s1: b -> a\n  support s2: c -> b\n",
)  # fmt: skip
def circular_support(ctx: Context) -> Iterator[Finding]:
    supports = ctx.doc.supports
    # a step p -> c can only lie on a cycle if something supports p and c supports something
    t = tables(ctx.doc)
    conclusions, premises = t.conclusions, t.premises
    edges: dict[str, list[Support]] = {}
    for s in supports:
        if s.conclusion not in premises:
            continue
        for p in dict.fromkeys(s.premises):
            if p != s.conclusion and p in conclusions:
                edges.setdefault(p, []).append(s)
    for cycle in _cycles(edges):
        first = min(cycle, key=_order)
        k = cycle.index(first)
        cycle = cycle[k:] + cycle[:k]
        yield Finding(
            f"circular support: {_chain(cycle)}",
            first.span,
            hint="a claim cannot be (even indirectly) a reason for itself; remove one of these supports",
            related=[Related(f"support {s.id}", s.span) for s in cycle],
        )


def _order(s: Support) -> tuple[int, int]:
    return (s.span.line, s.span.column) if s.span else (0, 0)


def _chain(cycle: list[Support]) -> str:
    """Write a cycle of supports as ``a -> b -> a``, following conclusions."""
    nodes = [cycle[-1].conclusion] + [s.conclusion for s in cycle]
    return " -> ".join(nodes)


def _cycles(edges: dict[str, list[Support]]) -> Iterator[list[Support]]:
    """One cycle (as a list of supports) per strongly connected component.

    ``edges[p]`` lists the supports in which ``p`` is a premise; following a
    support leads to its conclusion.
    """
    steps: dict[str, list[str]] = {}

    def conclusions(node: str) -> list[str]:
        found = steps.get(node)
        if found is None:
            found = steps[node] = [s.conclusion for s in edges.get(node, ())]
        return found

    for comp in strongly_connected(list(edges), conclusions):
        if len(comp) > 1:
            yield _cycle_in(set(comp), edges)


def _cycle_in(comp: set[str], edges: dict[str, list[Support]]) -> list[Support]:
    """A simple cycle inside a strongly connected set of propositions (BFS back to the start)."""
    start = min(comp)
    parents: dict[str, tuple[str, Support]] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        nxt_frontier = []
        for node in frontier:
            for s in edges.get(node, []):
                c = s.conclusion
                if c == start:
                    path = [s]
                    while node != start:
                        node, sup = parents[node]
                        path.append(sup)
                    return path[::-1]
                if c in comp and c not in seen:
                    seen.add(c)
                    parents[c] = (node, s)
                    nxt_frontier.append(c)
        frontier = nxt_frontier
    raise AssertionError("a strongly connected component always holds a cycle")  # pragma: no cover


@rule(
    "S104", "supports-and-rebuts", "error",
    summary="The same proposition both supports and rebuts the same target.",
    bad=_HEAD + "  support s1: b -> a\n  rebut b -> a\n",
    good=_HEAD + "  support s1: b -> a\n  rebut c -> a\n",
)  # fmt: skip
def supports_and_rebuts(ctx: Context) -> Iterator[Finding]:
    rebutters = tables(ctx.doc).rebutters
    supporting: dict[tuple[str, str], Support] = {}
    for s in ctx.doc.supports:
        for p in s.premises:
            if p in rebutters:
                supporting.setdefault((p, s.conclusion), s)
    for r in ctx.doc.rebuttals:
        found = [(a, supporting[a, r.target]) for a in r.attackers if (a, r.target) in supporting]
        if found:
            attacker, both = found[0]
            yield Finding(
                f"{attacker} both supports (in {both.id}) and rebuts {r.target}",
                r.span,
                hint="decide which it does; if it only weakens the inference, use undercut",
                related=[Related(f"support {both.id}", both.span)],
            )


@rule(
    "S105", "linked-single-premise", "warning",
    summary="A linked support repeats a premise, so it has fewer distinct premises than written (maybe only one).",
    bad=_HEAD + "  support s1: b & b -> a\n",
    good=_HEAD + "  support s1: b & c -> a\n",
)  # fmt: skip
def linked_single_premise(ctx: Context) -> Iterator[Finding]:
    for s in ctx.doc.supports:
        distinct = len(set(s.premises))
        if distinct < len(s.premises):
            what = "only one distinct premise" if distinct == 1 else f"{distinct} distinct premises"
            yield Finding(
                f"linked support {s.id} has {what}: a premise is repeated",
                s.span,
                hint="list each premise once; a linked argument needs two or more different premises",
            )


@rule(
    "S106", "undercut-by-own-part", "warning",
    summary="An undercut's attacker is itself a part of the inference it undercuts: a premise or the "
            "conclusion of a support, an attacker or the target of a rebuttal.",
    bad=_HEAD + "  support s1: b -> a\n  undercut b -> s1\n",
    good=_HEAD + "  support s1: b -> a\n  undercut c -> s1\n",
)  # fmt: skip
def undercut_by_own_part(ctx: Context) -> Iterator[Finding]:
    inferences = ctx.doc.inferences_by_id
    for u in ctx.doc.undercuts:
        s = inferences.get(u.target)
        if s is None:
            continue
        parts = {*relation_sources(s), relation_target(s)}
        own = [a for a in u.attackers if a in parts]
        if own:
            yield Finding(f"{own[0]} undercuts {s.kind} {s.id}, of which it is a part", u.span)


@rule(
    "S107", "duplicate-relation", "warning",
    summary="The same relation is stated twice.",
    bad=_HEAD + "  rebut b -> a\n  rebut b -> a\n",
    good=_HEAD + "  rebut b -> a\n  rebut c -> a\n",
)  # fmt: skip
def duplicate_relation(ctx: Context) -> Iterator[Finding]:
    # same kind and ends, premises as a set ("a & b" repeats "b & a"), and for
    # agreements the same post (different posts may each agree): see _tables
    for r, first in tables(ctx.doc).repeats:
        yield Finding(
            f"this {r.kind} repeats an earlier one",
            r.span,
            hint="remove the repetition",
            related=[Related(f"first {r.kind}", first.span)],
        )
